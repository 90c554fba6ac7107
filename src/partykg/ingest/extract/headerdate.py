"""The date of a document's header: "Số: 186/KH-UBND | Tuyên Quang, ngày 30 tháng 9 năm 2022",
"No.: 80/2023/ND-CP / Hanoi, November 17, 2023" — the code on its own line after a number
marker, then (past the lines of the national motto, which carry no digit) the place and date of
signing.

One job: give such a header code the date of its place-and-date line. Only a code opening its
line (after a number marker at most), only when the text between them has no digit and no
sentence end, and only a mention with no date of its own.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention
from partykg.ingest.extract.patterns import Patterns, _alt, find_date, per_patterns

_GAP = 200


@per_patterns
def _res(P: Patterns) -> tuple[re.Pattern, re.Pattern]:
    marker = _alt(L.NUMBER_MARKERS[P.lang] + L.NUMBER_MARKERS["en"])
    opens = re.compile(rf"(?:^|\n)[ \t|*]{{0,4}}(?:(?:{marker})[ \t]{{0,2}}:?[ \t]{{0,2}})?$",
                       re.IGNORECASE)
    # the place ("Hà Nội", "TP. Hồ Chí Minh", "Hưng\nYên"), a comma, a date prefix
    place = re.compile(
        r"(?P<gap>[^\d.;!?]{0,160}?)(?<![\w])[A-ZĐÀ-Ỹ][^\W\d_]{0,15}\.?"
        r"(?:[ \t\n]{1,2}[A-ZĐÀ-Ỹ][^\W\d_]{0,15}\.?){0,4},[ \t]{1,2}"
        rf"(?:(?:{_alt(L.DATE_PREFIXES[P.lang])})[ \t]{{1,2}})?")
    rx = (opens, place)
    return rx


def header_dates(text: str, mentions: list[Mention], P: Patterns) -> None:
    opens, place = _res(P)
    flat = None
    for m in mentions:
        if m.date or not m.code or not m.strong or not m.text[:1].isdigit():
            continue
        if not opens.search(text, max(0, m.start - 20), m.start):
            continue
        if flat is None:
            flat = text.replace("\n", " ")  # "Hanoi, August 01,\n2022": same offsets
        pm = place.match(text, m.end, min(len(text), m.end + _GAP))
        if not pm:
            continue
        got = find_date(flat, pm.end(), P)
        if got:
            m.date = got[0]
