"""A plan still to be drawn up between a document and an implementing cue: "Official Dispatch
No. NN on developing an Action Plan to implement Resolution No. X", "… sur l'élaboration d'un
plan pour mettre en œuvre …". The cue's subject is that plan (made later, by others), not the
document, and the document promulgates no plan: no relation from it. The drawing-up words are
per-language data (``DRAWING_UP`` of :mod:`partykg.ingest.extract_cues`), the plan and programme
words the SKOS scheme's; no document, body or article is named here."""

from __future__ import annotations

import re

from partykg.ingest.extract_cues import DRAWING_UP
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

_TYPES = ("plan", "programme")
MAX_TAIL = 30  # characters from the plan's type word to the cue
MAX_REACH = 30  # characters from the drawing-up word to the plan's type word


@per_patterns
def drawing_re(P: Patterns) -> re.Pattern | None:
    words = DRAWING_UP.get(P.lang)
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])", re.IGNORECASE) if words else None


def drawn_up_gap(gap: str, P: Patterns) -> bool:
    """Does ``gap`` (a document's phrase up to a cue) end on a plan or programme that a
    drawing-up word before it says is still to be made?"""
    rx = drawing_re(P)
    dm = rx.search(gap) if rx else None
    if dm is None:
        return False
    for tm in P.type_re.finditer(gap, dm.end()):
        if P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower())) in _TYPES \
                and len(gap) - tm.end() <= MAX_TAIL and tm.start() - dm.end() <= MAX_REACH:
            return True
    return False


__all__ = ["drawn_up_gap", "drawing_re"]
