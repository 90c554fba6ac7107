"""Relation rules of the sixth round (issue 12): back-references inside a promulgating clause,
documents described before they are numbered. Sentences written for the tests (fictional numbers
and bodies) in the shape of real pages; each case fails without its rule."""
from __future__ import annotations

import pytest

from extract_helpers import rels
from partykg.ingest.extract import extract


@pytest.mark.parametrize("lang, text, expected, absent", [
    # "Ban hành kèm theo Nghị quyết này Chương trình … thực hiện Nghị quyết Đại hội …": "this
    # resolution" is the numbered header's, not the congress resolution it implements
    ("vi", "Số: 731/2009/NQ-CP\n\nĐiều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động "
           "của Chính phủ thực hiện Nghị quyết Đại hội Đảng lần thứ XV.\n\nĐiều 2. Nghị quyết này "
           "có hiệu lực sau 15 ngày.",
     {("implements", "731/2009/NQ-CP", "resolution:None")}, set()),
    # a programme described by its issuer in the headline and lead, numbered further on: the
    # only numbered programme of the page
    ("vi", "Triển khai Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết Đại hội Đảng bộ "
           "tỉnh lần thứ XIX\n\nUBND tỉnh yêu cầu các sở xây dựng kế hoạch triển khai Chương trình "
           "hành động số 07-CTr/TU ngày 06/11/2025 của Ban Chấp hành Đảng bộ tỉnh.",
     {("implements", "07-CTr/TU", "resolution:None")}, {("implements", "programme:None", "resolution:None")}),
    # a decree that details a law's provisions neither implements nor guides it
    ("vi", "Căn cứ Nghị định số 731/2019/NĐ-CP ngày 1/2/2019 của Chính phủ quy định chi tiết thi "
           "hành một số điều của Nghị định số 712/2015/NĐ-CP.",
     set(), {("implements", "731/2019/NĐ-CP", "712/2015/NĐ-CP")}),
    ("en", "Pursuant to the Decree No. 731/2019/ND-CP dated March 2, 2019 elaborating on the "
           "implementation of the Decree No. 712/2015/ND-CP regarding digital signatures.",
     set(), {("implements", "731/2019/ND-CP", "712/2015/ND-CP")}),
    # "Thực hiện X về A và triển khai Y …, <body> ban hành Z": the second verb is the fronted
    # clause's, X does not implement Y (X's subject runs on over it)
    ("vi", "Thực hiện Nghị quyết số 731/NQ-CP ngày 30/01/2022 của Chính phủ về Chương trình phục "
           "hồi kinh tế và triển khai Nghị quyết số 732/2022/QH15 của Quốc hội về chính sách tài "
           "khóa; Nghị quyết số 733/NQ-HĐND ngày 2/3/2021 về kế hoạch đầu tư, Ủy ban nhân dân tỉnh "
           "ban hành Chương trình hành động số 745/CTr-UBND.",
     {("implements", "745/CTr-UBND", "731/NQ-CP"), ("implements", "745/CTr-UBND", "732/2022/QH15")},
     {("implements", "731/NQ-CP", "732/2022/QH15")}),
    # a numbered document joined by "và" after the previous object's long subject (which holds
    # an unnumbered document and a cue governing none) is another object of the fronted clause
    ("vi", "Thực hiện Chỉ thị số 731/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về việc phát "
           "động thi đua thực hiện thắng lợi nhiệm vụ năm 2022 theo Nghị quyết Đại hội đại biểu "
           "toàn quốc lần thứ XV của Đảng và Kế hoạch số 732/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng "
           "Thi đua - Khen thưởng Trung ương, Ủy ban nhân dân tỉnh ban hành Kế hoạch số "
           "745/KH-UBND như sau:",
     {("implements", "745/KH-UBND", "731/CT-TTg"), ("implements", "745/KH-UBND", "732/KH-HĐTĐKT")},
     set()),
    # not when a cue between them governs the numbered document (it is that cue's object)
    ("vi", "Thực hiện Chỉ thị số 731/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về việc thực "
           "hiện Nghị quyết số 733-NQ/TW và Kế hoạch số 732/KH-HĐTĐKT ngày 31/8/2021, Ủy ban nhân "
           "dân tỉnh ban hành Kế hoạch số 745/KH-UBND như sau:",
     {("implements", "745/KH-UBND", "731/CT-TTg")}, {("implements", "745/KH-UBND", "732/KH-HĐTĐKT")}),
    # a header's number line with the place and date spaced off (no table): its title and
    # subject lines are the numbered document's
    ("en", "THE PRIME MINISTER\nNo. 731/CT-TTg Hanoi, June 6, 2027\n\nDIRECTIVE\nOn further "
           "effectively implementing Resolution No. 712/NQ-CP of May 16, 2026, in the spirit of "
           "the Government siding with businesses\n",
     {("continues", "731/CT-TTg", "712/NQ-CP")}, set()),
    # "to organize the implementation of" is an implements cue; the coordinated plan after
    # the conclusion's phrase is implemented too
    ("en", "The Standing Committee issued Plan No. 731-KH/TU on the detailed plan to organize the "
           "implementation of Conclusion No. 712-KL/TW, dated February 28, 2027 of the Politburo "
           "on reorganizing the apparatus and Plan No. 706-KH/TU, dated March 10, 2027 of the "
           "Provincial Party Committee.",
     {("implements", "731-KH/TU", "712-KL/TW"), ("implements", "731-KH/TU", "706-KH/TU")}, set()),
    # a bracketed passive note after an embedded object is about that object, not the subject
    ("en", "Article 52 of Decree 731/2027/ND-CP which provides amendments and supplements to "
           "several articles of Decree 712/2019/ND-CP regarding road traffic (amended and "
           "supplemented by Decree 723/2021/ND-CP), the specifics are as follows:",
     {("amends", "731/2027/ND-CP", "712/2019/ND-CP"), ("amends", "723/2021/ND-CP", "712/2019/ND-CP")},
     {("amends", "723/2021/ND-CP", "731/2027/ND-CP")}),
    # "hướng dẫn thi hành một số quy định của X": the provisions of X are filler to the cue
    ("vi", "Căn cứ Thông tư số 731/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ "
           "hướng dẫn thi hành một số quy định của Nghị định số 712/2018/NĐ-CP ngày 23 tháng 4 năm "
           "2018 của Chính phủ về thực hiện cơ chế một cửa;",
     {("guides", "731/2018/TT-VPCP", "712/2018/NĐ-CP")}, set()),
    # "; B implementing Y" after "A implementing X …": parallel items, B is no object of A's cue
    ("en", "The conference reviewed Action Program No. 731-CTr/TU implementing Resolution No. "
           "712-NQ/TW dated August 22, 2027, on education; Action Program No. 732-CTr/TU "
           "implementing Resolution No. 713-NQ/TW on public health.",
     {("implements", "731-CTr/TU", "712-NQ/TW"), ("implements", "732-CTr/TU", "713-NQ/TW")},
     {("implements", "731-CTr/TU", "732-CTr/TU")}),
])
def test_sixth_round_relations(lang, text, expected, absent):
    got = rels(text, lang)
    assert expected <= got, got
    assert not (absent & got), got


def test_a_title_closing_with_its_number_in_brackets_is_that_documents():
    got = rels("Quyết định về việc thay thế Quy định số 702-QĐ/TW về công tác cán bộ (số "
               "731-QĐ/TW)\n\n(Hà Nội, ngày 11/4/2027)\n", "vi")
    assert ("replaces", "731-QĐ/TW", "702-QĐ/TW") in got
    ex = extract("Quyết định về việc hợp nhất Ban Kinh tế Trung ương, Ban Nội chính Trung ương "
                 "thành Ban Chính sách Trung ương (số 731-QĐ/TW)\n\n(Hà Nội, ngày 11/4/2027)\n", "vi")
    doc = {d.id: d for d in ex.documents}
    assert ex.doc_mergers and ex.doc_mergers[0].doc is not None
    deciding = doc[ex.doc_mergers[0].doc]
    assert (deciding.code, deciding.type) == ("731-QĐ/TW", "decision")


def test_a_bracketed_number_of_another_type_is_not_the_titles_document():
    # the title names a resolution; the bracket holds a decision's code: not the same document
    ex = extract("Nghị quyết về việc hợp nhất Ban Kinh tế Trung ương, Ban Nội chính Trung ương "
                 "thành Ban Chính sách Trung ương (số 731-QĐ/TW)\n", "vi")
    assert not [m for m in ex.doc_mergers if m.doc is not None]


def test_an_effect_history_table_relates_rows_to_its_heading_only():
    text = ("Lịch sử hiệu lực: Thông tư 731/2009/TT-BCT\n"
            "Ngày Trạng thái Văn bản nguồn Phần hết hiệu lực\n"
            "10/02/2009 Văn bản được ban hành 731/2009/TT-BCT\n"
            "01/06/2015 Được bổ sung 712/2015/TT-BCT Xem tại đây\n"
            "20/07/2016 Được bổ sung 704/2016/TT-BCT\n")
    got = rels(text, "vi")
    assert {("amends", "712/2015/TT-BCT", "731/2009/TT-BCT"),
            ("amends", "704/2016/TT-BCT", "731/2009/TT-BCT")} <= got
    assert ("amends", "712/2015/TT-BCT", "704/2016/TT-BCT") not in got


def test_a_bare_type_word_in_a_repeated_title_is_the_named_document():
    # the title names the congress resolution in a form the name rule does not read; the body
    # names it in full: one programme, one resolution, one relation
    text = ("Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ thành phố Hải "
            "Phòng lần thứ I, nhiệm kỳ 2025-2030\n\n"
            "Ban Chấp hành Đảng bộ thành phố ban hành Chương trình hành động thực hiện Nghị quyết "
            "Đại hội đại biểu lần thứ I Đảng bộ thành phố.\n")
    ex = extract(text, "vi")
    assert len(ex.doc_relations) == 1
    assert [d.type for d in ex.documents].count("resolution") == 1


def test_a_back_reference_with_nothing_before_it_points_to_the_next_sentence():
    text = ("Reply:\nThe Circular was issued to implement Decree No. 712/2026/ND-CP, dated April 14, "
            "2026 of the Government on Party congresses.\nCircular No. 731/2027/TT-BNV specifying "
            "5 major requirements.\n")
    assert ("implements", "731/2027/TT-BNV", "712/2026/ND-CP") in rels(text, "en")
    # not when another numbered circular comes later: which one is not said
    two = text + "Circular No. 732/2027/TT-BNV is also in force.\n"
    assert not any(s.startswith("73") for k, s, t in rels(two, "en"))


def test_the_enacting_sentence_of_a_law_under_its_number_line_is_that_laws():
    text = ("QUỐC HỘI\n\nLuật số: 731/2027/QH15\n\nHà Nội, ngày 19 tháng 06 năm 2027\n\n"
            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\n"
            "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội số "
            "712/2014/QH13.\n\nĐiều 1. Sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội\n")
    ex = extract(text, "vi")
    assert ("amends", "731/2027/QH15", "712/2014/QH13") in rels(text, "vi")
    assert [d.type for d in ex.documents if d.code == "731/2027/QH15"] == ["law"]
    assert len(ex.documents) == 2  # the enacted title is the header's law, not a third one


def test_a_fronted_list_goes_on_past_an_alias_in_brackets_and_a_cited_letter():
    text = ("Thực hiện Nghị quyết số 731/NQ-CP ngày 02/02/2027 của Chính phủ (sau đây gọi tắt là "
            "Nghị quyết số 731/NQ-CP), Chương trình số 732-CTr/TU ngày 17/11/2026 của Ban Chấp "
            "hành Đảng bộ tỉnh; chỉ đạo của Ban cán sự đảng tại Công văn số 733-CV/UBND ngày "
            "06/12/2026, Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển khai thực hiện trên địa bàn "
            "tỉnh, với các nội dung chính như sau:\n1. Mục đích\n")
    got = rels(text, "vi")
    assert {("implements", "plan:None", "731/NQ-CP"), ("implements", "plan:None", "732-CTr/TU")} <= got
