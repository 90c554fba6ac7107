"""A guidance document whose subject is a part of another document guides that document:
"Instruction NN-HD/BTCTW dated … of the Central Organizing Committee on some contents of
Directive No. MM" (the guidance guides Directive MM), "Hướng dẫn số NN … về một số nội dung của
Chỉ thị số MM", "le guide NN … sur certains contenus de la directive n° MM" (issue 12, sets K
and N).

One job: for each numbered document of the guidance type, the text between it and the next
numbered document (its date and issuer, at most MAX_ATTRS characters, no ";"), ending on a
subject preposition (extract_lang.SUBJECT_PREPS), an optional quantifier, a
word naming a part of a document and a preposition (extract_lang_more: GUIDED_PART_*), then
directly a numbered document: the guidance guides it. The guidance type is the SKOS scheme's
(``pkdt:guidance``, the mention's type); no document, body or article is named here."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

GUIDANCE = "guidance"
MAX_ATTRS = 160  # characters of date and issuer between the guidance and its subject


@per_patterns
def _gap_re(P: Patterns) -> re.Pattern | None:
    words = LM.GUIDED_PART_WORDS.get(P.lang)
    preps = LM.GUIDED_PART_PREPS.get(P.lang)
    subj = L.SUBJECT_PREPS.get(P.lang)
    if not words or preps is None or not subj:
        return None
    quant = LM.GUIDED_PART_QUANTIFIERS.get(P.lang, ())
    q = rf"(?:(?:{_alt(quant)})[ \t]{{1,2}})?" if quant else ""
    bare = "" in preps
    prep = rf"(?:[ \t]{{1,2}}(?:{_alt(preps)}))" + ("?" if bare else "")
    det = r"(?:(?:the|la|le|l['’])[ \t]{0,2})?" if P.lang in ("en", "fr") else ""
    return re.compile(rf",?[ \t]{{0,2}}(?:{_alt(subj)})[ \t]{{1,2}}{q}(?:{_alt(words)}){prep}"
                      rf"[ \t]{{1,2}}{det}$", re.IGNORECASE)


def guidance_on(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
                P: Patterns) -> None:
    rx = _gap_re(P)
    if rx is None:
        return
    have = {(r.kind, r.source, r.target) for r in relations}
    by_sent = by_sentence(mentions)
    for si, idx in by_sent.items():
        if len(idx) < 2:
            continue
        sent = sentences[si]
        for gi in idx:
            G = mentions[gi]
            if G.type != GUIDANCE or not G.strong:
                continue
            nxt = [j for j in idx if mentions[j].start >= G.end and mentions[j].strong and j != gi]
            if not nxt:
                continue
            j = min(nxt, key=lambda k: mentions[k].start)
            gap = sent.text[G.end - sent.start:mentions[j].start - sent.start]
            gm = rx.search(gap)
            if gm is None or gm.start() > MAX_ATTRS or re.search(r"[;:()\[\]]", gap[:gm.start()]):
                continue
            if ("guides", gi, j) in have:
                continue
            relations.append(Relation("guides", gi, j, si, gm.group(0).strip(" \t,")))
            have.add(("guides", gi, j))


__all__ = ["guidance_on"]
