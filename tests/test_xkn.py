"""Forms of sets K and N (issue 12; made development data in the ninth round, set O held out in
their place) the xkn branch reads: a guidance document whose subject is a part of another
document guides it; Indonesian "menyesuaikan dan melengkapi" and parts named without a
preposition ("sejumlah isi Direktif NN"); parts named by their contents or provisions; a ";"
ends a cue's objects when the relation's subject stands in a ";" item. The sentences are the
branch's own, fictional (invented numbers and subjects); each rule has a positive and a
negative case."""
from __future__ import annotations

from extract_helpers import rels


# --- a guidance on (a part of) a document guides it ---------------------------------------------

def test_guidance_on_some_contents_of_a_directive_guides_it_in_four_languages():
    cases = [
        ("en", "The Commission issued Instruction 31-HD/BTCTW dated 4 May 2027 of the Central "
               "Organizing Committee on some contents of Directive No. 48-CT/TW."),
        ("vi", "Ban Tổ chức Trung ương ban hành Hướng dẫn số 31-HD/BTCTW ngày 4/5/2027 về một "
               "số nội dung của Chỉ thị số 48-CT/TW."),
        ("fr", "La Commission a publié le Guide 31-HD/BTCTW du 4 mai 2027 sur certains contenus "
               "de la Directive n° 48-CT/TW."),
        ("id", "Komisi menerbitkan Panduan 31-HD/BTCTW tanggal 4 Mei 2027 tentang beberapa isi "
               "Direktif 48-CT/TW."),
    ]
    for lang, text in cases:
        assert ("guides", "31-HD/BTCTW", "48-CT/TW") in rels(text, lang), lang


def test_guidance_on_a_topic_or_a_regulation_on_a_document_guides_nothing():
    assert not rels("The Commission issued Guidance 31-HD/BTCTW dated 4 May 2027 on some "
                    "contents of the party work, and Directive No. 48-CT/TW remains.", "en")
    assert not any(k == "guides" for k, _, _ in rels(
        "The Politburo issued Regulation 31-QD/TW dated 4 May 2027 on some contents of "
        "Directive No. 48-CT/TW.", "en"))


# --- Indonesian amending cues and parts without a preposition -----------------------------------

def test_indonesian_adjusting_and_supplementing_some_contents_amends():
    text = ("Politbiro menerbitkan Kesimpulan 140-KL/TW tanggal 2 Maret 2027 yang menyesuaikan "
            "dan melengkapi sejumlah isi Direktif 52-CT/TW tentang kongres partai.")
    assert ("amends", "140-KL/TW", "52-CT/TW") in rels(text, "id")


def test_indonesian_some_contents_gap_carries_no_replacement():
    text = "Kesimpulan 140-KL/TW menggantikan sejumlah isi Direktif 52-CT/TW."
    assert not rels(text, "id")


def test_english_some_contents_of_a_directive_is_amended():
    text = "The Politburo issued Conclusion 140-KL/TW amending some contents of Directive 52-CT/TW."
    assert ("amends", "140-KL/TW", "52-CT/TW") in rels(text, "en")


# --- a ";" ends the cue's objects when the subject stands in a ";" item ----------------------------

def test_a_semicolon_item_after_the_object_is_not_amended_when_the_subject_is_an_item():
    text = ("The delegates studied Resolution 19-NQ/TW dated 5 May 2026 of the Central Committee "
            "on the apparatus; Directive 52-CT/TW dated 1 June 2027 of the Politburo on congresses "
            "(Directive 52) and Conclusion 140-KL/TW dated 2 March 2027 amending Directive 52; "
            "Resolution 61-NQ/TW dated 3 April 2027 of the Politburo on science.")
    got = rels(text, "en")
    assert ("amends", "140-KL/TW", "52-CT/TW") in got
    assert ("amends", "140-KL/TW", "61-NQ/TW") not in got


def test_a_semicolon_list_of_replaced_documents_is_still_replaced():
    text = ("Regulation 140-QD/TW replaces Regulation 52-QD/TW dated 1 June 2017; Regulation "
            "61-QD/TW dated 3 April 2018.")
    got = rels(text, "en")
    assert {("replaces", "140-QD/TW", "52-QD/TW"), ("replaces", "140-QD/TW", "61-QD/TW")} <= got


# --- an unnamed plan's purpose, a numbered object's own guiding title ----------------------------

def test_an_unnamed_action_plan_between_two_implementing_cues_implements_the_resolution():
    text = ("The People's Committee issued Plan No. 208/KH-UBND to implement the Government's "
            "Action Plan to implement Resolution No. 77-NQ/TW dated 2 May 2027 of the Politburo.")
    got = rels(text, "en")
    assert ("implements", "208/KH-UBND", "plan:None") in got
    assert ("implements", "plan:None", "77-NQ/TW") in got
    assert ("implements", "208/KH-UBND", "77-NQ/TW") not in got


def test_a_numbered_plan_between_two_cues_stays_an_object():
    text = ("The People's Committee issued Plan No. 208/KH-UBND to implement Plan No. 12-KH/TU, "
            "to implement Resolution No. 77-NQ/TW.")
    got = rels(text, "en")
    assert ("implements", "12-KH/TU", "77-NQ/TW") not in got


def test_an_amended_circulars_own_title_guides_what_it_names():
    text = ("Thông tư 71/2027/TT-BTC sửa đổi Thông tư 09/2025/TT-BTC hướng dẫn Luật thuế tiêu "
            "thụ, hướng dẫn thi hành Nghị định 140/2024/NĐ-CP và 141/2024/NĐ-CP do Bộ Tài chính "
            "ban hành")
    got = rels(text, "vi")
    assert ("amends", "71/2027/TT-BTC", "09/2025/TT-BTC") in got
    assert {("guides", "09/2025/TT-BTC", "140/2024/NĐ-CP"),
            ("guides", "09/2025/TT-BTC", "141/2024/NĐ-CP")} <= got
    assert not any(k == "guides" and s == "71/2027/TT-BTC" for k, s, _ in got)


def test_a_guiding_participle_after_a_comma_is_the_main_documents():
    text = ("Bộ Tài chính ban hành Thông tư 71/2027/TT-BTC sửa đổi Thông tư 09/2025/TT-BTC, "
            "hướng dẫn thi hành Nghị định 140/2024/NĐ-CP.")
    got = rels(text, "vi")
    assert ("guides", "09/2025/TT-BTC", "140/2024/NĐ-CP") not in got


def test_a_chain_of_titles_gives_each_document_its_own_relation():
    text = ("Circular No. 240/2027/TT-BTC dated May 11, 2027 of the Ministry of Finance amending, "
            "supplementing a number of Articles of the Circular No. 60/2025/TT-BTC dated April 2, "
            "2025 of the Minister of Finance guiding the Government's Decree No. 190/2024/ND-CP of "
            "June 4, 2024, detailing and guiding the implementation of a number of articles of "
            "the Law on Prices")
    got = rels(text, "en")
    assert {("amends", "240/2027/TT-BTC", "60/2025/TT-BTC"),
            ("guides", "60/2025/TT-BTC", "190/2024/ND-CP"),
            ("guides", "190/2024/ND-CP", "law:None")} <= got
    assert not any(s == "240/2027/TT-BTC" and k == "guides" for k, s, _ in got)


def test_detailing_after_a_comma_without_an_own_title_is_the_subjects():
    text = ("The Government issued Decree No. 190/2024/ND-CP replacing Decree No. 12/2020/ND-CP, "
            "and guiding the implementation of the Law on Prices.")
    got = rels(text, "en")
    assert ("guides", "12/2020/ND-CP", "law:None") not in got


# --- an article heading that amends ----------------------------------------------------------------

_DECREE = ("THE GOVERNMENT\n\nNo. 140/2027/ND-CP\n\nHanoi, December 31, 2027\n\nDECREE\n\n"
           "AMENDMENTS TO SOME ARTICLES OF DECREES ON PENALTIES\n\nPursuant to the Law on "
           "Government Organization dated June 19, 2015;\n\n{article}\n")


def test_an_article_heading_amending_a_decree_is_the_headers_amendment():
    text = _DECREE.format(article="Article 1. Amendments to some Articles of Government's Decree "
                                  "No. 50/2025/ND-CP dated May 21, 2025 on penalties")
    assert ("amends", "140/2027/ND-CP", "50/2025/ND-CP") in rels(text, "en")
    vi = ("CHÍNH PHỦ\n\nSố: 140/2027/NĐ-CP\n\nHà Nội, ngày 31 tháng 12 năm 2027\n\nNGHỊ ĐỊNH\n\n"
          "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nĐiều 1. Sửa đổi, bổ sung "
          "một số điều của Nghị định số 50/2025/NĐ-CP ngày 21 tháng 5 năm 2025 của Chính phủ\n")
    assert ("amends", "140/2027/NĐ-CP", "50/2025/NĐ-CP") in rels(vi, "vi")


def test_an_article_heading_that_only_applies_a_decree_amends_nothing():
    text = _DECREE.format(article="Article 2. Implementation of Government's Decree No. "
                                  "50/2025/ND-CP dated May 21, 2025 by the ministries")
    assert not any(k == "amends" for k, _, _ in rels(text, "en"))
