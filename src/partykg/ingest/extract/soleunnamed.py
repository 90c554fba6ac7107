"""The one unnumbered plan or programme of an article: "the Action Program of the Provincial Party
Committee's EC to implement the resolutions …" (a plural object: no relation) and, later, "the
Action Program of the Provincial Party Committee to implement … Resolution No. NN …" (a
relation) are one document when the article names no other plan or programme that takes part
in a relation and no numbered one.

One job: give each such description, capitalised (a name, not a common noun), opening with its
type word and no demonstrative ("Kế hoạch này" refers back), of no issuer but the related one's, not a new,
planned or plural document, and in no relation of its own, the related one as
antecedent (or, when it comes first, be the related one's), so that the grouping makes them one
document. Nothing when two documents of the type take part in relations, or a numbered one of
the type is named (then :mod:`.sole` decides). The types are the scheme's concepts a page names
by description (plan, programme); no document, body or article is named here.
"""

from __future__ import annotations

from partykg.ingest.extract.data import Mention, Relation
from partykg.ingest.extract.followbase import planned
from partykg.ingest.extract.patterns import Patterns

_TYPES = ("plan", "programme")


def _root(mentions: list[Mention], i: int) -> int:
    seen = set()
    while mentions[i].antecedent is not None and i not in seen:
        seen.add(i)
        i = mentions[i].antecedent
    return i


def _named(m: Mention, P: Patterns) -> bool:
    """The mention opens with its type word and no demonstrative follows it ("Kế hoạch này",
    "this Plan", "Rencana tersebut" refer back: no name)."""
    tm = P.type_re.match(m.text)
    if tm is None:
        return False
    return not (P.demo_after_re and P.demo_after_re.match(m.text, tm.end()))


def sole_unnamed(text: str, mentions: list[Mention], relations: list[Relation],
                 P: Patterns) -> None:
    related = {r.source for r in relations} | {r.target for r in relations}
    for tkey in _TYPES:
        if any(m.strong and m.type == tkey for m in mentions):
            continue
        roots = {_root(mentions, i) for i in related if mentions[i].type == tkey}
        if len(roots) != 1:
            continue
        root = roots.pop()
        R = mentions[root]
        if R.strong or R.name_key is not None or R.new or R.plural:
            continue
        strays = [i for i, m in enumerate(mentions)
                  if m.type == tkey and not m.strong and i not in related and i != root
                  and m.antecedent is None and m.name_key is None and not m.new
                  and not m.plural and m.text[:1].isupper() and _named(m, P)
                  and not (m.issuer and not (R.issuer and m.issuer.match_key == R.issuer.match_key))
                  and not planned(m, text, P)]
        if not strays:
            continue
        before = [i for i in strays if i < root]
        if before:
            R.antecedent = before[0]
        for i in strays:
            if i != (before[0] if before else None):
                mentions[i].antecedent = before[0] if before and i < root else root


__all__ = ["sole_unnamed"]
