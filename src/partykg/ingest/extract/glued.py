"""Documents written as a type abbreviation glued to their number and year: "theo TT36/2017
thay thế TT09/2009" (Circular 36 of 2017 replaces Circular 9 of 2009), as school and office
pages shorten them. The abbreviation must stand for exactly one type in a state code (the
scheme's notations, ontology/doctypes.ttl); the year is the document's date; there is no code
(the issuer is not written)."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest.extract.codes import _abbreviation_types
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.typewords import abbreviation_spellings


@lru_cache(maxsize=1)
def glued_re() -> re.Pattern:
    abbr = "|".join(sorted(abbreviation_spellings(), key=len, reverse=True))
    return re.compile(rf"(?<![\w/-])(?P<type>{abbr})(?P<number>\d{{1,4}})/(?P<year>(?:19|20)\d\d)"
                      r"(?![\w/-])")


def glued_mentions(sent: Sentence, si: int, found: list[Mention]) -> list[Mention]:
    """The sentence's glued documents (see the module's docstring) outside other mentions."""
    if "/" not in sent.text:
        return []
    out = []
    for gm in glued_re().finditer(sent.text):
        types = _abbreviation_types(gm["type"], state=True) or ()
        if len(types) != 1:
            continue
        s, e = sent.start + gm.start(), sent.start + gm.end()
        if any(m.start < e and s < m.end for m in found):
            continue
        out.append(Mention(s, e, gm.group(0), si, types[0], gm["number"], None, date=gm["year"]))
    return out
