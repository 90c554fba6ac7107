"""The cold `partykg ask` path works with str paths (os.path), not pathlib (issue 13): each
str helper must read the file system exactly as the pathlib code it stands for."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from conftest import ROOT
from partykg import project
from partykg.project import path_text
from partykg.store import folder, queries


def test_path_text_is_the_text_of_a_path():
    rng = random.Random(7)
    texts = ["", ".", "..", "/", "//", "///", "a/", "./a", "a/./b", "a//b", "//a", "///a/",
             "a/../b", "~", " a ", ".a", "a."]
    for _ in range(3000):
        texts.append("".join(rng.choice(["/", ".", "a", "b", "..", " "])
                             for _ in range(rng.randint(0, 8))))
    for t in texts:
        assert path_text(t) == str(Path(t)), t


def test_check_root_str_is_check_root(tmp_path):
    bare = tmp_path / "bare"
    (bare / "graph").mkdir(parents=True)
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(ROOT)
    cases = [str(ROOT), str(ROOT) + "/", str(ROOT) + "//.", str(link), str(bare),
             str(tmp_path / "missing"), str(a_file), str(a_file / "below"), ""]
    for case in cases:
        for need in (("ontology", "graph"), ("graph",)):
            try:
                want = str(project.check_root(Path(case), "--root", need))
            except project.NotAProject as e:
                want = f"error: {e}"
            try:
                got = project.check_root_str(case, "--root", need)
            except project.NotAProject as e:
                got = f"error: {e}"
            assert got == want, (case, need)


def test_find_root_str_is_find_root(monkeypatch, tmp_path):
    assert project.find_root_str() == str(project.find_root())
    monkeypatch.setenv("PARTYKG_ROOT", str(ROOT) + "/")
    assert project.find_root_str() == str(project.find_root()) == str(ROOT.resolve())
    monkeypatch.setenv("PARTYKG_ROOT", str(tmp_path))
    with pytest.raises(project.NotAProject):
        project.find_root_str()


def test_is_a_reads_as_pathlib(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "f").write_text("x", encoding="utf-8")
    (tmp_path / "to-d").symlink_to(tmp_path / "d")
    (tmp_path / "to-f").symlink_to(tmp_path / "f")
    (tmp_path / "broken").symlink_to(tmp_path / "nothing")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    names = ["d", "f", "to-d", "to-f", "broken", "loop", "nothing", "f/below", "d/"]
    for name in names:
        p = tmp_path / name if not name.endswith("/") else Path(str(tmp_path / name))
        s = os.path.join(str(tmp_path), name)
        assert project.is_a(s) == p.exists(), name
        assert project.is_a(s, project.DIR) == p.is_dir(), name
        assert project.is_a(s, project.FILE) == p.is_file(), name
    assert not project.is_a("a\0b") and not Path("a\0b").exists()


@pytest.mark.parametrize("entries", [[], ["CURRENT"], ["000012.sst"], [".x.sst"],
                                     [folder.MARK], ["notes.txt"], ["sub/"]])
def test_looks_like_store_with_a_str_is_as_with_a_path(tmp_path, entries):
    d = tmp_path / "store"
    d.mkdir()
    for e in entries:
        (d / e.rstrip("/")).mkdir() if e.endswith("/") else (d / e).write_text("", "utf-8")
    assert folder.looks_like_store(str(d)) == folder.looks_like_store(d)
    assert folder.looks_like_store(str(d)) == (
        d.is_dir() and ((d / folder.MARK).is_file() or (d / "CURRENT").is_file()
                        or any(d.glob("*.sst"))))
    assert not folder.looks_like_store(str(tmp_path / "missing"))


def test_a_library_query_by_name_with_a_str_root_is_the_same_query():
    by_path = queries.load("replaced-by", ROOT)
    by_str = queries.load("replaced-by", str(ROOT))
    assert (by_str.name, by_str.text, by_str.params) == (by_path.name, by_path.text,
                                                         by_path.params)
    assert str(by_str.path) == str(ROOT / "queries" / "replaced-by.rq")
    with pytest.raises(queries.QueryLibraryError):
        queries.load("no-such-query", str(ROOT))
