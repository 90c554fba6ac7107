"""The Constitution, and documents other than laws named by what they amend: "the 1992
Constitution of the Socialist Republic of Vietnam", "Hiến pháp năm 2013", "the Resolution of the
National Assembly amending and supplementing a number of articles of the Constitution of …".

One job: in a sentence, name the Constitution (a document the type scheme has no concept for:
typed unclassified; keyed by its year when the text gives one, so every reference to the same
Constitution is one document) and the amending documents of AMENDING_TITLE_TYPES whose name
says what they amend (keyed as :mod:`titles` keys an amending law, so that
:func:`titles.title_relations` relates them). Words are data (extract_lang_more: CONSTITUTION_*,
AMENDING_TITLE_TYPES; extract_lang: TITLE_AMENDING, TITLE_OF, TITLE_CONNECTORS). As for any
unnumbered document, these are kept only when they take part in a relation.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang_more as M
from partykg.ingest.extract import titles as T
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.named import place_named
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

_YEAR = r"(?:19|20)\d\d"
_CAP_WORD = re.compile(r"[ \t]{1,2}([^\W\d_][\w'’-]{0,24})")


@per_patterns
def _res(P: Patterns) -> dict:
    lang = P.lang
    words = _alt(M.CONSTITUTION_WORDS[lang])
    after = _alt(M.CONSTITUTION_YEAR_AFTER[lang])
    types = [w for w, k in P.type_words.items() if k in M.AMENDING_TITLE_TYPES]
    out = {
        # the word with a capital, its year before or after it
        "const": re.compile(rf"(?<![\w])(?:(?P<y1>{_YEAR})[ \t]{{1,2}})?"
                            rf"(?P<word>{words})(?![\w-])"
                            rf"(?:[ \t]{{1,2}}(?:{after})[ \t]{{1,2}}(?P<y2>{_YEAR})(?!\d))?",
                            re.IGNORECASE),
        "of": re.compile(rf"[ \t]{{1,2}}(?:{_alt(M.CONSTITUTION_OF[lang])})(?=[ \t])", re.IGNORECASE),
        "atype": (re.compile(rf"(?<![\w])(?:{_alt(types)})(?![\w-])", re.IGNORECASE)
                  if types else None),
        "issuer_of": (re.compile(rf"[ \t]{{1,2}}(?:{_alt(T.L.TITLE_OF[lang])})(?=[ \t])",
                                 re.IGNORECASE) if T.L.TITLE_OF[lang] else None),
    }
    return out


def _name_end(text: str, pos: int, P: Patterns, R: dict) -> int:
    """End of "of the Socialist Republic of Vietnam" after the word: capitalised words and the
    title connectors between them (never ending on a connector)."""
    om = R["of"].match(text, pos)
    if not om:
        return pos
    end, last = om.end(), pos
    conn = T.L.TITLE_CONNECTORS[P.lang]
    for _ in range(8):
        wm = _CAP_WORD.match(text, end)
        if not wm:
            break
        w = wm.group(1)
        if w[:1].isupper() and not P.type_re.fullmatch(w):
            end = last = wm.end()
        elif w.lower() in conn:
            end = wm.end()
        else:
            break
    return last


def _constitution(text: str, pos: int, P: Patterns, R: dict):
    """(start, end, key, year) of a Constitution named at ``pos`` (a year may precede), or None."""
    m = R["const"].match(text, pos)
    if not m or not m.group("word")[:1].isupper():
        return None
    year = m.group("y1") or m.group("y2") or ""
    end = m.end() if m.group("y2") else _name_end(text, m.end(), P, R)
    return m.start(), end, ("unclassified", "title", ("constitution " + year).strip()), year


def name_constitutions(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions with the Constitutions and the documents named by their amending
    of one (or of a law named by title) keyed; see the module's docstring."""
    lang = P.lang
    if not M.CONSTITUTION_WORDS.get(lang):
        return ms
    text = sent.text
    low = text.lower()
    if not any(w.lower() in low for w in M.CONSTITUTION_WORDS[lang]) \
            and not any(w in low for w in ("amend", "modifi", "sửa đổi", "perubahan")):
        return ms
    R = _res(P)
    TR = T._res(P)
    found: list[tuple[int, int, str, tuple]] = []
    years: dict[tuple, str] = {}
    taken = -1
    if R["atype"] is not None:
        for tm in R["atype"].finditer(text):
            if tm.start() < taken or not tm.group(0)[:1].isupper():
                continue
            pos = tm.end()
            im = R["issuer_of"].match(text, pos) if R["issuer_of"] else None
            if im:  # "Resolution of the National Assembly amending …": the issuer's name
                end = im.end()
                for _ in range(6):
                    wm = _CAP_WORD.match(text, end)
                    if not wm or not wm.group(1)[:1].isupper():
                        break
                    end = wm.end()
                if end > im.end():
                    pos = end
            am = TR["amending"].match(text, pos)
            if not am:
                continue
            pos = am.end()
            om = TR["of"].match(text, pos) if TR["of"] else None
            pos = om.end() if om else pos
            dm = re.compile(r"[ \t]{1,2}(?:the|les?|la|l['’])(?=[ \t\w])", re.I).match(text, pos)
            pos = dm.end() if dm else pos
            at = pos + 1 if text[pos:pos + 1] in " \t" else pos
            obj = _constitution(text, at, P, R)
            if obj:
                os_, oe, okey, year = obj
                years[okey] = year
            else:
                lt = TR["type"].match(text, at)
                got = T._parse(text, lt, P, TR, 1) if lt else None
                if not got or got[3]:
                    continue
                os_, oe, ok = got[:3]
                okey = ("law", "title", ok)
            tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
            found.append((tm.start(), am.end(), tkey,
                          (tkey, "amends", (okey[2],), T._year_near(text, tm.start(), oe, P))))
            found.append((os_, oe, okey[0], okey))
            taken = oe
    for m in R["const"].finditer(text):
        if m.start() < taken:
            continue
        obj = _constitution(text, m.start(), P, R)
        if obj and not any(s < obj[1] and obj[0] < e for s, e, _, _ in found):
            found.append((obj[0], obj[1], "unclassified", obj[2]))
            years[obj[2]] = obj[3]
    if not found:
        return ms
    out = place_named(sent, si, ms, found, keep_anaphor=True)
    for x in out:
        if x.name_key in years and years[x.name_key] and not x.date:
            x.date = years[x.name_key]
    return out
