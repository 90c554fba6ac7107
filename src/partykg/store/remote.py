"""A SPARQL 1.1 endpoint as a graph backend: :class:`RemoteGraph` answers ``select``,
``construct`` and ``ask`` like :class:`partykg.store.embedded.KnowledgeGraph`, with the same queries.

How the same queries give the same answers
------------------------------------------
* **Prefixes.** The embedded store parses queries with the prefixes of :data:`partykg.model.vocab.PREFIXES`;
  here they are prepended as ``PREFIX`` declarations (a query's own declarations come later and
  win, as with the embedded store).
* **Parameters.** Both backends bind parameters the same way, with :func:`partykg.store.sparql.bind`:
  one ``VALUES`` row of terms in their N-Triples form at the start of the query's top-level group,
  so the endpoint receives the same query text as the embedded engine (and text never reaches a
  query any other way). Blank nodes cannot be parameters (their identity does not survive a
  request). See :mod:`partykg.store.sparql` for where the VALUES block goes and what that asks of
  queries.
* **The union default graph.** The embedded store queries with the default graph as the union of
  all named graphs (``use_default_graph_as_union``). An endpoint must do the same:
  Oxigraph (``oxigraph serve --union-default-graph``, which ``partykg serve`` uses; without the flag
  RemoteGraph sends Oxigraph's ``union-default-graph`` request parameter); Apache Jena Fuseki/TDB2
  (``tdb2:unionDefaultGraph true`` in the dataset's configuration); GraphDB, Virtuoso, Blazegraph
  (quads mode) and Stardog (``query.all.graphs=true``) query the union by default or by option.
  On first use RemoteGraph checks it (``mode="auto"``): the ontology declaration
  ``<https://w3id.org/partykg/ontology> a owl:Ontology``, which ``partykg load`` puts in the named
  graph ``graph/ontology``, must be visible without ``GRAPH``. If it is only visible inside a named
  graph, RemoteGraph retries with the ``union-default-graph`` parameter and, failing that, stops
  with an error saying what to configure, rather than answering from a different graph.

Errors
------
Connection refused, timeouts (the whole request, connection and reading, is bounded by
``timeout``), HTTP errors and malformed results raise :class:`EndpointError` subclasses
(:class:`partykg.errors.PartykgError`, exit code 2) with a message naming the endpoint.
"""

from __future__ import annotations

import threading
import uuid
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import pyoxigraph as ox

from partykg.errors import PartykgError
from partykg.store.sparql import bind
from partykg.store.embedded import QueryError
from partykg.model.vocab import BASE, GRAPH_DERIVED, GRAPH_META, sparql_prefixes

Term = ox.NamedNode | ox.BlankNode | ox.Literal

ONTOLOGY_IRI = "https://w3id.org/partykg/ontology"
OWL_ONTOLOGY = "http://www.w3.org/2002/07/owl#Ontology"
UNION_PARAMETER = "union-default-graph"  # Oxigraph's request parameter

_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
_RDF_ACCEPT = ("application/n-triples, text/turtle;q=0.9, application/n-quads;q=0.8, "
               "application/rdf+xml;q=0.5")


class EndpointError(PartykgError):
    """A SPARQL endpoint that cannot be reached or does not answer properly."""


class EndpointUnreachable(EndpointError):
    """Connection refused, unknown host, connection reset."""


class EndpointTimeout(EndpointError):
    """No complete answer within the timeout."""


class EndpointHTTPError(EndpointError):
    """The endpoint answered with an HTTP error status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class EndpointQueryError(EndpointHTTPError, QueryError):
    """The endpoint rejected the query (HTTP 400)."""


class MalformedResults(EndpointError):
    """The endpoint answered something that is not the results of the query."""


class EndpointDataError(EndpointError):
    """The endpoint does not hold the partykg graph the way queries need it."""


# --- HTTP with a bounded wait -----------------------------------------------------------------------

def _call_with_deadline(fn: Callable[[], Any], timeout: float, what: str) -> Any:
    """Run ``fn`` in a daemon thread and give up after ``timeout`` seconds (the socket timeout
    bounds each read; this bounds the whole exchange, e.g. a server that trickles bytes)."""
    box: dict[str, Any] = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = e

    t = threading.Thread(target=run, daemon=True, name="partykg-endpoint")
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise EndpointTimeout(f"{what}: no answer within {timeout:g} s (--timeout)")
    if "error" in box:
        raise box["error"]
    return box["value"]


def _body_text(body: bytes | str | None, limit: int = 300) -> str:
    if body is None:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")


def _http_error(url: str, status: int, body: bytes | str | None, query: bool) -> EndpointHTTPError:
    detail = _body_text(body)
    detail = f": {detail}" if detail else ""
    if status == 400 and query:
        return EndpointQueryError(f"{url} rejected the query (HTTP 400){detail}", status)
    hints = {401: "authentication required", 403: "forbidden (a read-only endpoint?)",
             404: "not found (check the URL)", 405: "method not allowed (a read-only endpoint, "
             "or not a Graph Store / Update endpoint?)", 500: "the endpoint failed",
             503: "the endpoint is unavailable"}
    hint = hints.get(status, "HTTP error")
    return EndpointHTTPError(f"{url}: HTTP {status}, {hint}{detail}", status)


def _transport_error(url: str, e: BaseException, timeout: float) -> EndpointError:
    reason = getattr(e, "reason", e)
    if isinstance(reason, (TimeoutError,)) or "timed out" in str(reason):
        return EndpointTimeout(f"{url}: no answer within {timeout:g} s (--timeout)")
    if isinstance(reason, ConnectionRefusedError):
        return EndpointUnreachable(f"cannot connect to {url}: connection refused "
                                   "(is the endpoint running?)")
    return EndpointUnreachable(f"cannot talk to {url}: {reason}")


def _derive_url(endpoint: str, segment: str) -> str:
    """``http://h/query`` -> ``http://h/{segment}`` (Oxigraph's layout) when the endpoint's last
    path segment is ``query`` or ``sparql``; otherwise the endpoint itself."""
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rpartition("/")
    if last in ("query", "sparql"):
        return urllib.parse.urlunsplit(parts._replace(path=f"{head}/{segment}", query=""))
    return endpoint


class RemoteGraph:
    """Any SPARQL 1.1 endpoint, queried through SPARQLWrapper with the embedded store's queries.

    ``update_endpoint`` defaults to the sibling ``update`` URL of an Oxigraph-style endpoint
    (``…/query`` -> ``…/update``), else the endpoint itself; ``graph_store`` (Graph Store
    Protocol, used by ``partykg load``) to the sibling ``store`` URL. ``union`` is "auto" (check
    once, see the module's documentation), "endpoint" (trust the endpoint's default graph) or
    "parameter" (always send Oxigraph's ``union-default-graph`` parameter).
    """

    def __init__(self, endpoint: str, update_endpoint: str | None = None, timeout: float = 30.0,
                 graph_store: str | None = None, union: str = "auto", root=None):
        parts = urllib.parse.urlsplit(endpoint or "")
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise EndpointError(f"not an http(s) endpoint URL: {endpoint!r}")
        if timeout is None or timeout <= 0:
            raise EndpointError(f"--timeout must be a positive number of seconds, not {timeout}")
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or _derive_url(endpoint, "update")
        self.graph_store = graph_store or _derive_url(endpoint, "store")
        self.timeout = float(timeout)
        if union not in ("auto", "endpoint", "parameter"):
            raise ValueError(f"union: {union!r}")
        self.union = union
        self._checked = union != "auto"
        self.root = root
        self.report = None  # no files behind an endpoint
        self._prefixes = sparql_prefixes()

    def __repr__(self) -> str:
        return f"RemoteGraph({self.endpoint!r})"

    # --- the three calls ---------------------------------------------------------------------------

    def select(self, query: str, bindings: Mapping[str, Term | None] | None = None
               ) -> list[dict[str, Any]]:
        """Run a SELECT over the union of the endpoint's graphs; unbound variables are None."""
        res = self._results(query, bindings, "SELECT")
        if not isinstance(res, ox.QuerySolutions):
            raise MalformedResults(f"{self.endpoint}: malformed answer: expected the solutions "
                                   "of a SELECT query, got a boolean")
        names = [v.value for v in res.variables]
        try:
            return [{n: sol[n] for n in names} for sol in res]
        except SyntaxError as e:
            raise MalformedResults(f"{self.endpoint}: malformed query results: {e}") from e

    def ask(self, query: str, bindings: Mapping[str, Term | None] | None = None) -> bool:
        res = self._results(query, bindings, "ASK")
        if not isinstance(res, ox.QueryBoolean):
            raise MalformedResults(f"{self.endpoint}: malformed answer: expected the boolean "
                                   "answer of an ASK query")
        return bool(res)

    def construct(self, query: str, bindings: Mapping[str, Term | None] | None = None
                  ) -> list[ox.Triple]:
        """Run a CONSTRUCT (or DESCRIBE); the triples come back as pyoxigraph triples."""
        body, ctype = self._query(query, bindings, "CONSTRUCT", _RDF_ACCEPT)
        fmt = ox.RdfFormat.from_media_type(ctype) if ctype else ox.RdfFormat.N_TRIPLES
        if fmt is None:
            raise MalformedResults(f"{self.endpoint}: answered a CONSTRUCT with {ctype!r}, "
                                   "not an RDF format")
        try:
            out = []
            for t in ox.parse(body, format=fmt):
                out.append(ox.Triple(t.subject, t.predicate, t.object) if isinstance(t, ox.Quad)
                           else t)
            return out
        except (SyntaxError, ValueError) as e:
            raise MalformedResults(f"{self.endpoint}: malformed {fmt.name} answer to a "
                                   f"CONSTRUCT: {e}") from e

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update request (one request: atomic on endpoints that apply a request
        in one transaction, as Oxigraph and Fuseki do)."""
        from SPARQLWrapper import POST, SPARQLWrapper

        sw = SPARQLWrapper(self.endpoint, updateEndpoint=self.update_endpoint)
        sw.setMethod(POST)
        sw.setOnlyConneg(True)
        sw.setQuery(self._prefixes + update)
        if not sw.isSparqlUpdateRequest():
            raise QueryError("not a SPARQL Update request")
        self._send(sw, self.update_endpoint, query=True)

    # --- graph store protocol ------------------------------------------------------------------------

    def put_graph(self, graph: str, data: bytes, content_type: str = "application/n-triples"
                  ) -> None:
        """Replace the named graph ``graph`` as a whole with ``data`` (Graph Store Protocol PUT)."""
        self._graph_request("PUT", graph, data, content_type)

    def delete_graph(self, graph: str) -> None:
        self._graph_request("DELETE", graph)

    def get_graph(self, graph: str) -> list[ox.Triple]:
        body, ctype = self._graph_request("GET", graph, accept=_RDF_ACCEPT)
        fmt = ox.RdfFormat.from_media_type(ctype) if ctype else ox.RdfFormat.N_TRIPLES
        try:
            return [t for t in ox.parse(body, format=fmt or ox.RdfFormat.N_TRIPLES)]
        except (SyntaxError, ValueError) as e:
            raise MalformedResults(f"{self.graph_store}: malformed graph <{graph}>: {e}") from e

    def _graph_request(self, method: str, graph: str, data: bytes | None = None,
                       content_type: str | None = None, accept: str | None = None):
        sep = "&" if "?" in self.graph_store else "?"
        url = f"{self.graph_store}{sep}{urllib.parse.urlencode({'graph': graph})}"
        req = urllib.request.Request(url, data=data, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if accept:
            req.add_header("Accept", accept)

        def go():
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    return resp.read(), resp.headers.get_content_type()
            except urllib.error.HTTPError as e:
                raise _http_error(self.graph_store, e.code, e.read(), query=False) from None

        return self._guarded(go, self.graph_store)

    # --- the graph as data (validation, stats) ----------------------------------------------------

    def named_graphs(self) -> list[str]:
        """The endpoint's named graphs (no check of its default graph: works on an empty one)."""
        rows = self._select_raw("SELECT ?g WHERE { GRAPH ?g { } }")
        return sorted({r["g"].value for r in rows if isinstance(r["g"], ox.NamedNode)})

    def data_quads(self) -> list[ox.Quad]:
        """Every quad in the endpoint's named graphs except the derived keys and store metadata
        (one SELECT, so blank nodes keep their identity across the answer)."""
        rows = self._select_raw(
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(?g NOT IN (<{GRAPH_DERIVED}>, <{GRAPH_META}>)) }}")
        try:
            return [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]
        except (TypeError, ValueError) as e:
            raise MalformedResults(f"{self.endpoint}: malformed quads: {e}") from e

    def file_of_graph(self, graph: str) -> str | None:
        """Behind an endpoint there are no files: the location of a fact is its named graph."""
        return f"<{graph}>" if graph else None

    def graphs_of(self, term: Term) -> set[str]:
        """The named graphs that describe ``term`` (as subject)."""
        if isinstance(term, ox.BlankNode):
            return set()
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"s": term})
        return {r["g"].value for r in rows if r["g"] is not None}

    # --- plumbing ----------------------------------------------------------------------------------

    def _results(self, query: str, bindings, form: str):
        body, ctype = self._query(query, bindings, form, _RESULTS_ACCEPT)
        fmt = ox.QueryResultsFormat.from_media_type(ctype) if ctype else None
        if fmt is None:
            fmt = ox.QueryResultsFormat.JSON
        try:
            return ox.parse_query_results(body, fmt)
        except (SyntaxError, ValueError) as e:
            raise MalformedResults(f"{self.endpoint}: malformed {fmt.name} query results: "
                                   f"{e}") from e

    def _select_raw(self, query: str) -> list[dict[str, Any]]:
        """A SELECT that needs no union default graph (GRAPH patterns only)."""
        body, ctype = self._request(query, _RESULTS_ACCEPT)
        fmt = ox.QueryResultsFormat.from_media_type(ctype) or ox.QueryResultsFormat.JSON
        try:
            res = ox.parse_query_results(body, fmt)
            if not isinstance(res, ox.QuerySolutions):
                raise MalformedResults(f"{self.endpoint}: malformed answer: expected the "
                                       "solutions of a SELECT query")
            names = [v.value for v in res.variables]
            return [{n: sol[n] for n in names} for sol in res]
        except (SyntaxError, ValueError) as e:
            raise MalformedResults(f"{self.endpoint}: malformed {fmt.name} query results: "
                                   f"{e}") from e

    def _query(self, query: str, bindings, form: str, accept: str) -> tuple[bytes, str]:
        self._check_union()
        return self._request(bind(query, bindings), accept, union=self.union == "parameter")

    def _request(self, query: str, accept: str, union: bool = False) -> tuple[bytes, str]:
        from SPARQLWrapper import POST, SPARQLWrapper

        sw = SPARQLWrapper(self.endpoint)
        sw.setMethod(POST)
        sw.setOnlyConneg(True)
        sw.setQuery(self._prefixes + query)
        if sw.isSparqlUpdateRequest():
            raise QueryError("a SPARQL Update cannot run as a query")
        sw.addCustomHttpHeader("Accept", accept)
        if union:
            sw.addParameter(UNION_PARAMETER, "true")
        return self._send(sw, self.endpoint, query=True)

    def _send(self, sw, url: str, query: bool) -> tuple[bytes, str]:
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        sw.timeout = self.timeout  # setTimeout() would truncate to whole seconds

        def go():
            try:
                res = sw.query()
            except SPARQLWrapperException as e:
                raise _http_error(url, _status_of(e), _response_of(e), query) from None
            except urllib.error.HTTPError as e:
                raise _http_error(url, e.code, e.read(), query) from None
            resp = res.response
            try:
                return resp.read(), resp.headers.get_content_type()
            finally:
                resp.close()

        return self._guarded(go, url)

    def _guarded(self, fn: Callable[[], Any], url: str) -> Any:
        import http.client
        import socket

        try:
            return _call_with_deadline(fn, self.timeout, url)
        except EndpointError:
            raise
        except urllib.error.URLError as e:
            raise _transport_error(url, e, self.timeout) from None
        except (socket.timeout, TimeoutError) as e:
            raise _transport_error(url, e, self.timeout) from None
        except (ConnectionError, http.client.HTTPException, OSError) as e:
            raise EndpointUnreachable(f"{url}: the connection failed: "
                                      f"{type(e).__name__}: {e}") from None
        except ValueError as e:  # urllib: unknown url type and the like
            raise EndpointError(f"{url}: {e}") from None

    def _check_union(self) -> None:
        """Once: make sure the default graph the queries see is the union of the named graphs."""
        if self._checked:
            return
        probe = f"ASK {{ <{ONTOLOGY_IRI}> a <{OWL_ONTOLOGY}> }}"
        named = f"ASK {{ GRAPH ?g {{ <{ONTOLOGY_IRI}> a <{OWL_ONTOLOGY}> }} }}"

        def ask(q: str, union: bool = False) -> bool:
            body, ctype = self._request(q, _RESULTS_ACCEPT, union=union)
            fmt = ox.QueryResultsFormat.from_media_type(ctype) or ox.QueryResultsFormat.JSON
            try:
                res = ox.parse_query_results(body, fmt)
            except (SyntaxError, ValueError) as e:
                raise MalformedResults(f"{self.endpoint}: malformed {fmt.name} query results: "
                                       f"{e}") from e
            if not isinstance(res, ox.QueryBoolean):
                raise MalformedResults(f"{self.endpoint}: malformed answer: expected the boolean "
                                       "answer of an ASK query")
            return bool(res)

        if ask(probe):
            self.union = "endpoint"
        elif ask(named):
            if ask(probe, union=True):
                self.union = "parameter"
            else:
                raise EndpointDataError(
                    f"{self.endpoint}: the default graph is not the union of the named graphs, "
                    "so partykg's queries would miss facts. Configure the endpoint to query the "
                    "union by default (Oxigraph: 'oxigraph serve --union-default-graph'; Fuseki/"
                    "TDB2: tdb2:unionDefaultGraph true; Stardog: query.all.graphs=true)")
        else:
            raise EndpointDataError(
                f"{self.endpoint} holds no partykg graph (no ontology in a named graph); "
                f"load it with 'partykg load --endpoint {self.endpoint}'")
        self._checked = True


def _status_of(e: BaseException) -> int:
    names = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404,
             "URITooLong": 414, "EndPointInternalError": 500}
    return names.get(type(e).__name__, 500)


def _response_of(e: BaseException) -> str:
    """The server's text that SPARQLWrapper folded into its exception message."""
    import ast

    msg = str(e)
    _, sep, tail = msg.partition("Response:\n")
    if not sep:
        return ""
    try:
        value = ast.literal_eval(tail.strip())
    except (ValueError, SyntaxError):
        return tail
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def is_partykg_graph(iri: str) -> bool:
    """A named graph that partykg owns on an endpoint (its IRI is under the data base)."""
    return iri.startswith(BASE)


# --- pushing the dataset (partykg load) ---------------------------------------------------------

STAGING = "urn:partykg:staging:"


class LoadError(EndpointError):
    """A load that failed; the message says what state the endpoint is in."""


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    removed: list[str] = field(default_factory=list)


def push(remote: RemoteGraph, store: ox.Store,
         progress: Callable[[str], None] | None = None) -> PushReport:
    """Replace, on the endpoint, every named graph of ``store`` (but graph/meta) as a whole, and
    drop the endpoint's other partykg graphs (IRIs under the data base) that ``store`` no longer
    has. Graphs of other IRIs on the endpoint are left alone.

    All or nothing: each graph is first PUT (Graph Store Protocol) into a staging graph
    ``urn:partykg:staging:{token}:{n}``; then one SPARQL Update request MOVEs every staging graph
    onto its target and drops the stale ones. Until that request, the endpoint's partykg graphs
    are untouched; the request itself is atomic on endpoints that apply an update request in one
    transaction (Oxigraph, Fuseki, GraphDB...). If anything fails, the staging graphs are dropped
    (and any left by an interrupted load are dropped by the next one). While a load runs, readers
    of the union default graph also see the staging graphs.
    """
    say = progress or (lambda _msg: None)
    meta = ox.NamedNode(GRAPH_META)
    graphs = sorted((g for g in store.named_graphs()
                     if isinstance(g, ox.NamedNode) and g != meta), key=lambda g: g.value)
    existing = remote.named_graphs()  # also: the endpoint answers
    leftovers = [g for g in existing if g.startswith(STAGING)]
    token = uuid.uuid4().hex[:12]
    report = PushReport()
    staged: list[tuple[str, str]] = []  # (staging graph, target graph)
    empty: list[str] = []
    switching = False
    try:
        for i, g in enumerate(graphs):
            data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
            if not data:
                empty.append(g.value)
                continue
            staging = f"{STAGING}{token}:{i}"
            remote.put_graph(staging, data)
            staged.append((staging, g.value))
            report.triples += data.count(b"\n")
            say(f"staged <{g.value}> ({i + 1}/{len(graphs)})")
        targets = {t for _, t in staged}
        stale = sorted({g for g in existing if is_partykg_graph(g) and g not in targets}
                       | set(leftovers) | {g for g in empty if g in existing})
        ops = [f"MOVE GRAPH <{s}> TO GRAPH <{t}>" for s, t in staged]
        ops += [f"DROP SILENT GRAPH <{g}>" for g in stale]
        if ops:
            say(f"switching {len(staged)} graphs, dropping {len(stale)} in one update request")
            switching = True
            remote.update(" ;\n".join(ops))
        report.graphs = len(staged)
        report.removed = [g for g in stale if not g.startswith(STAGING)]
        return report
    except BaseException as e:
        cleanup = "the staging graphs were removed"
        if staged:
            try:
                remote.update(" ;\n".join(f"DROP SILENT GRAPH <{s}>" for s, _ in staged))
            except Exception:  # noqa: BLE001 - report, don't mask the first error
                cleanup = (f"the staging graphs <{STAGING}{token}:…> could not be removed; "
                           "the next 'partykg load' removes them")
        if isinstance(e, KeyboardInterrupt):
            raise
        if switching and isinstance(e, EndpointTimeout):
            raise LoadError(f"load failed: the switch request timed out; the endpoint applied "
                            f"it entirely or not at all, run 'partykg load' again to be sure "
                            f"({cleanup}): {e}") from e
        raise LoadError(f"load failed, the endpoint's partykg graphs were not changed "
                        f"({cleanup}): {e}") from e


__all__ = ["RemoteGraph", "EndpointError", "EndpointUnreachable", "EndpointTimeout",
           "EndpointHTTPError", "EndpointQueryError", "MalformedResults", "EndpointDataError",
           "LoadError", "is_partykg_graph", "push"]
