"""Vietnamese unnumbered documents and relations of issue 12 written against the blind
development set LE: plans and programmes a decision issues, amendments of laws and circulars.
Sentences written for the tests (fictional numbers and titles); each rule has a case that fails
without it."""
from __future__ import annotations

from partykg.ingest.extract import extract


def doc_relations(text: str, lang: str = "vi") -> set[tuple[str, str, str]]:
    """(kind, source names, target names) of the document relations, each end the sorted names of
    its document joined by ' | '."""
    ex = extract(text, lang)
    names = {d.id: " | ".join(sorted(d.names)) for d in ex.documents}
    return {(r.kind, names[r.source], names[r.target]) for r in ex.doc_relations
            if r.kind != "basedOn"}


# --- a plan a decision issues is the subject of its own cue ------------------------------------

DECISION_ISSUES_PLAN = (
    "Số: 118/QĐ-UBND\n"
    "QUYẾT ĐỊNH\n"
    "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 41-CT/TW CỦA BAN BÍ THƯ\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Chỉ thị số 41-CT/TW "
    "của Ban Bí thư về công tác dân vận.\n")


def test_the_plan_a_decision_issues_implements_not_the_decision():
    got = doc_relations(DECISION_ISSUES_PLAN)
    assert ("implements", "KẾ HOẠCH | Kế hoạch", "CHỈ THỊ SỐ 41-CT/TW | Chỉ thị số 41-CT/TW") in got
    assert not any(src.startswith("118/QĐ-UBND") for _, src, _ in got)


def test_a_government_resolution_still_carries_its_programme():
    text = ("Nghị quyết số 77/NQ-CP ban hành Chương trình hành động của Chính phủ thực hiện "
            "Nghị quyết số 19-NQ/TW của Ban Chấp hành Trung ương.")
    got = doc_relations(text)
    assert ("implements", "Nghị quyết số 77/NQ-CP", "Nghị quyết số 19-NQ/TW") in got


# --- a law's header broken over a line; amended "theo" a law --------------------------------

LAW_HEADER = (
    "QUỐC HỘI ______ Luật số:\n"
    "88/2031/QH19 |\n"
    "LUẬT\n"
    "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT THỦY LỢI\n"
    "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Thủy lợi số 12/2027/QH17 đã "
    "được sửa đổi, bổ sung một số điều theo Luật số 40/2029/QH18.\n")


def test_a_header_code_under_its_type_word_is_that_type_and_the_header():
    ex = extract(LAW_HEADER, "vi")
    header = next(d for d in ex.documents if d.code and d.code.startswith("88/"))
    assert header.type == "law"
    got = doc_relations(LAW_HEADER)
    amended = "LUẬT THỦY LỢI | Luật Thủy lợi số 12/2027/QH17"
    assert ("amends", "88/2031/QH19 | Luật sửa đổi, bổ sung một số điều", amended) in got


def test_amended_under_a_law_is_amended_by_it():
    got = doc_relations(LAW_HEADER)
    assert ("amends", "Luật số 40/2029/QH18",
            "LUẬT THỦY LỢI | Luật Thủy lợi số 12/2027/QH17") in got
    assert len(got) == 2


# --- a lower-case type word before an amending cue names an unnumbered document --------------

def test_a_lower_case_circular_amending_a_numbered_one_is_a_document():
    got = doc_relations("thông tư sửa đổi thông tư 27")
    assert got == {("amends", "thông tư", "thông tư 27")}


def test_a_plural_or_a_numbered_subject_before_makes_no_lower_case_document():
    assert doc_relations("Các thông tư sửa đổi thông tư 27 đang được rà soát.") == set()
    got = doc_relations("Thông tư 31/2030/TT-BTC là thông tư sửa đổi Thông tư 27/2029/TT-BTC.")
    assert not any(src == "thông tư" for _, src, _ in got)


# --- programmes named by title; a line ending on a cue goes on ------------------------------

PROGRAMME_BY_TITLE = (
    "Số: 402/QĐ-UBND\n"
    "QUYẾT ĐỊNH\n"
    "BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NGÀNH THỦY SẢN TRÊN ĐỊA BÀN TỈNH\n"
    "Căn cứ Quyết định số 77/QĐ-TTg của Thủ tướng Chính phủ ban hành Chương trình chuyển đổi số "
    "ngành thủy sản giai đoạn 2031 - 2035;\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện\n"
    "Chương trình chuyển đổi số ngành thủy sản trên địa bàn tỉnh.\n")


def test_a_programme_named_by_title_is_one_document_in_every_case():
    got = doc_relations(PROGRAMME_BY_TITLE)
    programme = ("CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NGÀNH THỦY SẢN | "
                 "Chương trình chuyển đổi số ngành thủy sản")
    assert ("implements", "KẾ HOẠCH | Kế hoạch", programme) in got


def test_a_line_ending_on_a_cue_goes_on_in_the_next_line():
    from partykg.ingest.extract import split_sentences

    texts = [s.text for s in split_sentences(PROGRAMME_BY_TITLE)]
    assert any(t.startswith("Ban hành kèm theo") and t.endswith("trên địa bàn tỉnh.") for t in texts)


def test_a_counted_or_generic_programme_is_no_title():
    text = ("Thành ủy đẩy mạnh 4 chương trình phát triển kinh tế biển với 30 đề án cụ thể hóa "
            "Nghị quyết số 12-NQ/TU. Chương trình công tác năm của Ban thực hiện Nghị quyết số "
            "12-NQ/TU.")
    assert doc_relations(text) == set()


# --- a plan's purpose in the next sentence ----------------------------------------------------

def test_a_purpose_sentence_is_about_the_plan_opening_the_sentence_before():
    text = ("Kế hoạch do Phó Chủ tịch UBND tỉnh ký ban hành, yêu cầu các sở căn cứ Kế hoạch này "
            "triển khai thực hiện nghiêm túc.\n"
            "Với mục đích tổ chức cụ thể hóa và thực hiện đầy đủ các nhiệm vụ, giải pháp của "
            "Nghị quyết số 301/2032/QH16, Nghị quyết số 58/NQ-CP.")
    got = doc_relations(text)
    assert ("implements", "Kế hoạch", "Nghị quyết số 301/2032/QH16") in got
    assert ("implements", "Kế hoạch", "Nghị quyết số 58/NQ-CP") in got


def test_no_plan_opening_the_sentence_before_no_purpose_relation():
    text = ("Hội nghị do Phó Chủ tịch UBND tỉnh chủ trì.\n"
            "Với mục đích thực hiện đầy đủ các nhiệm vụ của Nghị quyết số 58/NQ-CP.")
    assert doc_relations(text) == set()


# --- a kept unnumbered programme named again by its lower-case label -------------------------

def test_a_lower_case_label_names_the_one_kept_unnumbered_programme():
    text = ("Tỉnh đoàn sẽ hoàn thiện chương trình hành động để ban hành sớm.\n"
            "Hội nghị bàn về Chương trình hành động của Tỉnh đoàn thực hiện Nghị quyết số "
            "15-NQ/TU.")
    ex = extract(text, "vi")
    programme = next(d for d in ex.documents if d.type == "programme")
    assert "chương trình hành động" in programme.names


def test_a_counted_lower_case_label_is_no_name():
    text = ("Bốn chương trình hành động của Tỉnh đoàn được thông qua.\n"
            "Hội nghị bàn về Chương trình hành động của Tỉnh đoàn thực hiện Nghị quyết số "
            "15-NQ/TU.")
    ex = extract(text, "vi")
    programme = next(d for d in ex.documents if d.type == "programme")
    assert "chương trình hành động" not in programme.names


def test_a_bare_capitalised_label_names_it_too_but_not_inside_a_body_name():
    text = ("Xét đề nghị của Bộ Kế hoạch và Đầu tư, Tỉnh ủy bàn Kế hoạch thực hiện Nghị quyết "
            "số 15-NQ/TU.\n"
            "Nội dung cốt lõi của Kế hoạch; cách hiện thực hóa Kế hoạch.")
    ex = extract(text, "vi")
    plan = next(d for d in ex.documents if d.type == "plan")
    starts = sorted(ex.mentions[i].start for i in plan.mentions)
    assert len(starts) == 3 and text.index("Bộ Kế hoạch") + 3 not in starts


# --- a lower-case plan named by its purpose ---------------------------------------------------

def test_a_lower_case_plan_before_an_implementing_cue_is_a_document():
    text = ("Thủ tướng trình bày chuyên đề về nội dung cốt lõi của Nghị quyết số 71-NQ/TW và kế "
            "hoạch thực hiện Nghị quyết số 71-NQ/TW.")
    assert ("implements", "kế hoạch", "Nghị quyết số 71-NQ/TW") in doc_relations(text)


def test_having_or_drafting_a_lower_case_plan_names_none():
    for text in ("Các sở có kế hoạch thực hiện Nghị quyết số 71-NQ/TW.",
                 "Các sở xây dựng kế hoạch thực hiện Nghị quyết số 71-NQ/TW.",
                 "Chỉ thị số 12-CT/TU về kế hoạch thực hiện Nghị quyết số 71-NQ/TW."):
        assert not any(src == "kế hoạch" for _, src, _ in doc_relations(text)), text


# --- a term by its years after an object does not end a coordinated list ---------------------

def test_a_term_by_its_years_is_part_of_the_object_phrase():
    text = ("Thực hiện kế hoạch của Ban Thường vụ Tỉnh uỷ về học tập và triển khai thực hiện "
            "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIII, nhiệm kỳ 2030 - 2035 và "
            "Chương trình hành động của Tỉnh uỷ thực hiện Nghị quyết Đại hội XIII Đảng bộ tỉnh, "
            "đến nay toàn tỉnh đã tổ chức 40 lớp.")
    got = doc_relations(text)
    assert ("implements", "kế hoạch của Ban Thường vụ Tỉnh uỷ",
            "Chương trình hành động của Tỉnh uỷ") in got


def test_a_programme_title_after_a_subject_preposition_is_no_document():
    text = ("Nghị quyết số 88/NQ-CP về Chương trình phục hồi kinh tế biển và triển khai Nghị quyết "
            "số 12-NQ/TW.")
    ex = extract(text, "vi")
    assert not any(m.name_key and m.type == "programme" for m in ex.mentions)


def test_a_label_names_the_kept_programme_written_in_lower_case_too():
    text = ("Thành ủy ban hành chương trình hành động thực hiện Nghị quyết số 15-NQ/TU.\n"
            "Các cấp nâng cao năng lực tổ chức thực hiện chương trình hành động, đảm bảo khả thi.")
    ex = extract(text, "vi")
    programme = next(d for d in ex.documents if d.type == "programme")
    assert len(programme.mentions) == 2
