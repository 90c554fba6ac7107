"""A type word's spelling closing a compound that names no document ("pháp luật": the law in
general, so the "luật" of "văn bản quy phạm pháp luật số …" is no type word). The compounds are
data (extract_lang_more.TYPE_WORD_COMPOUNDS)."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.patterns import Patterns


def closes_compound(text: str, ts: int, te: int, P: Patterns) -> bool:
    """The type word at ``text[ts:te]`` is the last word of one of the language's compounds."""
    word = re.sub(r"\s+", " ", text[ts:te]).lower()
    for c in LM.TYPE_WORD_COMPOUNDS.get(P.lang, ()):
        head, _, tail = c.rpartition(" ")
        if word == tail and re.search(rf"(?<![\w]){re.escape(head)}[ \t]{{1,2}}$",
                                      text[max(0, ts - len(head) - 3):ts], re.IGNORECASE):
            return True
    return False
