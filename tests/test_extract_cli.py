"""extract -> candidates file -> review -> accept, against a small fixture project
(tests/data/extract/project: fictional documents, among them two Resolutions 02 of one Party
Committee and a decision numbered 209). Linking (linked / new / ambiguous), the candidates file
round trip, and accept: provenance, idempotence, --only and --link, planned replacements,
mergers, validation before writing, and never rewriting a hand-curated file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT, copy_extract_project
from partykg.ingest.candidates import CandidatesError, build, read, render, write
from partykg.ingest.extract import extract
from partykg.store.embedded import KnowledgeGraph
from partykg.model.vocab import BASE



@pytest.fixture()
def project(extract_project: Path) -> Path:
    return extract_project


@pytest.fixture(scope="module")
def fixture_kg(tmp_path_factory):
    root = copy_extract_project(tmp_path_factory.mktemp("fx") / "project")
    return KnowledgeGraph.load(root)


def run(*args: str, root: Path | None = None, cwd=ROOT):
    pre = ["--root", str(root)] if root else []
    return subprocess.run([sys.executable, "-m", "partykg.cli.main", *pre, *args],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def candidates(text: str, lang: str, kg, **kw):
    return build(extract(text, lang), stem="test_0000000000000000", kg=kg, **kw)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "graph").rglob("*")) if p.is_file()}


# --- linking --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, link, iris", [
    ("The meeting reviewed Directive 51 yesterday.", "linked", ["doc/tw/ct/2005/51"]),
    ("Chỉ thị số 51-CT/TW đã được tổng kết.", "linked", ["doc/tw/ct/2005/51"]),
    # one code, spelt without Đ
    ("They cited Decision 209-QD/TW again.", "linked", ["doc/tw/qd/2019/209"]),
    # a QĐ decision called a regulation
    ("Since the merger under Regulation 209, work has grown.", "linked", ["doc/tw/qd/2019/209"]),
    # two Resolutions 02 of one committee: the year decides, else ambiguous
    ("It recalled Resolution 02 dated March 20, 2023 of the Party Committee of the Ministry of "
     "Foreign Affairs.", "linked", ["doc/dub/nq/2023/2"]),
    ("It recalled Resolution 02 of the Party Committee of the Ministry of Foreign Affairs.",
     "ambiguous", ["doc/dub/nq/2021/2", "doc/dub/nq/2023/2"]),
    # another issuer: not the committee's resolutions
    ("It recalled Resolution 02 of the Politburo on the economy.", "new", []),
    ("The meeting reviewed Directive 99 yesterday.", "new", []),
])
def test_linking(fixture_kg, text, link, iris):
    cs = candidates(text, "en" if "Chỉ" not in text else "vi", fixture_kg)
    assert len(cs.documents) == 1
    d = cs.documents[0]
    assert d.link == link
    assert d.matches == [BASE + i for i in iris]
    assert (d.proposed is not None) == (link == "new")


def test_new_documents_get_the_iri_of_the_data_model(fixture_kg):
    cs = candidates("The Secretariat issued Directive 99-CT/TW dated May 2, 2024 on cadres. "
                    "It also cited Directive 98 of the Secretariat.", "en", fixture_kg)
    by_name = {d.names[0]: d for d in cs.documents}
    assert by_name["Directive 99-CT/TW"].proposed == BASE + "doc/tw/ct/2024/99"
    # one IRI scheme per issuer: the Secretariat's documents are doc/tw/…, named by code or not
    assert by_name["Directive 98"].proposed == BASE + "doc/tw/ct/undated/98"


def test_bodies_link_by_their_names_in_any_language(fixture_kg):
    cs = candidates("Chỉ thị số 77 của Ban Bí thư về cán bộ.", "vi", fixture_kg)
    assert [(b.name, b.link, b.matches) for b in cs.bodies] == [
        ("Ban Bí thư", "linked", [BASE + "body/secretariat"])]


# --- the candidates file ----------------------------------------------------------------------

def test_candidates_file_round_trip(fixture_kg, tmp_path):
    text = (ROOT / "tests" / "data" / "articles" / "vi_dev_01.txt").read_text(encoding="utf-8")
    cs = candidates(text, "vi", fixture_kg, source_url="https://example.org/a", date="2025-05-21")
    path = tmp_path / "c.trig"
    write(cs, path)
    again = read(path)
    assert render(again) == render(cs)
    assert again.text == text and again.source_url == "https://example.org/a"
    write(again, tmp_path / "d.trig")
    a = path.read_text(encoding="utf-8").replace(cs.extracted_at or "", "")
    b = (tmp_path / "d.trig").read_text(encoding="utf-8").replace(cs.extracted_at or "", "")
    assert a == b  # deterministic
    # the file parses as TriG, one named graph, in the pkc: vocabulary
    quads = list(ox.parse(path.read_bytes(), format=ox.RdfFormat.TRIG))
    assert {q.graph_name.value for q in quads} == {BASE + "candidates/test_0000000000000000"}


@pytest.mark.parametrize("content, message", [
    ("not turtle at all {", "does not parse"),
    ("<http://e/a> { <http://e/a> <http://e/b> <http://e/c> . }", "one pkc:CandidateSet"),
])
def test_reading_a_file_that_is_not_candidates(tmp_path, content, message):
    p = tmp_path / "x.trig"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(CandidatesError, match=message):
        read(p)


def test_an_edited_candidates_file_is_refused(fixture_kg, tmp_path):
    cs = candidates("Directive 51-CT/TW replaces Directive 17-CT/TW.", "en", fixture_kg)
    p = tmp_path / "c.trig"
    write(cs, p)
    t = p.read_text(encoding="utf-8")
    p.write_text(t.replace("replaces Directive 17", "replaced Directive 17"), encoding="utf-8")
    with pytest.raises(CandidatesError, match="hash"):
        read(p)
    p.write_text(t.replace("ontology#replaces", "ontology#dropTable").replace(
        "pk:replaces", "pk:dropTable"), encoding="utf-8")
    with pytest.raises(CandidatesError, match="unknown kind"):
        read(p)


# --- the commands -----------------------------------------------------------------------------

ARTICLE = """Party Committee reviews the new rules on cadres

The Secretariat issued Directive 95-CT/TW dated May 2, 2024 on cadre training, which replaces Directive 51-CT/TW.
The Politburo's Regulation 96-QD/TW amends Regulation 209 on the merger.
It recalled Resolution 02 of the Party Committee of the Ministry of Foreign Affairs on inspection.
The Committee will build a new Directive on Party work abroad to replace Directive 95-CT/TW.
Since the merger with the Overseas Party Committee under Decision 209-QD/TW, the Party Committee of the Ministry of Foreign Affairs has grown.
"""


def extract_file(project: Path, tmp_path: Path, text: str = ARTICLE, *extra: str) -> Path:
    art = tmp_path / "article.txt"
    art.write_text(text, encoding="utf-8")
    out = tmp_path / "cand.trig"
    r = run("extract", str(art), "--out", str(out), *extra, root=project)
    assert r.returncode == 0, r.stderr
    assert out.is_file() and "wrote" in r.stdout
    return out


def test_extract_review_accept(project, tmp_path):
    out = extract_file(project, tmp_path, ARTICLE, "--date", "2024-06-01",
                       "--source-url", "https://example.org/news/1")
    r = run("review", str(out), root=project)
    assert r.returncode == 0, r.stderr
    assert "AMBIGUOUS" in r.stdout and "doc/dub/nq/2021/2" in r.stdout
    assert "plannedToReplace" in r.stdout and "(PLANNED)" in r.stdout
    assert "linked -> doc/tw/ct/2005/51" in r.stdout
    assert "“The Secretariat issued [Directive 95-CT/TW] dated May 2, 2024" in r.stdout
    r = run("review", str(out), "--json", root=project)
    data = json.loads(r.stdout)
    assert r.returncode == 0 and len(data["documents"]) == len(read(out).documents)
    assert {x["link"] for x in data["documents"]} == {"linked", "new", "ambiguous"}

    before = snapshot(project)
    r = run("accept", str(out), root=project)
    assert r.returncode == 0, r.stderr
    assert "skipped" in r.stdout and "ambiguous" in r.stdout
    after = snapshot(project)
    new = sorted(set(after) - set(before))
    assert len(new) == 2 and new[0].startswith("graph/corpus/") and new[1].startswith(
        "graph/sources/")
    assert all(after[k] == v for k, v in before.items())  # nothing else changed
    assert after[new[0]].decode("utf-8") == ARTICLE
    assert run("validate", root=project).returncode == 0

    kg = KnowledgeGraph.load(project)
    # the replacement, its evidence quoting the sentence, in the source's graph
    rows = kg.select("""SELECT ?new ?g ?q WHERE { GRAPH ?g { ?new pk:replaces ?old .
        ?ev rdf:subject ?new ; rdf:predicate pk:replaces ; rdf:object ?old ; pk:quote ?q ;
            prov:wasQuotedFrom ?g } }""", {"old": ox.NamedNode(BASE + "doc/tw/ct/2005/51")})
    assert len(rows) == 1
    assert rows[0]["new"].value == BASE + "doc/tw/ct/2024/95"
    assert rows[0]["q"].value.startswith("The Secretariat issued Directive 95-CT/TW")
    src = rows[0]["g"]
    meta = kg.select("SELECT ?url ?issued ?file WHERE { ?s pk:url ?url ; dcterms:issued ?issued ;"
                     " pk:corpusFile ?file ; dcterms:language \"en\" }", {"s": src})
    assert [(m["url"].value, m["issued"].value) for m in meta] == [
        ("https://example.org/news/1", "2024-06-01")]
    # the planned directive: planned status as of the article's date, no date, code or issuer
    rows = kg.select("""SELECT ?p ?st ?asof WHERE { ?p pk:plannedToReplace ?d ;
        pk:hasStatus [ pk:status ?st ; pk:asOf ?asof ] }""",
                     {"d": ox.NamedNode(BASE + "doc/tw/ct/2024/95")})
    assert [(r["st"].value.rsplit("/", 1)[-1], r["asof"].value) for r in rows] == [
        ("planned", "2024-06-01")]
    assert kg.select("SELECT ?x WHERE { ?p pk:dateIssued|pk:code|pk:issuedBy ?x }",
                     {"p": rows[0]["p"]}) == []
    # "Regulation 209" and "Decision 209-QD/TW" are the decision of the graph
    assert kg.ask("ASK { ?r pk:amends ?d }", {"d": ox.NamedNode(BASE + "doc/tw/qd/2019/209")})
    # the merger, decided by that decision, with a new body minted with an English name
    rows = kg.select("""SELECT ?m ?from WHERE { ?m a pk:Merger ; pk:decidedBy ?d ;
        org:resultingOrganization ?into ; org:originalOrganization ?from .
        ?from pk:mergedInto ?into }""", {"d": ox.NamedNode(BASE + "doc/tw/qd/2019/209"),
                                          "into": ox.NamedNode(BASE + "body/mofa-party-committee")})
    assert [r["from"].value for r in rows] == [BASE + "body/overseas-party-committee"]

    # accepting again adds nothing and changes no byte
    r = run("accept", str(out), root=project)
    assert r.returncode == 0 and "nothing new" in r.stdout
    assert snapshot(project) == after


def test_accept_only_and_link(project, tmp_path):
    out = extract_file(project, tmp_path)
    cs = read(out)
    amb = next(d for d in cs.documents if d.link == "ambiguous")
    rel = next(r for r in cs.relations if r.kind == "replaces")
    r = run("accept", str(out), "--only", rel.id, root=project)
    assert r.returncode == 0, r.stderr
    assert f"accepted: {', '.join(sorted([rel.source, rel.target, 'b1'], key=lambda x: (x[0], int(x[1:]))))}" \
        in r.stdout or rel.source in r.stdout
    kg = KnowledgeGraph.load(project)
    assert len(kg.select("SELECT ?a ?b WHERE { ?a pk:replaces ?b }")) == 1
    assert kg.select("SELECT ?a WHERE { ?a pk:amends ?b }") == []  # not chosen
    # an ambiguous candidate named with --only needs --link
    r = run("accept", str(out), "--only", amb.id, root=project)
    assert r.returncode == 2 and "ambiguous" in r.stderr and "--link" in r.stderr
    r = run("accept", str(out), "--only", amb.id, "--link", f"{amb.id}=doc/tw/ct/2005/99",
            root=project)
    assert r.returncode == 2 and "the graph has no document doc/tw/ct/2005/99" in r.stderr
    assert "doc/dub/nq/2021/2" in r.stderr  # the matches, listed
    r = run("accept", str(out), "--only", amb.id, "--link",
            f"{amb.id}=doc/dub/nq/2023/2", root=project)
    assert r.returncode == 0, r.stderr
    kg = KnowledgeGraph.load(project)
    assert kg.ask("ASK { ?d pk:subject ?s FILTER(STR(?s) = 'inspection') }",
                  {"d": ox.NamedNode(BASE + "doc/dub/nq/2023/2")})
    r = run("accept", str(out), "--only", "d999", root=project)
    assert r.returncode == 2 and "no candidate d999" in r.stderr


def test_a_refused_accept_writes_nothing(project, tmp_path):
    # the replacing directive is dated before the one it replaces: the checks refuse it
    out = extract_file(project, tmp_path, "Directive 10-CT/TW dated April 1, 2001 of the "
                       "Secretariat replaces Directive 20-CT/TW dated May 1, 2010.\n", "--lang", "en")
    before = snapshot(project)
    r = run("accept", str(out), root=project)
    assert r.returncode == 2
    assert "would not validate" in r.stderr and "replacement-dated-before" in r.stderr
    assert snapshot(project) == before


def test_a_hand_curated_source_is_appended_to_never_rewritten(project, tmp_path):
    corpus = project / "graph" / "corpus" / "fixture.txt"
    source = project / "graph" / "sources" / "fixture.trig"
    curated = source.read_bytes()
    out = tmp_path / "c.trig"
    r = run("extract", str(corpus), "--out", str(out), root=project)
    assert r.returncode == 0, r.stderr
    assert "source/fixture " in r.stdout  # the corpus file's own source
    r = run("accept", str(out), root=project)
    assert r.returncode == 0, r.stderr
    now = source.read_bytes()
    assert now.startswith(curated) and len(now) > len(curated)
    assert run("validate", root=project).returncode == 0
    r = run("accept", str(out), root=project)
    assert "nothing new" in r.stdout and source.read_bytes() == now


@pytest.mark.parametrize("args, message", [
    (["extract", "{bin}", "--out", "{tmp}/c.trig"], "binary"),
    (["extract", "{empty}", "--out", "{tmp}/c.trig"], "empty"),
    (["extract", "{art}", "--out", "{root}/graph/c.trig"], "not be written under graph/"),
    (["extract", "{art}", "--out", "{tmp}/c.trig", "--date", "2024-13-01"], "--date"),
    (["extract", "{art}", "--out", "{tmp}/c.trig", "--source-url", "ftp:x"], "--source-url"),
    (["review", "{art}"], "not a candidates file"),
    (["accept", "{tmp}/missing.trig"], "cannot read"),
])
def test_bad_input_is_a_clear_error(project, tmp_path, args, message):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "art.txt").write_text("Directive 51 was reviewed by the committee of the "
                                       "ministry.\n", encoding="utf-8")
    subst = {"bin": tmp_path / "bin.txt", "empty": tmp_path / "empty.txt",
             "art": tmp_path / "art.txt", "tmp": tmp_path, "root": project}
    r = run(*[a.format(**subst) for a in args], root=project)
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr.startswith("partykg: error:") and message in r.stderr
    assert "Traceback" not in r.stderr


def test_commands_are_listed():
    r = run("--help")
    for cmd in ("extract", "review", "accept"):
        assert cmd in r.stdout


def test_accept_link_takes_any_document_of_the_graph(project, tmp_path):
    """--link ID=IRI: not only the matches the extraction found, any document the graph holds
    (said in a note); a body candidate cannot be linked to a document."""
    out = extract_file(project, tmp_path)
    cs = read(out)
    amb = next(d for d in cs.documents if d.link == "ambiguous")
    assert BASE + "doc/tw/ct/2005/51" not in amb.matches
    r = run("accept", str(out), "--only", amb.id, "--link", f"{amb.id}=doc/tw/ct/2005/51",
            root=project)
    assert r.returncode == 0, r.stderr
    assert f"{amb.id} linked to doc/tw/ct/2005/51 as asked" in r.stdout
    kg = KnowledgeGraph.load(project)
    assert kg.ask("ASK { ?d pk:subject ?s FILTER(STR(?s) = 'inspection') }",
                  {"d": ox.NamedNode(BASE + "doc/tw/ct/2005/51")})
    body = cs.bodies[0]
    r = run("accept", str(out), "--only", amb.id, "--link", f"{amb.id}=new", "--link",
            f"{body.id}=doc/tw/ct/2005/51", root=project)
    assert r.returncode == 2 and "the graph has no body doc/tw/ct/2005/51" in r.stderr


def test_a_code_of_another_term_is_not_linked_silently(fixture_kg, project, tmp_path):
    """Codes restart each term: 51-CT/TW dated 2024 is not the graph's 51-CT/TW of 2005; it is
    proposed as new and the warning lists the graph's documents with that code."""
    cs = candidates("Directive 51-CT/TW dated May 2, 2024 of the Secretariat was issued.", "en",
                    fixture_kg)
    [d] = [x for x in cs.documents if x.code]
    assert d.link == "new" and d.proposed == BASE + "doc/tw/ct/2024/51"
    assert any("doc/tw/ct/2005/51 (2005)" in w and "codes restart each term" in w
               for w in cs.warnings)
    # without a date in the text: linked to the only one, with a warning saying so
    cs = candidates("Directive 51-CT/TW was discussed.", "en", fixture_kg)
    [d] = [x for x in cs.documents if x.code]
    assert d.link == "linked" and any("gives no date" in w for w in cs.warnings)
    # accept says it too
    out = extract_file(project, tmp_path, "Directive 51-CT/TW dated May 2, 2024 of the "
                       "Secretariat was issued.\n", "--lang", "en")
    r = run("accept", str(out), "--dry-run", root=project)
    assert r.returncode == 0, r.stderr
    assert "codes restart each term" in r.stdout and "doc/tw/ct/2005/51" in r.stdout


def test_accept_refuses_run_on_body_names_and_bare_type_words(project, tmp_path):
    """A body name that runs on into the next words is not minted (nor written as a name); a
    document named only by a type word ("Resolution") is no name: left out, said why."""
    from partykg.ingest.candidates import BodyCand, DocCand, Occurrence, RelCand

    text = ("Directive 98-CT/TW of the Party Committee of the Ministry of Home Affairs has decided "
            "to issue a Resolution replacing Directive 51-CT/TW.\n")
    cs = build(extract(text, "en"), stem="runon_0000000000000000",
               kg=KnowledgeGraph.load(project))
    sentence = text.strip()

    def occ(words):
        start = text.index(words)
        return [Occurrence(words, start, start + len(words), sentence)]

    # as an extractor that cut the body's name too late would write it
    name = "Party Committee of the Ministry of Home Affairs has decided"
    cs.bodies = [BodyCand("b9", name, cls="PartyCommittee", proposed=BASE + "body/x")]
    cs.documents = [
        DocCand("d1", "directive", "98", "98-CT/TW", None, "b9", None, ["Directive 98-CT/TW"],
                occ("Directive 98-CT/TW")),
        DocCand("d99", "resolution", None, None, None, None, None, ["Resolution"],
                occ("Resolution"), numbered=False)]
    cs.relations = [RelCand("r1", "replaces", "d99", "d1", "replacing", [sentence])]
    out = tmp_path / "c.trig"
    write(cs, out)
    r = run("accept", str(out), root=project)
    assert r.returncode == 0, r.stderr
    assert "skipped d99: named only by a type word ('Resolution')" in r.stdout
    assert "skipped r1" in r.stdout
    assert "runs on into the next words ('has decided')" in r.stdout
    kg = KnowledgeGraph.load(project)
    names = [x["n"].value for x in kg.select(
        "SELECT ?n WHERE { GRAPH ?g { ?s skos:prefLabel|skos:altLabel|pk:subject ?n } }",
        {"g": ox.NamedNode(BASE + "source/runon_0000000000000000")})]
    assert names and not [n for n in names if n.endswith("has decided") or n == "Resolution"]
    assert not kg.ask("ASK { ?d pk:issuedBy ?b }", {"d": ox.NamedNode(BASE + "doc/tw/ct/undated/98")})
    r = run("accept", str(out), "--only", "d99", root=project)
    assert r.returncode == 2 and "named only by a type word" in r.stderr
