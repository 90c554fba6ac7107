"""Test servers: a real Oxigraph SPARQL server (the ``oxigraph`` binary of the ``oxigraph`` PyPI
package) on 127.0.0.1, and tiny misbehaving HTTP servers. Reusable by any test module::

    from servers import OxigraphServer, oxigraph_server, loaded_endpoint  # noqa: F401

* ``OxigraphServer(tmp_dir, union=True, read_only_store=None)``: a context manager; ``.query_url``,
  ``.update_url``, ``.store_url``; the process is owned (its PID) and stopped in ``stop()``.
* ``oxigraph_server``: an empty read-write server for one test.
* ``loaded_endpoint``: one server per test module holding the project's graph, loaded with
  ``partykg load`` (the union default graph is on, as ``partykg serve`` does).
* ``silent_server()``, ``fixed_response_server(status, body, content_type)``: context managers
  yielding a URL whose server accepts connections and never answers, or always answers the same.
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[1]


def oxigraph_binary() -> str:
    for cand in (Path(sys.executable).parent / "oxigraph", shutil.which("oxigraph")):
        if cand and Path(cand).is_file():
            return str(cand)
    pytest.fail("the oxigraph server binary is not installed: it is a dependency of partykg "
                "(pip install oxigraph)")
    raise AssertionError  # unreachable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen | None = None, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        with socket.socket() as s:
            s.settimeout(0.2)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


class ServerProcess:
    """A server process on 127.0.0.1 that the tests own (its PID): started by :meth:`spawn`,
    stopped by :meth:`stop` (SIGTERM, then SIGKILL after ``stop_wait`` seconds), a context
    manager. Subclasses define ``start()``."""

    stop_wait = 10

    def __init__(self):
        self.proc: subprocess.Popen | None = None
        self.log = None
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def spawn(self, cmd: list[str], log: Path, cwd: Path | None = None,
              ready: Callable[[], None] = lambda: None) -> None:
        """Start ``cmd`` (output to ``log``), then call ``ready()`` (it raises if the server does
        not come up); on any error the process is stopped before the error goes on."""
        self.log = open(log, "wb")
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            ready()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(self.stop_wait)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None
        if self.log is not None:
            self.log.close()
            self.log = None

    def start(self):
        raise NotImplementedError

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class OxigraphServer(ServerProcess):
    """``oxigraph serve`` (or ``serve-read-only`` on an existing store) on a free local port."""

    def __init__(self, tmp_dir: Path, union: bool = True, read_only_store: Path | None = None):
        super().__init__()
        self.tmp_dir = Path(tmp_dir)
        self.union = union
        self.read_only_store = read_only_store

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    @property
    def store_url(self) -> str:
        return self.base + "/store"

    def start(self) -> "OxigraphServer":
        self.port = free_port()
        if self.read_only_store is not None:
            cmd = [oxigraph_binary(), "serve-read-only", "--location", str(self.read_only_store)]
        else:
            loc = self.tmp_dir / f"oxigraph-{self.port}"
            cmd = [oxigraph_binary(), "serve", "--location", str(loc)]
        cmd += ["--bind", f"127.0.0.1:{self.port}"]
        if self.union:
            cmd.append("--union-default-graph")
        self.spawn(cmd, self.tmp_dir / f"oxigraph-{self.port}.log",
                   ready=lambda: wait_for_port(self.port, self.proc))
        return self


def partykg(*args: str, root: Path | None = None, timeout: float = 300,
            env: dict[str, str] | None = None):
    """Run the partykg command in a subprocess (``env``: variables added to the environment)."""
    import os

    cmd = [sys.executable, "-m", "partykg.cli.main"]
    if root is not None:
        cmd += ["--root", str(root)]
    full = None
    if env is not None:
        full = {k: v for k, v in os.environ.items() if not k.startswith("PARTYKG_ENDPOINT_")}
        full.update(env)
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, env=full)


@pytest.fixture()
def oxigraph_server(tmp_path):
    """An empty read-write Oxigraph server (union default graph on), stopped after the test."""
    with OxigraphServer(tmp_path) as server:
        yield server


@pytest.fixture(scope="session")
def oxigraph_loaded(tmp_path_factory):
    """One Oxigraph server for the whole session, holding the project's graph (`partykg load`)."""
    tmp = tmp_path_factory.mktemp("oxigraph-session")
    with OxigraphServer(tmp) as server:
        r = partykg("load", "--endpoint", server.query_url)
        assert r.returncode == 0, r.stdout + r.stderr
        yield server


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """One private Virtuoso for the whole session, holding the project's graph, loaded with
    `partykg load` through /sparql-auth with the user's credentials (never anonymous write).
    Tests that change it reload the project when they end (``virtuoso_scratch``)."""
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-session"))
    with server:
        load_into_virtuoso(server)
        yield server


def virtuoso_env() -> dict[str, str]:
    return {"PARTYKG_ENDPOINT_USER": VIRTUOSO_USER, "PARTYKG_ENDPOINT_PASSWORD": VIRTUOSO_PASSWORD}


def load_into_virtuoso(server: "VirtuosoServer", root: Path | None = None):
    r = partykg("load", "--endpoint", server.query_url, root=root, env=virtuoso_env())
    assert r.returncode == 0, r.stdout + r.stderr
    return r


@pytest.fixture()
def virtuoso_scratch(virtuoso):
    """The session's Virtuoso for a test that changes it; the project is loaded again after."""
    yield virtuoso
    load_into_virtuoso(virtuoso)


@pytest.fixture(scope="module")
def loaded_endpoint(tmp_path_factory):
    """An Oxigraph server holding the project's graph, loaded with `partykg load`."""
    tmp = tmp_path_factory.mktemp("endpoint")
    with OxigraphServer(tmp) as server:
        r = partykg("load", "--endpoint", server.query_url)
        assert r.returncode == 0, r.stdout + r.stderr
        yield server


# --- misbehaving servers -----------------------------------------------------------------------

@contextlib.contextmanager
def silent_server(accepted: list | None = None):
    """A socket that accepts connections and never answers. Yields its URL; ``accepted``, when
    given, gets every connection it accepted (to count the client's requests)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    conns: list[socket.socket] = accepted if accepted is not None else []
    stop = threading.Event()

    def accept():
        sock.settimeout(0.1)
        while not stop.is_set():
            try:
                conns.append(sock.accept()[0])
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/query"
    finally:
        stop.set()
        t.join(2)
        for c in conns:
            c.close()
        sock.close()


class _Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@contextlib.contextmanager
def _serving(handler: type[http.server.BaseHTTPRequestHandler]):
    """An in-process HTTP server with ``handler`` on a free local port, in a daemon thread;
    yields its base URL and shuts it down after."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def fixed_response_server(status: int, body: bytes, content_type: str,
                          headers: dict[str, str] | None = None):
    """An HTTP server answering every request with the same status, body, content type and
    ``headers``. Yields its URL; ``.requests`` on the yielded handler class counts the requests."""

    class Handler(_Quiet):
        requests = 0

        def _answer(self):
            Handler.requests += 1
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

    with _serving(Handler) as base:
        yield base + "/query"


@contextlib.contextmanager
def failing_proxy(upstream: str, fail):
    """An HTTP proxy to ``upstream`` (e.g. ``http://127.0.0.1:7878``) that answers HTTP 500
    instead of forwarding when ``fail(method, path, body, n)`` is true (``n``: how many requests
    with that method came before; a ``str`` verdict is the 500 answer's text). Yields the proxy's
    base URL."""
    import urllib.error
    import urllib.request

    counts: dict[str, int] = {}
    lock = threading.Lock()

    class Handler(_Quiet):
        def _forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            with lock:
                n = counts.get(self.command, 0)
                counts[self.command] = n + 1
            verdict = fail(self.command, self.path, body or b"", n)
            if isinstance(verdict, bytes):  # forward this body instead
                body, verdict = verdict, False
            if verdict:
                msg = verdict.encode() if isinstance(verdict, str) else b"injected failure"
                self.send_response(500)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(msg)))
                self.end_headers()
                self.wfile.write(msg)
                return
            req = urllib.request.Request(upstream + self.path, data=body, method=self.command)
            for h in ("Content-Type", "Accept", "Authorization"):
                if self.headers.get(h):
                    req.add_header(h, self.headers[h])
            extra = {}
            try:
                with urllib.request.urlopen(req, timeout=60) as resp:
                    status, data, ctype = resp.status, resp.read(), resp.headers.get("Content-Type")
                    extra = {"Server": resp.headers.get("Server", "")}
            except urllib.error.HTTPError as e:
                status, data, ctype = e.code, e.read(), e.headers.get("Content-Type")
                extra = {"WWW-Authenticate": e.headers.get("WWW-Authenticate", ""),
                         "Server": e.headers.get("Server", "")}
            self.send_response(status)
            for k, v in extra.items():
                if v:
                    self.send_header(k, v)
            if ctype:
                self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _forward

    with _serving(Handler) as base:
        yield base


# --- a private Virtuoso (Debian's virtuoso-opensource 7.2) ------------------------------------------

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
# a new database takes 15 s to start on a quiet machine, over 120 s on this shared one when busy
# (load average 13): a server stopped while it starts fails every Virtuoso test of the session
STARTUP_SECONDS = 600
VIRTUOSO_USER, VIRTUOSO_PASSWORD = "partykg", "load-secret"


def virtuoso_binaries() -> tuple[str, str] | None:
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if exe and isql and VIRTUOSO_INI.is_file():
        return exe, isql
    return None


def need_virtuoso() -> tuple[str, str]:
    """The Virtuoso binaries; in CI (CI=true) a missing Virtuoso fails, elsewhere it skips."""
    import os

    found = virtuoso_binaries()
    if found:
        return found
    msg = ("Virtuoso is not installed (Debian's 'virtuoso-opensource'; 'bash scripts/setup "
           "--test' installs it as root)")
    if os.environ.get("CI") == "true":
        pytest.fail(msg)
    pytest.skip(msg)
    raise AssertionError  # unreachable


def _ini_with(text: str, settings: dict[tuple[str, str], str | None]) -> str:
    """``text`` (a virtuoso.ini) with ``settings[(section, key)]`` replacing each key's value
    (every occurrence in its section); keys the file lacks are added to their section."""
    import re

    out: list[str] = []
    section = ""
    seen: set[tuple[str, str]] = set()

    def flush_missing(sec: str):
        for (s, k), v in settings.items():
            if s == sec and (s, k) not in seen and v is not None:
                out.append(f"{k} = {v}")
                seen.add((s, k))

    for line in text.splitlines():
        m = re.match(r"\s*\[(.+)\]\s*$", line)
        if m:
            flush_missing(section)
            section = m.group(1)
            out.append(line)
            continue
        m = re.match(r"\s*([A-Za-z_0-9]+)\s*=", line)
        if m and (section, m.group(1)) in settings:
            value = settings[(section, m.group(1))]
            if value is not None:  # None: the key is removed
                out.append(f"{m.group(1)} = {value}")
            seen.add((section, m.group(1)))
            continue
        out.append(line)
    flush_missing(section)
    return "\n".join(out) + "\n"


class VirtuosoServer(ServerProcess):
    """A private Virtuoso 7.2 instance: its own database folder, ``virtuoso.ini`` copied from
    Debian's with loopback ports and ``DirsAllowed`` limited to that folder, started in the
    foreground (``virtuoso-t -f``, its PID owned and stopped here). ``setup()`` creates the user
    ``partykg`` with SPARQL_UPDATE (the writer behind ``/sparql-auth``); anonymous ``/sparql``
    stays read-only."""

    stop_wait = 30

    def __init__(self, tmp_dir: Path, max_rows: int = 1_000_000):
        super().__init__()
        self.dir = Path(tmp_dir) / "virtuoso"
        self.max_rows = max_rows  # [SPARQL] ResultSetMaxRows: longer answers are cut
        self.sql_port = 0

    @property
    def query_url(self) -> str:
        return self.base + "/sparql"

    @property
    def auth_url(self) -> str:
        return self.base + "/sparql-auth"

    def start(self) -> "VirtuosoServer":
        exe, self.isql_binary = need_virtuoso()
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port, self.sql_port = free_port(), free_port()
        d = str(self.dir)
        ini = _ini_with(VIRTUOSO_INI.read_text(), {
            ("Database", "DatabaseFile"): f"{d}/virtuoso.db",
            ("Database", "ErrorLogFile"): f"{d}/virtuoso.log",
            ("Database", "LockFile"): f"{d}/virtuoso.lck",
            ("Database", "TransactionFile"): f"{d}/virtuoso.trx",
            ("Database", "xa_persistent_file"): f"{d}/virtuoso.pxa",
            ("TempDatabase", "DatabaseFile"): f"{d}/virtuoso-temp.db",
            ("TempDatabase", "TransactionFile"): f"{d}/virtuoso-temp.trx",
            ("Parameters", "ServerPort"): f"127.0.0.1:{self.sql_port}",
            ("Parameters", "DirsAllowed"): f"{d}",
            ("Parameters", "NumberOfBuffers"): "40000",
            ("Parameters", "MaxDirtyBuffers"): "30000",
            ("HTTPServer", "ServerPort"): f"127.0.0.1:{self.port}",
            ("URIQA", "DefaultHost"): f"127.0.0.1:{self.port}",
            ("SPARQL", "ResultSetMaxRows"): str(self.max_rows),
            # no hosting plugins (wiki, mediawiki...): not needed, and quicker to start
            ("Plugins", "Load1"): None, ("Plugins", "Load2"): None, ("Plugins", "Load3"): None,
            ("Plugins", "Load5"): None,
        })
        (self.dir / "virtuoso.ini").write_text(ini)

        def ready():
            self._wait_online(timeout=STARTUP_SECONDS)
            self._wait_answering()
            self.isql(f"DB.DBA.USER_CREATE('{VIRTUOSO_USER}', '{VIRTUOSO_PASSWORD}');",
                      f"GRANT SPARQL_UPDATE TO \"{VIRTUOSO_USER}\";")

        self.spawn([exe, "-f", "-c", str(self.dir / "virtuoso.ini")], self.dir / "stdout.log",
                   cwd=self.dir, ready=ready)
        return self

    @contextlib.contextmanager
    def row_limit(self, rows: int):
        """Virtuoso's ResultSetMaxRows set to ``rows`` for the ``with`` block (the SPARQL
        endpoint reads virtuoso.ini on each request), then back."""
        ini = self.dir / "virtuoso.ini"
        text = ini.read_text()
        ini.write_text(_ini_with(text, {("SPARQL", "ResultSetMaxRows"): str(rows)}))
        try:
            yield
        finally:
            ini.write_text(text)

    def _wait_online(self, timeout: float) -> None:
        """Until this server's own log says its HTTP server is online on its port. Not "something
        listens on the port": the port was free when chosen, but another process (another test
        session's Virtuoso) may take it before this one, which then exits ("Failed HTTP listen"),
        and the tests would talk to the other server."""
        log = self.dir / "virtuoso.log"
        online = f"HTTP/WebDAV server online at 127.0.0.1:{self.port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = log.read_text(errors="replace") if log.exists() else ""
            if online in text:
                return
            if "Failed HTTP listen" in text or self.proc.poll() is not None:
                raise RuntimeError("Virtuoso did not start: " + text[-800:])
            time.sleep(0.2)
        raise RuntimeError(f"Virtuoso did not start within {timeout:g} s (is the machine very "
                           "busy?): " + (log.read_text(errors="replace")[-400:] if log.exists() else ""))

    def _wait_answering(self, timeout: float = STARTUP_SECONDS) -> None:
        import urllib.request

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        log = (self.dir / "virtuoso.log")
        raise RuntimeError("Virtuoso did not answer: "
                           + (log.read_text(errors="replace")[-800:] if log.exists() else ""))

    def isql(self, *statements: str) -> str:
        """Run SQL statements as dba through isql-vt; raises on an error."""
        script = "\n".join(statements) + "\n"
        r = subprocess.run([self.isql_binary, str(self.sql_port), "dba", "dba"], input=script,
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0 or "*** Error" in r.stdout:
            raise RuntimeError(f"isql-vt: {r.stdout[-800:]} {r.stderr[-400:]}")
        return r.stdout



@contextlib.contextmanager
def fake_sparql_server(mode: str):
    """A SPARQL endpoint that answers every ASK ``true`` and every SELECT with, for ``mode``
    "literals", one row binding each projected variable to the literal "x", or for "empty", no
    row at all. Yields its query URL."""
    import json
    import re
    import urllib.parse

    class Handler(_Quiet):
        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            query = urllib.parse.parse_qs(body).get("query", [""])[0] or \
                urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("query", [""])[0]
            text = re.sub(r"(?i)PREFIX\s+\S*\s*<[^>]*>", "", query)
            text = re.sub(r"(?m)#.*$", "", text)
            if re.match(r"(?is)\s*ASK\b", text):
                out = {"head": {}, "boolean": True}
            else:
                m = re.search(r"(?is)SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s*(WHERE\b|\{)", text)
                head = m.group(1) if m else "*"
                names = re.findall(r"AS\s+\?(\w+)", head) or re.findall(r"\?(\w+)", head) or ["x"]
                rows = [] if mode == "empty" else \
                    [{n: {"type": "literal", "value": "x"} for n in names}]
                out = {"head": {"vars": names}, "results": {"bindings": rows}}
            data = json.dumps(out).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer

    with _serving(Handler) as base:
        yield base + "/query"


@contextlib.contextmanager
def endless_server():
    """An endpoint that answers 200 with an endless body (no Content-Length). Yields its URL;
    ``sent`` in the yielded dict counts the bytes written."""
    sent = {"bytes": 0}

    class Handler(_Quiet):
        protocol_version = "HTTP/1.0"

        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            chunk = b" " * (1 << 20)
            try:
                self.wfile.write(b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
                while sent["bytes"] < (4 << 30):
                    self.wfile.write(chunk)
                    sent["bytes"] += len(chunk)
            except OSError:
                pass

        do_GET = do_POST = _answer

    with _serving(Handler) as base:
        yield base + "/query", sent
