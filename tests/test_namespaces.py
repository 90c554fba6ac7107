"""The closed rdflib namespaces (partykg.model.namespaces) list exactly the terms the ontology files
declare, so code and ontology cannot drift apart."""
from __future__ import annotations

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, URIRef

from conftest import ROOT
from partykg.model import vocab
from partykg.model.namespaces import BASE, ELI, ELIDL, ORG, PK, PKDT, PKST, PROV, WD, terms

ONT = ROOT / "ontology"
DECLARATIONS = {OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                OWL.AnnotationProperty, RDF.Property, SKOS.Concept, SKOS.ConceptScheme,
                SKOS.Collection}


def declared(filename: str, namespace) -> set[URIRef]:
    g = rdflib.Graph()
    for name in filename.split("+"):
        g.parse(ONT / name, format="turtle")
    return {s for t in DECLARATIONS for s in g.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(str(namespace))}


@pytest.mark.parametrize("ns, filename", [
    (PK, "partykg.ttl+evidenced.ttl"),
    (PKDT, "doctypes.ttl"),
    (PKST, "statuses.ttl"),
], ids=["PK", "PKDT", "PKST"])
def test_namespace_lists_exactly_the_declared_terms(ns, filename):
    listed, found = terms(ns), declared(filename, ns)
    assert found, f"{filename} declares nothing in {ns}"
    assert listed - found == set(), f"in partykg.model.namespaces.{ns.__name__} but not in {filename}"
    assert found - listed == set(), f"in {filename} but not in partykg.model.namespaces.{ns.__name__}"


def test_namespaces_are_closed():
    with pytest.raises(AttributeError):
        PK.issuedby  # noqa: B018  (a typo of issuedBy)
    with pytest.raises(AttributeError):
        PKST["in_force"]
    assert PK.issuedBy == URIRef("https://w3id.org/partykg/ontology#issuedBy")
    assert PKST["in-force"] == URIRef("https://w3id.org/partykg/status/in-force")
    assert PKDT["working-regulations"] == URIRef("https://w3id.org/partykg/doctype/working-regulations")


def test_namespace_iris_agree_with_vocab_and_model():
    assert str(PK) == vocab.PK
    assert str(PKDT) == vocab.PKDT
    assert str(PKST) == vocab.PKST
    assert str(BASE) == vocab.BASE
    assert str(ORG) == vocab.ORG
    assert str(PROV) == vocab.PROV
    assert str(ELI) == "http://data.europa.eu/eli/ontology#"
    assert str(ELIDL) == "http://data.europa.eu/eli/eli-draft-legislation-ontology#"
    assert str(WD) == "http://www.wikidata.org/entity/"
