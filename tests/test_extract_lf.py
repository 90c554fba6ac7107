"""Forms of the English and French pages of set LF (issue 12): laws amended by title in French,
an amending title naming a numbered law, a header flattened onto one line, a code glued to its
number marker, a circular's old code whose letters are no abbreviation, provisions "as
prescribed in" a document, a possessive before a document in a basis line. The sentences are
fictional (invented numbers and titles) in the shape of the real pages of
tests/data/gold/real_dev_lf; each test has a negative case."""
from __future__ import annotations

from extract_helpers import docs, rels
from partykg.ingest.extract import extract


def _named(ex, type_):
    return [d for d in ex.documents if d.type == type_ and d.number is None]


def _title_rels(ex):
    """Relations as (kind, source's first mention, target's first mention)."""
    first = {d.id: ex.mentions[d.mentions[0]].text for d in ex.documents}
    return sorted((r.kind, first[r.source], first[r.target]) for r in ex.doc_relations)


# --- French amending laws: "loi sur l'amendement et le complément de certains articles de …" ----

def test_a_french_law_on_the_amendment_of_two_laws_amends_both():
    text = ("Le même jour, l’Assemblée nationale a adopté la loi sur l’amendement et le complément "
            "de certains articles de la loi sur l’organisation des tribunaux et de la loi sur "
            "l’organisation des parquets. Cette loi entrera en vigueur le 1er juillet 2031.")
    ex = extract(text, "fr")
    assert _title_rels(ex) == [
        ("amends", "loi sur l’amendement et le complément de certains articles",
         "loi sur l’organisation des parquets"),
        ("amends", "loi sur l’amendement et le complément de certains articles",
         "loi sur l’organisation des tribunaux")]


def test_a_glued_french_amending_title_still_reads_and_two_are_two_laws():
    text = ("Selon la loi d'amendement et de complètement de certainsarticles de la loi sur les "
            "notaires, les bureaux peuvent ouvrir. L’Assemblée a également adopté la loi "
            "d'amendement et decomplètement de certains articles de la loi sur la gestion des "
            "forêts.")
    ex = extract(text, "fr")
    amending = [d for d in _named(ex, "law") if "amendement" in ex.mentions[d.mentions[0]].text]
    assert len(amending) == 2
    assert len(ex.doc_relations) == 2 and all(r.kind == "amends" for r in ex.doc_relations)


def test_a_draft_french_amending_law_amends_nothing():
    text = ("L’Assemblée nationale a discuté du projet de loi sur l’amendement et le complément de "
            "certains articles de la loi sur les digues.")
    assert extract(text, "fr").doc_relations == []


def test_du_ends_a_french_title_only_before_a_date():
    text = ("La loi modifiant et complétant certains articles de la loi sur l’organisation du "
            "gouvernement et de la loi sur les collectivités du 19 juin 2031 a été adoptée.")
    ex = extract(text, "fr")
    got = _title_rels(ex)
    assert ("amends", "loi modifiant et complétant certains articles",
            "loi sur l’organisation du gouvernement") in got
    assert ("amends", "loi modifiant et complétant certains articles",
            "loi sur les collectivités") in got


# --- an amending title whose object is a numbered law; a header flattened onto one line ----------

_HEADER = ("THE NATIONAL ASSEMBLY ______ No. 91/2031/QH19 | THE SOCIALIST REPUBLIC OF VIETNAM "
           "Independence - Freedom - Happiness ______ |\n"
           "Pursuant to the Constitution of the Socialist Republic of Vietnam;\n")


def test_the_enacted_amending_law_is_the_header_law_and_amends_the_numbered_law():
    text = _HEADER + ("The National Assembly promulgates the Law on Amending and Supplementing a "
                      "Number of Articles of the Law No. 12/2024/QH18 on Fisheries.\n"
                      "Article 1. Amending and supplementing a number of articles")
    assert ("law", "91", "91/2031/QH19") in docs(text, "en")
    assert rels(text, "en") == {("amends", "91/2031/QH19", "12/2024/QH18")}


def test_a_header_line_needs_the_issuer_in_capitals_and_its_rule():
    text = ("The national assembly said No. 91/2031/QH19 | more text\nThe National Assembly "
            "promulgates the Law on Amending and Supplementing a Number of Articles of the Law "
            "No. 12/2024/QH18 on Fisheries.")
    assert ("unclassified", "91", "91/2031/QH19") in docs(text, "en")
    assert ("amends", "91/2031/QH19", "12/2024/QH18") not in rels(text, "en")


# --- a code glued to its number marker ----------------------------------------------------------

def test_a_code_glued_to_no_is_read():
    text = ("Le gouvernement a publié le décret N°301/2031/ND-CP modifiant et complétant plusieurs "
            "articles du décret No77/2029/ND-CP du 3 novembre 2029 relatif aux ports.")
    assert ("decree", "77", "77/2029/ND-CP") in docs(text, "fr")
    assert rels(text, "fr") == {("amends", "301/2031/ND-CP", "77/2029/ND-CP")}


def test_a_word_ending_in_no_before_a_number_is_no_marker():
    assert docs("The casino77/2029/ND-CP hall opened.", "en") == set()


# --- an old circular code whose letters are no abbreviation ----------------------------------------

def test_a_circular_with_an_old_code_is_a_circular_but_a_party_tt_code_is_not():
    assert ("circular", "41", "41-TC/CSTC") in docs("Circular No.41-TC/CSTC of May 2, 1998 was "
                                                    "sent.", "en")
    assert ("unclassified", "13", "13-TT/TU") in docs("Circular No. 13-TT/TU was sent.", "en")


# --- provisions "as prescribed in" a document ------------------------------------------------------

def test_amending_provisions_prescribed_in_a_circular_amends_it():
    text = ("CIRCULAR No.41-TC/CSTC of May 2, 1998 guiding the amendment and supplement to a number "
            "of provisions on the collection of fees as prescribed in Circular No.17-TC/CSTC of "
            "March 1, 1996.")
    assert rels(text, "en") == {("amends", "41-TC/CSTC", "17-TC/CSTC")}


def test_provisions_without_where_they_are_written_relate_nothing():
    text = ("CIRCULAR No.41-TC/CSTC of May 2, 1998 guiding the amendment and supplement to a number "
            "of provisions on the collection of fees. Circular No.17-TC/CSTC was cited.")
    assert rels(text, "en") == set()


# --- a possessive before the document of a basis line ----------------------------------------------

def test_a_possessive_before_a_decree_in_a_basis_line_keeps_it_the_subject():
    text = ("Pursuant to the Government’s Decree 44/2029/ND-CP of June 6, 2029, detailing and "
            "guiding the implementation of the Law on Water Resources;")
    assert rels(text, "en") == {("guides", "44/2029/ND-CP", "law:None")}


def test_a_longer_lead_than_a_possessive_still_is_no_subject():
    text = ("Pursuant to the proposals made at the meeting on Decree 44/2029/ND-CP of June 6, "
            "2029, detailing and guiding the implementation of the Law on Water Resources;")
    assert ("guides", "44/2029/ND-CP", "law:None") not in rels(text, "en")


# --- the Party's Charter -----------------------------------------------------------------------

def test_the_party_charter_in_every_naming_is_one_document_a_regulation_implements():
    text = ("Secretary issues new rules for implementing the Party Statutes\n\n"
            "Ban hành quy định thi hành Điều lệ Đảng\n\n"
            "The Central Committee has issued Regulation 77-QĐ/TW to implement the Communist Party "
            "of Vietnam’s Charter. Regulation 77 governs the 40 articles of the Communist Party of "
            "Vietnam’s 2031 Charter.")
    ex = extract(text, "en")
    charter = _named(ex, "unclassified")
    assert len(charter) == 1 and len(charter[0].mentions) == 4 and charter[0].date == "2031"
    assert rels(text, "en") == {("implements", "77-QĐ/TW", "unclassified:None")}


def test_a_charter_of_another_body_is_no_party_charter():
    text = "The Central Committee issued Regulation 77-QĐ/TW to implement the Union's Charter."
    assert rels(text, "en") == set()


# --- a congress's resolution without its ordinal; a programme named by its purpose ---------------

def test_the_congress_resolution_and_the_programme_to_implement_it():
    text = ("Shortly after the third Party Congress of the commune wrapped up, the congress’s "
            "resolution and the action programme to implement this resolution were disseminated "
            "to all members.")
    ex = extract(text, "en")
    res, prog = _named(ex, "resolution"), _named(ex, "programme")
    assert len(res) == 1 and len(prog) == 1
    assert [(r.kind, r.source, r.target) for r in ex.doc_relations] == [
        ("implements", prog[0].id, res[0].id)]


def test_a_programme_to_implement_a_description_not_yet_named_is_no_document():
    text = ("The committee approved the plan to implement the notice of the Politburo. It then "
            "discussed Notice No. 9-TB/TW.")
    ex = extract(text, "en")
    assert _named(ex, "plan") == [] and ex.doc_relations == []


def test_points_in_a_possessed_circular_are_amended_and_its_own_participle_stays_its_own():
    text = ("Circular No. 31/2031/TT-BTC dated April 3, 2031 of the Ministry of Finance guiding the "
            "amendments to a number of points in the Finance Ministry’s Circular No. 64/2029/TT-BTC "
            "dated May 10, 2029 guiding the implementation of the Government’s Decree No. "
            "14/2029/ND-CP on fees")
    assert rels(text, "en") == {("amends", "31/2031/TT-BTC", "64/2029/TT-BTC"),
                                ("guides", "64/2029/TT-BTC", "14/2029/ND-CP")}


def test_the_congress_resolution_without_ordinal_is_the_one_congress_resolution_named():
    text = ("Le Premier ministre a présenté le Programme d’action pour la mise en œuvre de la "
            "Résolution du IXᵉ Congrès national du Parti. Les cadres ont étudié la Résolution du "
            "Congrès.")
    ex = extract(text, "fr")
    res = _named(ex, "resolution")
    assert len(res) == 1 and len(res[0].mentions) == 2
    # with two congresses named, a bare one is neither
    text2 = ("Le Programme d’action pour la mise en œuvre de la Résolution du IXᵉ Congrès national "
             "du Parti suit celui de la Résolution du VIIIᵉ Congrès. Les cadres ont étudié la "
             "Résolution du Congrès.")
    ex2 = extract(text2, "fr")
    assert all(len(d.mentions) == 1 for d in _named(ex2, "resolution"))
