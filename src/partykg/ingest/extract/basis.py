"""The bases of a document, in its own text: the preamble lines "Căn cứ Quy định số …",
"Pursuant to Resolution No. …", "Vu la résolution …", "Berdasarkan …" after the document's header
("Số: …", "No. …") make the header's document pk:basedOn the documents they name (the lists they
open are extended by the coordinated-objects rule of :mod:`partykg.ingest.extract.follow`).

Only in a text that is a document (it has a header) and only on a line that opens with the cue:
in news prose "based on" says many things. The cue words are per-language data (``BASED_ON`` in
:mod:`partykg.ingest.extract_lang`); no document, body or article is named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.patterns import Patterns, _alt


@lru_cache(maxsize=8)
def _basis_re(lang: str) -> re.Pattern:
    return re.compile(rf"^[-–•*| \t]{{0,4}}(?:{_alt(L.BASED_ON[lang])})(?![\w])", re.IGNORECASE)


def bases(text: str, sentences: list[Sentence], by_sent: dict[int, list[int]], h: int,
          mentions: list[Mention], P: Patterns, add) -> None:
    """Add "header basedOn X" for the first document each preamble line names."""
    rx = _basis_re(P.lang)
    H = mentions[h]
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        if sent.start < H.end:
            continue
        ls = text.rfind("\n", 0, sent.start) + 1
        if text[ls:sent.start].strip(" \t-–•*|"):
            continue  # not the start of a line
        cm = rx.match(sent.text)
        if cm is None:
            continue
        for j in idx:
            m = mentions[j]
            if m.list_head is not None or j == h:
                continue
            if m.start - sent.start < cm.end():
                continue
            gap = sent.text[cm.end():m.start - sent.start]
            # numbered documents only: an unnumbered one ("Căn cứ Quy chế làm việc …") is
            # rarely one the graph can tell apart
            if m.strong and _is_filler(re.sub(r"[-–]", " ", gap)):
                add("basedOn", h, j, si, cm.group(0).strip(" \t-–•*|"))
            break


__all__ = ["bases"]
