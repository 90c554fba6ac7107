"""Namespace IRIs as plain strings, for code that must not import rdflib (the fast paths).

The closed rdflib namespaces for the ontology's terms are in :mod:`partykg.model.namespaces`.
"""

PK = "https://w3id.org/partykg/ontology#"
PKDT = "https://w3id.org/partykg/doctype/"
PKST = "https://w3id.org/partykg/status/"
BASE = "https://w3id.org/partykg/id/"
PKC = "https://w3id.org/partykg/candidate#"  # candidate facts (ontology/candidates.ttl), never in the graph

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"

GRAPH_ONTOLOGY = BASE + "graph/ontology"
GRAPH_CURATION = BASE + "graph/curation"
GRAPH_DERIVED = BASE + "graph/derived"
GRAPH_META = BASE + "graph/meta"  # on-disk stores only: which file each graph came from
GRAPH_IMPORT = BASE + "graph/import/"
GRAPH_FILE = BASE + "graph/file/"

PREFIXES = {
    "pk": PK,
    "pkdt": PKDT,
    "pkst": PKST,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": ORG,
}


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
