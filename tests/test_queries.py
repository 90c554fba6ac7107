"""The query library (queries/*.rq): every file has its header, parses and runs; the main queries
give the expected rows of tests/data/queries/manifest.json; `partykg query` prints them."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from partykg.ask.resolve import resolver

from conftest import DATA, ROOT
from partykg.store import queries
from partykg.model.vocab import BASE, PREFIXES

LIBRARY = queries.library(ROOT)
MANIFEST = json.loads((DATA / "queries" / "manifest.json").read_text(encoding="utf-8"))

# a value for every required parameter kind, to run each query once
SAMPLE = {"entity": "51-CT/TW", "document": "51-CT/TW", "body": "Ban Bí thư",
          "person": "https://w3id.org/partykg/id/person/bui-thanh-son", "iri": "https://w3id.org/partykg/id/source/000_0fd8746924e7ab75",
          "code": "51-CT/TW", "number": "51", "name": "Ban Bí thư", "string": "x", "integer": "2021",
          "date": "2020-01-01"}


def short(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        if term.value.startswith(BASE):
            return term.value[len(BASE):]
        for p, ns in PREFIXES.items():
            if term.value.startswith(ns):
                return f"{p}:{term.value[len(ns):]}"
    return term.value


def test_library_is_not_empty():
    names = {q.name for q in LIBRARY}
    assert {"replaced-by", "replaces", "issuer", "relations", "issued-by", "document", "bodies",
            "mergers", "posts", "source-facts", "in-force"} <= names


@pytest.mark.parametrize("query", LIBRARY, ids=lambda q: q.name)
def test_query_has_header_and_runs(kg, query):
    head = query.text.splitlines()
    assert head[0].startswith("# Question:")
    assert any(line.startswith("# Parameters:") for line in head)
    assert query.question
    params = {p.name: SAMPLE[p.kind] for p in query.params if not p.optional}
    rows = queries.run(kg, query, queries.bindings(query, params, resolver(kg)))
    assert isinstance(rows, list)


@pytest.mark.parametrize("case", MANIFEST, ids=lambda c: f"{c['query']} {c['params']}")
def test_expected_results(seed_kg, case):
    q = queries.load(case["query"], ROOT)
    rows = queries.run(seed_kg, q, queries.bindings(q, case["params"], resolver(seed_kg)))
    got = [{k: short(v) for k, v in r.items()} for r in rows]
    key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
    if "expected" in case:
        assert sorted(got, key=key) == sorted(case["expected"], key=key)
    for want in case.get("expected_include", []):
        assert want in got, got


def test_parameters_are_checked(kg):
    q = queries.load("issuer", ROOT)
    with pytest.raises(queries.QueryLibraryError, match="missing parameter"):
        queries.bindings(q, {}, resolver(kg))
    with pytest.raises(queries.QueryLibraryError, match="no parameter 'nope'"):
        queries.bindings(q, {"doc": "51-CT/TW", "nope": "1"}, resolver(kg))
    q = queries.load("in-force", ROOT)
    with pytest.raises(queries.QueryLibraryError, match="not a date"):
        queries.bindings(q, {"date": "13/4/2005"}, resolver(kg))
    with pytest.raises(queries.QueryLibraryError, match="no query named"):
        queries.load("no-such-query", ROOT)
    with pytest.raises(queries.QueryLibraryError, match="no query file"):
        queries.load("../no/such.rq", ROOT)


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "partykg", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_query_formats():
    r = run("query", "issuer", "--param", "doc=Directive 51", "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert list(csv.DictReader(io.StringIO(r.stdout))) == [
        {"issuer": BASE + "body/secretariat", "date": "2005-04-13"}]
    r = run("query", "issuer", "--param", "doc=Directive 51", "--format", "json")
    b = json.loads(r.stdout)["results"]["bindings"]
    assert b[0]["issuer"] == {"type": "uri", "value": BASE + "body/secretariat"}
    assert b[0]["date"]["datatype"].endswith("#date")
    r = run("query", "issuer", "--param", "doc=Directive 51")
    assert "body/secretariat" in r.stdout and "(1 row)" in r.stdout
    r = run("query", "issuer", "--param", "doc=Resolution 02")
    assert r.returncode == 2 and "names 2 entities" in r.stderr
    r = run("query", "--list")
    assert r.returncode == 0 and "replaced-by" in r.stdout and "?doc" not in r.stdout


def test_cli_runs_a_users_own_file(tmp_path):
    f = tmp_path / "mine.rq"
    f.write_text("# Question: Which documents are on a subject?\n# Parameters:\n"
                 "#   ?word  string  a word of the subject\n"
                 "PREFIX pk: <https://w3id.org/partykg/ontology#>\n"
                 "SELECT DISTINCT ?doc WHERE { ?doc pk:subject ?s FILTER(CONTAINS(LCASE(STR(?s)), ?word)) }\n",
                 encoding="utf-8")
    r = run("query", str(f), "--param", "word=overseas party work", "--format", "tsv")
    assert r.returncode == 0, r.stderr
    docs = set(r.stdout.split("\n")[1:])
    assert f"<{BASE}doc/tw/ct/2005/51>" in docs
    f.write_text("# Question: broken\nSELECT ?x WHERE { ?x ", encoding="utf-8")
    r = run("query", str(f))
    assert r.returncode == 2 and "does not parse" in r.stderr
