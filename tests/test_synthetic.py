"""The synthetic generator (partykg.graph.synthetic): valid, deterministic, shaped like docs/model.md."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
import pytest

from conftest import ROOT
from partykg.model import ids
from partykg.store.embedded import KnowledgeGraph
from partykg.graph.synthetic import TERMS, generate, write_project
from partykg.model.vocab import BASE, PK

DOCS = 200


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    stats = write_project(root, DOCS, seed=7, source_root=ROOT)
    return root, stats, KnowledgeGraph.load(root)


def test_synthetic_graph_passes_validation(synthetic):
    from partykg.graph.validate import validate

    _, _, kg = synthetic
    violations = validate(kg, shacl=True)  # SHACL shapes, SPARQL checks, quotes
    assert violations == [], "\n".join(map(str, violations[:20]))


def test_synthetic_graph_passes_the_cli_validate(synthetic):
    from servers import partykg

    root, _, _ = synthetic
    r = partykg("validate", root=root)
    assert r.returncode == 0, r.stdout + r.stderr


def test_counts_match_the_request_and_the_stats(synthetic):
    _, stats, kg = synthetic
    issued = kg.select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d pk:code ?c }")[0]["n"]
    assert int(issued.value) == DOCS == stats.documents
    evidence = kg.select("SELECT (COUNT(*) AS ?n) WHERE { ?e a pk:Evidence }")[0]["n"]
    assert int(evidence.value) == stats.facts  # one evidence node per fact
    data = sum(1 for q in kg.data_quads() if q.graph_name.value != BASE + "graph/ontology")
    assert data == stats.statements


def test_numbers_repeat_across_terms_with_distinct_iris(synthetic):
    _, _, kg = synthetic
    docs = defaultdict(set)
    for r in kg.select("SELECT ?d ?key WHERE { ?d pk:code ?c ; pk:codeKey ?key }"):
        docs[r["key"].value].add(r["d"].value)
    repeated = {k: v for k, v in docs.items() if len(v) > 1}
    assert repeated and max(len(v) for v in repeated.values()) == TERMS
    for key, iris in repeated.items():
        years = {iri.split("/")[-2] for iri in iris}
        assert len(years) == len(iris), key  # one document per year


def test_document_iris_follow_the_model(synthetic):
    _, _, kg = synthetic
    rows = kg.select("SELECT ?d ?code WHERE { ?d pk:code ?code }")
    assert rows
    for r in rows:
        year = r["d"].value.split("/")[-2]
        assert r["d"].value == ids.document_iri(code=r["code"].value, year=year)
    # codes written with Đ get an ASCII-spelled variant whose key is the same
    variants = kg.select("""SELECT ?d ?c ?w WHERE { ?d pk:code ?c ; pk:codeAsWritten ?w }""")
    assert variants and all("Đ" in r["c"].value and "Đ" not in r["w"].value and
                            ids.code_key(r["c"].value) == ids.code_key(r["w"].value)
                            for r in variants)


def _chains(kg) -> list[int]:
    nxt = {}
    olds = set()
    for r in kg.select("SELECT ?new ?old WHERE { ?new pk:replaces ?old }"):
        assert r["old"] not in nxt, "a document is replaced by one document"
        nxt[r["old"].value] = r["new"].value
        olds.add(r["new"].value)
    lengths = []
    for start in set(nxt) - olds:
        n, d = 1, start
        while d in nxt:
            d, n = nxt[d], n + 1
        lengths.append(n)
    return lengths


def test_replacement_chains_up_to_ten_and_planned_replacements(synthetic):
    _, stats, kg = synthetic
    lengths = _chains(kg)
    assert max(lengths) == TERMS == stats.longest_chain
    assert min(lengths) >= 2
    planned = kg.select("""SELECT ?p ?old ?asOf WHERE {
        ?p pk:plannedToReplace ?old ; pk:hasStatus [ pk:status pkst:planned ; pk:asOf ?asOf ] .
        FILTER NOT EXISTS { ?p pk:dateIssued ?d } FILTER NOT EXISTS { ?p pk:code ?c }
        FILTER NOT EXISTS { ?p pk:replaces ?x } }""")
    assert len(planned) == stats.planned >= 1
    # the planned document follows the newest document of a chain
    assert all(kg.ask("ASK { ?new pk:replaces ?o }", {"new": r["old"]}) for r in planned)


def test_bodies_form_a_hierarchy_and_issue_documents(synthetic):
    _, _, kg = synthetic
    depth = kg.select("""SELECT ?b WHERE { ?b org:subOrganizationOf/org:subOrganizationOf ?top }""")
    assert depth, "at least three levels of bodies"
    assert not kg.select("SELECT ?b WHERE { ?b a/rdfs:subClassOf* pk:Body . "
                         "FILTER NOT EXISTS { ?b skos:prefLabel ?l FILTER(lang(?l) = 'en') } }")
    issuers = kg.select("SELECT DISTINCT ?b WHERE { ?d pk:issuedBy ?b }")
    assert len(issuers) >= 3


def test_sources_each_have_their_graph_and_quote_only_themselves(synthetic):
    _, stats, kg = synthetic
    sources = kg.select("SELECT ?s WHERE { GRAPH ?s { ?s a pk:SourceArticle } }")
    assert len(sources) == stats.sources >= DOCS // 50
    assert not kg.select("""SELECT ?e WHERE { GRAPH ?g { ?e prov:wasQuotedFrom ?s }
                                             FILTER(?g != ?s) }""")
    implements = kg.select("SELECT ?a ?b WHERE { ?a pk:implements ?b . ?b a pk:Resolution }")
    assert implements


def test_generation_is_deterministic_and_seeded(tmp_path):
    a, b, c = (tmp_path / n for n in ("a.trig", "b.trig", "c.trig"))
    generate(a, 300, seed=3)
    generate(b, 300, seed=3)
    generate(c, 300, seed=4)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    # and it parses, with only anonymous blank nodes (so big files load through the engine)
    quads = list(ox.parse(path=str(a), format=ox.RdfFormat.TRIG))
    assert quads and b"_:" not in a.read_bytes()


def test_without_evidence_the_graph_is_smaller_and_has_no_evidence(tmp_path):
    full = generate(tmp_path / "full.trig", 500)
    lean = generate(tmp_path / "lean.trig", 500, evidence=False)
    assert lean.facts == full.facts and lean.statements < full.statements / 2
    assert b"pk:Evidence" not in (tmp_path / "lean.trig").read_bytes()


def test_sizes_are_exact(tmp_path):
    for n in (1, 49, 51, 1234):
        s = generate(tmp_path / f"{n}.trig", n)
        store = ox.Store()
        store.load(path=str(tmp_path / f"{n}.trig"), format=ox.RdfFormat.TRIG)
        codes = {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(PK + "code"), None, None)}
        assert len(codes) == n == s.documents
    with pytest.raises(ValueError):
        generate(tmp_path / "0.trig", 0)


def test_one_iri_scheme_per_issuer(synthetic):
    from test_ids import issuer_scheme_clashes

    assert issuer_scheme_clashes(synthetic[2]) == []
