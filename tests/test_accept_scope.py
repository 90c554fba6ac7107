"""accept validates what it adds (partykg.graph.addition), not the whole project: a bad added
fact is still refused (by the shapes as by the checks), and a fault elsewhere in the project,
unrelated to what is accepted, does not block it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from partykg.ingest.candidates import build, read, write
from partykg.ingest.extract import extract

TEXT = "Directive 97-CT/TW dated May 2, 2024 of the Secretariat replaces Directive 51-CT/TW.\n"


@pytest.fixture()
def project(extract_project: Path) -> Path:
    return extract_project


def run(root: Path, *args: str):
    return subprocess.run([sys.executable, "-m", "partykg.cli.main", "--root", str(root), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)


def candidates_file(tmp_path: Path, date: str | None = None) -> Path:
    cs = build(extract(TEXT, "en"), stem="scope_0000000000000000")
    if date:
        next(d for d in cs.documents if d.code == "97-CT/TW").date = date
    out = tmp_path / "c.trig"
    write(cs, out)
    return out


def test_an_unrelated_fault_does_not_block_an_accept(project, tmp_path):
    # a document elsewhere with two canonical codes (a shape) and no source for its fact (a check)
    (project / "graph" / "sources" / "broken.trig").write_text(
        "@prefix pk: <https://w3id.org/partykg/ontology#> .\n"
        "@prefix pkdt: <https://w3id.org/partykg/doctype/> .\n"
        "<https://w3id.org/partykg/id/source/broken> {\n"
        "  <https://w3id.org/partykg/id/doc/x/ct/2001/1> a pk:Directive ; pk:documentType "
        "pkdt:directive ; pk:code \"1-CT/X\" , \"2-CT/X\" .\n}\n", encoding="utf-8")
    assert run(project, "validate").returncode == 1  # the project is not valid
    out = candidates_file(tmp_path)
    r = run(project, "accept", str(out))
    assert r.returncode == 0, r.stderr
    assert (project / "graph" / "sources" / "scope_0000000000000000.trig").is_file()


def test_a_bad_added_fact_is_still_refused_by_the_shapes(project, tmp_path):
    # a candidates file edited to give a date that is no date: the shapes refuse it
    out = candidates_file(tmp_path, date="2024-13-45")
    assert read(out).documents[0].date == "2024-13-45" or any(
        d.date == "2024-13-45" for d in read(out).documents)
    before = sorted(p.name for p in (project / "graph").rglob("*"))
    r = run(project, "accept", str(out))
    assert r.returncode == 2 and "would not validate" in r.stderr
    assert "pk:dateIssued" in r.stderr and "doc/tw/ct/2024/97" in r.stderr
    assert sorted(p.name for p in (project / "graph").rglob("*")) == before
