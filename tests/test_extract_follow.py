"""Relations that follow the sentence (issue 12): back-references, the header, the subject through
modifiers, coordinated objects, 'the previous one', plans; single-sentence language detection;
type words from the SKOS scheme. Sentences written for the tests (fictional numbers)."""
from __future__ import annotations

import pytest

from partykg.ingest import extract_lang
from partykg.ingest.extract import detect_language, extract
from partykg.ingest.extract.typewords import type_words

from extract_helpers import rels


@pytest.mark.parametrize("lang, text, expected", [
    # back-references to a document named before
    ("en", "The Secretariat issued Regulation 731-QD/TW on cadre work. The regulation takes effect "
           "from the date of signing and replaces Regulation No. 712-QD/TW.",
     {("replaces", "731-QD/TW", "712-QD/TW")}),
    ("fr", "Le Bureau politique a publié le règlement n°731-QD/TW. Le présent règlement entre en "
           "vigueur à compter de la date de sa signature, remplaçant la Conclusion n°735-KL/TW.",
     {("replaces", "731-QD/TW", "735-KL/TW")}),
    ("id", "Politbiro menerbitkan Peraturan Nomor 731-QD/TW. Peraturan ini menggantikan Peraturan "
           "Nomor 712-QD/TW.", {("replaces", "731-QD/TW", "712-QD/TW")}),
    # coordinated objects
    ("vi", "Chỉ thị 720-CT/TW thay thế Chỉ thị số 711-CT/TW, ngày 2/5/2010, và Kết luận số "
           "740-KL/TW, ngày 3/4/2012.",
     {("replaces", "720-CT/TW", "711-CT/TW"), ("replaces", "720-CT/TW", "740-KL/TW")}),
    ("en", "Regulation 765 replaces Regulation No. 789 of 2017 and Regulation No. 714 of 2020 of "
           "the Politburo.",
     {("replaces", "regulation:765", "regulation:789"),
      ("replaces", "regulation:765", "regulation:714")}),
    # modifiers between the subject and the cue
    ("en", "Regulation 731-QD/TW (Regulation 731) on the implementation of the Party Charter was "
           "issued on May 2, 2021, replacing Regulation 717-QD/TW.",
     # (the Party Charter is a document since set LF: a regulation on its implementation
     # implements it)
     {("replaces", "731-QD/TW", "717-QD/TW"), ("implements", "731-QD/TW", "unclassified:None")}),
    ("en", "Regulation 780 consists of 6 chapters and 34 articles, replacing Regulation No. "
           "705-QD/TW dated December 19, 2017.", {("replaces", "regulation:780", "705-QD/TW")}),
    ("en", "The Politburo issued a new directive on strengthening Party work in the new situation, "
           "replacing Directive No. 709-CT/TW dated March 26, 2008.",
     {("replaces", "directive:None", "709-CT/TW")}),
    ("en", "The new rules, Regulation 788 for short, took effect on July 1 and replaced "
           "Regulation 702.", {("replaces", "regulation:788", "regulation:702")}),
    # unnamed documents and plans
    ("en", "The Politburo reviewed Resolution 721-NQ/TW. It agreed to issue a new resolution "
           "replacing the previous one.",
     {("plannedToReplace", "resolution:None", "721-NQ/TW")}),
    ("en", "The Politburo agreed to issue a new resolution replacing Resolution 721-NQ/TW.",
     {("plannedToReplace", "resolution:None", "721-NQ/TW")}),
    # the header as the subject
    ("vi", "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố: 703-HD/BTCTW\nHà Nội, ngày 5 tháng 3 năm 2022\n"
           "HƯỚNG DẪN THỰC HIỆN QUY ĐỊNH SỐ 724-QĐ/TW\n- Căn cứ Điều lệ Đảng;",
     {("guides", "703-HD/BTCTW", "724-QĐ/TW")}),
    ("vi", "BAN TỔ CHỨC TRUNG ƯƠNG\nSố: 712-HD/BTCTW\nV/v thực hiện Quy định số 705-QĐ/TW\n"
           "Kính gửi: các tỉnh ủy", {("guides", "712-HD/BTCTW", "705-QĐ/TW")}),
    ("vi", "Số: 767-QĐ/TW\nQUYẾT ĐỊNH về việc ban hành Quy định\n- Căn cứ Quyết định số 784-QĐ/TW;\n"
           "Điều 2. Quyết định này thay thế Quyết định số 736-QĐ/TW ngày 23/6/2006 của Ban Bí thư.",
     # the preamble line "Căn cứ …" is a basis of the header's document
     {("replaces", "767-QĐ/TW", "736-QĐ/TW"), ("basedOn", "767-QĐ/TW", "784-QĐ/TW")}),
])
def test_relations_follow_the_sentence(lang, text, expected):
    assert rels(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    # two directives named before: a bare type word does not pick one
    ("id", "Instruksi Nomor 705 dan Instruksi Nomor 706 dibahas. Kemudian Instruksi menggantikan "
           "Peraturan Nomor 712."),
    # a new clause's subject is not a coordinated object
    ("en", "Directive 720-CT/TW replaces Directive 711-CT/TW, and Resolution 731-NQ/TW was "
           "reviewed."),
    # a list of bases is not a relation
    ("vi", "- Căn cứ Nghị quyết số 757-NQ/TW, ngày 22/12/2024 của Bộ Chính trị;"),
])
def test_no_relation_is_invented(lang, text):
    got = rels(text, lang)
    assert ("replaces", "directive:None", "regulation:712") not in got
    assert all(t != "731-NQ/TW" for _k, _s, t in got)
    if "Căn cứ" in text:
        assert got == set()


def test_header_type_comes_from_the_title_line():
    ex = extract("Số: 797-QĐ/TW\nHà Nội, ngày 07 tháng 02 năm 2023\nQUY ĐỊNH\nCHỨC NĂNG, NHIỆM VỤ "
                 "CỦA CƠ QUAN\n- Căn cứ Điều lệ Đảng;", "vi")
    assert [(d.code, d.type) for d in ex.documents] == [("797-QĐ/TW", "regulation")]


@pytest.mark.parametrize("text, lang", [
    ("Ngày 14/4/2025, Bộ Chính trị ban hành Chỉ thị số 745-CT/TW.", "vi"),
    ("Chỉ thị 745-CT/TW", "vi"),
    ("On March 3, 2024 the Politburo issued Directive 745-CT/TW.", "en"),
    ("Directive 745-CT/TW", "en"),
    ("Résolution 721-NQ/TW du Bureau politique", "fr"),
    ("Instruksi Nomor 745-CT/TW Politbiro", "id"),
    ("QUYẾT ĐỊNH", "vi"),
])
def test_language_of_a_single_sentence(text, lang):
    assert detect_language(text) == lang
    extract(text)  # never refused for its language


def test_type_words_come_from_the_skos_scheme():
    assert not hasattr(extract_lang, "TYPE_WORDS")
    en, vi, fr, id_ = (type_words(x) for x in ("en", "vi", "fr", "id"))
    assert en["regulation"] == "regulation" and en["regulations"] == "regulation"
    assert vi["nghị quyết"] == "resolution" and fr["règlement"] == "regulation"
    assert id_["resolusi"] == "resolution" and vi["qui định"] == "regulation"  # hidden label
    assert "văn bản chưa rõ loại" not in vi  # the unclassified concept names no type


@pytest.mark.parametrize("lang, text, issuer", [
    # a national organ's name does not run on into a person's name
    ("vi", "Thay mặt Ban Bí thư, Thường trực Ban Bí thư Nguyễn Văn An đã ký ban hành Chỉ thị số "
           "726-CT/TW ngày 23/11/2023.", "secretariat"),
    # "on behalf of": the body the signatory acts for
    ("vi", "Ngày 14/4/2025, Tổng Bí thư thay mặt Bộ Chính trị, ký ban hành Chỉ thị số 745-CT/TW "
           "về đại hội.", "politburo"),
    # an ordinal between the preposition and the body
    ("fr", "La Conclusion 728-KL/TW du 14 août 2012 du 11e Bureau politique a été examinée.",
     "politburo"),
    ("fr", "la résolution n° 718-NQ/TW du 25 octobre 2017 du 12e Comité exécutif central",
     "central-committee"),
])
def test_issuers_cut_right(lang, text, issuer):
    ex = extract(text, lang)
    assert len(ex.documents) == 1
    assert ex.documents[0].issuer is not None and ex.documents[0].issuer.key == issuer


def test_trung_uong_alone_is_not_a_body():
    ex = extract("Thông báo số 705-TB/BCĐTW ngày 04/7/2025 của Ban Chỉ đạo Trung ương về phát "
                 "triển khoa học.", "vi")
    issuer = ex.documents[0].issuer
    assert issuer is None or issuer.key != "central-committee"


def test_real_dev_set_keeps_its_scores():
    """The real dev set (tests/data/gold/real_dev, annotated before the extractor ran on it) stays
    at the issue's targets: a regression guard, not a generalisation measure."""
    from conftest import DATA, ROOT
    from partykg.ingest.extract_eval import evaluate, load_all

    golds = load_all(DATA / "gold" / "real_dev", ROOT)
    assert len(golds) >= 12
    s = evaluate(golds)[("all", "all")]
    assert s.mentions.precision >= 0.98 and s.mentions.recall >= 0.98, s.mentions
    assert s.relations.precision >= 0.95 and s.relations.recall >= 0.85, s.relations
