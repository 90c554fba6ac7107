"""Mentions of issue 12's fifth round: state codes whose abbreviation the scheme reads as a
state body's (QĐ: a decision), codes glued to the next word, documents named by title without a
number (laws, congress resolutions, plans and programmes) when they take part in a relation.
Sentences written for the tests (fictional numbers and titles); each rule has a case that would
fail without it."""
from __future__ import annotations

import pytest

from partykg.ingest.extract import extract
from partykg.ingest.extract.codes import code_types
from partykg.ingest.extract.typewords import party_only_types


def mentions(text: str, lang: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """Kept mentions as (text, type, number, code)."""
    ex = extract(text, lang)
    kept = {i for d in ex.documents for i in d.mentions}
    return [(m.text, m.type, m.number, m.code) for i, m in enumerate(ex.mentions) if i in kept]


# --- a state code with QĐ is a decision (pkdt:PartyOnlyDocumentTypes) ---------------------------

def test_party_only_types_come_from_the_scheme():
    assert "regulation" in party_only_types()
    assert "decision" not in party_only_types()


@pytest.mark.parametrize("code", ["731/2009/QĐ-UBND", "4417/QĐ-UBND", "88/QD-TTg"])
def test_a_bare_state_code_with_qd_is_a_decision(code):
    text = f"Văn bản {code} đã hết hiệu lực từ năm ngoái."
    assert (code, "decision", code.split("/")[0], code) in mentions(text, "vi")
    assert code_types(code, strict=True) == ("decision",)
    assert set(code_types(code)) == {"regulation", "decision"}  # the abbreviation alone


def test_a_party_code_with_qd_stays_ambiguous_and_a_type_word_still_names_a_regulation():
    assert set(code_types("512-QĐ/TW", strict=True)) == {"regulation", "decision"}
    got = mentions("Quy định 613/QĐ-TƯ của Bộ Chính trị thay thế Quy định 614/QĐ-TƯ.", "vi")
    assert [t for _, t, _, _ in got] == ["regulation", "regulation"]


# --- a word glued to a state code ends the code ---------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("Decree No. 517/2023/ND-CPSigner: Tran Van A", "517/2023/ND-CP"),
    ("Quyết định số 64/QĐ-UBNDNgày ký: 12/3/2020", "64/QĐ-UBND"),
    ("Chỉ thị 19/CT-TTg về phòng chống dịch.", "19/CT-TTg"),  # a lower case issuer letter
])
def test_a_word_glued_to_a_state_code_is_not_its_issuer(text, code):
    lang = "en" if text.startswith("Decree") else "vi"
    assert code in [c for _, _, _, c in mentions(text, lang)]


# --- a resolution named by its congress: every reference is one document ------------------------

def _named_docs(text: str, lang: str) -> list[list[str]]:
    ex = extract(text, lang)
    return [[ex.mentions[i].text for i in d.mentions] for d in ex.documents if not d.strong]


def test_vi_congress_resolution_references_are_one_document_when_in_a_relation():
    text = ("Ban Thường vụ ban hành Kế hoạch số 907-KH/TU để thực hiện Nghị quyết Đại hội "
            "đại biểu toàn quốc lần thứ XVII của Đảng. Mục đích là đưa Nghị quyết Đại hội XVII "
            "của Đảng vào cuộc sống. Các chi bộ học tập Nghị quyết ĐH XVII ngay trong quý.")
    docs = _named_docs(text, "vi")
    assert len(docs) == 1 and len(docs[0]) == 3
    assert docs[0][1].startswith("Nghị quyết Đại hội XVII")


def test_a_local_congress_is_not_the_national_one_of_the_same_ordinal():
    text = ("Tỉnh ủy ban hành Chương trình số 908-CTr/TU thực hiện Nghị quyết Đại hội XV của "
            "Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV. Nghị quyết Đại hội XV Đảng bộ "
            "tỉnh nêu nhiều mục tiêu.")
    ex = extract(text, "vi")
    keys = [m.name_key for m in ex.mentions if m.name_key]
    assert [k[3] for k in keys] == [False, True, True]  # national, local, local
    assert len(set(keys)) == 2  # two documents


@pytest.mark.parametrize("lang, text", [
    ("en", "The Government issued Resolution No. 911/NQ-CP to implement the Resolution of the "
           "15th National Party Congress. Ministries must study the 15th National Party "
           "Congress's Resolution. The 15th Party Resolution sets targets."),
    ("fr", "Le Comité a adopté la Directive n° 912-CT/TU pour mettre en œuvre la résolution "
           "du XVe Congrès. La Résolution du 15e Congrès national du Parti fixe les objectifs."),
])
def test_congress_resolution_references_in_en_and_fr(lang, text):
    docs = _named_docs(text, lang)
    assert len(docs) == 1 and len(docs[0]) >= 2


def test_a_congress_resolution_in_no_relation_is_not_kept():
    assert _named_docs("Nghị quyết Đại hội XVII của Đảng nêu nhiều mục tiêu lớn.", "vi") == []


# --- laws named by title, and the amending laws their titles name -----------------------------------

def _law_docs(ex):
    return {d.id: [ex.mentions[i].text for i in d.mentions] for d in ex.documents
            if d.type == "law" and not d.strong}


def test_en_amending_law_title_amends_the_laws_it_names_and_all_references_group():
    text = ("Pursuant to the May 4, 2011 Law on Fisheries Management; and the July 9, 2016 Law "
            "Amending and Supplementing a Number of Articles of the Law on Fisheries Management "
            "and the Law on Inland Ports;\nThe Government issues Decree No. 921/2017/ND-CP "
            "detailing the Law on Fisheries Management.")
    ex = extract(text, "en")
    docs = _law_docs(ex)
    names = sorted(n for ns in docs.values() for n in ns)
    assert "Law Amending and Supplementing a Number of Articles" in names
    assert names.count("Law on Fisheries Management") == 3  # one document, every reference
    assert "Law on Inland Ports" in names
    by_name = {ns[0]: d for d, ns in docs.items()}
    amends = {(r.source, r.target) for r in ex.doc_relations if r.kind == "amends"}
    amending = by_name["Law Amending and Supplementing a Number of Articles"]
    assert amends >= {(amending, by_name["Law on Fisheries Management"]),
                      (amending, by_name["Law on Inland Ports"])}


def test_upper_and_lower_case_titles_end_at_the_date_and_the_next_law():
    text = ("DECREE DETAILING THE LAW ON FISHERIES MANAGEMENT AND THE LAW AMENDING AND "
            "SUPPLEMENTING A NUMBER OF ARTICLES OF THE LAW ON FISHERIES MANAGEMENT\n"
            "Pursuant to the law on amendments to the law on fisheries management dated july "
            "9, 2016;")
    ex = extract(text, "en")
    names = [n for ns in _law_docs(ex).values() for n in ns]
    assert "LAW ON FISHERIES MANAGEMENT" in names
    assert "law on fisheries management" in names  # not "… dated july 9"


def test_vi_amending_laws_are_told_apart_by_their_dates():
    text = ("Căn cứ Luật Thủy sản ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều "
            "của Luật Thủy sản ngày 14 tháng 6 năm 2009; Luật sửa đổi, bổ sung một số điều của "
            "Luật Thủy sản ngày 16 tháng 11 năm 2015;")
    ex = extract(text, "vi")
    docs = _law_docs(ex)
    assert len(docs) == 3  # the law and two amending laws
    amends = [r for r in ex.doc_relations if r.kind == "amends"]
    assert len(amends) == 2 and len({r.target for r in amends}) == 1


@pytest.mark.parametrize("text", [
    "Các luật sư đã tư vấn theo quy định của pháp luật hiện hành.",
    "Luật sư của công ty thay thế người đại diện.",
])
def test_vi_law_word_as_a_common_noun_is_no_title(text):
    assert not [m for m in extract(text, "vi").mentions if m.name_key]
    # while a title is one
    assert [m.name_key for m in extract("Luật Thủy sản được sửa đổi.", "vi").mentions]


def test_a_bare_back_reference_to_a_named_resolution_is_not_one_of_its_names():
    text = ("The Secretariat issued Directive No. 913-CT/TW on implementing the Resolution of "
            "the 15th National Party Congress. Officials must study the Resolution closely.")
    ex = extract(text, "en")
    names = [ex.mentions[i].text for d in ex.documents if not d.strong for i in d.mentions]
    assert names == ["Resolution of the 15th National Party Congress"]


# --- a capitalised type word followed by a relation cue names one document (not in English) -----

@pytest.mark.parametrize("lang, text, name", [
    ("fr", "Les délégués ont adopté le projet de Programme d’action pour la mise en œuvre de "
           "la Directive n° 914-CT/TU.", "Programme d’action"),
    ("id", "Isi pokok Resolusi No. 915-NQ/TW serta Program Aksi untuk Melaksanakan Resolusi "
           "No. 915-NQ/TW.", "Program Aksi"),
])
def test_a_type_name_followed_by_a_cue_is_a_document_in_a_relation(lang, text, name):
    ex = extract(text, lang)
    named = [ex.mentions[i].text for d in ex.documents if not d.strong for i in d.mentions]
    assert name in named
    assert any(r.kind == "implements" for r in ex.doc_relations)


def test_english_title_case_headline_is_not_read_so():
    ex = extract("Government issues Action Programme to implement Resolution No. 916-NQ/TW", "en")
    assert not [d for d in ex.documents if not d.strong]


def test_an_amending_law_being_drafted_amends_nothing_yet():
    text = ("Bộ đang xây dựng và sửa đổi 02 Luật (Luật Thủy sản; Luật sửa đổi, bổ sung một số "
            "điều của Luật Cảng biển).")
    assert not [r for r in extract(text, "vi").doc_relations if r.kind == "amends"]
    issued = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cảng biển ngày 9 tháng 7 năm 2016;"
    assert [r for r in extract(issued, "vi").doc_relations if r.kind == "amends"]


def test_a_lower_case_plan_named_by_its_issuer_is_a_document_in_a_relation():
    text = ("Thực hiện kế hoạch của Ban Thường vụ Huyện ủy về học tập và triển khai thực hiện "
            "Chỉ thị số 917-CT/TW, các chi bộ đã tổ chức hội nghị.")
    ex = extract(text, "vi")
    plans = [ex.mentions[i].text for d in ex.documents if d.type == "plan" for i in d.mentions]
    assert plans and plans[0].startswith("kế hoạch của Ban Thường vụ")
    assert [r.kind for r in ex.doc_relations] == ["implements"]


def test_a_lower_case_plan_without_issuer_or_issue_verb_is_generic():
    ex = extract("Các sở xây dựng kế hoạch để thực hiện Chỉ thị số 918-CT/TW.", "vi")
    assert not [d for d in ex.documents if d.type == "plan"]
