"""Forms of the English/French/Indonesian pages of set LB (issue 12): bare law codes and a legal
database's type row, the Constitution and documents named by what they amend, French law titles.
The sentences are fictional (invented numbers and titles) in the shape of the real pages of
tests/data/gold/real_dev_lb."""
from __future__ import annotations

from extract_helpers import docs, rels
from partykg.ingest.extract import extract


def _named(ex, type_):
    return [d for d in ex.documents if d.type == type_ and d.number is None]


# --- a law's bare code NN/YYYY/QHnn, typed by a database row ---------------------------------

def test_a_bare_law_code_is_a_document_of_unknown_type():
    text = "No: 77/2003/QH11\n\nHanoi, May 5, 2003\n\nThis Law prescribes the fees."
    assert ("unclassified", "77", "77/2003/QH11") in docs(text, "en")


def test_a_database_row_types_the_bare_code_on_its_line():
    text = "Số hiệu: 77/2003/QH11 Loại văn bản: Luật\nNgày ban hành: 05/05/2003\n\nNo: 77/2003/QH11"
    assert ("law", "77", "77/2003/QH11") in docs(text, "en")
    # on another line the row says nothing of the code
    text2 = "No: 77/2003/QH11\nLoại văn bản: Luật"
    assert ("unclassified", "77", "77/2003/QH11") in docs(text2, "en")


# --- the Constitution and a resolution named by what it amends --------------------------------

def test_a_resolution_named_by_its_amending_of_the_constitution_amends_it():
    text = ("The President announced the Resolution of the National Assembly amending and "
            "supplementing a number of articles of the Constitution of the Socialist Republic of "
            "Vietnam and the laws passed at the session. On May 3, 2031, the National Assembly "
            "passed a Resolution amending and supplementing a number of articles of the "
            "Constitution of the Socialist Republic of Vietnam.")
    ex = extract(text, "en")
    res, const = _named(ex, "resolution"), _named(ex, "unclassified")
    assert len(res) == 1 and len(const) == 1
    assert len(res[0].mentions) == 2 and len(const[0].mentions) == 2
    assert [(r.kind, r.source, r.target) for r in ex.doc_relations] == [
        ("amends", res[0].id, const[0].id)]


def test_a_dated_constitution_amended_under_a_resolution_in_a_basis_line():
    text = ("Pursuant to the 1980 Constitution of the Socialist Republic of Vietnam, which was "
            "amended and supplemented under Resolution No. 77/2005/NQ-QH11 of December 2, 2005 of "
            "the National Assembly;")
    ex = extract(text, "en")
    const = _named(ex, "unclassified")
    assert len(const) == 1 and const[0].date == "1980"
    assert rels(text, "en") == {("amends", "77/2005/NQ-QH11", "unclassified:None")}


def test_a_constitution_in_no_relation_is_not_kept_and_lower_case_is_no_name():
    assert not _named(extract("The 1980 Constitution of the Socialist Republic of Vietnam was "
                              "discussed at the seminar.", "en"), "unclassified")
    ex = extract("The National Assembly passed a Resolution amending the constitution of the "
                 "club.", "en")
    assert not ex.doc_relations


# --- French laws named by title ----------------------------------------------------------------

def test_french_amending_law_titles_are_one_law_whatever_the_opener_and_article():
    text = ("Par la loi modifiant et complétant un certain nombre d'articles de la loi portant "
            "organisation des tribunaux populaires\n"
            "L'Assemblée nationale a adopté la loi modifiant et complétant un certain nombre "
            "d'articles de la loi sur l'organisation des tribunaux populaires. Le texte a aboli 9 "
            "articles de la loi actuelle sur l'organisation des tribunaux populaires. La loi "
            "modifiant et complétant un certain nombre d'articles de la loi sur l'organisation "
            "des tribunaux populaires réglementant le fonctionnement des tribunaux a été publiée.")
    ex = extract(text, "fr")
    laws = _named(ex, "law")
    assert len(laws) == 2, [ex.mentions[d.mentions[0]].text for d in laws]
    amending = next(d for d in laws if "modifiant" in ex.mentions[d.mentions[0]].text)
    amended = next(d for d in laws if d is not amending)
    assert len(amending.mentions) == 3 and len(amended.mentions) == 4
    assert not any("réglementant" in ex.mentions[i].text for i in amended.mentions)
    assert [(r.kind, r.source, r.target) for r in ex.doc_relations] == [
        ("amends", amending.id, amended.id)]


# --- codes and lists -----------------------------------------------------------------------------

def test_a_lower_case_word_glued_to_a_two_letter_issuer_is_cut_off():
    got = docs("Circular No. 77-TT/HUspecifying 5 tasks. Decision 78-QD/TWNgày 3.", "en")
    assert (None, "77", "77-TT/HU") in {(None, n, c) for _, n, c in got}
    assert {c for _, _, c in got} == {"77-TT/HU", "78-QD/TW"}


def test_a_type_words_abbreviation_cut_short_in_the_code_keeps_the_type_word():
    got = docs("The meeting reviewed Action Program No. 07-CT/TU on schools and Directive No. "
               "08-CT/TU on roads.", "en")
    assert ("programme", "07", "07-CT/TU") in got and ("directive", "08", "08-CT/TU") in got
    # a Party code's TT is no cut-short state abbreviation (TTLT): still of unknown type
    assert ("unclassified", "09", "09-TT/TU") in docs("Circular No. 09-TT/TU on tasks.", "en")


def test_the_last_number_of_a_list_may_be_followed_by_a_verb():
    got = docs("He said Resolutions 771, 772 and 780 address three areas.", "en")
    assert {n for _, n, _ in got} == {"771", "772", "780"}
    got = docs("He said Resolutions 771 and 780 address three areas.", "en")
    assert {n for _, n, _ in got} == {"771", "780"}
    # not a unit word, and not after a singular type word with one number
    assert {n for _, n, _ in docs("Resolutions 771, 772 and 5 years later.", "en")} == {"771", "772"}
    assert {n for _, n, _ in docs("Resolution 771 and 80 delegates met.", "en")} == {"771"}


def test_semicolon_items_each_with_their_own_cue_are_not_coordinated_objects():
    text = ("The conference reviewed Action Program No. 705-CTr/TU implementing Resolution No. "
            "771-NQ/TW on schools; Action Program No. 706-CTr/TU implementing Resolution No. "
            "772-NQ/TW on hospitals.")
    assert rels(text, "en") == {("implements", "705-CTr/TU", "771-NQ/TW"),
                                ("implements", "706-CTr/TU", "772-NQ/TW")}


# --- amendments noted after an object ------------------------------------------------------------

def test_a_bracketed_passive_note_is_about_the_object_right_before_it():
    text = ("Based on Article 5 of Decree 701/2031/ND-CP which provides amendments and supplements "
            "to several articles of Decree 702/2029/ND-CP regarding penalties in the field of "
            "fishing (amended and supplemented by Decree 703/2030/ND-CP), the specifics follow:")
    assert rels(text, "en") == {("amends", "701/2031/ND-CP", "702/2029/ND-CP"),
                                ("amends", "703/2030/ND-CP", "702/2029/ND-CP")}


def test_as_amended_by_after_a_decree_of_the_government_of_vietnam_and_its_subject():
    text = ("Amendments and supplements to certain articles of Decree No. 702/2029/ND-CP dated "
            "December 3, 2029 of the Government of Vietnam on penalties in the field of fishing as "
            "amended and supplemented by Decree No. 703/2030/ND-CP dated May 2, 2030.")
    assert rels(text, "en") == {("amends", "703/2030/ND-CP", "702/2029/ND-CP")}


# --- a programme named by its body's possessive ------------------------------------------------

def test_a_programme_named_by_a_bodys_possessive_implements_what_it_says():
    text = ("The ministry worked on the draft Government's Action Program to implement Resolution "
            "No. 766-NQ/TW of the Politburo on law-making (Action Program).")
    ex = extract(text, "en")
    prog = _named(ex, "programme")
    assert len(prog) == 1 and prog[0].issuer is not None
    assert [(r.kind, r.source) for r in ex.doc_relations] == [("implements", prog[0].id)]
    # lower case or no possessive body: no document
    assert not extract("The ministry worked on the draft government's action program to "
                       "implement Resolution No. 766-NQ/TW.", "en").doc_relations


def test_in_a_documents_own_text_the_possessive_programme_is_its_content():
    text = ("The Government’s Action Program to implement Resolution No. 767-NQ/TW\n\n"
            "No. 77/2031/NQ-CP\n\nHanoi, May 5, 2031\n\nRESOLUTION\n\n"
            "On the issuance of the Action Program of the Government.")
    got = rels(text, "en")
    assert got == {("implements", "77/2031/NQ-CP", "767-NQ/TW")}


def test_a_plan_to_organize_the_implementation_of_a_conclusion_and_a_plan():
    text = ("On May 3, 2031, the Standing Committee issued Plan No. 710-KH/TU on the detailed plan "
            "to organize the implementation of Conclusion No. 727-KL/TW, dated April 2, 2031 of "
            "the Politburo on implementing research and proposing to reorganize the apparatus and "
            "Plan No. 706-KH/TU, dated April 10, 2031 of the Provincial Party Executive Committee "
            "on implementing Conclusion No. 721-KL/TW, dated March 4, 2031 of the Central "
            "Committee.")
    assert rels(text, "en") == {("implements", "710-KH/TU", "727-KL/TW"),
                                ("implements", "710-KH/TU", "706-KH/TU"),
                                ("implements", "706-KH/TU", "721-KL/TW")}


# --- a plural back-reference to the documents listed before --------------------------------------

def test_a_plural_after_an_implementing_cue_names_the_last_list():
    text = ("Les délégués ont entendu 3 résolutions du Comité central : la résolution n° 781-NQ/TW "
            "sur les écoles ; la résolution n° 782-NQ/TW sur les routes et la résolution n° "
            "783-NQ/TW sur la santé. Le Comité a déployé le Plan n° 776-KH/HU, daté du 6 mai 2031, "
            "sur l'étude et la mise en œuvre des résolutions du Comité central.")
    assert rels(text, "fr") == {("implements", "776-KH/HU", c)
                                for c in ("781-NQ/TW", "782-NQ/TW", "783-NQ/TW")}
    en = ("The delegates heard Resolution No. 781-NQ/TW on schools and Resolution No. 782-NQ/TW on "
          "roads. The Committee issued Plan No. 776-KH/HU on implementing the resolutions of the "
          "plenum.")
    assert rels(en, "en") == {("implements", "776-KH/HU", "781-NQ/TW"),
                              ("implements", "776-KH/HU", "782-NQ/TW")}


def test_a_plural_with_no_list_before_names_nothing():
    text = ("The delegates heard Resolution No. 781-NQ/TW on schools. The Committee issued Plan No. "
            "776-KH/HU on implementing the resolutions of the plenum.")
    assert rels(text, "en") == set()
