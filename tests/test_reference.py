"""The reference data on the Party's central apparatus (graph/reference/): it loads and validates,
every quote is in its source's kept text, the query library answers from it, and the reference
questions (tests/data/reference_questions.json) name entities that exist and that the library's
queries return."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib

from conftest import DATA, ROOT, load_kg
from partykg.ask.resolve import resolver
from partykg.graph.validate import validate
from partykg.model import ids
from partykg.model.vocab import BASE
from partykg.store import queries

REF = ROOT / "graph" / "reference"
FILES = sorted(REF.glob("*.trig"))
CURATION = ROOT / "graph" / "curation.trig"
PK = rdflib.Namespace("https://w3id.org/partykg/ontology#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
QUESTIONS = json.loads((DATA / "reference_questions.json").read_text(encoding="utf-8"))


def iri(path: str) -> ox.NamedNode:
    return ox.NamedNode(BASE + path)


def short(term) -> str | None:
    if term is None:
        return None
    return term.value[len(BASE):] if term.value.startswith(BASE) else term.value


@pytest.fixture(scope="module")
def ref_kg():
    """The seed curation plus the reference files only: what the reference data answers alone."""
    return load_kg(CURATION, *FILES)


def rows(kg, name: str, **params) -> list[dict]:
    q = queries.load(name, ROOT)
    return [{k: short(v) for k, v in r.items()}
            for r in queries.run(kg, q, queries.bindings(q, params, resolver(kg)))]


# --- the files ---------------------------------------------------------------------------------

def test_reference_files_exist_with_their_texts():
    assert len(FILES) >= 20
    for f in FILES:
        assert (ROOT / "graph" / "corpus" / f"{f.stem}.txt").is_file(), f.stem


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_one_source_per_file_with_its_metadata(path):
    ds = rdflib.Dataset(default_union=True)
    ds.parse(path, format="trig")
    graphs = [g for g in ds.graphs() if len(g)]
    assert [str(g.identifier) for g in graphs] == [f"{BASE}source/{path.stem}"]
    g = graphs[0]
    src = rdflib.URIRef(f"{BASE}source/{path.stem}")
    assert (src, rdflib.RDF.type, PK.SourceArticle) in g
    assert g.value(src, PK.retrieved) == rdflib.Literal("2026-11-29", datatype=rdflib.XSD.date)
    assert g.value(src, PK.corpusFile) == rdflib.Literal(f"graph/corpus/{path.stem}.txt")
    assert str(g.value(src, PK.url)).startswith("http")
    for p in (rdflib.DCTERMS.title, rdflib.DCTERMS.publisher, rdflib.DCTERMS.language):
        assert g.value(src, p) is not None, p


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_quote_is_in_the_kept_text(path):
    ds = rdflib.Dataset(default_union=True)
    ds.parse(path, format="trig")
    text = (ROOT / "graph" / "corpus" / f"{path.stem}.txt").read_text(encoding="utf-8")
    src = rdflib.URIRef(f"{BASE}source/{path.stem}")
    evidence = list(ds.subjects(rdflib.RDF.type, PK.Evidence))
    assert evidence
    for ev in evidence:
        assert ds.value(ev, PROV.wasQuotedFrom) == src
        quote = ds.value(ev, PK.quote)
        assert str(quote) in text, f"not verbatim in {path.stem}.txt: {str(quote)[:80]!r}"


def test_reference_data_validates_with_the_seed_curation(ref_kg):
    violations = validate(ref_kg)
    assert not violations, "\n".join(map(str, violations))


def test_a_misquote_is_caught(tmp_path):
    """The quote check bites on reference files too: alter one quote, validation fails."""
    import shutil
    for name in ("ontology", "graph", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    f = tmp_path / "graph" / "reference" / "ref_008_hethongphapluat-06-hd-ubkttw.trig"
    f.write_text(f.read_text(encoding="utf-8").replace('"Số: 06-HD/UBKTTW"@vi', '"Số: 07-HD/UBKTTW"@vi'),
                 encoding="utf-8")
    from partykg.store.embedded import KnowledgeGraph
    bad = [v for v in validate(KnowledgeGraph.load(tmp_path), shacl=False) if v.rule == "quote-in-corpus"]
    assert bad and all(v.file == "graph/reference/ref_008_hethongphapluat-06-hd-ubkttw.trig" for v in bad), bad


# --- facts, through the query library ----------------------------------------------------------

def test_bodies_and_their_parents(ref_kg):
    got = {(r["body"], r.get("parent")) for r in rows(ref_kg, "bodies")}
    for child in ("government-party-committee", "national-assembly-party-committee",
                  "central-party-agencies-party-committee", "fatherland-front-party-committee",
                  "central-inspection-commission", "central-party-office", "central-military-commission"):
        assert (f"body/{child}", "body/central-committee") in got, child
    assert ("body/mofa-party-committee", "body/government-party-committee") in got


def test_what_the_central_inspection_commission_issued(ref_kg):
    got = rows(ref_kg, "issued-by", body="Central Inspection Commission")
    guidance = "https://w3id.org/partykg/doctype/guidance"
    assert got == [{"doc": "doc/ubkttw/hd/2018/6", "date": "2018-12-18", "type": guidance},
                   {"doc": "doc/ubkttw/hd/2024/8", "date": "2024-11-18", "type": guidance}]
    for name in ("Ủy ban Kiểm tra Trung ương", "Commission centrale d'inspection", "CIC",
                 "Party Central Committee’s Inspection Commission"):
        assert rows(ref_kg, "issued-by", body=name) == got, name
    assert rows(ref_kg, "issued-by", body="Central Inspection Commission", year="2024") == got[1:]


def test_a_code_resolves_to_its_issuer(ref_kg):
    got = rows(ref_kg, "issuer", doc="06-HD/UBKTTW")
    assert any(r.get("issuer") == "body/central-inspection-commission" for r in got), got


def test_mergers_of_2025_and_2007(ref_kg):
    got_2025 = rows(ref_kg, "mergers", year="2025")
    assert {r["merger"] for r in got_2025} == {"merger/information-education-and-mass-mobilisation-commissions"}
    assert {r["original"] for r in got_2025} == {"body/central-information-education-commission",
                                                 "body/central-mass-mobilisation-commission"}
    assert {r["result"] for r in got_2025} == {"body/central-information-education-mass-mobilisation-commission"}
    got = rows(ref_kg, "mergers", body="Ban Khoa giáo Trung ương")
    assert {(r["decidedBy"], r["date"]) for r in got} == {("doc/tw/qd/2007/44", "2007-04-11")}


def test_changes_of_2025(ref_kg):
    got = rows(ref_kg, "body-changes", year="2025")
    kinds = {}
    for r in got:
        kinds.setdefault(r["kind"].rsplit("#", 1)[1], set()).add(r.get("result") or r.get("original"))
    assert kinds["Establishment"] == {f"body/{b}" for b in (
        "central-party-agencies-party-committee", "government-party-committee",
        "national-assembly-party-committee", "fatherland-front-party-committee")}
    assert kinds["Dissolution"] == {f"body/{b}" for b in (
        "central-agencies-party-committee", "central-enterprises-party-committee",
        "government-party-personnel-committee", "national-assembly-party-delegation",
        "fatherland-front-party-delegation", "central-external-relations-commission")}
    assert "Renaming" in kinds and "Merger" in kinds
    decided = {r["change"]: r.get("decidedBy") for r in got}
    assert decided["establishment/national-assembly-party-committee"] == "doc/tw/qd/2025/244"
    assert decided["establishment/central-party-agencies-party-committee"] == "doc/tw/qd/2025/242"
    assert not [r for r in got if r["date"][:4] != "2025"]


def test_code_suffixes_agree_with_the_codes_of_the_documents_a_body_issued(ref_kg):
    """A body's pk:codeSuffix is the issuer part of the code of every document it issued (where
    both are known): the suffixes and the issuers come from different sentences and pages."""
    got = ref_kg.select("""
        SELECT ?body ?suffix ?code WHERE { ?body pk:codeSuffix ?suffix . ?doc pk:issuedBy ?body ; pk:code ?code }""")
    assert len(got) >= 5
    for r in got:
        assert ids.parse_code(r["code"].value).issuer == r["suffix"].value, r
    suffixes = {short(r["body"]): r["suffix"].value for r in ref_kg.select("SELECT ?body ?suffix WHERE { ?body pk:codeSuffix ?suffix }")}
    assert suffixes["body/central-inspection-commission"] == "UBKTTW"
    assert suffixes["body/national-assembly-party-committee"] == "ĐUQH"


def test_names_carry_their_language(ref_kg):
    got = ref_kg.select("""
        SELECT ?label WHERE { <https://w3id.org/partykg/id/body/central-committee> skos:altLabel ?label }""")
    labels = {(r["label"].value, r["label"].language) for r in got}
    assert ("PCC", "en") in labels and ("BCH Trung ương", "vi") in labels
    assert ("Comité central du Parti", "fr") in labels


# --- the reference questions -------------------------------------------------------------------

FIELDS = {"id", "q", "lang", "kind", "exit", "status", "must_mention", "text_has", "text_lacks",
          "evidence", "source"}


def test_questions_have_the_dev_format():
    assert len(QUESTIONS) >= 18
    assert len({q["id"] for q in QUESTIONS}) == len(QUESTIONS)
    assert {"en", "vi"} <= {q["lang"] for q in QUESTIONS}
    for q in QUESTIONS:
        assert set(q) == FIELDS, q["id"]
        assert q["must_mention"] and all(not m.startswith("http") for m in q["must_mention"])


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q["id"])
def test_question_entities_and_source_exist(kg, q):
    for m in [*q["must_mention"], q["source"]]:
        assert kg.select("SELECT ?p WHERE { ?s ?p ?o } LIMIT 1", {"s": iri(m)}), m


# What each question asks, as the query library can already run it; the parser should get here.
LIBRARY_FORM = {
    "ref-01": ("issued-by", {"body": "Central Inspection Commission"}),
    "ref-02": ("issued-by", {"body": "Ủy ban Kiểm tra Trung ương"}),
    "ref-03": ("mergers", {"year": "2025"}),
    "ref-04": ("mergers", {"year": "2025"}),
    "ref-05": ("bodies", {}),
    "ref-09": ("body-changes", {"year": "2025"}),
    "ref-10": ("body-changes", {"year": "2025"}),
    "ref-11": ("body-changes", {"body": "Central Economic Commission"}),
    "ref-12": ("mergers", {"body": "Ban Tuyên giáo Trung ương"}),
    "ref-13": ("issuer", {"doc": "06-HD/UBKTTW"}),
    "ref-15": ("issued-by", {"body": "Đảng ủy Quốc hội"}),
    "ref-16": ("issued-by", {"body": "Đảng ủy Khối Doanh nghiệp Trung ương"}),
    "ref-19": ("body-changes", {"body": "Party Civil Affairs Board of the Government"}),
    "ref-21": ("issued-by", {"body": "Politburo", "year": "2025"}),
    "ref-23": ("issued-by", {"body": "Commission centrale d'inspection", "year": "2024"}),
}


@pytest.mark.parametrize("qid", sorted(LIBRARY_FORM))
def test_the_library_returns_what_the_question_must_mention(ref_kg, qid):
    q = next(x for x in QUESTIONS if x["id"] == qid)
    name, params = LIBRARY_FORM[qid]
    query = queries.load(name, ROOT)
    bound = queries.bindings(query, params, resolver(ref_kg))
    returned = {short(v) for r in queries.run(ref_kg, query, bound) for v in r.values()
                if isinstance(v, ox.NamedNode)}
    returned |= {short(v) for v in bound.values() if isinstance(v, ox.NamedNode)}
    missing = set(q["must_mention"]) - returned
    assert not missing, f"{q['q']!r}: {sorted(missing)}"
