"""Rule classes found on the Vietnamese development set LA (issue 12, tests/data/gold/real_dev_la).
The sentences are fictional (invented numbers and places) in the shape of the real pages."""
from __future__ import annotations

from extract_helpers import rels


# --- a fronted list with an alias in brackets, a nested object and a "; … tại" item ------------

FRONTED = ("Thực hiện Nghị quyết số 811/NQ-CP ngày 02/02/2023 của Chính phủ (sau đây gọi tắt là "
           "Nghị quyết số 811/NQ-CP), Chương trình số 812-CTr/TU ngày 17/11/2022 của Ban Chấp hành "
           "Đảng bộ tỉnh, Kế hoạch số 813-KH/TU ngày 05/12/2022 của Ban Thường vụ Tỉnh ủy về triển "
           "khai thực hiện Nghị quyết số 814-NQ/TW ngày 16/6/2022 Hội nghị lần thứ năm Ban Chấp hành "
           "Trung ương Đảng khóa XIII (sau đây gọi tắt là Nghị quyết số 814-NQ/TW) và Kế hoạch số "
           "815-KH/TW ngày 23/8/2022 của Bộ Chính trị về kinh tế tập thể; chỉ đạo của Ban cán sự đảng "
           "Ủy ban nhân dân tỉnh tại Công văn số 816-CV/UBND ngày 06/12/2022 và Công văn số "
           "817-CV/BCSĐ ngày 14/12/2022, Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển khai thực "
           "hiện trên địa bàn tỉnh, với các nội dung chính như sau:")


def test_a_fronted_list_reads_past_an_alias_and_a_semicolon_lead():
    got = rels(FRONTED, "vi")
    plan = {s for k, s, t in got if t == "811/NQ-CP"}
    assert len(plan) == 1 and plan != {"812-CTr/TU"}
    (p,) = plan
    for o in ("811/NQ-CP", "812-CTr/TU", "813-KH/TU", "816-CV/UBND", "817-CV/BCSĐ"):
        assert ("implements", p, o) in got


def test_an_item_coordinated_inside_a_fronted_items_phrase_is_not_a_fronted_object():
    got = rels(FRONTED, "vi")
    assert not any(t in ("814-NQ/TW", "815-KH/TW") and s.startswith("plan:None")
                   for k, s, t in got)
    assert ("implements", "813-KH/TU", "814-NQ/TW") in got


# --- a lower-case plan or programme issued "to implement" / "to continue … implementing" -----

def test_a_lower_case_programme_after_an_issuing_verb_implements_what_follows():
    got = rels("Thành phố Hải Phòng ban hành chương trình hành động thực hiện Nghị quyết số "
               "821-NQ/TW của Bộ Chính trị.", "vi")
    assert ("implements", "programme:None", "821-NQ/TW") in got


def test_having_a_plan_is_not_issuing_one():
    got = rels("Các cấp ủy có kế hoạch thực hiện Nghị quyết số 822-NQ/TW của Bộ Chính trị.", "vi")
    assert not got


def test_continue_a_list_of_verbs_and_implement_is_a_continuation_of_each_object():
    got = rels("Ban Thường vụ Tỉnh ủy vừa ban hành kế hoạch tiếp tục nghiên cứu, học tập, quán "
               "triệt, tuyên truyền và triển khai thực hiện Nghị quyết 823 và Nghị quyết 824 của "
               "Bộ Chính trị.", "vi")
    assert {("continues", "plan:None", "resolution:823"),
            ("continues", "plan:None", "resolution:824")} <= got


# --- a resolution named by a local congress with a long name, once or in every reference -----

def test_a_congress_named_with_its_organisation_between_is_one_document():
    text = ("Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ thành phố Hòa Bình "
            "lần thứ I, nhiệm kỳ 2025-2030. Ban Chấp hành Đảng bộ thành phố ban hành Chương trình "
            "hành động thực hiện Nghị quyết Đại hội đại biểu lần thứ I Đảng bộ thành phố.")
    got = rels(text, "vi")
    assert len(got) == 1 and next(iter(got))[0] == "implements"


# --- a header "Luật số: NN/…" and the law issued by name in its own body ----------------------

LAW = ("Độc lập - Tự do - Hạnh phúc\n\nLuật số: 831/2031/QH19\n\nHà Nội, ngày 19 tháng 06 năm 2031\n\n"
       "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\n"
       "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Thủy lợi số 832/2028/QH18.\n\n"
       "Điều 1. Sửa đổi, bổ sung một số điều của Luật Thủy lợi\n")


def test_a_type_word_number_marker_and_colon_is_one_typed_mention():
    from extract_helpers import docs
    assert ("law", "831", "831/2031/QH19") in docs(LAW, "vi")


def test_the_law_issued_in_a_laws_own_text_is_the_headers_document():
    assert rels(LAW, "vi") == {("amends", "831/2031/QH19", "832/2028/QH18")}


def test_a_plan_a_numbered_document_issues_is_not_the_headers_plan():
    text = ("Số: 833/KH-UBND\n\nKẾ HOẠCH\n\nTRIỂN KHAI CÔNG TÁC PHÒNG CHỐNG MA TÚY\n\n"
            "Thực hiện Kết luận số 834-KL/TW ngày 18/3/2030 của Bộ Chính trị; Nghị quyết số "
            "835/NQ-CP ngày 16/4/2030 của Chính phủ ban hành Kế hoạch thực hiện Kết luận số "
            "834-KL/TW, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai, cụ thể như sau:\n\n"
            "Ngày 16/4/2030, Chính phủ ban hành Nghị quyết số 835/NQ-CP về việc ban hành Kế hoạch "
            "thực hiện Kết luận số 834-KL/TW của Bộ Chính trị.")
    got = rels(text, "vi")
    assert ("implements", "833/KH-UBND", "834-KL/TW") in got
    assert ("implements", "835/NQ-CP", "834-KL/TW") in got


# --- code forms: glued to an upper-case date word, written in lower case ----------------------

def test_a_code_glued_to_an_upper_case_date_word_ends_before_it():
    from extract_helpers import docs
    got = docs("SỬA ĐỔI MỘT SỐ ĐIỀU CỦA THÔNG TƯ LIÊN TỊCH SỐ 841/2030/TTLT-BCT-BTCNGÀY 29 THÁNG 10 "
               "NĂM 2030 VÀ NGHỊ QUYẾT SỐ 842-NQ/TWNGÀY 5 THÁNG 1 NĂM 2030", "vi")
    assert ("circular", "841", "841/2030/TTLT-BCT-BTC") in got
    assert ("resolution", "842", "842-NQ/TW") in got


def test_a_lower_case_state_code_after_a_type_word_and_marker_is_read():
    from extract_helpers import docs
    got = docs("Căn cứ Nghị định số 843/2030/nđ-cp ngày 03/9/2030 của Chính phủ về kinh doanh xăng "
               "dầu.", "vi")
    assert got == {("decree", "843", "843/2030/NĐ-CP")}
    assert not docs("Xem tài liệu số 844/2030/ab-cd của hội.", "vi")


# --- an official letter named by a generic word ------------------------------------------------

def test_a_generic_word_before_a_letters_code_names_an_official_letter():
    got = rels("Ngày 24-10, UBND tỉnh có văn bản số 851/UBND-NC về việc thực hiện Chỉ thị số "
               "852/CT-TTg của Thủ tướng Chính phủ.", "vi")
    assert got == {("implements", "851/UBND-NC", "852/CT-TTg")}


def test_a_generic_word_before_a_typed_code_leaves_the_type_to_the_code():
    from extract_helpers import docs
    got = docs("Sở đã có văn bản số 853/QĐ-UBND về việc này.", "vi")
    assert ("official-letter", "853", "853/QĐ-UBND") not in got


# --- "một số quy định của" between a cue and its object; a cue after a passive auxiliary -----

def test_some_provisions_of_between_guiding_and_the_decree_is_filler():
    got = rels("Căn cứ Thông tư số 861/2030/TT-VPCP ngày 23 tháng 11 năm 2030 của Văn phòng Chính "
               "phủ hướng dẫn thi hành một số quy định của Nghị định số 862/2030/NĐ-CP ngày 23 "
               "tháng 4 năm 2030 của Chính phủ;", "vi")
    assert ("guides", "861/2030/TT-VPCP", "862/2030/NĐ-CP") in got


def test_a_cue_after_a_passive_auxiliary_gives_no_active_relation():
    text = ("Lịch sử hiệu lực: Thông tư 863/2029/TT-BCT\nNgày Trạng thái Văn bản nguồn Phần hết hiệu lực\n"
            "10/02/2029 Văn bản được ban hành 863/2029/TT-BCT\n"
            "01/06/2030 Được bổ sung 864/2030/TT-BCT Xem tại đây\n"
            "20/07/2031 Được bổ sung 865/2031/TT-BCT")
    got = rels(text, "vi")
    assert ("amends", "864/2030/TT-BCT", "865/2031/TT-BCT") not in got
    assert ("amends", "865/2031/TT-BCT", "863/2029/TT-BCT") in got
