"""Issue 9, the endpoint cases: a malformed endpoint URL, a timeout that is not a finite positive
number, an endpoint answering literals where IRIs belong or no row for a COUNT, an answer too
large to hold: each one clear line on stderr and exit 2, never a traceback. Large graphs are
loaded in chunks and arrive whole."""

from __future__ import annotations

import re
import time

import pytest

from servers import (OxigraphServer, endless_server, fake_sparql_server,  # noqa: F401
                     fixed_response_server, partykg)

from partykg.store.http import ResponseTooLarge
from partykg.store.load import chunks
from partykg.store.remote import RemoteGraph


def one_line_error(r) -> str:
    assert r.returncode == 2, (r.returncode, r.stdout[-300:], r.stderr[-600:])
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("partykg: error: "), r.stderr
    return lines[0]


@pytest.mark.parametrize("url", ["http://[::1", "http://[::1]:99999/query", "http://exa mple.org/q",
                                 "http://:80/query"])
@pytest.mark.parametrize("command", [["stats"], ["ask", "What replaces Directive 51?"],
                                     ["load"]])
def test_malformed_endpoint_url_is_one_line_exit_2(url, command):
    line = one_line_error(partykg(*command, "--endpoint", url))
    assert "URL" in line


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0", "-inf"])
@pytest.mark.parametrize("command", [["stats"], ["load"]])
def test_timeout_must_be_a_finite_positive_number(value, command):
    line = one_line_error(partykg(*command, "--endpoint", "http://127.0.0.1:9/query",
                                  f"--timeout={value}"))
    assert "--timeout" in line


@pytest.mark.parametrize("command", [["stats"], ["ask", "What replaces Directive 51?"],
                                     ["query", "issuer", "--param", "doc=51-CT/TW"],
                                     ["validate", "--no-shacl"]])
def test_endpoint_answering_literals_where_iris_belong_is_one_line_exit_2(command):
    with fake_sparql_server("literals") as url:
        line = one_line_error(partykg(*command, "--endpoint", url, "--timeout", "10"))
    assert url in line


def test_endpoint_answering_no_row_for_a_count_is_one_line_exit_2():
    with fake_sparql_server("empty") as url:
        line = one_line_error(partykg("stats", "--endpoint", url, "--timeout", "10"))
    assert "no row for an aggregate" in line


@pytest.mark.parametrize("command", [["stats"], ["ask", "What replaces Directive 51?"],
                                     ["query", "names"]])
def test_an_answer_the_endpoint_marks_incomplete_is_one_line_exit_2(command):
    """Virtuoso stops a query at its time limit and sends what it found so far, HTTP 200 and a
    well-formed answer (rows missing, OPTIONAL values unbound, a COUNT without its row), marked
    only by the header X-SQL-State: S1TAT. Read as complete, it is a wrong answer."""
    body = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", ' \
           b'"value": "https://w3id.org/partykg/id/doc/x"}}]}, "boolean": true}'
    headers = {"X-SQL-State": "S1TAT", "X-SQL-Message": "RC...: Returning incomplete results, "
               "query interrupted by result timeout."}
    with fixed_response_server(200, body, "application/sparql-results+json", headers) as url:
        line = one_line_error(partykg(*command, "--endpoint", url, "--timeout", "10"))
    assert "incomplete answer" in line and "MaxQueryExecutionTime" in line and url in line


def test_answer_over_the_bound_is_a_clear_error_not_a_memory_blowup():
    body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}' + b" " * (3 << 20)
    env = {"PARTYKG_MAX_RESPONSE_MB": "1"}
    with fixed_response_server(200, body, "application/sparql-results+json") as url:
        r = partykg("stats", "--endpoint", url, "--timeout", "10", env=env)
    line = one_line_error(r)
    assert "larger than 1 MB" in line and "PARTYKG_MAX_RESPONSE_MB" in line


def test_endless_answer_is_cut_at_the_bound_while_streaming(monkeypatch):
    """No Content-Length and no end: reading stops at the bound (memory stays bounded) with a
    clear error, long before the server has sent it all."""
    monkeypatch.setenv("PARTYKG_MAX_RESPONSE_MB", "8")
    with endless_server() as (url, sent):
        remote = RemoteGraph(url, timeout=30, union="endpoint")
        with pytest.raises(ResponseTooLarge, match="larger than 8 MB"):
            remote.select("SELECT ?s WHERE { ?s ?p ?o }")
        time.sleep(0.2)
        assert sent["bytes"] < (64 << 20)  # the client stopped reading


def test_large_graph_is_cut_into_chunks_at_line_ends():
    data = b"".join(b"<http://e/s%d> <http://e/p> \"%d\" .\n" % (i, i) for i in range(5000))
    pieces = chunks(data, 10_000)
    assert len(pieces) > 10 and b"".join(pieces) == data
    assert all(p.endswith(b"\n") and len(p) <= 10_000 for p in pieces)
    with_bnode = data + b"_:b1 <http://e/p> \"x\" .\n"
    pieces = chunks(with_bnode, 10_000)
    assert len(pieces) > 10 and sorted(b"".join(pieces).splitlines()) == sorted(with_bnode.splitlines())
    assert all(len(p) <= 10_000 for p in pieces)


def test_every_statement_of_a_blank_node_goes_in_one_chunk():
    """Evidence nodes are blank nodes, and an endpoint gives each request's labels fresh nodes:
    a chunk boundary between two statements of one node would split it in two."""
    lines = []
    for i in range(400):
        lines.append(b"<http://e/f%d> <http://e/evidence> _:e%d ." % (i, i))
        lines.append(b"<http://e/d%d> <http://e/p> \"filler %d\" ." % (i, i))
        lines.append(b"_:e%d <http://e/quote> \"a quote _:e%d\"@vi ." % (i, i + 1))
        lines.append(b"_:e%d <http://e/part> _:x%d ." % (i, i))
        lines.append(b"_:x%d <http://e/note> \"n\" ." % i)
    data = b"\n".join(lines) + b"\n"
    pieces = chunks(data, 2_000)
    assert len(pieces) > 10
    assert sorted(b"".join(pieces).splitlines()) == sorted(data.splitlines())
    for i in range(400):
        holding = [n for n, p in enumerate(pieces)
                   if b"_:e%d " % i in p or b"_:x%d " % i in p]
        assert len(set(holding)) == 1, i  # e_i and x_i (linked) in exactly one piece
    by_count = chunks(data, 1 << 30, max_lines=300)  # SPARQL Update: statements per request
    assert len(by_count) > 5 and all(p.count(b"\n") <= 300 for p in by_count)
    assert sorted(b"".join(by_count).splitlines()) == sorted(data.splitlines())
    for i in range(400):
        assert len({n for n, p in enumerate(by_count) if b"_:e%d " % i in p}) == 1, i
    big = b"".join(b"_:b <http://e/p> \"%d\" .\n" % i for i in range(500))
    assert chunks(big, 1_000) == [big]  # one node's statements longer than a chunk stay whole


def test_load_in_small_chunks_arrives_whole(tmp_path, kg):
    with OxigraphServer(tmp_path) as server:
        r = partykg("load", "--endpoint", server.query_url, "--timeout", "60",
                    env={"PARTYKG_LOAD_CHUNK_MB": "0.01"})
        assert r.returncode == 0, r.stderr
        m = re.search(r"loaded (\d+) graphs \(\d+ triples, (\d+) upload requests\)", r.stdout)
        assert m and int(m.group(2)) > int(m.group(1)), r.stdout  # some graph went in pieces
        remote = RemoteGraph(server.query_url)
        n = int(remote.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"].value)
        assert n == len(kg.store)
        assert set(remote.partykg_graphs()) == {g.value for g in kg.store.named_graphs()}
        blank = ("SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { GRAPH ?g { ?b ?p ?o } "
                 "FILTER isBlank(?b) }")
        here = int(next(iter(kg.store.query(blank)))["n"].value)
        assert here > 0 and int(remote.select(blank)[0]["n"].value) == here  # none split


def test_endpoint_credentials_never_reach_another_host():
    remote = RemoteGraph("http://user:secret@127.0.0.1:9/query")
    assert remote.endpoint == "http://127.0.0.1:9/query" and "secret" not in repr(remote)
    pm = remote.http._passwords
    assert pm.find_user_password(None, "http://127.0.0.1:9/query") == ("user", "secret")
    assert pm.find_user_password(None, "http://example.org/query") == (None, None)
