"""A plan or programme named in lower case by its purpose, right before an implementing cue and
the numbered document it implements: "… về phát triển kinh tế tư nhân và kế hoạch thực hiện
Nghị quyết số NN-NQ/TW" (a talk on the resolution and on the plan to carry it out). The type word
names one unnumbered document that implements that one.

Not after a plan word ("xây dựng kế hoạch thực hiện …": still to be drawn up) or an issuing verb
(issued by the sentence's subject: :mod:`partykg.ingest.extract.named` ``issued_for``,
:mod:`partykg.ingest.extract.promulgates`), a bare verb ("có kế hoạch …": having one), a plural,
a count, a determiner or a subject preposition ("Nghị quyết số NN về kế hoạch thực hiện …": its
content); not when the cue is a review's ("sơ kết việc thực hiện …"), nor when
the sentence already has a relation to that document. Vietnamese only. Generic: the type words
are the SKOS scheme's, the cues and words per-language data; no document, body or article is
named here.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_le as LE
from partykg.ingest.extract.codes import normal_code
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.followbase import _cue_info, _lang, _object_of
from partykg.ingest.extract.lowerlabel import counted
from partykg.ingest.extract.named import _about_before
from partykg.ingest.extract.patterns import Patterns
from partykg.ingest.extract.relations import reviewed


def lower_plans(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
                P: Patterns) -> None:
    """Add the plans' mentions and their implements relations (module docstring)."""
    if P.lang != "vi":
        return
    L_ = _lang(P)
    bare = {w.lower() for w in L.BARE_VERBS.get(P.lang, ())}
    by_sent = by_sentence(mentions)
    # (a relation between two mentions of one document, "Nghị quyết số NN … thực hiện Nghị
    # quyết số NN", is none)
    real = [r for r in relations if not _same(mentions[r.source], mentions[r.target])]
    related = {(r.sentence, r.target) for r in real} | {(r.sentence, r.source) for r in real}
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        text, base = sent.text, sent.start
        idx = sorted(idx, key=lambda j: mentions[j].start)
        taken = [(mentions[j].start - base, mentions[j].end - base) for j in idx]
        for tm in P.type_re.finditer(text):
            word = tm.group(0)
            tkey = P.type_words.get(re.sub(r"\s+", " ", word.lower()))
            if tkey not in LE.CONTENT_TYPES or not word[:1].islower() or \
                    any(a <= tm.start() < b for a, b in taken):
                continue
            before = text[max(0, tm.start() - 60):tm.start()]
            near = text[max(0, tm.start() - 15):tm.start()]
            if L_.plan.search(before) or P.issue_verb_re.search(before + " ") or counted(near, P.lang) \
                    or (P.plural_before_re and P.plural_before_re.search(near)) or \
                    (P.det_before_re and P.det_before_re.search(near)) or \
                    re.search(rf"(?<![\w])(?:{'|'.join(map(re.escape, bare))})[ \t]{{1,2}}$", near):
                continue
            if text[tm.end():tm.end() + 1] != " " or _about_before(near, P.lang):
                # ("Nghị quyết số NN về kế hoạch thực hiện …": the resolution's content)
                continue
            cue = P.cue_re.match(text, tm.end() + 1)
            info = _cue_info(P, cue) if cue else None
            if info is None or info[0] != "implements" or info[1] != "active" or \
                    info[2] != "plain" or reviewed(text, cue.start(), P):
                continue
            b = _object_of(cue, sent, idx, mentions)
            if b is None or not mentions[b].strong or (si, b) in related:
                continue
            a0, a1 = base + tm.start(), base + tm.end()
            mentions.append(Mention(a0, a1, word, si, tkey, strong=False, tail_end=a1))
            relations.append(Relation("implements", len(mentions) - 1, b, si, cue.group(0)))
            related.add((si, b))


def _same(a: Mention, b: Mention) -> bool:
    return bool(a.code and b.code and normal_code(a.code) == normal_code(b.code))


__all__ = ["lower_plans"]
