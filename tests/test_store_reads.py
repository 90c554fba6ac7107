"""partykg.store.reads: library queries read from the store's quads give the rows the engine
gives (the same distinct rows; sorted), and are used only for the query text they stand for."""

from __future__ import annotations

import zlib
from collections import Counter

import pyoxigraph as ox
import pytest

from partykg.model.vocab import PK, RDF, SKOS
from partykg.store import queries, reads
from partykg.store.embedded import KnowledgeGraph

ROOT_QUERIES = queries.queries_dir()


def _key(row: dict) -> tuple:
    return tuple((n, reads.term_key(v)) for n, v in sorted(row.items()))


def _engine(kg, name: str, params: dict) -> list[dict]:
    q = queries.load(name)
    return kg.select(q.text, params, prefixes=False)


def _iris(kg) -> list[str]:
    """Every IRI the graph holds as a subject or object (documents, bodies, sources,
    evidence, concepts...), and one it does not hold."""
    out = set()
    for q in kg.store:
        for t in (q.subject, q.object):
            if isinstance(t, ox.NamedNode):
                out.add(t.value)
    return sorted(out) + ["https://w3id.org/partykg/id/doc/none/such/1"]


def test_every_reader_stands_for_the_shipped_query():
    shipped = {zlib.crc32(p.read_text(encoding="utf-8").encode("utf-8")): p.stem
               for p in ROOT_QUERIES.glob("*.rq")}
    for crc, (param, _) in reads.READERS.items():
        assert crc in shipped, f"no query of queries/ has the text of reader {crc:#x}"
        assert [p.name for p in queries.load(shipped[crc]).params] == [param]


def test_entity_rows_are_the_engines_on_the_whole_graph(kg):
    iris = _iris(kg)
    assert len(iris) > 1000
    with_rows = 0
    for iri in iris:
        term = ox.NamedNode(iri)
        mine = reads.entity_rows(kg.store, term)
        theirs = _engine(kg, "entity", {"entity": term})
        assert Counter(map(_key, mine)) == Counter(map(_key, theirs)), iri
        order = [(r["p"].value, reads.term_key(r["o"]), reads.term_key(r["asOf"])) for r in mine]
        assert order == sorted(order)  # sorted: a fixed order, not the engine's
        with_rows += bool(mine)
    assert with_rows > 1000


def test_run_uses_the_reader_only_for_the_shipped_text(kg, monkeypatch):
    term = ox.NamedNode("https://w3id.org/partykg/id/doc/tw/ct/2005/51")
    calls = []
    real = reads.entity_rows
    monkeypatch.setattr(reads, "READERS", {k: (n, lambda s, t: calls.append(t) or real(s, t))
                                           for k, (n, _) in reads.READERS.items()})
    rows = queries.run(kg, "entity", {"entity": term})
    assert calls == [term] and rows == real(kg.store, term)
    assert any(r["p"].value == PK + "code" and r["o"].value == "51-CT/TW" for r in rows)
    # an edited query (one more space) is run by the engine
    q = queries.load("entity")
    edited = queries.Query(q.name, q.path, q.text.replace("SELECT DISTINCT", "SELECT  DISTINCT"),
                           q.question, q.params, q.returns)
    rows2 = queries.run(kg, edited, {"entity": term})
    assert len(calls) == 1
    assert Counter(map(_key, rows2)) == Counter(map(_key, rows))
    # a literal where the IRI goes: not the reader's case
    assert reads.rows(kg, q.text, {"entity": ox.Literal("x")}) is None
    # a graph without an embedded store (a remote endpoint): the query
    assert reads.rows(object(), q.text, {"entity": term}) is None


def _small_kg(quads: list[ox.Quad]) -> KnowledgeGraph:
    store = ox.Store()
    store.extend(quads)
    return KnowledgeGraph(store, None, None)


def test_entity_rows_default_graph_duplicates_and_statuses():
    e, g1, g2 = (ox.NamedNode(f"https://w3id.org/partykg/id/{x}") for x in ("doc/x", "g/1", "g/2"))
    st, st2 = ox.BlankNode("s1"), ox.NamedNode("https://w3id.org/partykg/id/st/2")
    label = ox.NamedNode(SKOS + "prefLabel")
    quads = [
        ox.Quad(e, label, ox.Literal("X", language="en"), ox.DefaultGraph()),
        ox.Quad(e, label, ox.Literal("X", language="en"), g1),  # the same fact in two graphs
        ox.Quad(e, label, ox.Literal("X"), g2),
        ox.Quad(e, ox.NamedNode(RDF + "type"), ox.NamedNode(PK + "Directive"), g1),
        ox.Quad(e, ox.NamedNode(PK + "codeKey"), ox.Literal("51-CT/TW"), g1),  # not asked for
        ox.Quad(e, ox.NamedNode(PK + "hasStatus"), st, g1),
        ox.Quad(st, ox.NamedNode(PK + "status"), ox.NamedNode(PK + "planned"), g1),
        ox.Quad(st, ox.NamedNode(PK + "asOf"), ox.Literal("2023-12-21"), g1),
        ox.Quad(st, ox.NamedNode(PK + "asOf"), ox.Literal("2024"), g2),  # two dates: two rows
        ox.Quad(e, ox.NamedNode(PK + "hasStatus"), st2, g2),
        ox.Quad(st2, ox.NamedNode(PK + "status"), ox.NamedNode(PK + "planned"), g2),  # no asOf
        ox.Quad(st2, ox.NamedNode(PK + "status"), ox.NamedNode(PK + "issued"), g1),  # asOf: none
    ]
    kg = _small_kg(quads)
    mine = reads.entity_rows(kg.store, e)
    theirs = _engine(kg, "entity", {"entity": e})
    assert Counter(map(_key, mine)) == Counter(map(_key, theirs))
    assert len(mine) == 7  # 2 labels, the type, 2 planned with a date, planned and issued without
    assert [r["o"].value for r in mine if r["p"].value == PK + "status"] == [
        PK + "issued", PK + "planned", PK + "planned", PK + "planned"]


@pytest.mark.parametrize("iri", ["doc/tw/ct/2005/51", "body/secretariat"])
def test_describe_is_the_same_through_the_reader(kg, monkeypatch, iri):
    from partykg.ask import resolve

    full = "https://w3id.org/partykg/id/" + iri
    resolve._cache(kg).get("describe", {}).pop(full, None)
    mine = resolve.describe(kg, full)
    resolve._cache(kg)["describe"].pop(full)
    monkeypatch.setattr(reads, "READERS", {})
    theirs = resolve.describe(kg, full)
    resolve._cache(kg)["describe"].pop(full)
    assert mine == theirs and mine["kind"] != "unknown" and mine["labels"]


def test_select_gives_every_variable_in_order_unbound_as_none():
    e = ox.NamedNode("https://w3id.org/partykg/id/doc/x")
    kg = _small_kg([ox.Quad(e, ox.NamedNode(SKOS + "prefLabel"), ox.Literal("X", language="en"),
                            ox.NamedNode("https://w3id.org/partykg/id/g/1"))])
    rows = kg.select("SELECT ?z ?x ?label ?none WHERE { ?x skos:prefLabel ?label "
                     "OPTIONAL { ?x skos:altLabel ?none } BIND(1 AS ?z) } ORDER BY ?x")
    assert [list(r) for r in rows] == [["z", "x", "label", "none"]]
    assert rows[0]["x"] == e and rows[0]["label"] == ox.Literal("X", language="en")
    assert rows[0]["none"] is None and rows[0]["z"].value == "1"


def test_run_values_checks_the_template_not_each_text(monkeypatch):
    """run_values writes a VALUES block of engine-serialised terms into a library query: the
    template is checked (a SERVICE in it is still refused) and the texts made from it are not
    scanned again, whatever the terms."""
    import pyoxigraph as ox
    from partykg.store import queries, sparql
    from partykg.store.embedded import KnowledgeGraph

    kg = KnowledgeGraph(ox.Store(), None, None)
    scanned = []
    real = sparql._check_query.__wrapped__
    monkeypatch.setattr(sparql, "_check_query", lambda q: (scanned.append(q), real(q))[1])
    q = queries.Query(name="t", path="t.rq", question="", text="SELECT ?name ?x WHERE { ?x <urn:p> ?name }", params=[])
    for i in range(3):
        terms = [ox.Literal(f"name {i}"), ox.Literal("SERVICE { { { x")]
        assert queries.run_values(kg, q, "name", terms) == []
    assert set(scanned) == {q.text}  # never a text with its VALUES block
    bad = queries.Query(name="b", path="b.rq", question="", text="SELECT ?name WHERE { SERVICE <http://x/> { ?s ?p ?name } }",
                        params=[])
    import pytest

    with pytest.raises(sparql.QueryRefused):
        queries.run_values(kg, bad, "name", [ox.Literal("a")])


def test_every_sorted_query_is_shipped_and_ends_in_its_order_by():
    shipped = {zlib.crc32(p.read_text(encoding="utf-8").encode("utf-8")): p.stem
               for p in ROOT_QUERIES.glob("*.rq")}
    for crc, (param, _) in reads.SORTED.items():
        assert crc in shipped, f"no query of queries/ has the text of sorter {crc:#x}"
        q = queries.load(shipped[crc])
        assert [p.name for p in q.params] == [param]
        assert "\nORDER BY" in q.text and "}" not in q.text[q.text.rindex("\nORDER BY"):]


def test_document_rows_sorted_in_python_are_the_engines_on_the_whole_graph(kg):
    """The engine's ORDER BY and the Python key give the same rows in the same order, for every
    IRI of the graph (facts out, mentions, facts in; literals with and without a language or a
    datatype, unbound quotes and notes)."""
    iris = _iris(kg)
    q = queries.load("document")
    assert zlib.crc32(q.text.encode("utf-8")) in reads.SORTED
    compared = 0
    for iri in iris:
        params = {"doc": ox.NamedNode(iri)}
        theirs = kg.select(q.text, params, prefixes=False)
        mine = reads.rows(kg, q.text, params)
        # the same rows, in the same order up to ties (rows the ORDER BY cannot tell apart: other
        # ends that are blank nodes, whose STR is an error; their order is the engine's either way)
        assert Counter(map(_key, mine)) == Counter(map(_key, theirs)), iri
        assert [reads.document_key(r)[:9] for r in mine] == \
            [reads.document_key(r)[:9] for r in theirs], iri  # (the ORDER BY's part)
        compared += len(mine) > 1
    assert compared > 1000


def test_document_key_orders_errors_first_and_directions_out_mention_in():
    lit = ox.Literal
    rows = [
        {"direction": lit("in"), "p": ox.NamedNode("urn:a"), "o": ox.NamedNode("urn:x"),
         "source": None, "quote": None, "note": None},
        {"direction": lit("mention"), "p": None, "o": None, "source": ox.NamedNode("urn:s"),
         "quote": lit("q"), "note": None},
        {"direction": lit("out"), "p": ox.NamedNode("urn:b"), "o": lit("x", language="vi"),
         "source": None, "quote": None, "note": None},
        {"direction": lit("out"), "p": ox.NamedNode("urn:b"), "o": lit("x"),
         "source": None, "quote": None, "note": None},
        {"direction": lit("out"), "p": ox.NamedNode("urn:b"), "o": ox.NamedNode("urn:x:"),
         "source": None, "quote": None, "note": None},
    ]
    ordered = sorted(rows, key=reads.document_key)
    assert [r["direction"].value for r in ordered] == ["out", "out", "out", "mention", "in"]
    # by STR(?o) ("urn:x:" < "x"), then, for the same STR, "" (no language) before "vi"
    assert [type(r["o"]).__name__ for r in ordered[:3]] == ["NamedNode", "Literal", "Literal"]
    assert ordered[1]["o"].language is None and ordered[2]["o"].language == "vi"
