"""Document codes as written: party (NUMBER-TYPE/ISSUER), state (NUMBER/TYPE-ISSUER, with an
optional year) and spaced (NUMBER TYPE/ISSUER) forms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.model.ids import fold, parse_code


_LETTERS = "A-Za-zĐđ"
_CODE_PARTY = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,4}}[a-z]?)[ \t]{{0,2}}-[ \t]{{0,2}}"
    rf"(?P<type>[A-ZĐ][{_LETTERS}]{{0,4}})[ \t]{{0,2}}/[ \t]{{0,2}}"
    rf"(?P<issuer>[A-ZĐ][A-ZĐ0-9]{{0,11}})(?![\w-])")
_CODE_STATE = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}})[ \t]?/[ \t]?(?:(?P<year>(?:19|20)\d\d)/)?"
    rf"(?P<type>[A-ZĐ][{_LETTERS}]{{0,4}})[ \t]?-[ \t]?"
    rf"(?P<issuer>[A-ZĐ][A-ZĐ0-9]{{0,11}}(?:-[A-ZĐ][A-ZĐ0-9]{{0,11}}){{0,3}})(?![\w/])")
_ABBR_ALT = "|".join(sorted({a for a in ("NQ CT QĐ QD QĐi QDi KL TB HD KH CTr QC ĐA DA BC")
                             .split()}, key=len, reverse=True))
_CODE_SPACED = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,4}})[ \t](?P<type>{_ABBR_ALT})[ \t]{{0,2}}/[ \t]{{0,2}}"
    rf"(?P<issuer>[A-ZĐ][A-ZĐ0-9]{{0,11}})(?![\w-])")


def normal_code(code: str) -> str:
    """A code as written, with the hyphen a spaced form leaves out ("84 QĐ/TWĐTN" ->
    "84-QĐ/TWĐTN"); other forms unchanged. Keys and IRIs are computed from this."""
    m = _CODE_SPACED.fullmatch(code.strip())
    if m:
        return f"{m['number']}-{m['type']}/{m['issuer']}"
    # "NN - KL/TW", "NN/QĐ - XX": no spaces around the code's separators
    return re.sub(r"[ \t]{0,3}([-/])[ \t]{0,3}", r"\1", code.strip())


def parse_any_code(code: str):
    return parse_code(normal_code(code))


@lru_cache(maxsize=256)
def _abbreviation_types(abbr: str) -> tuple[str, ...] | None:
    return L.ABBREVIATIONS.get(fold(abbr).upper())
