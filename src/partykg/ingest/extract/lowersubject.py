"""An unnumbered document named in lower case by its type word alone, right before an amending
or replacing cue and the numbered document it amends or replaces: "thông tư sửa đổi thông tư
09", "quyết định thay thế Quyết định số NN". The type word is that document's one name (its
number is not on the page): a document of its own, in that relation.

Not when a plural or a plan word comes before it (several documents; one still to be drafted:
:mod:`partykg.ingest.extract.plannedunnamed`), nor after an issuing verb (the issued document:
``follow._issued_unnamed``), nor when a numbered document comes before it in the sentence (the
sentence's subject, "Thông tư 15 là thông tư sửa đổi …", which the type word describes), nor when
it is already part of a mention. Generic: the type words are the SKOS scheme's, the cues, plan
and plural words per-language data; no document, body or article is named here.
"""

from __future__ import annotations

import re

from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.followbase import _cue_info, _lang, _object_of
from partykg.ingest.extract.patterns import Patterns

KINDS = ("amends", "replaces")


def lower_subjects(sentences: list[Sentence], mentions: list[Mention],
                   relations: list[Relation], P: Patterns) -> None:
    """Add the lower-case documents' mentions and their relations (module docstring)."""
    if P.lang != "vi":
        return  # (English, French and Indonesian write such a document with an article)
    L_ = _lang(P)
    by_sent = by_sentence(mentions)
    have = {(r.kind, r.target) for r in relations}
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        text, base = sent.text, sent.start
        idx = sorted(idx, key=lambda j: mentions[j].start)
        taken = [(mentions[j].start - base, max(mentions[j].end, mentions[j].tail_end) - base)
                 for j in idx]
        for tm in P.type_re.finditer(text):
            word = tm.group(0)
            if not word[:1].islower() or any(a < tm.end() and tm.start() < b for a, b in taken):
                continue
            before = text[max(0, tm.start() - 60):tm.start()]
            if L_.plan.search(before) or P.issue_verb_re.search(before + " ") or (
                    P.plural_before_re and P.plural_before_re.search(before)) or (
                    P.det_before_re and P.det_before_re.search(before)):
                continue
            if any(mentions[j].strong and mentions[j].start - base < tm.start() for j in idx):
                continue
            rest = text[tm.end():]
            cue = P.cue_re.match(text, tm.end() + len(rest) - len(rest.lstrip(" \t")))
            if cue is None or cue.start() == tm.end():
                continue
            info = _cue_info(P, cue)
            if info is None or info[0] not in KINDS or info[1] != "active" or info[2] != "plain":
                continue
            b = _object_of(cue, sent, idx, mentions)
            if b is None or not mentions[b].strong or (info[0], b) in have:
                continue
            tkey = P.type_words.get(re.sub(r"\s+", " ", word.lower()))
            if tkey is None:
                continue
            a0, a1 = base + tm.start(), base + tm.end()
            mentions.append(Mention(a0, a1, word, si, tkey, strong=False, tail_end=a1))
            relations.append(Relation(info[0], len(mentions) - 1, b, si, cue.group(0)))
            have.add((info[0], b))


__all__ = ["lower_subjects"]
