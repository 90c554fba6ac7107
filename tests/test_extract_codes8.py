"""Code forms of the eighth round (issue 12): look-alike characters ("Ð" U+00D0 for "Đ", Cyrillic
and full-width letters, dashes, no-break and zero-width spaces), letter-suffixed numbers
("24a/2016/NĐ-CP"), spaces around separators, a type written letter by letter ("N Đ -CP"), a
state code cut by a line end, an issuer glued to lower-case text, and ordinances (Pháp lệnh,
``PL-UBTVQH``). Every consumer of codes reads them alike: ``model.ids`` (keys, parsing, IRIs),
the extractor, ``extract_eval``'s comparison, accept's ``normal_code``, the spreadsheet import
and ``partykg ask``.

Real snippets carry their page's URL; the look-alike variants are a real sentence with one
character written as pages write it (said so at each case)."""
from __future__ import annotations

import pytest

from partykg.ingest.extract import extract, normal_code
from partykg.ingest.extract.typewords import abbreviations, type_words
from partykg.ingest.extract_eval import _ck
from partykg.model import ids
from partykg.model.ids import CodeError, code_key, document_path, parse_code


def mentions(text: str, lang: str = "auto") -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.code, m.type) for m in extract(text, lang).mentions]


def doc_codes(text: str, lang: str = "auto") -> set[tuple[str | None, str | None]]:
    return {(d.code, d.type) for d in extract(text, lang).documents}


# --- model.ids --------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    "24/2016/NÐ-CP",          # U+00D0, Latin capital eth
    "24/2016/Nð-CP",          # U+00F0, small eth
    "24/2016/NĐ–CP",          # en dash
    "24/2016/NĐ‑CP",          # non-breaking hyphen
    "24／2016／NĐ－CP",        # full-width slash and hyphen
    "24/2016/NĐ-СР",          # Cyrillic С and Р
    "24/2016/\u200bNĐ-CP",    # zero-width space
    "24/\u00a02016/NĐ-CP",    # no-break space
    "24/2016/ND-CP",
])
def test_lookalikes_are_one_code(variant):
    assert code_key(variant) == code_key("24/2016/NĐ-CP") == "24/2016/ND-CP"
    c = parse_code(variant)
    assert (c.number, c.year, ids.fold(c.type).upper(), c.issuer, c.state) == ("24", "2016", "ND", "CP", True)


def test_letter_suffixed_numbers():
    c = parse_code("24a/2016/NĐ-CP")
    assert (c.number, c.year, c.type, c.issuer, c.state) == ("24a", "2016", "NĐ", "CP", True)
    assert c.number_key == "24a" and c.key == "24A/2016/ND-CP"
    assert code_key("24a/2016/NÐ-CP") == code_key("24A/2016/ND-CP")
    assert document_path(code="24a/2016/NĐ-CP", year=2016) == "doc/cp/nd/2016/24a"
    assert document_path(code="12a-QĐ/TW") == "doc/tw/qd/undated/12a"
    assert parse_code("05b-HD/BTCTW").number_key == "5b"
    for bad in ("24ab/2016/NĐ-CP", "24/2016/N Đ-CP", "a24/2016/NĐ-CP"):
        with pytest.raises(CodeError):
            parse_code(bad)


def test_fold_reads_the_eth_as_d_and_leaves_other_text_alone():
    assert ids.fold("NÐ") == ids.fold("NĐ") == "ND"
    assert ids.name_key("Ban\u00a0Bí thư") == "ban bi thu"
    assert ids.fold("Nghị quyết") == "Nghi quyet"  # no look-alike: unchanged path
    assert not ids.has_lookalikes("Nghị định số 24/2016/NĐ-CP")


# --- the extractor ----------------------------------------------------------------------------

def test_eth_and_other_lookalikes_in_prose():
    # the sentence of https://tulieuvankien.dangcongsan.vn/he-thong-van-ban/van-ban-quy-pham-phap-luat/thong-tu-lien-tich-so-902016ttlt-btc-bct-ngay-2462016-cua-lien-bo-tai-chinh-cong-thuong-sua-doi-bo-sung-mot-so-dieu-cua-thong-tu-2520
    # ("Căn cứ Nghị định số 215/2013/NĐ-CP ngày 23 tháng 12 năm 2013 của Chính phủ"), its Đ
    # written as pages also write it
    base = "Căn cứ Nghị định số 215/2013/{} ngày 23 tháng 12 năm 2013 của Chính phủ;"
    for code in ("NÐ-CP", "Nð-CP", "NĐ–CP", "NĐ\u2011CP", "NĐ－CP", "\u200bNĐ-CP"):
        text = base.format(code)
        got = mentions(text, "vi")
        assert len(got) == 1, (code, got)
        written, c, t = got[0]
        assert written == text[text.index("Nghị"):text.index(" ngày")]  # the page's text
        assert code_key(c) == "215/2013/ND-CP" and t == "decree", (code, got)  # the code's
        assert normal_code(c) in ("215/2013/NĐ-CP", "215/2013/Nđ-CP"), (code, got)  # no look-alike
    # Cyrillic letters and a full-width slash in a Party code
    assert doc_codes("Thực hiện Chỉ thị số 51–СT／TW của Ban Bí thư.", "vi") == {("51-CT/TW", "directive")}


def test_letter_suffixed_codes():
    assert doc_codes("Nghị định số 24a/2016/NĐ-CP của Chính phủ về quản lý vật liệu.", "vi") == {
        ("24a/2016/NĐ-CP", "decree")}
    assert doc_codes("Theo Quy định số 12a-QĐ/TW và Hướng dẫn số 05b-HD/BTCTW.", "vi") == {
        ("12a-QĐ/TW", "regulation"), ("05b-HD/BTCTW", "guidance")}
    assert doc_codes("Nghị định 24a/2016/nđ-cp về x.", "vi") == {("24a/2016/NĐ-CP", "decree")}


def test_spaces_around_separators():
    # http://vhttdldaklak.gov.vn/thoi-su/chi-thi-cua-ban-thuong-vu-tinh-uy-dak-lak-ve-viec-to-chuc-don-tet-nguyen-dan-tan-suu-nam-2021-9783.html
    assert doc_codes("đã ban hành Chỉ thị số 04 -CT/TU về việc tổ chức đón Tết", "vi") == {
        ("04-CT/TU", "directive")}
    assert doc_codes("Nghị định 05/ 2022/NĐ-CP và Nghị định 06/2022 /NĐ-CP.", "vi") == {
        ("05/2022/NĐ-CP", "decree"), ("06/2022/NĐ-CP", "decree")}
    assert doc_codes("Kết luận số 100\u00a0-\u00a0KL/TW ngày 18/8/2014.", "vi") == {
        ("100-KL/TW", "conclusion")}


def test_type_written_letter_by_letter():
    # https://fr.vietnamplus.vn/nouvel-arrete-du-gouvernement-sur-la-police-maritime/44264.vnp
    text = ("Cet arrêté N o 96/2013/NĐ -CP comprend des modifications par rapport àl'arrêté N o "
            "86/2009/N Đ -CP datant du 19 octobre 2009 sur la mêmequestion.")
    assert ("86/2009/NĐ-CP", "decree") in doc_codes(text, "fr")
    assert normal_code("86/2009/N Đ -CP") == "86/2009/NĐ-CP"
    # only letters that make one of the scheme's abbreviations: no code from "X Y"
    assert doc_codes("le texte 86/2009/X Y -CP du 19 octobre", "fr") == set()


def test_state_code_cut_by_a_line_end():
    # the preamble of https://dulieuphaply.vn/?p=9902, "Căn cứ Nghị định số 33/2002/NĐ-CP ngày
    # 28/03/2002 của Chính phủ …", with its code broken over two lines
    text = ("Căn cứ Nghị định số 33/2002/\nNĐ-CP ngày 28/03/2002 của Chính phủ quy định chi tiết "
            "thi hành Pháp lệnh bảo vệ bí mật nhà nước;")
    assert ("33/2002/NĐ-CP", "decree") in doc_codes(text, "vi")
    text = "Căn cứ Nghị định số 33/\n2002/NĐ-CP ngày 28/03/2002 của Chính phủ;"
    assert doc_codes(text, "vi") == {("33/2002/NĐ-CP", "decree")}


def test_issuer_glued_to_lower_case_text():
    # http://ttbd.gov.vn/Home/Default.aspx?portalid=52&tabid=108&catid=515&distid=4980
    text = "Đặc biệt, sau 10 năm thực hiện Quy định số 47 - QĐ/TWcủa BCH Trung ương Đảng, ngày 01/11/2011"
    assert doc_codes(text, "vi") == {("47-QĐ/TW", "regulation")}
    assert doc_codes("theo Nghị định 15/2018/NĐ-CPcủa Chính phủ", "vi") == {("15/2018/NĐ-CP", "decree")}


def test_garbled_header_gives_no_wrong_code():
    # https://2mit.org/forum/threads/qui-dinh-ve-ban-hanh-van-ban-cua-doan.31554: the header's
    # "Số: 367 - QĐ/TWĐTN-VP" glued to "ĐOÀN TNCS": no reading is safe, none is taken (it was
    # read "367 - QĐ/T" before)
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 29 "
            "tháng 10 năm 2013 QUYẾT ĐỊNH")
    assert all(not c or code_key(c) != "367-QD/T" for _, c, _ in mentions(text, "vi"))
    # the same page's spaced code is read
    text = ("ban hành kèm theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành "
            "Trung ương Đoàn;")
    assert ("84-QĐ/TWĐTN", "decision") in doc_codes(text, "vi") or \
        ("84-QĐ/TWĐTN", "regulation") in doc_codes(text, "vi")


# --- ordinances -------------------------------------------------------------------------------

def test_ordinance_is_a_type_of_the_scheme():
    assert type_words("vi")["pháp lệnh"] == "ordinance"
    assert type_words("en")["ordinance"] == "ordinance"
    assert type_words("fr")["ordonnance"] == "ordinance"
    assert type_words("id")["ordonansi"] == "ordinance"
    assert abbreviations(state=True)["PL"] == ("ordinance",)
    assert "PL" not in abbreviations(party=True)  # a state-only type


def test_ordinances_in_prose():
    # https://businessdocbox.com/Advertising/91678374-Legal-news-contents-vision-associates-a-ttorneys-patent-t-rademark-a-gents-i-nvestment-business-c-onsultants-july-2012.html
    text = ("and replace the Ordinance on Advertising No. 39/2001/PL-UBTVQH issued by the Standing "
            "Committee of the National Assembly")
    assert doc_codes(text, "en") == {("39/2001/PL-UBTVQH", "ordinance")}
    # https://dulieuphaply.vn/?p=9902 (the page's "Bo" for "Bảo")
    got = mentions("Căn cứ Pháp lệnh Bo vệ bí mật nhà nước năm 2000;", "vi")
    assert [(t, c, ty) for t, c, ty in got] == [("Pháp lệnh Bo vệ bí mật nhà nước", None, "ordinance")]
    assert doc_codes("Pháp lệnh số 03/2007/PL-UBTVQH12 về x.", "vi") == {
        ("03/2007/PL-UBTVQH12", "ordinance")}


# --- the other consumers ----------------------------------------------------------------------

def test_eval_and_accept_compare_codes_alike():
    # the gold of set LD writes the page's "86/2009/N Đ -CP"; the extractor gives the code
    assert _ck("86/2009/N Đ -CP") == _ck("86/2009/NĐ-CP") == _ck("86/2009/NÐ-CP")
    assert normal_code("24/2016/NÐ-CP") == "24/2016/NĐ-CP"
    assert normal_code("05/ 2022/NĐ-CP") == "05/2022/NĐ-CP"
    # accept writes a code's official spelling (its IRI and pk:code come from it)
    from partykg.ingest.accept import canonical_code

    assert canonical_code("24a/2016/NÐ-CP") == canonical_code("24a/2016/ND-CP") == "24a/2016/NĐ-CP"
    assert canonical_code("86/2009/N Đ -CP") == "86/2009/NĐ-CP"
    assert canonical_code("51–CT／TW") == "51-CT/TW"


def test_import_and_ask_read_lookalikes_and_suffixes(project_copy, tmp_path):
    from partykg.ask.answer import answer
    from partykg.ingest.importer import import_csv
    from partykg.store.embedded import KnowledgeGraph

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "code,type,issuer,date,title,replaces,amends,implements,guides,status,source_url,quote\n"
        "24a/2016/NÐ-CP,Nghị định,Chính phủ,2016-04-05,,,,,,,https://example.org/a,\n",
        encoding="utf-8")
    result = import_csv(sheet, root=project_copy)
    assert result.written
    kg = KnowledgeGraph.load(project_copy)
    for q in ("Who issued 24a/2016/NĐ-CP?", "Who issued 24a/2016/ND-CP?",
              "Who issued Decree 24a/2016/NÐ-CP?"):
        a = answer(kg, q)
        assert a.status == "answered", (q, a.status, a.text)
        assert "24a/2016/NĐ-CP" in a.text, (q, a.text)
