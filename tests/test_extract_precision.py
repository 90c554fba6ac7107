"""Precision of relations in real prose (issue 12, set I's errors): unnumbered type words that
must resolve to the numbered document the text names (or make no document), plans in numbered
lists, and what must not be found. The sentences are fictional (invented numbers) in the shape
of the real pages of tests/data/gold/real_heldout_i."""
from __future__ import annotations

from extract_helpers import rels


# --- plans stay plans: items of an agreed list, numbered "(1)", "1.", "a)" ---------------------

def test_an_enumerated_item_of_an_agreed_list_is_a_planned_replacement():
    for enum in ("(1) ", "1. ", "a) "):
        text = ("Bộ Chính trị, Ban Bí thư cơ bản đồng ý với nội dung, sửa đổi và ban hành hai quy "
                "định mới:\n\n"
                f"{enum}Quy định của Bộ Chính trị về tiêu chuẩn chức danh cán bộ các cấp (thay thế "
                "Quy định số 881-QĐ/TW và Quy định số 882-QĐ/TW).\n")
        got = rels(text, "vi")
        kinds = {k for k, _s, t in got if t in ("881-QĐ/TW", "882-QĐ/TW")}
        assert kinds == {"plannedToReplace"}, (enum, got)


# --- "Chỉ thị của <body>": the one numbered directive the text named before -------------------

def test_a_type_and_issuer_description_is_the_one_numbered_document_named_before():
    text = ("Tỉnh ủy ban hành Chỉ thị 871 về việc đón Tết.\nCập nhật lúc 10:00.\nẢnh minh họa.\n"
            "Theo đó Chỉ thị của Ban Thường vụ Tỉnh ủy được ban hành trên cơ sở thực hiện Chỉ thị "
            "số 872-CT/TW, ngày 09/12/2020 của Ban Bí thư.")
    got = rels(text, "vi")
    assert got == {("implements", "directive:871", "872-CT/TW")}


def test_a_description_stays_apart_when_two_numbered_documents_of_its_type_came_before():
    text = ("Tỉnh ủy ban hành Chỉ thị 871 và Chỉ thị 873 về việc đón Tết.\nẢnh minh họa.\n"
            "Theo đó Chỉ thị của Ban Thường vụ Tỉnh ủy được ban hành trên cơ sở thực hiện Chỉ thị "
            "số 872-CT/TW, ngày 09/12/2020 của Ban Bí thư.")
    got = rels(text, "vi")
    assert not any(s in ("directive:871", "directive:873") for _k, s, _t in got)


# --- a document on the review of another's implementation does not implement it -----------------

def test_a_notice_on_the_five_year_review_of_an_implementation_implements_nothing():
    text = ("Le Comité permanent a approuvé le Plan de mise en œuvre de l'Avis n° 855 - TB/TW du 20 "
            "avril 2019 du Politburo sur l'examen quinquennal de la mise en œuvre de la Résolution "
            "n° 856 - NQ/TW du 11e Politburo sur le développement de la province.")
    got = rels(text, "fr")
    assert not any(s == "855-TB/TW" for _k, s, _t in got), got
    assert ("implements", "plan:None", "855-TB/TW") in got


def test_a_letter_after_the_results_of_n_years_implementing_a_resolution_implements_nothing():
    text = ("Để chuẩn bị báo cáo Ban Thường vụ Tỉnh ủy kết quả 1 năm thực hiện Nghị quyết 825-NQ/TƯ, "
            "ngày 18/7/2014, Ban Dân vận Tỉnh ủy có Công văn số 826/CV-DVTU đề nghị các đơn vị "
            "khẩn trương xây dựng kế hoạch.")
    assert rels(text, "vi") == set()


# --- the text's own document is the numbered one of its title line ----------------------------

def test_the_plan_a_headerless_text_issues_is_the_numbered_plan_of_its_title():
    text = ("Kế hoạch số 821-KH/TW ngày 28/11/2023 của Ban Chấp hành Trung ương thực hiện Nghị quyết "
            "Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục phát huy sức "
            "mạnh đại đoàn kết toàn dân tộc\n\n"
            "Thực hiện Nghị quyết số 822-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng "
            "khoá XIII về tiếp tục phát huy sức mạnh đại đoàn kết toàn dân tộc (sau đây gọi là Nghị "
            "quyết), Bộ Chính trị ban hành Kế hoạch thực hiện, cụ thể như sau:\n\n1. Mục đích\n")
    assert rels(text, "vi") == {("implements", "821-KH/TW", "822-NQ/TW")}


def test_a_named_resolution_with_another_subject_stays_apart():
    text = ("Kế hoạch số 821-KH/TW ngày 28/11/2023 của Ban Chấp hành Trung ương thực hiện Nghị quyết "
            "Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XIII về công tác cán bộ\n\n"
            "Thực hiện Nghị quyết số 822-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng "
            "khoá XIII về tiếp tục phát huy sức mạnh đại đoàn kết toàn dân tộc, Bộ Chính trị ban "
            "hành Kế hoạch thực hiện, cụ thể như sau:\n\n1. Mục đích\n")
    got = rels(text, "vi")
    assert ("implements", "821-KH/TW", "822-NQ/TW") in got
    assert ("implements", "821-KH/TW", "resolution:None") in got


# --- a page title over the header's text ----------------------------------------------------

_PAGE = ("Kế hoạch thực hiện Kết luận số 831-KL/TW\n\n"
         "Kế hoạch số 830-KH/ĐU ngày 05/01/2022 về thực hiện Kết luận số 831-KL/TW, ngày 18/5/2021 "
         "của Bộ Chính trị\n\n"
         "ĐẢNG ỦY XÃ AN HẢI\n\nSố 830-KH/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nAn Hải, ngày 05 tháng 01 năm 2022\n\n"
         "KẾ HOẠCH\n\n"
         "Thực hiện Hướng dẫn số 832-HD/BTGHU, ngày 12/12/2021 của Ban Tuyên giáo Huyện ủy và Kế "
         "hoạch số 833-KH/HU, ngày 01/11/2021 của Ban Chấp hành Đảng bộ về việc thực hiện Kết luận "
         "số 831-KL/TW của Bộ Chính trị về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
         "Minh; Đảng ủy xã An Hải ban hành Kế hoạch thực hiện Kết luận số 831-KL/TW, như sau:\n\n"
         "I. MỤC ĐÍCH, YÊU CẦU\n")


def test_a_page_title_plan_is_the_headers_plan_with_the_same_relation():
    got = rels(_PAGE, "vi")
    assert not any(s == "plan:None" for _k, s, _t in got), got
    assert ("implements", "830-KH/ĐU", "831-KL/TW") in got


def test_the_fronted_list_of_a_header_text_skips_named_documents_to_the_issued_one():
    got = rels(_PAGE, "vi")
    assert {("implements", "830-KH/ĐU", "832-HD/BTGHU"),
            ("implements", "830-KH/ĐU", "833-KH/HU")} <= got


# --- "the Resolution adopted at the 13th … Congress" is a name, not a back-reference ------------

def test_a_resolution_named_by_its_congress_is_not_the_numbered_resolution_before():
    text = ("The Government has just issued Resolution No.850/NQ-CP on the Government's Action "
            "Programme. The Programme shows the main tasks of the Resolution adopted at the 13th "
            "National Party Congress. The Government then issued Resolution No.851/NQ-CP to "
            "implement the Resolution adopted at the 13th National Party Congress.")
    got = rels(text, "en")
    assert got == {("implements", "851/NQ-CP", "resolution:None")}, got


# --- a header's title line: a cue after another document on the line is that document's --------

def test_a_cue_after_a_programme_on_the_title_line_is_not_the_headers():
    text = ("ỦY BAN NHÂN DÂN\nSố: 860/KH-UBND\nAn Bình, ngày 30 tháng 9 năm 2022\n"
            "THỰC HIỆN NGHỊ QUYẾT SỐ 861/NQ-CP NGÀY 01/8/2022 CỦA CHÍNH PHỦ VÀ CHƯƠNG TRÌNH HÀNH "
            "ĐỘNG SỐ 862-CTR/TU NGÀY 17/8/2022 CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH THỰC HIỆN NGHỊ QUYẾT "
            "SỐ 863-NQ/TW NGÀY 10/02/2022 CỦA BỘ CHÍNH TRỊ VỀ PHÁT TRIỂN VÙNG TRUNG DU\n"
            "- Căn cứ tình hình thực tế.\n")
    got = rels(text, "vi")
    assert ("implements", "860/KH-UBND", "861/NQ-CP") in got
    assert ("implements", "860/KH-UBND", "863-NQ/TW") not in got


# --- "the Law on X" is the numbered "Law on X No. NN" named before ------------------------------

def test_the_law_on_a_name_refers_to_the_numbered_law_with_that_name():
    text = ("Pursuant to the Law on Budget planning No. 870/2006/QH11 dated November 29, 2006; the Law "
            "No. 871/2012/QH12 on the amendments to the Law on Budget planning dated November 20, "
            "2012.")
    got = rels(text, "en")
    assert got == {("amends", "871/2012/QH12", "870/2006/QH11")}, got


def test_the_law_on_another_name_stays_apart():
    text = ("Pursuant to the Law on Budget planning No. 870/2006/QH11 dated November 29, 2006; the Law "
            "No. 871/2012/QH12 on the amendments to the Law on Forest protection dated November 20, "
            "2012.")
    got = rels(text, "en")
    assert ("amends", "871/2012/QH12", "870/2006/QH11") not in got


# --- a header's title that is a cue by itself ("HƯỚNG DẪN" + what it guides) ---------------------

def test_a_guidance_title_guides_the_document_its_title_block_names():
    text = ("Số: 880-HD/VPTW\n\n\nHƯỚNG DẪN\nmột số điểm Quy định cụ thể ban hành kèm theo\n"
            "Quyết định số 881-QĐ/TW ngày 30-5-2012 của Ban Bí thư về chế độ chi hoạt động\n"
            "-----------\n\n- Căn cứ Quyết định số 881-QĐ/TW ngày 30-5-2012 của Ban Bí thư.\n")
    assert ("guides", "880-HD/VPTW", "881-QĐ/TW") in rels(text, "vi")


def test_a_guidance_title_with_a_subject_line_guides_nothing_the_body_bases_it_on():
    text = ("Số: 882-HD/BTGTW\n\nHà Nội, ngày 19 tháng 12 năm 2023\n\nHƯỚNG DẪN\n\n"
            "TUYÊN TRUYỀN KỶ NIỆM CÁC NGÀY LỄ LỚN TRONG NĂM 2024\n\n"
            "Căn cứ Quyết định số 883-QĐ/TW, ngày 01/12/2022 của Bộ Chính trị về chức năng của Ban.\n")
    assert not any(k == "guides" for k, _s, _t in rels(text, "vi"))


# --- a fronted list with a sub-list announced after a semicolon and a colon ----------------------

def test_every_item_of_a_fronted_list_with_a_colon_sub_list():
    text = ("Số: 890/CTr-UBND\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\n"
            "Thực hiện Nghị quyết số 891/NQ-CP ngày\n30/01/2022 của Chính phủ về phục hồi kinh tế; "
            "các Nghị quyết của Hội đồng nhân dân tỉnh: số 892/NQ-HĐND ngày 22/12/2020 về nhiệm vụ "
            "5 năm; số 893/NQ-HĐND ngày 08/12/2021 về đầu tư công; số 894/NQ-HĐND ngày 08/12/2021 "
            "về thu chi ngân sách và Công văn số 895/BKHĐT-TH ngày 14/02/2022 của Bộ Kế hoạch và "
            "Đầu tư, Ủy ban nhân dân tỉnh ban hành Chương trình hành động với những nội dung như sau:\n"
            "I. MỤC ĐÍCH\n")
    got = rels(text, "vi")
    assert {("implements", "890/CTr-UBND", c) for c in (
        "891/NQ-CP", "892/NQ-HĐND", "893/NQ-HĐND", "894/NQ-HĐND", "895/BKHĐT-TH")} <= got, got


# --- "… on the continued implementation of the resolution." -----------------------------------

def test_a_lower_case_type_word_object_is_the_one_numbered_document_of_its_type_before():
    text = ("They discussed the review of the Politburo's Resolution No.853-NQ/TW, dated August 29, "
            "2005, on the southeastern region, along with Conclusion No. 827-KL/TW, dated August 2, "
            "2012, on the continued implementation of the resolution.")
    assert rels(text, "en") == {("continues", "827-KL/TW", "853-NQ/TW")}


def test_a_lower_case_object_with_two_candidates_is_left_alone():
    text = ("They discussed Resolution No.853-NQ/TW and Resolution No.854-NQ/TW, along with "
            "Conclusion No. 827-KL/TW, dated August 2, 2012, on the continued implementation of the "
            "resolution.")
    assert not any(s == "827-KL/TW" for _k, s, _t in rels(text, "en"))


# --- "Resolution NN on X and the Action Program to implement Resolution NN" ----------------------

def test_a_programme_named_in_a_resolutions_subject_implements_it():
    text = ('Topic "Key contents of Resolution No. 871-NQ/TW, dated August 22, 2025 of the Politburo '
            'on breakthrough in education and the Action Program to implement Resolution No. '
            '871-NQ/TW" delivered by the Prime Minister.')
    assert rels(text, "en") == {("implements", "programme:None", "871-NQ/TW")}


# --- amending the content a decision issued: the decision is amended ---------------------------

def test_amending_the_rules_issued_with_a_decision_amends_the_decision():
    text = ("Quyết định 881/2020/QĐ-UBND sửa đổi Quy chế về công tác thi đua, khen thưởng trên địa bàn "
            "tỉnh An Bình kèm theo Quyết định 882/2018/QĐ-UBND")
    assert rels(text, "vi") == {("amends", "881/2020/QĐ-UBND", "882/2018/QĐ-UBND")}


def test_amending_rules_then_a_sentence_naming_a_decision_is_not_an_amendment_of_it():
    text = ("Quyết định 881/2020/QĐ-UBND sửa đổi Quy chế về công tác thi đua. Quyết định "
            "882/2018/QĐ-UBND vẫn có hiệu lực.")
    assert rels(text, "vi") == set()
