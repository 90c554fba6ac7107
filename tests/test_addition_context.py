"""validate_addition with a context (accept: the file must also validate on its own) runs the
shapes again in the context only on the focus nodes whose data differs there: it must report
what two independent runs report, the addition against the project and against the context."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import DATA, ROOT
from partykg.graph.addition import validate_addition
from partykg.graph.dataset import graph_files, load
from partykg.graph.shapes import CLASSES, compile_shapes, validate_nodes
from partykg.store.embedded import KnowledgeGraph

FIXTURE = DATA / "extract" / "project"
ID = "https://w3id.org/partykg/id/"
PK = "https://w3id.org/partykg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# a body typed only in another source file: the project knows it is a body, the context does not
OTHER = f"""@prefix pk: <{PK}> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{ID}source/other> {{
  <{ID}body/other-commission> a pk:PartyBody ; skos:prefLabel "Other Commission"@en .
  <{ID}source/other> a pk:SourceArticle ; pk:url "https://example.org/other" ; dcterms:language "en" .
  # a fault already in the project, on a document additions touch: not theirs
  <{ID}source/other/evidence/bad> a <{PK}Evidence> ; <{RDF}subject> <{ID}doc/tw/ct/2005/51> ;
      pk:quote "a quote the fixture article never held"@en ;
      <http://www.w3.org/ns/prov#wasQuotedFrom> <{ID}source/fixture> .
}}
"""
SRC = f"{ID}source/addition"
HEAD = f"""@prefix pk: <{PK}> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix pkdt: <https://w3id.org/partykg/doctype/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{SRC}> {{ <{SRC}> a pk:SourceArticle ; pk:url "https://example.org/a" ; dcterms:language "en" .
"""
NEW_DOC = (f"<{ID}doc/tw/ct/2030/7> a pk:Directive ; pk:documentType pkdt:directive ; "
           f"pk:number \"7\" ; pk:issuedBy <{{issuer}}> .\n"
           f"<{SRC}/evidence/0> a pk:Evidence ; rdf:subject <{ID}doc/tw/ct/2030/7> ; "
           f"rdf:predicate pk:number ; rdf:object \"7\" ; pk:quote \"Directive 7\"@en ; "
           f"prov:wasQuotedFrom <{SRC}> .\n"
           f"<{SRC}/evidence/1> a pk:Evidence ; rdf:subject <{ID}doc/tw/ct/2030/7> ; "
           f"rdf:predicate pk:issuedBy ; rdf:object <{{issuer}}> ; pk:quote \"{{quote}}\"@en ; "
           f"prov:wasQuotedFrom <{SRC}> .\n")
ADDITIONS = {
    # issued by a body the context types: valid in both
    "known-issuer": NEW_DOC.format(issuer=f"{ID}body/secretariat", quote="The Secretariat issued"),
    # issued by a body only the other file types: valid in the project, not on its own
    "issuer-typed-elsewhere": NEW_DOC.format(issuer=f"{ID}body/other-commission",
                                             quote="The Other Commission issued"),
    # a quote too short for the shapes: refused in both
    "short-quote": NEW_DOC.format(issuer=f"{ID}body/secretariat", quote="ab"),
    # the body typed elsewhere also made a document: two top classes in the project only
    "two-classes": NEW_DOC.format(issuer=f"{ID}body/secretariat", quote="It was issued")
    + f"<{ID}body/other-commission> a pk:Directive ; pk:documentType pkdt:directive .\n",
    # a quote its own source's corpus file does not hold: the quote check fails with the
    # project and with the context (the context's finds what the project's found: not run)
    "quote-not-in-corpus": NEW_DOC.format(issuer=f"{ID}body/secretariat", quote="It was issued")
    + f"<{SRC}> pk:corpusFile \"graph/corpus/fixture.txt\" .\n",
    # a corpus file that is not there: reported once, on the source
    "corpus-missing": NEW_DOC.format(issuer=f"{ID}body/secretariat", quote="It was issued")
    + f"<{SRC}> pk:corpusFile \"graph/corpus/missing.txt\" .\n",
    # an existing document gets a second date: a maxCount the context sees too
    "second-date": f"<{ID}doc/tw/ct/2005/51> pk:dateIssued \"2006-01-01\"^^xsd:date .\n"
    f"<{SRC}/evidence/2> a pk:Evidence ; rdf:subject <{ID}doc/tw/ct/2005/51> ; "
    f"rdf:predicate pk:dateIssued ; rdf:object \"2006-01-01\"^^xsd:date ; "
    f"pk:quote \"dated 2006\"@en ; prov:wasQuotedFrom <{SRC}> .\n",
}


@pytest.fixture(scope="module")
def graphs(tmp_path_factory) -> tuple[KnowledgeGraph, KnowledgeGraph]:
    root = tmp_path_factory.mktemp("addition") / "project"
    for name in ("ontology", "queries"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(FIXTURE / "graph", root / "graph")
    (root / "graph" / "sources" / "other.trig").write_text(OTHER, encoding="utf-8")
    kg = KnowledgeGraph.load(root)
    alone = [f for f in graph_files(root) if "ontology" in f.parts]
    store, report = load(root, files=alone + [root / "graph" / "curation.trig"])
    return kg, KnowledgeGraph(store, root, report)


def addition(name: str) -> ox.Store:
    s = ox.Store()
    s.load((HEAD + ADDITIONS[name] + "}\n").encode("utf-8"), format=ox.RdfFormat.TRIG)
    return s


def keys(violations) -> set:
    return {(v.rule, v.entity, v.message) for v in violations}


@pytest.mark.parametrize("name", sorted(ADDITIONS))
def test_a_context_run_reports_what_two_runs_report(graphs, name):
    kg, context = graphs
    rel = "graph/sources/addition.trig"
    together = validate_addition(kg, addition(name), rel, context=context)
    apart = validate_addition(kg, addition(name), rel) + \
        validate_addition(context, addition(name), rel)
    assert keys(together) == keys(apart)
    doc = f"{ID}doc/tw/ct/2030/7"
    if name == "known-issuer":
        assert together == []
    elif name == "issuer-typed-elsewhere":
        # the project accepts it; on its own the file does not say the issuer is a body
        assert validate_addition(kg, addition(name), rel) == []
        assert any(v.entity == doc and "issuedBy" in v.message for v in together), together
    elif name == "short-quote":
        assert any(v.entity == f"{SRC}/evidence/1" for v in together), together
    elif name == "two-classes":
        assert any(v.entity == f"{ID}body/other-commission" for v in together), together
    elif name == "quote-not-in-corpus":
        assert sorted(v.entity for v in together if v.rule == "quote-in-corpus") == \
            [f"{SRC}/evidence/0", f"{SRC}/evidence/1"], together
        assert len(together) == len(keys(together))  # each once
    elif name == "corpus-missing":
        assert [v.entity for v in together if v.rule == "quote-in-corpus"] == [SRC], together
    elif name == "second-date":
        assert any(v.entity == f"{ID}doc/tw/ct/2005/51" and "dateIssued" in v.message
                   for v in together), together


def test_validate_nodes_records_what_each_node_read(graphs):
    kg, _ = graphs
    shapes = compile_shapes(ROOT / "ontology" / "shapes.ttl")
    store = ox.Store()
    store.bulk_extend(list(kg.store) + list(addition("known-issuer")))
    doc, ev = ox.NamedNode(f"{ID}doc/tw/ct/2030/7"), ox.NamedNode(f"{SRC}/evidence/1")
    reads: dict = {}
    assert validate_nodes(shapes, store, [doc, ev], reads) == []
    assert set(reads) == {doc, ev}
    # a document's statements, and its issuer's class (sh:class pk:Body)
    assert doc in reads[doc] and (CLASSES, ox.NamedNode(f"{ID}body/secretariat")) in reads[doc]
    # the evidence's source's class (sh:class pk:SourceArticle), not its subject's statements
    assert (CLASSES, ox.NamedNode(SRC)) in reads[ev] and doc not in reads[ev]


def tables_of(quads: list) -> dict:
    """What accept's builder makes: subject -> {predicate IRI: distinct objects}."""
    out: dict = {}
    for q in quads:
        values = out.setdefault(q.subject, {}).setdefault(q.predicate.value, [])
        if q.object not in values:
            values.append(q.object)
    return out


@pytest.mark.parametrize("name", sorted(ADDITIONS) + ["graph"])
def test_the_derived_keys_of_tables_are_what_derive_puts_in_a_store(name):
    # derived_of (accept: the addition's keys from its builder's tables) and derive (the engine)
    from partykg.graph.dataset import derive, derived_of

    if name == "graph":  # every source file of the project (codes, numbers, names)
        quads = [q for f in sorted((ROOT / "graph" / "sources").glob("*.trig"))
                 for q in ox.parse(f.read_bytes(), format=ox.RdfFormat.TRIG, base_iri=ID)]
    else:
        quads = quads_of(name)
    store = store_of(quads)
    derive(store)
    derived = {q for q in store if q.graph_name.value.endswith("derived")}
    assert set(derived_of(tables_of(quads))) == derived
    assert derived or not any(q.predicate.value in (PK + "number", PK + "code") for q in quads)


@pytest.mark.parametrize("name", sorted(ADDITIONS))
def test_validate_nodes_reads_the_tables_given_as_it_reads_the_store(graphs, name):
    # tables of the addition's nodes (accept's builder's): the same failures and the same reads
    # as from the store, and they are what is read (a table that lacks the evidence's source
    # fails the node)
    kg, _ = graphs
    shapes = compile_shapes(ROOT / "ontology" / "shapes.ttl")
    quads = quads_of(name)
    store = ox.Store()
    store.bulk_extend(list(kg.store) + quads)
    focus = list(dict.fromkeys(q.subject for q in quads))
    tables = {n: t for n, t in tables_of(quads).items() if not any(
        True for q in kg.store.quads_for_pattern(n, None, None, None))}
    assert tables, "the addition mints nodes the project does not describe"
    plain: dict = {}
    read: dict = {}
    expected = validate_nodes(shapes, store, focus, plain)
    assert validate_nodes(shapes, store, focus, read, tables) == expected
    assert read == plain
    ev = ox.NamedNode(f"{SRC}/evidence/0")
    if ev in tables and not expected:
        src = "http://www.w3.org/ns/prov#wasQuotedFrom"
        bad = {**tables, ev: {p: v for p, v in tables[ev].items() if p != src}}
        assert {f.focus for f in validate_nodes(shapes, store, focus, None, bad)} == {ev.value}


# a fact with no evidence (a consistency check) and a quote the corpus file does not hold
UNSOURCED = (f"<{ID}doc/tw/ct/2005/51> pk:subject \"the press\"@en .\n"
             f"<{SRC}/evidence/3> a pk:Evidence ; rdf:subject <{ID}doc/tw/ct/2005/51> ; "
             f"pk:quote \"words the article never wrote\"@en ; "
             f"prov:wasQuotedFrom <{ID}source/fixture> .\n")


@pytest.mark.parametrize("name", sorted(ADDITIONS) + ["unsourced"])
def test_checks_on_the_addition_itself_find_what_they_find_on_a_copy(graphs, name):
    # consume: the addition's own store is the checks' working store (an import's 700,000
    # statements are not copied); the violations are the same
    kg, _ = graphs
    body = UNSOURCED if name == "unsourced" else ADDITIONS[name]
    made = []
    for consume in (False, True):
        s = ox.Store()
        s.load((HEAD + body + "}\n").encode("utf-8"), format=ox.RdfFormat.TRIG)
        made.append(validate_addition(kg, s, "graph/sources/addition.trig", consume=consume))
    copy, itself = made
    assert keys(copy) == keys(itself)
    if name == "unsourced":
        assert any(v.rule == "quote-in-corpus" and v.entity == f"{SRC}/evidence/3"
                   for v in itself), itself
        assert any(v.entity == f"{ID}doc/tw/ct/2005/51" and v.rule != "quote-in-corpus"
                   for v in itself), itself


def quads_of(name: str) -> list:
    return list(addition(name))


def store_of(quads: list) -> ox.Store:
    s = ox.Store()
    s.bulk_extend(quads)  # as accept filled it (a store's rows come in an order set by insertion)
    return s


@pytest.mark.parametrize("name", sorted(ADDITIONS))
def test_the_addition_as_its_own_working_copy_reports_the_same(graphs, name):
    # validate_quads (accept): one store of the addition, its own working copy (own=True), must
    # find what a copy finds, in the same order (more than one check violation: the usual run)
    from partykg.graph.addition import validate_quads

    kg, context = graphs
    rel = "graph/sources/addition.trig"
    quads = quads_of(name)
    usual = validate_addition(kg, store_of(quads), rel, context=context)
    counts: list = []
    own = store_of(quads)
    mine = validate_addition(kg, own, rel, context=context, own=True, counts=counts)
    assert keys(mine) == keys(usual) and len(mine) == len(usual)
    assert len(counts) == 2 and sum(counts) <= len(usual)
    if any(q.predicate.value == PK + "number" for q in quads):  # it was the working copy
        assert any(q.graph_name.value.endswith("derived") for q in own)
    assert validate_quads(kg, quads, rel, context) == usual
    # with the builder's tables of the statements by subject (accept), the shapes read those
    assert validate_quads(kg, quads, rel, context, tables_of(quads)) == usual
    if name == "quote-not-in-corpus":  # two quote violations: the usual run gives the list
        assert max(counts) == 2


def test_a_refused_own_run_lists_what_the_usual_run_lists(graphs, monkeypatch):
    # when a run finds two check violations or more, validate_quads lists the usual run's
    import partykg.graph.addition as addition_mod

    kg, context = graphs
    rel = "graph/sources/addition.trig"
    calls = []
    real = addition_mod.validate_addition

    def spy(*a, **k):
        calls.append(k.get("own", False))
        return real(*a, **k)

    monkeypatch.setattr(addition_mod, "validate_addition", spy)
    assert addition_mod.validate_quads(kg, quads_of("quote-not-in-corpus"), rel, context)
    assert calls == [True, False]
    calls.clear()
    assert addition_mod.validate_quads(kg, quads_of("known-issuer"), rel, context) == []
    assert calls == [True]


@pytest.mark.parametrize("name", sorted(ADDITIONS))
def test_the_mentioned_nodes_are_what_one_query_lists(graphs, name):
    # _mentioned reuses the shapes' subjects and pointed-at nodes and asks only for the classes:
    # the same nodes as one query for every subject and every IRI object (derived keys or not)
    from partykg.graph.addition import _mentioned, _Shared

    one_query = ("SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x FILTER(isIRI(?x)) } }")
    for listed_first in (False, True):
        added = store_of(quads_of(name))
        shared = _Shared(added, own=True)
        if listed_first:  # as the shapes leave it: the subjects listed, then the derived keys
            shared.subjects[None] = [r[0] for r in added.query(
                "SELECT DISTINCT ?s WHERE { ?s ?p ?o }", use_default_graph_as_union=True)]
            shared.objects()
            shared.work()
        expected = {r[0] for r in added.query(one_query, use_default_graph_as_union=True)}
        got = _mentioned(added, shared)
        assert set(got) == expected and len(got) == len(expected)
        assert any(isinstance(x, ox.NamedNode) and x.value == PK + "Evidence" for x in got)
