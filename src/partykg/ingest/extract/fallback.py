"""A generic fallback for relations the specific rules miss (issue 12, helper xfall8).

Where no specific rule related the documents of a sentence (a sentence, or a clause of it whose
documents no relation of that sentence touches), a relation cue of the data
(:data:`partykg.ingest.extract_cues.CUE_PHRASES`: its kind, voice and mood) that governs a
document (the object: the first document after the cue, only a short object phrase between,
and the documents coordinated with it; a numbered document, a back-reference with its
antecedent, or a document named by title or congress) is related to the most plausible
subject: the nearest such document before the cue, not itself an earlier cue's object, with
no other cue between, whose phrase reaches the cue (attached as the specific rules read it, a
coordinated predicate, a long title ending in its coming into force, a title after a colon).
A passive cue reverses the direction (the document after it is the agent); the mood makes a
replacement planned. What is reviewed ("summarizing X") is not implemented. The relations
carry the rule name :data:`RULE`, shown by ``review``. Off by default (``partykg extract
--fallback``): on the newest sets it did not add more right relations than wrong ones (README).

Nothing here names a document, body or article; the words are the cue data's.
"""

from __future__ import annotations

import re

from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.patterns import Patterns
from partykg.ingest.extract.relations import _attached, _coord_gap_re, cue_reading, reviewed
from partykg.ingest import extract_cues_int as W
from partykg.ingest import extract_lang as L
from partykg.ingest.extract.patterns import _alt
from functools import lru_cache

RULE = "fallback"

MAX_OBJECT_GAP = 60  # from the cue to its object: a short object phrase ("các quy định tại")
MAX_SUBJECT_GAP = 160  # from the subject's phrase to the cue


def fallback_relations(sentences: list[Sentence], mentions: list[Mention],
                       relations: list[Relation], P: Patterns) -> list[Relation]:
    """The fallback's relations between documents of a sentence that no relation of
    ``relations`` in that sentence takes part in (a sentence, or the clause of it, that the
    specific rules left alone)."""
    related: dict[int, set[int]] = {}
    for r in relations:
        related.setdefault(r.sentence, set()).update((r.source, r.target))
    out: list[Relation] = []
    for si, idx in by_sentence(mentions).items():
        if len(idx) < 2:
            continue
        busy = related.get(si, set())
        out.extend(r for r in _sentence(sentences[si], si, idx, mentions, P)
                   if r.source not in busy and r.target not in busy)
    return out


def _usable(m: Mention) -> bool:
    return m.strong or m.antecedent is not None or m.name_key is not None


def _sentence(sent: Sentence, si: int, idx: list[int], mentions: list[Mention],
              P: Patterns) -> list[Relation]:
    text, base = sent.text, sent.start
    cues = list(P.cue_re.finditer(text))
    if not cues:
        return []
    out: list[Relation] = []
    seen: set[tuple[str, int, int]] = set()
    for cue in cues:
        info = cue_reading(text, cue, P)
        if info is None:
            continue
        kind, voice, mood = info
        objs = _objects(text, base, cue, idx, mentions, P)
        if not objs:
            continue
        subj = _subject(text, base, cue, idx, mentions, cues, kind, mood, P)
        if subj is None:
            continue
        for o in objs:
            a, b = (subj, o) if voice == "active" else (o, subj)
            if a == b:
                continue
            k = kind
            if k == "implements" and mentions[a].type == "guidance":
                k = "guides"
            if k == "replaces" and (mood == "future" or (mood == "purpose" and not mentions[a].strong)):
                k = "plannedToReplace"
            if (k, a, b) in seen:
                continue
            seen.add((k, a, b))
            out.append(Relation(k, a, b, si, cue.group(0), RULE))
    return out


def _objects(text: str, base: int, cue: re.Match, idx: list[int], mentions: list[Mention],
             P: Patterns) -> list[int]:
    """The documents the cue governs: the first one after it (a short object phrase between,
    no other cue), then those coordinated with it."""
    after = [i for i in idx if mentions[i].start - base >= cue.end()]
    if not after:
        return []
    first = after[0]
    m = mentions[first]
    gap = text[cue.end():m.start - base]
    if not _object_gap(gap, P) or reviewed(text, m.start - base, P):
        return []  # (nor what is reviewed: "on implementing the task of summarizing X")
    if not _usable(m):
        return []
    out = [first]
    end = max(m.tail_end, m.end) - base
    coord = _coord_gap_re(P.lang)
    for j in after[1:]:
        n = mentions[j]
        if n.list_head is not None and n.list_head in out:
            out.append(j)
            end = max(end, max(n.tail_end, n.end) - base)
            continue
        if not n.strong or not coord.fullmatch(text, end, n.start - base):
            break
        out.append(j)
        end = max(n.tail_end, n.end) - base
    return out


def _object_gap(gap: str, P: Patterns) -> bool:
    if _is_filler(gap):
        return True
    if len(gap) > MAX_OBJECT_GAP or re.search(r"[.;:,()\[\]]", gap):
        return False
    return P.cue_re.search(gap) is None


def _subject(text: str, base: int, cue: re.Match, idx: list[int], mentions: list[Mention],
             cues: list[re.Match], kind: str, mood: str, P: Patterns) -> int | None:
    """The nearest document before the cue in the same clause, itself not governed by an
    earlier cue, the text between them its own: attached as the specific rules read it
    (:func:`.relations._attached`: nothing, a relative, a short phrase, its coming into force)
    or a coordinated predicate ("X … has … and replaces Y")."""
    before = [i for i in idx if mentions[i].end - base <= cue.start()]
    if not before:
        return None
    a = before[-1]
    A = mentions[a]
    while A.list_head is not None and A.list_head in before:
        a = A.list_head
        A = mentions[a]
    if not _usable(A):
        return None
    end = max(A.tail_end, A.end) - base
    gap = text[min(end, cue.start()):cue.start()]
    if any(A.end - base <= c.start() and c.end() <= cue.start() for c in cues if c is not cue):
        return None  # another cue between: the subject is that cue's
    if any(c.end() <= A.start - base and _object_gap(text[c.end():A.start - base], P)
           for c in cues):
        return None  # A is itself the object of an earlier cue
    if _TITLE_COLON.fullmatch(gap):
        return a  # "Circular NN: Guiding …": its title after a colon
    if len(gap) <= MAX_LONG_SUBJECT and _in_force_then_coordinated(gap, P):
        return a  # "Decree NN … on A; B … took effect as from … and replaced …"
    if len(gap) > MAX_SUBJECT_GAP or re.search(r"[;:]", gap):
        return None
    if _attached(gap, A, kind, mood, P) or _coordinated_predicate(gap, P):
        return a
    return None


_TITLE_COLON = re.compile(r"[ \t]{0,2}:[ \t]{0,2}")
MAX_LONG_SUBJECT = 400  # a subject's long title before its coming into force
MAX_IN_FORCE_TAIL = 100  # from the in-force words to the coordinator before the cue


@lru_cache(maxsize=8)
def _in_force_words_re(lang: str) -> re.Pattern | None:
    words = W.IN_FORCE.get(lang, ())
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])", re.IGNORECASE) if words else None


def _in_force_then_coordinated(gap: str, P: Patterns) -> bool:
    """The gap's last clause is the subject's coming into force (per-language data,
    ``extract_cues_int.IN_FORCE``) and a coordinator: the cue is its second predicate, however
    long its title before."""
    rx = _in_force_words_re(P.lang)
    last = None
    for last in rx.finditer(gap) if rx else ():
        pass
    if last is None:
        return False
    tail = gap[last.start():]
    return len(tail) <= MAX_IN_FORCE_TAIL and not re.search(r"[;:()]", tail) \
        and _coordinated_predicate(tail, P)


@lru_cache(maxsize=8)
def _coord_end_re(lang: str) -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{_alt(L.OBJECT_COORDINATORS[lang])})[ \t]{{1,2}}$", re.IGNORECASE)


def _coordinated_predicate(gap: str, P: Patterns) -> bool:
    """ "… có hiệu lực từ ngày … và thay thế": the gap ends on a coordinator right before the
    cue, so the cue is a second predicate of the subject."""
    return bool(_coord_end_re(P.lang).search(gap)) and P.cue_re.search(gap) is None
