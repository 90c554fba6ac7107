"""Document mentions in real prose (issue 12): state legal documents (types read from the SKOS
scheme, ontology/doctypes.ttl), state code forms, codes the page glues, spaces or cuts, doubled
number words, lists of codes, and numbers that are quantities. Sentences written for the tests
(fictional numbers); each class has a case that would fail without its rule."""
from __future__ import annotations

import pytest

from partykg.ingest.extract import extract
from partykg.ingest.extract.typewords import state_only_types, type_words

from extract_helpers import docs


def mentions(text: str, lang: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """Numbered mentions as (text, type, number, code)."""
    return [(m.text, m.type, m.number, m.code) for m in extract(text, lang).mentions if m.strong]


def test_state_types_come_from_the_scheme():
    assert {"law", "decree", "circular"} <= state_only_types()
    assert type_words("vi")["nghị định"] == "decree"
    assert type_words("en")["decrees"] == "decree"  # the plural, as for every en label
    assert type_words("fr")["circulaire"] == "circular"
    assert type_words("id")["undang-undang"] == "law"
    assert type_words("en")["official dispatch"] == "official-letter"


@pytest.mark.parametrize("lang, text, expected", [
    ("vi", "Chính phủ ban hành Nghị định số 723/2020/NĐ-CP về xử phạt.",
     ("decree", "723", "723/2020/NĐ-CP")),
    ("vi", "Bộ Tài chính ban hành Thông tư 766/2019/TT-BTC hướng dẫn.",
     ("circular", "766", "766/2019/TT-BTC")),
    ("vi", "Hai Bộ ban hành Thông tư liên tịch số 701/2016/TTLT-BNV-BTC hướng dẫn.",
     ("circular", "701", "701/2016/TTLT-BNV-BTC")),
    ("vi", "UBND tỉnh ban hành Quyết định số 715/2006/QĐ-UBND.",
     ("decision", "715", "715/2006/QĐ-UBND")),
    ("vi", "Quốc hội thông qua Nghị quyết số 743/2022/QH15 về chính sách.",
     ("resolution", "743", "743/2022/QH15")),
    ("vi", "Căn cứ Nghị quyết số 7210/2016/UBTVQH13 của Ủy ban Thường vụ Quốc hội.",
     ("resolution", "7210", "7210/2016/UBTVQH13")),
    ("vi", "Thủ tướng ban hành Chỉ thị số 719/CT-TTg ngày 5/6/2024 về phòng chống.",
     ("directive", "719", "719/CT-TTg")),
    ("vi", "Bộ Nội vụ có Công văn số 7234/BNV-TCBC về việc sắp xếp.",
     ("official-letter", "7234", "7234/BNV-TCBC")),
    ("vi", "Căn cứ Công văn số 10745-CV/VPTW ngày 29/10/2019 của Văn phòng Trung ương Đảng.",
     ("official-letter", "10745", "10745-CV/VPTW")),
    ("en", "The Government issued Decree No. 724/2014/ND-CP on the organisation.",
     ("decree", "724", "724/2014/ND-CP")),
    ("en", "The Ministry issued Circular No. 766/2019/TT-BTC on fees.",
     ("circular", "766", "766/2019/TT-BTC")),
    ("en", "The National Assembly passed Law No. 722/2008/QH12 on cadres.",
     ("law", "722", "722/2008/QH12")),
    ("en", "The Prime Minister signed Official Dispatch No. 7123/CĐ-TTg on floods.",
     ("official-letter", "7123", "7123/CĐ-TTg")),
    ("fr", "Le gouvernement a publié le décret n° 724/2014/ND-CP sur l'organisation.",
     ("decree", "724", "724/2014/ND-CP")),
    ("id", "Pemerintah menerbitkan Peraturan Pemerintah Nomor 724/2014/ND-CP tentang organisasi.",
     ("decree", "724", "724/2014/ND-CP")),
])
def test_state_documents(lang, text, expected):
    assert expected in docs(text, lang)


def test_a_law_named_before_its_number():
    got = mentions("Căn cứ Luật Giao dịch điện tử số 720/2023/QH15 năm 2023; Luật Sở hữu "
                   "trí tuệ số 707/2022/QH15 năm 2022;", "vi")
    assert got == [("Luật Giao dịch điện tử số 720/2023/QH15", "law", "720", "720/2023/QH15"),
                   ("Luật Sở hữu trí tuệ số 707/2022/QH15", "law", "707", "707/2022/QH15")]


def test_a_state_only_type_word_does_not_type_a_party_code():
    # a Party thông tri, which the English press calls a circular: TT is a state abbreviation
    assert docs("The Standing Committee issued Circular No. 713-TT/TU on congresses.", "en") == {
        ("unclassified", "713", "713-TT/TU")}


def test_the_code_type_wins_over_a_type_word_it_rules_out():
    # "Thông báo Kết luận" is a notice label, but the code says conclusion
    assert docs("Căn cứ Thông báo Kết luận số 788-KL/TW ngày 18/2/2014 của Bộ Chính trị.",
                "vi") == {("conclusion", "788", "788-KL/TW")}
    # an ambiguous abbreviation keeps the word's type ("QĐ": regulation or decision)
    assert ("regulation", "709", "709-QĐ/TW") in docs("Quy định số 709-QĐ/TW của Bộ Chính trị.",
                                                      "vi")


@pytest.mark.parametrize("text, expected", [
    # an issuer glued to the next word: a capital then lower case, or a toned capital
    ("Số hiệu:756-KL/TWNgày đăng công báo: đang cập nhật.", ("756-KL/TW",)),
    ("Thực hiện Chỉ thị số 736-CT/TWĐẢNG ỦY tỉnh ban hành kế hoạch.", ("Chỉ thị số 736-CT/TW",)),
    # an issuer that merely begins with TW stays whole
    ("Ban Bí thư Trung ương Đoàn ban hành Quyết định số 784-QĐ/TWĐTN.",
     ("Quyết định số 784-QĐ/TWĐTN",)),
])
def test_codes_glued_to_the_next_word(text, expected):
    assert tuple(m[0] for m in mentions(text, "vi")) == expected


def test_spaces_inside_codes_and_doubled_number_words():
    got = mentions("Thông báo số 755 - TB/TW và Chỉ thị số 704 -CT/TU của Tỉnh ủy.", "vi")
    assert [(t, n, c) for _, t, n, c in got] == [("notice", "755", "755 - TB/TW"),
                                                  ("directive", "704", "704 -CT/TU")]
    assert mentions("QUYẾT ĐỊNH SỐ SỐ 712-QĐ/TW CỦA BỘ CHÍNH TRỊ", "vi") == [
        ("QUYẾT ĐỊNH SỐ SỐ 712-QĐ/TW", "decision", "712", "712-QĐ/TW")]


def test_a_code_cut_by_the_excerpt_end_keeps_its_number():
    assert mentions("Ủy ban ban hành Quyết định số 715/2006/", "vi") == [
        ("Quyết định số 715", "decision", "715", None)]


@pytest.mark.parametrize("lang, text", [
    ("vi", "Tỉnh ủy xây dựng Kế hoạch 5 năm về phát triển kinh tế."),
    ("en", "The committee approved Plan 5 years ahead of schedule."),
    ("fr", "Le comité a adopté le Programme 5 ans plus tôt."),
])
def test_a_number_before_a_unit_word_is_no_document_number(lang, text):
    assert mentions(text, lang) == []


def test_a_number_marker_still_makes_a_number():
    # "Kế hoạch số 5 …": the marker says it is the plan's number
    assert mentions("Tỉnh ủy ban hành Kế hoạch số 5 năm 2024 về đại hội.", "vi")[0][1:3] == (
        "plan", "5")


def test_list_items_after_a_colon_and_semicolons_take_the_list_type():
    got = mentions("Bộ Chính trị sửa đổi các Quy định: số 789-QĐ/TW, ngày 4/8/2017; số "
                   "714-QĐ/TW, ngày 2/1/2020; số 724-QĐ/TW, ngày 4/10/2023.", "vi")
    assert [(t, c) for _, t, _, c in got] == [("regulation", "789-QĐ/TW"),
                                              ("regulation", "714-QĐ/TW"),
                                              ("regulation", "724-QĐ/TW")]


def _one(text: str, lang: str):
    (m,) = [m for m in extract(text, lang).mentions if m.strong]
    return m


@pytest.mark.parametrize("text, issuer", [
    # a national organ's name run on into a word of the sentence, or a word the excerpt cuts
    ("Quy định 766 thay thế Quy định số 724-QĐ/TW, ngày 4.10.2023 của Bộ Chính trị cùng về "
     "nội dung này.", "politburo"),
    ("Căn cứ Quy định số 702-QĐ/TW ngày 15/11/2017 của Bộ Chính trị kh", "politburo"),
])
def test_an_issuer_does_not_run_on(text, issuer):
    m = [m for m in extract(text, "vi").mentions if m.code][-1]
    assert m.issuer is not None and m.issuer.key == issuer


def test_a_party_committee_name_ends_before_a_conjunction():
    m = _one("Quyết định số 712-QĐ/TU của Ban Thường vụ Tỉnh ủy Nghệ An cùng các văn bản khác.",
             "vi")
    assert m.issuer is not None and m.issuer.text == "Ban Thường vụ Tỉnh ủy Nghệ An"


def test_a_body_a_run_on_name_swallowed_is_a_body_again():
    m = _one("Thường trực Ban Bí thư Trần Văn Tư thay mặt Bộ Chính trị ký ban hành Quy định 766 "
             "về việc kiểm điểm.", "vi")
    assert m.issuer is not None and m.issuer.key == "politburo"


@pytest.mark.parametrize("lang, text, date", [
    # the opening date is more precise than the year after the code, and agrees with it
    ("vi", "**Ngày 14/02/2025, Ban Chấp hành Trung ương ban hành Quy định 764-QĐ/TW năm 2025 "
           "sửa đổi quy định về kỷ luật.", "2025-02-14"),
    # after a dateline
    ("vi", "(TTXVN)- Ngày 14/4/2025, Tổng Bí thư thay mặt Bộ Chính trị, ký ban hành Chỉ thị số "
           "745-CT/TW về đại hội.", "2025-04-14"),
    # a date right before the issuing body, mid-sentence
    ("vi", "Trong đợt này, ngày 10/9/2020 Ban Tuyên giáo Trung ương có Hướng dẫn số 751-HD/BTGTW "
           "về việc công bố.", "2020-09-10"),
    # "… do X ban hành ngày D" after the subject
    ("vi", "Quy định 769-QĐ/TW năm 2022 về kỷ luật tổ chức đảng do Ban Chấp hành Trung ương ban "
           "hành ngày 06/7/2022.", "2022-07-06"),
    # the issued document's subject closed by its date
    ("en", "The Politburo issued Resolution 741-NQ/TW on developing entrepreneurs in the new era "
           "on October 10, 2023, replacing an older text.", "2023-10-10"),
    # a year right after the code, and a number with its year
    ("vi", "Kết luận 756-KL/TW 2025 về tiếp tục thực hiện.", "2025"),
    ("vi", "Ban Bí thư ban hành Quy định 780/2022 về kiểm tra.", "2022"),
    # the date prefix after a spaced comma
    ("vi", "Căn cứ Nghị định số 745/2013/NĐ-CP , ngày 29/10/2013 của Chính phủ.", "2013-10-29"),
])
def test_the_precise_issue_date(lang, text, date):
    assert _one(text, lang).date == date


def test_an_event_date_in_a_vietnamese_subject_is_not_the_issue_date():
    m = _one("Ban Tuyên giáo ban hành Hướng dẫn 765-HD/BTGTW về kỷ niệm ngày 3/2/2021.", "vi")
    assert m.date is None


def test_a_type_word_glued_to_the_word_before():
    assert mentions("The regulation, replacingRegulation No. 747-QD/TW issued on November 1, "
                    "2011, aims to enhance discipline.", "en") == [
        ("Regulation No. 747-QD/TW", "regulation", "747", "747-QD/TW")]
    # a type word inside a lower-case word is no type word
    assert mentions("The Directorate is regulated by 747 rules.", "en") == []


@pytest.mark.parametrize("lang, text, expected, issuer", [
    ("vi", "Theo Quyết định của Thủ tướng Chính phủ số 723/QĐ-TTg ngày 5/6/2024 về việc phê duyệt.",
     ("Quyết định của Thủ tướng Chính phủ số 723/QĐ-TTg", "decision", "723", "723/QĐ-TTg"), None),
    ("vi", "Căn cứ Nghị quyết của Quốc hội số 743/2022/QH15 về chính sách.",
     ("Nghị quyết của Quốc hội số 743/2022/QH15", "resolution", "743", "743/2022/QH15"),
     "national-assembly"),
    ("en", "Under the Resolution of the National Assembly No. 743/2022/QH15 on fiscal policy, the "
           "Government acts.",
     ("Resolution of the National Assembly No. 743/2022/QH15", "resolution", "743",
      "743/2022/QH15"), "national-assembly"),
])
def test_a_type_word_and_an_issuer_before_the_number(lang, text, expected, issuer):
    (m,) = [m for m in extract(text, lang).mentions if m.strong]
    assert (m.text, m.type, m.number, m.code) == expected
    assert (m.issuer.key if m.issuer else None) == issuer


def test_mentions_on_the_mention_dev_set():
    """A regression guard on real_dev_m (developed against: not a generalisation figure)."""
    from conftest import DATA, ROOT
    from partykg.ingest.extract_eval import evaluate, load_all

    s = evaluate(load_all(DATA / "gold" / "real_dev_m", ROOT))[("all", "all")]
    assert s.mentions.precision >= 0.98, s.mentions
    assert s.mentions.recall >= 0.95, s.mentions


@pytest.mark.parametrize("text, want", [
    ("The Politburo has just issued Regulation No. 713-QD/TW on the responsibility of members.",
     {"713": "politburo"}),
    ("On behalf of the Party Central Committee, the General Secretary has signed off Regulation "
     "No. 737-QD/TW on what members must not do.", {"737": "central-committee"}),
    # coordinated mentions of one type dated by year share the issuer stated after the last
    ("Regulation 765 replaces Regulation No. 789 of 2017 and Regulation No. 714 of 2020 of the "
     "Politburo, regarding standards.", {"789": "politburo", "714": "politburo"}),
])
def test_issuers_of_issued_and_coordinated_mentions(text, want):
    got = {m.number: (m.issuer.key if m.issuer else None) for m in extract(text, "en").mentions}
    assert {k: got.get(k) for k in want} == want
