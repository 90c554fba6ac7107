"""Validating what an import adds, not the whole graph again (issue 13).

The import's own quads are checked together with what they touch in the graph:

- the consistency checks of ``queries/checks/`` run on a small store holding the import, the
  ontology, the description of every node the graph already has that the import mentions (with
  its evidence), the replacement chains reachable from the documents it points at (cycles, dates
  in the wrong order) and the documents sharing a code with the import (duplicates);
- the SHACL shapes run on the nodes the graph already has that the import adds statements to
  (where the graph's data and the import's meet: a second code, a second date, a second display
  name in a language), with what the import says about them.

A violation is the import's when it is found with the import and not without it. The nodes the
import creates (documents, evidence, status statements, sources) are built from checked cells by
one template; the tests validate imported graphs with the full ``partykg validate``, and
``scripts/bench_import`` does so on the imports it times.
"""

from __future__ import annotations


import pyoxigraph as ox

from partykg.graph import dataset
from partykg.model.vocab import GRAPH_DERIVED, GRAPH_ONTOLOGY, PK, RDF
from partykg.store.embedded import KnowledgeGraph

_DERIVED = ox.NamedNode(GRAPH_DERIVED)
_ONTOLOGY = ox.NamedNode(GRAPH_ONTOLOGY)
_TYPE = ox.NamedNode(RDF + "type")
_SUBJECT = ox.NamedNode(RDF + "subject")
_CHAIN = (ox.NamedNode(PK + "replaces"), ox.NamedNode(PK + "plannedToReplace"))
_DATE = ox.NamedNode(PK + "dateIssued")
_CODE_KEY = ox.NamedNode(PK + "codeKey")
_CODE = ox.NamedNode(PK + "code")


def _described(store: ox.Store, node) -> bool:
    """Does the graph (not the ontology, not the derived keys) say anything about ``node``?"""
    for q in store.quads_for_pattern(node, None, None, None):
        if q.graph_name != _DERIVED and q.graph_name != _ONTOLOGY:
            return True
    return False


def _description(store: ox.Store, node, out: dict) -> None:
    """Every statement about ``node`` outside the derived graph, the blank nodes it points at
    (status statements, post holdings) and the evidence for its facts; the classes of what it
    points at."""
    for q in store.quads_for_pattern(node, None, None, None):
        if q.graph_name == _DERIVED:
            continue
        out[q] = None
        o = q.object
        if isinstance(o, ox.BlankNode):
            for q2 in store.quads_for_pattern(o, None, None, q.graph_name):
                out[q2] = None
        elif isinstance(o, ox.NamedNode) and q.predicate != _TYPE:
            for q2 in store.quads_for_pattern(o, _TYPE, None, None):
                out[q2] = None
    for ev in store.quads_for_pattern(None, _SUBJECT, node, None):
        for q in store.quads_for_pattern(ev.subject, None, None, ev.graph_name):
            out[q] = None


def check_addition(kg: KnowledgeGraph, quads: ox.Store, rel: str, minted_prefix: str,
                   shacl: bool = True) -> list[str]:
    """The violations the import's ``quads`` (a store holding the import's named graph, to be
    written to file ``rel``) would add to the graph."""
    from partykg.graph.validate import run_checks, run_shacl

    store = kg.store
    mentioned: dict = {}
    subjects: set = set()
    for q in quads:  # the evidence and status nodes (minted_prefix) mention nothing new
        s = q.subject
        if s.value.startswith(minted_prefix):
            continue
        subjects.add(s)
        mentioned[s] = None
        if isinstance(q.object, ox.NamedNode):
            mentioned[q.object] = None
    touched = [t for t in mentioned if not t.value.startswith(minted_prefix)
               and _described(store, t)]

    base: dict = {q: None for q in store.quads_for_pattern(None, None, None, _ONTOLOGY)}
    for t in touched:
        _description(store, t, base)
    # replacement chains reachable from the documents the import points at, with their dates
    seen: set = set()
    frontier = [q.object for p in _CHAIN for q in quads.quads_for_pattern(None, p, None, None)]
    frontier += touched
    while frontier:
        x = frontier.pop()
        if x in seen or not isinstance(x, ox.NamedNode):
            continue
        seen.add(x)
        for p in _CHAIN:
            for q in store.quads_for_pattern(x, p, None, None):
                base[q] = None
                frontier.append(q.object)
        for q in store.quads_for_pattern(x, _DATE, None, None):
            base[q] = None
    # documents sharing a code with the import (same code and date is one document twice)
    keys = {q.object.value for q in quads.quads_for_pattern(None, _CODE, None, None)}
    from partykg.model.ids import code_key
    for key in {code_key(k) for k in keys}:
        for q in store.quads_for_pattern(None, _CODE_KEY, ox.Literal(key), _DERIVED):
            for q2 in store.quads_for_pattern(q.subject, None, None, None):
                if q2.predicate in (_CODE, _DATE) or q2.predicate.value == PK + "codeAsWritten":
                    base[q2] = None

    graphs = {g.value: rel for g in quads.named_graphs()}
    report = dataset.LoadReport(files=list(kg.report.files),
                                graph_files={**kg.report.graph_files, **graphs})

    def kg_of(qs) -> KnowledgeGraph:
        s = ox.Store()
        s.bulk_extend(qs)
        dataset.derive(s)
        return KnowledgeGraph(s, kg.root, report)

    def key(v) -> tuple:
        return (v.rule, v.entity, v.message)

    before = kg_of(base)
    quads.bulk_extend(base)  # the import's own store becomes the graph after it: no second copy
    dataset.derive(quads)
    after = KnowledgeGraph(quads, kg.root, report)
    old = {key(v) for v in run_checks(before)}
    found = [v for v in run_checks(after) if key(v) not in old]
    del before, after

    said = [t for t in touched if t in subjects]  # existing nodes the import adds statements to
    if shacl and said:
        # those nodes with what the import says about them (and the status statements it gives
        # them), the classes of what they point at
        tset = set(said)
        added: dict = {}
        status_nodes = set()
        for t in tset:
            for q in quads.quads_for_pattern(t, None, None, None):
                added[q] = None
                if isinstance(q.object, ox.NamedNode):
                    status_nodes.add(q.object)
        for t in status_nodes - tset:
            for q in quads.quads_for_pattern(t, None, None, None):
                added[q] = None
        shacl_base = {q: None for q in base if q.subject in tset or q.graph_name == _ONTOLOGY
                      or q.predicate == _TYPE or isinstance(q.subject, ox.BlankNode)}
        old_s = {key(v) for v in run_shacl(kg_of(shacl_base))}
        focus = {t.value for t in tset} | {s.value for s in status_nodes}
        found += [v for v in run_shacl(kg_of([*shacl_base, *added]))
                  if key(v) not in old_s and v.entity in focus]
    return [f"{rel}: the import would make the graph invalid: {v}" for v in found]

