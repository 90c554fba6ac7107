"""Forms of set LG (issue 12: relation recall on real prose) the xlg7 branch reads: a dispatch on
issues arising from the implementation of a document, French "détaillant et orientant la mise en
œuvre (d'un certain nombre d'articles) de", a plural reference with its documents listed after
it ("…, including: Resolution No. …"), guidance on what is "prescribed in Article N of" a
document, a header number alone after a bare "No." line, a header subject whose type word wraps
over a line break, a code glued to its number marker after an issuer, and a fronted list whose
next item names a part of its document. The sentences are the branch's own, fictional (invented
numbers and subjects) in the shape of the real pages of tests/data/gold/real_dev_lg; each rule
has a positive and a negative case."""
from __future__ import annotations

from extract_helpers import docs, rels
from partykg.ingest.extract import extract
from partykg.ingest.extract.partitem import part_item_gap
from partykg.ingest.extract.patterns import patterns


def _first_texts(text: str, lang: str) -> set[tuple[str, str, str]]:
    """Relations as (kind, source's first mention, target's first mention)."""
    ex = extract(text, lang)
    first = {d.id: ex.mentions[d.mentions[0]].text for d in ex.documents}
    return {(r.kind, first[r.source], first[r.target]) for r in ex.doc_relations}


# --- "on … issues arising from (the) implementation of X" (en cue data) -------------------------

def test_a_dispatch_on_issues_arising_from_implementation_implements_both_documents():
    text = ("Official Letter No. 2231/TCT-CS dated May 3rd, 2027 of the General Department of "
            "Taxation on handling problems arising from the implementation of the Decree No. "
            "44/2026/ND-CP and the Circular No. 17/2026/TT-BTC")
    assert rels(text, "en") >= {("implements", "2231/TCT-CS", "44/2026/ND-CP"),
                                ("implements", "2231/TCT-CS", "17/2026/TT-BTC")}


def test_problems_arising_from_a_storm_name_no_implemented_document():
    text = ("Official Letter No. 2231/TCT-CS dated May 3rd, 2027 of the General Department of "
            "Taxation on handling problems arising from the storm, and Decree No. 44/2026/ND-CP "
            "on tax deferral.")
    assert not any(k == "implements" for k, _, _ in rels(text, "en"))


# --- French "détaillant et orientant la mise en œuvre (d'un certain nombre d'articles) de" -------

def test_a_french_decree_detailing_and_orienting_a_law_guides_it():
    text = ("2. Décret 71/2031/ND-CP détaillant et orientant la mise en œuvre d'un certain nombre "
            "d'articles de la loi sur les ressources en eau, applicable à compter du 1er mars 2031.")
    assert _first_texts(text, "fr") == {
        ("guides", "Décret 71/2031/ND-CP", "loi sur les ressources en eau")}


def test_a_french_decree_detailing_fees_guides_no_law():
    text = ("2. Décret 71/2031/ND-CP détaillant les redevances portuaires, applicable à compter du "
            "1er mars 2031 ; la loi sur les ressources en eau reste inchangée.")
    assert not any(k == "guides" for k, _, _ in _first_texts(text, "fr"))


# --- a plural reference with its documents listed after it (includedlist.py) ---------------------

def test_an_action_program_for_the_resolutions_listed_after_including_implements_each():
    text = ("The delegates discussed the draft Action Program of the City Party Committee to "
            "implement the resolutions of the 4th Plenum of the 14th Central Committee, including: "
            "Resolution No. 91 on “Developing river ports”; Resolution No. 92 on “Digital "
            "schools”; and Resolution No. 93 on “Rural clinics”.")
    got = _first_texts(text, "en")
    assert {t for k, s, t in got if k == "implements" and s.startswith("Action Program")} == {
        "Resolution No. 91", "Resolution No. 92", "Resolution No. 93"}


def test_without_an_opener_or_of_another_type_the_listed_documents_are_not_implemented():
    no_opener = ("The delegates discussed the draft Action Program of the City Party Committee to "
                 "implement the resolutions of the 4th Plenum. Resolution No. 91 is on river ports.")
    assert not any(k == "implements" for k, _, _ in _first_texts(no_opener, "en"))
    other_type = ("The delegates discussed the draft Action Program of the City Party Committee to "
                  "implement the resolutions of the 4th Plenum, including: Decision No. 12 on the "
                  "steering board and Decision No. 13 on its members.")
    assert not any(k == "implements" for k, _, _ in _first_texts(other_type, "en"))


# --- what is "prescribed in Article N of" a document (prescribedin.py) ---------------------------

def test_guidance_on_what_is_prescribed_in_an_article_of_a_decree_guides_the_decree():
    text = ("Circular No. 31/2030/TT-BTC provides guidance on the reporting of local debts and the "
            "disclosure of loans prescribed in Article 9 of the Government's Decree No. "
            "52/2029/ND-CP.")
    assert rels(text, "en") >= {("guides", "31/2030/TT-BTC", "52/2029/ND-CP")}


def test_replacing_what_is_prescribed_in_a_decree_is_no_replacement_of_it():
    text = ("Circular No. 31/2030/TT-BTC replaces the reporting forms of local debts prescribed in "
            "Article 9 of the Government's Decree No. 52/2029/ND-CP.")
    assert not any(k == "replaces" for k, _, _ in rels(text, "en"))


# --- a header number alone after a bare "No." line (backrefs.find_header) ------------------------

def test_a_header_number_after_a_bare_no_line_is_the_text_s_own_document():
    text = ("THE MINISTRY OF FINANCE\n|\nNo.\n31/2030/TT-BTC\n|\nHanoi, May 2nd 2030\n|\n"
            "CIRCULAR\nON LOCAL DEBT REPORTING\nThis Circular provides guidance on the reporting "
            "of local debts prescribed in Article 9 of the Government's Decree No. 52/2029/ND-CP.")
    assert rels(text, "en") >= {("guides", "31/2030/TT-BTC", "52/2029/ND-CP")}


def test_a_decree_number_after_a_line_ending_in_no_is_no_header():
    text = ("THE MINISTRY OF FINANCE\nPursuant to the Government's Decree No.\n52/2029/ND-CP dated "
            "May 1st 2029 on local debts;\nThis Circular provides guidance on the reporting of local "
            "debts prescribed in Article 9 of the Government's Decree No. 60/2029/ND-CP.")
    assert not any(s == "52/2029/ND-CP" for _, s, _ in rels(text, "en"))


# --- a header subject whose type word wraps over a line break (wrappedcue.py) --------------------

def test_a_decision_title_implementing_a_resolution_whose_type_word_wraps():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẾN SƠN\n-------\n|\nSố: 77/QĐ-UBND\n|\nBến Sơn, ngày 3 tháng 4 "
            "năm 2031\n|\nQUYẾT ĐỊNH\nVỀ VIỆC TRIỂN KHAI THỰC HIỆN NGHỊ\nQUYẾT SỐ 19/2030/NQ-HĐND "
            "NGÀY 10/12/2030 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH VỀ CHÍNH SÁCH HỖ TRỢ NGƯ DÂN\n"
            "ỦY BAN NHÂN DÂN TỈNH BẾN SƠN\nCăn cứ Luật Ngân sách nhà nước ngày 25/6/2015;")
    assert ("implements", "77/QĐ-UBND", "19/2030/NQ-HĐND") in rels(text, "vi")


def test_a_title_cue_before_other_words_on_the_next_line_does_not_reach_the_document():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẾN SƠN\n-------\n|\nSố: 77/QĐ-UBND\n|\nBến Sơn, ngày 3 tháng 4 "
            "năm 2031\n|\nQUYẾT ĐỊNH\nVỀ VIỆC THỰC HIỆN TỐT CÔNG TÁC\nTHEO DÕI KẾ HOẠCH SỐ "
            "19/KH-UBND NGÀY 10/12/2030 CỦA ỦY BAN NHÂN DÂN TỈNH\nỦY BAN NHÂN DÂN TỈNH BẾN SƠN\n"
            "Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;")
    assert ("implements", "77/QĐ-UBND", "19/KH-UBND") not in rels(text, "vi")


# --- a code glued to its number marker after an issuer (markedcode.marker_glued_codes) -----------

def test_a_code_glued_to_the_marker_after_the_issuer_is_read():
    text = "Theo Quyết định của Ban Bí thư số207-QĐ/TW, ngày 02-03-2031, các ban được kiện toàn."
    assert ("decision", "207", "207-QĐ/TW") in docs(text, "vi")


def test_a_marker_glued_to_a_bare_number_makes_no_code():
    text = "Tài liệu số207 gồm 12 trang, lưu tại Văn phòng Tỉnh ủy."
    assert not any(code for _, _, code in docs(text, "vi"))


# --- a fronted list's next item naming a part of its document (partitem.py) ----------------------

_HEADER = ("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO\n--------\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
           "Số: 58-HD/BTGTW\n\nHà Nội, ngày 3 tháng 5 năm 2031\n\nHƯỚNG DẪN VỀ CÔNG TÁC BÁO CHÍ\n\n")


def test_a_fronted_item_after_what_the_first_issues_and_a_part_of_its_own_document():
    text = _HEADER + ("Thi hành Điều 3 Quyết định của Bộ Chính trị số207-QĐ/TW, ngày 02-03-2031 ban "
                      "hành Quy định “về công tác báo chí, xuất bản” và Điều 2 Quyết định của Ban Bí "
                      "thư số311-QĐ/TW, ngày 16-06-2031, Ban Tuyên giáo Trung ương hướng dẫn như "
                      "sau:")
    assert rels(text, "vi") >= {("implements", "58-HD/BTGTW", "207-QĐ/TW"),
                                ("implements", "58-HD/BTGTW", "311-QĐ/TW")}


def test_a_part_item_gap_needs_a_part_word_and_its_number():
    P = patterns("vi")
    assert part_item_gap(" và Điều 2 ", P)
    assert part_item_gap(" ban hành Quy định “về công tác báo chí” và Điều 2 ", P)
    assert not part_item_gap(" và nhiệm vụ 2 ", P)
    assert not part_item_gap(" và Điều ", P)


# --- "các Luật liên quan đến …" is no law's title (extract_lang.TITLE_NOT) -----------------------

def test_the_laws_relating_to_a_field_are_no_amended_law():
    text = ("Căn cứ Luật sửa đổi, bổ sung một số điều của các Luật liên quan đến quy hoạch đô thị "
            "ngày 15/6/2030;")
    assert not any(k == "amends" for k, _, _ in _first_texts(text, "vi"))


def test_a_law_named_by_its_title_is_still_amended():
    text = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Lâm nghiệp ngày 15/6/2030;"
    assert ("amends", "Luật sửa đổi, bổ sung một số điều", "Luật Lâm nghiệp") in \
        _first_texts(text, "vi")


# --- a legislature's code with a space before a slash (codes._CODE_LEGISLATURE) ------------------

def test_a_law_code_spaced_before_its_slash_is_read():
    text = "Tax Base 44 /2031/QH15 and Law Number 45 /2032/QH16 on the same subject."
    found = {(n, c.replace(" ", "")) for _, n, c in docs(text, "en") if c}
    assert {("44", "44/2031/QH15"), ("45", "45/2032/QH16")} <= found


def test_a_number_and_a_year_with_no_legislature_are_no_code():
    text = "The meeting in room 44 /2031/B of the tax office lasted two hours."
    assert not any(code for _, _, code in docs(text, "en"))
