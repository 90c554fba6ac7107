"""accept never trusts the candidates file (issue 9): a stem that is a path is refused (exit 2)
and nothing is written; a refused accept leaves nothing behind, not even the article's text;
an article already in graph/corpus/ under its stem (same text) is accepted."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TEXT = ("The Secretariat issued Directive 95-CT/TW dated May 2, 2024, replacing Directive "
        "51-CT/TW.\n")


@pytest.fixture()
def project(extract_project: Path) -> Path:
    return extract_project


def run(*args: str, root: Path):
    return subprocess.run([sys.executable, "-m", "partykg.cli.main", "--root", str(root), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root.parent).as_posix(): p.read_bytes()
            for p in sorted(root.parent.rglob("*")) if p.is_file() and "cands" not in p.name}


def extract(project: Path, tmp_path: Path, text: str = TEXT) -> Path:
    art = tmp_path / "article.txt"
    art.write_text(text, encoding="utf-8")
    out = tmp_path / "cands.trig"
    r = run("extract", str(art), "--out", str(out), "--lang", "en", root=project)
    assert r.returncode == 0, r.stderr
    return out


@pytest.mark.parametrize("stem", ["../../../x", "/tmp/abs", "sub/dir", "..",
                                  ""])
def test_accept_refuses_a_stem_that_is_a_path(project, tmp_path, stem):
    out = extract(project, tmp_path)
    text = out.read_text(encoding="utf-8")
    escaped = stem.replace("\\", "\\\\").replace("\x00", "\\u0000")
    text, n = re.subn(r'(pkc:stem\s+)"[^"]*"', lambda m: m.group(1) + f'"{escaped}"', text)
    assert n == 1
    out.write_text(text, encoding="utf-8")
    before = tree(project)
    r = run("accept", str(out), root=project)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "stem" in r.stderr
    assert tree(project) == before


def test_a_refused_accept_leaves_no_corpus_file(project, tmp_path):
    out = extract(project, tmp_path)
    from partykg.ingest.candidates import read
    stem = read(out).stem
    # the source file's place is taken by a folder: the write fails after validation
    (project / "graph" / "sources" / f"{stem}.trig").mkdir()
    before = tree(project)
    r = run("accept", str(out), root=project)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    assert not (project / "graph" / "corpus" / f"{stem}.txt").exists()
    assert tree(project) == before


def test_accept_when_the_article_is_already_in_the_corpus(project, tmp_path):
    corpus = project / "graph" / "corpus" / "already_here.txt"
    corpus.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "cands.trig"
    r = run("extract", str(corpus), "--out", str(out), "--lang", "en", root=project)
    assert r.returncode == 0, r.stderr
    r = run("accept", str(out), root=project)
    assert r.returncode == 0, r.stderr
    assert (project / "graph" / "sources" / "already_here.trig").is_file()
    assert corpus.read_text(encoding="utf-8") == TEXT
    assert run("validate", root=project).returncode == 0


def test_source_metadata_from_options_and_sidecar(project, tmp_path):
    import json as _json

    from partykg.store.embedded import KnowledgeGraph

    art = tmp_path / "piece.txt"
    art.write_text(TEXT, encoding="utf-8")
    (tmp_path / "piece.json").write_text(_json.dumps({
        "url": "https://example.org/a/1", "publisher": "Sidecar Daily", "title": "A title",
        "date": "2024-06-01", "language": "en", "retrieved": "2026-01-02"}), encoding="utf-8")
    out = tmp_path / "cands.trig"
    # the options override the sidecar
    r = run("extract", str(art), "--out", str(out), "--publisher", "Option Press", root=project)
    assert r.returncode == 0, r.stderr
    r = run("accept", str(out), root=project)
    assert r.returncode == 0, r.stderr
    kg = KnowledgeGraph.load(project)
    rows = kg.select("""SELECT ?s ?pub ?title ?issued ?url ?ret WHERE { ?s a pk:SourceArticle ;
        dcterms:publisher ?pub ; dcterms:title ?title ; dcterms:issued ?issued ; pk:url ?url ;
        pk:retrieved ?ret }""")
    assert [(r["pub"].value, r["title"].value, r["issued"].value, r["url"].value, r["ret"].value)
            for r in rows] == [("Option Press", "A title", "2024-06-01", "https://example.org/a/1",
                                "2026-01-02")]
    assert run("validate", root=project).returncode == 0
    # a bad sidecar or a bad date is one clear error line
    (tmp_path / "piece.json").write_text("[1, 2]", encoding="utf-8")
    r = run("extract", str(art), "--out", str(out), root=project)
    assert r.returncode == 2 and "sidecar" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "piece.json").unlink()
    r = run("extract", str(art), "--out", str(out), "--retrieved", "2026-13-01", root=project)
    assert r.returncode == 2 and "--retrieved" in r.stderr
