"""A header's code on the line after its type word: "Luật số:" / "62/2025/QH15" (a document's own
header, the number broken onto the next line by the page's layout). The code alone says no type
(a legislature's NN/YYYY/QHnn is a law or a resolution) or an unclassified one; the type word
ending the line before, with its number marker, says which.

One job: type such a code's mention by that word, when its code allows it. Generic: the type words
are the SKOS scheme's, the number markers per-language data; no document, body or article is
named here.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.codes import code_types
from partykg.ingest.extract.data import Mention
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns


@per_patterns
def _word_line_re(P: Patterns) -> re.Pattern:
    """A type word and a number marker (and a colon) ending a line, right before a position."""
    rx = re.compile(rf"(?<![\w])(?P<word>{_alt(P.type_words)})[ \t]{{1,2}}"
                    rf"(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}}:?[ \t]{{0,3}}\n[ \t|]{{0,3}}$",
                    re.IGNORECASE)
    return rx


def type_header_codes(text: str, mentions: list[Mention], P: Patterns) -> None:
    """Give the type of the word on the line before to each untyped code that opens its line."""
    if not L.NUMBER_MARKERS.get(P.lang):
        return
    for m in mentions:
        if not m.strong or not m.code or m.type not in (None, "unclassified") \
                or m.text != m.code:
            continue
        wm = _word_line_re(P).search(text, max(0, m.start - 40), m.start)
        if wm is None:
            continue
        tkey = P.type_words.get(re.sub(r"\s+", " ", wm.group("word").lower()))
        allowed = code_types(m.code)
        if tkey is None or (allowed and tkey not in allowed):
            continue
        m.type = tkey


__all__ = ["type_header_codes"]
