"""A document's coming into force between it and a relation cue: "Ce texte entrera en vigueur
le 20 novembre prochain en remplacement de …", "Decree NN takes effect from July 1, 2024,
replacing …". The gap opens with an in-force phrase (per-language data,
:data:`partykg.ingest.extract_cues_int.IN_FORCE`) and holds nothing else but a short time
phrase: it is the document's own predicate, so the cue that follows is about the document."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.patterns import _alt

MAX_REST = 80  # characters of time phrase after the in-force words


@lru_cache(maxsize=8)
def _in_force_re(lang: str) -> re.Pattern | None:
    words = W.IN_FORCE.get(lang, ())
    if not words:
        return None
    return re.compile(rf"^[ \t]{{0,2}},?[ \t]{{0,2}}(?:{_alt(words)})(?![\w])"
                      rf"(?P<rest>[^;:()\[\]\"“”«»]{{0,{MAX_REST}}})$", re.IGNORECASE)


def in_force_gap(gap: str, lang: str) -> bool:
    """Is ``gap`` (the text between a document and a cue) its coming into force, with a time
    phrase at most? A clause of its own (another verb after a comma and a subject) is not."""
    rx = _in_force_re(lang)
    m = rx.match(gap) if rx else None
    if not m:
        return False
    rest = m.group("rest")
    # the time phrase: no second clause ("…, and the province …"); it may end with a comma
    return rest.count(",") <= 2


__all__ = ["in_force_gap"]
