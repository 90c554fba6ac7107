"""A document's header laid out as a table that the page flattened onto one line: the issuer in
capitals over a rule of underscores, the number, then the next cell ("THE NATIONAL ASSEMBLY
______ No. 62/2025/QH15 | THE SOCIALIST REPUBLIC OF VIETNAM … ______ |"). Such a line is the
header's number line, as a line holding only the number is (issue 12, set LF).

One job: say whether the text around a mention is that line. The issuer's words are not read
(any words in capitals), so no body is named here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.patterns import _alt

# the rest of the line: the next cell, up to the line's end
_NEXT_CELL = re.compile(r"[ \t]{0,3}\|[^\n|]{0,200}(?:\|[ \t]{0,3})?")


@lru_cache(maxsize=8)
def _lead(lang: str) -> re.Pattern:
    markers = _alt(L.NUMBER_MARKERS[lang] + L.NUMBER_MARKERS["en"])
    return re.compile(rf"[ \t*|]{{0,4}}(?P<issuer>[^\n_|]{{2,80}}?)[ \t]{{1,3}}_{{3,}}[ \t]{{1,3}}"
                      rf"(?:{markers})[ \t]{{0,2}}:?[ \t]{{0,3}}", re.IGNORECASE)


def ruled_number_line(before: str, after: str, lang: str) -> bool:
    """``before`` (the line up to the number) is an issuer in capitals, a rule of underscores
    and a number marker, and ``after`` (the rest of the line) is the next cell."""
    lm = _lead(lang).fullmatch(before)
    if lm is None or not _NEXT_CELL.fullmatch(after):
        return False
    letters = [c for c in lm.group("issuer") if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
