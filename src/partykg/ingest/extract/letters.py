"""Official letters named by a generic word: "UBND tỉnh có văn bản số 4912/UBND-NC về …". A
state letter's code carries its issuer and unit and no type abbreviation (the scheme's
official-letter definition), so a generic word for a document (extract_cues.LETTER_NOUNS), a
number marker and such a code name an official letter. Not when the code's first part is a type
abbreviation (then the code says the type) nor inside another mention."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract_cues import LETTER_NOUNS
from partykg.ingest.extract.codes import _CODE_STATE, _abbreviation_types, code_number
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.patterns import Patterns, _alt

LETTER_TYPE = "official-letter"


@lru_cache(maxsize=8)
def _lead(lang: str) -> re.Pattern | None:
    nouns = LETTER_NOUNS.get(lang)
    if not nouns:
        return None
    return re.compile(rf"(?<![\w])(?:{_alt(nouns)})[ \t]{{1,2}}(?:{_alt(L.NUMBER_MARKERS[lang])})"
                      r"[ \t]{0,2}:?[ \t]{0,2}", re.IGNORECASE)


def letter_mentions(sent: Sentence, si: int, P: Patterns, found: list[Mention]) -> list[Mention]:
    """The sentence's official letters named by a generic word (see the module's docstring)."""
    lead = _lead(P.lang)
    if lead is None or "/" not in sent.text:
        return []
    text, base = sent.text, sent.start
    out = []
    for lm in lead.finditer(text):
        cm = _CODE_STATE.match(text, lm.end())
        if cm is None or _abbreviation_types(cm["type"]):
            continue
        s, e = base + lm.start(), base + cm.end()
        if any(m.start < e and s < m.end for m in found):
            continue
        number = code_number(cm.group(0))
        if number is None:
            continue
        out.append(Mention(s, e, text[lm.start():cm.end()], si, LETTER_TYPE, number, cm.group(0)))
    return out
