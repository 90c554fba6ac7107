"""The provisions a document prescribes as a relation cue's object: "Circular No. A … guiding the
amendment and supplement to a number of provisions on … as prescribed in Circular No. B" (A
amends B). Between the cue and the document: the provisions' words (extract_lang_more:
PROVISION_WORDS, with a determiner), a description without a sentence break, then a phrase that
says where they are written (PROVISIONS_IN) right before the document (issue 12, set LF)."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.patterns import _alt

MAX_DESCRIPTION = 200  # characters between the provisions' word and where they are written


@lru_cache(maxsize=8)
def _provisions_re(lang: str) -> re.Pattern | None:
    words, dets, ins = (LM.PROVISION_WORDS.get(lang), LM.PROVISION_DETERMINERS.get(lang, ()),
                        LM.PROVISIONS_IN.get(lang))
    if not words or not ins:
        return None
    det = rf"(?:(?:{_alt(dets)})[ \t]{{1,2}})?" if dets else ""
    of = LM.PROVISIONS_OF.get(lang)
    # (an English possessor may name the document's issuer: "the Finance Ministry’s Circular")
    owner = r"(?:(?-i:(?:[A-Z][\w-]{0,20}[ \t]{1,2}){0,3}[A-Z][\w-]{0,20})['’]s[ \t]{1,2})?"
    return re.compile(rf"[ \t]{{0,2}}{det}(?:{_alt(words)})(?![\w])"
                      rf"(?:[^.;:()\[\]\n\"“”«»]{{0,{MAX_DESCRIPTION}}}?,?[ \t]{{1,2}}"
                      rf"(?:{_alt(ins)})"
                      + (rf"|[ \t]{{1,2}}(?:{_alt(of)})" if of else "")
                      + rf")[ \t]{{1,2}}(?:(?:the|le|la|l['’])[ \t]{{0,2}})?{owner}",
                      re.IGNORECASE)


def provisions_in(filler: str, lang: str) -> bool:
    """Is ``filler`` (the text between a cue and the next document) a description of provisions
    that ends by saying they are written in that document?"""
    rx = _provisions_re(lang)
    return bool(rx and rx.fullmatch(filler))
