"""Extraction round 8 (issue 12): precision of Vietnamese relations on real prose. Each case is
paraphrased from a real sentence (numbers, bodies and subjects changed), with the relation that
must not be found; the rules are generic (no document, body or article named)."""
from __future__ import annotations

from partykg.ingest.extract import extract


def _rels(text: str) -> set[tuple[str, str, str]]:
    """Relations as (kind, source, target), each document named by its code, else by the text of
    its first mention."""
    ex = extract(text, "vi")
    name = {d.id: (d.code or ex.mentions[d.mentions[0]].text.strip()) for d in ex.documents}
    return {(r.kind, name[r.source], name[r.target]) for r in ex.doc_relations}


# --- a fronted clause's objects are not coordinated subjects -----------------------------------

def test_a_congress_resolution_in_a_fronted_objects_subject_is_no_object():
    text = ("Thực hiện Chỉ thị số 811/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về việc phát "
            "động thi đua hoàn thành kế hoạch 5 năm theo Nghị quyết Đại hội đại biểu toàn quốc lần "
            "thứ XIII của Đảng và Kế hoạch số 812/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - "
            "Khen thưởng Trung ương, Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức thực hiện như "
            "sau:")
    got = _rels(text)
    assert ("implements", "Kế hoạch", "811/CT-TTg") in got
    assert ("implements", "Kế hoạch", "812/KH-HĐTĐKT") in got
    assert not any("Đại hội" in t for _k, _s, t in got), got


def test_coordinated_subjects_before_a_passive_cue_still_share_it():
    text = ("Quyết định số 813/QĐ-UBND và Quyết định số 814/QĐ-UBND được thay thế bởi Quyết định "
            "số 815/QĐ-UBND ngày 02/3/2022 của Ủy ban nhân dân tỉnh.")
    got = _rels(text)
    assert ("replaces", "815/QĐ-UBND", "813/QĐ-UBND") in got
    assert ("replaces", "815/QĐ-UBND", "814/QĐ-UBND") in got


# --- "Chỉ thị của <body>" that implements what the numbered directive implements --------------

def test_a_described_document_implementing_the_same_congress_resolution_is_the_numbered_one():
    text = ("Tổng Bí thư ký ban hành Chỉ thị 816 về triển khai Nghị quyết Đại hội XIV của Đảng\n"
            "Cập nhật: 1 giờ trước\n"
            "Chỉ thị của Bộ Chính trị về nghiên cứu, học tập, quán triệt và triển khai thực hiện "
            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng\n")
    got = _rels(text)
    assert {(k, s) for k, s, _t in got} == {("implements", "Chỉ thị 816")}, got


def test_another_bodys_document_implementing_a_congress_resolution_stays_apart():
    text = ("Ban Bí thư ban hành Chỉ thị 817 về triển khai Nghị quyết Đại hội XIV của Đảng.\n"
            "Chỉ thị của Bộ Chính trị về triển khai thực hiện Nghị quyết Đại hội đại biểu "
            "toàn quốc lần thứ XIV của Đảng.\n")
    got = _rels(text)
    assert len({s for _k, s, _t in got}) == 2, got


# --- a coordinated object after the previous object's term in years ----------------------------

def test_an_object_after_a_term_in_years_and_a_coordinator_is_coordinated():
    text = ("Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 821-KH/TU triển khai thực hiện Nghị quyết số "
            "822-NQ/TU của Tỉnh ủy, nhiệm kỳ 2020 - 2025 và Chương trình số 823-CTr/TU của Tỉnh ủy.")
    got = _rels(text)
    assert ("implements", "821-KH/TU", "822-NQ/TU") in got
    assert ("implements", "821-KH/TU", "823-CTr/TU") in got


def test_a_term_in_years_does_not_join_a_new_clause():
    text = ("Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 824-KH/TU triển khai thực hiện Nghị quyết số "
            "825-NQ/TU của Tỉnh ủy, nhiệm kỳ 2020 - 2025; Chương trình số 826-CTr/TU của Tỉnh ủy "
            "đã được tổng kết.")
    got = _rels(text)
    assert ("implements", "824-KH/TU", "825-NQ/TU") in got
    assert not any(t == "826-CTr/TU" for _k, _s, t in got), got


# --- a self-reference is never a document its preamble is based on ----------------------------

def test_this_decision_is_not_the_decision_named_in_its_preamble():
    # a page that ran the header, the preamble and the articles into one paragraph
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG QUYẾT ĐỊNH Về việc ban hành Quy định về văn bản - Căn cứ Quy "
            "chế hoạt động ban hành kèm theo Quyết định số 831-QĐ/TWĐTN ngày 22/02/2013 của Ban "
            "Chấp hành Trung ương Đoàn; QUYẾT ĐỊNH Điều 1. Ban hành kèm theo quyết định này Quy định "
            "về văn bản. Điều 2. Quyết định này thay thế Quyết định số 832-QĐ/TWĐTN ngày 23/6/2006 "
            "của Ban Bí thư Trung ương Đoàn.")
    got = _rels(text)
    assert not any(s == "831-QĐ/TWĐTN" for _k, s, _t in got), got
    assert {(k, t) for k, _s, t in got} == {("replaces", "832-QĐ/TWĐTN")}, got


def test_this_decision_still_refers_back_to_a_decision_named_in_prose():
    text = ("Ngày 5/3/2024, Ủy ban nhân dân tỉnh ban hành Quyết định số 833/QĐ-UBND về quy chế làm "
            "việc. Quyết định này thay thế Quyết định số 834/QĐ-UBND ngày 12/8/2020.")
    assert _rels(text) == {("replaces", "833/QĐ-UBND", "834/QĐ-UBND")}


# --- a lower-case date word glued to a two-letter issuer ---------------------------------------

def test_a_code_glued_to_a_lower_case_date_word_keeps_its_issuer():
    ex = extract("Căn cứ Thông báo số 835-TB/TWngày 06 tháng 01 năm 2012 của Ban Bí thư về tổ "
                 "chức kỷ niệm.", "vi")
    assert [m.code for m in ex.mentions if m.number == "835"] == ["835-TB/TW"]


# --- a later year after a code dates the phrase, not the document ------------------------------

def test_a_later_year_after_a_dated_code_keeps_one_document():
    text = ("Thực hiện Kế hoạch số 841-KH/HU, ngày 01/11/2021 của Ban Chấp hành Đảng bộ về việc thực "
            "hiện Kết luận số 842-KL/TW, ngày 18/5/2021 của Bộ Chính trị; Đảng ủy xã ban hành Kế "
            "hoạch thực hiện Kết luận 842-KL/TW năm 2022, như sau:")
    ex = extract(text, "vi")
    assert len([d for d in ex.documents if d.code == "842-KL/TW"]) == 1
    assert [d.date for d in ex.documents if d.code == "842-KL/TW"] == ["2021-05-18"]


def test_an_earlier_year_after_a_code_is_another_document():
    text = ("Chỉ thị số 843-CT/TW, ngày 15/5/2021 của Bộ Chính trị thay thế Chỉ thị 843-CT/TW năm "
            "2016 của Bộ Chính trị.")
    ex = extract(text, "vi")
    assert len([d for d in ex.documents if d.code == "843-CT/TW"]) == 2


# --- a body's name that ends on a coordinated list of capitalised words -------------------------

def test_a_ministry_named_with_a_coordinated_list_is_one_issuer():
    ex = extract("Kế hoạch số 851-KH/BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch thực hiện Nghị "
                 "quyết số 852-NQ/TW.", "vi")
    assert [m.issuer.text for m in ex.mentions if m.number == "851"] == [
        "Bộ Văn hóa, Thể thao và Du lịch"]
    assert _rels("Kế hoạch số 851-KH/BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch thực hiện Nghị "
                 "quyết số 852-NQ/TW.") == {("implements", "851-KH/BVHTTDL", "852-NQ/TW")}


def test_a_coordinated_body_head_is_another_body():
    ex = extract("Kế hoạch số 853-KH/TU của Tỉnh ủy và Ban Thường vụ về công tác cán bộ.", "vi")
    assert [m.issuer.text for m in ex.mentions if m.number == "853"] == ["Tỉnh ủy"]


# --- unnumbered documents: one per congress resolution they implement ---------------------------

def test_two_programmes_implementing_two_congress_resolutions_stay_two():
    text = ("Các đại biểu được triển khai Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết Đại "
            "hội XI Đảng bộ tỉnh; Chương trình hành động của Đảng ủy Khối cơ quan và Doanh nghiệp "
            "tỉnh thực hiện Nghị quyết Đại hội VIII của Đảng bộ Khối và Chương trình hành động Đảng "
            "ủy Viện kiểm sát nhân dân tỉnh lần thứ VII.")
    got = _rels(text)
    assert ("implements", "Chương trình hành động của Tỉnh ủy", "Nghị quyết Đại hội XI") in got
    assert ("implements", "Chương trình hành động của Đảng ủy Khối cơ quan và Doanh nghiệp tỉnh",
            "Nghị quyết Đại hội VIII") in got
    assert len(got) == 2, got  # the third programme, parallel, implements nothing


# --- passive amendments with the amending document after "theo" / "tại" -------------------------

def test_amended_according_to_a_later_law_is_a_passive_amendment():
    text = ("Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội số "
            "861/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 862/2020/QH14.")
    assert ("amends", "862/2020/QH14", "861/2014/QH13") in _rels(text)
    text2 = ("Điều 5 Nghị định số 863/2015/NĐ-CP được sửa đổi, bổ sung tại Nghị định số "
             "864/2020/NĐ-CP của Chính phủ.")
    assert ("amends", "864/2020/NĐ-CP", "863/2015/NĐ-CP") in _rels(text2)


def test_implemented_according_to_a_document_is_no_amendment():
    text = ("Kế hoạch số 865-KH/TU được xây dựng theo Nghị quyết số 866-NQ/TW của Bộ Chính trị.")
    assert not any(k == "amends" for k, _s, _t in _rels(text))


# --- a header whose number marker ends the line before the code --------------------------------

def test_a_law_header_with_the_marker_on_the_line_before_is_the_text_s_own_document():
    text = ("QUỐC HỘI ______________ Luật số:\n867/2025/QH15 |\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ______ |\n"
            "LUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT TỔ CHỨC QUỐC HỘI\n"
            "Căn cứ Hiến pháp nước\nCộng hòa xã hội chủ nghĩa Việt Nam;\n"
            "Quốc hội ban hành Luật\nsửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội số "
            "868/2014/QH13.\n")
    ex = extract(text, "vi")
    assert [d.type for d in ex.documents if d.code == "867/2025/QH15"] == ["law"]
    assert ("amends", "867/2025/QH15", "868/2014/QH13") in _rels(text)


def test_a_code_opening_a_line_after_a_line_without_a_marker_is_no_header():
    text = ("Văn bản liên quan, theo Luật:\n871/2025/QH15 |\nLUẬT\nTỔ CHỨC CHÍNH QUYỀN.\n")
    got = [d.type for d in extract(text, "vi").documents if d.code == "871/2025/QH15"]
    assert got and got != ["law"], got
    text2 = ("Văn bản liên quan, Luật số:\n871/2025/QH15 |\nLUẬT\nTỔ CHỨC CHÍNH QUYỀN.\n")
    assert [d.type for d in extract(text2, "vi").documents if d.code == "871/2025/QH15"] == [
        "law"]


# --- an official letter whose issuing ministry's abbreviation is long ---------------------------

def test_an_official_letter_with_a_six_letter_ministry_abbreviation():
    ex = extract("Căn cứ Công văn số 881/LĐTBXH-BTXH ngày 03/3/2021 của Bộ Lao động - Thương binh "
                 "và Xã hội về việc triển khai chương trình.", "vi")
    assert [(m.type, m.code) for m in ex.mentions if m.number == "881"] == [
        ("official-letter", "881/LĐTBXH-BTXH")]


def test_a_long_capital_word_after_a_number_is_no_letter_code():
    ex = extract("Tỷ lệ đạt 45/TTTTTTTTT-AB trong năm.", "vi")
    assert not [m for m in ex.mentions if m.number == "45"]


# --- a body named by its task ------------------------------------------------------------------

def test_a_steering_committee_named_by_its_task_is_no_relation():
    text = ("Ngày 5/3/2024, Ủy ban nhân dân tỉnh ban hành Quyết định số 891/QĐ-UBND về việc thay thế "
            "thành viên Ban Chỉ đạo thực hiện Nghị quyết số 892-NQ/TW của Bộ Chính trị.")
    assert _rels(text) == set()


def test_a_purpose_after_a_steering_committee_is_the_clause_s():
    text = ("Tỉnh ủy đã ban hành Chương trình hành động số 893-CTr/TU, kiện toàn Ban Chỉ đạo và ban "
            "hành Kế hoạch số 894-KH/TU để thực hiện Nghị quyết số 895-NQ/TW.")
    assert ("implements", "894-KH/TU", "895-NQ/TW") in _rels(text)


# --- a ";" list whose next item has its own predicate is a parallel clause ----------------------

def test_an_item_after_a_semicolon_with_its_own_cue_is_no_object():
    text = ("Năm 2023, Tỉnh ủy ban hành Kết luận số 901-KL/TU về tiếp tục thực hiện Nghị quyết số "
            "902-NQ/TU; Chương trình số 903-CTr/TU thực hiện Nghị quyết số 904-NQ/TW của Ban Chấp "
            "hành Trung ương.")
    got = _rels(text)
    assert ("continues", "901-KL/TU", "902-NQ/TU") in got
    assert ("implements", "903-CTr/TU", "904-NQ/TW") in got
    assert not any(t == "903-CTr/TU" for _k, _s, t in got), got


def test_an_item_whose_cue_is_in_its_own_subject_is_still_an_object():
    text = ("Chỉ thị này thay thế Chỉ thị số 905-CT/TW, ngày 14/6/2024 của Bộ Chính trị về đại hội "
            "đảng bộ các cấp; Kết luận số 906-KL/TW, ngày 18/01/2025 của Bộ Chính trị về việc điều "
            "chỉnh, bổ sung một số nội dung Chỉ thị số 905-CT/TW.")
    got = _rels(text)
    assert any(k == "replaces" and t == "906-KL/TW" for k, _s, t in got), got


def test_an_item_after_a_semicolon_that_issues_something_is_its_own_clause():
    text = ("Đại biểu được nghe quán triệt Nghị quyết số 911-NQ/TW của Bộ Chính trị và Kế hoạch số "
            "912-KH/BCĐTW thực hiện Nghị quyết số 911-NQ/TW; Nghị quyết số 913/NQ-CP ban hành "
            "Chương trình hành động của Chính phủ.")
    got = _rels(text)
    assert ("implements", "912-KH/BCĐTW", "911-NQ/TW") in got
    assert not any(t == "913/NQ-CP" for _k, _s, t in got), got


# --- after a comma, the cue's subject is the document that details the one before ---------------

def test_the_detailing_document_is_what_replaces():
    text = ("Thông tư số 921/2024/TT-BNV quy định chi tiết một số điều của Nghị định số "
            "922/2020/NĐ-CP, thay thế Thông tư số 923/2011/TT-BNV.")
    assert _rels(text) == {("replaces", "921/2024/TT-BNV", "923/2011/TT-BNV")}


def test_a_document_named_after_a_plain_subject_still_replaces():
    text = ("Chính phủ ban hành Nghị định số 924/2024/NĐ-CP về công tác văn thư, thay thế Nghị định "
            "số 925/2020/NĐ-CP.")
    assert _rels(text) == {("replaces", "924/2024/NĐ-CP", "925/2020/NĐ-CP")}
