"""The ontology files and the SHACL shapes.

Each node shape has examples in tests/shapes/: ``NAME.pass*.ttl`` must conform and
``NAME.fail*.ttl`` must not. A failing example's header names what it must be reported for, one
``# expect: X`` line each: a result path (``pk:dateIssued``), a shape (``pksh:DocumentShape``, for
node-level constraints) or, for anything else, a message substring or a focus node
(``doc/tw/ct/2005/51``). Every expectation must be reported, and every result must match an
expectation, so that an example cannot fail for the wrong reason.

Examples are validated as ``partykg validate`` does: ontology files merged into the data graph,
no inference (targets and sh:class follow the ontology's rdfs:subClassOf).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef

from conftest import ROOT

ONT = ROOT / "ontology"
ONTOLOGY_FILES = [ONT / "partykg.ttl", ONT / "evidenced.ttl", ONT / "doctypes.ttl", ONT / "statuses.ttl"]
SHAPES_FILE = ONT / "shapes.ttl"
EXAMPLES = ROOT / "tests" / "shapes"
BASE = "https://w3id.org/partykg/id/"

PK = rdflib.Namespace("https://w3id.org/partykg/ontology#")
PKDT = rdflib.Namespace("https://w3id.org/partykg/doctype/")
PKST = rdflib.Namespace("https://w3id.org/partykg/status/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = {
    "pk": str(PK),
    "pkdt": str(PKDT),
    "pkst": str(PKST),
    "pksh": "https://w3id.org/partykg/shapes#",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "sh": str(SH),
}

DECLARATION_TYPES = {OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                     OWL.AnnotationProperty, RDF.Property}
LANGUAGES = ("vi", "en", "fr", "id")


@lru_cache(maxsize=None)
def graph_of(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="turtle")


@lru_cache(maxsize=None)
def ontology() -> rdflib.Graph:
    g = rdflib.Graph()
    for f in ONTOLOGY_FILES:
        g += graph_of(f)
    return g


def shapes() -> rdflib.Graph:
    return graph_of(SHAPES_FILE)


def curie(term) -> str:
    s = str(term)
    for prefix, ns in PREFIXES.items():
        if s.startswith(ns) and len(s) > len(ns):
            return f"{prefix}:{s[len(ns):]}"
    return s[len(BASE):] if s.startswith(BASE) else s


def declared(g: rdflib.Graph, namespace: str) -> set[URIRef]:
    return {s for t in DECLARATION_TYPES for s in g.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(namespace)}


# --- running the shapes ---------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    focus: str
    path: str | None
    shape: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path or '-'} [{self.shape or 'blank shape'}]: {self.message}"


def run_shapes(data: rdflib.Graph) -> tuple[bool, list[Result]]:
    conforms, report, _ = validate(data, shacl_graph=shapes(), inference="none", advanced=True,
                                   allow_warnings=True)
    results = []
    # top-level results only (nested sh:detail results explain a sh:node failure)
    for r in report.objects(None, SH.result):
        path = report.value(r, SH.resultPath)
        shape = report.value(r, SH.sourceShape)
        results.append(Result(
            focus=curie(report.value(r, SH.focusNode)),
            path=curie(path) if isinstance(path, URIRef) else None,
            shape=curie(shape) if isinstance(shape, URIRef) else None,
            message=str(report.value(r, SH.resultMessage) or ""),
        ))
    return conforms, results


def with_ontology(path: Path) -> rdflib.Graph:
    data = rdflib.Graph()
    data += ontology()
    data.parse(path, format="turtle")
    return data


CURIE = re.compile(r"^[a-z][\w-]*:\S+$")


def matches(expect: str, r: Result) -> bool:
    if CURIE.match(expect):
        return expect in (r.path, r.shape)
    return expect == r.focus or expect in r.message


def expectations(path: Path) -> list[str]:
    return re.findall(r"^# expect: (.+?)\s*$", path.read_text(encoding="utf-8"), re.M)


def shape_of(example: Path) -> str:
    return example.name.split(".", 1)[0]


EXAMPLE_FILES = sorted(EXAMPLES.glob("*.ttl"))
PASSING = [p for p in EXAMPLE_FILES if p.name.split(".")[1] == "pass"]
FAILING = [p for p in EXAMPLE_FILES if p.name.split(".")[1] == "fail"]


def targeted_node_shapes() -> set[str]:
    g = shapes()
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    return {curie(s).removeprefix("pksh:").removesuffix("Shape")
            for s in g.subjects(RDF.type, SH.NodeShape)
            if any(g.value(s, t) is not None for t in targets)}


def test_every_example_is_a_pass_or_a_fail():
    assert EXAMPLE_FILES
    assert set(EXAMPLE_FILES) == set(PASSING) | set(FAILING)


def test_every_node_shape_has_passing_and_failing_examples():
    names = targeted_node_shapes()
    assert names == {shape_of(p) for p in PASSING}, "a shape without a passing example (or vice versa)"
    assert names == {shape_of(p) for p in FAILING}, "a shape without a failing example (or vice versa)"


def test_ontology_alone_conforms():
    conforms, results = run_shapes(ontology())
    assert conforms, "\n".join(map(str, results))


@pytest.mark.parametrize("example", PASSING, ids=lambda p: p.name)
def test_passing_example_conforms(example):
    conforms, results = run_shapes(with_ontology(example))
    assert conforms, "\n".join(map(str, results))


@pytest.mark.parametrize("example", FAILING, ids=lambda p: p.name)
def test_failing_example_fails_for_the_expected_reason(example):
    expected = expectations(example)
    assert expected, f"{example.name} has no '# expect:' line"
    conforms, results = run_shapes(with_ontology(example))
    assert not conforms, f"{example.name} conforms"
    report = "\n".join(map(str, results))
    for e in expected:
        assert any(matches(e, r) for r in results), f"expected {e!r}, got:\n{report}"
    stray = [r for r in results if not any(matches(e, r) for e in expected)]
    assert not stray, "unexpected violations:\n" + "\n".join(map(str, stray))


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_project_validator_agrees(example):
    """`partykg validate`'s SHACL step (pyoxigraph store, blank nodes skolemised) gives the same
    verdict, and names the example's file for each violation."""
    from conftest import load_kg
    from partykg.graph.validate import run_shacl

    violations = run_shacl(load_kg(example))
    if example in PASSING:
        assert not violations, "\n".join(map(str, violations))
    else:
        assert violations
        assert all(v.file == example.relative_to(ROOT).as_posix() for v in violations)


def test_every_shape_has_english_name_and_message():
    g = shapes()

    def english(s, p):
        return [o for o in g.objects(s, p) if isinstance(o, Literal) and o.language == "en"]

    for s in g.subjects(RDF.type, SH.NodeShape):
        assert english(s, RDFS.label), f"{curie(s)}: no rdfs:label@en"
        assert english(s, SH.message), f"{curie(s)}: no sh:message@en"
    for node, prop in g.subject_objects(SH.property):
        assert english(prop, SH.name), f"a property shape of {curie(node)} has no sh:name@en"
        assert english(prop, SH.message), \
            f"{curie(node)} {curie(g.value(prop, SH.path))}: no sh:message@en"


# --- the ontology files ---------------------------------------------------------------------

@pytest.mark.parametrize("path", [*ONTOLOGY_FILES, SHAPES_FILE], ids=lambda p: p.name)
def test_ontology_file_parses(path):
    assert len(graph_of(path)) > 0
    # the project's loader (pyoxigraph) must read it too, with the data base IRI
    assert list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=BASE))
    # Vietnamese text in NFC, as the data and the lookup keys are, so labels match exactly
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_ontology_header():
    g = graph_of(ONT / "partykg.ttl")
    ont = URIRef("https://w3id.org/partykg/ontology")
    DCT = rdflib.Namespace(PREFIXES["dcterms"])
    assert (ont, RDF.type, OWL.Ontology) in g
    assert list(g.subjects(RDF.type, OWL.Ontology)) == [ont]
    assert g.value(ont, OWL.versionIRI) == URIRef("https://w3id.org/partykg/ontology/0.1.0")
    assert g.value(ont, DCT.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    for p in (DCT.title, DCT.description, DCT.created):
        assert g.value(ont, p) is not None, p
    assert str(g.value(ont, URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix"))) == "pk"


def test_every_term_has_english_and_vietnamese_labels_and_a_comment():
    g = graph_of(ONT / "partykg.ttl")
    terms = declared(g, str(PK))
    assert len(terms) > 80
    for t in terms:
        labels = {o.language: o for o in g.objects(t, RDFS.label)}
        assert len(labels) == len(list(g.objects(t, RDFS.label))), f"{curie(t)}: two labels in one language"
        assert {"en", "vi"} <= set(labels), f"{curie(t)}: labels {sorted(labels, key=str)}"
        assert any(o.language == "en" for o in g.objects(t, RDFS.comment)), f"{curie(t)}: no comment@en"


def test_every_pk_term_used_is_declared():
    known = declared(graph_of(ONT / "partykg.ttl") + graph_of(ONT / "evidenced.ttl"), str(PK))
    for path in [*ONTOLOGY_FILES, SHAPES_FILE]:
        used = {t for triple in graph_of(path) for t in triple
                if isinstance(t, URIRef) and str(t).startswith(str(PK))}
        assert used - known == set(), f"{path.name} uses undeclared terms"


def test_model_properties_are_declared():
    names = """code codeAsWritten number documentType title subject dateIssued issuedBy term replaces
    replacedBy plannedToReplace plannedToBeReplacedBy amends amendedBy implements implementedBy guides
    guidedBy continues continuedBy basedOn basisFor cites citedBy inConjunctionWith proposes proposedBy
    draftedBy submittedTo approvedAt hasStatus status asOf mergedInto decidedBy eventDate termOf
    electedFor startYear endYear startDate endDate ordinal organizedBy chairedBy partOf forTerm
    holdsPost post url corpusFile translationOf quote note codeKey numberKey""".split()
    g = graph_of(ONT / "partykg.ttl")
    for n in names:
        types = set(g.objects(PK[n], RDF.type))
        assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"pk:{n} is not declared"


EVIDENCED = set("""code codeAsWritten number title subject dateIssued issuedBy term replaces
plannedToReplace amends implements guides continues basedOn cites inConjunctionWith proposes
draftedBy submittedTo approvedAt hasStatus mergedInto decidedBy holdsPost organizedBy chairedBy
partOf startDate endDate codeSuffix org:subOrganizationOf""".split())


def test_evidenced_properties():
    g = graph_of(ONT / "evidenced.ttl")
    got = {curie(p).removeprefix("pk:") for p in g.subjects(RDF.type, PK.EvidencedProperty)}
    assert got == EVIDENCED


def test_inverse_properties_are_declared_and_not_evidenced():
    g = graph_of(ONT / "partykg.ttl") + graph_of(ONT / "evidenced.ttl")
    pairs = dict(g.subject_objects(OWL.inverseOf))
    assert {curie(k).removeprefix("pk:") for k in pairs} == {
        "replacedBy", "plannedToBeReplacedBy", "amendedBy", "implementedBy", "guidedBy",
        "continuedBy", "basisFor", "citedBy", "proposedBy"}
    for inverse, forward in pairs.items():
        assert (forward, RDF.type, PK.EvidencedProperty) in g
        assert (inverse, RDF.type, PK.EvidencedProperty) not in g
    # the check inverse-relation-stored forbids storing every one of them
    check = (ROOT / "queries" / "checks" / "inverse-relation-stored.rq").read_text(encoding="utf-8")
    listed = set(re.findall(r"pk:(\w+By|basisFor)\b", check.split("VALUES", 1)[1]))
    assert listed == {curie(k).removeprefix("pk:") for k in pairs}


def test_ontology_is_owl2_dl_and_consistent_under_hermit(tmp_path):
    """owlready2 loads the ontology unchanged and HermiT finds it consistent (needs Java)."""
    owlready2 = pytest.importorskip("owlready2")
    import shutil

    if not shutil.which("java"):
        pytest.fail("HermiT needs Java (scripts/setup --test installs it)")
    nt = tmp_path / "partykg.nt"
    graph_of(ONT / "partykg.ttl").serialize(nt, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(nt.as_uri()).load(format="ntriples")
    assert len(list(onto.classes())) > 40
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []


def test_shacl_with_owlrl_inference_accepts_the_seed_graph(kg):
    """Validating with OWL-RL inference (which materialises inverse relations) still conforms."""
    from partykg.graph.validate import to_rdflib

    data, _ = to_rdflib(kg)
    conforms, _, text = validate(data, shacl_graph=shapes(), inference="owlrl",
                                 advanced=True, allow_warnings=True)
    assert conforms, text[:2000]


def document_classes(g: rdflib.Graph) -> set[URIRef]:
    return set(g.transitive_subjects(RDFS.subClassOf, PK.Document)) - {PK.Document}


def test_every_document_class_has_exactly_one_type_concept_and_vice_versa():
    g = ontology()
    classes = document_classes(g)
    assert len(classes) == 18
    concepts = set(g.subjects(SKOS.inScheme, PKDT.DocumentTypes))
    linked = [(c, g.value(c, PK.documentClass)) for c in concepts]
    assert all(cls is not None for _, cls in linked), "a concept without pk:documentClass"
    assert all(len(list(g.objects(c, PK.documentClass))) == 1 for c in concepts)
    assert sorted(str(cls) for _, cls in linked) == sorted(str(c) for c in classes)


NOTATIONS = {
    "resolution": {"NQ"}, "directive": {"CT"}, "regulation": {"QĐ", "QĐi"}, "decision": {"QĐ"},
    "conclusion": {"KL"}, "notice": {"TB"}, "guidance": {"HD"}, "plan": {"KH"},
    "programme": {"CTr"}, "working-regulations": {"QC"}, "project": {"ĐA"}, "report": {"BC"},
    "law": set(), "ordinance": {"PL"}, "decree": {"NĐ"}, "circular": {"TT", "TTLT"}, "official-letter": {"CV", "CĐ"},
    "unclassified": set(),
}


def test_document_type_notations():
    g = graph_of(ONT / "doctypes.ttl")
    for name, notations in NOTATIONS.items():
        assert {str(n) for n in g.objects(PKDT[name], SKOS.notation)} == notations, name
        # the ASCII spelling sources also use is an altLabel
        ascii_forms = {n.replace("Đ", "D") for n in notations} - notations
        assert ascii_forms <= {str(a) for a in g.objects(PKDT[name], SKOS.altLabel)}, name


@pytest.mark.parametrize("path, scheme, count", [
    (ONT / "doctypes.ttl", PKDT.DocumentTypes, 18),
    (ONT / "statuses.ttl", PKST.Statuses, 5),
], ids=["doctypes", "statuses"])
def test_concepts_are_labelled_in_four_languages(path, scheme, count):
    g = graph_of(path)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in g
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == count
    assert concepts == set(g.objects(scheme, SKOS.hasTopConcept))
    for c in concepts:
        assert (c, SKOS.inScheme, scheme) in g, curie(c)
        langs = [o.language for o in g.objects(c, SKOS.prefLabel)]
        assert sorted(langs) == sorted(LANGUAGES), f"{curie(c)}: prefLabels in {langs}"
        assert any(o.language == "en" for o in g.objects(c, SKOS.definition)), curie(c)
        pref = {(str(o), o.language) for o in g.objects(c, SKOS.prefLabel)}
        alt = {(str(o), o.language) for o in g.objects(c, SKOS.altLabel)}
        assert not pref & alt, f"{curie(c)}: a label both preferred and alternative"


def allowed_values(path: URIRef) -> set[str]:
    g = shapes()
    (prop,) = [p for p in g.subjects(SH.path, path) if g.value(p, SH["in"]) is not None]
    return {curie(x) for x in rdflib.collection.Collection(g, g.value(prop, SH["in"]))}


def test_status_concepts_match_the_model_and_the_shapes():
    g = graph_of(ONT / "statuses.ttl")
    concepts = {curie(c) for c in g.subjects(RDF.type, SKOS.Concept)}
    assert concepts == {"pkst:issued", "pkst:planned", "pkst:draft", "pkst:in-force",
                        "pkst:no-longer-in-force"}
    assert allowed_values(PK.status) == concepts


def test_shapes_accept_exactly_the_document_type_concepts():
    g = graph_of(ONT / "doctypes.ttl")
    assert allowed_values(PK.documentType) == {curie(c) for c in g.subjects(RDF.type, SKOS.Concept)}


# --- alignments (issue 14): what an external term promises holds for partykg's data ---------------

ELI = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
SKOS_MAPPINGS = (SKOS.closeMatch, SKOS.exactMatch, SKOS.broadMatch, SKOS.narrowMatch,
                 SKOS.relatedMatch)
PROPERTY_TYPES = (RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _supers(g: rdflib.Graph, p) -> set:
    return set(g.transitive_objects(p, RDFS.subPropertyOf)) - {p}


def test_no_pk_property_claims_an_eli_meaning_its_values_break(kg):
    """eli:title is the title of an Expression (partykg's documents are Works) and
    eli:date_document is a full xsd:date (partykg holds years and months too): no pk property
    is a sub-property of either unless every value in the graph fits."""
    g = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        g += graph_of(path)
    for p in set(g.subjects(RDF.type, None)):
        if not str(p).startswith(str(PK)):
            continue
        supers = _supers(g, p)
        assert ELI.title not in supers, f"{p} is a sub-property of eli:title"
        if ELI.date_document in supers:
            rows = kg.select("SELECT DISTINCT (DATATYPE(?v) AS ?t) WHERE { ?s ?p ?v }",
                             {"p": ox.NamedNode(str(p))})
            assert {r["t"].value for r in rows} <= {str(rdflib.XSD.date)}, p


def test_skos_mappings_link_concepts_never_properties():
    """skos:closeMatch and its kin make their subject a skos:Concept under SKOS's semantics: on
    a property that would type it a concept."""
    g = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        g += graph_of(path)
    for m in SKOS_MAPPINGS:
        for s, o in g.subject_objects(m):
            for x in (s, o):
                assert not any((x, RDF.type, t) in g for t in PROPERTY_TYPES), \
                    f"{x} is a property with a SKOS mapping ({m})"
