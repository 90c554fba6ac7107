"""Library queries answered by reading the embedded store's quads directly, without the SPARQL
engine (issue 13: for a small query the engine's parsing and optimising cost more than running
it, and ``partykg ask`` runs the ``entity`` query for every entity an answer names).

A reader stands for one library query exactly as shipped: it is used only when the query's
text (``queries/NAME.rq`` of the project) is, character for character, the text the reader was
written for (by CRC-32, :data:`READERS`), on an embedded pyoxigraph store, with exactly the
query's one parameter bound to an IRI. A query edited by its user, a remote endpoint or another
parameter runs the query as before. The reader gives the same rows as the query (the same
distinct rows; the engine's default graph is the union of every graph, the default graph
included, as ``quads_for_pattern`` with no graph reads them), in a fixed order of its own:
sorted by their terms (the engine's order is its indexes'; every caller of these queries
gives the same answer in any order of the rows; tests compare both on the whole graph).

A query of :data:`SORTED` (the ``document`` query of a card) is still run by the engine, but
without its closing ORDER BY, and its rows are sorted in Python by that ORDER BY's key: the same
rows in the same order (a test compares them on every IRI of the graph), for half the engine's
time, whose sort of a few rows costs more than the query itself.
"""

from __future__ import annotations

import zlib

import pyoxigraph as ox

from partykg.model.vocab import DCTERMS, ORG, PK, RDF, RDFS, SKOS

# queries/entity.rq: one entity's class, names, code, dates... and statuses with their asOf
_ENTITY_PROPS = frozenset(ox.NamedNode(p) for p in (
    RDF + "type", SKOS + "prefLabel", SKOS + "altLabel", PK + "code", PK + "number",
    PK + "dateIssued", PK + "issuedBy", PK + "title", PK + "subject", PK + "documentType",
    PK + "term", PK + "startDate", PK + "endDate", PK + "ordinal", PK + "draftedBy",
    PK + "submittedTo", PK + "approvedAt", ORG + "postIn", DCTERMS + "title",
    DCTERMS + "issued", DCTERMS + "publisher", DCTERMS + "language", PK + "url",
    PK + "translationOf", RDFS + "comment"))
_HAS_STATUS = ox.NamedNode(PK + "hasStatus")
_STATUS = ox.NamedNode(PK + "status")
_AS_OF = ox.NamedNode(PK + "asOf")


def term_key(term) -> tuple:
    """A total order on RDF terms (and None, an unbound variable, first): IRIs, blank nodes,
    then literals by value, language and datatype."""
    if term is None:
        return (0, "", "", "")
    if isinstance(term, ox.NamedNode):
        return (1, term.value, "", "")
    if isinstance(term, ox.BlankNode):
        return (2, term.value, "", "")
    return (3, term.value, term.language or "", term.datatype.value if term.datatype else "")


def _objects(store: ox.Store, s, p) -> list:
    """The distinct objects of (s p ?o) in any graph, in the store's order."""
    return list(dict.fromkeys(q.object for q in store.quads_for_pattern(s, p, None, None)))


def entity_rows(store: ox.Store, entity: ox.NamedNode) -> list[dict]:
    """The rows (``p``, ``o``, ``asOf``) of queries/entity.rq for ``entity``."""
    seen: dict[tuple, None] = {}
    for q in store.quads_for_pattern(entity, None, None, None):
        if q.predicate in _ENTITY_PROPS:
            seen[(q.predicate, q.object, None)] = None
    for st in _objects(store, entity, _HAS_STATUS):
        if isinstance(st, ox.Literal):
            continue
        as_of = _objects(store, st, _AS_OF) or [None]
        for o in _objects(store, st, _STATUS):
            for a in as_of:
                seen[(_STATUS, o, a)] = None
    rows = sorted(seen, key=lambda r: (r[0].value, term_key(r[1]), term_key(r[2])))
    return [{"p": p, "o": o, "asOf": a} for p, o, a in rows]


# the CRC-32 of the query text each reader stands for -> (its parameter, the reader)
READERS = {0xD28EF5CB: ("entity", entity_rows)}


def _str(term) -> tuple:
    """SPARQL ``STR(term)`` as an ORDER BY key: an error (unbound, a blank node) sorts first."""
    if term is None or isinstance(term, ox.BlankNode):
        return (0, "")
    return (1, term.value)


def _lang(term) -> tuple:
    """``LANG(term)`` as an ORDER BY key: "" for a literal without one; an error first."""
    if not isinstance(term, ox.Literal):
        return (0, "")
    return (1, term.language or "")


def _datatype(term) -> tuple:
    """``STR(DATATYPE(term))`` as an ORDER BY key (rdf:langString for a language-tagged one)."""
    if not isinstance(term, ox.Literal):
        return (0, "")
    return (1, term.datatype.value)


_DIRECTION = {"out": 2, "mention": 1, "in": 0}  # DESC(?direction): "out" > "mention" > "in"


def document_key(row: dict) -> tuple:
    """The ORDER BY of queries/document.rq, in Python: ``DESC(?direction) STR(?p) STR(?o)
    LANG(?o) STR(DATATYPE(?o)) STR(?source) STR(?quote) LANG(?quote) STR(?note)`` (strings
    compared by code point, as the engine compares them; an expression in error first), then,
    for rows that ORDER BY does not tell apart (other ends or sources that are blank nodes,
    whose STR is an error), the terms themselves (:func:`term_key`: a blank node by its label
    in this store): a total order, the same in every run, so that such a card is kept in the
    table too (:mod:`partykg.store.table`). The first nine parts are the ORDER BY's."""
    d = row["direction"]
    o, quote, source, note = row["o"], row["quote"], row["source"], row["note"]
    return (-_DIRECTION.get(d.value if d is not None else "", -1), _str(row["p"]), _str(o),
            _lang(o), _datatype(o), _str(source), _str(quote), _lang(quote), _str(note),
            term_key(o), term_key(source), term_key(quote), term_key(note), term_key(row["p"]))


# the CRC-32 of a query text ending in an ORDER BY -> (its parameter, the key of that ORDER BY):
# the engine runs the text without its ORDER BY and the rows are sorted here, the same order
# (the engine's sort costs more than the query: 5.9 against 3.0 ms for a card, warm)
SORTED = {0x7C6749B5: ("doc", document_key)}


def rows(kg, text: str, params: dict) -> list[dict] | None:
    """The rows of the library query ``text`` with ``params`` read from the store directly, or
    None when no reader stands for it here (see the module's docstring)."""
    store = getattr(kg, "store", None)
    if type(store) is not ox.Store or len(params) != 1:
        return None
    crc = zlib.crc32(text.encode("utf-8"))
    reader = READERS.get(crc)
    if reader is None:
        return _sorted(kg, crc, text, params)
    name, read = reader
    term = params.get(name)
    if type(term) is not ox.NamedNode:
        return None
    return read(store, term)


def _sorted(kg, crc: int, text: str, params: dict) -> list[dict] | None:
    """The rows of the query ``text`` (one of :data:`SORTED`) run without its ORDER BY and
    sorted by its key, or None when it is not one of them or not bound as it expects."""
    sorter = SORTED.get(crc)
    if sorter is None:
        return None
    name, key = sorter
    if type(params.get(name)) is not ox.NamedNode:
        return None
    rows = kg.select(text[:text.rindex("\nORDER BY")] + "\n", params, prefixes=False)
    rows.sort(key=key)
    return rows
