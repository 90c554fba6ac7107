"""A state code whose hyphen the page lost, read after a type word and its number marker: a PDF's
text drops the hyphen ("Nghị định số 61/2018/NĐCP", "Thông tư số 01/2018/TTVPCP"). The glued
capitals are read as the scheme's abbreviation of the type word's type followed by an issuer of
two capitals or more; the code is kept as written (the gold's and the graph's convention for
codes). Nothing without the type word, its marker, and an abbreviation of its own type.

Generic: the abbreviations are the SKOS scheme's (codes._abbreviation_types); no document, body
or article is named.
"""

from __future__ import annotations

import re

from partykg.ingest.extract.codes import _abbreviation_types

_GLUED = re.compile(r"(?P<number>\d{1,5}[a-z]?)/(?:(?:19|20)\d\d/)?(?P<letters>[A-ZĐ]{4,12})"
                    r"(?![\w/-])")


def unhyphenated_code(text: str, pos: int, tkey: str | None) -> tuple[int, str, str] | None:
    """(end, code as written, number) of such a code at ``pos`` after a type word of type
    ``tkey``."""
    if tkey is None:
        return None
    m = _GLUED.match(text, pos)
    if m is None:
        return None
    letters = m["letters"]
    for k in (2, 3):  # the abbreviation ("NĐ", "TT", "QĐ"), then an issuer of 2 capitals or more
        if len(letters) - k >= 2 and tkey in (_abbreviation_types(letters[:k], state=True) or ()):
            return m.end(), m.group(0), m["number"]
    return None
