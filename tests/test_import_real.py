"""`partykg import` of a spreadsheet as people keep it, written from public pages
(tests/data/import/real_documents.csv, sources in tests/data/import/README.md): quote-less rows,
issuer and type forms, QĐ kept unknown, same-name files, re-import, bad rows, invalid lang."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import DATA
from partykg.graph.validate import validate
from partykg.ingest.importer import ImportError_, import_csv
from partykg.ingest.names import Names
from partykg.model.ids import code_key
from partykg.store.embedded import KnowledgeGraph

REAL = DATA / "import" / "real_documents.csv"
PKDT = "https://w3id.org/partykg/doctype/"


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partykg", "--root", str(root), *args],
                          capture_output=True, text=True, timeout=300)


def doc(kg, code: str) -> str:
    [row] = kg.select("SELECT DISTINCT ?d WHERE { ?d pk:codeKey ?k }", {"k": ox.Literal(code_key(code))})
    return row["d"].value


@pytest.fixture()
def imported(seed_project_copy):
    result = import_csv(REAL, root=seed_project_copy)
    return seed_project_copy, result, KnowledgeGraph.load(seed_project_copy)


def test_real_sheet_imports_and_validates(imported):
    root, result, kg = imported
    assert result.rows == 22 and result.unquoted > 0 and result.target.is_file()
    assert validate(kg) == []
    # every row's facts carry its URL; quote-less rows carry no pk:quote
    rows = kg.select("""SELECT DISTINCT ?row ?url ?q WHERE { ?e a pk:Evidence ; pk:csvRow ?row ;
        prov:wasQuotedFrom/pk:url ?url . OPTIONAL { ?e pk:quote ?q } }""")
    by_row: dict[str, set] = {}
    for r in rows:
        by_row.setdefault(r["row"].value, set()).add(r["q"] is not None)
    assert len(by_row) == 22
    assert by_row["9"] == {False} and by_row["2"] == {True}  # 06-HD/UBKTTW has no quote


def test_quote_less_row_is_answerable(imported):
    root, _, kg = imported
    r = run(root, "ask", "Who issued 06-HD/UBKTTW?")
    assert r.returncode == 0, r.stderr
    assert "Central Inspection Commission" in r.stdout and "18 December 2018" in r.stdout
    # the row has a URL and no quote: the answer cites the page by its URL, with no quote
    cited = [line for line in r.stdout.splitlines() if "hethongphapluat.vn" in line]
    assert cited and not any('"' in line for line in cited), r.stdout
    r = run(root, "query", "evidence", "--param", f"s={doc(kg, '06-HD/UBKTTW')}",
            "--param", "p=https://w3id.org/partykg/ontology#guides",
            "--param", f"o={doc(kg, '07-QĐi/TW')}", "--format", "json")
    assert r.returncode == 0 and "hethongphapluat.vn" in r.stdout, r.stderr


def test_issuers_in_their_usual_forms(imported):
    _, _, kg = imported
    issuers = {r["c"].value: r["b"].value.rsplit("/", 1)[1] for r in kg.select(
        "SELECT DISTINCT ?c ?b WHERE { ?d pk:code ?c ; pk:issuedBy ?b }")}
    assert issuers["22-QĐ/TW"] == "central-committee"             # "Central Committee"
    assert issuers["55-CT/TW"] == issuers["26-CT/TW"] == "secretariat"  # "ban bi thu", "Ban Bí thư"
    assert issuers["35-CT/TW"] == issuers["368-QĐ/TW"] == "politburo"  # "Bo Chinh tri", "Bộ Chính trị"
    assert issuers["08-HD/UBKTTW"] == issuers["06-HD/UBKTTW"] == issuers["05-HD/UBKTTW"] \
        == issuers["11-HD/UBKTTW"]  # en and vi names, any case
    assert issuers["264-QĐ/TW"] == "central-committee"  # "Ban Chấp hành Trung ương": start of a name
    names = Names.of(kg)
    for form in ("Central Committee", "central  committee", "Ban Chấp hành Trung ương Đảng",
                 "BAN CHAP HANH TRUNG UONG DANG"):
        assert [b.rsplit("/", 1)[1] for b in names.body(form)] == ["central-committee"], form
    assert len(names.body("Committee")) > 1  # several bodies: an error, never a guess


def test_qd_relation_target_keeps_its_code_and_unknown_type(imported):
    _, _, kg = imported
    d30 = doc(kg, "30-QĐ/TW")
    rows = kg.select("""SELECT ?t ?p ?date WHERE { ?d pk:documentType ?t ; pk:dateIssued ?date .
        OPTIONAL { ?d pk:possibleDocumentType ?p } }""", {"d": ox.NamedNode(d30)})
    assert {r["t"].value for r in rows} == {PKDT + "unclassified"}
    assert {r["p"].value for r in rows} == {PKDT + "regulation", PKDT + "decision"}
    assert {r["date"].value for r in rows} == {"2016-07-26"}
    for code in ("102-QĐ/TW", "94-QĐ/TW"):  # the other QĐ codes named only in relations
        t = kg.select("SELECT ?t WHERE { ?d pk:documentType ?t }", {"d": ox.NamedNode(doc(kg, code))})
        assert [r["t"].value for r in t] == [PKDT + "unclassified"], code
    # a row that says "Decision" for a QĐ code is typed by the row, not guessed from the code
    t109 = kg.select("SELECT ?t WHERE { ?d pk:documentType ?t }", {"d": ox.NamedNode(doc(kg, "109-QĐ/TW"))})
    assert [r["t"].value for r in t109] == [PKDT + "decision"]


def test_reimport_is_a_no_op(imported):
    root, result, _ = imported
    before = result.target.read_bytes()
    again = import_csv(REAL, root=root)
    assert again.unchanged and again.target == result.target and result.target.read_bytes() == before


def test_same_file_name_in_two_folders(seed_project_copy, tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    lines = REAL.read_text(encoding="utf-8").splitlines(keepends=True)
    x, y = tmp_path / "x" / "docs.csv", tmp_path / "y" / "docs.csv"
    x.write_text("".join(lines[:6]), encoding="utf-8")
    y.write_text(lines[0] + "".join(lines[6:]), encoding="utf-8")
    rx, ry = import_csv(x, root=seed_project_copy), import_csv(y, root=seed_project_copy)
    assert rx.target != ry.target and rx.target.is_file() and ry.target.is_file()
    assert rx.target.name.startswith("docs-") and ry.target.name.startswith("docs-")
    kg = KnowledgeGraph.load(seed_project_copy)
    assert validate(kg) == []
    for code in ("21-CT/TW", "126-KL/TW"):  # facts from both files
        doc(kg, code)
    # the same path with new content replaces its own import, and says so
    x.write_text("".join(lines[:3]), encoding="utf-8")
    again = import_csv(x, root=seed_project_copy)
    assert again.replaced and "replaced" in again.summary() and again.target == rx.target


def test_bad_rows_among_good_ones_import_nothing(seed_project_copy, tmp_path):
    text = REAL.read_text(encoding="utf-8").rstrip("\n") + "\n"
    text += "12-CT/TW,Chỉ thị,Ban Bí thư,2023-31-12,,,,,https://example.org/a,,vi\n"
    text += "13-CT/TW,Memo,Ministry of Magic,,,,,,,,vi\n"
    sheet = tmp_path / "bad.csv"
    sheet.write_text(text, encoding="utf-8")
    before = sorted(p.relative_to(seed_project_copy) for p in (seed_project_copy / "graph").rglob("*"))
    with pytest.raises(ImportError_) as e:
        import_csv(sheet, root=seed_project_copy)
    msg = str(e.value)
    for where in ("bad.csv row 24, column date", "bad.csv row 25, column type",
                  "bad.csv row 25, column issuer", "bad.csv row 25, column source_url"):
        assert where in msg, msg
    assert "row 2," not in msg and "row 23," not in msg
    assert sorted(p.relative_to(seed_project_copy) for p in (seed_project_copy / "graph").rglob("*")) == before


@pytest.mark.parametrize("lang", ["en_US", "x y", "123", "toolongtagxx"])
def test_invalid_lang_is_a_row_error_not_a_traceback(seed_project_copy, tmp_path, lang):
    sheet = tmp_path / "lang.csv"
    sheet.write_text("code,type,issuer,source_url,quote,lang\n"
                     f"26-CT/TW,Chỉ thị,Ban Bí thư,https://hoanhap.vn/tag/bieu-qua-tet,Chỉ thị số 26-CT/TW,{lang}\n",
                     encoding="utf-8")
    r = run(seed_project_copy, "import", str(sheet))
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "lang.csv row 2, column lang: not a language tag" in r.stderr


def test_forgiving_headers(seed_project_copy, tmp_path):
    sheet = tmp_path / "h.csv"
    sheet.write_text(" Code ,TYPE,Issued by,source-url,Source_URL_X\n", encoding="utf-8")
    with pytest.raises(ImportError_, match=r"unknown column\(s\) \['Source_URL_X'\]"):
        import_csv(sheet, root=seed_project_copy)
    sheet.write_text(" Code ,TYPE,Issued by,source-url\n"
                     "26-CT/TW,chi thi,BAN BI THU,https://hoanhap.vn/tag/bieu-qua-tet\n", encoding="utf-8")
    assert import_csv(sheet, root=seed_project_copy).facts > 0


def test_source_already_in_graph_is_reused_and_quotes_checked(seed_project_copy, tmp_path):
    url = "https://hoanhap.vn/tag/bieu-qua-tet"
    text = ("Thay mặt Ban Bí thư, Thường trực Ban Bí thư Trương Thị Mai đã ký ban hành Chỉ thị số "
            "26-CT/TW ngày 23/11/2023 về việc tổ chức Tết Giáp Thìn năm 2024.")
    (seed_project_copy / "graph" / "corpus" / "hoanhap.txt").write_text(text, encoding="utf-8")
    (seed_project_copy / "graph" / "sources" / "hoanhap.trig").write_text(
        "@prefix pk: <https://w3id.org/partykg/ontology#> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        "<https://w3id.org/partykg/id/source/hoanhap> {\n  <https://w3id.org/partykg/id/source/hoanhap> a "
        f'pk:SourceArticle ; dcterms:language "vi" ; pk:url "{url}" ; pk:corpusFile "graph/corpus/hoanhap.txt" .\n}}\n',
        encoding="utf-8")
    sheet = tmp_path / "s.csv"
    sheet.write_text("code,type,issuer,date,source_url,quote,lang\n"
                     f"26-CT/TW,Chỉ thị,Ban Bí thư,2023-11-23,{url},Chỉ thị số 26-CT/TW ngày 23/11/2023,vi\n"
                     f"55-CT/TW,Chỉ thị,Ban Bí thư,,{url},,vi\n", encoding="utf-8")
    import_csv(sheet, root=seed_project_copy)
    kg = KnowledgeGraph.load(seed_project_copy)
    assert validate(kg) == []
    srcs = kg.select("SELECT DISTINCT ?s WHERE { ?e a pk:Evidence ; pk:csvRow ?r ; prov:wasQuotedFrom ?s }")
    assert [r["s"].value for r in srcs] == ["https://w3id.org/partykg/id/source/hoanhap"]
    assert len(kg.select("SELECT DISTINCT ?s WHERE { ?s pk:url ?u }", {"u": ox.Literal(url)})) == 1
    # a quote that is not in the source's text is the row's error
    sheet.write_text("code,type,issuer,source_url,quote\n"
                     f"26-CT/TW,Chỉ thị,Ban Bí thư,{url},words the page does not hold\n", encoding="utf-8")
    with pytest.raises(ImportError_, match="s.csv row 2, column quote: quote not found verbatim"):
        import_csv(sheet, root=seed_project_copy)

