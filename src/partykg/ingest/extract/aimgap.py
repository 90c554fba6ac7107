"""A document's purpose between it and an implementing cue: "Le plan vise à concrétiser et à
organiser efficacement la mise en œuvre de X", "The plan aims to … implement X". The gap opens
with a purpose phrase (per-language data, :data:`partykg.ingest.extract_cues_int.AIM_WORDS`)
and holds only a short run of words (no clause punctuation): the cue states the document's
purpose, so it is about the document."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.patterns import _alt

MAX_REST = 90  # characters of verbs and adverbs after the purpose words


@lru_cache(maxsize=8)
def _aim_re(lang: str) -> re.Pattern | None:
    words = W.AIM_WORDS.get(lang, ())
    if not words:
        return None
    return re.compile(rf"^[ \t]{{0,2}},?[ \t]{{0,2}}(?:{_alt(words)})(?![\w])"
                      rf"[^;:.()\[\]\"“”«»\d]{{0,{MAX_REST}}}$", re.IGNORECASE)


def aim_gap(gap: str, lang: str) -> bool:
    rx = _aim_re(lang)
    return bool(rx and rx.match(gap))


__all__ = ["aim_gap"]
