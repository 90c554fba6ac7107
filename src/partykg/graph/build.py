"""Export the merged dataset and count what it holds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from partykg.errors import PartykgError
from partykg.files import AtomicFiles, _os_message
from partykg.store.embedded import KnowledgeGraph
from partykg.model.vocab import BASE, GRAPH_DERIVED, GRAPH_META, GRAPH_ONTOLOGY, PK, PREFIXES

EXPORTS = {
    "partykg.trig": ox.RdfFormat.TRIG,
    "partykg.nq": ox.RdfFormat.N_QUADS,
    "partykg.nt": ox.RdfFormat.N_TRIPLES,
    "partykg.jsonld": ox.RdfFormat.JSON_LD,
}


def export(kg: KnowledgeGraph, out: Path) -> dict[str, int]:
    """Write the dataset as TriG, N-Quads and compact JSON-LD (one named graph per source, plus
    ``graph/derived``: the lookup keys, so that the dataset answers ``ask`` wherever it is
    loaded), the union of its graphs as N-Triples, the JSON-LD context (``context.jsonld``) and
    a VoID/DCAT description (``void.ttl``). Returns statements written per file.

    All or nothing: the files are written to temporary files first and renamed into place only
    once all of them are complete; an error (a full disk, a read-only folder) or Ctrl-C leaves
    the old exports as they were and no temporary file behind. The same graph gives the same
    bytes: statements are sorted and blank nodes get labels derived from their content
    (:func:`stable_quads`)."""
    import json

    from partykg.graph.publish import context, void_description, write_jsonld

    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise PartykgError(f"{out} exists and is not a folder: cannot write the exports there")
    except OSError as e:
        raise PartykgError(_os_message(out, e)) from e
    derived = ox.NamedNode(GRAPH_DERIVED)
    quads = stable_quads(kg.data_quads() + list(kg.store.quads_for_pattern(None, None, None, derived)))
    written: dict[str, int] = {}
    # IRIs are written in full (no prefix for the data base): a prefixed name needs "\/" for
    # every "/", which some engines (Virtuoso) keep as a backslash.
    prefixes = {**PREFIXES, "eli": "http://data.europa.eu/eli/ontology#"}
    with AtomicFiles() as files:
        for name, fmt in EXPORTS.items():
            if fmt == ox.RdfFormat.JSON_LD:
                items: list = quads
                files.write(out / name, lambda tmp: write_jsonld(quads, tmp))
            else:
                if fmt.supports_datasets:
                    items = quads
                else:  # N-Triples: the union of the graphs, each triple once
                    items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                                   key=str)
                files.write(out / name, lambda tmp, items=items, fmt=fmt: ox.serialize(
                    items, str(tmp), fmt, prefixes=prefixes))
            written[name] = len(items)
        files.write(out / "context.jsonld", lambda tmp: Path(tmp).write_text(
            json.dumps(context(), indent=1) + "\n", encoding="utf-8"))
        void = void_description(quads, written)
        files.write(out / "void.ttl", lambda tmp: ox.serialize(
            void, str(tmp), ox.RdfFormat.TURTLE,
            prefixes={"void": "http://rdfs.org/ns/void#", "dcat": "http://www.w3.org/ns/dcat#",
                      "dcterms": "http://purl.org/dc/terms/", **PREFIXES}))
        written["void.ttl"] = len(void)
    return written


def stable_quads(quads: list[ox.Quad]) -> list[ox.Quad]:
    """``quads`` sorted, with every blank node relabelled from what it states (a hash of its
    statements, the blank nodes among them by their own statements, a few rounds deep), so that
    the same graph always gives the same labels and the same order whatever ids the store gave
    them. Two blank nodes stating exactly the same thing get a number after the hash, in the
    order of their statements."""
    import hashlib

    blanks: dict[ox.BlankNode, list[ox.Quad]] = {}
    for q in quads:
        for t in (q.subject, q.object):
            if isinstance(t, ox.BlankNode):
                blanks.setdefault(t, []).append(q)
    if not blanks:
        return sorted(quads, key=str)
    label = {b: "" for b in blanks}

    def show(t, me) -> str:
        if isinstance(t, ox.BlankNode):
            return "_:self" if t == me else f"_:{label[t]}"
        return str(t)

    for _ in range(4):  # each round sees one more step through other blank nodes
        label = {b: hashlib.sha256("\n".join(sorted(
            f"{show(q.subject, b)} {q.predicate} {show(q.object, b)} {q.graph_name}"
            for q in qs)).encode("utf-8")).hexdigest()[:24] for b, qs in blanks.items()}
    final: dict[ox.BlankNode, ox.BlankNode] = {}
    seen: dict[str, int] = {}
    for b in sorted(blanks, key=lambda b: (label[b], sorted(str(q) for q in blanks[b]))):
        n = seen.get(label[b], 0)
        seen[label[b]] = n + 1
        final[b] = ox.BlankNode(f"b{label[b]}" + (f"n{n}" if n else ""))

    def fix(t):
        return final.get(t, t) if isinstance(t, ox.BlankNode) else t

    return sorted((ox.Quad(fix(q.subject), q.predicate, fix(q.object), q.graph_name)
                   for q in quads), key=str)


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
