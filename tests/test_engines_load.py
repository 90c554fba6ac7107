"""`partykg load` on both engines when it fails or is stopped: a failed, interrupted or killed load
changes no partykg graph, leaves no staging graph in the union default graph (or the next load
removes it), and where the engine cannot promise all or nothing (Virtuoso applies one update
request statement by statement) partykg detects it and says so."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import urllib.parse

import pytest

from conftest import ROOT
from servers import OxigraphServer, failing_proxy, partykg, virtuoso_env

from partykg.store.load import STAGING
from partykg.store.remote import RemoteGraph


@pytest.fixture(params=["oxigraph", "virtuoso"])
def scratch(request, tmp_path):
    """(engine, server, env, path of its query URL) holding the project, free to change."""
    if request.param == "oxigraph":
        with OxigraphServer(tmp_path) as server:
            assert partykg("load", "--endpoint", server.query_url).returncode == 0
            yield "oxigraph", server, {}, "/query"
    else:
        yield "virtuoso", request.getfixturevalue("virtuoso_scratch"), virtuoso_env(), "/sparql"


def partykg_graphs(url: str) -> dict[str, int]:
    """Each partykg graph and its number of triples (blank node labels differ per request)."""
    rows = RemoteGraph(url).select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(STRSTARTS(STR(?g), \"https://w3id.org/partykg/id/\")) } GROUP BY ?g")
    return {r["g"].value: int(r["n"].value) for r in rows}


def staging_graphs(url: str) -> list[str]:
    return [g for g in RemoteGraph(url).named_graphs() if g.startswith(STAGING)]


def changed_project(project_copy):
    """The project with one source graph gone and one more: a load of it differs."""
    (project_copy / "graph" / "sources" / "004_025367ae8a8c0095.trig").unlink()
    (project_copy / "graph" / "sources" / "zz-extra.trig").write_text(
        "<https://w3id.org/partykg/id/source/zz-extra> { <https://w3id.org/partykg/id/doc/x> "
        "<https://w3id.org/partykg/ontology#note> \"extra\" . }\n", encoding="utf-8")
    return project_copy


def _writes(body: bytes) -> bool:
    text = urllib.parse.unquote_plus(body.decode("utf-8", "replace"))
    return "INSERT" in text or STAGING in text


def test_failed_upload_leaves_partykg_graphs_unchanged_on_each_engine(scratch, project_copy):
    name, server, env, path = scratch
    before = partykg_graphs(server.query_url)
    count = {"n": 0}

    def fail(method, _path, body, _n):
        if method in ("PUT", "POST") and (method == "PUT" or _writes(body)):
            count["n"] += 1
            return count["n"] == 3
        return False

    with failing_proxy(server.base, fail) as proxy:
        r = partykg("load", "--endpoint", proxy + path, root=changed_project(project_copy),
                    env=env)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "the endpoint's partykg graphs were not changed" in r.stderr, r.stderr
    assert "injected failure" in r.stderr
    assert partykg_graphs(server.query_url) == before
    assert staging_graphs(server.query_url) == []


def test_switch_failing_half_way_is_all_or_nothing_or_said(scratch, project_copy):
    """The switch request with a failing statement after its MOVEs, before its DROPs: Oxigraph
    applies none of it; Virtuoso applies the MOVEs, not the DROPs, and partykg says so."""
    name, server, env, path = scratch
    before = partykg_graphs(server.query_url)

    def sabotage(method, _path, body, _n):
        if method != "POST" or b"update=" not in body:
            return False
        form = urllib.parse.parse_qs(body.decode())
        text = form["update"][0]
        if "MOVE GRAPH" not in text:
            return False
        ops = text.split(" ;\n")
        last = max(i for i, op in enumerate(ops) if "MOVE GRAPH" in op)
        ops.insert(last + 1, "LOAD <http://127.0.0.1:9/nothing> INTO GRAPH <urn:partykg:fail>")
        form["update"] = [" ;\n".join(ops)]
        return urllib.parse.urlencode({k: v[0] for k, v in form.items()}).encode()

    with failing_proxy(server.base, sabotage) as proxy:
        r = partykg("load", "--endpoint", proxy + path, root=changed_project(project_copy),
                    env=env)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 2  # the Virtuoso note, then the error
    after = partykg_graphs(server.query_url)
    if name == "oxigraph":
        assert "were not changed" in r.stderr, r.stderr
        assert after == before
    else:
        assert "half-way through the switch" in r.stderr, r.stderr
        assert "run 'partykg load' again" in r.stderr
        assert after != before  # what Virtuoso did, and partykg said
    assert staging_graphs(server.query_url) == []
    # loading again repairs it
    assert partykg("load", "--endpoint", server.query_url, env=env).returncode == 0
    assert partykg_graphs(server.query_url) == before


class Held:
    """A load whose third upload a proxy holds (see :func:`_load_held`)."""

    def __init__(self):
        self.held = threading.Event()  # the third upload reached the proxy
        self.release = threading.Event()  # the test is done with it
        self.done = threading.Event()  # the proxy answered it


def _load_held(server, path, env, root=None):
    """Start `partykg load` through a proxy that holds the third upload until ``release`` is set
    (60 s at most), then answers it with an error: a held upload is never forwarded. (It once
    was, 60 s later: after its test had ended, the upload of a load long killed or interrupted
    wrote a staging graph into the session's Virtuoso, seen by every query of the union default
    graph after.) Returns the process, the :class:`Held` state and the proxy."""
    state = Held()
    count = {"n": 0}

    def hold(method, _path, body, _n):
        if method in ("PUT", "POST") and (method == "PUT" or _writes(body)):
            count["n"] += 1
            if count["n"] == 3:
                state.held.set()
                state.release.wait(60)
                state.done.set()
                return True
        return False

    proxy = failing_proxy(server.base, hold)
    url = proxy.__enter__()
    import os

    full = {k: v for k, v in os.environ.items() if not k.startswith("PARTYKG_ENDPOINT_")}
    full.update(env)
    cmd = [sys.executable, "-m", "partykg.cli.main"]
    if root is not None:
        cmd += ["--root", str(root)]
    proc = subprocess.Popen([*cmd, "load", "--endpoint", url + path, "--timeout", "120"],
                            cwd=ROOT, env=full, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    return proc, state, proxy


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_interrupted_load_removes_its_staging_graphs(sig, scratch, project_copy):
    name, server, env, path = scratch
    before = partykg_graphs(server.query_url)
    proc, state, proxy = _load_held(server, path, env, root=changed_project(project_copy))
    try:
        assert state.held.wait(120), "the load reached its third upload"
        assert staging_graphs(server.query_url), "two graphs are staged while it runs"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        state.release.set()
        proxy.__exit__(None, None, None)
    assert proc.returncode == 130, err
    assert "load interrupted" in err and "Traceback" not in err
    assert staging_graphs(server.query_url) == []
    assert partykg_graphs(server.query_url) == before


def test_killed_load_changes_nothing_and_the_next_load_removes_its_staging_graphs(
        scratch, project_copy):
    name, server, env, path = scratch
    before = partykg_graphs(server.query_url)
    proc, state, proxy = _load_held(server, path, env, root=changed_project(project_copy))
    try:
        assert state.held.wait(120)
        proc.kill()  # SIGKILL: no clean-up possible
        proc.wait(30)
        left = staging_graphs(server.query_url)
        assert left, "a killed load leaves its staging graphs"
        assert partykg_graphs(server.query_url) == before  # no partykg graph changed
        r = partykg("load", "--endpoint", server.query_url, env=env)
        assert r.returncode == 0, r.stderr
        assert f"removed {len(left)} staging graph(s) of an earlier load" in r.stdout
    finally:
        state.release.set()  # the killed load's held upload, after the next load: still nothing
        assert state.done.wait(30)
        proxy.__exit__(None, None, None)
    assert staging_graphs(server.query_url) == []
    assert partykg_graphs(server.query_url) == before
