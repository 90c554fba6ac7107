"""A provision of a document amended with no agent named: "Clause 1, Article 6 of Circular No. NN is
amended as follows", "Le point 2 de l'article 3 de la circulaire n° NN est modifié …", "Pasal 5
Peraturan Nomor NN diubah …". In a text about one amending document (its header's, or the one
document that amends others in the text before the sentence), that document is the agent: it
amends the document named.

One job: a sentence that opens with a numbered part of a document (extract_cues_int PART_WORDS
and its number: "Clause 1", "Article 6", "Pasal 5"), names one
numbered document right after that part (a preposition between), and goes on with an agentless
passive amending verb (AGENTLESS_AMENDED, per-language data) that no agent follows. No document,
body or article is named here; nothing when the text has no header and no single amending
document before the sentence.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract_cues import AGENT_WORDS, AGENTLESS_AMENDED
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

MAX_LEAD = 80  # characters from the part's word to the document


@per_patterns
def _res(P: Patterns):
    parts, verbs = W.PART_WORDS.get(P.lang), AGENTLESS_AMENDED.get(P.lang)
    if not parts or not verbs:
        return None
    lead = re.compile(rf"^(?:[^\W\d_]{{1,20}},?[ \t]{{1,2}}){{0,3}}?"
                      rf"(?:{_alt(parts)})[ \t]{{1,2}}(?:\d{{1,3}}|[IVXLC]{{1,6}}|[a-zđ])(?![\w])"
                      rf"[^.;:]{{0,{MAX_LEAD}}}$", re.IGNORECASE)
    verb = re.compile(rf"[ \t]{{0,2}},?[ \t]{{0,2}}(?:{_alt(verbs)})(?![\w])(?P<rest>[ \t]{{0,2}}\S{{0,6}})",
                      re.IGNORECASE)
    agent = re.compile(rf"[ \t]{{0,2}}(?:{_alt(AGENT_WORDS.get(P.lang, ('by',)))})(?![\w])",
                       re.IGNORECASE)
    return lead, verb, agent


def _amending_source(mentions: list[Mention], relations: list[Relation], before: int,
                     header: int | None) -> int | None:
    if header is not None:
        return header
    keys: dict[str, int] = {}
    for r in relations:
        if r.kind != "amends" or mentions[r.source].start >= before:
            continue
        s = mentions[r.source]
        keys.setdefault((s.code or s.number or "").upper() or f"#{r.source}", r.source)
    return next(iter(keys.values())) if len(keys) == 1 else None


def agentless_amended(sentences: list[Sentence], mentions: list[Mention],
                      relations: list[Relation], header: int | None, P: Patterns) -> None:
    res = _res(P)
    if res is None:
        return
    lead_re, verb_re, agent_re = res
    have = {(r.kind, r.source, r.target) for r in relations}
    for si, idx in sorted(by_sentence(mentions).items()):
        sent = sentences[si]
        strong = [j for j in idx if mentions[j].strong]
        if len(strong) != 1:
            continue
        j = strong[0]
        X = mentions[j]
        if not lead_re.match(sent.text[:X.start - sent.start]):
            continue
        vm = verb_re.match(sent.text, max(X.end, X.tail_end) - sent.start)
        if vm is None or agent_re.match(vm.group("rest")):
            continue
        src = _amending_source(mentions, relations, sent.start, header)
        if src is None or src == j or (mentions[src].code and X.code
                                       and mentions[src].code == X.code):
            continue
        if ("amends", src, j) not in have:
            relations.append(Relation("amends", src, j, si, vm.group(0).strip(" ,")))
            have.add(("amends", src, j))


__all__ = ["agentless_amended"]
