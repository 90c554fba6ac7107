"""Subcommands of ``partykg``, one module per group. Each module has ``register(subparsers)``
and imports nothing heavy at load time (rdflib, networkx and pyvis are imported inside the
functions that need them), so that starting the command stays cheap.

Shared here: exit codes, progress on stderr, and the options that choose where the graph comes
from (``--store`` / ``--endpoint``), with :func:`open_graph` to open it.
"""

from __future__ import annotations

import sys

EXIT_OK, EXIT_INVALID, EXIT_ERROR, EXIT_UNSUPPORTED = 0, 1, 2, 2


def progress(args):
    """A progress callback printing to stderr with -v, else None."""
    if not getattr(args, "verbose", False):
        return None
    return lambda msg: print(f"  {msg}", file=sys.stderr)


def add_backend_options(p, remote: bool = True) -> None:
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


def open_graph(args, cached: bool = False):
    """The graph the command works on: a remote endpoint (--endpoint), an on-disk store
    (--store), or the project's files loaded into memory. Every one of them answers
    ``select(query, bindings)`` and ``construct(query, bindings)``. ``cached``: the project's
    files may come from the store cached in the user's cache folder, rebuilt whenever they
    change (:mod:`partykg.store.cache`), and the embedded graph gets a memo of its queries
    without parameters (:mod:`partykg.store.memo`; the command saves it with ``kg.memo.save()``)."""
    if getattr(args, "endpoint", None):
        from partykg.store.remote import RemoteGraph

        return RemoteGraph(args.endpoint, update_endpoint=args.update_endpoint,
                           timeout=args.timeout, root=getattr(args, "root", None),
                           user=getattr(args, "user", None),
                           password=getattr(args, "password", None))
    import time

    from partykg.store.embedded import KnowledgeGraph

    t0 = time.perf_counter()
    if getattr(args, "store", None):
        kg = KnowledgeGraph.open(args.store, lazy=cached)
        if getattr(args, "root", None) is not None:  # its queries/ (as for an endpoint)
            from partykg.project import check_root_str

            kg.root = check_root_str(args.root)
        if cached:
            from partykg.store import memo

            kg.memo = memo.for_store(str(kg.location))
    elif cached:
        from partykg.store import cache

        kg = cache.load(args.root, progress=progress(args))
    else:
        kg = KnowledgeGraph.load(args.root, progress=progress(args))
    if cached and getattr(kg, "memo", None) is None:  # kept in this process only
        from partykg.store.memo import Memo

        kg.memo = Memo(None, "")
    if getattr(args, "verbose", False):
        print(f"opened the graph in {time.perf_counter() - t0:.2f}s", file=sys.stderr)
    return kg
