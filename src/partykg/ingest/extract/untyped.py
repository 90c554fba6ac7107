"""State codes with no type abbreviation the scheme knows, named without a type word:
"văn bản số 4912/UBND-NC", "document No. 2617/BKHDT-CLPT" (a state official letter: its code
carries only the issuer and its unit), "Tờ trình số 43/TTr-SNNPTNT", "Presentation No.
4124/TTr-BKHDT" (a name the type scheme lacks, before a number marker: a document of unknown
type).

One job: add these mentions, which the type-word rules leave out (a code of this shape is read
only after a type word there). The generic words are data (extract_lang.GENERIC_DOCUMENT_WORDS);
a code whose first part is written in mixed case ("TTr") is an abbreviation of a type the scheme
lacks, so never an official letter.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.codes import _CODE_ISSUER_ONLY, _CODE_STATE, _abbreviation_types
from partykg.ingest.extract.data import Body, Mention, Sentence
from partykg.ingest.extract.mentions import _attributes
from partykg.ingest.extract.patterns import Patterns, _alt


def _res(P: Patterns) -> tuple[re.Pattern, re.Pattern]:
    rx = getattr(P, "_letter_res", None)
    if rx is None:
        marker = rf"[ \t]{{1,2}}(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}}:?[ \t]{{0,2}}$"
        generic = re.compile(rf"(?<![\w])(?:{_alt(L.GENERIC_DOCUMENT_WORDS[P.lang])}){marker}",
                             re.IGNORECASE)
        named = re.compile(rf"(?<![\w])(?-i:[A-ZĐ])[^\W\d_]{{0,15}}(?:[ \t][^\W\d_]{{1,15}})?"
                           rf"(?i:{marker})")
        rx = (generic, named)
        P._letter_res = rx  # type: ignore[attr-defined]
    return rx


def _untyped_codes(text: str):
    for m in _CODE_STATE.finditer(text):
        if not _abbreviation_types(m.group("type")):
            yield m, m.group("type")
    for m in _CODE_ISSUER_ONLY.finditer(text):
        yield m, m.group("issuer")


def untyped_letters(sent: Sentence, si: int, ms: list[Mention], P: Patterns,
                    bodies: list[Body]) -> list[Mention]:
    if "/" not in sent.text:
        return ms
    generic, named = _res(P)
    text, base = sent.text, sent.start
    added = []
    for cm, first in _untyped_codes(text):
        s, e = base + cm.start(), base + cm.end()
        if any(x.start < e and s < x.end for x in ms + added):
            continue
        before = text[max(0, cm.start() - 40):cm.start()]
        gm = generic.search(before)
        nm = None if gm else named.search(before)
        if not (gm or nm):
            continue
        start = cm.start() - len(before) + (gm or nm).start()
        if nm and P.type_re.match(text, start):
            continue  # a type word: the type-word rules decide
        mixed = first != first.upper()
        tkey = "official-letter" if gm and not mixed else "unclassified"
        added.append(Mention(base + start, e, text[start:cm.end()], si, tkey, cm.group("number"),
                             cm.group(0), tail_end=e))
    if not added:
        return ms
    out = sorted(ms + added, key=lambda x: x.start)
    where = {id(x): i for i, x in enumerate(out)}
    for x in out:
        if x.list_head is not None:
            x.list_head = where[id(ms[x.list_head])]
    for x in added:  # "văn bản số … ngày … của …"
        _attributes(x, sent, P, bodies, out)
    return out
