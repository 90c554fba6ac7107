"""A fronted clause and an unnumbered document issued in the main clause: "Implementing
Resolution No. NN, the Standing Committee issued a plan on …", "Conformément à la conclusion
n° NN …, le Comité permanent a publié un plan d'étude …", "Untuk melaksanakan Resolusi Nomor NN,
Komite … menerbitkan rencana …". The document issued (the first type word after an issuing verb
in the main clause, found by no other rule) implements every document of the fronted clause, as
a numbered one does (:func:`partykg.ingest.extract.relations.find_fronted`). A bare verb
("has a plan") and a plural ("issued plans") name no document issued."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention, Relation, Sentence
from partykg.ingest.extract.patterns import Patterns
from partykg.ingest.extract.relations import fronted_cue, fronted_objects

VERB_REACH = 60  # characters from the issuing verb's start to the type word


def fronted_unnamed(sent: Sentence, si: int, idx: list[int], mentions: list[Mention],
                    relations: list[Relation], P: Patterns) -> list[Relation]:
    """Add the issued document's mention (to ``mentions``) and return its relations, when the
    sentence has a fronted clause and no document of the main clause implements it yet."""
    text, base = sent.text, sent.start
    objs = fronted_objects(sent, idx, mentions, P)
    if not objs or any(r.target in objs and r.sentence == si for r in relations):
        return []
    fm = fronted_cue(text, mentions[objs[0]].start - base, P)
    if fm is None:
        return []
    last = max(max(mentions[o].end, mentions[o].tail_end) for o in objs) - base
    comma = text.find(",", last)
    if comma < 0:
        return []
    taken = [(mentions[j].start - base, mentions[j].end - base) for j in idx]
    for tm in P.type_re.finditer(text, comma):
        if any(a < tm.end() and tm.start() < b for a, b in taken):
            return []  # a document the sentence names already comes first
        before = text[max(comma, tm.start() - VERB_REACH):tm.start()]
        iv = P.issue_verb_re.search(before)
        if iv is None:
            continue
        verb = re.sub(r"\s+", " ", iv.group(0).strip().lower())
        if verb.split()[0] in L.BARE_VERBS.get(P.lang, ()) or \
                (P.plural_before_re and P.plural_before_re.search(before)):
            return []
        word = re.sub(r"\s+", " ", tm.group(0).lower())
        tkey = P.type_words.get(word)
        if tkey is None or (P.lang in ("en", "fr") and word.endswith("s")
                            and word not in ("avis", "status")):
            return []
        a0, a1 = base + tm.start(), base + tm.end()
        mentions.append(Mention(a0, a1, text[tm.start():tm.end()], si, tkey, strong=False,
                                tail_end=a1))
        a = len(mentions) - 1
        return [Relation("implements", a, o, si, fm.group(0).strip(" ,")) for o in objs]
    return []


__all__ = ["fronted_unnamed"]
