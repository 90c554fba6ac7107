"""A plural reference after an implementing cue whose documents are listed after it, in the same
sentence: "… to build the Action Program of the Provincial Committee to implement the resolutions
of the 8th Conference …, including: Resolution No. 42 …; Resolution No. 43 … and Resolution No.
45": the Action Program implements 42, 43 and 45 (issue 12, set LG).

One job: for a document (numbered, or a weak one such as an unnumbered programme) right before an
implementing cue with a plural determiner and a plural type word (extract_lang_more:
PLURAL_REF_CUES, INCLUDED_LIST_CUES; the type words of the SKOS scheme), then a list opener
(INCLUDED_LIST_OPENERS: "including", "gồm", "notamment") with no other document between, relate
it to every numbered document of that type listed after the opener in the sentence. Nothing when
no opener follows (:mod:`.pluralref` reads a plural with the list before it)."""

from __future__ import annotations

import re

from partykg.ingest.extract_lang_more import INCLUDED_LIST_CUES, INCLUDED_LIST_OPENERS, PLURAL_REF_CUES
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns
from partykg.ingest.extract.relations import reviewed

_MAX_GAP = 160  # from the source document's end to the cue
_MAX_OPENER = 200  # from the plural word to the list's opener (what the plural's phrase says)


@per_patterns
def _res(P: Patterns) -> tuple[re.Pattern, re.Pattern] | None:
    cues = tuple(PLURAL_REF_CUES.get(P.lang) or ()) + tuple(INCLUDED_LIST_CUES.get(P.lang) or ())
    openers = INCLUDED_LIST_OPENERS.get(P.lang) or ()
    # Vietnamese marks the plural before the word ("các nghị quyết"): any type word is plural
    words = [w for w in P.type_words if P.lang == "vi" or w.lower().endswith("s")]
    if not cues or not openers or not words:
        return None
    cue = re.compile(rf"(?<![\w])(?:{_alt(cues)})[ \t]{{1,2}}(?P<word>{_alt(words)})(?![\w])",
                     re.IGNORECASE)
    opener = re.compile(rf"[,;]?[ \t]{{0,2}}(?<![\w])(?:{_alt(openers)})(?![\w])[ \t]{{0,2}}:?",
                        re.IGNORECASE)
    return cue, opener


def included_lists(sentences: list[Sentence], mentions: list[Mention],
                   relations: list[Relation], P: Patterns) -> None:
    res = _res(P)
    if res is None:
        return
    cue_re, opener_re = res
    by_sent = by_sentence(mentions)
    have = {(r.kind, r.source, r.target) for r in relations}
    for si, sent in enumerate(sentences):
        idx = by_sent.get(si, [])
        if len(idx) < 2:
            continue
        for cm in cue_re.finditer(sent.text):
            tkey = P.type_words.get(re.sub(r"\s+", " ", cm.group("word").lower()))
            if tkey is None or reviewed(sent.text, cm.start(), P):
                continue
            at, end = sent.start + cm.start(), sent.start + cm.end()
            before = [i for i in idx if mentions[i].end <= at]
            if not before:
                continue
            src = before[-1]
            if at - mentions[src].end > _MAX_GAP \
                    or re.search(r"[.;:]", sent.text[mentions[src].end - sent.start:cm.start()]):
                continue
            after = [i for i in idx if mentions[i].start >= end]
            if not after:
                continue
            gap = sent.text[cm.end():mentions[after[0]].start - sent.start]
            op = None
            for o in opener_re.finditer(gap):
                op = o
            if op is None or op.end() != len(gap.rstrip()) or op.start() > _MAX_OPENER:
                continue
            for t in after:
                m = mentions[t]
                if not m.strong or m.type != tkey:
                    break  # the list ends at the first document of another kind
                if ("implements", src, t) not in have and t != src:
                    relations.append(Relation("implements", src, t, si, cm.group(0)))
                    have.add(("implements", src, t))


__all__ = ["included_lists"]
