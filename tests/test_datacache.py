"""partykg.datacache (issue 13): a package JSON file kept parsed in the cache folder gives the
data json gives, is parsed again when the file changes, and a damaged copy is ignored."""

from __future__ import annotations

import json
import os
import time

import pytest

from conftest import ROOT
from partykg import datacache


@pytest.fixture()
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def kept_files(cache):
    return sorted((cache / "data").glob("*.marshal")) if (cache / "data").exists() else []


@pytest.mark.parametrize("name", ["cues.json", "phrases.json"])
def test_the_kept_data_is_what_json_reads(cache, name):
    path = ROOT / "src" / "partykg" / "ask" / name
    want = json.loads(path.read_text(encoding="utf-8"))
    assert datacache.load_json(path) == want  # parsed, then kept
    assert len(kept_files(cache)) == 1
    got = datacache.load_json(path)  # from the kept copy
    assert got == want and json.dumps(got, ensure_ascii=False) == json.dumps(want,
                                                                            ensure_ascii=False)


def test_a_changed_file_is_read_again(cache, tmp_path):
    path = tmp_path / "d.json"
    path.write_text('{"a": [1, 2.5, "x", null, true]}', encoding="utf-8")
    assert datacache.load_json(path) == {"a": [1, 2.5, "x", None, True]}
    st = path.stat()
    time.sleep(0.05)
    path.write_text('{"a": [1, 2.5, "y", null, true]}', encoding="utf-8")  # same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same modification time
    assert datacache.load_json(path) == {"a": [1, 2.5, "y", None, True]}
    assert datacache.load_json(path) == {"a": [1, 2.5, "y", None, True]}


@pytest.mark.parametrize("damage", ["garbage", "truncated", "crc"])
def test_a_damaged_copy_is_ignored(cache, tmp_path, damage):
    path = tmp_path / "d.json"
    path.write_text('{"k": "v", "n": [1, 2, 3]}', encoding="utf-8")
    datacache.load_json(path)
    [kept] = kept_files(cache)
    blob = kept.read_bytes()
    blob = {"garbage": b"\x00\xff" * 50, "truncated": blob[:len(blob) // 2],
            "crc": blob[:-3] + bytes([blob[-3] ^ 1]) + blob[-2:]}[damage]
    kept.write_bytes(blob)
    assert datacache.load_json(path) == {"k": "v", "n": [1, 2, 3]}
    assert kept.read_bytes() != blob


def test_nothing_is_kept_with_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", "")
    path = tmp_path / "d.json"
    path.write_text("[1]", encoding="utf-8")
    assert datacache.load_json(path) == [1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]
