"""Coordinated documents before a cue: "the Action Program of the Provincial Party Committee,
Plan of the Provincial People's Committee to implement Resolution No. NN" (both implement it),
"Decree No. A and Decree No. B were replaced by Decree No. C" (both replaced). A relation whose
end before its cue is joined to the document right before it by a comma or a coordinator only
("A, B", "A and B", "A, and B") holds for that document too, and so on back along the list.
Within one sentence; the coordinators are per-language data (``OBJECT_COORDINATORS``)."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest import extract_lang as L
from partykg.ingest.extract.backrefs import _key
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.patterns import Patterns, _alt

CUE_REACH = 80  # characters back from a document to a cue that governs it
KINDS = ("implements", "guides", "continues", "replaces", "plannedToReplace", "amends")


def coordinated_subjects(sentences: list[Sentence], mentions: list[Mention],
                         relations: list[Relation], P: Patterns) -> None:
    """Add the relations of the documents coordinated with a relation's end before its cue."""
    sep = re.compile(rf"[ \t]{{0,2}}(?:,[ \t]{{0,2}}(?:(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}})?"
                     rf"|[ \t]{{1,2}}(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}})"
                     rf"(?:(?:{_alt(L.DETERMINERS[P.lang] or ('the',))})[ \t]{{1,2}})?",
                     re.IGNORECASE)
    by_sent = by_sentence(mentions)
    have = {(r.kind, r.source, r.target) for r in relations}
    objects = {(r.sentence, r.target) for r in relations}
    for r in list(relations):
        if r.kind not in KINDS:
            continue
        s, t = mentions[r.source], mentions[r.target]
        if s.sentence != t.sentence or s.sentence != r.sentence:
            continue
        active = s.start < t.start
        first = r.source if active else r.target
        if r.cue.lower() in mentions[first].text.lower():
            continue  # a title that says what it amends ("the Law on the amendments to …"): its own
        sent = sentences[r.sentence]
        other = r.target if active else r.source
        lo, hi = mentions[first].end - sent.start, mentions[other].start - sent.start
        if r.cue.lower() not in sent.text[max(0, lo):max(0, hi)].lower():
            continue  # the cue is not between them ("Thực hiện X và Y, … ban hành Z": a fronted
            # clause's objects, whose list is the fronted rule's, not a coordinated subject)
        idx = sorted(by_sent.get(r.sentence, ()), key=lambda i: mentions[i].start)
        cur = first
        while True:
            prev = [i for i in idx if max(mentions[i].end, mentions[i].tail_end) <= mentions[cur].start
                    and mentions[i].list_head is None]
            if not prev:
                break
            p = prev[-1]
            gap = sent.text[max(mentions[p].end, mentions[p].tail_end) - sent.start:
                            mentions[cur].start - sent.start]
            if not sep.fullmatch(gap) or mentions[p].type is None:
                break
            if active and ((r.sentence, p) in objects or _cue_object(sent, mentions[p], P)):
                break  # an object of an earlier cue ("implementing X, Y to …", "must implement
                # X and the Action Program to implement Y"): not a subject
            k = (r.kind, p, r.target) if active else (r.kind, r.source, p)
            if k[1] == k[2] or k in have or _same(mentions[k[1]], mentions[k[2]]):
                break
            have.add(k)
            relations.append(Relation(k[0], k[1], k[2], r.sentence, r.cue))
            cur = p


def _cue_object(sent: Sentence, m: Mention, P: Patterns) -> bool:
    """A cue right before ``m`` (filler words between) governs it, whether or not a document is
    its subject ("Party committees must implement X and …")."""
    at = m.start - sent.start
    before = sent.text[max(0, at - CUE_REACH):at]
    last = None
    for c in P.cue_re.finditer(before):
        last = c
    for c in _governing_re(P.lang).finditer(before) if _governing_re(P.lang) else ():
        if last is None or c.start() > last.start():
            last = c
    return last is not None and _is_filler(before[last.end():])


@lru_cache(maxsize=8)
def _governing_re(lang: str) -> re.Pattern | None:
    words = W.GOVERNING_VERBS.get(lang, ())
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])", re.IGNORECASE) if words else None


def _same(a: Mention, b: Mention) -> bool:
    """Two mentions of one document (same code or number key, or same name)."""
    ka, kb = _key(a), _key(b)
    return bool((ka and ka == kb) or (a.name_key and a.name_key == b.name_key))


__all__ = ["coordinated_subjects"]
