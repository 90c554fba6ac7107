"""Mentions of issue 12's sixth round: a code abbreviation used as a type word ("NĐ 06"), a
sentence whose only document is a law's or ordinance's code. Sentences written for the tests
(fictional numbers and titles) in the shape of real ones; each rule has a case that fails
without it."""
from __future__ import annotations

import pytest

from partykg.ingest.extract import extract


def mentions(text: str, lang: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """Kept mentions as (text, type, number, code)."""
    ex = extract(text, lang)
    kept = {i for d in ex.documents for i in d.mentions}
    return [(m.text, m.type, m.number, m.code) for i, m in enumerate(ex.mentions) if i in kept]


def relations(text: str, lang: str) -> set[tuple[str, str, str]]:
    ex = extract(text, lang)
    first = {d.id: ex.mentions[d.mentions[0]].text for d in ex.documents}
    return {(r.kind, first[r.source], first[r.target]) for r in ex.doc_relations}


# --- an abbreviation as a type word: "NĐ 06" (skos:notation of ontology/doctypes.ttl) --------------

def test_an_abbreviated_decree_is_a_numbered_mention_with_its_relation():
    text = ("Nghị định 431/2011/NĐ-CP sửa đổi, bổ sung một số điều của NĐ 77 ngày 5/3/2009 "
            "của Chính phủ.")
    got = mentions(text, "vi")
    assert ("NĐ 77", "decree", "77", None) in got
    assert ("amends", "Nghị định 431/2011/NĐ-CP", "NĐ 77") in relations(text, "vi")


@pytest.mark.parametrize("text, expected", [
    ("Theo TT số 912 của Bộ Tài chính, hồ sơ nộp trước tháng 6.", ("TT số 912", "circular", "912")),
    ("Ban Thường vụ đã ban hành KH 318 để triển khai.", ("KH 318", "plan", "318")),
])
def test_abbreviations_with_one_type(text, expected):
    assert expected + (None,) in mentions(text, "vi")


@pytest.mark.parametrize("text", [
    "Theo QĐ 512 thì việc này được làm ngay.",     # QĐ: a regulation or a decision
    "Chỉ tiêu NQ 2020 đã đạt.",                     # a year
    "Mỗi CT 5 ngày làm một lần.",                   # a count
    "Mã 51-CT/TW và CT/TW 5 không phải là tên.",     # inside a code
    "Theo nd 77 thì không.",                        # not written as codes write it
])
def test_no_abbreviated_mention(text):
    assert not [m for m in mentions(text, "vi") if m[3] is None]


def test_abbreviations_are_read_only_in_vietnamese_pages():
    assert mentions("The KH 318 team met on Monday.", "en") == []


# --- a sentence whose only document is a legislature code --------------------------------------

def test_a_sentence_with_only_an_ordinance_code_is_read():
    got = mentions("Pháp lệnh số 07/2019/UBTVQH14 được ban hành.", "vi")
    assert [(c, n) for _, _, n, c in got] == [("07/2019/UBTVQH14", "07")]


# --- codes written in lower case ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Nghị định 317/2013/nđ-cp ngày 04 tháng 10 năm 2013 quy định chi tiết.",
     ("Nghị định 317/2013/nđ-cp", "decree", "317", "317/2013/nđ-cp")),
    ("Theo quyết định số 4471/qđ-ubnd của tỉnh.", ("quyết định số 4471/qđ-ubnd", "decision", "4471", "4471/qđ-ubnd")),
    ("Kết luận 611-kl/tw đã được ban hành.", ("Kết luận 611-kl/tw", "conclusion", "611", "611-kl/tw")),
    ("Văn bản 88/2021/tt-btc hết hiệu lực.", ("88/2021/tt-btc", "circular", "88", "88/2021/tt-btc")),
])
def test_lower_case_codes(text, expected):
    assert expected in mentions(text, "vi")


def test_a_lower_case_code_keys_as_its_capitals_and_needs_a_known_abbreviation():
    from partykg.ingest.extract import normal_code
    assert normal_code("317/2013/nđ-cp") == "317/2013/NĐ-CP"
    assert normal_code("17/2013/QĐ-TTg") == "17/2013/QĐ-TTg"  # one lower-case letter: as written
    text = "Nghị định 317/2013/nđ-cp sửa đổi Nghị định 317/2013/NĐ-CP? Không: 5-ab/cd, 7-in/out."
    got = mentions(text, "vi")
    assert len({d.code_key for d in extract(text, "vi").documents if d.code}) == 1
    assert not [m for m in got if m[3] in ("5-ab/cd", "7-in/out")]


def test_a_listed_code_takes_its_own_type_when_its_abbreviation_allows_only_that():
    got = mentions("Theo Nghị quyết 571-NQ/TW và 12/2020/NĐ-CP thì không.", "vi")
    assert ("12/2020/NĐ-CP", "decree", "12", "12/2020/NĐ-CP") in got
    got = mentions("Các Quy định 891-QĐ/TW, 892-QĐ/TW đã hết hiệu lực.", "vi")
    assert [t for _, t, _, _ in got] == ["regulation", "regulation"]


# --- English laws named before the type word ("the Land Law") ----------------------------------

def test_an_amending_law_amends_laws_named_before_their_type_word():
    text = ("The Law amending and supplementing a number of articles of the Orchard Law, the "
            "Ferry Law and the Law on Lantern Business was passed on Tuesday.")
    got = mentions(text, "en")
    assert ("Orchard Law", "law", None, None) in got
    assert ("Ferry Law", "law", None, None) in got
    rels = relations(text, "en")
    assert {t for k, s, t in rels if k == "amends"} == {"Orchard Law", "Ferry Law",
                                                         "Law on Lantern Business"}


def test_a_law_named_before_its_type_word_is_the_same_law_as_law_on():
    text = ("Decree 771/2031/ND-CP replaces Decree 12/2020/ND-CP. The decree guides the "
            "Law on Orchards. Circular 5/2032/TT-BTC guides the 2030 Orchards Law.")
    ex = extract(text, "en")
    laws = [d for d in ex.documents if d.type == "law"]
    assert len(laws) == 1 and len(laws[0].mentions) == 2


@pytest.mark.parametrize("text", [
    "The National Assembly Law Committee met. Decree 771/2031/ND-CP guides the work.",
    "Circular 5/2032/TT-BTC guides the Party Law group on Monday.",
])
def test_bodies_before_law_are_no_name(text):
    assert not [m for m in mentions(text, "en") if m[1] == "law"]


# --- issuers: bodies in a heading in capitals, the Prime Minister, councils --------------------

def issuers(text: str, lang: str) -> dict[str, str | None]:
    ex = extract(text, lang)
    return {m.text: (m.issuer.text if m.issuer else None) for m in ex.mentions if m.strong}


def test_issuers_in_a_heading_in_capitals():
    got = issuers("KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 917/NQ-CP NGÀY 01/8/2031 CỦA CHÍNH PHỦ VÀ "
                  "CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 73-CTR/TU NGÀY 17/8/2031 CỦA BAN CHẤP HÀNH ĐẢNG "
                  "BỘ TỈNH (KHÓA XX)", "vi")
    assert got["NGHỊ QUYẾT SỐ 917/NQ-CP"] == "CHÍNH PHỦ"
    assert got["CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 73-CTR/TU"] == "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"
    got = issuers("PROGRAM IMPLEMENTING RESOLUTION NO. 917-NQ/TW DATED FEBRUARY 10, 2031 OF "
                  "THE POLITBURO ON TRADE", "en")
    assert got["RESOLUTION NO. 917-NQ/TW"] == "POLITBURO"


def test_the_prime_minister_and_councils_issue():
    got = issuers("Thực hiện Chỉ thị số 919/CT-TTg ngày 16/7/2031 của Thủ tướng Chính phủ về thi "
                  "đua; Nghị quyết số 340/NQ-HĐND ngày 22/12/2030 của Hội đồng nhân dân tỉnh.", "vi")
    assert got["Chỉ thị số 919/CT-TTg"] == "Thủ tướng Chính phủ"
    assert got["Nghị quyết số 340/NQ-HĐND"] == "Hội đồng nhân dân tỉnh"
    got = issuers("Decision No. 912/QD-TTg of the Prime Minister Tran Van A approved it.", "en")
    assert got["Decision No. 912/QD-TTg"] == "Prime Minister"


# --- an issuer a list shares -----------------------------------------------------------------------

def test_the_last_items_issuer_goes_back_through_the_list():
    got = issuers("The meeting studied Resolution No. 951-NQ/TW, Resolution No. 952-NQ/TW and "
                  "Resolution No. 953-NQ/TW of the Politburo.", "en")
    assert set(got.values()) == {"Politburo"}
    got = issuers("Theo Quy định số 953 và Quy định số 955 của Ban Bí thư, việc này xong.", "vi")
    assert set(got.values()) == {"Ban Bí thư"}


def test_a_code_of_another_type_keeps_no_issuer_from_the_last_item():
    got = issuers("Thực hiện Nghị quyết 957-NQ/TW và Nghị định 913/2033/NĐ-CP của Chính phủ.", "vi")
    assert got["Nghị quyết 957-NQ/TW"] is None
    assert got["Nghị định 913/2033/NĐ-CP"] == "Chính phủ"
    # a word other than a separator between the items: no list
    got = issuers("Quy định 953 nêu rõ, còn Quy định 955 của Ban Bí thư thì không.", "vi")
    assert got["Quy định 953"] is None


def test_a_plural_type_word_and_its_issuer_announce_a_list():
    got = issuers("Căn cứ các Nghị định của Chính phủ: số 912/2036/NĐ-CP ngày 07/9/2036 về quy "
                  "hoạch; số 914/2038/NĐ-CP ngày 11/01/2038 về sửa đổi.", "vi")
    assert set(got.values()) == {"Chính phủ"}


# --- the date of a document's header ----------------------------------------------------------------

def dates(text: str, lang: str) -> dict[str, str | None]:
    return {m.text: m.date for m in extract(text, lang).mentions if m.strong}


def test_a_header_code_takes_the_date_of_its_place_and_date_line():
    text = ("ỦY BAN NHÂN DÂN TỈNH X\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
            "Hạnh phúc\n|\nSố: 918/KH-UBND\n|\nHưng\nYên, ngày 18 tháng 02 năm 2032\n|\nKẾ HOẠCH\n"
            "Thực hiện Nghị quyết số 917/NQ-CP của Chính phủ.")
    assert dates(text, "vi")["918/KH-UBND"] == "2032-02-18"
    text = ("SOCIALIST REPUBLIC OF VIETNAM\nIndependence - Freedom - Happiness\n-----\n"
            "No.: 911/2033/ND-CP\nHanoi, November 17,\n2033\n \nPursuant to the Law on Orchards; "
            "this Decree amends Decree 12/2020/ND-CP.")
    got = dates(text, "en")
    assert any(d == "2033-11-17" for t, d in got.items() if "911/2033/ND-CP" in t)


def test_no_header_date_for_a_code_inside_a_sentence_or_across_digits():
    text = "Thực hiện Kế hoạch 918/KH-UBND về việc học tập, Hưng Yên, ngày 18 tháng 02 năm 2032."
    assert dates(text, "vi")["Kế hoạch 918/KH-UBND"] is None
    text = "Số: 918/KH-UBND\nBản 2 gồm 5 trang\nHưng Yên, ngày 18 tháng 02 năm 2032"
    assert dates(text, "vi")["918/KH-UBND"] is None


# --- shapes of the sixth round's development pages ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Quy chế công khai theo TT36/2031 thay thế TT09/2029.", ("TT36/2031", "circular", "36", None)),
    ("Luật số: 65/2030/QH19\n\nHà Nội", ("Luật số: 65/2030/QH19", "law", "65", "65/2030/QH19")),
    ("Thực hiện văn bản số 4912/UBND-NC ngày 5/3/2031 của UBND huyện.",
     ("văn bản số 4912/UBND-NC", "official-letter", "4912", "4912/UBND-NC")),
    ("Theo đề nghị tại Tờ trình số 43/TTr-SNNPTNT ngày 28/7/2031.",
     ("Tờ trình số 43/TTr-SNNPTNT", "unclassified", "43", "43/TTr-SNNPTNT")),
    ("Căn cứ Công văn số 772/BXD ngày 5/5/2030 của Bộ Xây dựng.",
     ("Công văn số 772/BXD", "official-letter", "772", "772/BXD")),
])
def test_development_page_shapes(text, expected):
    assert expected in mentions(text, "vi")


def test_a_code_glued_to_a_date_prefix_ends_at_its_issuer():
    text = ("SỬA ĐỔI THÔNG TƯ LIÊN TỊCH SỐ 39/2034/TTLT-BCT-BTCNGÀY 29 THÁNG 10 NĂM 2034 QUY ĐỊNH "
            "VỀ GIÁ. HƯỚNG DẪN QUY ĐỊNH SỐ 181- QĐ/TW NGÀY30-3-2033 CỦA BỘ CHÍNH TRỊ.")
    got = {m.code: m.date for m in extract(text, "vi").mentions if m.code}
    assert got == {"39/2034/TTLT-BCT-BTC": "2034-10-29", "181- QĐ/TW": "2033-03-30"}


def test_an_issuer_only_code_or_an_untyped_code_alone_is_no_mention():
    assert mentions("Mã hồ sơ 772/BXD đã nộp. Xem trang 12/ABC-DEF.", "vi") == []


def test_a_demonstrative_with_an_issuer_still_refers_back():
    text = ("Căn cứ Chỉ thị số 931/CT-TTg ngày 20/10/2029 của Thủ tướng Chính phủ và Công văn số "
            "772/BXD của Bộ Xây dựng về khai triển thực hiện Chỉ thị nói trên của Thủ tướng Chính phủ;")
    ex = extract(text, "vi")
    assert len([d for d in ex.documents if d.type == "directive"]) == 1
    assert relations(text, "vi") == {("implements", "Công văn số 772/BXD", "Chỉ thị số 931/CT-TTg")}


def test_a_french_amending_law_in_lower_case_amends_the_law_it_names():
    text = ("L'Assemblée nationale a adopté la loi modifiant et complétant un certain nombre "
            "d'articles de la loi portant organisation des vergers. La loi modifiant et complétant "
            "un certain nombre d'articles de la loi sur l'organisation des vergers réglementant "
            "les vergers entre en vigueur.")
    ex = extract(text, "fr")
    laws = [d for d in ex.documents if d.type == "law"]
    assert len(laws) == 2
    assert [r.kind for r in ex.doc_relations] == ["amends"]


def test_an_english_programme_after_a_possessive_is_named():
    text = ("The ministry worked on the draft Government's Action Program to implement "
            "Resolution No. 966-NQ/TW of the Politburo.")
    assert ("implements", "Action Program", "Resolution No. 966-NQ/TW") in relations(text, "en")


def test_a_lower_case_programme_issued_and_named_by_its_purpose():
    text = "Thành phố ban hành chương trình hành động thực hiện Nghị quyết số 977-NQ/TU."
    assert ("implements", "chương trình hành động", "Nghị quyết số 977-NQ/TU") in relations(text, "vi")
    # having a plan is no document
    assert relations("Thành phố có kế hoạch thực hiện Nghị quyết số 977-NQ/TU.", "vi") == set()


def test_the_last_item_of_a_plural_list_before_a_verb():
    got = mentions("Phong said Resolutions 971, 972 and 980 address three areas.", "en")
    assert [n for _, _, n, _ in got] == ["971", "972", "980"]
    got = mentions("Resolutions 971 and 80 percent of the work were done.", "en")
    assert [n for _, _, n, _ in got] == ["971"]
