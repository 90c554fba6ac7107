"""A fronted clause that is a sentence of its own: "Thực hiện Kết luận số NN … của Bộ Chính trị về
…. Ban Thường vụ … đã ban hành Kế hoạch số NN …", "Implementing Resolution NN …. The Standing
Committee issued Plan No. NN …": the document the next sentence says was issued implements the
documents the fronted sentence names (its first document and its listed ones, not the
documents named inside their subjects).

Generic: the fronted cue, the issuing verbs and the list words are per-language data
(:mod:`partykg.ingest.extract_cues`, :mod:`partykg.ingest.extract_lang`); no document, body or
article is named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.ingest.extract.relations import fronted_cue, fronted_objects

MAX_LEAD = 80  # from the next sentence's start to the issued document


def fronted_sentence(sentences: list[Sentence], by_sent: dict[int, list[int]],
                     mentions: list[Mention], P: Patterns, add) -> None:
    """Add "Y implements X" for a fronted sentence naming X (no issuing verb, no document of its
    own issued) followed by a sentence that opens with a body issuing the numbered Y."""
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        objs = fronted_objects(sent, idx, mentions, P)
        if not objs or P.issue_verb_re.search(sent.text + " "):
            continue
        if not re.search(r"[.!?…”\"][ \t]{0,2}$", sent.text.rstrip()):
            continue  # a heading or a clause cut by a line break, not a finished sentence
        last = max(max(mentions[o].end, mentions[o].tail_end) for o in objs) - sent.start
        if _main_clause(sent.text, last, P.lang):
            continue  # "Implementing X, the province has merged …": the clause has its own
        nxt = by_sent.get(si + 1)
        if not nxt or si + 1 >= len(sentences):
            continue
        nsent = sentences[si + 1]
        first = mentions[nxt[0]]
        lead = nsent.text[:first.start - nsent.start]
        if not first.strong or first.list_head is not None or len(lead) > MAX_LEAD or \
                re.search(r"[,;:()]", lead) or fronted_cue(lead, len(lead), P):
            continue
        iv = P.issue_verb_re.search(lead)
        if iv is None or lead[iv.end():].strip(" \t") or first.type is None:
            continue
        cue = fronted_cue(sent.text, mentions[objs[0]].start - sent.start, P)
        for o in objs:
            add("implements", nxt[0], o, si + 1, cue.group(0).strip(" ,") if cue else "fronted")


@lru_cache(maxsize=8)
def _main_clause_re(lang: str) -> re.Pattern | None:
    words = W.CLAUSE_VERBS.get(lang, ())
    if not words:
        return None
    return re.compile(rf",[^,;.]{{1,60}}?[ \t](?:{_alt(words)})(?![\w])", re.IGNORECASE)


def _main_clause(text: str, pos: int, lang: str) -> bool:
    """After the fronted objects (from ``pos``), a comma and a clause with a verb of its own."""
    rx = _main_clause_re(lang)
    return bool(rx and rx.search(text, pos))


__all__ = ["fronted_sentence"]
