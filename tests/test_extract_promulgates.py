"""Extraction round 4 (issue 12): the rules written against the relations curated from the
corpus pages (scripts/eval_corpus). One real-shaped sentence per rule and a negative case that
must not fire. Sentences written for the tests (fictional numbers)."""
from __future__ import annotations

import pytest

from extract_helpers import docs, rels


# --- a document promulgating a programme or plan implements what the programme implements -------

@pytest.mark.parametrize("lang, text, source, target", [
    ("en", "On May 2, 2024, the Government issues Resolution No. 768/NQ-CP promulgating the "
           "Government’s Program of Action to implement the Political Bureau’s Resolution No. "
           "726-NQ/TW of November 3, 2023.", "768/NQ-CP", "726-NQ/TW"),
    ("en", "The Government has issued Resolution No. 753/NQ-CP dated May 31, 2025 on the Action "
           "Program to implement Resolution No. 759-NQ/TW of the Politburo.", "753/NQ-CP", "759-NQ/TW"),
    # an apposition
    ("en", "The Government issued Resolution No. 707/NQ-CP dated July 9, 2024, the Government's "
           "Action Program to implement Resolution No. 745-NQ/TW on intellectuals.",
     "707/NQ-CP", "745-NQ/TW"),
    ("vi", "Ngày 25/9/2020, Chính phủ có Nghị quyết số 734/NQ-CP Ban hành Chương trình hành động "
           "của Chính phủ thực hiện Kết luận số 770-KL/TW ngày 09/3/2020 của Bộ Chính trị.",
     "734/NQ-CP", "770-KL/TW"),
    ("fr", "Le gouvernement a publié le 19 juin la Résolution 794/NQ-CP sur le Programme d'action "
           "du gouvernement pour mettre en œuvre la Résolution n° 743-NQ/TW du 24 novembre 2023.",
     "794/NQ-CP", "743-NQ/TW"),
    # a state code whose issuer is written in mixed case
    ("id", "Perdana Menteri mengeluarkan Keputusan Nomor 7169/QD-TTg tanggal 16 Juni 2025, yang "
           "menyetujui Program “Mendorong komunikasi untuk melaksanakan Resolusi Nomor 757-NQ/TW "
           "tanggal 22 Desember 2024 dari Politbiro.", "7169/QD-TTg", "757-NQ/TW"),
])
def test_the_promulgating_document_implements(lang, text, source, target):
    found = rels(text, lang)
    assert ("implements", source, target) in found
    # the unnamed programme inside it is not a second document implementing the same
    assert not any(k == "implements" and t == target and s != source for k, s, t in found)


def test_a_programme_of_another_clause_is_not_promulgated_by_the_document():
    found = rels("Resolution No. 701/NQ-CP was discussed and the Government approved the Action "
                 "Program to implement Resolution No. 702-NQ/TW.", "en")
    assert ("implements", "701/NQ-CP", "702-NQ/TW") not in found


def test_a_document_named_before_another_sentence_is_not_the_promulgator():
    found = rels("Resolution No. 701/NQ-CP is in force. The Action Program to implement "
                 "Resolution No. 702-NQ/TW was issued in May.", "en")
    assert ("implements", "701/NQ-CP", "702-NQ/TW") not in found


# --- a header laid out as a table: the number line carries the place and date ------------------

HEADER = ("THE GOVERNMENT | | THE SOCIALIST REPUBLIC OF VIETNAM Independence - Freedom - Happiness |\n"
          "No. 758/NQ-CP | | Hanoi, April 27, 2020 |\n"
          "RESOLUTION\n"
          "Promulgating the Government’s action program to implement the Political Bureau’s "
          "Resolution No. 750-NQ/TW of August 20, 2019, on foreign investment\n"
          "THE GOVERNMENT\n")


def test_a_header_with_a_date_cell_is_the_subject_of_its_title():
    assert ("implements", "758/NQ-CP", "750-NQ/TW") in rels(HEADER, "en")


def test_a_number_line_with_running_text_is_no_header():
    text = HEADER.replace("No. 758/NQ-CP | | Hanoi, April 27, 2020 |",
                          "No. 758/NQ-CP, which was discussed in Hanoi on April 27, 2020,")
    assert ("implements", "758/NQ-CP", "750-NQ/TW") not in rels(text, "en")


# --- codes ----------------------------------------------------------------------------------------

def test_state_code_with_a_mixed_case_issuer():
    assert ("directive", "726", "726/CT-TTg") in docs(
        "Thủ tướng ban hành Chỉ thị số 726/CT-TTg ngày 5/9/2016 về kỷ luật.", "vi")


def test_a_single_capital_then_lower_case_is_no_state_issuer():
    assert not any(c and c.startswith("7/KL") for _, _, c in docs(
        "Bảng 7/KL-Tw của báo cáo.", "vi"))


# --- drafts are plans ----------------------------------------------------------------------------

def test_a_draft_new_document_plans_a_replacement():
    found = rels("Bộ Chính trị cho ý kiến về dự thảo Quyết định mới thay thế Quyết định số "
                 "766-QĐ/TW, ngày 20/10/2014 của Bộ Chính trị.", "vi")
    assert ("plannedToReplace", "decision:None", "766-QĐ/TW") in found
    assert not any(k == "replaces" for k, _, _ in found)


def test_a_new_document_without_a_draft_replaces():
    found = rels("Bộ Chính trị ban hành Quyết định mới thay thế Quyết định số 766-QĐ/TW.", "vi")
    assert not any(k == "plannedToReplace" for k, _, _ in found)


# --- continuing with adverbs -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Conclusion 719 requests to continue to resolutely implement Resolution 709 on farming.",
    "The Politburo issued Conclusion No. 719-KL/TW on further effectively implementing "
    "Resolution No. 709-NQ/TW.",
])
def test_continue_with_an_adverb(text):
    found = rels(text, "en")
    assert any(k == "continues" and "719" in s and "709" in t for k, s, t in found), found
    assert {k for k, _, _ in found} == {"continues"}


def test_continue_with_other_verbs_between_is_no_cue():
    assert rels("Conclusion 719 requests to continue to study and later implement Resolution "
                "709 on farming.", "en") == set()


def test_executing_a_resolution():
    assert ("implements", "738/NQ-CP", "resolution:768") in rels(
        "Under the Government’s Resolution No. 738/NQ-CP on its action plan for executing "
        "Resolution 768, ministries act.", "en")


# --- a fronted clause's document is not the subject of a later cue --------------------------------

def test_fronted_object_is_not_the_subject():
    found = rels("Thực hiện Chỉ thị số 701-CT/TW, ngày 23/01/2026 của Bộ Chính trị khóa XIV, Ban "
                 "Tuyên giáo Trung ương ban hành Hướng dẫn số 703-HD/BTGTW, ngày 28/01/2026, "
                 "hướng dẫn nghiên cứu, học tập và triển khai thực hiện Nghị quyết Đại hội đại "
                 "biểu toàn quốc lần thứ XIV của Đảng.", "vi")
    assert ("implements", "703-HD/BTGTW", "701-CT/TW") in found
    assert not any(s == "701-CT/TW" for _, s, _ in found)


# --- a subject that runs on after a comma --------------------------------------------------------

def test_subject_running_on_after_a_comma():
    found = rels("Ngày 06/7/2022, Bộ Chính trị đã ban hành Quy định số 769-QĐ/TW về kỷ luật tổ "
                 "chức Đảng, đảng viên vi phạm thay thế Quy định số 707 ngày 28/8/2018 về xử lý "
                 "kỷ luật tổ chức Đảng vi phạm và Quy định số 702 ngày 15/11/2017.", "vi")
    assert ("replaces", "769-QĐ/TW", "regulation:707") in found
    assert ("replaces", "769-QĐ/TW", "regulation:702") in found


def test_a_new_clause_after_the_comma_is_not_the_subject():
    found = rels("Quy định số 769-QĐ/TW về kỷ luật, Ban Bí thư thay thế Quy định số 707.", "vi")
    assert ("replaces", "769-QĐ/TW", "regulation:707") not in found


# --- a list announced before a colon -------------------------------------------------------------

LIST = ("Peraturan 796 menggantikan peraturan berikut: Peraturan No. 722-QD/TW, tertanggal 28 Juli "
        "2021 dan Peraturan No. 762-QD/TW, tertanggal 3 Februari 2025, dari Komite Eksekutif Pusat, "
        "tentang pekerjaan inspeksi, pengawasan, dan disiplin Partai; Peraturan No. 786-QD/TW, "
        "tertanggal 1 Juni 2017, dari Politbiro yang mengatur pengawasan; Keputusan Politbiro No. "
        "710-QD/TW, tanggal 8 November 2013, tentang pengaduan.")


def test_colon_list_takes_every_item():
    found = rels(LIST, "id")
    for code in ("722-QD/TW", "762-QD/TW", "786-QD/TW", "710-QD/TW"):
        assert ("replaces", "regulation:796", code) in found


def test_a_document_after_a_comma_in_an_item_is_not_an_item():
    found = rels("Peraturan 796 menggantikan peraturan berikut: Peraturan No. 722-QD/TW tentang "
                 "pengawasan, sebagaimana diatur oleh Peraturan No. 786-QD/TW.", "id")
    assert ("replaces", "regulation:796", "722-QD/TW") in found
    assert ("replaces", "regulation:796", "786-QD/TW") not in found


# --- a document's preamble: "Căn cứ …" / "Pursuant to …" lines after its header ---------------

PREAMBLE = ("BAN TUYÊN GIÁO TRUNG ƯƠNG\nSố: 718-HD/BTGTW\nHà Nội, ngày 5 tháng 3 năm 2020\n"
            "HƯỚNG DẪN\nTuyên truyền các ngày lễ lớn\n"
            "- Căn cứ Chỉ thị số 745-CT/TW, ngày 22/7/2010 của Bộ Chính trị về đổi mới; Kết luận "
            "số 788-KL/TW ngày 18/02/2014 của Bộ Chính trị;\n"
            "- Căn cứ Quyết định số 783-QĐ/TW, ngày 01/12/2022 của Bộ Chính trị;\n"
            "- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương;\n"
            "Ban Tuyên giáo Trung ương hướng dẫn như sau.\n")


def test_preamble_lines_are_the_bases_of_the_header_document():
    found = rels(PREAMBLE, "vi")
    assert {("basedOn", "718-HD/BTGTW", c) for c in ("745-CT/TW", "788-KL/TW", "783-QĐ/TW")} <= found
    # an unnumbered base is left out
    assert {k for k, _, _ in found} == {"basedOn"} and len(found) == 3


def test_pursuant_to_in_a_state_document():
    text = ("THE GOVERNMENT | | THE SOCIALIST REPUBLIC OF VIETNAM |\nNo. 722/NQ-CP | | Hanoi, May "
            "28, 2009 |\nRESOLUTION\nPursuant to the December 25, 2001 Law on Organization of the "
            "Government;\nPursuant to Resolution No. 731-NQ/TW of February 2, 2009, of the plenum;\n")
    assert rels(text, "en") == {("basedOn", "722/NQ-CP", "731-NQ/TW")}


def test_no_basis_without_a_header_or_off_the_line_start():
    news = ("Ngày 8/1/2020, Ban Tuyên giáo Trung ương ban hành Hướng dẫn số 718-HD/BTGTW.\n"
            "- Căn cứ Chỉ thị số 745-CT/TW, ngày 22/7/2010 của Bộ Chính trị về đổi mới;\n")
    assert not any(k == "basedOn" for k, _, _ in rels(news, "vi"))
    mid = PREAMBLE.replace("- Căn cứ Quyết định số 783", "- Theo đề nghị, căn cứ Quyết định số 783")
    assert ("basedOn", "718-HD/BTGTW", "783-QĐ/TW") not in rels(mid, "vi")


def test_a_programme_issued_in_documents_implements_its_object_itself():
    # (the lead's ruling, branch xrel7: the programme a document issues is what implements; the
    # documents it was issued in promulgate it, no relation of the scored kinds)
    found = rels("Chương trình hành động của Chính phủ thực hiện Nghị quyết số 724-NQ/TW (được ban "
                 "hành tại Nghị quyết số 708/NQ-CP ngày 23/01/2014 và Nghị quyết số 706/NQ-CP ngày "
                 "21/1/2021) đã đạt kết quả.", "vi")
    assert found == {("implements", "programme:None", "724-NQ/TW")}


def test_a_bracket_that_only_cites_is_not_promulgation():
    found = rels("Chương trình hành động của Chính phủ thực hiện Nghị quyết số 724-NQ/TW (xem Nghị "
                 "quyết số 708/NQ-CP ngày 23/01/2014) đã đạt kết quả.", "vi")
    assert ("implements", "708/NQ-CP", "724-NQ/TW") not in found
    assert ("implements", "programme:None", "724-NQ/TW") in found


# --- the object alone in brackets after a short noun phrase ---------------------------------------

def test_object_in_brackets_after_a_noun_phrase():
    found = rels("On October 10, 2023, the Politburo issued Resolution 741-NQ/TW. This resolution "
                 "not only replaced its predecessor (Resolution 709-NQ/TW) but also set new goals.",
                 "en")
    assert ("replaces", "741-NQ/TW", "709-NQ/TW") in found


def test_a_bracket_that_says_more_than_the_object_is_no_apposition():
    found = rels("On October 10, 2023, the Politburo issued Resolution 741-NQ/TW. This resolution "
                 "replaced the old rules (see Resolution 709-NQ/TW for the background).", "en")
    assert ("replaces", "741-NQ/TW", "709-NQ/TW") not in found
