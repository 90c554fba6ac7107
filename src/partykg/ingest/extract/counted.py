"""A one-digit number after a type word that counts what follows is no document number: "Quy chế
3 công khai" (the regulations on the "three publicities"), like "Kế hoạch 5 năm" (a unit word,
extract_lang.UNIT_WORDS). The number counts when a lower-case content word follows it: not a
function word (extract_lang.STOPWORDS), not a relation cue, not punctuation, a capital or a
digit. Only without a number marker ("Quy chế số 3 công khai" is a number)."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.patterns import Patterns

_NEXT = re.compile(r"[ \t]{1,2}(?P<w>[^\W\d_]{1,15})")


def counts_next(text: str, num_start: int, num_end: int, P: Patterns) -> bool:
    """Does the number at text[num_start:num_end] count the word after it?"""
    if num_end - num_start != 1:
        return False
    nm = _NEXT.match(text, num_end)
    if nm is None:
        return False
    w = nm.group("w")
    if not w[:1].islower() or w.lower() in L.STOPWORDS.get(P.lang, frozenset()):
        return False
    return P.cue_re.match(text, nm.start("w")) is None
