"""Mentions of issue 12's seventh round (branch xment5): issuers written with the abbreviated
or capitalised heads of Vietnamese body names ("UBND tỉnh", "HĐND tỉnh …", "Tỉnh Ủy …", "BTV
Tỉnh ủy"), the national organs' other spellings, and the other rules of the round. Sentences
written for the tests (fictional numbers, dates and places) in the shape of real ones; each case
fails without its rule."""
from __future__ import annotations

import pytest

from partykg.ingest.extract import extract


def issuer_of(text: str, lang: str, mention: str) -> tuple[str | None, str | None]:
    """(issuer text, issuer key) of the mention whose text is ``mention``."""
    ex = extract(text, lang)
    m = next(m for m in ex.mentions if m.text == mention)
    return (m.issuer.text, m.issuer.key) if m.issuer else (None, None)


# --- body heads: abbreviations and capitalised spellings (extract_lang.BODY_HEADS) ---------------

@pytest.mark.parametrize("text, mention, issuer", [
    ("Căn cứ Nghị quyết số 41/2011/NQ-HĐND ngày 9/7/2011 của HĐND tỉnh Bình Sơn;",
     "Nghị quyết số 41/2011/NQ-HĐND", "HĐND tỉnh Bình Sơn"),
    ("Quyết định này thay thế Quyết định số 83/2009/QĐ-UB ngày 2/3/2009 của UBND tỉnh và có hiệu "
     "lực sau 10 ngày.", "Quyết định số 83/2009/QĐ-UB", "UBND tỉnh"),
    ("Ngày 4/5/2016, Tỉnh Ủy Bình Sơn đã ban hành Chương trình số 61-CTr/TU về thực hiện Chỉ thị "
     "21-CT/TW.", "Chương trình số 61-CTr/TU", "Tỉnh Ủy Bình Sơn"),
])
def test_abbreviated_and_capitalised_body_heads_give_the_issuer(text, mention, issuer):
    assert issuer_of(text, "vi", mention)[0] == issuer


def test_a_head_inside_a_code_is_no_body():
    ex = extract("Căn cứ Nghị quyết số 41/2011/NQ-HĐND ngày 9/7/2011;", "vi")
    assert ex.mentions[0].issuer is None


# --- the national organs' other spellings (extract_lang.NATIONAL_BODIES) --------------------------

@pytest.mark.parametrize("text, lang, mention, key", [
    ("Ngày 3/4/2021, Ủy ban kiểm tra Trung ương ban hành Hướng dẫn 17-HD/UBKTTW.", "vi",
     "Hướng dẫn 17-HD/UBKTTW", "central-inspection-commission"),
    ("It implements Decision No. 811-QĐ/TW dated May 2, 2023, of the Central Party Secretariat.",
     "en", "Decision No. 811-QĐ/TW", "secretariat"),
    ("On May 2, 2016, the Central Committee of the Communist Party issued Decision 812-QD/TW.",
     "en", "Decision 812-QD/TW", "central-committee"),
    ("Conformément à la conclusion n° 813-KL/TW du 2 mai 2016 du Secrétariat central du Parti.",
     "fr", "conclusion n° 813-KL/TW", "secretariat"),
])
def test_national_organs_other_spellings_are_keyed(text, lang, mention, key):
    assert issuer_of(text, lang, mention)[1] == key


# --- an issuer shared back through a list of codes of one issuer (extract/listissuer.py) ----------

def test_codes_of_one_issuer_share_the_issuer_the_last_states():
    text = "It follows Resolution 87-NQ/TW and Directive 88-CT/TW of the Politburo."
    assert issuer_of(text, "en", "Resolution 87-NQ/TW")[1] == "politburo"


def test_codes_of_different_issuers_do_not_share_it():
    text = "Căn cứ Nghị quyết 87-NQ/TW và Nghị định 88/2019/NĐ-CP của Chính phủ."
    assert issuer_of(text, "vi", "Nghị quyết 87-NQ/TW") == (None, None)


# --- the subject of an issuing verb (extract/preattrs.py) -----------------------------------------

@pytest.mark.parametrize("text, lang, mention, key", [
    ("Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa IX đã ban hành Nghị quyết số "
     "89-NQ/TW về công tác dân tộc.", "vi", "Nghị quyết số 89-NQ/TW", "central-committee"),
    ("To implement it, the National Assembly (NA) adopted Resolution No. 90/2021/QH15 on "
     "special mechanisms.", "en", "Resolution No. 90/2021/QH15", "national-assembly"),
    ("It recalled the 10th-tenure Politburo’sConclusion No. 91-KL/TW, dated May 4, 2010.", "en",
     "Conclusion No. 91-KL/TW", "politburo"),
])
def test_the_issuer_before_its_term_abbreviation_or_glued_possessive(text, lang, mention, key):
    assert issuer_of(text, lang, mention)[1] == key


# --- the session at which a body adopted it (extract_lang.MEETING_WORDS, extract/attributes.py) ---

@pytest.mark.parametrize("text, lang, mention", [
    ("Thực hiện Nghị quyết số 92-NQ/TW ngày 5/6/2014 của Hội nghị lần thứ chín Ban Chấp hành "
     "Trung ương Đảng khóa XI về văn hóa.", "vi", "Nghị quyết số 92-NQ/TW"),
    ("Thực hiện Nghị quyết số 93-NQ/TW ngày 5/6/2014 Hội nghị lần thứ chín Ban Chấp hành "
     "Trung ương khóa XI về văn hóa.", "vi", "Nghị quyết số 93-NQ/TW"),
    ("It recalled Resolution No. 94-NQ/TW dated June 5, 2014 of the ninth plenum of the 11th "
     "Party Central Committee on culture.", "en", "Resolution No. 94-NQ/TW"),
    ("Il rappelle la résolution n° 95-NQ/TW du 9e plénum du Comité central du Parti.", "fr",
     "résolution n° 95-NQ/TW"),
])
def test_the_body_after_its_session_is_the_issuer(text, lang, mention):
    assert issuer_of(text, lang, mention)[1] == "central-committee"


def test_an_english_session_needs_its_preposition():
    text = "Resolution No. 96-NQ/TW plenum Party Central Committee members attended."
    assert issuer_of(text, "en", "Resolution No. 96-NQ/TW") == (None, None)


# --- Indonesian: the issuer after the date, before the subject ------------------------------------

def test_indonesian_issuer_after_a_dated_comma_before_the_subject():
    text = "Isi Resolusi No. 97-NQ/TW, tertanggal 4 Maret 2025, Politbiro tentang Integrasi."
    assert issuer_of(text, "id", "Resolusi No. 97-NQ/TW")[1] == "politburo"
    assert issuer_of("Isi Resolusi No. 97-NQ/TW, Politbiro mengatakan.", "id",
                     "Resolusi No. 97-NQ/TW") == (None, None)


def test_a_vietnamese_body_ends_before_phu_hop():
    text = ("Các huyện xây dựng kế hoạch thực hiện Chương trình hành động số 98-CTr/TU ngày "
            "6/11/2020 của Ban Chấp hành Đảng bộ tỉnh phù hợp với điều kiện thực tế.")
    assert issuer_of(text, "vi", "Chương trình hành động số 98-CTr/TU")[0] == \
        "Ban Chấp hành Đảng bộ tỉnh"


# --- French national organs in lower case; an issuing verb, its day, then the mention -------------

def test_french_lower_case_government_issuing_on_a_day():
    text = "Le gouvernement a publié le 12 mars la Résolution 99/NQ-CP sur la croissance."
    assert issuer_of(text, "fr", "Résolution 99/NQ-CP") == ("gouvernement", "government")


def test_an_issuing_verb_then_a_day_then_the_mention():
    text = "Bộ Chính trị ban hành ngày 5/6/2020 Nghị quyết 100-NQ/TW về biển."
    assert issuer_of(text, "vi", "Nghị quyết 100-NQ/TW")[1] == "politburo"


# --- the next item of a list of letters (extract/letters.py) --------------------------------------

def _typed(text: str, lang: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(m.text, m.type, m.number, m.code) for m in extract(text, lang).mentions]


@pytest.mark.parametrize("text, lang, item", [
    ("Ngày 5/3, UBND tỉnh có các văn bản số 301/UBND-NC ngày 2/3/2020, số 302/UBND-KT về việc "
     "này.", "vi", ("số 302/UBND-KT", "official-letter", "302", "302/UBND-KT")),
    ("It noted documents No. 303/TTr-BKHDT dated May 3, 2021, No. 304/BKHDT-CLPT dated May 9, "
     "2021, and the opinions.", "en", ("No. 304/BKHDT-CLPT", "official-letter", "304",
                                      "304/BKHDT-CLPT")),
])
def test_the_next_item_of_a_list_of_letters(text, lang, item):
    assert item in _typed(text, lang)


def test_a_code_after_a_typed_mention_is_no_letter_item():
    got = _typed("Quyết định số 305/QĐ-UBND, số 306/UBND-KT.", "vi")
    assert [g[0] for g in got] == ["Quyết định số 305/QĐ-UBND"]


# --- a header's number line with an untyped code; a Vietnamese type word on another page ---------

def test_a_header_number_line_names_the_letter():
    got = _typed("ỦY BAN NHÂN DÂN\nSố: 307/UBND-NC\nV/v triển khai công tác", "vi")
    assert ("307/UBND-NC", "official-letter", "307", "307/UBND-NC") in got
    assert _typed("Ông cho biết có 308/UBND-NC trường hợp.", "vi") == []


def test_a_vietnamese_type_word_before_an_untyped_code_on_an_english_page():
    got = _typed("Công văn 309/TCT-KK\n\nOfficial Dispatch on e-invoices", "en")
    assert ("Công văn 309/TCT-KK", "official-letter", "309", "309/TCT-KK") in got


# --- a subject stated by a verb or a quoted title right after the mention (extract/attributes.py) -

def subject_of(text: str, lang: str, mention: str) -> str | None:
    return next(m.subject for m in extract(text, lang).mentions if m.text == mention)


@pytest.mark.parametrize("text, lang, mention, subject", [
    ("Nghị định số 310/2013/NĐ-CP, ngày 2/10/2013 của Chính phủ quy định về tổ chức ngày lễ; "
     "nghi thức.", "vi", "Nghị định số 310/2013/NĐ-CP", "tổ chức ngày lễ"),
    ("Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XI đã ban hành Nghị quyết số "
     "311-NQ/TW “Một số vấn đề cấp bách”, trong đó.", "vi", "Nghị quyết số 311-NQ/TW",
     "Một số vấn đề cấp bách"),
    ("Decision 312-QD/TW stipulating the categories of documents was issued.", "en",
     "Decision 312-QD/TW", "the categories of documents"),
])
def test_a_subject_by_a_verb_or_a_quoted_title(text, lang, mention, subject):
    assert (subject_of(text, lang, mention) or "").startswith(subject)


def test_a_capitalised_type_word_is_no_subject_verb():
    text = "Quy định 313 thay thế Quy định 80/2022, Quy định 50/2021 của Bộ Chính trị."
    assert subject_of(text, "vi", "Quy định 80/2022") is None


# --- codes the page cut or glued (extract/codes.py, extract/sentences.py) -------------------------

def test_a_state_code_glued_to_lower_case_text_keeps_its_issuer():
    got = _typed("as regulated at Decree No. 314/2018/ND-CPfa-exclamation-circle .", "en")
    assert got == [("Decree No. 314/2018/ND-CP", "decree", "314", "314/2018/ND-CP")]
    assert ("Decision 315/QĐ-TTg", "decision", "315", "315/QĐ-TTg") in _typed(
        "Decision 315/QĐ-TTg was issued.", "en")


def test_a_header_code_cut_by_the_line_end():
    got = _typed("BAN TỔ CHỨC\n|\nSố: 316 -\nHD/BTCTW\n|\nHà Nội, ngày 24 tháng 9 năm 2018", "vi")
    assert [(g[1], g[2]) for g in got] == [("guidance", "316")]


# --- issuers: a possessive after the subject, a type word ends an English body, body levels -------

def test_a_possessive_right_before_a_mention_beats_the_previous_mentions_issuer():
    text = ("Official letter No. 317/BTC-TCHQ dated March 3, 2018 of the Ministry of Finance "
            "regarding the implementation of the Government's Decree No. 318/2018/ND-CP")
    assert issuer_of(text, "en", "Decree No. 318/2018/ND-CP")[1] == "government"


def test_an_english_body_ends_before_a_type_word():
    text = "It amends a number of points in the Finance Ministry’s Circular No. 319/1999/TT-BTC."
    assert issuer_of(text, "en", "Circular No. 319/1999/TT-BTC")[0] == "Finance Ministry"


def test_a_lower_case_level_word_is_part_of_the_body():
    text = "They reviewed Resolution No. 320-NQ/TU dated August 18, 2017 of the provincial Party Committee."
    assert issuer_of(text, "en", "Resolution No. 320-NQ/TU")[0] == "provincial Party Committee"


def test_the_body_after_the_session_it_was_adopted_at():
    text = "Nhằm cụ thể hóa Kết luận số 321-KL/TW tại Hội nghị lần thứ 4, Ban Chấp hành Trung ương Đảng khóa XIII."
    assert issuer_of(text, "vi", "Kết luận số 321-KL/TW")[1] == "central-committee"


def test_a_date_before_the_issuing_body_and_its_determiner():
    text = ("Based on practice, on 23 February 2018, the Government issued Decree No. "
            "322/2018/ND-CP, detailing a number of articles.")
    m = next(m for m in extract(text, "en").mentions if m.text == "Decree No. 322/2018/ND-CP")
    assert m.date == "2018-02-23"
