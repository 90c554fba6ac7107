"""What a guiding or amending cue is about, then where it is prescribed: "This Circular provides
guidance on the calculation of criteria for supervising public debts prescribed in Article 7 of
the Government's Decree No. NN" (the circular guides Decree NN; issue 12, set LG).

Between the cue and the document: a description without a sentence break (line wraps allowed),
a phrase that says where it is written (extract_lang_more: PROVISIONS_IN), an optional part of
the document ("Article 7 of", "Clauses 2 and 3 of": extract_cues_int PART_WORDS, PART_PREPS) and,
in English, an optional possessive issuer ("the Government's"). :mod:`.provisions` reads the same
phrase after the provisions' own words; this reads it after any description, for the cues whose
object may be a part of a document (guides, amends), never for a replacement."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.patterns import _alt

KINDS = ("guides", "amends")
MAX_DESCRIPTION = 200  # characters of description before where it is prescribed


@lru_cache(maxsize=8)
def _prescribed_re(lang: str) -> re.Pattern | None:
    ins = LM.PROVISIONS_IN.get(lang)
    if not ins:
        return None
    parts, preps = W.PART_WORDS.get(lang, ()), W.PART_PREPS.get(lang, ())
    part = ""
    if parts and preps:
        one = rf"(?:{_alt(parts)})[ \t\n]{{1,2}}[0-9IVXLC]{{1,6}}[a-z]?\.?"
        part = (rf"(?:{one}(?:(?:,[ \t\n]{{0,2}}|[ \t\n]{{1,2}}(?:and|et)[ \t\n]{{1,2}}){one}){{0,3}}"
                rf"[ \t\n]{{1,2}}(?:{_alt(preps)})[ \t\n]{{1,2}})?")
    owner = (r"(?:(?-i:(?:[A-Z][\w-]{0,20}[ \t\n]{1,2}){0,3}[A-Z][\w-]{0,20})['’]s[ \t\n]{1,2})?"
             if lang == "en" else "")
    return re.compile(rf"[ \t\n]{{0,2}}[^.;:()\[\]\"“”«»]{{1,{MAX_DESCRIPTION}}}?,?[ \t\n]{{1,2}}"
                      rf"(?:{_alt(ins)})[ \t\n]{{1,2}}{part}"
                      rf"(?:(?:the|le|la|l['’])[ \t\n]{{0,2}})?{owner}", re.IGNORECASE)


def prescribed_in(filler: str, kind: str | None, lang: str) -> bool:
    """Is ``filler`` (from a guiding or amending cue to the next document) a description that
    ends by saying it is prescribed in that document (or in a part of it)?"""
    if kind not in KINDS:
        return False
    rx = _prescribed_re(lang)
    return bool(rx and rx.fullmatch(filler))


__all__ = ["prescribed_in"]
