"""Pushing the dataset to a SPARQL endpoint (``partykg load``): staged, then switched.

Every named graph of the store (but graph/meta) is first written into a staging graph
``urn:partykg:staging:{token}:{n}``: by the Graph Store Protocol when the endpoint has one
(``--graph-store``, or ``…/store`` next to an Oxigraph ``…/query``), else by SPARQL Update
``INSERT { GRAPH … } WHERE { }`` (Virtuoso refuses blank nodes in ``INSERT DATA``). A large graph is sent in chunks of at most :data:`CHUNK_BYTES`; a blank node's identity does not
outlive a request, so every statement naming one blank node (and those of the blank nodes it
links to) goes in the same chunk. Then the staging graphs are MOVEd onto their targets and
the stale partykg graphs dropped (:mod:`partykg.store.switch`): in one SPARQL Update request, or
on Virtuoso in bounded ones (Virtuoso stops a request at its time limit, MaxQueryExecutionTime,
and rolls it back). Until the first switch request, the endpoint's partykg graphs are untouched.

What an engine promises about one request differs: Oxigraph and Fuseki apply an update request in
one transaction (all or nothing); Virtuoso does not promise it (a failing statement after the
MOVEs leaves them applied), and between two bounded requests some graphs are new and others old.
:func:`push` checks after a failed switch how many graphs were moved and says so plainly.

On failure, SIGINT or SIGTERM the staging graphs are dropped; a load killed outright (SIGKILL)
leaves them, and the next load drops every staging graph it finds before it starts. While a load
runs, readers of the union default graph also see the staging graphs.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from typing import Callable

import pyoxigraph as ox

from partykg.model.vocab import GRAPH_META
from partykg.store.http import EndpointError, EndpointTimeout
from partykg.store.remote import RemoteGraph, is_partykg_graph
from partykg.store.switch import Switch, choose, is_time_limit, plan

STAGING = "urn:partykg:staging:"
CHUNK_BYTES = 4 << 20
# Virtuoso's SPARQL compiler fails on long update requests whatever their size in bytes: "SP030 …
# memory exhausted" at line 5,003 of one (4 MB and 1 MB pieces alike), and with 2,000 statements
# "SP031 … generated SQL text has exceeded 10000 lines" (measured on a 20,000-document synthetic
# graph); so an update request holds at most this many statements
UPDATE_TRIPLES = 500
_BNODE = re.compile(rb"(?m)(^|\s)_:")


class LoadError(EndpointError):
    """A load that failed; the message says what state the endpoint is in."""


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    removed: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    switch: str = "one"
    switch_requests: int = 0


def chunk_bytes() -> int:
    raw = os.environ.get("PARTYKG_LOAD_CHUNK_MB", "").strip()
    try:
        return max(1 << 12, int(float(raw) * (1 << 20))) if raw else CHUNK_BYTES
    except ValueError:
        raise EndpointError(f"PARTYKG_LOAD_CHUNK_MB must be a number, not {raw!r}") from None


def _bnodes(line: bytes) -> list[bytes]:
    """The blank-node labels of one N-Triples line (subject and object; a predicate never is)."""
    out = []
    if line.startswith(b"_:"):
        out.append(line[:line.index(b" ")])
    body = line.rstrip()
    if body.endswith(b"."):
        body = body[:-1].rstrip()
    obj = body[body.rfind(b" ") + 1:]
    # a label holds no quote and ends no IRI: "… _:x"@vi is the tail of a literal, not a node
    if obj.startswith(b"_:") and b'"' not in obj and not obj.endswith(b">"):
        if not out or obj != out[0]:
            out.append(obj)
    return out


def _groups(lines: list[bytes]) -> list[list[bytes]]:
    """``lines`` grouped so that every line naming a blank node is in its node's group (nodes
    linked by a line share one group), in the order of each group's first line."""
    parent: dict[bytes, bytes] = {}

    def find(x: bytes) -> bytes:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    labels = [_bnodes(line) for line in lines]
    for found in labels:
        if len(found) == 2:
            a, b = find(found[0]), find(found[1])
            if a != b:
                parent[b] = a
    groups: list[list[bytes]] = []
    index: dict[bytes, int] = {}
    for line, found in zip(lines, labels):
        if not found:
            groups.append([line])
            continue
        root = find(found[0])
        if root not in index:
            index[root] = len(groups)
            groups.append([])
        groups[index[root]].append(line)
    return groups


def chunks(data: bytes, limit: int, max_lines: int = 0) -> list[bytes]:
    """``data`` (N-Triples) cut at line ends into pieces of at most ``limit`` bytes (a longer
    line stays whole) and, when ``max_lines`` is given, at most that many statements. A blank
    node's identity does not outlive a request, so every line naming one blank node goes in the
    same piece (with the lines of the nodes it links to): such a group longer than the limits is
    one piece of its own."""
    if len(data) <= limit and (not max_lines or data.count(b"\n") <= max_lines):
        return [data]
    if not max_lines and not _BNODE.search(data):
        out, start = [], 0
        while start < len(data):
            end = start + limit
            if end >= len(data):
                out.append(data[start:])
                break
            cut = data.rfind(b"\n", start, end)
            if cut < start:
                cut = data.find(b"\n", end)
                if cut < 0:
                    out.append(data[start:])
                    break
            out.append(data[start:cut + 1])
            start = cut + 1
        return out
    lines = data.splitlines(keepends=True)
    if lines and not lines[-1].endswith(b"\n"):
        lines[-1] += b"\n"
    most = max_lines or len(lines)
    out, piece, size = [], [], 0
    for group in _groups(lines):
        n = sum(map(len, group))
        if piece and (size + n > limit or len(piece) + len(group) > most):
            out.append(b"".join(piece))
            piece, size = [], 0
        piece.extend(group)
        size += n
    if piece:
        out.append(b"".join(piece))
    return out


def _upload(remote: RemoteGraph, graph: str, data: bytes, limit: int,
            written: Callable[[], None]) -> int:
    """Write ``data`` into the (new) graph ``graph``; the number of requests. ``written`` is
    called once the graph exists on the endpoint."""
    pieces = chunks(data, limit, 0 if remote.graph_store else UPDATE_TRIPLES)
    for i, piece in enumerate(pieces):
        if i == 1:
            written()
        if remote.graph_store:
            remote.put_graph(graph, piece, append=i > 0)
        else:
            # INSERT ... WHERE {} rather than INSERT DATA: Virtuoso refuses blank nodes in DATA
            remote.update(f"INSERT {{ GRAPH <{graph}> {{\n"
                          f"{piece.decode('utf-8')}\n}} }} WHERE {{ }}")
    written()
    return len(pieces)


def _drop(remote: RemoteGraph, graphs: list[str]) -> None:
    if graphs:
        remote.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))


def push(remote: RemoteGraph, store: ox.Store,
         progress: Callable[[str], None] | None = None,
         warn: Callable[[str], None] | None = None, switch: str = "auto") -> PushReport:
    """Replace, on the endpoint, every named graph of ``store`` (but graph/meta) as a whole, and
    drop the endpoint's other partykg graphs (IRIs under the data base) that ``store`` no longer
    has. Graphs of other IRIs on the endpoint are left alone. ``switch``: "auto", "one" (one
    update request) or "batches" (bounded requests), see :mod:`partykg.store.switch`. See the
    module's documentation."""
    say = progress or (lambda _msg: None)
    meta = ox.NamedNode(GRAPH_META)
    graphs = sorted((g for g in store.named_graphs()
                     if isinstance(g, ox.NamedNode) and g != meta), key=lambda g: g.value)
    sizes = remote.graph_sizes()  # also: the endpoint answers
    existing = list(sizes)
    mode = choose(remote, switch)
    report = PushReport(switch=mode)
    report.leftovers = [g for g in existing if g.startswith(STAGING)]
    if report.leftovers:  # an earlier load killed outright: out of the union first
        say(f"removing {len(report.leftovers)} staging graph(s) left by an earlier load")
        _drop(remote, report.leftovers)
    limit = chunk_bytes()
    token = uuid.uuid4().hex[:12]
    staged: list[tuple[str, str]] = []  # (staging graph, target graph)
    counts: dict[str, int] = {}
    empty: list[str] = []
    stale: list[str] = []
    run: Switch | None = None
    try:
        for i, g in enumerate(graphs):
            data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
            if not data:
                empty.append(g.value)
                continue
            staging = f"{STAGING}{token}:{i}"
            report.requests += _upload(remote, staging, data, limit,
                                       lambda: staged.append((staging, g.value))
                                       if not staged or staged[-1][0] != staging else None)
            counts[staging] = data.count(b"\n")
            report.triples += counts[staging]
            say(f"staged <{g.value}> ({i + 1}/{len(graphs)})")
        targets = {t for _, t in staged}
        stale = sorted({g for g in existing if is_partykg_graph(g) and g not in targets}
                       | {g for g in empty if g in existing})
        steps = plan(staged, counts, stale, sizes)
        if steps:
            if warn and mode == "batches":
                warn(f"the switch goes in several update requests, each of a bounded size "
                     f"(Virtuoso stops a request at its time limit): if one fails or the load is "
                     f"stopped during the switch, part of the graphs are replaced (partykg then "
                     f"says how many; run 'partykg load' again)")
            say(f"switching {len(staged)} graphs, dropping {len(stale)} in "
                + ("one update request" if mode == "one" else "bounded update requests"))
            run = Switch(remote, steps, say)
            run.one() if mode == "one" else run.batches()
            report.switch_requests = run.requests
        report.graphs = len(staged)
        report.removed = stale
        return report
    except BaseException as e:
        switching = run is not None
        timed_out = switching and isinstance(e, EndpointTimeout)
        state, moved = ("unknown", None) if timed_out else \
            (_state_after(remote, staged, stale) if switching else ("unchanged", 0))
        if run is not None and run.in_pieces and state in ("unchanged", "done"):
            state = "partial"  # a graph half-way through its switch in pieces
        cleanup = "the staging graphs were removed"
        try:
            _drop(remote, [s for s, _ in staged])
        except Exception:  # noqa: BLE001 - report, don't mask the first error
            cleanup = (f"the staging graphs <{STAGING}{token}:…> could not be removed; "
                       "the next 'partykg load' removes them")
        if isinstance(e, KeyboardInterrupt):
            if state == "partial":
                e.args = (_partial(remote, staged, run, moved) + f"; {cleanup}",)
            raise
        if state == "unchanged":
            raise LoadError(f"load failed, the endpoint's partykg graphs were not changed "
                            f"({cleanup}){_write_hint(remote, e)}{_limit_hint(e, mode)}: "
                            f"{e}") from e
        if state == "partial":
            raise LoadError(f"{_partial(remote, staged, run, moved)} ({cleanup})"
                            f"{_limit_hint(e, mode)}: {e}") from e
        if state == "done":
            raise LoadError(f"load: the switch request reported an error but the endpoint "
                            f"applied it (every graph was replaced; {cleanup}): {e}") from e
        if timed_out:
            done = (f" after {len(run.done)} of {len(run.steps)} switch steps had been applied"
                    if run and mode == "batches" else "")
            raise LoadError(f"load: the switch request timed out{done}; the endpoint may still "
                            f"apply it (all at once on Oxigraph, part by part on Virtuoso): run "
                            f"'partykg load' again, with a longer --timeout ({cleanup}): {e}") from e
        raise LoadError(f"load failed during the switch and the endpoint's state cannot be read; "
                        f"run 'partykg load' again ({cleanup}): {e}") from e


def _limit_hint(e: BaseException, mode: str = "one") -> str:
    if not is_time_limit(e):
        return ""
    if mode == "batches":
        return ("; the endpoint stopped one graph's switch request at its own time limit (on "
                "Virtuoso MaxQueryExecutionTime in the [SPARQL] section of virtuoso.ini): raise it")
    return ("; the endpoint stopped a request at its own time limit (on Virtuoso "
            "MaxQueryExecutionTime in the [SPARQL] section of virtuoso.ini): raise it, or load "
            "with '--switch batches'")


def _write_hint(remote: RemoteGraph, e: BaseException) -> str:
    """Why a write may have been refused, when it looks so."""
    from partykg.store.http import EndpointHTTPError

    if not isinstance(e, EndpointHTTPError):
        return ""
    text = str(e).lower()
    refused = e.status in (401, 403) or "permission" in text or "security" in text
    if not refused:
        return ""
    if remote.http.user is None:
        return ("; the endpoint refused to write: give a user with write rights (--user, and "
                "the password in PARTYKG_ENDPOINT_PASSWORD; on Virtuoso a user with the "
                "SPARQL_UPDATE role, used through /sparql-auth)")
    return (f"; the endpoint refused to write as {remote.http.user!r}: check the password and "
            "the user's rights (on Virtuoso: the SPARQL_UPDATE role)")


def _state_after(remote: RemoteGraph, staged: list[tuple[str, str]],
                 stale: list[str]) -> tuple[str, int | None]:
    """After a failed switch: "unchanged" (every staging graph still there: the MOVEs come first,
    so nothing was applied), "done" (every graph moved and every stale one dropped), "partial", or
    "unknown" (the endpoint cannot be asked); and how many staging graphs were moved."""
    try:
        now = set(remote.named_graphs())
    except BaseException:  # noqa: BLE001
        return "unknown", None
    left = sum(1 for s, _ in staged if s in now)
    moved = len(staged) - left
    if left == len(staged) and staged:
        return "unchanged", 0
    if left == 0 and not any(g in now for g in stale):
        return "done", moved
    return "partial", moved


def _partial(remote: RemoteGraph, staged, run: Switch | None, moved: int | None) -> str:
    count = f"{moved} of the {len(staged)} partykg graphs are new, the others old" \
        if moved is not None else f"some of the {len(staged)} partykg graphs are new and some old"
    how = (f"the switch went in bounded update requests and stopped at request {run.requests}"
           if run and run.requests > 1 else
           f"{remote.endpoint} applied part of the update request (it does not apply one request "
           f"atomically, as Virtuoso does not)")
    pieces = (f" (and <{run.in_pieces}>, too large for one request, was being switched in "
              f"pieces: it holds part of its triples)" if run and run.in_pieces else "")
    return (f"load failed half-way through the switch: {how}, so {count}{pieces}: run "
            "'partykg load' again")


__all__ = ["LoadError", "PushReport", "STAGING", "chunks", "push"]
