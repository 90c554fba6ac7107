"""A state code without type letters repeated bare: "Lịch sử hiệu lực: Nghị định 28/CP" / "01/01/1995
Văn bản có hiệu lực 28/CP". Such a code ("NUMBER/ISSUER") is read only after a type word
(:mod:`.letters`); once the text has read it so, every later bare occurrence of the same code is a
mention of the same document (same type and number).

Generic: no document, body or article is named; the code's form is codes._CODE_ISSUER_ONLY.
"""

from __future__ import annotations

from bisect import bisect_right

from partykg.ingest.extract.backrefs import insert_mentions
from partykg.ingest.extract.codes import _CODE_ISSUER_ONLY, code_view
from partykg.ingest.extract.data import Mention, Relation, Sentence


def repeated_codes(text: str, sentences: list[Sentence], mentions: list[Mention],
                   relations: list[Relation]) -> None:
    """Add the bare repetitions of the issuer-only codes read after a type word."""
    known: dict[str, Mention] = {}
    for m in mentions:
        if m.code and m.strong and m.type and _CODE_ISSUER_ONLY.fullmatch(code_view(m.code).strip()):
            known.setdefault(code_view(m.code).strip(), m)
    if not known:
        return
    starts = [s.start for s in sentences]
    taken = sorted((m.start, m.end) for m in mentions)
    extra: list[Mention] = []
    view = code_view(text)
    for cm in _CODE_ISSUER_ONLY.finditer(view):
        first = known.get(cm.group(0))
        if first is None or any(a < cm.end() and cm.start() < b for a, b in taken):
            continue
        si = bisect_right(starts, cm.start()) - 1
        if si < 0 or not (sentences[si].start <= cm.start() and cm.end() <= sentences[si].end):
            continue
        extra.append(Mention(cm.start(), cm.end(), text[cm.start():cm.end()], si, first.type,
                             first.number, first.code, tail_end=cm.end()))
    insert_mentions(mentions, relations, extra)
