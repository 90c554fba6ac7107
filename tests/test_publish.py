"""What `partykg build` publishes: a dataset that answers questions wherever it is loaded, TriG
that any engine reads the same, compact JSON-LD with its context, a VoID/DCAT description, the
version, and the licence files."""
from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib

from conftest import ROOT
from partykg import __version__
from partykg.ask.answer import answer
from partykg.graph import dataset
from partykg.store.embedded import KnowledgeGraph

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dataset")
    r = subprocess.run([sys.executable, "-m", "partykg", "build", "--out", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out


def test_exported_dataset_answers_questions_when_loaded_elsewhere(built):
    """Loaded by another tool (a bare store, no partykg loader, so no keys derived on load), the
    export still resolves "Regulation 209" and "Directive 51": the lookup keys are in it."""
    store = ox.Store()
    store.bulk_load(path=str(built / "partykg.nq"), format=ox.RdfFormat.N_QUADS)
    kg = KnowledgeGraph(store, None, dataset.LoadReport())
    a = answer(kg, "Who issued Regulation 209?")
    assert a.status == "answered", a.text
    assert a.subject["id"].endswith("doc/tw/qd/2019/209")
    b = answer(kg, "What replaces Directive 51?")
    assert b.status == "answered" and "planned" in b.text


def test_trig_export_has_no_escaped_slashes(built):
    """Prefixed names need "\\/" for a "/" in the local part; Virtuoso keeps the backslash.
    The export writes data IRIs in full."""
    text = (built / "partykg.trig").read_text(encoding="utf-8")
    assert "\\/" not in text
    assert "<https://w3id.org/partykg/id/doc/tw/ct/2005/51>" in text


def test_jsonld_is_compact_with_a_context_and_round_trips(built):
    doc = json.loads((built / "partykg.jsonld").read_text(encoding="utf-8"))
    ctx = json.loads((built / "context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == ctx["@context"]
    assert ctx["@context"]["pk"] == "https://w3id.org/partykg/ontology#"
    text = (built / "partykg.jsonld").read_text(encoding="utf-8")
    assert '"pk:issuedBy"' in text and '"doc/tw/ct/2005/51"' in text  # CURIEs, relative IRIs
    from_jsonld = rdflib.Dataset().parse(built / "partykg.jsonld", format="json-ld")
    from_nq = rdflib.Dataset().parse(built / "partykg.nq", format="nquads")
    assert len(list(from_jsonld.quads())) == len(list(from_nq.quads()))


def test_void_dcat_description_counts_sources_and_licences(built, kg):
    g = rdflib.Graph().parse(built / "void.ttl", format="turtle")
    ds = rdflib.URIRef("https://w3id.org/partykg/id/dataset")
    assert (ds, rdflib.RDF.type, VOID.Dataset) in g and (ds, rdflib.RDF.type, DCAT.Dataset) in g
    assert int(g.value(ds, VOID.triples)) > 1000
    assert g.value(ds, DCT.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert "publishers" in str(g.value(ds, DCT.rights))
    sources = set(g.objects(ds, DCT.source))
    urls = {r["u"].value for r in kg.select("SELECT DISTINCT ?u WHERE { ?s a pk:SourceArticle ; pk:url ?u }")}
    assert urls and {str(s) for s in sources} == urls
    dists = set(g.objects(ds, DCAT.distribution))
    assert {str(g.value(d, DCAT.mediaType)) for d in dists} >= {
        "application/trig", "application/n-quads", "application/ld+json"}
    docs = [p for p in g.objects(ds, VOID.classPartition)
            if str(g.value(p, VOID["class"])).endswith("#Directive")]
    assert docs and int(g.value(docs[0], VOID.entities)) >= 2


def test_version():
    r = subprocess.run([sys.executable, "-m", "partykg", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == f"partykg {__version__}"


@pytest.mark.parametrize("path, words", [
    ("LICENSE", "Apache License"),
    ("ontology/LICENSE", "Creative Commons Attribution 4.0"),
    ("graph/LICENSE", "Creative Commons Attribution 4.0"),
    ("graph/corpus/NOTICE", "publishers"),
])
def test_licence_files(path, words):
    assert words in (ROOT / path).read_text(encoding="utf-8")
