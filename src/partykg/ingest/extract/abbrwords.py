"""A code abbreviation written as a type word before a bare number: "NĐ 06", "TT số 78",
"TT36/2017" (a Vietnamese page's short form of "Nghị định 06", "Thông tư số 78", "Thông tư
36/2017").

One job: in a sentence, find such references and add them as numbered mentions. The
abbreviations are the scheme's (skos:notation and the language-less altLabel spellings of
ontology/doctypes.ttl); only those that stand for exactly one type are read (QĐ, a regulation or
a decision, is not), only in capitals as codes write them, only in Vietnamese pages (the form
is theirs), and never inside a code ("NN-CT/TW"), before a year, a unit or another code part.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Body, Mention, Sentence
from partykg.ingest.extract.attributes import merge_added
from partykg.ingest.extract.patterns import Patterns, _alt, find_date, per_patterns
from partykg.ingest.extract.typewords import abbreviation_spellings
from partykg.model.ids import fold

LANGS = ("vi",)


@lru_cache(maxsize=1)
def _single_types() -> dict[str, str]:
    """Spelling as written -> its one type ("NĐ" -> decree); ambiguous spellings left out."""
    table = L.ABBREVIATIONS
    out = {}
    for spelling in abbreviation_spellings():
        types = table.get(fold(spelling).upper(), ())
        if len(types) == 1 and len(spelling) >= 2:
            out[spelling] = types[0]
    return out


@per_patterns
def _regex(P: Patterns) -> re.Pattern | None:
    if P.lang not in LANGS:
        return None
    spellings = _single_types()
    return re.compile(
        rf"(?<![\w/.\-–])(?P<abbr>{_alt(spellings)})(?:[ \t]{{1,2}}"
        rf"(?:(?i:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{1,2}})?"
        r"(?P<number>\d{1,4})(?:/(?P<year>(?:19|20)\d\d))?"
        # glued to its number, then the year: "TT36/2017"
        r"|(?P<gnumber>\d{1,4})/(?P<gyear>(?:19|20)\d\d))(?![\w/\-–%]|[.,]\d)")


def _dated(text: str, pos: int, P: Patterns) -> bool:
    dm = P.date_prefix_re.match(text, pos)
    return bool(dm and find_date(text, dm.end(), P))


def has_abbreviated(text: str, P: Patterns) -> bool:
    rx = _regex(P)
    return bool(rx and rx.search(text))


def abbreviated(sent: Sentence, si: int, ms: list[Mention], P: Patterns,
                bodies: list[Body]) -> list[Mention]:
    """The sentence's mentions with the abbreviated references added, in text order."""
    rx = _regex(P)
    if rx is None:
        return ms
    text, base = sent.text, sent.start
    added = []
    for m in rx.finditer(text):
        number = m.group("number") or m.group("gnumber")
        if len(number) == 4 and number[:2] in ("19", "20"):
            continue  # "NQ 2020": a year
        if P.unit_after_re.match(text, m.end()) and not _dated(text, m.end(), P):
            continue  # "CT 5 ngày": a count; "NĐ 06 ngày 5/1/2008": a date follows
        s, e = base + m.start(), base + m.end()
        if any(x.start < e and s < x.end for x in ms):
            continue
        added.append(Mention(s, e, m.group(0), si, _single_types()[m.group("abbr")], number,
                             None, date=m.group("year") or m.group("gyear"), tail_end=e))
    return merge_added(ms, added, sent, P, bodies)  # "NĐ 06 ngày … của Chính phủ"
