"""Document codes as written: party (NUMBER-TYPE/ISSUER), state (NUMBER/TYPE-ISSUER, with an
optional year) and spaced (NUMBER TYPE/ISSUER) forms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.model.ids import CodeError, fold, parse_code
from partykg.ingest.extract.typewords import abbreviation_spellings


_LETTERS = "A-Za-zĐđ"
_UPPER = "A-ZĐƯƠÔÂÊĂ"  # issuers are written with Vietnamese capitals too ("41-QĐ/TƯ")
_DASH = "[-–—]"  # sources write the hyphen as an en or em dash ("27 – NQ/TW")
_CODE_PARTY = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,4}}[a-z]?)[ \t]{{0,2}}{_DASH}[ \t]{{0,2}}"
    rf"(?P<type>[A-ZĐ][{_LETTERS}]{{0,4}})[ \t]{{0,2}}/[ \t]{{0,2}}"
    rf"(?P<issuer>[{_UPPER}][{_UPPER}0-9]{{0,11}})(?![\w-])")
# a state issuer in capitals, or mixed case after two capitals ("TTg": the Prime Minister)
_STATE_ISSUER = rf"[{_UPPER}](?:[{_UPPER}0-9]{{0,11}}|[{_UPPER}][{_UPPER}a-z0-9]{{1,10}})"
_CODE_STATE = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}})[ \t]?/[ \t]?(?:(?P<year>(?:19|20)\d\d)/)?"
    rf"(?P<type>[A-ZĐ][{_LETTERS}]{{0,4}})[ \t]?{_DASH}[ \t]?"
    rf"(?P<issuer>{_STATE_ISSUER}(?:-{_STATE_ISSUER}){{0,3}})(?![\w/])")
_ABBR_ALT = "|".join(sorted(abbreviation_spellings(), key=len, reverse=True))
_CODE_SPACED = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,4}})[ \t](?P<type>{_ABBR_ALT})[ \t]{{0,2}}/[ \t]{{0,2}}"
    rf"(?P<issuer>[{_UPPER}][{_UPPER}0-9]{{0,11}})(?![\w-])")

# after a type word only: a code without its issuer ("Thông báo Kết luận số 159-TB")
_CODE_SHORT = re.compile(
    rf"(?P<number>\d{{1,4}})[ \t]{{0,2}}{_DASH}[ \t]{{0,2}}(?P<type>{_ABBR_ALT})(?![\w/-])")


def normal_code(code: str) -> str:
    """A code as written, with the hyphen a spaced form leaves out ("84 QĐ/TWĐTN" ->
    "84-QĐ/TWĐTN"); other forms unchanged. Keys and IRIs are computed from this."""
    m = _CODE_SPACED.fullmatch(code.strip())
    if m:
        return f"{m['number']}-{m['type']}/{m['issuer']}"
    # "NN - KL/TW", "NN/QĐ - XX": no spaces around the code's separators
    return re.sub(r"[ \t]{0,3}([-/])[ \t]{0,3}", r"\1", re.sub(_DASH, "-", code.strip()))


def parse_any_code(code: str):
    """The parts of a code as written; an issuer in Vietnamese capitals ("TƯ") is parsed from
    its ASCII spelling (the number and type are what the extractor needs)."""
    code = normal_code(code)
    try:
        return parse_code(code)
    except CodeError:
        return parse_code(fold(code))


@lru_cache(maxsize=256)
def _abbreviation_types(abbr: str) -> tuple[str, ...] | None:
    return L.ABBREVIATIONS.get(fold(abbr).upper())
