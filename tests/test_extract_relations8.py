"""Relation rules of the eighth round for English, French and Indonesian prose (issue 12), from a
precision audit of the corpus pages (`scripts/eval_corpus --all --errors --lang=en,fr,id`) and
probes of real shapes: each test paraphrases the shape of a real sentence (invented numbers,
generic bodies), with the case the rule must still keep."""
from __future__ import annotations

import pytest

from extract_helpers import docs, rels
from partykg.ingest.extract import extract


# --- a possessive programme promulgated by another document is not the header's (named.py) -----

HEADER = ("THE PRIME MINISTER | | THE SOCIALIST REPUBLIC OF VIETNAM |\n"
          "No. 730/QD-TTg | | Hanoi, March 28, 2023 |\nDECISION\n"
          "Approving the Plan of Action for investment cooperation\nTHE PRIME MINISTER\n")


def test_a_possessive_programme_another_document_promulgates_is_that_documents():
    text = HEADER + ("Article 1. Ministries shall perform tasks assigned to them in: (i) the "
                     "Government's Resolution No. 731/NQ-CP of April 27, 2020, promulgating the "
                     "Government's Program of Action to implement the Political Bureau's Resolution "
                     "No. 732-NQ/TW of August 20, 2019, on orientations; (ii) the Prime Minister's "
                     "Decision No. 733/QD-TTg of October 2, 2019.")
    got = rels(text, "en")
    assert ("implements", "731/NQ-CP", "732-NQ/TW") in got
    assert not any(s == "730/QD-TTg" and t == "732-NQ/TW" for k, s, t in got)


def test_a_possessive_programme_of_the_header_is_still_the_headers():
    text = ("THE GOVERNMENT | | THE SOCIALIST REPUBLIC OF VIETNAM |\nNo. 734/NQ-CP | | Hanoi, "
            "April 27, 2020 |\nRESOLUTION\nTHE GOVERNMENT\nArticle 1. To promulgate together with "
            "this Resolution the Government's Program of Action to implement the Political "
            "Bureau's Resolution No. 735-NQ/TW of August 20, 2019.")
    assert ("implements", "734/NQ-CP", "735-NQ/TW") in rels(text, "en")


# --- a document issued under an indefinite article (indefissued.py) ----------------------------

@pytest.mark.parametrize("lang,text,kind,target", [
    ("en", "The Government has issued a decree replacing Decree No. 740/2020/ND-CP.",
     "replaces", "740/2020/ND-CP"),
    ("en", "The Government issued a resolution on its action programme to implement the "
           "Politburo's Resolution No. 741-NQ/TW.", "implements", "741-NQ/TW"),
    ("fr", "Le gouvernement a publié le 16 novembre une résolution sur son programme d'action pour "
           "mettre en œuvre la Résolution 742-NQ/TW du Bureau politique.", "implements",
     "742-NQ/TW"),
    ("id", "Pemerintah telah menerbitkan sebuah dekret yang menggantikan Dekret Nomor "
           "743/2020/ND-CP.", "replaces", "743/2020/ND-CP"),
])
def test_a_document_issued_under_an_indefinite_article_takes_its_cue(lang, text, kind, target):
    assert any(k == kind and s.endswith(":None") and t == target
               for k, s, t in rels(text, lang))


@pytest.mark.parametrize("text", [
    "The Government has issued resolutions to implement Resolution No. 744-NQ/TW.",  # plural
    "The Politburo has a plan to implement Resolution No. 744-NQ/TW.",  # a bare verb
    "The province issued a plan to summarize 10 years of implementing Resolution No. 744-NQ/TW.",
    "The Politburo issued a conclusion on the inspection. Localities must implement Resolution "
    "No. 744-NQ/TW.",  # no cue after it in its sentence
])
def test_an_indefinite_document_is_not_read_where_nothing_is_issued_or_related(text):
    assert rels(text, "en") == set()


# --- a part of the document between an amending cue and it (partgap.py) -----------------------

@pytest.mark.parametrize("lang,text,src,dst", [
    ("en", "Circular No. 760/2001/TT-BTC dated April 3, 2001 of the Ministry of Finance guiding "
           "the amendments to a number of points in the Finance Ministry's Circular No. "
           "761/1999/TT-BTC dated May 10, 1999.", "760/2001/TT-BTC", "761/1999/TT-BTC"),
    ("fr", "Le décret n° 762/2020/ND-CP modifiant certains articles du décret n° 763/2018/ND-CP.",
     "762/2020/ND-CP", "763/2018/ND-CP"),
])
def test_a_part_of_the_document_does_not_stop_an_amending_cue(lang, text, src, dst):
    assert ("amends", src, dst) in rels(text, lang)


def test_a_part_gap_does_not_turn_a_replacement_of_a_part_into_a_replacement():
    text = ("Circular No. 764/2001/TT-BTC replaces a number of points in Circular No. "
            "765/1999/TT-BTC.")
    assert not any(k == "replaces" for k, s, t in rels(text, "en"))


# --- a participle right after a document's date is that document's (relations._in_own_phrase) --

def test_a_participle_right_after_an_objects_date_is_the_objects():
    text = ("Circular No. 766/2001/TT-BTC guiding the amendments to a number of points in "
            "Circular No. 767/1999/TT-BTC dated May 10, 1999 guiding the implementation of "
            "Decree No. 768/1999/ND-CP on charges.")
    got = rels(text, "en")
    assert ("guides", "767/1999/TT-BTC", "768/1999/ND-CP") in got
    assert ("guides", "766/2001/TT-BTC", "768/1999/ND-CP") not in got


def test_after_a_comma_the_participle_stays_the_subjects():
    text = ("Decree No. 769/2020/ND-CP amends Decree No. 770/2015/ND-CP dated May 10, 2015, "
            "replacing Decree No. 771/2010/ND-CP.")
    got = rels(text, "en")
    assert ("replaces", "770/2015/ND-CP", "771/2010/ND-CP") not in got


# --- an untyped code named with its capitalised subject (letters.py) ----------------------------

def test_an_untyped_code_named_with_its_subject_is_the_object_of_its_cue():
    text = ("On 21 June 2012, the National Assembly ratified Law on Advertising No. 780/2012/QH13 "
            "that will take effect on 1 January 2013 ( Advertising Law ), and replace the "
            "Ordinance on Advertising No. 781/2001/PL-UBTVQH issued by the Standing Committee.")
    ex = extract(text, "en")
    names = {n for d in ex.documents for n in d.names}
    assert "Ordinance on Advertising No. 781/2001/PL-UBTVQH" in names
    assert ("replaces", "780/2012/QH13", "781/2001/PL-UBTVQH") in rels(text, "en")


# --- a French page without accents (patterns.FOLDED_LANGS, CONGRESS_WORDS) ---------------------

def test_a_french_page_without_accents_names_its_documents():
    text = ("Le programme d'action vise a concretiser et a organiser efficacement la mise en "
            "œuvre de la resolution du XIVe Congres du Parti en suivant de pres les objectifs.")
    ex = extract(text, "fr")
    names = {n for d in ex.documents for n in d.names}
    assert any(n.startswith("resolution du XIVe Congres") for n in names)
    assert ("implements", "programme:None", "resolution:None") in rels(text, "fr")


# --- a cue glued to the capitalised word after it (patterns.cue_re) ------------------------------

def test_a_cue_glued_to_its_object_still_relates():
    text = ("Party General Secretary has signed off Regulation No. 790-QD/TW on discipline.\n\n"
            "The regulation, replacingRegulation No. 791-QD/TW issued on November 1, 2011, aims "
            "to enhance discipline.")
    assert ("replaces", "790-QD/TW", "791-QD/TW") in rels(text, "en")


def test_a_cue_word_inside_a_longer_word_is_no_cue():
    text = "Regulation No. 792-QD/TW on replacingsRegulation No. 793-QD/TW."
    assert rels(text, "en") == set()


def test_an_issued_description_is_the_one_numbered_document_of_its_type_named_after_it():
    lead = ("The Government has issued a resolution on its action programme to implement the "
            "Politburo's Resolution No. 745-NQ/TW. Resolution No. 746/NQ-CP sets out tasks.")
    assert rels(lead, "en") == {("implements", "746/NQ-CP", "745-NQ/TW")}
    two = lead + " Resolution No. 747/NQ-CP does too."
    assert rels(two, "en") == {("implements", "resolution:None", "745-NQ/TW")}


# --- a second issued document is no coordinated object of the first's cue (follow._coordinated) -

def test_a_second_issued_document_with_its_own_subject_is_not_the_cues_object():
    text = ("The Secretariat issued Conclusion No. 750-KL/TW on continuing to implement Directive "
            "No. 751-CT/TW of the Politburo, and Regulation No. 752-QD/TW on the responsibility "
            "of cadres.")
    got = rels(text, "en")
    assert ("continues", "750-KL/TW", "751-CT/TW") in got
    assert not any(t == "752-QD/TW" for k, s, t in got)


def test_objects_coordinated_without_subjects_of_their_own_are_still_objects():
    text = ("The Politburo issued Conclusion No. 753-KL/TW on continuing to implement Directive "
            "No. 754-CT/TW and Resolution No. 755-NQ/TW.")
    assert ("continues", "753-KL/TW", "755-NQ/TW") in rels(text, "en")


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le gouvernement a adopté la résolution n° 756/NQ-CP sur le programme d'action pour "
           "mettre en œuvre la résolution n° 757-NQ/TW, ainsi que le décret n° 758/2025/ND-CP sur "
           "les frais."),
    ("id", "Pemerintah menerbitkan Resolusi Nomor 756/NQ-CP tentang Program Aksi untuk "
           "melaksanakan Resolusi Nomor 757-NQ/TW dan Dekret Nomor 758/2025/ND-CP tentang biaya."),
])
def test_a_second_issued_document_in_french_and_indonesian(lang, text):
    got = rels(text, lang)
    assert ("implements", "756/NQ-CP", "757-NQ/TW") in got
    assert not any(t == "758/2025/ND-CP" for k, s, t in got)


def test_a_cited_object_with_its_own_date_and_issuer_is_still_an_object():
    text = ("The Standing Committee issued Plan No. 759-KH/TU on the plan to organize the "
            "implementation of Conclusion No. 760-KL/TW, dated February 28, 2025 of the Politburo "
            "and Plan No. 761-KH/TU, dated March 10, 2025 of the Provincial Party Executive "
            "Committee on implementing Conclusion No. 762-KL/TW.")
    assert ("implements", "759-KH/TU", "761-KH/TU") in rels(text, "en")


def test_a_coordinated_document_with_a_verb_of_its_own_opens_a_clause():
    text = ("Resolution No. 763-NQ/TW on education was issued in August. It replaced Resolution "
            "No. 764-NQ/TW and Conclusion No. 765-KL/TW continued to be implemented.")
    got = rels(text, "en")
    assert ("replaces", "763-NQ/TW", "764-NQ/TW") in got
    assert not any(t == "765-KL/TW" for k, s, t in got)


# --- an object of a verb is no coordinated subject (coordsubjects._cue_object) -----------------

def test_a_document_a_verb_governs_is_not_a_subject_coordinated_with_the_next():
    text = ("Party committees must implement Directive No. 770-CT/TW and the Action Program of the "
            "Provincial Party Committee to implement Resolution No. 771-NQ/TW.")
    got = rels(text, "en")
    assert ("implements", "programme:None", "771-NQ/TW") in got
    assert ("implements", "770-CT/TW", "771-NQ/TW") not in got


# --- a fronted sentence with a main clause of its own (frontnext._main_clause) -----------------

def test_a_fronted_clause_with_its_own_main_clause_does_not_reach_the_next_sentence():
    text = ("Implementing Resolution No. 772-NQ/TW, the province has merged departments. The "
            "Provincial Party Committee issued Plan No. 773-KH/TU on tourism.")
    assert rels(text, "en") == set()


def test_a_fronted_sentence_without_a_main_clause_still_reaches_the_next():
    text = ("Implementing Conclusion No. 774-KL/TW, dated February 28, 2025 of the Politburo on "
            "continuing to reorganize the apparatus. The Standing Committee issued Plan No. "
            "775-KH/TU.")
    assert ("implements", "775-KH/TU", "774-KL/TW") in rels(text, "en")


def test_a_coordinated_document_with_a_finite_verb_and_an_object_opens_a_clause():
    text = "Decree 776 was replaced by Decree 777, and Decree 778 amended Decree 776."
    got = rels(text, "en")
    assert ("replaces", "decree:777", "decree:776") in got
    assert ("replaces", "decree:778", "decree:776") not in got


# --- passive relatives, coordinated objects before a participle, review words ------------------

def test_a_relative_passive_cue_is_about_the_document_before_the_relative():
    text = ("Decree No. 780/2025/ND-CP amends and supplements a number of articles of Decree No. "
            "781/2020/ND-CP on invoices, which was amended by Decree No. 782/2022/ND-CP.")
    got = rels(text, "en")
    assert ("amends", "780/2025/ND-CP", "781/2020/ND-CP") in got
    assert ("amends", "782/2022/ND-CP", "781/2020/ND-CP") in got
    assert ("amends", "782/2022/ND-CP", "780/2025/ND-CP") not in got


def test_a_participle_after_coordinated_objects_is_the_subjects():
    text = ("Circular No. 783/2025/TT-BTC guides Decree No. 784/2020/ND-CP and Decree No. "
            "785/2025/ND-CP, replacing Circular No. 786/2021/TT-BTC.")
    got = rels(text, "en")
    assert ("replaces", "783/2025/TT-BTC", "786/2021/TT-BTC") in got
    assert ("guides", "783/2025/TT-BTC", "785/2025/ND-CP") in got
    assert ("replaces", "785/2025/ND-CP", "786/2021/TT-BTC") not in got


def test_a_summary_of_the_implementation_is_no_implementation():
    text = ("Politbiro mengeluarkan Kesimpulan Nomor 787-KL/TW tentang ringkasan pelaksanaan "
            "Resolusi Nomor 788-NQ/TW.")
    assert rels(text, "id") == set()


def test_a_relative_passive_note_after_a_long_description_is_about_the_document():
    text = ("The Government issues a Decree amending a number of articles of Decree No. "
            "790/2016/ND-CP dated September 1, 2016 of the Government defining the functions, "
            "tasks and powers of ministries and ministerial-level agencies that has been amended "
            "by Decree No. 791/2020/ND-CP dated August 28, 2020 of the Government; Decree No. "
            "792/2016/ND-CP dated February 1, 2016 of the Government on Government agencies.")
    got = rels(text, "en")
    assert ("amends", "791/2020/ND-CP", "790/2016/ND-CP") in got
    assert not any(s == "792/2016/ND-CP" for k, s, t in got)  # (no agent after the ";")


def test_a_french_fronted_clause_with_its_own_main_clause_does_not_reach_the_next_sentence():
    text = ("Pour mettre en œuvre la résolution n° 793-NQ/TW, le ministère a organisé une "
            "conférence. Le comité populaire a publié le plan n° 794/KH-UBND.")
    assert rels(text, "fr") == set()


# --- French law titles: "loi sur l'amendement et le complément …", "du" inside a title --------

def test_a_french_amending_law_title_names_both_laws_it_amends():
    text = ("Le même jour, l’Assemblée nationale a adopté la loi sur l’amendement et le complément "
            "de certains articles de la loi sur l’organisation du gouvernement et de la loi sur "
            "l’organisation des administrations locales.")
    ex = extract(text, "fr")
    names = {n for d in ex.documents for n in d.names}
    assert "loi sur l’organisation du gouvernement" in names
    assert "loi sur l’organisation des administrations locales" in names
    assert sum(1 for r in ex.doc_relations if r.kind == "amends") == 2


def test_a_french_law_title_still_stops_at_its_date():
    text = ("La loi modifiant et complétant certains articles de la loi sur l’organisation du "
            "gouvernement du 19 juin 2015 a été adoptée.")
    names = {n for d in extract(text, "fr").documents for n in d.names}
    assert not any("2015" in n for n in names)


# --- "the Law on Amending and Supplementing …" issued by a header whose code leaves its type open

def test_a_header_of_open_type_is_the_law_its_text_promulgates():
    text = ("THE NATIONAL ASSEMBLY\nNo. 795/2025/QH15\nPursuant to the Constitution of the "
            "Socialist Republic of Vietnam;\nThe National Assembly promulgates the Law on Amending "
            "and Supplementing a Number of Articles of the Law No. 796/2014/QH13 on Organization "
            "of the National Assembly.")
    assert rels(text, "en") == {("amends", "795/2025/QH15", "796/2014/QH13")}
    assert ("law", "795", "795/2025/QH15") in docs(text, "en")
