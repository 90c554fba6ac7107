"""Subcommands of ``partykg``, one module per group. Each module has ``register(subparsers)``
and imports nothing heavy at load time (rdflib, networkx and pyvis are imported inside the
functions that need them), so that starting the command stays cheap.

Shared here: exit codes, progress on stderr, and the options that choose where the graph comes
from (``--store`` / ``--endpoint``), with :func:`open_graph` to open it.
"""

from __future__ import annotations

import argparse
import sys
import time

EXIT_OK, EXIT_INVALID, EXIT_ERROR, EXIT_UNSUPPORTED = 0, 1, 2, 2


def progress(args: argparse.Namespace):
    """A progress callback printing to stderr with -v, else None."""
    if not getattr(args, "verbose", False):
        return None
    return lambda msg: print(f"  {msg}", file=sys.stderr)


def add_backend_options(p: argparse.ArgumentParser, remote: bool = True) -> None:
    """--store DIR (an on-disk store built by `partykg build --store DIR`) and, when ``remote``,
    --endpoint URL / --update-endpoint URL / --timeout SECONDS (any SPARQL 1.1 endpoint)."""
    g = p.add_argument_group("where the graph comes from (default: load the project's files "
                             "into memory)")
    g.add_argument("--store", metavar="DIR", default=None,
                   help="open the on-disk store built by 'partykg build --store DIR'")
    if remote:
        g.add_argument("--endpoint", metavar="URL", default=None,
                       help="query this SPARQL 1.1 endpoint instead of the embedded store")
        g.add_argument("--update-endpoint", metavar="URL", default=None,
                       help="SPARQL 1.1 Update / Graph Store endpoint, when it differs from "
                            "--endpoint")
        g.add_argument("--timeout", metavar="SECONDS", type=float, default=30.0,
                       help="give up on the endpoint after this long (default: 30)")
        add_credentials(g)


def add_credentials(p) -> None:
    """--user/--password for an endpoint that asks for them (HTTP Digest or Basic)."""
    p.add_argument("--user", metavar="NAME", default=None,
                   help="user for an endpoint that asks for one (default: $PARTYKG_ENDPOINT_USER "
                        "or the URL's USER@)")
    p.add_argument("--password", metavar="SECRET", default=None,
                   help="its password (better: $PARTYKG_ENDPOINT_PASSWORD, which other users "
                        "of the machine cannot see in the process list)")


def open_graph(args: argparse.Namespace):
    """The graph the command works on: a remote endpoint (--endpoint), an on-disk store
    (--store), or the project's files loaded into memory. Every one of them answers
    ``select(query, bindings)`` and ``construct(query, bindings)``."""
    if getattr(args, "endpoint", None):
        from partykg.store.remote import RemoteGraph

        return RemoteGraph(args.endpoint, update_endpoint=args.update_endpoint,
                           timeout=args.timeout, root=getattr(args, "root", None),
                           user=getattr(args, "user", None),
                           password=getattr(args, "password", None))
    from partykg.store.embedded import KnowledgeGraph

    t0 = time.perf_counter()
    if getattr(args, "store", None):
        kg = KnowledgeGraph.open(args.store)
    else:
        kg = KnowledgeGraph.load(args.root, progress=progress(args))
    if getattr(args, "verbose", False):
        print(f"opened the graph in {time.perf_counter() - t0:.2f}s", file=sys.stderr)
    return kg
