"""Virtuoso's ResultSetMaxRows cuts answers without an error (it only sends an X-SPARQL-MaxRows
header): partykg refuses such an answer with one line. On a private Virtuoso of its own, since
Virtuoso 7.2 may keep locks after a cut answer (later writes then time out with SR171), which
would spoil the session's Virtuoso for the load tests."""

from __future__ import annotations

import pytest

from conftest import ROOT
from servers import VirtuosoServer, load_into_virtuoso, partykg

from partykg.store.remote import RemoteGraph


@pytest.fixture(scope="module")
def virtuoso_cut(tmp_path_factory):
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso-rowlimit")) as server:
        load_into_virtuoso(server)
        yield server


def test_an_answer_cut_at_virtuosos_row_limit_is_an_error_not_a_short_answer(virtuoso_cut, kg):
    virtuoso = virtuoso_cut
    names = len(kg.select((ROOT / "queries" / "names.rq").read_text(encoding="utf-8")))
    assert names > 50
    # under the limit nothing is said
    with virtuoso.row_limit(names + 10):
        ok = partykg("query", "names", "--endpoint", virtuoso.query_url, "--format", "json")
    assert ok.returncode == 0, ok.stderr
    with virtuoso.row_limit(50):
        r = partykg("query", "names", "--endpoint", virtuoso.query_url)
        # stopped by the query's own LIMIT, not by the server's: a whole answer
        rows = RemoteGraph(virtuoso.query_url).select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 50")
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stdout[-300:]
    assert len(r.stderr.strip().splitlines()) == 1
    assert "cut the answer at its limit of 50 rows" in r.stderr
    assert "ResultSetMaxRows" in r.stderr
    assert len(rows) == 50


def test_ask_on_a_virtuoso_that_cuts_answers_says_so(virtuoso_cut):
    with virtuoso_cut.row_limit(3):
        r = partykg("ask", "--endpoint", virtuoso_cut.query_url, "What replaces Directive 51?")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "cut the answer at its limit of 3 rows" in r.stderr
