"""Quotes are verbatim: every pk:quote of a source in the corpus appears in its text."""
from __future__ import annotations

from conftest import ROOT, load_kg
from partykg.graph.validate import check_quotes, short

BAD = """@base <https://w3id.org/partykg/id/> .
@prefix pk: <https://w3id.org/partykg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<source/s9> {
  <source/s9> a pk:SourceArticle ; pk:corpusFile "%s" .
  <ev/ok> a pk:Evidence ; rdf:subject <body/x> ; pk:quote "Party building plays a key role"@en ; prov:wasQuotedFrom <source/s9> .
  <ev/bad> a pk:Evidence ; rdf:subject <body/x> ; pk:quote "Party building plays the key role"@en ; prov:wasQuotedFrom <source/s9> .
}
"""


def test_project_quotes_are_verbatim(kg):
    assert check_quotes(kg) == []
    n = kg.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e pk:quote ?q ; prov:wasQuotedFrom/pk:corpusFile ?f }")
    assert int(n[0]["n"].value) > 100  # the check ran over the seed evidence


def test_altered_quote_and_missing_corpus_file_are_reported(tmp_path):
    good = tmp_path / "good.trig"
    good.write_text(BAD % "graph/corpus/001_ce816e2e28256d56.txt", encoding="utf-8")
    violations = check_quotes(load_kg(good), root=ROOT)
    assert [short(v.entity) for v in violations] == ["ev/bad"]
    assert "not found verbatim" in violations[0].message

    missing = tmp_path / "missing.trig"
    missing.write_text(BAD % "graph/corpus/nope.txt", encoding="utf-8")
    violations = check_quotes(load_kg(missing), root=ROOT)
    assert [short(v.entity) for v in violations] == ["source/s9"]
    assert "cannot be read" in violations[0].message
