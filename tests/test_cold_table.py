"""Issue 13: the per-graph table of the library queries' results for every value of their
parameter (partykg.store.table), written beside the memo when the project's files are cached as
a store, so that a question asked for the first time opens no store. Its rows are the engine's,
in the engine's order, for the graph they were read from only. (Timings: scripts/bench_cold.)
"""

from __future__ import annotations

import marshal
import random
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from partykg.store import cache, queries, table
from partykg.store.embedded import KnowledgeGraph, LazyKnowledgeGraph
from test_cold_bound import ask, open_ask_graph

PK = "https://w3id.org/partykg/ontology#"
# questions whose every query is in the table (on the seed graph), and others, whose answers
# must be the same all the same
STORELESS = ["What replaces Directive 51?", "What is the Secretariat?", "Who issued 51-CT/TW?",
             "Qui a publié la directive 51 ?", "Văn bản nào thay thế Chỉ thị 51?"]
QUESTIONS = [*STORELESS, "Who issued Directive 45?", "Văn bản nào thay thế Quy định 262?",
             "Is Directive 51 in force?", "Who is the head of the Politburo?"]


@pytest.fixture()
def cached(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "QUIET_SECONDS", -60.0)
    return tmp_path / "cache"


def table_dir(kg) -> Path:
    return Path(f"{kg.memo.path}.table")


def engine_of(kg) -> KnowledgeGraph:
    """The same store, without memo or table: every query runs on the engine."""
    return KnowledgeGraph(ox.Store.read_only(kg.location), kg.root, None, kg.location)


def test_table_rows_are_the_engines_rows_for_every_value(cached, seed_project_copy):
    kg = open_ask_graph(root=seed_project_copy)
    assert table_dir(kg).is_dir()
    engine = engine_of(kg)
    t = kg.memo.table()
    root = seed_project_copy
    text = {n: queries.load(n, root).text for n in
            ("entity", "document", "replaced-by", "lookup-number", "lookup-code", "lookup-names",
             "post-holders", "posts")}
    pairs = (("entity", "entity"), ("document", "doc"), ("replaced-by", "doc"),
             ("post-holders", "post"), ("posts", "person"))
    iris = sorted({r["x"].value for r in engine.select(
        "SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } FILTER(isIRI(?x)) }")})
    assert len(iris) > 300
    iris.append("https://w3id.org/partykg/id/doc/not/in/the/graph")
    answered = kinds = 0
    for iri in iris:
        term = ox.NamedNode(iri)
        for name, var in pairs:
            got = t.rows(text[name], {var: term})
            want = queries.run(engine, name, {var: term})
            if got is not None:
                answered += 1
                assert got == want, (name, iri)
                kinds |= {type(v).__name__ for r in got for v in r.values()} == {
                    "NamedNode", "Literal", "NoneType"}
    # (a card two of whose rows its ORDER BY does not tell apart, blank nodes of the ontology's
    # classes, is not kept)
    assert answered >= 0.9 * len(pairs) * len(iris) and kinds
    for name, var, pred in (("lookup-number", "number", "numberKey"),
                            ("lookup-code", "key", "codeKey")):
        keys = sorted({r["k"].value for r in engine.select(
            f"SELECT DISTINCT ?k WHERE {{ ?s <{PK}{pred}> ?k }}")})
        assert len(keys) > 10
        for k in [*keys, "no such key", "51"]:
            term = ox.Literal(k)
            got = t.rows(text[name], {var: term})
            assert got is not None and got == queries.run(engine, name, {var: term}), (name, k)
        # a literal of another kind is not answered from the table
        assert t.rows(text[name], {var: ox.Literal(keys[0], language="vi")}) is None
    names = sorted({r["k"].value for r in engine.select(
        f"SELECT DISTINCT ?k WHERE {{ ?s <{PK}nameKey> ?k }}")})
    rnd = random.Random(13)
    sets = [names[i:i + 300] for i in range(0, len(names), 300)]
    sets += [rnd.sample(names, 7) + ["no such name"] for _ in range(40)] + [["nothing"], []]
    for keys in sets:
        terms = [ox.Literal(k) for k in keys]
        got = t.values_rows(text["lookup-names"], "name", terms)
        assert got is not None
        assert got == queries.run_values(engine, "lookup-names", "name", terms), keys
    for q in queries.library(root):
        if not q.params:
            assert t.rows(q.text, {}) == engine.select(q.text, {}, prefixes=False), q.name


def test_a_first_time_question_opens_no_store_and_answers_the_same(cached, seed_project_copy):
    for question in QUESTIONS:
        for kept in cached.rglob("*.memo.bound"):
            shutil.rmtree(kept)
        for kept in cached.rglob("memo.bound"):
            shutil.rmtree(kept)
        kg = open_ask_graph(root=seed_project_copy)
        got = ask(kg, question)
        if question in STORELESS:
            assert not kg.opened, question
        without = open_ask_graph(root=seed_project_copy)
        without.memo._table = False  # no table: every query not kept runs on the store
        without.memo.table = lambda: None
        for kept in cached.rglob("memo.bound"):
            shutil.rmtree(kept)
        want = ask(without, question)
        assert without.opened
        assert got.text == want.text and got.as_dict() == want.as_dict(), question


def test_an_edited_query_is_not_answered_from_the_table(cached, seed_project_copy):
    kg = open_ask_graph(root=seed_project_copy)
    doc = ox.NamedNode("https://w3id.org/partykg/id/doc/tw/ct/2005/51")
    text = queries.load("entity", seed_project_copy).text
    assert kg.memo.table().rows(text, {"entity": doc})
    edited = text.replace("SELECT", "SELECT  ", 1)
    assert kg.memo.table().rows(edited, {"entity": doc}) is None
    assert kg.memo.table().rows(text, {"other": doc}) is None


def test_a_stale_or_foreign_table_is_ignored(cached, seed_project_copy):
    kg = open_ask_graph(root=seed_project_copy)
    doc = ox.NamedNode("https://w3id.org/partykg/id/doc/tw/ct/2005/51")
    text = queries.load("entity", seed_project_copy).text
    rows = kg.memo.table().rows(text, {"entity": doc})
    assert rows
    # another key (another graph, other code): ignored
    assert table.Table(str(table_dir(kg)), kg.memo.key + "x").rows(text, {"entity": doc}) is None
    # a graph file changed: a new cached store, whose table has the new facts
    old = table_dir(kg)
    label = ox.Literal("Chỉ thị thử nghiệm bảng", language="vi")
    (seed_project_copy / "graph" / "extra.trig").write_text(
        f"<https://w3id.org/partykg/id/graph/extra> {{ <{doc.value}> "
        f"<http://www.w3.org/2004/02/skos/core#altLabel> \"{label.value}\"@vi . }}\n",
        encoding="utf-8")
    changed = open_ask_graph(root=seed_project_copy)
    assert table_dir(changed) != old
    new_rows = queries.run(changed, "entity", {"entity": doc})
    assert label in [r["o"] for r in new_rows] and not changed.opened
    # the old table copied under the new store's memo: its key is not the new memo's
    shutil.rmtree(table_dir(changed))
    shutil.copytree(old, table_dir(changed))
    again = open_ask_graph(root=seed_project_copy)
    assert queries.run(again, "entity", {"entity": doc}) == new_rows and again.opened


@pytest.mark.parametrize("damage", ["garbage", "truncated", "crc", "token", "missing"])
def test_a_damaged_or_forged_bucket_is_ignored(cached, seed_project_copy, damage):
    kg = open_ask_graph(root=seed_project_copy)
    doc = ox.NamedNode("https://w3id.org/partykg/id/doc/tw/ct/2005/51")
    text = queries.load("entity", seed_project_copy).text
    want = queries.run(engine_of(kg), "entity", {"entity": doc})
    packs = [p for p in table_dir(kg).iterdir() if p.name != "index"]
    assert packs and all(p.suffix == ".pack" for p in packs)
    path = table_dir(kg) / "e.pack"  # the pack of the entity query
    blob = path.read_bytes()
    _, _, n, _ = table._HEAD.unpack_from(blob)
    slot = table._HEAD.size + table._slot(doc.value, n) * table._SLOT.size
    off, length, _ = table._SLOT.unpack_from(blob, slot)
    assert length and doc.value in marshal.loads(blob[off:off + length])
    before = []  # entities whose records lie before that record, whatever the damage
    for b in range(n):
        o, ln, _ = table._SLOT.unpack_from(blob, table._HEAD.size + b * table._SLOT.size)
        if ln and o + ln <= off:
            before += list(marshal.loads(blob[o:o + ln]))
    if damage == "garbage":
        blob = bytes(range(256)) * 10
    elif damage == "truncated":  # the file cut inside the record of that entity
        blob = blob[: off + length // 2]
    elif damage == "crc":  # one byte of its record changed
        at = off + length // 2
        blob = blob[:at] + bytes([blob[at] ^ 0x55]) + blob[at + 1:]
    elif damage == "missing":
        path.unlink()
    else:  # a valid pack of another token, with forged rows
        forged = {doc.value: (["p", "o", "asOf"], [("http://example.org/forged", None, None)])}
        blob = table.pack("0" * 24, forged)
    if damage != "missing":
        path.write_bytes(blob)
    again = open_ask_graph(root=seed_project_copy)
    assert again.memo.table().rows(text, {"entity": doc}) is None
    assert queries.run(again, "entity", {"entity": doc}) == want and again.opened
    if damage in ("crc", "truncated"):  # the other records of the pack are still read
        other = open_ask_graph(root=seed_project_copy)
        assert before
        for value in before[:20]:
            rows = other.memo.table().rows(text, {"entity": ox.NamedNode(value)})
            assert rows == queries.run(engine_of(kg), "entity", {"entity": ox.NamedNode(value)})
        assert not other.opened


def test_no_table_with_caching_off(monkeypatch, seed_project_copy):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", "")
    kg = open_ask_graph(root=seed_project_copy)
    assert kg.memo.table() is None
