"""Branch xcold7 (issue 13): a big card, a list and the names of a misspelt word, asked for the
first time, are answered from the graph's table without opening the store, exactly as the
store answers them; the table is one pack per query, read by offset; describe() reads the
`entity` rows undecoded from the table and gives what it gives from the engine's rows.
(Timings: scripts/bench_cold.)
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from partykg.store import cache, queries, table
from partykg.store.embedded import KnowledgeGraph
from partykg.store.memo import decode_rows
from test_cold_bound import ask, open_ask_graph

XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
# a big card (a body every document of which names it), lists and a misspelt name
STORELESS = ["What is the Politburo?", "liste des directives", "directives issued in 2019",
             "list the resolutions of the Politburo", "liste des directives du Bureau politique",
             "what did the politburo issue in 2019?", "what is the overseas party commitee?"]


@pytest.fixture()
def cached(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "QUIET_SECONDS", -60.0)
    return tmp_path / "cache"


def forget(cached) -> None:
    for kept in cached.rglob("memo.bound"):
        shutil.rmtree(kept)


def engine_of(kg) -> KnowledgeGraph:
    return KnowledgeGraph(ox.Store.read_only(kg.location), kg.root, None, kg.location)


@pytest.mark.parametrize("question", STORELESS)
def test_a_first_time_card_or_list_opens_no_store_and_answers_the_same(cached, seed_project_copy,
                                                                         question):
    open_ask_graph(root=seed_project_copy)  # (writes the cached store and its table)
    forget(cached)
    kg = open_ask_graph(root=seed_project_copy)
    got = ask(kg, question)
    assert not kg.opened, question
    without = open_ask_graph(root=seed_project_copy)
    without.memo.table = lambda: None  # no table: what is not kept runs on the store
    forget(cached)
    want = ask(without, question)
    assert without.opened
    assert got.text == want.text and got.as_dict() == want.as_dict(), question


def test_the_table_is_a_few_packs(cached, seed_project_copy):
    kg = open_ask_graph(root=seed_project_copy)
    files = sorted(p.name for p in Path(f"{kg.memo.path}.table").iterdir())
    assert "index" in files and len(files) <= 16, files
    assert {"e.pack", "d.pack", "l.pack", "s.pack"} <= set(files)


def _tie_key(r: dict) -> tuple:
    return (r["date"].value if r["date"] is not None else "", r["doc"].value)


def test_list_rows_are_the_engines_for_every_combination(cached, seed_project_copy):
    kg = open_ask_graph(root=seed_project_copy)
    engine = engine_of(kg)
    t = kg.memo.table()
    text = queries.load("documents", seed_project_copy).text
    every = engine.select(text, {}, prefixes=False)
    types = sorted({r["type"].value for r in every}) + ["https://w3id.org/partykg/doctype/none"]
    bodies = sorted({r["issuer"].value for r in every if r["issuer"] is not None})
    years = sorted({r["date"].value[:4] for r in every if r["date"] is not None})
    assert len(types) > 3 and len(bodies) > 3 and len(years) > 3
    years += ["1800"]
    answered = exact = 0
    for ty in [*types, None]:
        for b in [*bodies, None]:
            for y in [*years, None]:
                params = {}
                if b:
                    params["body"] = ox.NamedNode(b)
                if y:
                    params["year"] = ox.Literal(y, datatype=XSD_INTEGER)
                if ty:
                    params["type"] = ox.NamedNode(ty)
                got = t.rows(text, params)
                want = queries.run(engine, "documents", params)
                assert got is not None, params
                answered += 1
                exact += got == want
                # the same rows in the same order, but for rows of one document and date
                assert [_tie_key(r) for r in got] == [_tie_key(r) for r in want], params
                assert sorted(map(repr, got)) == sorted(map(repr, want)), params
    assert answered > 100 and exact >= 0.95 * answered
    # parameters the table does not answer
    assert t.rows(text, {"year": ox.Literal("02019", datatype=XSD_INTEGER)}) is None
    assert t.rows(text, {"year": ox.Literal("2019")}) is None
    assert t.rows(text, {"type": ox.Literal("directive")}) is None
    assert t.rows(text, {"other": ox.NamedNode(types[0])}) is None


def test_names_by_start_are_the_engines(cached, seed_project_copy):
    kg = open_ask_graph(root=seed_project_copy)
    engine = engine_of(kg)
    t = kg.memo.table()
    text = queries.load("names", seed_project_copy).text
    keys = sorted({r["key"].value.lower() for r in engine.select(text, {}, prefixes=False)})
    starts = sorted({k[:n] for k in keys for n in (1, 2, 3, 4)})
    rnd = random.Random(7)
    starts = rnd.sample(starts, min(300, len(starts))) + ["zzzz", "q", "xq", "Ab", "đả"]
    for start in starts:
        got = t.rows(text, {"start": ox.Literal(start)})
        assert got is not None, start
        assert got == queries.run(engine, "names", {"start": ox.Literal(start)}), start
    # five letters or none: not in the table (the query runs)
    assert t.rows(text, {"start": ox.Literal("abcde")}) is None
    assert t.rows(text, {"start": ox.Literal("")}) is None


def test_describe_from_the_table_is_describe_from_the_engine(cached, seed_project_copy):
    from partykg.ask.resolve import describe

    kg = open_ask_graph(root=seed_project_copy)
    engine = engine_of(kg)
    iris = sorted({q.subject.value for q in engine.store if type(q.subject) is ox.NamedNode})
    iris += sorted({q.object.value for q in engine.store if type(q.object) is ox.NamedNode})[:300]
    iris.append("https://w3id.org/partykg/id/doc/not/in/the/graph")
    for iri in iris:
        assert describe(kg, iri) == describe(engine, iri), iri
    assert not kg.opened
    assert sum(describe(kg, i)["kind"] != "unknown" for i in iris) > 100


def test_a_pack_record_holds_its_values_and_nothing_else(tmp_path):
    entries = {f"https://example.org/{i}": (["p"], [(f"https://example.org/v{i}",)]) for i in range(300)}
    blob = table.pack("a" * 24, entries)
    (tmp_path / "e.pack").write_bytes(blob)
    t = table.Table(str(tmp_path), "key")
    for value in entries:
        assert t._bucket("a" * 24, "e", value)[value] == entries[value]
    assert t._bucket("a" * 24, "e", "https://example.org/none").get("x") is None
    other = table.Table(str(tmp_path), "key")
    assert other._bucket("b" * 24, "e", "https://example.org/1") is None  # another token
    rows = decode_rows(entries["https://example.org/1"])
    assert rows == [{"p": ox.NamedNode("https://example.org/v1")}]
    # one byte of a record changed: that record is not read, the others are
    n = table._HEAD.unpack_from(blob)[2]
    value = "https://example.org/7"
    off, length, _ = table._SLOT.unpack_from(blob, table._HEAD.size
                                             + table._slot(value, n) * table._SLOT.size)
    damaged = blob[:off + 3] + bytes([blob[off + 3] ^ 1]) + blob[off + 4:]
    (tmp_path / "e.pack").write_bytes(damaged)
    again = table.Table(str(tmp_path), "key")
    assert again._bucket("a" * 24, "e", value) is None
    assert sum(again._bucket("a" * 24, "e", v) is not None for v in entries) >= 290


def test_json_key_of_strings_is_json_dumps():
    from partykg.ask.render_intents import json_key

    rnd = random.Random(13)
    alphabet = ["a", "Đ", "ệ", '"', "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "\u2028",
                "\u00ad", "\ud7ff", " ", "é", "/", "\u200b"]
    for _ in range(3000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        v = rnd.choice([s, [s, 1, None], {"k": s, "z": [True, s]}])
        assert json_key(v) == json.dumps(v, sort_keys=True, ensure_ascii=False), v


def test_every_card_is_in_the_table_with_a_total_order(cached, seed_project_copy):
    """Cards whose rows the query's ORDER BY does not tell apart (blank nodes: the ontology's
    classes, sources) are kept too: the key orders every row (then by the terms), the same on
    the table and on the store."""
    from partykg.store import reads

    kg = open_ask_graph(root=seed_project_copy)
    engine = engine_of(kg)
    t = kg.memo.table()
    text = queries.load("document", seed_project_copy).text
    iris = sorted({q.subject.value for q in engine.store if type(q.subject) is ox.NamedNode}
                  | {q.object.value for q in engine.store if type(q.object) is ox.NamedNode})
    tied = 0
    for iri in iris:
        params = {"doc": ox.NamedNode(iri)}
        got = t.rows(text, params)
        assert got is not None, iri
        want = queries.run(engine, "document", params)
        assert got == want, iri
        keys = [reads.document_key(r) for r in got]
        assert len(set(keys)) == len(keys) and keys == sorted(keys), iri
        orderby = [k[:9] for k in keys]
        tied += len(set(orderby)) < len(orderby)  # rows the ORDER BY alone does not order
    assert tied > 0  # (such cards were left out of the table before)
    assert not kg.opened


def test_a_pack_is_read_without_pread_too(tmp_path, monkeypatch):
    monkeypatch.setattr(table, "_PREAD", None)  # (Windows has no os.pread)
    entries = {f"https://example.org/{i}": (["p"], [(f"https://example.org/v{i}",)])
               for i in range(40)}
    (tmp_path / "e.pack").write_bytes(table.pack("c" * 24, entries))
    t = table.Table(str(tmp_path), "key")
    for value in entries:
        assert t._bucket("c" * 24, "e", value)[value] == entries[value]


def test_described_entities_are_describe_from_the_engine(cached, seed_project_copy):
    from partykg.ask import described
    from partykg.ask.resolve import describe

    kg = open_ask_graph(root=seed_project_copy)
    ask(kg, "What is the Politburo?")
    folder = Path(f"{kg.memo.path}.described")
    assert (folder / "index").is_file() and (folder / "x.pack").is_file()
    again = open_ask_graph(root=seed_project_copy)
    engine = engine_of(again)
    iris = sorted({q.subject.value for q in engine.store if type(q.subject) is ox.NamedNode})
    kept = 0
    for iri in iris:
        d = described.lookup(again, iri)
        if d is not None:
            kept += 1
            assert d == describe(engine, iri), iri
    assert kept > 100 and not again.opened


@pytest.mark.parametrize("damage", ["record", "token", "key", "missing"])
def test_damaged_or_stale_descriptions_are_not_used(cached, seed_project_copy, damage):
    from partykg.ask import described
    from partykg.ask.resolve import describe

    kg = open_ask_graph(root=seed_project_copy)
    ask(kg, "What is the Politburo?")
    folder = Path(f"{kg.memo.path}.described")
    iri = "https://w3id.org/partykg/id/body/politburo"
    pack = folder / "x.pack"
    blob = pack.read_bytes()
    n = table._HEAD.unpack_from(blob)[2]
    off, length, _ = table._SLOT.unpack_from(blob, table._HEAD.size
                                             + table._slot(iri, n) * table._SLOT.size)
    assert length
    if damage == "record":
        pack.write_bytes(blob[:off + 5] + bytes([blob[off + 5] ^ 0x20]) + blob[off + 6:])
    elif damage == "token":
        forged = {iri: {"iri": iri, "kind": "forged", "labels": {}, "names": [], "titles": {},
                        "subjects": {}, "statuses": []}}
        pack.write_bytes(table.pack("f" * 24, forged))
    elif damage == "key":  # an index of another graph or code
        from partykg.datacache import read_checked, write_checked

        key, token, texts = read_checked(str(folder / "index"))
        write_checked(str(folder / "index"), (key + "x", token, texts))
    else:
        pack.unlink()
    again = open_ask_graph(root=seed_project_copy)
    engine = engine_of(again)
    if damage in ("record", "token", "missing"):
        assert described.lookup(again, iri) is None
    d = describe(again, iri)
    assert d == describe(engine, iri) and d["kind"] == "body"
    if damage == "key":  # made again, for the new key
        assert described.lookup(again, iri) == d


def test_no_descriptions_with_caching_off(monkeypatch, seed_project_copy):
    from partykg.ask import described

    monkeypatch.setenv("PARTYKG_CACHE_DIR", "")
    kg = open_ask_graph(root=seed_project_copy)
    assert described.lookup(kg, "https://w3id.org/partykg/id/body/politburo") is None


def test_a_kept_results_bucket_is_the_crc_of_the_keys_repr():
    import zlib

    from partykg.store.memo import BUCKETS, Memo

    rnd = random.Random(5)
    texts = ["SELECT ?x WHERE { ?x ?p ?o }\n", "é\\n'\"\x00\ud800 q", ""]
    for _ in range(500):
        params = {rnd.choice("abc"): rnd.choice([ox.NamedNode("https://example.org/" + str(i))
                                                 for i in range(5)]
                                                + [ox.Literal("x\u00e9\n" * rnd.randint(0, 3)),
                                                   ox.Literal("1", language="vi")])}
        key = Memo._bound_key(rnd.choice(texts), params)
        assert Memo._bucket_no(key) == zlib.crc32(
            repr(key).encode("utf-8", "surrogatepass")) % BUCKETS, key
