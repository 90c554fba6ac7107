"""An unnamed document a plan verb announces, written in lower case without "new", right before
a replacing cue: "proposed to issue a decree to replace Decree No. NN", "is drafting a decree
replacing …", "propose de publier un décret pour remplacer …". It is a planned document: its
replacement is planned (never presented as done). The plan verbs are per-language data
(``PLAN_BEFORE`` of :mod:`partykg.ingest.extract_cues`); no document, body or article is named
here."""

from __future__ import annotations

import re

from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.followbase import _cue_info, _lang, _object_of
from partykg.ingest.extract.patterns import Patterns

VERB_REACH = 60  # characters from the plan verb to the type word


def planned_unnamed(sentences: list[Sentence], mentions: list[Mention],
                    relations: list[Relation], P: Patterns) -> None:
    """Add the planned documents' mentions and their planned replacements."""
    L_ = _lang(P)
    by_sent = by_sentence(mentions)
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        text, base = sent.text, sent.start
        taken = [(mentions[j].start - base, mentions[j].end - base) for j in idx]
        idx = sorted(idx, key=lambda j: mentions[j].start)
        for tm in P.type_re.finditer(text):
            word = tm.group(0)
            if not word[:1].islower() or any(a < tm.end() and tm.start() < b for a, b in taken):
                continue
            if not L_.plan.search(text[max(0, tm.start() - VERB_REACH):tm.start()]):
                continue
            rest = text[tm.end():]
            cue = P.cue_re.match(text, tm.end() + len(rest) - len(rest.lstrip(" \t")))
            info = _cue_info(P, cue) if cue else None
            if info is None or info[0] != "replaces" or info[1] != "active":
                continue
            b = _object_of(cue, sent, idx, mentions)
            if b is None or not mentions[b].strong:
                continue
            tkey = P.type_words.get(re.sub(r"\s+", " ", word.lower()))
            if tkey is None:
                continue
            a0, a1 = base + tm.start(), base + tm.end()
            mentions.append(Mention(a0, a1, word, si, tkey, strong=False, new=True, tail_end=a1))
            relations.append(Relation("plannedToReplace", len(mentions) - 1, b, si, cue.group(0)))


__all__ = ["planned_unnamed"]
