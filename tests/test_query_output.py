"""`partykg query` output and parameters (issue 14's friction list, issue 9's CSV injection): the
SPARQL 1.1 TSV/CSV/JSON results formats, headers for empty results, whole IRIs that parse back,
CSV cells neutralised for spreadsheets, parameters by ontology label, repeated and wrong-type
parameters refused, files that must declare their prefixes."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pyoxigraph as ox

from conftest import ROOT
from partykg.cli.results import format_rows
from partykg.model.vocab import BASE, PREFIXES

DOC51 = BASE + "doc/tw/ct/2005/51"


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "partykg", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_tsv_is_the_sparql_tsv_results_format():
    r = run("query", "replaced-by", "--param", "doc=51-CT/TW", "--format", "tsv")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.rstrip("\n").split("\n")
    assert lines[0].split("\t") == ["?older", "?newer", "?relation", "?date", "?status", "?asOf"]
    parsed = ox.parse_query_results(r.stdout.encode(), ox.QueryResultsFormat.TSV)
    rows = [{v.value: s[v.value] for v in parsed.variables} for s in parsed]
    assert rows and all(row["older"] == ox.NamedNode(DOC51) for row in rows)
    assert {row["asOf"].datatype.value.rsplit("#", 1)[1] for row in rows} == {"gYearMonth", "date"}


def test_empty_results_still_print_the_header():
    for fmt, head in (("tsv", "?doc\t?type\t?date"), ("csv", "doc,type,date"),
                      ("table", "doc")):
        r = run("query", "lookup-number", "--param", "number=99999", "--format", fmt)
        assert r.returncode == 0, r.stderr
        assert r.stdout.splitlines()[0].startswith(head), (fmt, r.stdout)
    r = run("query", "lookup-number", "--param", "number=99999", "--format", "json")
    assert json.loads(r.stdout)["head"]["vars"] == ["doc", "type", "date"]


def test_table_prints_whole_iris_that_parse_back_as_params():
    r = run("query", "lookup-number", "--param", "number=2")
    assert r.returncode == 0, r.stderr
    iris = re.findall(r"<(https://[^>\s]+)>", r.stdout)
    assert iris and all(len(i) > 0 for i in iris)
    long = BASE + "doc/mofa-party-committee/nq/2023/2"
    assert f"<{long}>" in r.stdout  # 60+ characters, not cut
    # printed forms come back as parameter values
    again = run("query", "issuer", "--param", f"doc=<{long}>")
    assert again.returncode == 0 and "(1 row)" in again.stdout, again.stderr
    prefixed = re.findall(r"\b(pkdt:\w+)", r.stdout)
    assert prefixed
    back = run("query", "lookup-number", "--param", "number=2", "--param", f"type={prefixed[0]}")
    assert back.returncode == 0 and prefixed[0] in back.stdout, back.stderr


def test_table_does_not_cut_iris_longer_than_sixty_characters():
    iri = BASE + "doc/" + "x" * 120
    out = format_rows([{"a": ox.NamedNode(iri)}], "table")
    assert f"<{iri}>" in out


def test_csv_neutralises_formula_cells_and_says_so():
    rows = [{"v": ox.Literal(t)} for t in ("=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)",
                                           "\tx", "\rx", "plain", "a=b")]
    out = format_rows(rows, "csv")
    cells = [row[0] for row in csv.reader(io.StringIO(out))][1:]
    assert cells[:6] == ["'=HYPERLINK(\"http://evil\")", "'+1", "'-2", "'@SUM(A1)", "'\tx",
                         "'\rx"]
    assert cells[6:] == ["plain", "a=b"]
    # JSON and TSV stay verbatim
    assert json.loads(format_rows(rows, "json"))["results"]["bindings"][0]["v"]["value"] == \
        "=HYPERLINK(\"http://evil\")"
    assert format_rows(rows, "tsv").split("\n")[1] == '"=HYPERLINK(\\"http://evil\\")"'
    help_text = run("query", "--help").stdout
    assert "OWASP" in help_text and "formula" in help_text


def test_iri_parameters_take_words_the_ontology_labels():
    r = run("query", "relations", "--param", "doc=05-CT/TW", "--param", "relation=continues",
            "--format", "tsv")
    assert r.returncode == 0, r.stderr
    assert "<https://w3id.org/partykg/ontology#continues>" in r.stdout
    r = run("query", "lookup-number", "--param", "number=2", "--param", "type=NQ")
    assert r.returncode == 0 and "pkdt:resolution" in r.stdout, r.stderr
    r = run("query", "lookup-number", "--param", "number=2", "--param", "type=QĐ")
    assert r.returncode == 2 and "pkdt:decision" in r.stderr and "pkdt:regulation" in r.stderr


def test_repeated_param_is_an_error_not_the_last_value():
    r = run("query", "issuer", "--param", "doc=51-CT/TW", "--param", "doc=43-QĐi/TW")
    assert r.returncode == 2 and "given twice" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_wrong_type_iri_is_a_clear_error():
    r = run("query", "issuer", "--param", "doc=Ban Bí thư")
    assert r.returncode == 2 and "not a document" in r.stderr and "Secretariat" in r.stderr
    r = run("query", "issued-by", "--param", f"body=<{DOC51}>")
    assert r.returncode == 2 and "not a body" in r.stderr


def test_query_file_must_declare_its_prefixes(tmp_path):
    f = tmp_path / "mine.rq"
    f.write_text("# Question: codes?\n# Parameters: none.\n"
                 "SELECT ?doc ?code WHERE { ?doc pk:code ?code }\n", encoding="utf-8")
    r = run("query", str(f))
    assert r.returncode == 2 and f"PREFIX pk: <{PREFIXES['pk']}>" in r.stderr
    f.write_text("# Question: codes?\n# Parameters: none.\n"
                 f"PREFIX pk: <{PREFIXES['pk']}>\n"
                 "SELECT ?doc ?code WHERE { ?doc pk:code ?code }\n", encoding="utf-8")
    r = run("query", str(f), "--format", "tsv")
    assert r.returncode == 0 and '"51-CT/TW"' in r.stdout


def test_every_library_file_declares_its_prefixes():
    from partykg.store.queries import undeclared_prefixes

    files = sorted((ROOT / "queries").rglob("*.rq"))
    assert files
    bad = {str(p.relative_to(ROOT)): m for p in files
           if (m := undeclared_prefixes(p.read_text(encoding="utf-8")))}
    assert bad == {}
    # and each parses with no prefix given
    for p in files:
        ox.Store().query(p.read_text(encoding="utf-8"))
