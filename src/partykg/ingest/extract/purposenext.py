"""A plan's purpose stated in the sentence after the one it opens: "Kế hoạch do Phó Chủ tịch …
ký ban hành, yêu cầu …. Với mục đích tổ chức cụ thể hóa kịp thời và thực hiện đầy đủ, hiệu quả
các nhiệm vụ, giải pháp của Nghị quyết số NN, Nghị quyết số MM." The purpose sentence has no
subject of its own; the plan (or programme) whose type word opens the sentence before is it: it
implements the documents the purpose names (the coordinated ones are added by
:mod:`partykg.ingest.extract.follow`).

Only when the purpose sentence opens with a purpose lead (``PURPOSE_LEADS``) and names no
document before its implementing cue, the cue's first document comes within
``PURPOSE_REACH`` characters with no clause punctuation or other cue between, and the sentence
before opens with the capitalised type word of a plan or programme (not a back-reference,
"Kế hoạch này …"). Generic: the words are per-language data (:mod:`partykg.ingest.extract_lang_le`),
the type words the SKOS scheme's; no document, body or article is named here.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang_le as LE
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.followbase import _cue_info
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns
from partykg.ingest.extract.relations import reviewed


@per_patterns
def _lead_re(P: Patterns) -> re.Pattern | None:
    if not LE.PURPOSE_LEADS.get(P.lang):
        return None
    return re.compile(rf"[ \t]{{0,3}}(?:{_alt(LE.PURPOSE_LEADS[P.lang])})(?![\w])", re.IGNORECASE)


def purpose_next(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
                 P: Patterns) -> None:
    """Add "<plan> implements X" for the pattern of the module docstring."""
    lead = _lead_re(P)
    if lead is None:
        return
    by_sent = by_sentence(mentions)
    have = {(r.kind, r.source, r.target) for r in relations}
    for si in range(1, len(sentences)):
        sent = sentences[si]
        text, base = sent.text, sent.start
        lm = lead.match(text)
        if lm is None:
            continue
        idx = sorted(by_sent.get(si, ()), key=lambda j: mentions[j].start)
        if not idx or not mentions[idx[0]].strong or mentions[idx[0]].list_head is not None:
            continue
        b = idx[0]  # the sentence's first document, after its last implementing cue
        bs = mentions[b].start - base
        cues = [c for c in P.cue_re.finditer(text, lm.end(), bs)
                if (_cue_info(P, c) or ("",))[0] == "implements"]
        cue = cues[-1] if cues else None
        if cue is None or _cue_info(P, cue)[1] != "active" or reviewed(text, cue.start(), P):
            continue
        gap = text[cue.end():bs]
        if len(gap) > LE.PURPOSE_REACH or re.search(r"[.;:()\[\]]", gap) or P.cue_re.search(gap):
            continue
        a = _opening_content(sentences[si - 1], si - 1, by_sent, mentions, P)
        if a is None or ("implements", a, b) in have:
            continue
        have.add(("implements", a, b))
        relations.append(Relation("implements", a, b, si, cue.group(0)))


def _opening_content(prev: Sentence, pi: int, by_sent: dict[int, list[int]],
                     mentions: list[Mention], P: Patterns) -> int | None:
    """The plan or programme whose capitalised type word opens ``prev`` (its mention, added when
    no rule made one), or None."""
    text = prev.text
    tm = P.type_re.match(text, len(text) - len(text.lstrip(" \t")))
    if tm is None or not tm.group(0)[:1].isupper() or tm.group(0).isupper():
        return None
    tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
    if tkey not in LE.CONTENT_TYPES:
        return None
    if (P.demo_after_re and P.demo_after_re.match(text, tm.end())) or \
            not re.match(r"[ \t]{1,2}[^\W\d_]", text[tm.end():tm.end() + 3]):
        return None  # "Kế hoạch này …": a back-reference; "Kế hoạch:" a heading
    a0, a1 = prev.start + tm.start(), prev.start + tm.end()
    for j in by_sent.get(pi, ()):
        m = mentions[j]
        if m.start <= a0 < max(m.end, m.tail_end):
            return None if m.strong or m.anaphor else j
    mentions.append(Mention(a0, a1, tm.group(0), pi, tkey, strong=False, tail_end=a1))
    by_sent.setdefault(pi, []).append(len(mentions) - 1)
    return len(mentions) - 1


__all__ = ["purpose_next"]
