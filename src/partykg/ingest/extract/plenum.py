"""Documents named by the Central Committee plenum that adopted them: "Nghị quyết Trung ương 5
khóa IX", "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XI", "Nghị quyết TW 4
(khóa XII)".

One job: in a sentence's mentions, give such a name its span and a key (type, plenum ordinal,
term) so that every reference to the same plenum's resolution in the article is one document,
and give the key to a numbered resolution whose plenum the text names right after it
("Nghị quyết số NN-NQ/TW ngày …, Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XI") or
right before its number ("Nghị quyết Trung ương 6 khóa XII số NN-NQ/TW"): a later "Nghị quyết
Trung ương 7 khóa XI" is that document. Two numbered documents of one plenum (a plenum adopts
several resolutions) make the name ambiguous: it is then no name of either. A reference without
the term takes the one term the article gives that plenum. Kept, as any unnumbered document,
only in a relation. The words are in :mod:`partykg.ingest.extract_lang_more` (PLENUM_*); none is
a name.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.named import _roman, place_named
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

def _number(tok: str | None, lang: str) -> int | None:
    if not tok:
        return None
    t = re.sub(r"\s+", " ", tok.strip())
    if t.isdigit():
        return int(t)
    words = LM.PLENUM_ORDINAL_WORDS.get(lang, {})
    if t.lower() in words:
        return words[t.lower()]
    return _roman(t)


@per_patterns
def _regexes(P: Patterns) -> tuple[re.Pattern, re.Pattern] | None:
    """(the name after a type word, the name after a numbered document), or None when the
    language has no words for it."""
    lang = P.lang
    if lang not in LM.PLENUM_CENTRE:
        return None
    sp = r"[ \t]{1,2}"
    types = _alt(w for w, k in P.type_words.items() if k in LM.PLENUM_TYPES)
    prefix = _alt(LM.PLENUM_ORDINAL_PREFIX[lang])
    words = _alt(LM.PLENUM_ORDINAL_WORDS[lang])
    # digits or a Roman numeral anywhere; a written ordinal only after its prefix ("lần thứ
    # bảy"), and never before a number ("Trung ương năm 2020": a year)
    num = r"(?:\d{1,2}(?![\d/.\-])|(?-i:[IVXL]{1,6}))(?![\w])"
    ordinal = rf"(?:(?:{prefix}){sp})?{num}"
    worded = rf"(?:{prefix}){sp}(?:{words})(?![\w])(?![ \t]{{0,2}}\d)"
    centre = rf"(?:{_alt(LM.PLENUM_CENTRE[lang])}){sp}(?P<ord>{worded}|{ordinal})"
    links = _alt(LM.PLENUM_LINKS[lang])
    meeting = (rf"(?:{_alt(LM.PLENUM_MEETING[lang])}){sp}(?P<ord2>{worded}|{ordinal}){sp}"
               rf"(?:(?:{links}){sp})?(?:{_alt(LM.PLENUM_COMMITTEE[lang])})")
    term = (rf"(?:[ \t]{{0,2}},?[ \t]{{0,2}}\(?[ \t]{{0,2}}(?:{_alt(LM.PLENUM_TERM[lang])}){sp}"
            rf"(?P<term>(?-i:[IVXL]{{1,6}})|\d{{1,2}})(?![\w])(?:[ \t]{{0,2}}\))?)?")
    name = rf"(?:{meeting}|{centre}){term}"
    named = re.compile(rf"(?<![\w])(?P<type>{types}){sp}(?:(?:{links}){sp})?{name}", re.IGNORECASE)
    date = rf"(?:(?:{_alt(LM.PLENUM_DATE_PREFIX[lang])}){sp}[^,;()\n]{{1,24}}?[ \t]{{0,2}},?[ \t]{{0,2}})?"
    after = re.compile(rf"[ \t]{{0,2}},?[ \t]{{0,2}}{date}\(?[ \t]{{0,2}}(?:(?:{links}){sp})?{name}",
                       re.IGNORECASE)
    return (named, after)


def _lead(P: Patterns) -> re.Pattern:
    """Between a plenum's name and the number that follows it: a comma or bracket and a number
    marker at most."""
    marker = _alt(L.NUMBER_MARKERS[P.lang])
    return re.compile(rf"[ \t]{{0,2}}[,(]?[ \t]{{0,2}}(?:(?:{marker})[ \t]{{0,2}})?", re.IGNORECASE)


def _key(tkey: str, m: re.Match, lang: str) -> tuple | None:
    ordinal = m.group("ord") or m.group("ord2")
    n = _number(re.sub(rf"^(?:{_alt(LM.PLENUM_ORDINAL_PREFIX[lang])})[ \t]{{1,2}}", "", ordinal,
                       flags=re.IGNORECASE), lang)
    if n is None or not 0 < n < 30:
        return None
    return (tkey, "plenum", n, _number(m.group("term"), lang))


def name_plenums(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions, with the plenums' documents named and keyed (see the module's
    docstring)."""
    rx = _regexes(P)
    if rx is None:
        return ms
    named, after = rx
    text, base = sent.text, sent.start
    found: list[tuple[int, int, str, tuple]] = []
    for m in named.finditer(text):
        tkey = P.type_words.get(re.sub(r"\s+", " ", m.group("type").lower()))
        key = _key(tkey, m, P.lang) if tkey else None
        if key is None:
            continue
        # the number right after the name: "Nghị quyết Trung ương 6 khóa XII số NN-NQ/TW"
        nxt = next((x for x in ms if x.strong and m.end() <= x.start - base <= m.end() + 8
                    and _lead(P).fullmatch(text[m.end():x.start - base])), None)
        if nxt is not None and nxt.type == tkey and nxt.name_key is None:
            nxt.name_key = key  # one mention from the type word to the number
            ms = _drop(ms, [x for x in ms if not x.strong and x.start - base < m.end()
                            and m.start() < x.end - base])
            nxt.start = base + m.start()
            nxt.text = text[m.start():nxt.end - base]
            continue
        found.append((m.start(), m.end(), tkey, key))
    for x in ms:  # a numbered document, then its plenum's name
        if not x.strong or x.type not in LM.PLENUM_TYPES or x.name_key is not None:
            continue
        m = after.match(text, x.end - base)
        if m is not None:
            key = _key(x.type, m, P.lang)
            if key is not None:
                x.name_key = key
                x.tail_end = max(x.tail_end, base + m.end())
    return place_named(sent, si, ms, found) if found else ms


def settle_plenums(mentions: list[Mention]) -> None:
    """A reference without the term takes the article's one term for that plenum; a key two
    numbered documents hold names neither (a plenum adopts several documents)."""
    keys = {m.name_key for m in mentions if m.name_key and m.name_key[1:2] == ("plenum",)}
    if not keys:
        return
    for m in mentions:
        k = m.name_key
        if k and k[1:2] == ("plenum",) and k[3] is None:
            terms = {x for x in keys if x[:3] == k[:3] and x[3] is not None}
            if len(terms) == 1:
                m.name_key = next(iter(terms))
    held: dict[tuple, set] = {}
    for m in mentions:
        if m.strong and m.name_key and m.name_key[1:2] == ("plenum",):
            held.setdefault(m.name_key, set()).add(m.number_key or m.code)
    for m in mentions:
        if m.strong and m.name_key in held and len(held[m.name_key]) > 1:
            m.name_key = None


def _drop(ms: list[Mention], gone: list[Mention]) -> list[Mention]:
    """The mentions without ``gone``, list_head indexes (sentence-local) kept right."""
    if not gone:
        return ms
    heads = {id(x): ms[x.list_head] for x in ms if x.list_head is not None}
    out = [x for x in ms if not any(x is g for g in gone)]
    pos = {id(x): i for i, x in enumerate(out)}
    for x in out:
        if id(x) in heads:
            x.list_head = pos.get(id(heads[id(x)]))
    return out
