"""Specific facts of the seed graph, checked through SPARQL with bound parameters.

Each query below looks documents up by their code key (as a user's lookup would), never by IRI,
so a test fails if the graph names the wrong document, issuer or date."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from partykg.model.ids import code_key
from partykg.model.vocab import BASE

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def key(code: str) -> ox.Literal:
    return ox.Literal(code_key(code))


def body(slug: str) -> ox.NamedNode:
    return ox.NamedNode(BASE + "body/" + slug)



@pytest.fixture(scope="module")
def kg(seed_kg):
    """These are the seed articles' facts: asked of the seed graph, not of everything added since."""
    return seed_kg

def one_doc(kg, code: str) -> ox.NamedNode:
    rows = kg.select("SELECT DISTINCT ?d WHERE { ?d pk:codeKey ?key }", {"key": key(code)})
    assert len(rows) == 1, f"{code}: expected one document, got {rows}"
    return rows[0]["d"]


ISSUED = """
SELECT DISTINCT ?issuer ?date WHERE { ?d pk:codeKey ?key . OPTIONAL { ?d pk:issuedBy ?issuer }
                             OPTIONAL { ?d pk:dateIssued ?date } }"""


@pytest.mark.parametrize("code, issuer, date", [
    ("43-QĐ/TW", "secretariat", "2021-11-26"),
    ("43-QD/TW", "secretariat", "2021-11-26"),   # as the sources write it
    ("86-QĐ/TW", "secretariat", "2022-10-28"),
    ("209-QĐ/TW", "politburo", "2019-11-26"),
    ("51-CT/TW", "secretariat", "2005-04-13"),
    ("89-TB/TW", "secretariat", "2012-04-23"),
    ("01-NQ/ĐUB", "mofa-party-committee", "2021-08-25"),
    ("07-NQ/DUB", "mofa-party-committee", "2023-05-15"),
])
def test_issuer_and_date(kg, code, issuer, date):
    rows = kg.select(ISSUED, {"key": key(code)})
    assert rows == [{"issuer": body(issuer), "date": ox.Literal(date, datatype=XSD_DATE)}]


def test_directive_05_keeps_unknown_issuer_and_date_unknown(kg):
    rows = kg.select(ISSUED, {"key": key("05-CT/TW")})
    assert rows == [{"issuer": None, "date": None}]


def test_decision_209_is_one_decision_also_called_regulation_209(kg):
    d = one_doc(kg, "209-QD/TW")
    rows = kg.select("""SELECT DISTINCT ?type ?label WHERE { ?d pk:documentType ?type ;
                          skos:altLabel ?label . FILTER(LANG(?label) = "en") }""", {"d": d})
    assert {r["type"].value for r in rows} == {"https://w3id.org/partykg/doctype/decision"}
    assert any("Regulation 209" in r["label"].value for r in rows)


def test_merger_decided_by_209(kg):
    rows = kg.select("""
        SELECT DISTINCT ?orig ?result ?doc WHERE {
          ?m a pk:Merger ; org:originalOrganization ?orig ; org:resultingOrganization ?result ;
             pk:decidedBy ?doc . ?doc pk:codeKey ?key }""", {"key": key("209-QĐ/TW")})
    assert {r["orig"] for r in rows} == {body("overseas-party-committee"), body("mofa-party-committee")}
    assert {r["result"] for r in rows} == {body("mofa-party-committee")}
    merged = kg.select("SELECT DISTINCT ?into WHERE { ?b pk:mergedInto ?into }",
                       {"b": body("overseas-party-committee")})
    assert merged == [{"into": body("mofa-party-committee")}]


def test_two_resolutions_02_of_the_mofa_party_committee(kg):
    rows = kg.select("""
        SELECT DISTINCT ?d ?date ?code WHERE {
          ?d a pk:Resolution ; pk:numberKey "2" ; pk:issuedBy ?issuer ; pk:dateIssued ?date .
          OPTIONAL { ?d pk:code ?code } } ORDER BY ?date""", {"issuer": body("mofa-party-committee")})
    assert [r["date"].value for r in rows] == ["2021-12-24", "2023-03-20"]
    assert rows[0]["d"] != rows[1]["d"]
    assert rows[0]["code"] is not None and code_key(rows[0]["code"].value) == "02-NQ/DUB"


def test_directive_51_replacement_is_planned_not_issued(kg):
    d51 = one_doc(kg, "51-CT/TW")
    assert kg.select("SELECT DISTINCT ?x WHERE { ?x pk:replaces ?d }", {"d": d51}) == []
    rows = kg.select("""
        SELECT DISTINCT ?new ?status ?asOf ?with WHERE {
          ?new pk:plannedToReplace ?d ; pk:hasStatus [ pk:status ?status ; pk:asOf ?asOf ] .
          OPTIONAL { ?new pk:inConjunctionWith ?with } }""", {"d": d51})
    assert len({r["new"] for r in rows}) == 1  # one planned directive, stated by two sources
    assert {r["status"].value for r in rows} == {"https://w3id.org/partykg/status/planned"}
    assert all(r["asOf"].value.startswith("2023-12") for r in rows)
    assert {r["with"] for r in rows} == {one_doc(kg, "89-TB/TW")}
    r = rows[0]
    # a plan has no issuer, date or code
    assert kg.select("SELECT DISTINCT ?p WHERE { ?new ?p ?o VALUES ?p { pk:issuedBy pk:dateIssued pk:code } }",
                     {"new": r["new"]}) == []


def test_conclusion_01_continues_directive_05(kg):
    rows = kg.select("SELECT DISTINCT ?issuer WHERE { ?c pk:codeKey ?k ; pk:continues ?d ; pk:issuedBy ?issuer . "
                     "?d pk:codeKey ?k2 }", {"k": key("01-KL/TW"), "k2": key("05-CT/TW")})
    assert rows == [{"issuer": body("politburo")}]


def test_english_and_french_versions_corroborate_not_duplicate(kg):
    d = one_doc(kg, "51-CT/TW")
    rows = kg.select("""SELECT DISTINCT ?src ?lang WHERE {
        ?ev rdf:subject ?d ; rdf:predicate pk:issuedBy ; prov:wasQuotedFrom ?src ; pk:quote ?q .
        BIND(LANG(?q) AS ?lang) }""", {"d": d})
    assert {r["lang"].value for r in rows} >= {"en", "fr"}
    assert len({r["src"] for r in rows}) >= 2


def test_posts_are_as_of_the_article_date(kg):
    rows = kg.select("""SELECT DISTINCT ?label ?asOf WHERE {
        ?p pk:holdsPost [ pk:post ?post ; pk:asOf ?asOf ] . ?post skos:prefLabel ?label .
        FILTER(LANG(?label) = "en") }""", {"p": ox.NamedNode(BASE + "person/bui-thanh-son")})
    by_post: dict[str, set[str]] = {}
    for r in rows:
        by_post.setdefault(r["label"].value, set()).add(r["asOf"].value[:4])
    deputy = [k for k in by_post if "Deputy Prime Minister" in k]
    assert deputy and by_post[deputy[0]] == {"2025"}, by_post  # not reported before 2025
    minister = [k for k in by_post if k.startswith("Minister of Foreign Affairs")]
    assert minister and {"2021", "2023", "2025"} <= by_post[minister[0]]


def test_one_personnel_committee_with_its_names_in_each_language(kg):
    rows = kg.select("SELECT DISTINCT ?l WHERE { ?b skos:altLabel|skos:prefLabel ?l }",
                     {"b": body("mofa-party-personnel-committee")})
    langs = {r["l"].language for r in rows}
    assert {"en", "fr", "vi"} <= langs
    names = " | ".join(r["l"].value for r in rows)
    assert "Personnel Committee" in names and "Party Executive Committee" in names
