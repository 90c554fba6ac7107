"""A fronted purpose with a pronoun for its object: "… the Politburo issued Resolution No. X. To
implement it, the National Assembly adopted Resolution No. Y …", "Pour la mettre en œuvre, le
Gouvernement a publié …", "Untuk melaksanakannya, …". The pronoun is the one numbered document of
the sentence before; the document issued in the main clause implements it, as it would implement
a document the fronted clause named ("To implement X, … issued Y").

One job: a sentence opening with such a lead (per-language data, FRONTED_PRONOUN_LEADS of
:mod:`partykg.ingest.extract_cues`) and a comma, whose first numbered document comes after an
issuing verb of the main clause; the previous sentence names exactly one numbered document. No
document, body or article is named here.
"""

from __future__ import annotations

import re

from partykg.ingest.extract_cues import FRONTED_PRONOUN_LEADS
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

MAX_TO_VERB = 80  # characters from the comma to the main clause's issuing verb


@per_patterns
def _lead_re(P: Patterns) -> re.Pattern | None:
    leads = FRONTED_PRONOUN_LEADS.get(P.lang)
    if not leads:
        return None
    return re.compile(rf"^[ \t]{{0,2}}(?:{_alt(leads)})[ \t]{{0,2}},[ \t]{{0,2}}", re.IGNORECASE)


def fronted_pronouns(sentences: list[Sentence], mentions: list[Mention],
                     relations: list[Relation], P: Patterns) -> None:
    rx = _lead_re(P)
    if rx is None:
        return
    by_sent = by_sentence(mentions)
    have = {(r.kind, r.source, r.target) for r in relations}
    for si in range(1, len(sentences)):
        sent = sentences[si]
        lm = rx.match(sent.text)
        if lm is None:
            continue
        own = sorted((j for j in by_sent.get(si, ()) if mentions[j].strong),
                     key=lambda j: mentions[j].start)
        prev = [j for j in by_sent.get(si - 1, ()) if mentions[j].strong]
        codes = {(mentions[j].code or mentions[j].number or "").upper() for j in prev}
        if not own or not prev or len(codes) != 1:
            continue
        y = own[0]
        head = sent.text[lm.end():mentions[y].start - sent.start]
        if len(head) > MAX_TO_VERB or not P.issue_verb_re.search(head):
            continue
        x = prev[0]
        if ("implements", y, x) not in have:
            relations.append(Relation("implements", y, x, si, lm.group(0).strip(" ,")))
            have.add(("implements", y, x))


__all__ = ["fronted_pronouns"]
