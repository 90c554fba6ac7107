"""Relation rules of the seventh round for English, French and Indonesian prose (issue 12): each
test paraphrases the shape of a real sentence of the development sets (invented numbers, bodies
kept generic), with a negative case where the rule could over-reach."""
from __future__ import annotations

import pytest

from extract_helpers import rels
from partykg.ingest.extract import extract


# --- untyped sentence-opening references (leadrefs.py) ----------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "The Government issued Decree No. 720/2024/ND-CP on fines. It replaces Decree No. "
           "721/2020/ND-CP."),
    ("en", "The Politburo issued Regulation No. 720-QD/TW on inspection. The new rules replace "
           "Regulation No. 721-QD/TW dated March 1, 2019."),
    ("fr", "Le gouvernement a publié le décret n° 720/2024/ND-CP. Ce texte entrera en vigueur le "
           "20 novembre prochain en remplacement du décret n° 721/2020/ND-CP."),
    ("id", "Pemerintah menerbitkan Dekret Nomor 720/2024/ND-CP. Dokumen ini menggantikan Dekret "
           "Nomor 721/2020/ND-CP."),
])
def test_an_untyped_reference_opening_a_sentence_is_the_previous_subject(lang, text):
    got = rels(text, lang)
    assert any(k == "replaces" and s.startswith("720") and t.startswith("721") for k, s, t in got)
    ex = extract(text, lang)
    assert not any(n.split()[0].lower() in ("it", "ce", "dokumen", "the")
                   for d in ex.documents for n in d.names)  # a reference is no name


def test_an_unnumbered_demonstrative_takes_the_relation_of_a_later_untyped_reference():
    text = ("Le Premier ministre a approuvé le 1er octobre des réglementations.\n\nSelon cette "
            "décision, les experts bénéficieront d'un traitement égal.\n\nCe texte entrera en "
            "vigueur le 20 novembre prochain en remplacement de la Décision du 31 octobre 1998 du "
            "Premier ministre.")
    assert ("replaces", "decision:None", "decision:None") in rels(text, "fr")


@pytest.mark.parametrize("text", [
    # not the pronoun's own verb
    "The Government issued Decree No. 720/2024/ND-CP. It is necessary to implement Resolution No. "
    "722-NQ/TW.",
    # two subjects before: which one is not said
    "Decree No. 720/2024/ND-CP and Decree No. 723/2024/ND-CP were issued. It replaces Decree No. "
    "721/2020/ND-CP.",
])
def test_an_untyped_reference_is_not_guessed(text):
    assert not any(t.startswith("721") or t.startswith("722") for k, s, t in rels(text, "en"))


# --- the gap between a document and its cue (inforce.py, aimgap.py) -------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Decree No. 720/2024/ND-CP takes effect from July 1, 2024 replacing Decree No. "
           "721/2020/ND-CP."),
    ("fr", "Le décret n° 720/2024/ND-CP entrera en vigueur le 20 novembre prochain en remplacement "
           "du décret n° 721/2020/ND-CP."),
])
def test_coming_into_force_between_a_document_and_its_cue(lang, text):
    assert ("replaces", "720/2024/ND-CP", "721/2020/ND-CP") in rels(text, lang)


def test_a_purpose_gap_before_an_implementing_cue():
    text = ("Le plan n° 724-KH/TU vise à concrétiser et à organiser efficacement la mise en œuvre de "
            "la Résolution n° 725-NQ/TW du Bureau politique.")
    assert ("implements", "724-KH/TU", "725-NQ/TW") in rels(text, "fr")
    # another verb's clause in between is no purpose
    other = ("Le plan n° 724-KH/TU vise à renforcer la discipline; la mise en œuvre de la "
             "Résolution n° 725-NQ/TW se poursuit.")
    assert ("implements", "724-KH/TU", "725-NQ/TW") not in rels(other, "fr")


# --- cue forms --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,kind", [
    ("fr", "Le plan n° 726-KH/TU pour la mise en œuvre du décret n° 727/2024/ND-CP.", "implements"),
    ("fr", "La circulaire n° 726/2024/TT-BTC guide l'application du décret n° 727/2024/ND-CP.",
     "guides"),
    ("id", "Surat Edaran Nomor 726/2024/TT-BTC memandu pelaksanaan Dekret Nomor 727/2024/ND-CP.",
     "guides"),
    ("en", "Official letter No. 726/BTC-TCHQ of the Ministry of Finance regarding issues relating "
           "to the implementation of the Government's Decree No. 727/2024/ND-CP.", "implements"),
])
def test_contracted_articles_and_more_cue_forms(lang, text, kind):
    got = rels(text, lang)
    assert any(k == kind and s.startswith("726") and t == "727/2024/ND-CP" for k, s, t in got), got


def test_an_enumeration_before_an_implementing_noun_with_either_apostrophe():
    text = ("Au nom du Bureau politique, le secrétaire général a signé une directive sur l'étude, la "
            "vulgarisation et l’application de la Résolution du 13e Congrès national du Parti.")
    assert ("implements", "directive:None", "resolution:None") in rels(text, "fr")


# --- documents issued without a number --------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Implementing Resolution No. 728-NQ/TW, the Standing Committee issued a plan on digital "
           "transformation."),
    ("fr", "Conformément à la conclusion n° 728-KL/TW du 10 avril 2015, le Comité permanent a "
           "publié un plan d'étude et de diffusion comprenant les contenus suivants :"),
    ("id", "Untuk melaksanakan Resolusi Nomor 728-NQ/TW, Komite Tetap menerbitkan rencana tentang "
           "transformasi digital."),
    ("en", "The Committee issued an action plan on the implementation of Resolution No. 728-NQ/TW."),
])
def test_an_unnumbered_plan_issued_for_a_fronted_or_following_document(lang, text):
    got = rels(text, lang)
    assert any(k == "implements" and s == "plan:None" and t.startswith("728") for k, s, t in got)


@pytest.mark.parametrize("text", [
    "Implementing Resolution No. 728-NQ/TW, the Standing Committee has plans for digital "
    "transformation.",
    "Implementing Resolution No. 728-NQ/TW, the Standing Committee has a plan for digital "
    "transformation.",
])
def test_having_plans_is_no_plan_issued(text):
    assert not rels(text, "en")


@pytest.mark.parametrize("lang,text", [
    ("en", "The Ministry of Justice has proposed to issue a decree to replace Decree No. "
           "729/2020/ND-CP."),
    ("en", "The Ministry is drafting a decree replacing Decree No. 729/2020/ND-CP."),
    ("fr", "Le ministère propose de publier un décret pour remplacer le décret n° 729/2020/ND-CP."),
])
def test_a_proposed_document_replaces_only_as_a_plan(lang, text):
    got = rels(text, lang)
    assert ("plannedToReplace", "decree:None", "729/2020/ND-CP") in got
    assert not any(k == "replaces" for k, s, t in got)


# --- forward references, lists, coordination ------------------------------------------------

def test_a_forward_reference_reaches_a_code_of_open_type_written_with_its_word():
    text = ("Reply:\nThe Circular was issued to implement Directive No. 730-CT/TW, dated April 14, "
            "2025 of the Politburo on Party congresses.\nCircular No. 731-TT/TU specifying 5 major "
            "requirements.\n")
    assert ("implements", "731-TT/TU", "730-CT/TW") in rels(text, "en")
    two = text + "Circular No. 732-TT/TU is also in force.\n"
    assert not any(s.startswith("73") for k, s, t in rels(two, "en"))


def test_a_cue_ending_on_a_colon_takes_each_enumerated_item():
    text = ("Article 43. Effect\n1. This Decree takes effect on December 31, 2013.\n"
            "2. This Decree supersedes:\n"
            "a) The Government's Decree No. 733/2009/ND-CP dated October 20, 2009 on chemicals;\n"
            "b) Section 2 Chapter V of the Government's Decree No. 734/2005/ND-CP on weapons;\n"
            "c) The Government's Decree No. 735/2005/ND-CP on explosives.\n"
            "Ministers shall implement this Decree under Decree No. 736/2010/ND-CP.\n")
    got = rels(text, "en")
    assert {("replaces", "decree:None", "733/2009/ND-CP"), ("amends", "decree:None", "734/2005/ND-CP"),
            ("replaces", "decree:None", "735/2005/ND-CP")} <= got
    assert not any(t == "736/2010/ND-CP" for k, s, t in got)  # no item: the list has ended


@pytest.mark.parametrize("lang,text", [
    ("en", "Decree No. 737/2020/ND-CP and Decree No. 738/2021/ND-CP were replaced by Decree No. "
           "739/2024/ND-CP."),
    ("fr", "Le décret n° 737/2020/ND-CP et le décret n° 738/2021/ND-CP ont été remplacés par le "
           "décret n° 739/2024/ND-CP."),
])
def test_coordinated_documents_before_a_passive_cue(lang, text):
    assert {("replaces", "739/2024/ND-CP", "737/2020/ND-CP"),
            ("replaces", "739/2024/ND-CP", "738/2021/ND-CP")} <= rels(text, lang)


def test_coordinated_unnumbered_documents_share_the_cue_and_a_summary_plan_is_another():
    text = ("The Chairman signed and issued Plan No. 740/KH-UBND of the Provincial People's "
            "Committee to summarize 10 years of implementing Resolution No. 741-NQ/TW of the "
            "Politburo.\n\nThe plan requires the summary to follow Notice No. 742-TB/TW of the "
            "Politburo; the Action Program of the Provincial Party Committee, Plan of the "
            "Provincial People's Committee to implement Resolution No. 741.")
    got = rels(text, "en")
    assert ("implements", "programme:None", "741-NQ/TW") in got
    assert ("implements", "plan:None", "741-NQ/TW") in got
    assert ("implements", "740/KH-UBND", "741-NQ/TW") not in got  # it summarizes, not implements
    # a semicolon ends the coordination
    assert not any(s == "742-TB/TW" for k, s, t in got)


# --- a text's title line; a lower-case reference after a cue ---------------------------------

def test_a_title_line_before_a_line_opening_with_a_cue():
    text = ("CIRCULAR\nGuiding a number of articles of the Government’s Decree No. 743/2006/ND-CP of "
            "December 20, 2006, on state investment credit\nThis Circular takes effect 15 days "
            "after its publication.")
    assert ("guides", "circular:None", "743/2006/ND-CP") in rels(text, "en")
    # not a title once a numbered document is named before it
    later = "Decree No. 744/2006/ND-CP was issued.\n" + text
    assert ("guides", "circular:None", "743/2006/ND-CP") not in rels(later, "en")


def test_a_lower_case_reference_after_a_cue_is_the_one_document_of_its_type_before():
    text = ("La supervision portera sur la mise en œuvre de la résolution du 14e Congrès national "
            "du Parti, ainsi que sur l’exécution de la directive n° 745-CT/TW du Politburo du 23 "
            "janvier 2026 relative à l’étude, à la diffusion et à la mise en œuvre de la résolution.")
    assert ("implements", "745-CT/TW", "resolution:None") in rels(text, "fr")
    two = ("La résolution n° 746-NQ/TW et la résolution n° 747-NQ/TW sont publiées. La directive "
           "n° 745-CT/TW porte sur la mise en œuvre de la résolution.")
    assert not any(s == "745-CT/TW" for k, s, t in rels(two, "fr"))


def test_a_superscript_ordinal_names_one_congress_resolution():
    text = ("Mettre en œuvre la Résolution du XIVᵉ Congrès du Parti.\n\nLe Premier ministre a "
            "présenté le \"Programme d’action pour la mise en œuvre de la Résolution du XIVᵉ "
            "Congrès national du Parti\".")
    ex = extract(text, "fr")
    res = [d for d in ex.documents if d.type == "resolution"]
    assert len(res) == 1 and len(res[0].mentions) == 2


def test_an_amended_document_is_no_amendment_cue():
    text = "Decree No. 748/2020/ND-CP implements the amended Law on Tax Administration No. 749/2019/QH14."
    assert rels(text, "en") == {("implements", "748/2020/ND-CP", "749/2019/QH14")}
