"""A part of a document between an amending cue and the document: "guiding the amendments to a
number of points in the Finance Ministry's Circular No. NN", "modifiant certains articles du
décret n° NN", "mengubah beberapa pasal dari Peraturan Nomor NN".

The gap is a quantifier (optional), a part word ("points", "articles", "Section 2"), a
preposition and, in English, an optional possessive body ("the Finance Ministry's"); then the
cue reaches the document. Amending cues only: replacing a part of a document is no replacement
of it (:mod:`.cuelist` reads that as an amendment), so that gap stays closed for other kinds.
The words are per-language data (``PART_WORDS``, ``PART_QUANTIFIERS``, ``PART_PREPS`` of
:mod:`partykg.ingest.extract_cues_int`); no document, body or article is named here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.patterns import _alt

KINDS = ("amends",)


@lru_cache(maxsize=8)
def _part_gap_re(lang: str) -> re.Pattern | None:
    parts, preps = W.PART_WORDS.get(lang, ()), W.PART_PREPS.get(lang, ())
    if not parts or not preps:
        return None
    quant = W.PART_QUANTIFIERS.get(lang, ())
    q = rf"(?:(?:{_alt(quant)})[ \t]{{1,2}})?" if quant else ""
    poss = (r"(?:(?:the[ \t]{1,2})?(?:[A-Z][\w-]{0,20}[ \t]{1,2}){0,4}[A-Z][\w-]{0,20}['’]s"
            r"[ \t]{1,2})?") if lang == "en" else ""
    det = r"(?:the[ \t]{1,2})?" if lang == "en" else ""
    prep = rf"(?:[ \t]{{1,2}}(?:{_alt(preps)}))" + ("?" if lang in W.PART_BARE_GENITIVE else "")
    return re.compile(rf"[ \t]{{0,2}}{q}(?:{_alt(parts)})(?:[ \t]{{1,2}}[0-9IVXLC]{{1,6}}[a-z]?\.?)?"
                      rf"{prep}[ \t]{{0,2}}{det}{poss}", re.IGNORECASE)


def part_gap(gap: str, kind: str, lang: str) -> bool:
    """``gap`` (from an amending cue to a document) names only a part of that document."""
    if kind not in KINDS:
        return False
    rx = _part_gap_re(lang)
    return bool(rx and rx.fullmatch(gap.replace("’", "'") if lang != "en" else gap))


__all__ = ["part_gap"]
