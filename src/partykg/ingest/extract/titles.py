"""Laws named by their title, without a number: "the Law on Promulgation of Legal Documents",
"LAW ON PROMULGATION OF LEGAL DOCUMENTS", "Luật Ban hành văn bản quy phạm pháp luật", and the
amending laws named by what they amend: "the Law Amending and Supplementing a Number of Articles
of the Law on X and the Law on Y", "Luật sửa đổi, bổ sung một số điều của Luật X".

One job: in a sentence, find such titles, name the mention (type word through the title; an
amending law's name ends where its object starts) and key it by its title, so that every
reference to the same law in the article is one document; and say which laws an amending
title amends (the relation its own name states). A title ends at punctuation, a number marker,
a date prefix, the next type word or a stop word (extract_lang.TITLE_*). As for any unnumbered
document, a law is kept only when it takes part in a relation.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_cues_int as W
from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.codes import normal_code
from partykg.ingest.extract.data import Mention, Relation, Sentence
from partykg.ingest.extract.named import place_named
from partykg.ingest.extract.patterns import Patterns, _alt, cached, find_date, per_patterns
from partykg.model.ids import fold

_WORD = re.compile(r"[ \t]{1,2}([^\W\d_][\w'’-]{0,24})")
_MAX_WORDS = 10


@per_patterns
def _res(P: Patterns) -> dict[str, re.Pattern]:
    lang = P.lang
    types = [w for w, k in P.type_words.items() if k in L.TITLE_TYPES]
    quals = (rf"(?:(?:{_alt(LM.TITLE_QUALIFIERS[lang])})[ \t]{{1,2}})?"
             if LM.TITLE_QUALIFIERS.get(lang) else "")
    date_stops = LM.TITLE_DATE_STOPS.get(lang, ())
    stops = tuple(w for w in L.TITLE_STOPS[lang] if w not in date_stops)
    out = {
        "type": re.compile(rf"(?<![\w])(?:{_alt(types)})(?![\w-])", re.IGNORECASE),
        # amending words as pages write them: a space may be lost ("de complètement de
        # certainsarticles"), the apostrophe may be either
        "amending": re.compile(rf"[ \t]{{1,2}}(?:{_flex(L.TITLE_AMENDING[lang])})(?![\w])",
                               re.IGNORECASE),
        "opener": (re.compile(rf"[ \t]{{1,2}}{quals}(?:{_alt(L.TITLE_OPENERS[lang])})(?=[ \t])",
                              re.IGNORECASE) if L.TITLE_OPENERS[lang] else None),
        "of": (re.compile(rf"[ \t]{{1,2}}(?:{_alt(L.TITLE_OF[lang])})(?=[ \t])", re.IGNORECASE)
               if L.TITLE_OF[lang] else None),
        "stop": re.compile(rf"[ \t]{{1,2}}(?:(?:{_alt(stops + L.NUMBER_MARKERS[lang])})(?![\w])"
                           rf"|(?:{_alt(date_stops) or '(?!)'})(?=[ \t]{{1,2}}\d))", re.IGNORECASE),
        "and": re.compile(rf"[ \t]{{0,2}},?[ \t]{{0,2}}(?:{_alt(L.COORDINATORS[lang])})(?=[ \t])",
                          re.IGNORECASE),
    }
    # the next object of an amending title: a coordinator, then "of" and an article ("… et de la
    # loi sur …", "… and of the Law on …"); a title ends there
    art = r"(?:[ \t]{1,2}(?:the|les?|la|l['’]))?"
    of = rf"(?:[ \t]{{1,2}}(?:{_alt(L.TITLE_OF[lang])}))?" if L.TITLE_OF[lang] else ""
    out["next"] = re.compile(rf"[ \t]{{0,2}},?[ \t]{{0,2}}(?:{_alt(L.COORDINATORS[lang])})"
                             rf"{of}{art}(?=[ \t]{{1,2}}(?:{_alt(types)})(?![\w-]))",
                             re.IGNORECASE)
    return out


def _flex(words) -> str:
    """An alternation of phrases whose spaces may be missing and whose apostrophe is either."""
    if not words:
        return "(?!)"
    return re.sub(r"['’]", "['’]", _alt(words).replace(r"\s{1,2}", r"[ \t]{0,2}"))


_NAME_WORD = re.compile(r"[A-Z][a-z][\w'’-]{0,20}")
_UPPER_WORD = re.compile(r"[A-Z][A-Z'’-]{1,20}")


_ABBR_WORD = re.compile(r"[A-Z]{2,5}")


def _name_word(w: str, upper: bool, lang: str) -> bool:
    """A word of a name before the type word: capitalised (upper case when the type word is; an
    abbreviation in capitals before a title-case one, "the IP Law", "the VAT Law"), or lower
    case with one of TITLE_BEFORE_LOWER_PREFIXES ("anti-corruption")."""
    if (_UPPER_WORD if upper else _NAME_WORD).fullmatch(w) or (
            not upper and _ABBR_WORD.fullmatch(w)):
        return w.capitalize() not in L.TITLE_BEFORE_NOT[lang] and w not in L.TITLE_BEFORE_NOT[lang]
    prefixes = LM.TITLE_BEFORE_LOWER_PREFIXES.get(lang, ())
    return not upper and w.islower() and any(w.startswith(p) and len(w) > len(p) + 2
                                             for p in prefixes)


def _name_before(text: str, ts: int, P: Patterns, upper: bool = False) -> tuple[int, str] | None:
    """(start, key) of a name written before the type word at ``ts`` ("the Land Law", "the
    2013 Enterprise Law"): up to four capitalised words (TITLE_BEFORE_NOT excluded; upper-case
    words when ``upper``: "THE LABOR CODE") after a TITLE_BEFORE_OPENERS word or a year."""
    if not L.TITLE_BEFORE_OPENERS[P.lang]:
        return None
    words = list(re.finditer(r"[^\s,.;:()\[\]\"“”]+", text[max(0, ts - 100):ts]))
    off = max(0, ts - 100)
    if not words or not re.fullmatch(r"[ \t]{1,2}", text[off + words[-1].end():ts]):
        return None
    name: list[re.Match] = []
    for w in reversed(words):
        if len(name) == 4 or not _name_word(w.group(0), upper, P.lang):
            break
        if name and not re.fullmatch(r"[ \t]{1,2}", text[off + w.end():off + name[-1].start()]):
            break
        name.append(w)
    if not name:
        return None
    first = name[-1]
    before = text[max(0, off + first.start() - 30):off + first.start()]
    opener = re.search(rf"(?:(?<![\w])(?:{_alt(L.TITLE_BEFORE_OPENERS[P.lang])})|(?<!\d)(?:19|20)\d\d)"
                       r"[ \t]{1,2}$", before, re.IGNORECASE)
    if not opener:
        return None
    return off + first.start(), _key(" ".join(w.group(0) for w in reversed(name)))


def _named_at(text: str, pos: int, P: Patterns, R: dict) -> tuple[int, int, str] | None:
    """A name then the type word right at ``pos`` ("Land Law" in "… of the Land Law, …")."""
    if not L.TITLE_BEFORE_OPENERS[P.lang]:
        return None
    wm = re.compile(r"(?:[A-Z][a-z][\w'’-]{0,20}[ \t]{1,2}){1,4}").match(text, pos)
    if not wm:
        return None
    tm = R["type"].match(text, wm.end())
    if not tm or not tm.group(0)[:1].isupper() or R["opener"].match(text, tm.end()):
        return None
    got = _name_before(text, tm.start(), P)
    return (got[0], tm.end(), got[1]) if got and got[0] == pos else None


def _compound_next(text: str, end: int, P: Patterns) -> bool:
    """The word after ``end`` closes a compound of extract_lang_more.TYPE_WORD_COMPOUNDS begun by the
    words before it ("pháp" + "luật"): a type word's spelling that names no document."""
    for c in LM.TYPE_WORD_COMPOUNDS.get(P.lang, ()):
        head, _, tail = c.rpartition(" ")
        if text[max(0, end - len(head) - 1):end].lower() in (" " + head, head) \
                and re.match(rf"[ \t]{{1,2}}{re.escape(tail)}(?![\w])", text[end:end + len(tail) + 3],
                             re.IGNORECASE):
            return True
    return False


def _title_end(text: str, pos: int, P: Patterns, R: dict) -> int:
    """End of the title words from ``pos`` (the position after the type word or opener); in a
    title-case title, a lower-case word other than a connector ends it."""
    end = pos
    cased = None
    for _ in range(_MAX_WORDS):
        compound = _compound_next(text, end, P)  # "… quy phạm pháp| luật": no type word
        if R["stop"].match(text, end) or (P.type_re.match(text, end + 1) and not compound) \
                or R["next"].match(text, end):
            break
        wm = _WORD.match(text, end)
        if not wm and text[end:end + 1] == ",":
            pair = _comma_pair(text, pos, end, P, R)
            if pair:
                end = pair
            break
        if not wm or (R["type"].fullmatch(wm.group(1)) and not compound):
            break
        w = wm.group(1)
        if end > pos and len(w) >= 7 and not re.search(r"['’]", w) \
                and w.lower().endswith(LM.TITLE_CLAUSE_ENDINGS.get(P.lang) or ("\0",)):
            break  # "… nationale réglementant …": a participle opens a clause
        if cased is None:
            cased = bool(L.TITLE_CONNECTORS[P.lang]) and w[:1].isupper() and not w.isupper()
        elif cased and not w[:1].isupper() and w.lower() not in L.TITLE_CONNECTORS[P.lang]:
            break
        end = wm.end()
    while True:  # no connector at the end ("Law on Fees and")
        lm = re.search(r"[ \t]{1,2}([^\W\d_][\w'’-]{0,24})$", text[pos:end])
        if not lm or lm.group(1).lower() not in L.TITLE_CONNECTORS[P.lang]:
            break
        end = pos + lm.start()
    return end


_PAIR_WORD = re.compile(r"[ \t]{1,2}([^\W\d_][\w'’-]{0,24})")
_PAIR_END = re.compile(r"[ \t]{0,2}(?:[,;.:()\"“”\n]|$)")


def _comma_pair(text: str, pos: int, end: int, P: Patterns, R: dict) -> int | None:
    """End of a title that goes on over a comma ("Luật Cán bộ, công chức"): a short title before
    it, a few lower-case words after it, then the title's end (TITLE_COMMA_PAIR)."""
    limits = LM.TITLE_COMMA_PAIR.get(P.lang)
    if not limits or not 0 < len(re.findall(r"\w+", text[pos:end])) <= limits[0]:
        return None
    at, n = end + 1, 0
    while n < limits[1]:
        wm = _PAIR_WORD.match(text, at)
        if not wm or not wm.group(1)[:1].islower() or R["type"].fullmatch(wm.group(1)) \
                or R["stop"].match(text, at) \
                or (not n and wm.group(1).lower() in LM.TITLE_COMMA_NOT.get(P.lang, ())):
            break
        at, n = wm.end(), n + 1
    if not n:
        return None
    if R["stop"].match(text, at) or R["next"].match(text, at) or _PAIR_END.match(text, at):
        return at
    return None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _year_near(text: str, start: int, end: int, P: Patterns) -> str:
    """The year written right before an amending law's name or after its object (two laws
    amending the same law are told apart by it): "the June 18, 2020 Law …", "… ngày 16 tháng 11
    năm 2013"."""
    before = re.split(r"[;\n(]", text[max(0, start - 25):start])[-1]
    # (right before the name, a determiner at most between: "the June 18, 2020 Law"; not a
    # code's year nor an earlier document's, "No. 12/2003/ND-CP guiding the Law …", "… 1996
    # and the law …")
    ym = re.search(rf"({_YEAR.pattern})(?:[ \t]{{1,2}}(?:{_alt(L.DETERMINERS[P.lang] or ('the',))}))?"
                   r"[ \t]{0,2}$", before, re.IGNORECASE)
    if ym:
        return ym.group(1)
    after = re.split(r"[;\n]", text[end:end + 60])[0]
    for dm in P.date_prefix_re.finditer(after):
        got = find_date(text, end + dm.end(), P)
        if got:
            return got[0][:4]
    return ""


def _code_key(m: Mention) -> str:
    """A numbered object's key in an amending title's name: its code (or number)."""
    return "#" + (normal_code(m.code).upper() if m.code else f"no {m.number}")


def _key(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(title).lower())
    return " ".join(w for w in words if w not in LM.TITLE_KEY_SKIP)


def _parse(text: str, tm: re.Match, P: Patterns, R: dict, depth: int = 0,
           numbered: dict[int, tuple[int, str]] | None = None):
    """(start, end of the name, key, objects: [(start, end, key)]) of the title after a type
    word, or None. ``numbered``: the sentence's numbered mentions (start -> end, key "#code"),
    which an amending title may name as its object ("the Law on Amending … of the Law No. …")."""
    word = tm.group(0)
    lang = P.lang
    if lang == "vi" and not word[:1].isupper():
        return None  # "pháp luật": the common noun
    am = R["amending"].match(text, tm.end())
    if am:
        objects = []
        om = R["of"].match(text, am.end()) if R["of"] else None
        pos = om.end() if om else am.end()  # "Law on Amendments to the Law on …"
        dm = re.compile(r"[ \t]{1,2}(?:the|les?|la)(?=[ \t])", re.I).match(text, pos)
        pos = dm.end() if dm else pos
        while pos is not None and depth == 0 and len(objects) < 4:
            nt = R["type"].match(text, pos + 1) if text[pos:pos + 1] in " \t" else None
            got = _parse(text, nt, P, R, depth + 1) if nt else None
            if not got and text[pos:pos + 1] in " \t":  # "… of the Land Law"
                nb = _named_at(text, pos + 1, P, R)
                got = (nb[0], nb[1], nb[2], []) if nb else None
            if not got and numbered and pos + 1 in numbered:  # "… of the Law No. NN/…"
                got = (pos + 1, numbered[pos + 1][0], numbered[pos + 1][1], [])
            if not got or got[3]:
                break
            objects.append(got[:3])
            cm = R["next"].match(text, got[1]) or R["and"].match(text, got[1])
            dm = re.compile(r"[ \t]{1,2}(?:de[ \t]{1,2}|d['’])?(?:the|les?|la)(?=[ \t])", re.I).match(
                text, cm.end()) if cm else None
            pos = (dm.end() if dm else cm.end()) if cm else None
        if not objects:
            return None
        return (tm.start(), am.end(), _year_near(text, tm.start(), objects[-1][1], P), objects)
    if lang == "vi":
        nxt = _WORD.match(text, tm.end())
        if not nxt or nxt.group(1).lower() in L.TITLE_NOT[lang]:
            return None
        start_title = tm.end()
    else:
        if not word[:1].isupper() and lang == "en" and not R["opener"]:
            return None
        op = R["opener"].match(text, tm.end()) if R["opener"] else None
        if not op:
            adj = _adjective_title(text, tm.end(), P)  # "la loi foncière"
            if adj is None:
                return None
            end, year = _title_year(text, tm.end(), adj, P)
            return (tm.start(), end, (_key(text[tm.end():adj]) + year).strip(), [])
        start_title = op.end()
    end = _title_end(text, start_title, P, R)
    end, year = _title_year(text, start_title, end, P)
    title = text[start_title:end]
    if len(re.findall(r"\w+", title)) < 1:
        return None
    return (tm.start(), end, _key(title) + year if year else _key(title), [])


def _title_year(text: str, start: int, end: int, P: Patterns) -> tuple[int, str]:
    """(end, " YEAR") when a year closes the title after one of TITLE_YEAR_WORDS ("la loi
    foncière de 2013"; the word may end the title read so far, "… sur la terre de| 2024"), the
    end then after the year; else (end, "")."""
    words = LM.TITLE_YEAR_WORDS.get(P.lang)
    if not words:
        return end, ""
    alt = _alt(words)
    dangling = re.search(rf"[ \t]{{1,2}}(?:{alt})$", text[start:end], re.IGNORECASE)
    at = start + dangling.start() if dangling else end
    ym = re.compile(rf"[ \t]{{1,2}}(?:{alt})[ \t]{{1,2}}((?:19|20)\d\d)(?![\d/\w])",
                    re.IGNORECASE).match(text, at)
    if not ym:
        return (at if dangling else end), ""
    return ym.end(), " " + ym.group(1)


def _adjective_title(text: str, pos: int, P: Patterns) -> int | None:
    """End of one or two adjectives naming a law right after its type word ("loi foncière",
    extract_lang_more.TITLE_ADJECTIVE_ENDINGS), or None."""
    endings = LM.TITLE_ADJECTIVE_ENDINGS.get(P.lang)
    if not endings:
        return None
    end = None
    for _ in range(2):
        wm = _WORD.match(text, end if end is not None else pos)
        if not wm:
            break
        w = wm.group(1).lower()
        if len(w) < 5 or not w.endswith(endings) or w in LM.TITLE_ADJECTIVES_NOT.get(P.lang, ()):
            break
        end = wm.end()
    return end


def name_titles(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions with the laws named by title keyed (an amending law's key says
    what it amends); list_head indexes kept right."""
    R = _res(P)
    text = sent.text
    numbered = {m.start - sent.start: (m.end - sent.start, _code_key(m)) for m in ms
                if m.strong and (m.code or m.number)}
    found: list[tuple[int, int, str, tuple]] = []
    taken = -1
    for tm in R["type"].finditer(text):
        if tm.start() < taken:
            continue
        got = None
        if tm.group(0).lower() in LM.TITLE_HEAD_FINAL.get(P.lang, ()):  # "the Labor Code on …"
            nb = _name_before(text, tm.start(), P, upper=tm.group(0).isupper())
            got = (nb[0], tm.end(), nb[1], []) if nb else None
        got = got or _parse(text, tm, P, R, numbered=numbered)
        if not got and tm.group(0)[:1].isupper() and not R["opener"] is None \
                and not R["opener"].match(text, tm.end()):
            nb = _name_before(text, tm.start(), P, upper=tm.group(0).isupper())  # "the Land Law"
            got = (nb[0], tm.end(), nb[1], []) if nb else None
        if not got:
            continue
        s, e, key, objects = got
        tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
        if objects:
            found.append((s, e, tkey, (tkey, "amends", tuple(k for _, _, k in objects), key)))
            for os_, oe, ok in objects:
                if not ok.startswith("#"):  # a numbered object is a mention already
                    found.append((os_, oe, tkey, (tkey, "title", ok)))
            taken = objects[-1][1]
        else:
            found.append((s, e, tkey, (tkey, "title", key)))
            taken = e
    if not found:
        return ms
    out = place_named(sent, si, ms, found, keep_anaphor=True)
    _clip_tails(sent, out, P)
    return out


def _clip_tails(sent: Sentence, ms: list[Mention], P: Patterns) -> None:
    """An earlier mention's attributes (read before the titles were named) end where a law
    named by title starts, as they end at any mention: "the Law on X and Law on Y dated …" does
    not make "and Law on Y dated …" the tail of X (a coordinator or comma before Y is left
    out)."""
    base = sent.start
    coord = cached(P, "_title_coord_tail_re", lambda: re.compile(
        rf"[ \t,]*(?:(?<![\w])(?:{_alt(L.COORDINATORS[P.lang])})[ \t,]*)?$", re.IGNORECASE))
    for x in ms:
        if not (x.name_key and x.name_key[1] == "title"):
            continue
        for y in ms:
            if y is not x and y.end <= x.start < y.tail_end:
                seg = sent.text[y.end - base:x.start - base]
                y.tail_end = y.end + coord.search(seg).start()


def settle_amending_years(mentions: list[Mention]) -> None:
    """An amending law named without a year ("the Law Amending … of the Law on X" in a title) is
    the one amending law of X that the text names with a year, when there is exactly one: one
    key, one document."""
    years: dict[tuple, set[str]] = {}
    for m in mentions:
        k = m.name_key
        if k and len(k) == 4 and k[1] == "amends":
            years.setdefault(k[:3], set()).add(k[3])
    for m in mentions:
        k = m.name_key
        if k and len(k) == 4 and k[1] == "amends" and not k[3]:
            dated = years.get(k[:3], set()) - {""}
            if len(dated) == 1:
                m.name_key = k[:3] + (next(iter(dated)),)


def title_relations(sent: Sentence, si: int, idx: list[int], mentions: list[Mention],
                    P: Patterns) -> list[Relation]:
    """An amending law's title names the laws it amends: "amends" to each, in the sentence;
    not for a law being drafted (a plan word before it in the sentence: "xây dựng và sửa đổi
    … (Luật sửa đổi, bổ sung … của Luật X)"), which amends nothing yet."""
    out = []
    plan = cached(P, "_title_plan_re", lambda: re.compile(
        rf"(?<![\w])(?:{_alt(L.PLAN_BEFORE[P.lang])})(?![\w])", re.IGNORECASE))
    for i in idx:
        m = mentions[i]
        if not m.name_key or m.name_key[1] != "amends":
            continue
        if plan.search(sent.text, 0, m.start - sent.start):
            continue
        for key in m.name_key[2]:  # each object: the first mention of it after the name
            j = next((j for j in idx if mentions[j].start > m.start and (
                mentions[j].name_key and mentions[j].name_key[1:] == ("title", key)
                or key.startswith("#") and mentions[j].strong
                and _code_key(mentions[j]) == key)), None)
            if j is not None:
                out.append(Relation("amends", i, j, si, m.text))
    return out
