"""The tables a question is read with, kept per graph beside its memo (partykg.ask.kept): what
is read back is what the graph gives; a damaged file or another key is ignored."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import ROOT
from partykg.ask import kept, lexicon, resolve

QUESTION = "What replaces Directive 51?"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    from conftest import SEED_FILES, load_kg

    path = tmp_path_factory.mktemp("kept") / "store"
    load_kg(*SEED_FILES).save(path)
    return path


def _graph(store: Path, memo_path: str | None):
    from partykg.store import memo
    from partykg.store.embedded import KnowledgeGraph

    kg = KnowledgeGraph.open(store)
    kg.memo = None if memo_path is None else memo.Memo(memo_path, memo.store_key(str(store)))
    return kg


def _tables(kg) -> dict:
    return {"type_words": lexicon.type_words(kg), "type_notations": lexicon.type_notations(kg),
            "status_words": lexicon.status_words(kg), "kinds": resolve.kinds(kg),
            "post_roles": lexicon.post_roles(kg)}


def test_kept_tables_are_the_tables_the_graph_gives(seed_store, tmp_path):
    want = _tables(_graph(seed_store, None))  # no memo: made, nothing kept
    assert len(want["type_words"]) > 50 and len(want["kinds"]) > 10
    assert any(len(v) > 1 for v in want["type_notations"].values())  # QD: two types
    assert want["post_roles"] and all(want["post_roles"].values())
    path = str(tmp_path / "memo")
    first = _graph(seed_store, path)
    assert kept.of(first).tables == {}
    assert _tables(first) == want
    kept.save(first)
    assert os.path.exists(path + ".tables")
    second = _graph(seed_store, path)
    assert set(kept.of(second).tables) == set(kept.TABLES)  # read from the file
    assert _tables(second) == want
    other = _graph(seed_store, path)
    other.memo.key += "another graph"
    assert kept.of(other).tables == {}  # another key: made again


@pytest.mark.parametrize("damage", ["garbage", "crc", "shape", "key"])
def test_a_damaged_or_forged_file_is_ignored(seed_store, tmp_path, damage):
    path = str(tmp_path / "memo")
    first = _graph(seed_store, path)
    want = _tables(first)
    kept.save(first)
    blob = Path(path + ".tables").read_bytes()
    key, tables = marshal.loads(blob[4:])
    if damage == "garbage":
        blob = bytes(range(256)) * 8
    elif damage == "crc":
        blob = blob[:-9] + bytes([blob[-9] ^ 0x21]) + blob[-8:]
    else:
        if damage == "shape":  # the right key, a table of another type
            tables = {**tables, "type_words": ["directive"]}
        else:  # other tables under another key
            key, tables = key + "x", {**tables, "type_words": {"directive": {"forged"}}}
        body = marshal.dumps((key, tables))
        blob = zlib.crc32(body).to_bytes(4, "big") + body
    Path(path + ".tables").write_bytes(blob)
    again = _graph(seed_store, path)
    assert kept.of(again).tables == {}
    assert _tables(again) == want


def test_ask_keeps_the_tables_and_answers_alike(seed_store, tmp_path):
    def ask(env):
        return subprocess.run([sys.executable, "-m", "partykg", "ask", "--json", "--store",
                               str(seed_store), QUESTION], capture_output=True, text=True,
                              cwd=ROOT, timeout=300, env={**os.environ, **env})

    env = {"PARTYKG_CACHE_DIR": str(tmp_path / "cache")}
    first = ask(env)
    assert first.returncode == 0, first.stderr
    files = sorted(p for p in (tmp_path / "cache").rglob("*.tables"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    second = ask(env)
    assert second.stdout == first.stdout and "51-CT/TW" in first.stdout
    assert files[0].stat().st_mtime_ns == stamp  # read, not written again
    assert ask({"PARTYKG_CACHE_DIR": ""}).stdout == first.stdout
