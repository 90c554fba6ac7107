"""The last step of ``partykg load``: the staging graphs MOVEd onto their targets and the stale
partykg graphs dropped, in one update request or in bounded ones.

**One request** (``one``): all or nothing on an engine that applies a request in one transaction
(Oxigraph, Fuseki), but its time grows with the whole dataset.

**Bounded requests** (``batches``): Virtuoso's SPARQL endpoint gives every request one
transaction limited to ``MaxQueryExecutionTime`` seconds (``[SPARQL]`` of virtuoso.ini, 60 in
Debian's: the endpoint sets ``TRANSACTION_TIMEOUT`` from it), and a request that runs longer is
rolled back with "SR171: Transaction timed out" whatever the client waits: one request that
moves a 20,000-document graph (424,198 triples) cannot finish there. So each request moves whole
graphs of at most a budget of triples (the new graph's and the old one's it replaces), sized from
the rate measured on the requests before to take about :data:`SWITCH_SECONDS`. A request the
server stops for its time limit is split in two and sent again (after reading which of its
graphs moved), and the time aimed at lowered to a third of what the server allowed; one graph alone
that the server cannot move within its limit stops the load. Between two requests the endpoint
holds some graphs new and others old: a failure then is reported with how many graphs were
switched (see :mod:`partykg.store.load`).

``auto`` uses bounded requests on Virtuoso (whose requests are not all or nothing anyway) and one
request elsewhere.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Callable

from partykg.store.http import EndpointError, EndpointHTTPError
from partykg.store.remote import RemoteGraph

MODES = ("auto", "one", "batches")
SWITCH_TRIPLES_PER_S = 2000  # the client waits at least 1 s per 2,000 triples a request moves
SWITCH_SECONDS = 10.0  # what one bounded request aims at
FIRST_BUDGET = 10_000  # triples in the first bounded request, before a rate is measured
MIN_BUDGET = 500
# Virtuoso compiles a request into SQL and fails on long ones ("SP031 … generated SQL text has
# exceeded 10000 lines", seen with 2,000 INSERTed statements): a bounded request holds at most
# this many MOVE/DROP operations
MAX_OPS = 50
# how a server says it stopped a request for its time: Virtuoso "S1T00 Error SR171: Transaction
# timed out"; other engines' messages about a transaction or query timeout
_TIME_LIMIT = re.compile(r"(?i)\bSR171\b|\bS1T00\b|transaction timed? ?out|"
                         r"(query|transaction|execution) (timeout|time limit)")


@dataclass
class Step:
    """One operation of the switch: ``MOVE source TO target`` or ``DROP source`` (target None);
    ``cost``: the triples it writes or deletes."""
    source: str
    target: str | None
    cost: int

    @property
    def op(self) -> str:
        if self.target is None:
            return f"DROP SILENT GRAPH <{self.source}>"
        return f"MOVE GRAPH <{self.source}> TO GRAPH <{self.target}>"


def plan(staged: list[tuple[str, str]], new: dict[str, int], stale: list[str],
         old: dict[str, int]) -> list[Step]:
    """The MOVEs (staging graph, target; ``new``: triples of each staging graph) first, then the
    DROPs of the stale graphs; ``old``: the triples the endpoint holds in each graph now."""
    steps = [Step(s, t, new.get(s, 0) + old.get(t, 0)) for s, t in staged]
    return steps + [Step(g, None, old.get(g, 0)) for g in stale]


def is_time_limit(e: BaseException) -> bool:
    """Whether the server stopped the request for its own time limit (and rolled it back)."""
    return isinstance(e, EndpointHTTPError) and e.status >= 500 and bool(_TIME_LIMIT.search(str(e)))


class Switch:
    """Runs the steps; ``done`` holds those the endpoint has applied for sure, ``requests`` the
    update requests sent."""

    def __init__(self, remote: RemoteGraph, steps: list[Step],
                 say: Callable[[str], None] = lambda _m: None,
                 seconds: float = SWITCH_SECONDS, budget: int = FIRST_BUDGET):
        self.remote, self.steps, self.say = remote, steps, say
        self.seconds, self.budget = seconds, budget
        self.max_ops = MAX_OPS
        self.in_pieces: str | None = None  # the target being switched in pieces, if one is
        self.done: list[Step] = []
        self.requests = 0
        self.retried = 0

    def _send(self, batch: list[Step]) -> float:
        cost = sum(s.cost for s in batch)
        t0 = time.perf_counter()
        self.requests += 1
        self.remote.update(" ;\n".join(s.op for s in batch),
                           timeout=max(self.remote.timeout, cost / SWITCH_TRIPLES_PER_S))
        return time.perf_counter() - t0

    def one(self) -> None:
        took = self._send(self.steps)
        self.done = list(self.steps)
        self.say(f"  switched {len(self.steps)} in one request in {took:.1f} s")

    def batches(self) -> None:
        todo = list(self.steps)
        while todo:
            batch, cost = [todo[0]], todo[0].cost
            for s in todo[1:]:
                if cost + s.cost > self.budget or len(batch) >= self.max_ops:
                    break
                batch.append(s)
                cost += s.cost
            t0 = time.perf_counter()
            try:
                took = self._send(batch)
            except EndpointError as e:
                if not is_time_limit(e):
                    raise
                if len(batch) == 1:  # one graph too large for one request: in pieces
                    self._in_pieces(batch[0])
                    todo = todo[1:]
                    continue
                allowed = time.perf_counter() - t0
                moved = self._applied(batch)
                self.done += moved
                todo = [s for s in todo if s not in moved]
                self.seconds = min(self.seconds, max(allowed / 3, 0.1))
                # smaller in triples and in operations: every failure halves the next request
                # until one graph alone, which the endpoint then cannot switch
                self.budget = max(MIN_BUDGET, min(self.budget, cost) // 2)
                self.max_ops = max(1, (len(batch) - len(moved)) // 2)
                self.retried += 1
                self.say(f"  the endpoint stopped a switch request of {len(batch)} graphs at its "
                         f"time limit ({allowed:.1f} s): sending it in smaller requests")
                continue
            self.done += batch
            todo = todo[len(batch):]
            rate = cost / max(took, 0.05)
            # at most twice the last budget: a first small graph can make the rate look high
            self.budget = max(MIN_BUDGET, min(int(rate * self.seconds), 2 * self.budget))
            self.max_ops = min(MAX_OPS, self.max_ops + max(1, self.max_ops // 4))
            self.say(f"  switched {len(self.done)}/{len(self.steps)} ({len(batch)} in "
                     f"{took:.1f} s; next request up to {self.budget} triples)")

    def _in_pieces(self, step: Step) -> None:
        """One graph that the endpoint cannot switch within its time limit: the target's old
        triples deleted, then the staging graph's moved, a piece of at most ``piece`` triples a
        request (``DELETE``/``INSERT`` over a sub-``SELECT`` with ``LIMIT``: SPARQL 1.1 on any
        endpoint; a blank node keeps its identity, being bound, not written). Meanwhile the
        target holds part of its graph; a failure then is reported as half-way."""
        if self._applied([step]):  # the request stopped at the limit was applied after all
            self.done.append(step)
            return
        piece = max(MIN_BUDGET, min(self.budget, step.cost) // 4)
        self.say(f"  <{step.target or step.source}> cannot be switched in one request within "
                 f"the endpoint's time limit: in pieces of up to {piece} triples")
        self.in_pieces = step.target or step.source
        if step.target is not None:
            piece = self._drain(step.target, None, piece)
        self._drain(step.source, step.target, piece)
        self.done.append(step)
        self.in_pieces = None

    def _drain(self, graph: str, into: str | None, piece: int) -> int:
        """Move (or, without ``into``, delete) every triple of ``graph`` a piece a request,
        until the endpoint no longer holds it; the piece size that worked."""
        while graph in set(self.remote.named_graphs()):
            move = f"INSERT {{ GRAPH <{into}> {{ ?s ?p ?o }} }} " if into else ""
            text = (f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} {move}WHERE {{ {{ "
                    f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                    f"LIMIT {piece} }} }}")
            self.requests += 1
            try:
                self.remote.update(text, timeout=max(self.remote.timeout,
                                                     2 * piece / SWITCH_TRIPLES_PER_S))
            except EndpointError as e:
                if not is_time_limit(e) or piece <= 50:
                    raise
                piece //= 2
                continue
            self.say(f"    {'moved' if into else 'deleted'} up to {piece} triples of <{graph}>")
        return piece

    def _applied(self, batch: list[Step]) -> list[Step]:
        """The steps of a failed request that the endpoint applied anyway (none on Virtuoso,
        which rolls back a request it stops)."""
        now = set(self.remote.named_graphs())
        return [s for s in batch if s.source not in now]


def choose(remote: RemoteGraph, mode: str) -> str:
    """``one`` or ``batches`` for ``mode`` (see the module's documentation)."""
    if mode not in MODES:
        raise EndpointError(f"switch mode {mode!r}: one of {', '.join(MODES)}")
    if mode == "auto":
        return "batches" if remote.is_virtuoso else "one"
    return mode


__all__ = ["MODES", "Step", "Switch", "choose", "is_time_limit", "plan"]
