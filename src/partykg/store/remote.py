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

import os
import re
import urllib.parse
from typing import Any, Callable, Mapping

import pyoxigraph as ox

from partykg.store.embedded import QueryError
from partykg.store.http import (EndpointError, EndpointHTTPError, EndpointTimeout,  # noqa: F401
                                EndpointQueryError, EndpointUnreachable, ResponseTooLarge, Transport, check_timeout,
                                split_url)
from partykg.store.sparql import bind
from partykg.model.vocab import BASE, GRAPH_DERIVED, GRAPH_META, sparql_prefixes

Term = ox.NamedNode | ox.BlankNode | ox.Literal

ONTOLOGY_IRI = "https://w3id.org/partykg/ontology"
OWL_ONTOLOGY = "http://www.w3.org/2002/07/owl#Ontology"
UNION_PARAMETER = "union-default-graph"  # Oxigraph's request parameter
USER_ENV, PASSWORD_ENV = "PARTYKG_ENDPOINT_USER", "PARTYKG_ENDPOINT_PASSWORD"

_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
_RDF_ACCEPT = ("application/n-triples, text/turtle;q=0.9, application/n-quads;q=0.8, "
               "application/rdf+xml;q=0.5")
_FORM = "application/x-www-form-urlencoded"
VIRTUOSO_BNODE = "nodeID://"  # how Virtuoso writes a blank node in query results
_VIRTUOSO_BNODE = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*"|<bnode>)nodeID://')


class MalformedResults(EndpointError):
    """The endpoint answered something that is not the results of the query."""


class TruncatedResults(EndpointError):
    """The endpoint cut the answer at its row limit (Virtuoso's ResultSetMaxRows)."""


class IncompleteResults(EndpointError):
    """The endpoint stopped the query at its time limit and sent what it had (Virtuoso's
    "anytime" answers: HTTP 200, ``X-SQL-State: S1TAT``)."""


class EndpointDataError(EndpointError):
    """The endpoint does not hold the partykg graph the way queries need it."""


def _derive_url(endpoint: str, segment: str) -> str | None:
    """``http://h/query`` -> ``http://h/{segment}`` (Oxigraph's layout); None for other URLs."""
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rpartition("/")
    if last == "query":
        return urllib.parse.urlunsplit(parts._replace(path=f"{head}/{segment}", query=""))
    return None


def _sibling(endpoint: str, last: str) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    head = parts.path.rpartition("/")[0]
    return urllib.parse.urlunsplit(parts._replace(path=f"{head}/{last}", query=""))


def _clean_term(term, endpoint: str):
    """A result term as partykg reads it: Virtuoso writes blank nodes as IRIs ``nodeID://b1``."""
    if isinstance(term, ox.NamedNode) and term.value.startswith(VIRTUOSO_BNODE):
        label = "".join(c if c.isalnum() else "_" for c in term.value[len(VIRTUOSO_BNODE):])
        return ox.BlankNode("v" + label)
    return term


class RemoteGraph:
    """Any SPARQL 1.1 endpoint, queried over HTTP with the embedded store's queries.

    ``update_endpoint`` (SPARQL Update) defaults to the sibling ``update`` URL of an
    Oxigraph-style ``…/query`` endpoint; for any other URL (``…/sparql``: Virtuoso, GraphDB,
    Blazegraph...) to the endpoint itself, except on Virtuoso with credentials, where it is
    ``…/sparql-auth`` (Virtuoso's authenticated endpoint; its anonymous ``/sparql`` cannot
    write). ``graph_store`` (Graph Store Protocol) defaults to ``…/store`` next to ``…/query``;
    without one, ``partykg load`` writes with SPARQL Update. ``user``/``password`` (default: the
    URL's user information, else the environment variables ``PARTYKG_ENDPOINT_USER`` and
    ``PARTYKG_ENDPOINT_PASSWORD``) are sent by HTTP Digest or Basic authentication when the
    endpoint asks. ``union`` is "auto" (check once, see the module's documentation), "endpoint"
    (trust the endpoint's default graph) or "parameter" (always send Oxigraph's
    ``union-default-graph`` parameter).
    """

    def __init__(self, endpoint: str, update_endpoint: str | None = None, timeout: float = 30.0,
                 graph_store: str | None = None, union: str = "auto", root=None,
                 user: str | None = None, password: str | None = None):
        self.endpoint, url_user, url_password = split_url(endpoint)
        if user is None:
            user = url_user if url_user is not None else (os.environ.get(USER_ENV) or None)
        if password is None:
            password = url_password if url_password is not None else os.environ.get(PASSWORD_ENV)
        if user is None:
            password = None
        self.timeout = check_timeout(timeout)
        self.http = Transport(self.timeout, user, password)
        self._update_given = update_endpoint is not None
        self._update = split_url(update_endpoint, "update endpoint")[0] if update_endpoint \
            else (_derive_url(self.endpoint, "update") or self.endpoint)
        self.graph_store = split_url(graph_store, "graph store")[0] if graph_store \
            else _derive_url(self.endpoint, "store")
        for url in (self.endpoint, self._update, self.graph_store):
            if url:
                self.http.allow(url)
        if union not in ("auto", "endpoint", "parameter"):
            raise ValueError(f"union: {union!r}")
        self.union = union
        self._checked = union != "auto"
        self.server: str | None = None  # the Server header of the first answer
        self._cap: int | None = None  # the row limit the last answer says it reached
        self.root = root
        self.report = None  # no files behind an endpoint
        self._prefixes = sparql_prefixes()

    def __repr__(self) -> str:
        return f"RemoteGraph({self.endpoint!r})"

    @property
    def is_virtuoso(self) -> bool:
        if self.server is None:
            try:
                self._request("ASK { }", _RESULTS_ACCEPT)
            except EndpointError:
                return False
        return "virtuoso" in (self.server or "").lower()

    @property
    def update_endpoint(self) -> str:
        if not self._update_given and self.http.user is not None and self.is_virtuoso \
                and self._update.rstrip("/").endswith("/sparql"):
            return self._update.rstrip("/") + "-auth"
        return self._update

    # --- the three calls ---------------------------------------------------------------------------

    def select(self, query: str, bindings: Mapping[str, Term | None] | None = None,
               prefixes: bool = True) -> list[dict[str, Any]]:
        """Run a SELECT over the union of the endpoint's graphs; unbound variables are None.
        With ``prefixes``, partykg's prefixes are declared before the query's own."""
        res = self._results(query, bindings, prefixes)
        if not isinstance(res, ox.QuerySolutions):
            raise MalformedResults(f"{self.endpoint}: malformed answer: expected the solutions "
                                   "of a SELECT query, got a boolean")
        rows = self._rows(res)
        self._check_cut(query, len(rows))
        if _DISTINCT.search(query):
            # Virtuoso 7.2 can keep equal rows under DISTINCT (equal typed literals such as
            # "2025"^^xsd:gYear stored by different requests): DISTINCT is kept here
            seen, unique = set(), []
            for r in rows:
                key = tuple((k, str(v)) for k, v in r.items())
                if key not in seen:
                    seen.add(key)
                    unique.append(r)
            rows = unique
        if not rows and _AGGREGATE.search(query) and not _GROUP_BY.search(query):
            raise MalformedResults(f"{self.endpoint}: malformed answer: no row for an aggregate "
                                   "(COUNT...) without GROUP BY, which always has one")
        return rows

    def ask(self, query: str, bindings: Mapping[str, Term | None] | None = None,
            prefixes: bool = True) -> bool:
        res = self._results(query, bindings, prefixes)
        if not isinstance(res, ox.QueryBoolean):
            raise MalformedResults(f"{self.endpoint}: malformed answer: expected the boolean "
                                   "answer of an ASK query")
        return bool(res)

    def construct(self, query: str, bindings: Mapping[str, Term | None] | None = None,
                  prefixes: bool = True) -> list[ox.Triple]:
        """Run a CONSTRUCT (or DESCRIBE); the triples come back as pyoxigraph triples."""
        body, ctype = self._query(query, bindings, _RDF_ACCEPT, prefixes)
        if self._cap is not None:  # the header comes only with an answer that reached the limit
            self._check_cut(query, self._cap)
        fmt = ox.RdfFormat.from_media_type(ctype) if ctype else ox.RdfFormat.N_TRIPLES
        if fmt is None:
            raise MalformedResults(f"{self.endpoint}: answered a CONSTRUCT with {ctype!r}, "
                                   "not an RDF format")
        try:
            out = []
            for t in ox.parse(body, format=fmt):
                t = ox.Triple(t.subject, t.predicate, t.object) if isinstance(t, ox.Quad) else t
                s, o = _clean_term(t.subject, self.endpoint), _clean_term(t.object, self.endpoint)
                out.append(ox.Triple(s, t.predicate, o) if (s, o) != (t.subject, t.object)
                           else t)
            return out
        except (SyntaxError, ValueError) as e:
            raise MalformedResults(f"{self.endpoint}: malformed {fmt.name} answer to a "
                                   f"CONSTRUCT: {e}") from e

    def update(self, update: str, timeout: float | None = None) -> None:
        """Run a SPARQL 1.1 Update request (one request: atomic on endpoints that apply a request
        in one transaction, as Oxigraph and Fuseki do; Virtuoso applies it statement by
        statement)."""
        text = self._prefixes + update
        self.http.request("POST", self.update_endpoint,
                          urllib.parse.urlencode({"update": text}).encode(),
                          {"Content-Type": _FORM, "Accept": _RESULTS_ACCEPT}, query=True,
                          timeout=timeout)

    # --- graph store protocol ------------------------------------------------------------------------

    def put_graph(self, graph: str, data: bytes, content_type: str = "application/n-triples",
                  append: bool = False) -> None:
        """Replace (PUT), or with ``append`` add to (POST), the named graph ``graph``."""
        self._graph_request("POST" if append else "PUT", graph, data, content_type)

    def delete_graph(self, graph: str) -> None:
        self._graph_request("DELETE", graph)

    def _graph_request(self, method: str, graph: str, data: bytes | None = None,
                       content_type: str | None = None, accept: str | None = None):
        if not self.graph_store:
            raise EndpointError(f"{self.endpoint}: no Graph Store Protocol URL (--graph-store)")
        sep = "&" if "?" in self.graph_store else "?"
        url = f"{self.graph_store}{sep}{urllib.parse.urlencode({'graph': graph})}"
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        body, ctype, _ = self.http.request(method, url, data, headers)
        return body, ctype

    # --- the graph as data (validation, stats) ----------------------------------------------------

    def named_graphs(self) -> list[str]:
        """The endpoint's named graphs that hold a triple (no check of its default graph: works
        on an empty one). ``GRAPH ?g { }`` would be cheaper, but Virtuoso answers it with no
        graph; and ``SELECT DISTINCT ?g`` over every quad can run into Virtuoso 7.2's transaction
        timeout (SR171 after 60 s, seen after a load's DROPs) where ``GROUP BY ?g`` answers at
        once."""
        rows = self._select_raw("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return sorted({r["g"].value for r in rows if isinstance(r.get("g"), ox.NamedNode)})

    def graph_sizes(self) -> dict[str, int]:
        """The endpoint's named graphs that hold a triple and their numbers of triples (one
        ``GROUP BY ?g`` query, as :meth:`named_graphs`)."""
        rows = self._select_raw("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } "
                                "GROUP BY ?g")
        out = {}
        for r in rows:
            if isinstance(r.get("g"), ox.NamedNode):
                n = r.get("n")
                out[r["g"].value] = int(n.value) if isinstance(n, ox.Literal) \
                    and n.value.isdigit() else 0
        return dict(sorted(out.items()))

    def partykg_graphs(self) -> list[str]:
        """The named graphs partykg owns (IRIs under the data base), not the engine's own."""
        return [g for g in self.named_graphs() if is_partykg_graph(g)]

    def data_quads(self) -> list[ox.Quad]:
        """Every quad in partykg's named graphs except the derived keys and store metadata
        (one SELECT, so blank nodes keep their identity across the answer)."""
        rows = self._select_raw(
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), \"{BASE}\")) "
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

    def _rows(self, res) -> list[dict[str, Any]]:
        names = [v.value for v in res.variables]
        try:
            return [{n: _clean_term(sol[n], self.endpoint) for n in names} for sol in res]
        except (SyntaxError, ValueError) as e:
            raise MalformedResults(f"{self.endpoint}: malformed query results: {e}") from e

    def _parse_results(self, body: bytes, ctype: str):
        fmt = (ox.QueryResultsFormat.from_media_type(ctype) if ctype else None) \
            or ox.QueryResultsFormat.JSON
        if b"nodeID://" in body:  # Virtuoso's blank nodes: "bnode" values "nodeID://b123"
            body = _VIRTUOSO_BNODE.sub(rb"\1", body)
        try:
            return ox.parse_query_results(body, fmt)
        except (SyntaxError, ValueError) as e:
            raise MalformedResults(f"{self.endpoint}: malformed {fmt.name} query results: "
                                   f"{e}") from e

    def _results(self, query: str, bindings, prefixes: bool = True):
        body, ctype = self._query(query, bindings, _RESULTS_ACCEPT, prefixes)
        return self._parse_results(body, ctype)

    def _select_raw(self, query: str) -> list[dict[str, Any]]:
        """A SELECT that needs no union default graph (GRAPH patterns only)."""
        body, ctype = self._request(query, _RESULTS_ACCEPT)
        res = self._parse_results(body, ctype)
        if not isinstance(res, ox.QuerySolutions):
            raise MalformedResults(f"{self.endpoint}: malformed answer: expected the "
                                   "solutions of a SELECT query")
        rows = self._rows(res)
        self._check_cut(query, len(rows))
        return rows

    def _query(self, query: str, bindings, accept: str, prefixes: bool = True
               ) -> tuple[bytes, str]:
        self._check_union()
        return self._request(bind(query, bindings), accept, union=self.union == "parameter",
                             prefixes=prefixes)

    def _request(self, query: str, accept: str, union: bool = False, prefixes: bool = True
                 ) -> tuple[bytes, str]:
        if _is_update(query):
            raise QueryError("a SPARQL Update cannot run as a query")
        form = {"query": (self._prefixes if prefixes else "") + query}
        if union:
            form[UNION_PARAMETER] = "true"
        body, ctype, headers = self.http.request(
            "POST", self.endpoint, urllib.parse.urlencode(form).encode(),
            {"Content-Type": _FORM, "Accept": accept}, query=True)
        if self.server is None:
            self.server = headers.get("Server", "")
        _check_complete(self.endpoint, headers)
        cap = next((v for k, v in headers.items() if k.lower() == "x-sparql-maxrows"), None)
        self._cap = int(cap) if cap and cap.strip().isdigit() else None
        return body, ctype

    def _check_cut(self, query: str, rows: int) -> None:
        """Virtuoso cuts an answer at its ResultSetMaxRows without an error; it only says so in
        the ``X-SPARQL-MaxRows`` header, sent when the answer reached the limit. An answer that
        reached it is refused (rather than shown as if complete) unless the query's own LIMIT is
        what stopped it."""
        cap = self._cap
        if cap is None or rows < cap:
            return
        m = _LIMIT.search(query)
        if m and int(m.group(1)) <= cap:
            return
        raise TruncatedResults(
            f"{self.endpoint} cut the answer at its limit of {cap} rows (Virtuoso's "
            "ResultSetMaxRows), so it is incomplete: raise ResultSetMaxRows in the [SPARQL] "
            "section of virtuoso.ini (no restart needed), or ask a narrower question")

    def _check_union(self) -> None:
        """Once: make sure the default graph the queries see is the union of the named graphs."""
        if self._checked:
            return
        probe = f"ASK {{ <{ONTOLOGY_IRI}> a <{OWL_ONTOLOGY}> }}"
        named = f"ASK {{ GRAPH ?g {{ <{ONTOLOGY_IRI}> a <{OWL_ONTOLOGY}> }} }}"

        def ask(q: str, union: bool = False) -> bool:
            res = self._parse_results(*self._request(q, _RESULTS_ACCEPT, union=union))
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


def _check_complete(endpoint: str, headers: Mapping[str, str]) -> None:
    """Virtuoso answers a query that ran past its time limit (``MaxQueryExecutionTime`` in
    ``[SPARQL]`` of virtuoso.ini, 60 s in Debian's) with HTTP 200 and whatever it had found by
    then: an "anytime" answer, marked only by the ``X-SQL-State: S1TAT`` header. Rows may be
    missing, OPTIONAL values left unbound and a COUNT may have no row; such an answer is refused
    rather than read as complete."""
    state = next((v for k, v in headers.items() if k.lower() == "x-sql-state"), "")
    if state.strip().upper() != "S1TAT":
        return
    raise IncompleteResults(
        f"{endpoint} stopped the query at its time limit and sent an incomplete answer "
        "(Virtuoso's anytime answer, X-SQL-State S1TAT): raise MaxQueryExecutionTime in the "
        "[SPARQL] section of virtuoso.ini, or ask again when the server is less busy")


_AGGREGATE = re.compile(r"(?is)^[^{]*\bSELECT\b[^{]*\(\s*(COUNT|SUM|MIN|MAX|AVG)\s*\(")
_GROUP_BY = re.compile(r"(?i)\bGROUP\s+BY\b")
_LIMIT = re.compile(r"(?is)\bLIMIT\s+(\d+)\s*(?:OFFSET\s+\d+\s*)?$")
_DISTINCT = re.compile(r"(?is)^[^{]*\bSELECT\s+DISTINCT\b")

_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                 "WITH")


def _is_update(query: str) -> bool:
    """True when the text is a SPARQL Update (its first keyword after the prologue)."""
    import re

    text = re.sub(r"(?m)#[^\n]*$", " ", query)
    text = re.sub(r"(?is)^\s*((PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", text)
    m = re.match(r"\s*([A-Za-z]+)", text)
    return bool(m) and m.group(1).upper() in _UPDATE_WORDS


def is_partykg_graph(iri: str) -> bool:
    """A named graph that partykg owns on an endpoint (its IRI is under the data base)."""
    return iri.startswith(BASE)


__all__ = ["RemoteGraph", "EndpointError", "EndpointUnreachable", "EndpointTimeout",
           "EndpointHTTPError", "EndpointQueryError", "MalformedResults", "EndpointDataError",
           "ResponseTooLarge", "TruncatedResults", "IncompleteResults", "is_partykg_graph"]
