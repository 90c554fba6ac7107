"""A fronted clause opened by words that are no relation cue elsewhere ("Conformément à la
conclusion n° NN …, le Comité permanent a publié un plan …", "In accordance with Resolution NN,
the … issued …"): read at the very start of a sentence (after a dateline) only; the words are
per-language data (:data:`partykg.ingest.extract_cues_int.FRONTED_LEADS`)."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.patterns import _alt

# what may come before the lead: a dateline ("(Baonghean.vn) - ", "Hanoï (VNA) - ")
_DATELINE = r"(?:[^\n,.;]{0,40}\([^()\n]{1,30}\)[ \t]{0,2}[-–—][ \t]{0,2})?"
# the determiner between the lead and the document ("Conformément à la conclusion …")
_DETS = {"en": ("the",), "fr": ("la", "le", "l'", "l’", "les"), "vi": (), "id": ()}


@lru_cache(maxsize=8)
def _lead_re(lang: str) -> re.Pattern | None:
    words = W.FRONTED_LEADS.get(lang, ())
    if not words:
        return None
    dets = _DETS.get(lang, ())
    det = rf"(?:[ \t]{{1,2}}(?:{_alt(dets)}))?" if dets else ""
    return re.compile(rf"^{_DATELINE}(?:{_alt(words)}){det}[ \t]{{0,2}}$", re.IGNORECASE)


def fronted_lead(text: str, first: int, lang: str) -> re.Match | None:
    """The lead when the sentence opens with one right before its first document (at
    ``first``), else None."""
    rx = _lead_re(lang)
    if rx is None:
        return None
    m = rx.match(text[:first])
    return m


__all__ = ["fronted_lead"]
