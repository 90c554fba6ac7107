"""Remote SPARQL endpoints: a real Oxigraph server on 127.0.0.1 gives the same answers as the
embedded store; `partykg load` replaces graphs all or nothing; endpoints that refuse, stay silent,
fail or answer garbage give exit code 2 within --timeout; hostile parameter values stay one
literal."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT
from servers import (OxigraphServer, failing_proxy, fixed_response_server, free_port,  # noqa: F401
                     loaded_endpoint, oxigraph_server, partykg, silent_server)
from partykg.store.remote import (EndpointDataError, EndpointHTTPError, EndpointTimeout,
                            EndpointUnreachable, MalformedResults, RemoteGraph)
from partykg.store.embedded import KnowledgeGraph
from partykg.model.vocab import BASE, PK

ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def _key(term) -> str:
    if term is None:
        return "UNBOUND"
    if isinstance(term, ox.BlankNode):
        return "_:b"  # blank node labels differ between engines
    return str(term)


def canonical(rows: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted((k, _key(v)) for k, v in r.items())) for r in rows)


def content(remote: RemoteGraph) -> set[tuple]:
    """Everything the endpoint holds, exactly (Oxigraph keeps blank node ids across queries)."""
    return {(str(r["s"]), str(r["p"]), str(r["o"]), str(r["g"])) for r in remote._select_raw(ALL_QUADS)}


# --- the query library gives the same answers remotely ---------------------------------------------

def _form(text: str) -> str:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    m = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body)
    return m.group(1).upper() if m else "?"


OWN_QUERIES = {
    "code-keys": ("SELECT ?doc ?key WHERE { ?doc pk:codeKey ?key }", {}),
    "replaces-chain": ("SELECT ?new ?old WHERE { ?new pk:replaces+ ?old }", {}),
    "planned": ("SELECT ?new ?old ?st ?asOf WHERE { ?new pk:plannedToReplace ?old ; "
                "pk:hasStatus [ pk:status ?st ; pk:asOf ?asOf ] }", {}),
    "lookup-by-key": ("SELECT ?doc ?date ?issuer WHERE { ?doc pk:codeKey ?key . "
                      "OPTIONAL { ?doc pk:dateIssued ?date } OPTIONAL { ?doc pk:issuedBy ?issuer } }",
                      {"key": ox.Literal("51-CT/TW")}),
    "what-replaces": ("SELECT ?new WHERE { ?old pk:codeKey ?key . ?new (pk:replaces|"
                      "pk:plannedToReplace)+ ?old }", {"key": ox.Literal("51-CT/TW")}),
    "per-graph-counts": ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", {}),
}


def _answer(graph, form: str, query: str, bindings):
    if form == "SELECT":
        return canonical(graph.select(query, bindings))
    if form == "ASK":
        return graph.ask(query, bindings)
    triples = graph.construct(query, bindings)
    return sorted((_key(t.subject), _key(t.predicate), _key(t.object)) for t in triples)


# The library queries and the question table on real engines: tests/test_engines.py.


@pytest.mark.parametrize("name", sorted(OWN_QUERIES))
def test_own_queries_answer_the_same_on_the_endpoint(name, kg, loaded_endpoint):
    query, bindings = OWN_QUERIES[name]
    remote = RemoteGraph(loaded_endpoint.query_url, timeout=30)
    local = canonical(kg.select(query, bindings))
    assert canonical(remote.select(query, bindings)) == local
    if name in ("code-keys", "lookup-by-key", "per-graph-counts"):
        assert local, f"{name} should find something in the seed graph"


def test_endpoint_holds_the_dataset_with_derived_keys_not_meta(kg, loaded_endpoint):
    remote = RemoteGraph(loaded_endpoint.query_url)
    graphs = set(remote.named_graphs())
    local = {g.value for g in kg.store.named_graphs()}
    assert graphs == local
    assert BASE + "graph/derived" in graphs and BASE + "graph/meta" not in graphs
    n = remote.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
    assert int(n.value) == len(kg.store)


def test_validate_on_the_endpoint_reports_what_the_embedded_store_reports(
        project_copy, oxigraph_server, tmp_path):
    shutil.copy(ROOT / "tests" / "data" / "checks" / "replacement-dated-before.trig",
                project_copy / "graph" / "zz-bad.trig")
    r = partykg("load", "--endpoint", oxigraph_server.query_url, root=project_copy)
    assert r.returncode == 0, r.stderr
    import json

    local = partykg("validate", "--json", root=project_copy)
    there = partykg("validate", "--json", "--endpoint", oxigraph_server.query_url, root=project_copy)
    assert local.returncode == there.returncode == 1, there.stderr
    pick = lambda out: sorted((v["rule"], v["entity"], v["message"])  # noqa: E731
                              for v in json.loads(out)["violations"])
    assert pick(there.stdout) == pick(local.stdout)
    assert any(v[0] == "replacement-dated-before" for v in pick(there.stdout))
    # behind an endpoint, a violation is located by its named graph, not a file
    files = {v["file"] for v in json.loads(there.stdout)["violations"]
             if v["rule"] == "replacement-dated-before"}
    assert files and all(f and f.startswith("<https://w3id.org/partykg/id/") for f in files)


# --- hostile parameters ---------------------------------------------------------------------------

HOSTILE = [
    '"} ; DROP ALL #',
    "'} ; DROP ALL #",
    'x" } } INSERT DATA { <urn:a> <urn:b> <urn:c> } #',
    "'''\"\"\"",
    "line one\nline two\r\n}",
    "> <urn:evil> .",
    "back\\slash \\u0022} DROP ALL",
    "\u202e\u2028\U0001F600 ÐĐđ ﷽",
    "{" * 50 + "}" * 50,
    "A" * 100_000,
]


def test_hostile_values_stay_one_literal_on_the_endpoint_and_embedded(kg, loaded_endpoint):
    remote = RemoteGraph(loaded_endpoint.query_url)
    before = content(remote)
    echo = "SELECT ?v ?n WHERE { BIND(STRLEN(STR(?v)) AS ?n) }"
    lookup = "SELECT ?doc WHERE { ?doc pk:codeKey ?v }"
    for value in HOSTILE:
        for lit in (ox.Literal(value), ox.Literal(value, language="en"),
                    ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#token"))):
            for graph in (kg, remote):
                rows = graph.select(echo, {"v": lit})
                assert len(rows) == 1 and rows[0]["v"] == lit, (graph, value[:40])
                assert int(rows[0]["n"].value) == len(value)
                assert graph.select(lookup, {"v": lit}) == []
    assert content(remote) == before  # nothing was written


def test_hostile_iris_cannot_be_made():
    for bad in ("http://x> } DROP ALL #", "http://x/ y", 'http://x/"', "http://x/{}"):
        with pytest.raises(ValueError):
            ox.NamedNode(bad)


def test_blank_node_parameters_are_refused_remotely(loaded_endpoint):
    from partykg.errors import PartykgError

    with pytest.raises(PartykgError):
        RemoteGraph(loaded_endpoint.query_url).select("SELECT ?x WHERE { ?x ?p ?o }",
                                                      {"x": ox.BlankNode()})


# --- the union default graph -----------------------------------------------------------------------

def test_server_without_union_default_graph_is_queried_through_the_parameter(tmp_path, kg):
    with OxigraphServer(tmp_path, union=False) as server:
        assert partykg("load", "--endpoint", server.query_url).returncode == 0
        remote = RemoteGraph(server.query_url)
        q = "SELECT ?doc ?key WHERE { ?doc pk:codeKey ?key }"
        assert canonical(remote.select(q)) == canonical(kg.select(q))
        assert remote.union == "parameter"


def test_empty_endpoint_is_a_clear_error(oxigraph_server):
    with pytest.raises(EndpointDataError, match="partykg load"):
        RemoteGraph(oxigraph_server.query_url).select("SELECT * WHERE { ?s ?p ?o }")
    r = partykg("validate", "--no-shacl", "--endpoint", oxigraph_server.query_url)
    assert r.returncode == 2 and "holds no partykg graph" in r.stderr


# --- load: each graph replaced as a whole, all or nothing --------------------------------------------

def test_load_replaces_graphs_whole_drops_stale_ones_and_keeps_foreign_ones(oxigraph_server, kg):
    remote = RemoteGraph(oxigraph_server.query_url)
    src = BASE + "source/000_0fd8746924e7ab75"
    remote.update(f"""INSERT DATA {{
        GRAPH <{src}> {{ <urn:junk> <urn:junk> "left over" }}
        GRAPH <{BASE}source/gone> {{ <urn:gone> <urn:gone> "stale" }}
        GRAPH <urn:other:graph> {{ <urn:mine> <urn:mine> "not partykg's" }} }}""")
    r = partykg("load", "--endpoint", oxigraph_server.query_url)
    assert r.returncode == 0, r.stderr
    assert "removed 1 stale graph" in r.stdout
    graphs = set(remote.named_graphs())
    assert BASE + "source/gone" not in graphs and "urn:other:graph" in graphs
    assert not remote.ask("ASK { GRAPH ?g { <urn:junk> ?p ?o } }")
    assert remote.ask('ASK { GRAPH <urn:other:graph> { <urn:mine> ?p "not partykg\'s" } }')
    assert not any(g.startswith("urn:partykg:staging:") for g in graphs)
    n = remote.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                      f"FILTER(STRSTARTS(STR(?g), \"{BASE}\")) }}")[0]["n"]
    assert int(n.value) == len(kg.store)
    # loading again changes nothing
    before = content(remote)
    assert partykg("load", "--endpoint", oxigraph_server.query_url).returncode == 0
    assert {q[:3] + (q[3],) for q in content(remote) if "_:" not in "".join(q)} == \
        {q for q in before if "_:" not in "".join(q)}
    assert len(content(remote)) == len(before)


def _changed_project(project_copy: Path) -> Path:
    """The project with one more source graph and one source edited: a load of it differs."""
    src = project_copy / "graph" / "sources" / "000_0fd8746924e7ab75.trig"
    src.write_text(src.read_text(encoding="utf-8").replace("Secretariat", "Secretariat (edited)"),
                   encoding="utf-8")
    (project_copy / "graph" / "sources" / "zz-extra.trig").write_text(
        f'<{BASE}source/zz-extra> {{ <{BASE}doc/x> <{PK}note> "extra" . }}\n', encoding="utf-8")
    return project_copy


@pytest.mark.parametrize("where", ["third PUT", "switch"])
def test_failed_load_leaves_the_endpoint_as_it_was(where, oxigraph_server, project_copy):
    assert partykg("load", "--endpoint", oxigraph_server.query_url).returncode == 0
    remote = RemoteGraph(oxigraph_server.query_url)
    before = content(remote)
    changed = _changed_project(project_copy)

    def fail(method, path, body, n):
        if where == "third PUT":
            return method == "PUT" and n == 2
        return method == "POST" and path.startswith("/update") and b"MOVE" in body

    with failing_proxy(oxigraph_server.base, fail) as proxy:
        r = partykg("load", "--endpoint", proxy + "/query", root=changed)
    assert r.returncode == 2
    assert "load failed, the endpoint's partykg graphs were not changed" in r.stderr
    assert "injected failure" in r.stderr
    assert content(remote) == before  # staging graphs removed, nothing else touched
    # the same load without the failure does change the endpoint (the test can tell)
    assert partykg("load", "--endpoint", oxigraph_server.query_url, root=changed).returncode == 0
    after = content(remote)
    assert after != before and any("zz-extra" in q[3] for q in after)


def test_load_of_a_project_that_does_not_parse_sends_nothing(oxigraph_server, project_copy):
    assert partykg("load", "--endpoint", oxigraph_server.query_url).returncode == 0
    remote = RemoteGraph(oxigraph_server.query_url)
    before = content(remote)
    (project_copy / "graph" / "broken.trig").write_text("<http://e/g> {\n <http://e/a> \n}\n")
    r = partykg("load", "--endpoint", oxigraph_server.query_url, root=project_copy)
    assert r.returncode == 2 and "graph/broken.trig:" in r.stderr
    assert content(remote) == before


def test_leftover_staging_graphs_are_removed_by_the_next_load(oxigraph_server):
    remote = RemoteGraph(oxigraph_server.query_url)
    remote.update('INSERT DATA { GRAPH <urn:partykg:staging:dead:0> { <urn:a> <urn:b> "c" } }')
    assert partykg("load", "--endpoint", oxigraph_server.query_url).returncode == 0
    assert "urn:partykg:staging:dead:0" not in remote.named_graphs()


# --- endpoints that do not answer properly ------------------------------------------------------------

# No wall-clock budget here (the machine may be loaded): the endpoint's --timeout is far longer
# than the subprocess's own limit (300 s, a hang detector), so a command that waited for it
# would be stopped and fail; what it says and how many requests it made are checked instead.

def test_connection_refused_exits_2_at_once_not_after_the_timeout():
    url = f"http://127.0.0.1:{free_port()}/query"
    r = partykg("validate", "--no-shacl", "--endpoint", url, "--timeout", "3600")
    assert r.returncode == 2, r.stderr
    assert "connection refused" in r.stderr and "Traceback" not in r.stderr
    r = partykg("load", "--endpoint", url)
    assert r.returncode == 2 and "connection refused" in r.stderr


def test_silent_server_exits_2_at_the_timeout_after_one_request():
    accepted: list = []
    with silent_server(accepted) as url:
        r = partykg("validate", "--no-shacl", "--endpoint", url, "--timeout", "1.5")
        assert r.returncode == 2, r.stderr
        assert "no answer within 1.5 s" in r.stderr and "Traceback" not in r.stderr
        assert len(accepted) == 1  # gave up at the first request's timeout, no retries
        with pytest.raises(EndpointTimeout):
            RemoteGraph(url, timeout=0.5, union="endpoint").select("SELECT * WHERE { ?s ?p ?o }")


def test_http_500_exits_2_with_the_status_and_the_servers_words():
    with fixed_response_server(500, b"the disk is on fire", "text/plain") as url:
        r = partykg("validate", "--no-shacl", "--endpoint", url, "--timeout", "5")
        assert r.returncode == 2
        assert "HTTP 500" in r.stderr and "the disk is on fire" in r.stderr
        with pytest.raises(EndpointHTTPError) as e:
            RemoteGraph(url, union="endpoint").select("SELECT * WHERE { ?s ?p ?o }")
        assert e.value.status == 500


@pytest.mark.parametrize("body,ctype", [
    (b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": ', "application/sparql-results+json"),
    (b"<html><body>Welcome to our portal</body></html>", "text/html"),
    (b'{"head": {}, "boolean": "perhaps"}', "application/sparql-results+json"),
])
def test_malformed_results_exit_2(body, ctype):
    with fixed_response_server(200, body, ctype) as url:
        r = partykg("validate", "--no-shacl", "--endpoint", url, "--timeout", "5")
        assert r.returncode == 2, r.stdout
        assert "malformed" in r.stderr and "Traceback" not in r.stderr
        with pytest.raises(MalformedResults):
            RemoteGraph(url, union="endpoint").select("SELECT * WHERE { ?s ?p ?o }")
        with pytest.raises(MalformedResults):
            RemoteGraph(url, union="endpoint").construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


def test_rejected_query_is_a_query_error(loaded_endpoint):
    from partykg.store.embedded import QueryError

    with pytest.raises(QueryError, match="HTTP 400"):
        RemoteGraph(loaded_endpoint.query_url).select("SELECT ?x WHERE { ?x ?p }")


def test_bad_endpoint_urls_are_clear_errors():
    from partykg.errors import PartykgError

    for url in ("localhost:7878/query", "ftp://example.org/sparql", ""):
        with pytest.raises(PartykgError):
            RemoteGraph(url)
    with pytest.raises(EndpointUnreachable):
        RemoteGraph("http://nonexistent.invalid/query", timeout=5, union="endpoint").ask("ASK {}")


# --- serve -----------------------------------------------------------------------------------------

def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("with_store", [True, False])
def test_serve_answers_like_the_embedded_store_and_stops_cleanly(with_store, tmp_path, kg):
    args = [sys.executable, "-m", "partykg.cli.main", "serve", "--port", "0"]
    if with_store:
        store = tmp_path / "store"
        assert partykg("build", "--store", str(store)).returncode == 0
        args += ["--store", str(store)]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.match(r"SPARQL endpoint: (http://127\.0\.0\.1:(\d+)/query)", line)
        assert m, line + proc.stderr.read() if proc.poll() is not None else line
        url, port = m.group(1), int(m.group(2))
        remote = RemoteGraph(url)
        q = "SELECT ?doc ?key WHERE { ?doc pk:codeKey ?key }"
        assert canonical(remote.select(q)) == canonical(kg.select(q)) != []
        # read-only: loading into it fails without changing it
        r = partykg("load", "--endpoint", url, "--timeout", "10")
        assert r.returncode == 2 and "HTTP" in r.stderr
        where = re.search(r"quads from (\S+);", proc.stdout.readline())
        assert where, "serve says which store it serves"
        proc.send_signal(signal.SIGINT if with_store else signal.SIGTERM)
        assert proc.wait(20) == 0
        assert not _port_open(port)  # the Oxigraph child is gone too
        # the temporary store built without --store is removed; a given store is kept
        assert Path(where.group(1)).exists() == with_store
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_serve_on_a_folder_that_is_not_a_store_is_a_clear_error(tmp_path):
    r = partykg("serve", "--store", str(tmp_path), "--port", "0")
    assert r.returncode == 2 and "not a partykg store" in r.stderr


def test_load_from_a_built_store(oxigraph_server, tmp_path, kg):
    store = tmp_path / "store"
    assert partykg("build", "--store", str(store)).returncode == 0
    r = partykg("load", "--endpoint", oxigraph_server.query_url, "--store", str(store))
    assert r.returncode == 0, r.stderr
    remote = RemoteGraph(oxigraph_server.query_url)
    assert set(remote.named_graphs()) == {g.value for g in kg.store.named_graphs()}
    q = "SELECT ?doc ?key WHERE { ?doc pk:codeKey ?key }"
    assert canonical(remote.select(q)) == canonical(kg.select(q))


def test_serve_on_a_busy_port_is_a_clear_error(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        store = tmp_path / "store"
        assert partykg("build", "--store", str(store)).returncode == 0
        r = partykg("serve", "--store", str(store), "--port", str(port), timeout=60)
        assert r.returncode == 2 and f"port {port} on 127.0.0.1 is in use" in r.stderr, r.stderr
