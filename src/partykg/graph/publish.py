"""What makes an export publishable: a JSON-LD context and compact JSON-LD, and a VoID/DCAT
description of the dataset (counts, sources, licences, distributions).

One job: given the quads :func:`partykg.graph.build.export` writes, say what they are. Pure
Python plus pyoxigraph; the JSON-LD is written here (compact form with CURIEs and IRIs relative
to the data base) rather than by a JSON-LD library, so that a million documents export in a
stream of plain dictionaries.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Iterable

import pyoxigraph as ox

from partykg import __version__
from partykg.model.vocab import BASE, GRAPH_DERIVED, GRAPH_ONTOLOGY, PK, PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"

# Licences (also in LICENSE files at the top of the repository and of ontology/ and graph/).
LICENSE_CODE = "https://www.apache.org/licenses/LICENSE-2.0"
LICENSE_DATA = "https://creativecommons.org/licenses/by/4.0/"
RIGHTS_QUOTES = ("The quoted texts (pk:quote and graph/corpus/) are kept for provenance; their "
                 "rights stay with their publishers.")

MEDIA_TYPES = {
    "partykg.trig": "application/trig",
    "partykg.nq": "application/n-quads",
    "partykg.nt": "application/n-triples",
    "partykg.jsonld": "application/ld+json",
}


def context() -> dict:
    """The JSON-LD context of the exports: the project's prefixes, and the data base as @base
    (so that data IRIs read as ``doc/tw/ct/2005/51``)."""
    ctx: dict[str, object] = {"@base": BASE}
    for prefix, iri in sorted(PREFIXES.items()):
        ctx[prefix] = iri
    ctx.setdefault("eli", "http://data.europa.eu/eli/ontology#")
    ctx.setdefault("xsd", "http://www.w3.org/2001/XMLSchema#")
    return {"@context": ctx}


def _compact_iri(iri: str, prefixes: list[tuple[str, str]]) -> str:
    for prefix, ns in prefixes:
        if iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns):]
            if "/" not in local and "#" not in local and ":" not in local:
                return f"{prefix}:{local}"
    return iri


def _node_ref(term, bnodes: dict[str, str]) -> str:
    if isinstance(term, ox.BlankNode):
        return bnodes.setdefault(term.value, f"_:b{len(bnodes)}")
    iri = term.value
    # relative to @base; a relative reference that could read as a CURIE or a keyword stays absolute
    if iri.startswith(BASE):
        rel = iri[len(BASE):]
        if rel and ":" not in rel.split("/", 1)[0] and not rel.startswith(("@", "_", "/", "?", "#")):
            return rel
    return iri


def _value(term, prefixes, bnodes) -> dict:
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _node_ref(term, bnodes)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    dt = term.datatype.value
    if dt == XSD_STRING:
        return {"@value": term.value}
    return {"@value": term.value, "@type": _compact_iri(dt, prefixes)}


def compact_jsonld(quads: Iterable[ox.Quad]) -> dict:
    """The dataset as compact JSON-LD: one entry per named graph, nodes grouped by subject,
    properties as CURIEs, data IRIs relative to @base. Deterministic (sorted)."""
    ctx = context()["@context"]
    prefixes = sorted(((p, ns) for p, ns in ctx.items() if not p.startswith("@")),
                      key=lambda x: -len(x[1]))
    graphs: dict[str, dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(dict))
    bnodes: dict[str, str] = {}
    for q in sorted(quads, key=str):
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "@default"
        node = graphs[g][_node_ref(q.subject, bnodes)]
        if q.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" \
                and isinstance(q.object, ox.NamedNode):
            node.setdefault("@type", []).append(_compact_iri(q.object.value, prefixes))
        else:
            key = _compact_iri(q.predicate.value, prefixes)
            node.setdefault(key, []).append(_value(q.object, prefixes, bnodes))
    out = []
    for g in sorted(graphs):
        nodes = [{"@id": s, **props} for s, props in sorted(graphs[g].items())]
        if g == "@default":
            out.extend(nodes)
        else:
            out.append({"@id": _node_ref(ox.NamedNode(g), bnodes), "@graph": nodes})
    return {**context(), "@graph": out}


def write_jsonld(quads: Iterable[ox.Quad], path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(compact_jsonld(quads), f, ensure_ascii=False, indent=1, sort_keys=False)
        f.write("\n")


def void_description(quads: list[ox.Quad], written: dict[str, int]) -> list[ox.Triple]:
    """A VoID and DCAT description of the exported dataset: counts (triples, entities, per
    class and per property), the source articles it draws on, licences, and one distribution
    per export file (``{base}dataset/{file}``, where the published dataset lives). Counts are of
    the data: the ontology and the derived keys are left out."""
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    ds = ox.NamedNode(BASE + "dataset")
    n = ox.NamedNode
    lit = ox.Literal
    xsd_int = n("http://www.w3.org/2001/XMLSchema#integer")
    data = [q for q in quads if q.graph_name not in (n(GRAPH_DERIVED), n(GRAPH_ONTOLOGY))]
    triples = {(q.subject, q.predicate, q.object) for q in data}
    classes: dict[str, set] = defaultdict(set)
    props: Counter = Counter()
    sources: set[str] = set()
    for s, p, o in triples:
        props[p.value] += 1
        if p.value == rdf_type and isinstance(o, ox.NamedNode):
            classes[o.value].add(s)
        if p.value == PK + "url":
            sources.add(o.value)
    entities = {s for s, p, o in triples if p.value == rdf_type and isinstance(s, ox.NamedNode)
                and s.value.startswith(BASE)}
    out = [
        ox.Triple(ds, n(rdf_type), n(VOID + "Dataset")),
        ox.Triple(ds, n(rdf_type), n(DCAT + "Dataset")),
        ox.Triple(ds, n("http://purl.org/dc/terms/title"),
                  lit("partykg: documents, bodies and relations of the Communist Party of "
                      "Vietnam, every fact traced to its source", language="en")),
        ox.Triple(ds, n("http://purl.org/dc/terms/license"), n(LICENSE_DATA)),
        ox.Triple(ds, n("http://purl.org/dc/terms/rights"), lit(RIGHTS_QUOTES, language="en")),
        ox.Triple(ds, n("http://www.w3.org/2002/07/owl#versionInfo"), lit(__version__)),
        ox.Triple(ds, n(VOID + "uriSpace"), lit(BASE)),
        ox.Triple(ds, n(VOID + "triples"), lit(str(len(triples)), datatype=xsd_int)),
        ox.Triple(ds, n(VOID + "entities"), lit(str(len(entities)), datatype=xsd_int)),
        ox.Triple(ds, n(VOID + "distinctSubjects"),
                  lit(str(len({t[0] for t in triples})), datatype=xsd_int)),
        ox.Triple(ds, n(VOID + "properties"), lit(str(len(props)), datatype=xsd_int)),
    ]
    for prefix in ("pk", "skos", "org", "prov", "dcterms", "foaf"):
        if prefix in PREFIXES:
            out.append(ox.Triple(ds, n(VOID + "vocabulary"), n(PREFIXES[prefix])))
    for url in sorted(sources):
        out.append(ox.Triple(ds, n("http://purl.org/dc/terms/source"), n(url)))
    for i, (cls, members) in enumerate(sorted(classes.items())):
        part = ox.NamedNode(f"{BASE}dataset/class/{i}")
        out += [ox.Triple(ds, n(VOID + "classPartition"), part),
                ox.Triple(part, n(VOID + "class"), n(cls)),
                ox.Triple(part, n(VOID + "entities"), lit(str(len(members)), datatype=xsd_int))]
    for i, (prop, count) in enumerate(sorted(props.items())):
        part = ox.NamedNode(f"{BASE}dataset/property/{i}")
        out += [ox.Triple(ds, n(VOID + "propertyPartition"), part),
                ox.Triple(part, n(VOID + "property"), n(prop)),
                ox.Triple(part, n(VOID + "triples"), lit(str(count), datatype=xsd_int))]
    for name in sorted(written):
        if name not in MEDIA_TYPES:
            continue
        dist = ox.NamedNode(f"{BASE}dataset/distribution/{name}")
        out += [ox.Triple(ds, n(DCAT + "distribution"), dist),
                ox.Triple(ds, n(VOID + "dataDump"), n(f"{BASE}dataset/{name}")),
                ox.Triple(dist, n(rdf_type), n(DCAT + "Distribution")),
                ox.Triple(dist, n(DCAT + "downloadURL"), n(f"{BASE}dataset/{name}")),
                ox.Triple(dist, n(DCAT + "mediaType"), lit(MEDIA_TYPES[name])),
                ox.Triple(dist, n("http://purl.org/dc/terms/license"), n(LICENSE_DATA))]
    return sorted(out, key=str)
