"""A relation cue that ends its line on a colon, then enumerated items, one a line: "This Decree
supersedes:" / "a) The Government's Decree No. NN …;" / "b) …" / "c) Section 2 Chapter V of …
Decree No. MM …". The document before the cue stands in the cue's relation to the first numbered
document of every item (an item that opens with a part word, "Section 2 … of", names a part of
its document: replacing it amends that document). The items run up to the first line that is
no enumerated item. The words are per-language data (``PART_WORDS`` of
:mod:`partykg.ingest.extract_cues_int`); no document, body or article is named here."""

from __future__ import annotations

import re

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.followbase import _cue_info
from partykg.ingest.extract.patterns import Patterns, _alt

MAX_ITEMS = 30
MAX_SUBJECT_GAP = 40  # characters between the subject and the cue
_ITEM = re.compile(r"^[ \t*]{0,4}(?:\(?[0-9a-zđ]{1,3}[.)]|[-–•+*])[ \t]{0,3}", re.IGNORECASE)


def cue_lists(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
              P: Patterns) -> None:
    """Add the relations of the enumerated items that follow a cue ending on a colon."""
    by_sent = by_sentence(mentions)
    have = {(r.kind, r.source, r.target) for r in relations}
    parts = W.PART_WORDS.get(P.lang, ())
    part_re = re.compile(rf"(?<![\w])(?:{_alt(parts)})(?![\w])", re.IGNORECASE) if parts else None
    for si, s in enumerate(sentences):
        text = s.text.rstrip(" \t\n")
        if not text.endswith(":"):
            continue
        cues = [c for c in P.cue_re.finditer(text) if not text[c.end():-1].strip(" \t")]
        if not cues:
            continue
        cue = cues[-1]
        info = _cue_info(P, cue)
        if info is None or info[1] != "active":
            continue
        kind, _voice, mood = info
        before = sorted((i for i in by_sent.get(si, ()) if mentions[i].end - s.start <= cue.start()),
                        key=lambda i: mentions[i].start)
        if not before:
            continue
        a = before[-1]
        gap = text[max(mentions[a].end, mentions[a].tail_end) - s.start:cue.start()]
        if len(gap) > MAX_SUBJECT_GAP or re.search(r"[;,:()]", gap):
            continue
        if kind == "replaces" and mood == "future":
            kind = "plannedToReplace"
        for sj in range(si + 1, min(len(sentences), si + 1 + MAX_ITEMS)):
            t = sentences[sj].text
            im = _ITEM.match(t)
            if im is None:
                break
            items = sorted((i for i in by_sent.get(sj, ()) if mentions[i].strong
                            and mentions[i].list_head is None), key=lambda i: mentions[i].start)
            if not items:
                continue
            b = items[0]
            lead = t[im.end():mentions[b].start - sentences[sj].start]
            k = "amends" if kind == "replaces" and part_re and part_re.match(lead) else kind
            if (k, a, b) not in have:
                have.add((k, a, b))
                relations.append(Relation(k, a, b, si, cue.group(0)))


__all__ = ["cue_lists"]
