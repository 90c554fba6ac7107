"""The command line: exit codes 0 (ok / valid), 1 (violations), 2 (error), and its outputs."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pyoxigraph as ox

from conftest import DATA, ROOT


def run(*args: str, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "partykg.cli.main", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_help_lists_commands():
    r = run("--help")
    assert r.returncode == 0
    for cmd in ("build", "stats", "validate", "import"):
        assert cmd in r.stdout


def test_validate_project_graph_is_valid():
    r = run("validate")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("valid:")


def test_validate_reports_violations_with_entity_message_and_file(project_copy):
    shutil.copy(DATA / "checks" / "replacement-dated-before.trig", project_copy / "graph" / "zz-bad.trig")
    r = run("--root", str(project_copy), "validate", "--json")
    assert r.returncode == 1, r.stdout + r.stderr
    out = json.loads(r.stdout)
    assert not out["valid"]
    hit = [v for v in out["violations"] if v["rule"] == "replacement-dated-before"]
    assert hit and hit[0]["entity"].endswith("doc/tw/ct/2001/1")
    assert hit[0]["file"] == "graph/zz-bad.trig" and "dated" in hit[0]["message"]


def test_validate_malformed_file_exits_2_naming_line_and_column(project_copy):
    (project_copy / "graph" / "broken.trig").write_text("<http://e/g> {\n <http://e/a> <http://e/b> \n}\n")
    r = run("--root", str(project_copy), "validate")
    assert r.returncode == 2
    assert "graph/broken.trig:3:" in r.stderr


def test_build_writes_dataset_that_reparses(tmp_path, kg):
    r = run("build", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    trig = ox.Store()
    trig.load(path=str(tmp_path / "partykg.trig"), format=ox.RdfFormat.TRIG)
    derived = ox.NamedNode("https://w3id.org/partykg/id/graph/derived")
    keys = list(kg.store.quads_for_pattern(None, None, None, derived))
    assert keys and len(trig) == len(kg.data_quads()) + len(keys)  # the lookup keys travel along
    sources = {q.graph_name.value for q in trig if "/id/source/" in q.graph_name.value}
    assert len(sources) >= 5  # one named graph per source article
    nt = list(ox.parse(path=str(tmp_path / "partykg.nt"), format=ox.RdfFormat.N_TRIPLES))
    assert len(nt) == len({(q.subject, q.predicate, q.object) for q in [*kg.data_quads(), *keys]})
    jsonld = list(ox.parse(path=str(tmp_path / "partykg.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert len(jsonld) == len(trig)


def test_stats_counts_classes_and_relations():
    r = run("stats", "--json")
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["sources"] >= 5 and s["evidence"] > 0
    assert s["classes"]["Directive"] >= 2 and s["classes"]["Secretariat"] == 1
    assert s["relations"]["issuedBy"] > 0 and s["relations"]["plannedToReplace"] >= 1
