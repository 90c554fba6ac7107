"""The statements ``partykg import`` builds: each fact with its evidence node, held as shared
strings until they are written (:class:`_Builder`)."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from partykg.model.vocab import BASE, PK, PROV, RDF, XSD

_NODES: dict[str, ox.NamedNode] = {}


def n(term: str) -> ox.NamedNode:
    """A named node; the vocabulary's (predicates, classes, bodies) are made once."""
    node = _NODES.get(term)
    if node is None:
        node = ox.NamedNode(term)
        if len(_NODES) < 10_000:
            _NODES[term] = node
    return node


_n = n


class _Builder:
    """Collects the import's statements in its own named graph, with evidence for every fact.

    A statement is held as three strings, ``(subject IRI, predicate IRI, object in N-Triples
    form)``, mapped to the object's term: not as an engine quad (four terms, each its own copy
    of its text). The strings are shared (a subject's, a predicate's, an evidence node's), the
    tuple is the statement's identity (each one once) and its sort key (:func:`_serialize`):
    an import of 20,000 rows holds 900,000 statements."""

    def __init__(self, graph: str, stem: str):
        self.g = ox.NamedNode(graph)
        self.stem = stem
        self.quads: dict[tuple[str, str, str], ox.NamedNode | ox.Literal] = {}
        self.facts = 0
        self.unquoted = 0
        self._iri_keys: dict[str, str] = {}
        self._last_literal: tuple = (None, None, None)  # the row's quote, its literal, its key
        self._row: tuple = (None, None, None)  # the row's number, its literal, its key
        self._ev_prefix = f"{BASE}import/{stem}/row/"

    def key(self, iri: str) -> str:
        """``<iri>``, the N-Triples form of a named node (one string per IRI)."""
        k = self._iri_keys.get(iri)
        if k is None:
            k = self._iri_keys[iri] = f"<{iri}>"
        return k

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.quads[(s, p, self.key(o.value) if isinstance(o, ox.NamedNode) else str(o))] = o

    def fact(self, s: str, p: str, o, row: int, source: str, quote: str, lang: str) -> None:
        if isinstance(o, str):
            obj, okey = _n(o), self.key(o)
        else:
            obj, okey = o, (self.key(o.value) if isinstance(o, ox.NamedNode) else str(o))
        q = self.quads
        q[(s, p, okey)] = obj
        h = hashlib.sha1(f"{s} {p} {okey}".encode()).hexdigest()[:12]
        ev = f"{self._ev_prefix}{row}/{h}"
        q[(ev, _RDF_TYPE, _EVIDENCE_KEY)] = _EVIDENCE
        q[(ev, _RDF_SUBJECT, self.key(s))] = _n(s)
        q[(ev, _RDF_PREDICATE, self.key(p))] = _n(p)
        q[(ev, _RDF_OBJECT, okey)] = obj
        if quote:
            last = self._last_literal
            if last[0] != (quote, lang):
                lit = ox.Literal(quote, language=lang)
                last = self._last_literal = ((quote, lang), lit, str(lit))
            q[(ev, _QUOTE, last[2])] = last[1]
        else:
            self.unquoted += 1
        q[(ev, _QUOTED_FROM, self.key(source))] = _n(source)
        if self._row[0] != row:
            lit = _row_literal(row)
            self._row = (row, lit, str(lit))
        q[(ev, _CSV_ROW, self._row[2])] = self._row[1]
        self.facts += 1

    def mentioned(self, prefix: str) -> list[ox.NamedNode]:
        """The subjects of the statements and the named nodes they point at, but for the
        statements of the nodes under ``prefix`` (see :func:`partykg.graph.addition.neighbourhood`)."""
        out: dict[str, None] = {}
        for (s, _, _), o in self.quads.items():
            if s.startswith(prefix):
                continue
            out[s] = None
            if isinstance(o, ox.NamedNode):
                out[o.value] = None
        return [_n(x) for x in out]

    def statements(self, keys=None):
        """The engine's quads of the statements (of ``keys``, in that order), made one at a
        time."""
        g, last, node = self.g, None, None
        quads = self.quads
        for k in (quads if keys is None else keys):
            s = k[0]
            if s is not last:
                last, node = s, ox.NamedNode(s)
            yield ox.Quad(node, _n(k[1]), quads[k], g)


_RDF_TYPE, _RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = (
    RDF + "type", RDF + "subject", RDF + "predicate", RDF + "object")
_QUOTE, _QUOTED_FROM, _CSV_ROW = PK + "quote", PROV + "wasQuotedFrom", PK + "csvRow"
_EVIDENCE = ox.NamedNode(PK + "Evidence")
_EVIDENCE_KEY = f"<{PK}Evidence>"


def _row_literal(row: int) -> ox.Literal:
    return ox.Literal(str(row), datatype=_n(XSD + "positiveInteger"))


