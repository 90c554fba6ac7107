"""Export the merged dataset and count what it holds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from partykg.store.embedded import KnowledgeGraph
from partykg.model.vocab import BASE, GRAPH_DERIVED, GRAPH_META, GRAPH_ONTOLOGY, PK, PREFIXES

EXPORTS = {
    "partykg.trig": ox.RdfFormat.TRIG,
    "partykg.nq": ox.RdfFormat.N_QUADS,
    "partykg.nt": ox.RdfFormat.N_TRIPLES,
    "partykg.jsonld": ox.RdfFormat.JSON_LD,
}


def export(kg: KnowledgeGraph, out: Path) -> dict[str, int]:
    """Write the dataset (one named graph per source; derived keys left out) as TriG, N-Quads
    and JSON-LD, and the union of its graphs as N-Triples. Returns statements written per file."""
    out.mkdir(parents=True, exist_ok=True)
    quads = kg.data_quads()
    written: dict[str, int] = {}
    prefixes = {**PREFIXES, "eli": "http://data.europa.eu/eli/ontology#", "id": BASE}
    for name, fmt in EXPORTS.items():
        target = out / name
        tmp = target.with_suffix(target.suffix + ".tmp")
        if fmt.supports_datasets:
            items: list = quads
        else:  # N-Triples: the union of the graphs, each triple once
            items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        ox.serialize(items, str(tmp), fmt, prefixes=prefixes)
        tmp.replace(target)  # a failed export never leaves a half-written file behind
        written[name] = len(items)
    return written


def stats(kg: KnowledgeGraph) -> dict[str, object]:
    """Counts by class and by relation over the union of the data graphs."""
    by_class = {str(r["c"].value).removeprefix(PK): int(r["n"].value) for r in kg.select(
        """SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {
             ?x a ?c . FILTER(STRSTARTS(STR(?c), STR(pk:)))
             FILTER NOT EXISTS { GRAPH <%s> { ?x a ?c } }
           } GROUP BY ?c ORDER BY DESC(?n) ?c""" % GRAPH_ONTOLOGY)}
    by_relation = {str(r["p"].value).removeprefix(PK): int(r["n"].value) for r in kg.select(
        """SELECT ?p (COUNT(*) AS ?n) WHERE {
             { SELECT DISTINCT ?s ?p ?o WHERE { ?p a pk:EvidencedProperty . ?s ?p ?o } }
           } GROUP BY ?p ORDER BY DESC(?n) ?p""")}
    sources = kg.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a pk:SourceArticle }")
    evidence = kg.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a pk:Evidence }")
    # per named graph, counted by the engine (any backend; the derived keys, an on-disk
    # store's metadata and the engine's own graphs are not data)
    graphs = Counter({r["g"].value: int(r["n"].value) for r in kg.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        if r["g"].value not in (GRAPH_DERIVED, GRAPH_META)
        and r["g"].value.startswith(BASE)})  # not an engine's own graphs (Virtuoso's)
    report = getattr(kg, "report", None)
    return {
        "files": len(report.files) if report is not None else None,
        "quads": sum(graphs.values()),
        "named_graphs": len(graphs),
        "sources": int(sources[0]["n"].value),
        "evidence": int(evidence[0]["n"].value),
        "classes": by_class,
        "relations": by_relation,
    }
