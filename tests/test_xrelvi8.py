"""Branch xrelvi8 (issue 12): generic rules for Vietnamese pages. One test per form taught; the
sentences are written for these tests (other documents, numbers and names than any gold page)."""

from __future__ import annotations

from partykg.ingest.extract import extract, split_sentences


def _rels(text: str, lang: str = "vi") -> set[tuple[str, str, str]]:
    ex = extract(text, lang)
    name = {d.id: ex.mentions[d.mentions[0]].text for d in ex.documents}
    return {(r.kind, name[r.source], name[r.target]) for r in ex.doc_relations}


def _mention_texts(text: str, lang: str = "vi") -> list[str]:
    ex = extract(text, lang)
    return [ex.mentions[i].text for d in ex.documents for i in d.mentions]


# --- a header set apart by blank lines --------------------------------------------------------

def test_header_title_after_many_blank_lines_relates_the_header_document():
    # a web page that puts a blank (or one-space) line between every header line: the title
    # line is far from the number line in lines, not in content
    gap = "\n\n \n\n"
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG" + gap + "BAN TUYÊN GIÁO" + gap + "Số: 27-HD/BTGTW" + gap
            + "ĐẢNG CỘNG SẢN VIỆT NAM" + gap + "Hà Nội, ngày 5 tháng 6 năm 2019" + gap
            + "HƯỚNG DẪN" + gap + "THỰC HIỆN MỘT SỐ ĐIỀU TRONG QUY ĐỊNH SỐ 81-QĐ/TW, NGÀY "
            "2-3-2018 CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC TUYÊN TRUYỀN\n")
    assert ("guides", "27-HD/BTGTW", "QUY ĐỊNH SỐ 81-QĐ/TW") in _rels(text)


def test_header_lines_still_stop_at_the_body():
    # blank lines are not counted, but the header still ends where the body starts
    text = ("Số: 27-HD/BTGTW\n\n\n\nHà Nội, ngày 5 tháng 6 năm 2019\n\n"
            "- Căn cứ Điều lệ Đảng;\n\nTHỰC HIỆN QUY ĐỊNH SỐ 81-QĐ/TW\n")
    assert not any(k == "guides" for k, _, _ in _rels(text))


# --- a comma inside a law's title ---------------------------------------------------------------

def test_law_title_with_a_comma_is_one_title_and_coordinated_objects_are_amended():
    text = ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật "
            "Đê điều ngày 17 tháng 6 năm 2020;")
    rels = _rels(text)
    assert ("amends", "Luật sửa đổi, bổ sung một số điều", "Luật Phòng, chống thiên tai") in rels
    assert ("amends", "Luật sửa đổi, bổ sung một số điều", "Luật Đê điều") in rels


def test_law_title_with_a_comma_groups_its_references():
    text = ("Căn cứ Luật Phòng cháy, chữa cháy ngày 29 tháng 6 năm 2001; Luật sửa đổi, bổ sung "
            "một số điều của Luật Phòng cháy, chữa cháy ngày 22 tháng 11 năm 2013;")
    ex = extract(text, "vi")
    laws = [d for d in ex.documents if d.type == "law"]
    target = [d for d in laws if "Phòng cháy, chữa cháy" in ex.mentions[d.mentions[0]].text]
    assert len(target) == 1 and len(target[0].mentions) == 2


def test_comma_after_a_title_that_opens_a_list_ends_the_title():
    # "Luật Đất đai, các văn bản …": the comma ends the title (a list goes on)
    text = ("Căn cứ Luật Đất đai, các văn bản hướng dẫn thi hành và Luật sửa đổi, bổ sung một số "
            "điều của Luật Đất đai ngày 20 tháng 6 năm 2022;")
    assert "Luật Đất đai, các văn bản" not in _mention_texts(text)
    assert ("amends", "Luật sửa đổi, bổ sung một số điều", "Luật Đất đai") in _rels(text)


def test_comma_then_capitalised_words_ends_the_title():
    text = ("Căn cứ Luật Đất đai, Ủy ban nhân dân tỉnh và Luật sửa đổi, bổ sung một số điều của "
            "Luật Đất đai;")
    assert not any(t.startswith("Luật Đất đai,") for t in _mention_texts(text))


# --- a line that ends on "của Luật" ------------------------------------------------------------

def test_line_ending_on_a_type_word_after_a_linking_word_goes_on():
    text = ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật\n"
            "Giáo dục nghề nghiệp và Luật Việc làm ngày 3 tháng 4 năm 2021;")
    assert len(split_sentences(text)) == 1
    rels = _rels(text)
    assert ("amends", "Luật sửa đổi, bổ sung một số điều", "Luật Việc làm") in rels


def test_line_ending_on_a_type_word_alone_is_still_a_heading():
    # a line that is just a type word (a heading) does not swallow the next line
    text = "NGHỊ QUYẾT\nBan Chấp hành Trung ương họp phiên thứ ba."
    assert len(split_sentences(text)) == 2


# --- a header title that names what is inspected, not what is guided ---------------------------

def test_header_title_on_supervising_an_implementation_is_no_guidance_of_it():
    text = ("Số: 09-HD/UBKTTU\n\nHƯỚNG DẪN\n\nVỀ CÔNG TÁC KIỂM TRA, GIÁM SÁT THỰC HIỆN NGHỊ QUYẾT "
            "SỐ 33-NQ/TU CỦA TỈNH ỦY\n")
    assert not any(k in ("guides", "implements") for k, _, _ in _rels(text))
    plain = "Số: 09-HD/UBKTTU\n\nHƯỚNG DẪN\n\nTHỰC HIỆN NGHỊ QUYẾT SỐ 33-NQ/TU CỦA TỈNH ỦY\n"
    assert ("guides", "09-HD/UBKTTU", "NGHỊ QUYẾT SỐ 33-NQ/TU") in _rels(plain)


# --- an effect-history table ------------------------------------------------------------------

_TABLE = ("Lịch sử hiệu lực: Nghị định 61/CP\n"
          "Ngày Trạng thái Văn bản nguồn Phần hết hiệu lực\n"
          "01/07/1996 Văn bản có hiệu lực 61/CP\n"
          "12/03/2003 Được bổ sung 18/2003/NĐ-CP\n"
          "05/09/2008 Bị thay thế 1 phần 94/2008/NĐ-CP\n"
          "05/09/2009 Văn bản hết hiệu lực 61/CP\n")


def test_effect_table_bare_repeated_code_without_type_letters_is_the_same_document():
    ex = extract(_TABLE, "vi")
    doc = next(d for d in ex.documents if d.code == "61/CP")
    assert [ex.mentions[i].text for i in doc.mentions] == ["Nghị định 61/CP", "61/CP", "61/CP"]
    # a bare code the text never read after a type word stays unread
    assert not any(d.code == "77/CP" for d in extract("Văn bản có hiệu lực 77/CP\n", "vi").documents)


def test_effect_table_partial_replacement_is_an_amendment():
    rels = _rels(_TABLE)
    assert ("amends", "94/2008/NĐ-CP", "Nghị định 61/CP") in rels
    assert ("replaces", "94/2008/NĐ-CP", "Nghị định 61/CP") not in rels


# --- a state code whose hyphen a PDF's text dropped ---------------------------------------------

def test_code_without_its_hyphen_after_a_type_word_and_marker():
    text = ("Căn cứ Thông tư số 07/2019/TTBTP ngày 5 tháng 8 năm 2019 của Bộ Tư pháp hướng dẫn thi "
            "hành một số điều của Nghị định số 34/2016/NĐCP ngày 14 tháng 5 năm 2016 của Chính phủ;")
    ex = extract(text, "vi")
    codes = {(d.type, d.number, d.code) for d in ex.documents}
    assert ("circular", "07", "07/2019/TTBTP") in codes
    assert ("decree", "34", "34/2016/NĐCP") in codes
    assert ("guides", "Thông tư số 07/2019/TTBTP", "Nghị định số 34/2016/NĐCP") in _rels(text)


def test_glued_capitals_need_the_type_words_own_abbreviation():
    # a decree's type word before a circular's letters, or no marker: nothing is read as a code
    assert not any(d.code for d in extract("Nghị định số 34/2016/TTBTP.", "vi").documents)
    assert not any(d.code for d in extract("Theo mã 34/2016/NĐCP trên hệ thống.", "vi").documents)


# --- an unnumbered title with its issuer on a line between ------------------------------------

def test_title_line_then_issuer_line_then_cue_line():
    text = ("KẾ HOẠCH\nCỦA BAN THƯỜNG VỤ HUYỆN ỦY\n"
            "Thực hiện Nghị quyết số 09-NQ/TU ngày 4/5/2021 của Tỉnh ủy\n")
    assert ("implements", "KẾ HOẠCH", "Nghị quyết số 09-NQ/TU") in _rels(text)


def test_title_line_implementing_a_congress_resolution_named_without_number():
    text = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN\n"
            "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2025 - 2030\n")
    assert ("implements", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
            "Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXV") in _rels(text)
    # a bare back-reference is no object: nothing is related
    assert not _rels("CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện nghị quyết\n")


# --- a letter's name glued to the word before ---------------------------------------------------

def test_submission_named_glued_to_the_word_before():
    text = "Theo đề nghị của Sở Tài chính tạiTờ trình số 77/TTr-STC ngày 3/3/2020,"
    ex = extract(text, "vi")
    assert [(ex.mentions[d.mentions[0]].text, d.code) for d in ex.documents] == [
        ("Tờ trình số 77/TTr-STC", "77/TTr-STC")]


# --- a bare lower-case back-reference after an implementing cue (no articles in Vietnamese) -----

def test_bare_lower_case_type_word_after_cue_is_the_one_document_named_before():
    text = ("Hội nghị quán triệt Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXII, nhiệm kỳ "
            "2025-2030; triển khai Chương trình hành động thực hiện nghị quyết, kế hoạch tuyên truyền.")
    assert ("implements", "Chương trình hành động",
            "Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXII") in _rels(text)


def test_bare_back_reference_needs_a_single_antecedent_and_a_document_subject():
    two = ("Hội nghị quán triệt Nghị quyết số 05-NQ/HU và Nghị quyết số 06-NQ/HU; triển khai "
           "Chương trình hành động thực hiện nghị quyết.")
    assert not any(k == "implements" for k, _, _ in _rels(two))
    generic = ("Hội nghị quán triệt Nghị quyết số 05-NQ/HU; các chi bộ xây dựng kế hoạch thực hiện "
               "nghị quyết.")
    assert not any(k == "implements" for k, _, _ in _rels(generic))


def test_bare_type_word_opening_a_list_of_kinds_is_generic():
    named = "Hội nghị quán triệt Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXII; "
    for tail in ("triển khai Chương trình hành động thực hiện nghị quyết, chỉ thị của Đảng.",
                 "triển khai Chương trình hành động thực hiện nghị quyết và chỉ thị."):
        assert not any(k == "implements" for k, _, _ in _rels(named + tail))
    # the next item with its own issuer is another document of the list, not a kind
    assert any(k == "implements" for k, _, _ in _rels(
        named + "triển khai Chương trình hành động thực hiện nghị quyết, kế hoạch của Ban Thường vụ."))


# --- a bare congress resolution with another term is not the article's congress's -------------

def test_bare_congress_resolution_of_another_term_is_not_grouped():
    text = ("Đảng ủy quán triệt Nghị quyết Đại hội Đảng bộ Khối lần thứ V, nhiệm kỳ 2025-2030; "
            "triển khai Chương trình hành động thực hiện nghị quyết. Hội nghị rút kinh nghiệm từ "
            "thực hiện Nghị quyết Đại hội Đảng bộ Khối nhiệm kỳ 2020-2025; và mục tiêu của Nghị "
            "quyết Đại hội đại biểu Đảng bộ Khối nhiệm kỳ 2025-2030.")
    ex = extract(text, "vi")
    doc = next(d for d in ex.documents if d.type == "resolution")
    starts = [ex.mentions[i].start for i in doc.mentions]
    assert text.index("Nghị quyết Đại hội Đảng bộ Khối nhiệm kỳ 2020-2025") not in starts
    assert text.index("Nghị quyết Đại hội đại biểu Đảng bộ Khối nhiệm kỳ 2025-2030") in starts


# --- a header's title in sentence case under the type word's line ------------------------------

def test_sentence_case_subtitle_under_the_type_line_relates_the_header_document():
    text = ("BỘ NỘI VỤ\nSố: 08/2024/TT-BNV\n\nTHÔNG TƯ\nHướng dẫn thực hiện một số điều của Nghị "
            "định số 33/2023/NĐ-CP ngày 10 tháng 6 năm 2023 của Chính phủ\n")
    assert ("guides", "08/2024/TT-BNV", "Nghị định số 33/2023/NĐ-CP") in _rels(text)
    text = ("CHÍNH PHỦ\nSố: 71/2024/NĐ-CP\n\nNGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định "
            "số 33/2023/NĐ-CP\n")
    assert ("amends", "71/2024/NĐ-CP", "Nghị định số 33/2023/NĐ-CP") in _rels(text)


def test_sentence_case_subtitle_may_open_with_its_issuer():
    text = ("HUYỆN ỦY\nSố 07-CTr/HU\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\ncủa Ban Chấp hành Đảng bộ huyện thực "
            "hiện Nghị quyết số 18-NQ/TU ngày 5/4/2024 của Tỉnh ủy\n")
    assert ("implements", "07-CTr/HU", "Nghị quyết số 18-NQ/TU") in _rels(text)


def test_fronted_clause_under_the_type_line_is_no_subtitle():
    # the body's first sentence ("Thực hiện X, <body> hướng dẫn như sau:") is read once, as the
    # fronted clause it is: no second relation of another kind from the header
    text = ("TỈNH ỦY\nSố 04-HD/TU\n\nHƯỚNG DẪN\n\nThực hiện Quy định số 41-QĐ/TW ngày 3/11/2021 "
            "của Bộ Chính trị, Ban Tổ chức Tỉnh ủy hướng dẫn một số nội dung như sau:\n")
    kinds = {k for k, a, b in _rels(text) if b == "Quy định số 41-QĐ/TW"}
    assert kinds == {"implements"}


def test_sentence_case_line_not_under_a_type_line_is_no_subtitle():
    # under the place-and-date line, a line opening with a cue is not the header's title
    text = ("BỘ NỘI VỤ\nSố: 08/2024/TT-BNV\nHà Nội, ngày 2 tháng 5 năm 2024\n"
            "Hướng dẫn thực hiện một số điều của Nghị định số 33/2023/NĐ-CP\n")
    assert ("guides", "08/2024/TT-BNV", "Nghị định số 33/2023/NĐ-CP") not in _rels(text)


# --- cue words: "hướng dẫn chi tiết", "được triển khai qua" --------------------------------------

def test_guiding_in_detail_is_guidance_and_implemented_through_is_passive():
    assert ("guides", "Thông tư số 19/2023/TT-BYT", "Nghị định số 96/2021/NĐ-CP") in _rels(
        "Thông tư số 19/2023/TT-BYT hướng dẫn chi tiết Nghị định số 96/2021/NĐ-CP.")
    assert ("implements", "Kế hoạch số 31-KH/TU", "Nghị quyết số 09-NQ/TW") in _rels(
        "Nghị quyết số 09-NQ/TW được Tỉnh ủy triển khai qua Kế hoạch số 31-KH/TU.")
