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
sorted by their terms (the engine's order is its indexes'). Tests compare both on the whole
graph. Every caller of the ``entity`` query gives the same answer in any order of its rows; the
``document`` query's rows are read so only for a caller that says its answer does not depend on
their order (``any_order``, :data:`ANY_ORDER`): a card lists a document's facts in the order
the engine gives them.
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


# queries/document.rq: every fact about an entity in both directions with its sources, quotes
# and notes (reified as pk:Evidence nodes), and the sources that only mention it
_SUBJECT, _PREDICATE, _OBJECT = (ox.NamedNode(RDF + x) for x in ("subject", "predicate", "object"))
_QUOTED_FROM = ox.NamedNode("http://www.w3.org/ns/prov#wasQuotedFrom")
_QUOTE, _NOTE = ox.NamedNode(PK + "quote"), ox.NamedNode(PK + "note")
_NOT_OUT = frozenset(ox.NamedNode(PK + k) for k in ("codeKey", "numberKey", "nameKey"))
_NOT_IN = frozenset((_SUBJECT, _OBJECT, ox.NamedNode(ORG + "originalOrganization"),
                     ox.NamedNode(ORG + "resultingOrganization")))
_OUT, _IN, _MENTION = ox.Literal("out"), ox.Literal("in"), ox.Literal("mention")
_DOCUMENT_VARS = ("direction", "p", "o", "source", "quote", "note")


def _evidence(store: ox.Store, about) -> list[dict]:
    """The evidence nodes whose rdf:subject is ``about``, each as {property: {objects}}."""
    out = []
    for ev in dict.fromkeys(q.subject for q in store.quads_for_pattern(None, _SUBJECT, about, None)):
        props: dict = {}
        for q in store.quads_for_pattern(ev, None, None, None):
            props.setdefault(q.predicate, {})[q.object] = None
        out.append(props)
    return out


def _cited(props: dict) -> list[tuple]:
    """(source, quote, note) of one evidence node: every source, with each quote and note it
    has, or None (the query's OPTIONALs)."""
    return [(src, quote, note) for src in props.get(_QUOTED_FROM, ())
            for quote in (props.get(_QUOTE) or (None,)) for note in (props.get(_NOTE) or (None,))]


def document_rows(store: ox.Store, doc: ox.NamedNode) -> list[dict]:
    """The rows (``direction``, ``p``, ``o``, ``source``, ``quote``, ``note``) of
    queries/document.rq for ``doc``."""
    seen: dict[tuple, None] = {}

    def facts(direction, p, o, evidence, obj) -> None:
        found = False
        for props in evidence:
            if p in props.get(_PREDICATE, ()) and obj in props.get(_OBJECT, ()):
                for cited in _cited(props):
                    seen[(direction, p, o, *cited)] = None
                    found = True
        if not found:
            seen[(direction, p, o, None, None, None)] = None

    mine = _evidence(store, doc)
    done: set = set()
    for q in store.quads_for_pattern(doc, None, None, None):
        if q.predicate not in _NOT_OUT and (q.predicate, q.object) not in done:
            done.add((q.predicate, q.object))
            facts(_OUT, q.predicate, q.object, mine, q.object)
    done = set()
    theirs: dict = {}
    for q in store.quads_for_pattern(None, None, doc, None):
        if q.predicate not in _NOT_IN and (q.subject, q.predicate) not in done:
            done.add((q.subject, q.predicate))
            if q.subject not in theirs:
                theirs[q.subject] = _evidence(store, q.subject)
            facts(_IN, q.predicate, q.subject, theirs[q.subject], doc)
    for props in mine:
        if _PREDICATE not in props:
            for cited in _cited(props):
                seen[(_MENTION, None, None, *cited)] = None
    rows = sorted(seen, key=lambda r: tuple(map(term_key, r)))
    return [dict(zip(_DOCUMENT_VARS, r)) for r in rows]


# the CRC-32 of the query text each reader stands for -> (its parameter, the reader); the rows
# of those of ANY_ORDER come in an order of their own, for callers whose answers do not depend
# on the order of the rows (the engine's order of a document's facts shows in a card)
READERS = {0xD28EF5CB: ("entity", entity_rows)}
ANY_ORDER = {0xD9B57763: ("doc", document_rows)}


def rows(kg, text: str, params: dict, any_order: bool = False) -> list[dict] | None:
    """The rows of the library query ``text`` with ``params`` read from the store directly, or
    None when no reader stands for it here (see the module's docstring). ``any_order``: the
    caller's answer does not depend on the rows' order (readers of :data:`ANY_ORDER` too)."""
    store = getattr(kg, "store", None)
    if type(store) is not ox.Store or len(params) != 1:
        return None
    crc = zlib.crc32(text.encode("utf-8"))
    reader = READERS.get(crc) or (ANY_ORDER.get(crc) if any_order else None)
    if reader is None:
        return None
    name, read = reader
    term = params.get(name)
    if type(term) is not ox.NamedNode:
        return None
    return read(store, term)
