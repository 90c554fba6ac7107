"""A header's subject line whose cue ends the line before its document, the document's type word
wrapped over the break ("VỀ VIỆC TRIỂN KHAI THỰC HIỆN NGHỊ" / "QUYẾT SỐ 41/2022/NQ-HĐND …"): the
cue is the one on the line before, when what stands between it and the document's number is
only a type word (its words split by the line break) and a number marker (issue 12, set LG).

One job: find that cue. The type words are the SKOS scheme's, the number markers per-language
data (extract_lang.NUMBER_MARKERS); no document, body or article is named here."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns


@per_patterns
def _gap_re(P: Patterns) -> re.Pattern:
    # a type word whose words may be split by the line break, then a number marker
    words = [re.escape(w).replace(r"\ ", r"[ \t]{0,2}\n?[ \t]{0,2}") for w in P.type_words]
    markers = _alt(L.NUMBER_MARKERS[P.lang])
    return re.compile(rf"[ \t]{{0,2}}(?:{'|'.join(sorted(words, key=len, reverse=True))})"
                      rf"[ \t]{{0,2}}\n?[ \t]{{0,2}}(?:(?:{markers})[ \t]{{0,2}}:?[ \t]{{0,2}})?",
                      re.IGNORECASE)


def cue_line_before(text: str, ls: int, lo: int, m: Mention, P: Patterns
                    ) -> tuple[int, re.Match] | None:
    """(start of the line before, its last cue) when ``m`` (whose line starts at ``ls``, in a
    header block starting at ``lo``) is named right after a wrapped type word that a cue on the
    line before opens; None otherwise."""
    if ls <= lo:
        return None
    ls2 = text.rfind("\n", 0, ls - 1) + 1
    if ls2 < lo:
        return None
    prev = text[ls2:ls - 1]
    cue = None
    for c in P.cue_re.finditer(prev):
        cue = c
    if cue is None or not _gap_re(P).fullmatch(text[ls2 + cue.end():m.start]):
        return None
    return ls2, cue


__all__ = ["cue_line_before"]
