"""Issue 13: the memo keeps the results of the library queries with parameters that `partykg ask`
runs (partykg.store.memo, get_bound/put_bound), and the store is opened only when a query is not
kept (partykg.store.embedded.LazyKnowledgeGraph): a question asked before opens no store. The
kept rows are the engine's rows, for the graph they were read from only. (Timings: scripts/bench_cold.)
"""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT
from partykg.store import cache, memo, queries
from partykg.store.embedded import KnowledgeGraph, LazyKnowledgeGraph

QUESTION = "What replaces Directive 51?"
DOC51 = ox.NamedNode("https://w3id.org/partykg/id/doc/tw/ct/2005/51")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    from conftest import SEED_FILES, load_kg

    path = tmp_path_factory.mktemp("bound") / "store"
    load_kg(*SEED_FILES).save(path)
    return path


def open_ask_graph(store: Path | None = None, root: Path | None = None):
    """The graph `partykg ask` opens (cli.common.open_graph with cached=True)."""
    from partykg.cli.common import open_graph
    from partykg.cli.fastargs import Namespace

    args = Namespace(store=str(store) if store else None, root=str(root) if root else None,
                     endpoint=None, verbose=False)
    return open_graph(args, cached=True)


def ask(kg, question: str = QUESTION):
    from partykg.ask.answer import answer
    from partykg.ask import kept

    a = answer(kg, question)
    kg.memo.save()
    kept.save(kg)
    return a


def iris(store: ox.Store) -> list[ox.NamedNode]:
    return sorted({q.subject for q in store if isinstance(q.subject, ox.NamedNode)},
                  key=lambda t: t.value)


def test_kept_rows_are_the_engines_rows_on_every_iri(seed_store, tmp_path):
    """Every IRI's entity and card (document) rows, kept and read back in a new process's memo,
    are the rows the engine gives, in the same order, terms equal (languages, datatypes, blank
    nodes)."""
    engine = KnowledgeGraph.open(seed_store)
    key = memo.store_key(str(seed_store))
    path = str(tmp_path / "m.memo")
    first = LazyKnowledgeGraph(lambda: engine.store, None, None, str(seed_store))
    first.memo = memo.Memo(path, key)
    want = {}
    subjects = iris(engine.store)
    assert len(subjects) > 300
    for s in subjects:
        for name, var in (("entity", "entity"), ("document", "doc")):
            want[(name, s.value)] = queries.run(first, name, {var: s})
    first.memo.save()
    again = LazyKnowledgeGraph(lambda: pytest.fail("the store was opened"), None, None,
                               str(seed_store))
    again.memo = memo.Memo(path, key)
    kinds = set()
    for s in subjects:
        for name, var in (("entity", "entity"), ("document", "doc")):
            got = queries.run(again, name, {var: s})
            assert got == want[(name, s.value)], (name, s)
            kinds.update(type(v).__name__ for r in got for v in r.values())
    assert not again.opened
    assert {"NamedNode", "Literal", "NoneType"} <= kinds  # (the seed graph's cards)


def test_the_oldest_kept_rows_are_dropped_and_the_rest_stay_right(seed_store, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setattr(memo, "BUCKETS", 4)
    monkeypatch.setattr(memo, "BUCKET_ENTRIES", 3)
    engine = KnowledgeGraph.open(seed_store)
    path = str(tmp_path / "m.memo")
    first = LazyKnowledgeGraph(lambda: engine.store, None, None, str(seed_store))
    first.memo = memo.Memo(path, "k")
    subjects = iris(engine.store)[:40]
    want = {s: queries.run(first, "entity", {"entity": s}) for s in subjects}
    first.memo.save()
    back = memo.Memo(path, "k")
    text = queries.load("entity", ROOT).text
    kept = {s: back.get_bound(text, {"entity": s}) for s in subjects}
    assert 4 <= sum(v is not None for v in kept.values()) <= 12
    assert all(v == want[s] for s, v in kept.items() if v is not None)
    assert kept[subjects[-1]] == want[subjects[-1]]  # the newest is kept


def test_a_question_asked_before_opens_no_store(seed_store, tmp_path, monkeypatch):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(tmp_path / "cache"))
    first = open_ask_graph(seed_store)
    assert isinstance(first, LazyKnowledgeGraph) and not first.opened
    want = ask(first)
    assert first.opened and "51-CT/TW" in want.text
    second = open_ask_graph(seed_store)
    got = ask(second)
    assert not second.opened
    assert got.text == want.text and got.as_dict() == want.as_dict()
    # another question opens it, and answers as a graph opened at once does
    other = ask(open_ask_graph(seed_store), "What is the Secretariat?")
    monkeypatch.setenv("PARTYKG_CACHE_DIR", "")
    plain = open_ask_graph(seed_store)
    assert ask(plain, "What is the Secretariat?").as_dict() == other.as_dict()
    assert ask(plain).as_dict() == want.as_dict()


@pytest.fixture()
def cached(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "QUIET_SECONDS", -60.0)
    return tmp_path / "cache"


def test_a_changed_graph_file_is_never_answered_from_kept_rows(cached, seed_project_copy):
    kg = open_ask_graph(root=seed_project_copy)
    ask(kg)
    label = ox.Literal("Chỉ thị thử nghiệm bộ nhớ", language="vi")
    rows = queries.run(kg, "entity", {"entity": DOC51})
    assert label not in [r["o"] for r in rows]
    kg.memo.save()
    again = open_ask_graph(root=seed_project_copy)
    assert queries.run(again, "entity", {"entity": DOC51}) == rows and not again.opened
    time.sleep(0.05)
    (seed_project_copy / "graph" / "extra.trig").write_text(
        f"<https://w3id.org/partykg/id/graph/extra> {{ <{DOC51.value}> "
        f"<http://www.w3.org/2004/02/skos/core#altLabel> \"{label.value}\"@vi . }}\n",
        encoding="utf-8")
    changed = open_ask_graph(root=seed_project_copy)
    assert label in [r["o"] for r in queries.run(changed, "entity", {"entity": DOC51})]


def test_a_rebuilt_store_is_never_answered_from_kept_rows(tmp_path, monkeypatch):
    from conftest import SEED_FILES, load_kg

    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(tmp_path / "cache"))
    store = tmp_path / "store"
    load_kg(*SEED_FILES).save(store)
    kg = open_ask_graph(store)
    stale = [{"p": ox.NamedNode("http://example.org/stale"), "o": ox.Literal("x"), "asOf": None}]
    kg.memo.put_bound(queries.load("entity", ROOT).text, {"entity": DOC51}, stale)
    kg.memo.save()
    assert queries.run(open_ask_graph(store), "entity", {"entity": DOC51}) == stale  # (kept)
    load_kg(*SEED_FILES).save(store)  # the same folder, rebuilt with the same content
    fresh = open_ask_graph(store)
    rows = queries.run(fresh, "entity", {"entity": DOC51})
    assert rows != stale and fresh.opened
    assert rows == queries.run(KnowledgeGraph.open(store), "entity", {"entity": DOC51})


def bucket_files(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob("*") if p.parent.name.endswith(".memo.bound"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "crc", "token", "shape"])
def test_a_damaged_or_foreign_file_of_kept_rows_is_ignored(seed_store, tmp_path, damage):
    env = {**os.environ, "PARTYKG_CACHE_DIR": str(tmp_path / "cache")}

    def run():
        return subprocess.run([sys.executable, "-m", "partykg", "ask", "--json", "--store",
                               str(seed_store), QUESTION], capture_output=True, text=True,
                              cwd=ROOT, timeout=300, env=env)

    want = run()
    assert want.returncode == 0, want.stderr
    files = bucket_files(tmp_path / "cache")
    assert len(files) >= 5
    for path in files:
        blob = path.read_bytes()
        if damage == "garbage":
            blob = bytes(range(256)) * 10
        elif damage == "truncated":
            blob = blob[: len(blob) // 2]
        elif damage == "crc":
            blob = blob[:-20] + bytes([blob[-20] ^ 0x55]) + blob[-19:]
        else:  # valid files: another memo's token, or rows of another shape
            token, entries = marshal.loads(blob[4:])
            if damage == "token":
                token = "0" * len(token)
                entries = {k: (["p", "o", "asOf"], [("http://example.org/forged", None, None)])
                           for k in entries}
            else:
                entries = {k: (["x"], [(1, 2)]) for k in entries}
            body = marshal.dumps((token, entries))
            blob = zlib.crc32(body).to_bytes(4, "big") + body
        path.write_bytes(blob)
    got = run()
    assert got.returncode == 0 and got.stdout == want.stdout, got.stderr
    assert run().stdout == want.stdout


def test_nothing_is_kept_with_caching_off(seed_store, tmp_path, monkeypatch):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", "")
    kg = open_ask_graph(seed_store)
    kg.memo.put_bound("q", {"entity": DOC51}, [])
    assert kg.memo.get_bound("q", {"entity": DOC51}) is None
    m = memo.Memo(str(tmp_path / "m.memo"), "k")
    m.put_bound("q", {"x": "not a term"}, [])  # not a term: not kept
    m.put_bound("q", {"x": DOC51}, [{"a": DOC51}] * (memo.MAX_BOUND_ROWS + 1))  # too big
    m.put_bound("q", {"x": ox.Literal("1")}, [{"a": ox.BlankNode("b1"), "b": None}])
    m.save()
    back = memo.Memo(str(tmp_path / "m.memo"), "k")
    assert back.get_bound("q", {"x": DOC51}) is None
    assert back.get_bound("q", {"x": ox.Literal("1")}) == [{"a": ox.BlankNode("b1"), "b": None}]
    assert back.get_bound("q", {"x": ox.Literal("1", language="en")}) is None
    assert memo.Memo(str(tmp_path / "m.memo"), "other key").get_bound(
        "q", {"x": ox.Literal("1")}) is None


def test_a_cached_store_that_cannot_be_opened_is_the_files(cached, seed_project_copy):
    kg = open_ask_graph(root=seed_project_copy)
    shutil.rmtree(f"{kg.memo.path}.table")  # (partykg.store.table: else no query needs it)
    want = ask(kg).as_dict()
    assert isinstance(kg, LazyKnowledgeGraph)
    store = Path(kg.location)
    for f in store.iterdir():  # the cached store damaged under its signature
        if f.name == "CURRENT" or f.suffix == ".sst":
            f.unlink()
    again = open_ask_graph(root=seed_project_copy)
    assert ask(again).as_dict() == want and not again.opened  # kept: the store is not needed
    other = open_ask_graph(root=seed_project_copy)
    got = ask(other, "What is the Secretariat?").as_dict()
    assert other.opened and type(other.store) is ox.Store
    shutil.rmtree(cached)
    assert ask(open_ask_graph(root=seed_project_copy), "What is the Secretariat?").as_dict() == got
