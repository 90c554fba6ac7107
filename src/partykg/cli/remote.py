"""load (push the dataset to a SPARQL endpoint) and serve (a local read-only endpoint)."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from partykg.cli.common import EXIT_OK
from partykg.cli.common import add_credentials
from partykg.cli.common import progress


def register(sub) -> None:
    lo = sub.add_parser(
        "load", help="push the dataset to a SPARQL 1.1 endpoint (Oxigraph, Virtuoso...)",
        description="Replace, on the endpoint, each named graph of the dataset (one per source, "
                    "plus the ontology, curation and derived lookup keys) as a whole, and drop the "
                    "endpoint's partykg graphs that the dataset no longer has. The graphs are "
                    "staged first (a failure, Ctrl-C or SIGTERM removes the staging graphs; a "
                    "later load removes any left by a killed one), then switched: in one SPARQL "
                    "Update request, all or nothing on Oxigraph and Fuseki; on Virtuoso, which "
                    "stops a request at its time limit, in bounded requests. A switch that fails "
                    "half-way is detected and reported with how many graphs were replaced.",
        epilog="Virtuoso: partykg load --endpoint http://HOST:8890/sparql --user USER (with "
               "PARTYKG_ENDPOINT_PASSWORD set); USER needs the SPARQL_UPDATE role; partykg then "
               "writes through /sparql-auth (HTTP Digest) and never needs anonymous write.")
    lo.add_argument("--endpoint", metavar="URL", required=True,
                    help="the SPARQL query endpoint (e.g. http://localhost:7878/query, "
                         "http://localhost:8890/sparql)")
    lo.add_argument("--update-endpoint", metavar="URL", default=None,
                    help="SPARQL Update endpoint (default: .../update next to .../query; else "
                         "the endpoint itself, or .../sparql-auth on Virtuoso with credentials)")
    lo.add_argument("--graph-store", metavar="URL", default=None,
                    help="Graph Store Protocol endpoint (default: .../store next to .../query, "
                         "Oxigraph's layout; without one, the graphs are written with SPARQL "
                         "Update; Fuseki: http://HOST:3030/DATASET/data)")
    lo.add_argument("--timeout", metavar="SECONDS", type=float, default=120.0,
                    help="give up on a request after this long (default: 120; large graphs are "
                         "sent in chunks of PARTYKG_LOAD_CHUNK_MB, default 4)")
    lo.add_argument("--switch", choices=("auto", "one", "batches"), default="auto",
                    help="how the staged graphs are switched into place: 'one' update request "
                         "(all or nothing where the engine applies a request atomically), "
                         "'batches' of bounded requests (each within an endpoint's time limit), "
                         "'auto' (default): batches on Virtuoso, one request elsewhere")
    add_credentials(lo)
    lo.add_argument("--store", metavar="DIR", default=None,
                    help="push this on-disk store (built by 'partykg build --store DIR') "
                         "instead of loading the project's files")
    lo.set_defaults(func=cmd_load)

    se = sub.add_parser(
        "serve", help="serve the graph as a local read-only SPARQL endpoint (Oxigraph)",
        description="Start the Oxigraph server (from the 'oxigraph' Python package) read-only on "
                    "the built store, with the union of the named graphs as default graph, print "
                    "its query URL and run until Ctrl-C. Without --store, the project's files are "
                    "built into a temporary store first.")
    se.add_argument("--store", metavar="DIR", default=None,
                    help="the on-disk store built by 'partykg build --store DIR'")
    se.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0: any free port)")
    se.add_argument("--bind", metavar="HOST", default="127.0.0.1",
                    help="address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)")
    se.add_argument("--cors", action="store_true", help="allow cross-origin requests")
    se.set_defaults(func=cmd_serve)


def cmd_load(args: argparse.Namespace) -> int:
    from partykg.store.embedded import KnowledgeGraph
    from partykg.store.load import push
    from partykg.store.remote import RemoteGraph

    remote = RemoteGraph(args.endpoint, update_endpoint=args.update_endpoint,
                         timeout=args.timeout, graph_store=args.graph_store,
                         user=args.user, password=args.password)
    # Everything local first: a file that does not parse stops here, before any request.
    kg = KnowledgeGraph.open(args.store) if args.store else \
        KnowledgeGraph.load(args.root, progress=progress(args))
    t0 = time.perf_counter()

    def on_term(signum, frame):  # SIGTERM cleans up like Ctrl-C
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        report = push(remote, kg.store, progress=progress(args),
                      warn=lambda msg: print(f"partykg: note: {msg}", file=sys.stderr),
                      switch=args.switch)
    except KeyboardInterrupt as e:
        why = f"; {e.args[0]}" if e.args else \
            "; the staging graphs were removed and the partykg graphs left as they were"
        print(f"partykg: load interrupted{why}", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    removed = f"; removed {len(report.removed)} stale graph(s)" if report.removed else ""
    leftovers = (f"; removed {len(report.leftovers)} staging graph(s) of an earlier load"
                 if report.leftovers else "")
    switched = (f"; switched in {report.switch_requests} requests"
                if report.switch_requests > 1 else "")
    print(f"loaded {report.graphs} graphs ({report.triples} triples, {report.requests} upload "
          f"requests) into {remote.endpoint} "
          f"in {time.perf_counter() - t0:.1f}s{switched}{removed}{leftovers}")
    return EXIT_OK


# --- serve ---------------------------------------------------------------------------------------

def oxigraph_binary() -> str:
    """The `oxigraph` server binary: next to this Python (the venv's bin/) or on PATH."""
    from partykg.errors import PartykgError

    exe = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    here = Path(sys.executable).parent / exe
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise PartykgError("the Oxigraph server is not installed: 'pip install oxigraph' "
                       "(it provides the 'oxigraph' command)")


def _free_port(host: str) -> int:
    from partykg.errors import PartykgError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as s:
        try:
            s.bind((host, 0))
        except OSError as e:
            raise PartykgError(f"cannot listen on {host}: {e.strerror or e}") from None
        return s.getsockname()[1]


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: the server gets SIGTERM if partykg dies without stopping it (e.g. SIGKILL)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort, other systems
        pass


def _port_free(host: str, port: int) -> bool:
    import errno

    from partykg.errors import PartykgError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as s:
        try:
            s.bind((host, port))
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                return False
            raise PartykgError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    return True


def _wait_until_answering(proc: subprocess.Popen, url: str, timeout: float) -> bool:
    """True once our child answers a SPARQL query (not merely: something listens)."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    probe = url + "?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(probe, timeout=1) as r:
                if r.status == 200:
                    return proc.poll() is None
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    return False


def _log_summary(path: Path) -> str:
    """The Oxigraph server's own error, without its Rust backtrace."""
    text = path.read_text(errors="replace").split("Stack backtrace", 1)[0]
    return " ".join(text.split())[-400:]


def _stop(proc: subprocess.Popen) -> int | None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    return proc.returncode


def cmd_serve(args: argparse.Namespace) -> int:
    from partykg.errors import PartykgError
    from partykg.store.embedded import KnowledgeGraph

    binary = oxigraph_binary()
    if args.port < 0 or args.port > 65535:
        raise PartykgError(f"--port must be between 0 and 65535, not {args.port}")
    tmp = Path(tempfile.mkdtemp(prefix="partykg-serve-"))
    proc: subprocess.Popen | None = None
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum, frame):  # stop cleanly on SIGTERM too
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, on_term)
        # the address first: a busy port is a clear error before any work
        port = args.port or _free_port(args.bind)
        if not _port_free(args.bind, port):
            raise PartykgError(f"port {port} on {args.bind} is in use: choose another with "
                               "--port N (or --port 0 for any free port)")
        if args.store:
            location = Path(args.store).resolve()
            kg = KnowledgeGraph.open(location)  # a clear error when it is not a store
            nquads = kg.report.quads
            del kg
        else:
            kg = KnowledgeGraph.load(args.root, progress=progress(args))
            nquads = kg.report.quads
            location = kg.save(tmp / "store", progress=progress(args))
            del kg
        cmd = [binary, "serve-read-only", "--location", str(location),
               "--bind", f"[{args.bind}]:{port}" if ":" in args.bind else f"{args.bind}:{port}",
               "--union-default-graph"]
        if args.cors:
            cmd.append("--cors")
        log_path = tmp / "oxigraph.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT,
                                    preexec_fn=_die_with_parent if os.name == "posix" else None)
        url = f"http://{_url_host(args.bind)}:{port}/query"
        if not _wait_until_answering(proc, url, timeout=120):
            _stop(proc)
            out = _log_summary(log_path)
            raise PartykgError(f"the Oxigraph server did not start on {args.bind}:{port}"
                               + (f": {out}" if out else ""))
        print(f"SPARQL endpoint: {url}", flush=True)
        print(f"  read-only, {nquads} quads from {location}; the default graph is the union of "
              "the named graphs", flush=True)
        print(f"  e.g. partykg ask --endpoint {url} \"What replaces Directive 51?\"   "
              "(Ctrl-C stops the server)", flush=True)
        code = proc.wait()
        if code not in (0, None) and code != -signal.SIGINT:
            raise PartykgError(f"the Oxigraph server stopped (exit code {code}): "
                               f"{_log_summary(log_path)}")
        return EXIT_OK
    except KeyboardInterrupt:
        print("stopping the server", file=sys.stderr)
        return EXIT_OK
    finally:
        if proc is not None:
            _stop(proc)
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(tmp, ignore_errors=True)
