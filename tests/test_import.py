"""`partykg import FILE.csv`: round trip through SPARQL, re-import changes nothing, bad rows
import nothing and name their row and column."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from partykg.model.ids import code_key
from partykg.ingest.importer import ImportError_, import_csv, output_stem
from partykg.store.embedded import KnowledgeGraph
from partykg.graph.validate import validate

HEADER = "code,type,issuer,date,title,replaces,amends,implements,guides,status,source_url,quote\n"
GOOD = HEADER + (
    '99-QĐ/TW,Regulation,Ban Bí thư,2024-03-01,Quy định về công tác đảng ở ngoài nước,'
    '86-QĐ/TW@2017-06-01,,,,issued,https://example.org/a,'
    '"Quy định 99-QĐ/TW ngày 1/3/2024 của Ban Bí thư thay thế Quy định 86-QĐ/TW ngày 1/6/2017"\n'
    '12-HD/BTCTW,Hướng dẫn,Central Organisation Commission,2024-04-02,,,,,99-QĐ/TW,,'
    'https://example.org/b,"Hướng dẫn 12-HD/BTCTW hướng dẫn Quy định 99-QĐ/TW"\n'
    ',Chỉ thị,,2025-01-10,New directive on Party work abroad,51-CT/TW,,,,planned,'
    'https://example.org/c,"a new directive will replace Directive 51-CT/TW"\n'
    '02-NQ/DUB@2023-03-20,Resolution,Đảng ủy Bộ Ngoại giao,,,,,,,,https://example.org/d,'
    '"Nghị quyết số 02-NQ/ĐUB ngày 20/3/2023"\n'
)


def write(tmp_path: Path, text: str, name: str = "sheet.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def docs_with_code(kg, code: str) -> list[dict]:
    return kg.select("""SELECT DISTINCT ?d ?date ?issuer ?type WHERE { ?d pk:codeKey ?k ;
        pk:documentType ?type . OPTIONAL { ?d pk:dateIssued ?date } OPTIONAL { ?d pk:issuedBy ?issuer } }""",
                     {"k": ox.Literal(code_key(code))})


def test_import_round_trip(project_copy, tmp_path):
    result = import_csv(write(tmp_path, GOOD), root=project_copy)
    assert result.written and not result.unchanged
    target = project_copy / "graph" / "imports" / f"{output_stem(tmp_path / 'sheet.csv', project_copy)}.trig"
    assert result.target == target and target.is_file() and target.name.startswith("sheet-")
    kg = KnowledgeGraph.load(project_copy)
    assert validate(kg) == []

    [d99] = docs_with_code(kg, "99-QD/TW")  # the D and Đ spellings are one code
    assert d99["date"].value == "2024-03-01"
    assert d99["issuer"].value.endswith("/body/secretariat")
    assert d99["type"].value.endswith("/regulation")
    # the relation to a document the graph did not have mints it, with its date
    old = kg.select("SELECT DISTINCT ?old ?date WHERE { ?new pk:replaces ?old . ?old pk:dateIssued ?date }",
                    {"new": d99["d"]})
    assert [r["date"].value for r in old] == ["2017-06-01"]
    # ... distinct from the seed's Regulation 86-QĐ/TW of 2022
    assert {r["date"].value for r in docs_with_code(kg, "86-QĐ/TW")} == {"2017-06-01", "2022-10-28"}
    # guidance from the same sheet resolves to the row's document
    g = kg.select("SELECT DISTINCT ?x WHERE { ?g pk:guides ?x . ?g pk:codeKey ?k }",
                  {"k": ox.Literal("12-HD/BTCTW")})
    assert [r["x"] for r in g] == [d99["d"]]
    # the planned row: plannedToReplace, never replaces, no issue date, status planned as of its date
    planned = kg.select("""SELECT DISTINCT ?p ?st ?asOf WHERE { ?p pk:plannedToReplace ?d51 ;
        pk:hasStatus [ pk:status ?st ; pk:asOf ?asOf ] . ?d51 pk:codeKey "51-CT/TW" .
        FILTER NOT EXISTS { ?p pk:dateIssued ?x } FILTER NOT EXISTS { ?p pk:replaces ?y } }""")
    assert [(r["st"].value.rsplit("/", 1)[1], r["asOf"].value) for r in planned
            if "/status/" in r["st"].value and r["asOf"].value == "2025-01-10"] == [("planned", "2025-01-10")]
    # a row naming an existing document (type, number and date) adds its code to it, no new IRI
    r02 = kg.select("""SELECT DISTINCT ?d WHERE { ?d pk:codeKey "02-NQ/DUB" ; pk:dateIssued "2023-03-20"^^xsd:date }""")
    assert [r["d"].value.removeprefix("https://w3id.org/partykg/id/") for r in r02] == [
        "doc/dub/nq/2023/2"]
    # every fact of the sheet carries the row and the source URL
    ev = kg.select("""SELECT DISTINCT ?row ?url WHERE { ?e pk:csvRow ?row ; rdf:subject ?d ;
        prov:wasQuotedFrom/pk:url ?url }""", {"d": d99["d"]})
    assert {(r["row"].value, r["url"].value) for r in ev} == {("2", "https://example.org/a")}


def test_reimport_changes_nothing(project_copy, tmp_path):
    sheet = write(tmp_path, GOOD)
    target = import_csv(sheet, root=project_copy).target
    first = target.read_bytes()
    again = import_csv(sheet, root=project_copy)
    assert again.unchanged and target.read_bytes() == first


@pytest.mark.parametrize("row, column, words", [
    ("1-CT/TW,Memo,Politburo,2020-01-01,,,,,,,https://e.org/x,q", "type", "unknown type 'Memo'"),
    ("1-CT/TW,Directive,Ministry of Magic,2020-01-01,,,,,,,https://e.org/x,q", "issuer", "unknown issuer"),
    ("1-CT/TW,Directive,Politburo,2020-13-01,,,,,,,https://e.org/x,q", "date", "not a date"),
    ("1-CT/TW,Directive,Politburo,01/02/2020,,,,,,,https://e.org/x,q", "date", "not a date"),
    (",Directive,Politburo,2020-01-01,,,,,,,https://e.org/x,q", "code", "missing code"),
    ("Directive 51,Directive,Politburo,2020-01-01,,,,,,,https://e.org/x,q", "code", "not a document code"),
    ("1-CT/TW,Directive,Politburo,2020-01-01,,,,,,,,q", "source_url", "missing source_url"),
    ("1-CT/TW,Directive,Politburo,2020-01-01,,,,,,,,", "source_url", "missing source_url"),
    ("1-CT/TW,Directive,Politburo,2020-01-01,,,,,,,https://e.org/x,ab", "quote", "too short"),
    ("1-CT/TW,Directive,Politburo,2020-01-01,,,,,,,https://e.org/x,fine,extra", None, "13 cells"),
    ("1-CT/TW,Directive,Bộ,2020-01-01,,,,,,,https://e.org/x,fine", "issuer", "bodies: "),
    ("1-CT/TW,Quyết định,Politburo,2020-01-01,,,,,,,https://e.org/x,fine", "type", "does not fit code"),
    ("2-CT/TW,Directive,Politburo,2021-01-01,,,,,,planned,https://e.org/x,q", "issuer", "no issuer yet"),
    ("209-QĐ/TW@2019-11-26,Quy định,,,,,,,,,https://e.org/x,quote", "type", "is a Decision in the graph"),
    ("51-CT/TW@2005-04-13,Resolution,,,,,,,,,https://e.org/x,quote", "type", "does not fit code"),
])
def test_bad_row_is_named_and_imports_nothing(project_copy, tmp_path, row, column, words):
    good = "9-CT/TW,Directive,Politburo,2020-01-01,,,,,,,https://e.org/ok,fine\n"
    sheet = write(tmp_path, HEADER + good + row + "\n")
    before = sorted(p.relative_to(project_copy) for p in (project_copy / "graph").rglob("*"))
    with pytest.raises(ImportError_) as e:
        import_csv(sheet, root=project_copy)
    where = f"sheet.csv row 3, column {column}: " if column else "sheet.csv row 3: "
    assert where in str(e.value) and words in str(e.value), str(e.value)
    assert "row 2" not in str(e.value)  # the good row is not blamed
    assert sorted(p.relative_to(project_copy) for p in (project_copy / "graph").rglob("*")) == before


def test_code_shared_by_two_documents_needs_its_date(project_copy, tmp_path):
    # first give the 2023 Resolution 02 (which the seed knows by number and date only) its code
    import_csv(write(tmp_path, HEADER + "02-NQ/DUB@2023-03-20,Resolution,,,,,,,,,https://e.org/d,"
                                        "Nghị quyết 02-NQ/ĐUB ngày 20/3/2023\n", "a.csv"), root=project_copy)
    sheet = write(tmp_path, HEADER + "1-CT/TW,Directive,Politburo,2024-01-01,,02-NQ/ĐUB,,,,,"
                                     "https://e.org/x,quote\n", "b.csv")
    with pytest.raises(ImportError_) as e:
        import_csv(sheet, root=project_copy)
    msg = str(e.value)
    assert "b.csv row 2, column replaces: '02-NQ/ĐUB' names 2 documents" in msg
    assert "02-NQ/ĐUB@2021-12-24" in msg and "02-NQ/ĐUB@2023-03-20" in msg
    # with the date it is one document
    sheet.write_text(HEADER + "1-CT/TW,Directive,Politburo,2024-01-01,,02-NQ/ĐUB@2023-03-20,,,,,"
                              "https://e.org/x,quote\n", encoding="utf-8")
    import_csv(sheet, root=project_copy)
    kg = KnowledgeGraph.load(project_copy)
    rows = kg.select("SELECT DISTINCT ?old WHERE { ?new pk:codeKey \"1-CT/TW\" ; pk:replaces ?old }")
    assert [r["old"].value.rsplit("id/", 1)[1] for r in rows] == ["doc/dub/nq/2023/2"]


@pytest.mark.parametrize("content, words", [
    ("", "empty file"),
    ("code,type,colour\n", "unknown column"),
    ("issuer,date\n", "lacks column"),
    ("Code,Type,Code\n", "named twice"),
    (HEADER, "no rows"),
])
def test_bad_files(project_copy, tmp_path, content, words):
    with pytest.raises(ImportError_, match=words):
        import_csv(write(tmp_path, content), root=project_copy)


def test_binary_file_is_refused(project_copy, tmp_path):
    p = tmp_path / "x.csv"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(ImportError_, match="not UTF-8|NUL"):
        import_csv(p, root=project_copy)


def test_cli_exit_codes(project_copy, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "partykg", "--root", str(project_copy), *args],
                              capture_output=True, text=True, timeout=300)

    bad = write(tmp_path, HEADER + "1-CT/TW,Memo,Politburo,2020-01-01,,,,,,,https://e.org/x,q\n", "bad.csv")
    r = run("import", str(bad))
    assert r.returncode == 2 and "bad.csv row 2, column type" in r.stderr
    ok = write(tmp_path, GOOD)
    r = run("import", "--dry-run", str(ok))
    assert r.returncode == 0 and "dry run" in r.stdout
    assert not (project_copy / "graph" / "imports" / "sheet.trig").exists()
    r = run("import", str(ok))
    assert r.returncode == 0, r.stderr
    r = run("validate")
    assert r.returncode == 0, r.stdout


def test_code_at_undated_names_the_undated_document(project_copy, tmp_path):
    """The list of candidates writes an undated one CODE@undated: that notation is accepted."""
    import_csv(write(tmp_path, HEADER + "77-CT/TW,Directive,,,,,,,,,https://e.org/a,Chỉ thị 77-CT/TW\n"
                                        "77-CT/TW@2020-05-04,Directive,,,,,,,,,https://e.org/b,"
                                        "Chỉ thị 77-CT/TW ngày 4/5/2020\n", "a.csv"), root=project_copy)
    sheet = write(tmp_path, HEADER + "5-KL/TW,Conclusion,,2024-01-01,,,,77-CT/TW,,,"
                                     "https://e.org/x,quote\n", "b.csv")
    with pytest.raises(ImportError_) as e:
        import_csv(sheet, root=project_copy)
    msg = str(e.value)
    assert "names 2 documents" in msg and "77-CT/TW@undated" in msg and "77-CT/TW@2020-05-04" in msg
    # what the message lists can be written back
    sheet.write_text(HEADER + "5-KL/TW,Conclusion,,2024-01-01,,,,77-CT/TW@undated,,,"
                              "https://e.org/x,quote\n", encoding="utf-8")
    import_csv(sheet, root=project_copy)
    kg = KnowledgeGraph.load(project_copy)
    rows = kg.select("SELECT DISTINCT ?t WHERE { ?d pk:codeKey \"5-KL/TW\" ; pk:implements ?t }")
    assert [r["t"].value.rsplit("id/", 1)[1] for r in rows] == ["doc/tw/ct/undated/77"]
    assert validate(kg) == []
    # a date beside CODE@undated contradicts it
    bad = write(tmp_path, HEADER + "77-CT/TW@undated,Directive,,2021-01-01,,,,,,,https://e.org/c,q77\n",
                "c.csv")
    with pytest.raises(ImportError_, match="names the undated document but column date says"):
        import_csv(bad, root=project_copy)


def test_every_document_relation_of_the_ontology_has_a_column(project_copy, tmp_path):
    """continues, based on, cites, in conjunction with, proposes: one column each, the forward
    property stored, with evidence; and every document-to-document relation of the ontology
    that is stored forward has a column."""
    from partykg.ingest.sheet import RELATION_COLUMNS

    sheet = write(tmp_path, "code,type,date,continues,based on,cites,in conjunction with,"
                            "proposes,source_url,quote\n"
                            "7-CT/TW,Directive,2024-02-01,51-CT/TW,86-QĐ/TW@2022-10-28,"
                            "209-QĐ/TW,8-TB/TW@2024-02-01,9-NQ/TW@2024-01-15,https://e.org/r,"
                            "Chỉ thị 7-CT/TW tiếp tục thực hiện Chỉ thị 51-CT/TW\n")
    import_csv(sheet, root=project_copy)
    kg = KnowledgeGraph.load(project_copy)
    got = {(r["p"].value.rsplit("#", 1)[1]) for r in kg.select(
        """SELECT ?p WHERE { ?d pk:codeKey "7-CT/TW" ; ?p ?o . ?o pk:documentType ?t .
           ?ev rdf:subject ?d ; rdf:predicate ?p ; rdf:object ?o }""")}
    assert got == {"continues", "basedOn", "cites", "inConjunctionWith", "proposes"}
    assert validate(kg) == []
    # the ontology's forward document relations (those with a stored-never inverse) all have a
    # column; plannedToReplace is `replaces` on a planned row
    rows = kg.select("""SELECT DISTINCT ?p WHERE { ?p rdfs:domain pk:Document ;
        rdfs:range pk:Document . ?inv <http://www.w3.org/2002/07/owl#inverseOf> ?p }""")
    forward = {r["p"].value.rsplit("#", 1)[1] for r in rows} - {"plannedToReplace"}
    assert forward <= set(RELATION_COLUMNS.values()), forward - set(RELATION_COLUMNS.values())
