"""Untyped references that open a sentence with a relation cue: "It replaces …", "The new rules
replace …", "Ce texte entrera en vigueur … en remplacement de …", "Dokumen ini menggantikan …".

Such a reference names no type, so the type-word back-references of :mod:`.backrefs` miss it.
It is taken to be the document the nearest earlier sentence that names documents (within a few
sentences) names as its subject: the one document of that sentence which is no relation's
object there. Two such documents, or none, and nothing is added (no guess). The words are
per-language data (:mod:`partykg.ingest.extract_cues_int`); no document, body or article is
named here.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_cues_int as W
from partykg.ingest.extract.backrefs import _key
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.patterns import Patterns, _alt

WINDOW = 6  # sentences back to the one that names the antecedent


def lead_refs(sentences: list[Sentence], mentions: list[Mention], relations: list[Relation],
              P: Patterns) -> list[tuple[Mention, Mention]]:
    """Back-reference mentions, each with the mention it refers to, for the sentences that open
    with an untyped reference followed by a relation cue, where no mention is found there
    already (the caller inserts them and sets their antecedent)."""
    nouns, prons = W.LEAD_REF_NOUNS.get(P.lang, ()), W.LEAD_REF_PRONOUNS.get(P.lang, ())
    if not nouns and not prons:
        return []
    lead = re.compile(rf"^[\"“«'‘]?(?:(?P<noun>{_alt(nouns) if nouns else '(?!)'})"
                      rf"|(?P<pron>{_alt(prons) if prons else '(?!)'}))(?![\w])", re.IGNORECASE)
    gap = W.LEAD_PRONOUN_GAP.get(P.lang, ())
    pron_gap = re.compile(rf"[ \t]{{1,2}}(?:(?:{_alt(gap)})[ \t]{{1,2}})?" if gap else r"[ \t]{1,2}",
                          re.IGNORECASE)
    objects = {r.target for r in relations}
    by_sent = by_sentence(mentions)
    out: list[tuple[Mention, Mention]] = []
    for si, s in enumerate(sentences):
        lm = lead.match(s.text)
        if not lm:
            continue
        name = "noun" if lm.group("noun") else "pron"
        cm = P.cue_re.search(s.text, lm.end())
        if cm is None:
            continue
        if name == "pron":
            pg = pron_gap.match(s.text, lm.end())
            if not pg or pg.end() != cm.start():
                continue  # "It is necessary to implement …": not the pronoun's own verb
        a, b = s.start + lm.start(name), s.start + lm.end(name)
        if any(mentions[i].start < b and a < mentions[i].end for i in by_sent.get(si, ())):
            continue
        ante = _antecedent(si, by_sent, mentions, objects)
        if ante is None:
            continue
        here = {_key(mentions[i]) for i in by_sent.get(si, ()) if _key(mentions[i])}
        if _key(mentions[ante]) and _key(mentions[ante]) in here:
            continue  # the sentence names it again: not a reference to it
        out.append((Mention(a, b, s.text[lm.start(name):lm.end(name)], si, mentions[ante].type,
                            strong=False, anaphor=True, tail_end=b), mentions[ante]))
    return out


def _antecedent(si: int, by_sent: dict[int, list[int]], mentions: list[Mention],
                objects: set[int]) -> int | None:
    """The one document the nearest earlier sentence naming documents names as its subject."""
    for sj in range(si - 1, max(-1, si - 1 - WINDOW), -1):
        idx = by_sent.get(sj)
        if not idx:
            continue
        subjects = [i for i in idx if i not in objects and not mentions[i].plural]
        keys = {_key(mentions[i]) or ("at", _root(i, mentions)) for i in subjects}
        if len(keys) != 1:
            return None
        return subjects[0]
    return None


def _root(i: int, mentions: list[Mention]) -> int:
    """The mention a chain of back-references ends on."""
    seen = set()
    while mentions[i].antecedent is not None and i not in seen:
        seen.add(i)
        i = mentions[i].antecedent
    return i


def insert_lead_refs(mentions: list[Mention], relations: list[Relation],
                     found: list[tuple[Mention, Mention]], insert) -> set[int]:
    """Insert the references (``insert``: backrefs.insert_mentions) and point each to its
    antecedent; the sentences they open, whose relations are to be found again."""
    insert(mentions, relations, [m for m, _ in found])
    pos = {id(m): i for i, m in enumerate(mentions)}
    for m, ante in found:
        m.antecedent = pos[id(ante)]
    return {m.sentence for m, _ in found}


def drop_lead_refs(mentions: list[Mention], relations: list[Relation], mergers: list,
                   leads: list[Mention]) -> None:
    """Once every relation is found: a reference ("It", "Ce texte") is no name of its document,
    so its relations go to the mention it refers to and the reference itself is dropped (it is
    neither scored nor written as a label)."""
    gone = {id(m) for m in leads}
    if not gone:
        return
    def target(i: int) -> int:
        seen = set()
        while id(mentions[i]) in gone and mentions[i].antecedent is not None and i not in seen:
            seen.add(i)
            i = mentions[i].antecedent
        return i
    keep = [i for i, m in enumerate(mentions) if id(m) not in gone]
    pos = {i: n for n, i in enumerate(keep)}
    kept_rel = []
    for r in relations:
        a, b = target(r.source), target(r.target)
        if a == b or a not in pos or b not in pos:
            continue
        r.source, r.target = pos[a], pos[b]
        kept_rel.append(r)
    relations[:] = kept_rel
    for mg in mergers:
        if mg.doc is not None:
            mg.doc = pos.get(target(mg.doc))
    new = [mentions[i] for i in keep]
    for m in new:
        if m.antecedent is not None:
            m.antecedent = pos.get(target(m.antecedent))
        if m.list_head is not None:
            m.list_head = pos.get(target(m.list_head))
    mentions[:] = new


__all__ = ["lead_refs", "insert_lead_refs", "drop_lead_refs"]
