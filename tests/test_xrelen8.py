"""Branch xrelen8 (issue 12): relations in English, French and Indonesian prose, and four
leftovers (a capitalised draft, invisible characters inside type words, slugs without a year,
letter-suffixed numbers in the ask path's code pattern). The sentences are written for these
tests (other documents and numbers than any gold page's)."""

from __future__ import annotations

import pytest

from partykg.ingest.extract import extract


def _rels(text: str, lang: str) -> set[tuple[str, str, str]]:
    ex = extract(text, lang)
    docs = {d.id: d for d in ex.documents}

    def name(d):
        return d.code or d.type

    return {(r.kind, name(docs[r.source]), name(docs[r.target])) for r in ex.doc_relations}


# --- a draft named by its type word, capitalised or not -----------------------------------------

@pytest.mark.parametrize("text, lang, want", [
    ("The district committee discussed the draft Plan to implement Directive No. 17-CT/TW of "
     "the Secretariat.", "en", ("implements", "plan", "17-CT/TW")),
    ("The board commented on the Draft Resolution replacing Resolution No. 44-NQ/TW.", "en",
     ("plannedToReplace", "resolution", "44-NQ/TW")),
    ("Le comité a examiné le projet de Résolution remplaçant la Résolution n° 44-NQ/TW.", "fr",
     ("plannedToReplace", "resolution", "44-NQ/TW")),
    ("Komite membahas Rancangan Resolusi yang menggantikan Resolusi Nomor 44-NQ/TW.", "id",
     ("plannedToReplace", "resolution", "44-NQ/TW")),
])
def test_a_capitalised_draft_is_a_planned_document(text, lang, want):
    assert want in _rels(text, lang)


def test_a_plural_draft_names_no_document():
    text = ("The meeting reviewed draft action programs to implement Resolution No. 91-NQ/TW "
            "and Resolution No. 92-NQ/TW.")
    assert not _rels(text, "en")


# --- the ask path reads a letter-suffixed number as the extractor does -------------------------

def test_ask_code_patterns_read_a_capital_letter_suffix():
    from partykg.ask import mentions, resolve
    from partykg.model import ids

    for text in ("24A-NQ/TW", "Nghị quyết 24A-NQ/TW", "7B/2019/NĐ-CP"):
        m = resolve._CODE.search(text)
        assert m is not None, text
        assert ids.parse_code(m.group(1)).number.lower() in ("24a", "7b")
    folded, _ = mentions.fold_map("what replaced 24A-NQ/TW?")
    assert [m.group(1) for m in mentions._CODE.finditer(folded)] == ["24a-nq/tw"]


def test_resolve_finds_a_document_by_its_code_with_a_capital_suffix(project_copy, tmp_path):
    from partykg.ask.resolve import resolve
    from partykg.ingest.importer import import_csv
    from partykg.store.embedded import KnowledgeGraph

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "code,type,issuer,date,title,replaces,amends,implements,guides,status,source_url,quote\n"
        "37b/2018/NĐ-CP,Nghị định,Chính phủ,2018-03-09,,,,,,,https://example.org/b,\n",
        encoding="utf-8")
    assert import_csv(sheet, root=project_copy).written
    kg = KnowledgeGraph.load(project_copy)
    for text in ("37b/2018/NĐ-CP", "37B/2018/NĐ-CP", "37B/2018/ND-CP"):
        res = resolve(kg, text)
        assert res.how == "code" and len(res.candidates) == 1, (text, res.how, res.candidates)


# --- a slug without a year ------------------------------------------------------------------------

def test_a_slug_without_a_year_reads_as_the_code_with_no_year():
    from partykg.ingest.extract import normal_code

    # (slugs written in the text: inside a web address a document is no mention since xmen9,
    # extract/urls.py)
    text = ("Toàn văn: nghi-quyet-so-27-nq-tw-cua-ban-chap-hanh và "
            "nghi-dinh-so-61-nd-cp.")
    codes = {(d.code, d.type) for d in extract(text, "vi").documents}
    assert codes == {("27-NQ/TW", "resolution"), ("61/ND-CP", "decree")}
    assert normal_code("27 nq tw") == "27-NQ/TW"
    assert normal_code("8-2019-tt-btc") == "8/2019/TT-BTC"  # with its year: as before
    # an abbreviation both forms use: the issuer tells ("nq-cp" is the Government's)
    assert normal_code("3-nq-cp") == "3/NQ-CP" and normal_code("40-qd-ubnd") == "40/QD-UBND"
    assert normal_code("9-hd-btgtw") == "9-HD/BTGTW"


# --- invisible characters inside type words ---------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("The Secretariat issued Reso\u00adlution No. 31-NQ/TW replacing Resolution No. 8-NQ/TW.", "en"),
    ("The Secretariat issued Resolution\u200bNo. 31-NQ/TW replacing Reso\u200dlution No. 8-NQ/TW.",
     "en"),
    ("Ban Bí thư ban hành Nghị\u200bquyết số 31-NQ/TW thay thế Nghị quy\u00adết số 8-NQ/TW.", "vi"),
    ("\ufeffLe Secrétariat a publié la Réso\u2060lution n° 31-NQ/TW remplaçant la Résolution "
     "n° 8-NQ/TW.", "fr"),
])
def test_invisible_characters_inside_type_words(text, lang):
    ex = extract(text, lang)
    assert ("replaces", "31-NQ/TW", "8-NQ/TW") in _rels(text, lang)
    first = next(d for d in ex.documents if d.code == "31-NQ/TW")
    assert first.issuer is not None  # the type word is read: its issuer too
    # offsets, sentences and mention texts stay the page's
    for m in ex.mentions:
        assert m.text == text[m.start:m.end]
    for s in ex.sentences:
        assert s.text == text[s.start:s.end]


def test_an_unnumbered_document_with_a_soft_hyphen_in_its_type_word():
    text = ("The plan continues to imple\u00adment the Reso\u00adlution of the 6th Plenum of the "
            "13th Party Central Committee.")
    plain = text.replace("\u00ad", "")
    assert _rels(text, "en") == _rels(plain, "en")
    assert _rels(plain, "en")  # the form is one the extractor relates


# --- a plenum's resolution named after a cue, without a determiner; a title after "entitled" ----

@pytest.mark.parametrize("text", [
    "The district issued Program No. 12-CTr/HU on continuing implementation of Resolution of "
    "the 6th Party Central Committee (tenure 12) on Party building.",
    "Plan No. 40-KH/TU dated June 3, 2019 of the Provincial Party Committee entitled “Raising "
    "the quality of cadres; continuing implementation of Resolution of the 7th Party Central "
    "Committee (tenure 12)”.",
])
def test_continuing_an_unnumbered_plenum_resolution(text):
    rels = _rels(text, "en")
    assert len(rels) == 1
    kind, src, dst = next(iter(rels))
    assert kind == "continues" and src.endswith(("CTr/HU", "KH/TU")) and dst == "resolution"


def test_a_bare_capitalised_type_word_after_a_cue_without_an_issuer_is_no_document():
    # no "of …" after the type word: nothing names one document
    assert not _rels("The committee continues to implement Resolution and Directive on time.",
                     "en")


# --- a law named by title after a coordinator without its article ------------------------------

def test_an_amending_law_amends_both_coordinated_titles_article_or_not():
    for sep in (" and ", " and the "):
        text = ("Pursuant to the Law on Amendments to some Articles of the Law on Forestry"
                f"{sep}Law on Fisheries dated June 14, 2021;")
        ex = extract(text, "en")
        names = {d.id: d.names[0] for d in ex.documents}
        got = {(r.kind, names[r.target]) for r in ex.doc_relations}
        assert got == {("amends", "Law on Forestry"), ("amends", "Law on Fisheries")}, sep


# --- a field line after a long title line is no continuation of it ------------------------------

def test_a_field_line_does_not_continue_a_long_title_line():
    text = ("Decree No. 31/2019/ND-CP detailing and guiding the implementation of a number of "
            "articles of the Law on Denunciations\nIssuing body: The Government\n")
    ex = extract(text, "en")
    assert [m.text for m in ex.mentions] == ["Decree No. 31/2019/ND-CP", "Law on Denunciations"]
    assert len(ex.sentences) == 2
    # a wrapped line that goes on in prose is still one sentence
    wrapped = ("The Government issued Decree No. 31/2019/ND-CP detailing a number of articles "
               "of the\nLaw on Denunciations, which takes effect soon.")
    assert len(extract(wrapped, "en").sentences) == 1


# --- a heading in capitals: the object's own subject is no list of objects ----------------------

def test_a_capitals_heading_does_not_list_the_object_of_its_objects_subject():
    text = ("No.: 18/2017/TT-BTC\nCIRCULAR\n\nON AMENDMENTS TO CIRCULAR NO. 40/2015/TT-BTC OF "
            "MAY 2, 2015 OF THE MINISTRY OF FINANCE ON GUIDELINES FOR THE GOVERNMENT'S DECREE "
            "NO. 63/2014/ND-CP DATED JUNE 26, 2014\n")
    rels = _rels(text, "en")
    assert ("amends", "18/2017/TT-BTC", "40/2015/TT-BTC") in rels
    assert not any(k == "amends" and dst == "63/2014/ND-CP" for k, _s, dst in rels)
    # in mixed case a body's possessive of several words still lists the next object
    text = ("Circular No. 18/2017/TT-BTC amends Circular No. 40/2015/TT-BTC and the Ministry of "
            "Finance's Circular No. 41/2015/TT-BTC.")
    assert {("amends", "18/2017/TT-BTC", "40/2015/TT-BTC"),
            ("amends", "18/2017/TT-BTC", "41/2015/TT-BTC")} <= _rels(text, "en")


# --- cues: a continuation with its article, implementing passives, the Indonesian "Dekrit" -------

@pytest.mark.parametrize("text, lang, want", [
    ("Conclusion No. 35-KL/TW continues the implementation of Resolution No. 9-NQ/TW.", "en",
     ("continues", "35-KL/TW", "9-NQ/TW")),
    ("Directive No. 28-CT/TW has been concretized by Plan No. 61-KH/TU of the provincial Party "
     "Committee.", "en", ("implements", "61-KH/TU", "28-CT/TW")),
    ("Resolution 36-NQ/TW is being implemented through Plan No. 14-KH/TU.", "en",
     ("implements", "14-KH/TU", "36-NQ/TW")),
    ("La Directive n° 28-CT/TW a été concrétisée par le Plan n° 61-KH/TU.", "fr",
     ("implements", "61-KH/TU", "28-CT/TW")),
    ("Dekrit Nomor 17/2021/ND-CP diganti dengan Dekrit Nomor 9/2023/ND-CP.", "id",
     ("replaces", "9/2023/ND-CP", "17/2021/ND-CP")),
    ("Surat Edaran Nomor 7/2022/TT-BNV memandu pelaksanaan Dekrit Nomor 30/2021/ND-CP.", "id",
     ("guides", "7/2022/TT-BNV", "30/2021/ND-CP")),
    ("Directive No. 33-CT/TW takes the place of Directive No. 2-CT/TW.", "en",
     ("replaces", "33-CT/TW", "2-CT/TW")),
    ("Circular No. 8/2021/TT-BNV provides detailed guidance on Decree No. 90/2020/ND-CP.", "en",
     ("guides", "8/2021/TT-BNV", "90/2020/ND-CP")),
    ("Circular No. 8/2021/TT-BNV provides instructions on the implementation of Decree No. "
     "90/2020/ND-CP.", "en", ("guides", "8/2021/TT-BNV", "90/2020/ND-CP")),
    ("Le Plan n° 20-KH/TU sur l'application de la Directive n° 31-CT/TW a été publié.", "fr",
     ("implements", "20-KH/TU", "31-CT/TW")),
    ("Le Règlement n° 77-QD/TW est venu remplacer le Règlement n° 5-QD/TW.", "fr",
     ("replaces", "77-QD/TW", "5-QD/TW")),
    ("La Conclusion n° 44-KL/TW sur la poursuite de l'application de la Résolution n° "
     "8-NQ/TW.", "fr", ("continues", "44-KL/TW", "8-NQ/TW")),
    ("Resolusi Nomor 36-NQ/TW dikonkretkan melalui Rencana Nomor 20-KH/TU.", "id",
     ("implements", "20-KH/TU", "36-NQ/TW")),
    ("Rencana Nomor 20-KH/TU bertujuan untuk mengkonkretkan Resolusi Nomor 36-NQ/TW.", "id",
     ("implements", "20-KH/TU", "36-NQ/TW")),
    ("Kesimpulan Nomor 30-KL/TW tentang terus mendorong pelaksanaan Resolusi Nomor 7-NQ/TW.",
     "id", ("continues", "30-KL/TW", "7-NQ/TW")),
])
def test_cues_of_en_fr_id_prose(text, lang, want):
    assert want in _rels(text, lang)


# --- an unnamed description in apposition to a numbered document is that document ---------------

@pytest.mark.parametrize("text, lang", [
    ("The new directive, Directive No. 41-CT/TW, replaces Directive No. 13-CT/TW.", "en"),
    ("The directive (Directive No. 41-CT/TW) replaces Directive No. 13-CT/TW.", "en"),
    ("La nouvelle directive, la Directive n° 41-CT/TW, remplace la Directive n° 13-CT/TW.", "fr"),
])
def test_an_apposed_description_is_the_numbered_document(text, lang):
    assert _rels(text, lang) == {("replaces", "41-CT/TW", "13-CT/TW")}


def test_a_description_before_a_list_is_no_apposition():
    ex = extract("The Politburo discussed the directive, Directive No. 41-CT/TW and Directive "
                 "No. 42-CT/TW.", "en")
    assert all(m.antecedent is None for m in ex.mentions if not m.strong)


# --- a participle cue's objects run on to the subject's verb ------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Decree No. 61/2023/ND-CP replacing Decree No. 12/2019/ND-CP and Decree No. 30/2020/ND-CP "
     "takes effect from May 1, 2023.", "en"),
    ("Regulation No. 140-QD/TW, replacing Regulation No. 12-QD/TW and Regulation No. 19-QD/TW, "
     "was signed by the Standing member of the Secretariat.", "en"),
    ("Le décret n° 61/2023/ND-CP remplaçant le décret n° 12/2019/ND-CP et le décret n° "
     "30/2020/ND-CP entre en vigueur le 1er mai 2023.", "fr"),
])
def test_a_participle_cue_reaches_both_coordinated_objects(text, lang):
    rels = _rels(text, lang)
    assert {k for k, _s, _d in rels} == {"replaces"} and len(rels) == 2


def test_a_finite_cue_still_stops_at_a_clause_of_the_next_document():
    rels = _rels("Directive No. 8-CT/TW replaced Directive No. 3-CT/TW and Directive No. 5-CT/TW "
                 "was issued later.", "en")
    assert rels == {("replaces", "8-CT/TW", "3-CT/TW")}


# --- a possessive determiner names one document as "the" does -----------------------------------

@pytest.mark.parametrize("text, lang, want", [
    ("The Government promulgated its Action Plan to implement Resolution No. 29-NQ/TW.", "en",
     ("implements", "plan", "29-NQ/TW")),
    ("Le Gouvernement a promulgué son programme d'action pour mettre en œuvre la Résolution n° "
     "29-NQ/TW.", "fr", ("implements", "programme", "29-NQ/TW")),
    ("The Government approved the Action Program for implementing Resolution No. 29-NQ/TW.",
     "en", ("implements", "programme", "29-NQ/TW")),
])
def test_a_possessive_determiner_names_the_plan(text, lang, want):
    assert want in _rels(text, lang)


# --- a report on (the draft of) a document's implementation reviews it: no relation -------------

@pytest.mark.parametrize("text, lang", [
    ("The meeting discussed the draft Report on the implementation of Resolution No. 26-NQ/TW.",
     "en"),
    ("Its Report on implementing Resolution No. 26-NQ/TW was presented.", "en"),
    ("The report on the implementation of Directive No. 11-CT/TW was adopted.", "en"),
    ("Les délégués ont examiné le projet de rapport sur la mise en œuvre de la Résolution n° "
     "26-NQ/TW.", "fr"),
    ("Para delegasi membahas Rancangan Laporan tentang pelaksanaan Resolusi Nomor 26-NQ/TW.",
     "id"),
])
def test_a_report_on_implementation_is_no_relation(text, lang):
    assert not _rels(text, lang)


def test_a_participle_after_an_issued_object_keeps_the_clause_stop():
    rels = _rels("The Politburo issued Directive No. 9-CT/TW replacing Directive No. 4-CT/TW and "
                 "Regulation No. 6-QD/TW was also issued.", "en")
    assert rels == {("replaces", "9-CT/TW", "4-CT/TW")}


# --- the one unnumbered plan or programme of an article -----------------------------------------

def _docs_of_type(text: str, lang: str, tkey: str):
    return [d for d in extract(text, lang).documents if d.type == tkey]


def test_two_descriptions_of_the_article_s_one_programme_are_one_document():
    text = ("The Standing Committee met to adopt the Action Program of the Provincial Party "
            "Committee to carry out the resolutions of the 9th plenum.\n"
            "Delegates then discussed the Action Program of the Provincial Party Committee to "
            "implement Resolution No. 61-NQ/TW of the Politburo.\n")
    progs = _docs_of_type(text, "en", "programme")
    assert len(progs) == 1 and len(progs[0].mentions) == 2


def test_a_description_with_a_demonstrative_or_another_issuer_stays_apart():
    text = ("Le Comité a publié le Programme d'action pour mettre en œuvre la Résolution n° "
            "61-NQ/TW.\nLe Programme d'action du Gouvernement sera publié plus tard.\n")
    progs = _docs_of_type(text, "fr", "programme")
    assert len(progs) == 1 and len(progs[0].mentions) == 1
    text = ("Ủy ban ban hành Kế hoạch thực hiện Nghị quyết số 61-NQ/TW.\n"
            "Kế hoạch này được triển khai trong năm.\n")
    plans = _docs_of_type(text, "vi", "plan")
    assert len(plans) == 1 and len(plans[0].mentions) == 1


def test_two_related_programmes_are_not_merged():
    text = ("The city issued the Action Program to implement Resolution No. 61-NQ/TW.\n"
            "The province adopted the Action Program to implement Resolution No. 62-NQ/TW.\n"
            "The Action Program was praised.\n")
    progs = _docs_of_type(text, "en", "programme")
    assert all(len(d.mentions) == 1 for d in progs)


# --- a document on drawing up a plan does not implement what the plan will --------------------

@pytest.mark.parametrize("text, lang", [
    ("The Steering Committee issued Official Dispatch No. 07-CV/BCĐTW on developing an Action "
     "Plan to implement Resolution No. 52-NQ/TW of the Politburo.", "en"),
    ("Le Comité a publié la dépêche officielle n° 07-CV/BCĐTW sur l'élaboration d'un plan pour "
     "mettre en œuvre la Résolution n° 52-NQ/TW.", "fr"),
])
def test_a_document_on_drawing_up_a_plan_implements_nothing(text, lang):
    assert not any(src == "07-CV/BCĐTW" for _k, src, _d in _rels(text, lang))


def test_a_document_on_the_plan_itself_still_implements():
    text = ("The Government issued Resolution No. 19/NQ-CP on the Action Plan to implement "
            "Resolution No. 52-NQ/TW of the Politburo.")
    assert ("implements", "19/NQ-CP", "52-NQ/TW") in _rels(text, "en")


# --- a numbered provision amended with no agent: the text's amending document amends it --------

@pytest.mark.parametrize("text, lang", [
    ("CIRCULAR 21/2023/TT-BTC AMENDING CIRCULAR 50/2020/TT-BTC\n"
     "On June 1, 2023, the Ministry of Finance issued Circular No. 21/2023/TT-BTC.\n"
     "In addition, Clause 2, Article 4 of Circular 51/2020/TT-BTC is amended as follows.\n", "en"),
    ("N° : 21/2023/TT-BTC\nCIRCULAIRE\n"
     "Le point 2 de l'article 4 de la circulaire n° 51/2020/TT-BTC est modifié comme suit :\n",
     "fr"),
])
def test_an_agentless_amended_provision(text, lang):
    assert ("amends", "21/2023/TT-BTC", "51/2020/TT-BTC") in _rels(text, lang)


@pytest.mark.parametrize("text", [
    # an agent named: the ordinary passive cue's relation, not the text's document's
    "Circular 21/2023/TT-BTC amends Circular 50/2020/TT-BTC.\n"
    "Article 4 of Circular 51/2020/TT-BTC is amended by Circular 9/2022/TT-BTC.\n",
    # no numbered provision: a content is no part of the document's text
    "Circular 21/2023/TT-BTC amends Circular 50/2020/TT-BTC.\n"
    "The content of Circular 51/2020/TT-BTC is supplemented with new tasks.\n",
    # two amending documents before: no single agent
    "Circular 21/2023/TT-BTC amends Circular 50/2020/TT-BTC.\n"
    "Circular 22/2023/TT-BTC amends Circular 30/2020/TT-BTC.\n"
    "Article 4 of Circular 51/2020/TT-BTC is amended.\n",
])
def test_no_agentless_amendment_without_a_single_agent(text):
    assert not any(k == "amends" and d == "51/2020/TT-BTC" and s in ("21/2023/TT-BTC",
                                                                     "22/2023/TT-BTC")
                   for k, s, d in _rels(text, "en"))


# --- a fronted purpose whose object is a pronoun --------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("On June 2, the Politburo issued Resolution No. 33-NQ/TW. To implement it, the Government "
     "adopted Resolution No. 90/NQ-CP on key tasks.", "en"),
    ("Le 2 juin, le Bureau politique a publié la Résolution n° 33-NQ/TW. Pour la mettre en œuvre, "
     "le Gouvernement a adopté la Résolution n° 90/NQ-CP.", "fr"),
    ("Pada 2 Juni, Politbiro mengeluarkan Resolusi Nomor 33-NQ/TW. Untuk melaksanakannya, "
     "Pemerintah mengeluarkan Resolusi Nomor 90/NQ-CP.", "id"),
])
def test_to_implement_it_refers_to_the_document_before(text, lang):
    assert ("implements", "90/NQ-CP", "33-NQ/TW") in _rels(text, lang)


def test_to_implement_it_after_two_documents_is_no_guess():
    text = ("The Politburo issued Resolution No. 33-NQ/TW and Resolution No. 34-NQ/TW. To "
            "implement it, the Government adopted Resolution No. 90/NQ-CP.")
    assert not any(s == "90/NQ-CP" for _k, s, _d in _rels(text, "en"))


# --- a subject that runs on after a semicolon, then the document's coming into force ------------

def test_a_subject_run_on_then_in_force_then_replaces():
    text = ("Decree No. 44/2019/ND-CP dated May 3, 2019 of the Government on management of "
            "public assets; inspection of state-owned enterprises took effect as from July 1, "
            "2019 and replaced Decree No. 9/2016/ND-CP dated February 1, 2016.")
    assert ("replaces", "44/2019/ND-CP", "9/2016/ND-CP") in _rels(text, "en")


def test_a_new_subject_after_the_semicolon_is_not_a_run_on():
    text = ("Decree No. 44/2019/ND-CP of the Government on management of public assets; the "
            "new rules took effect as from July 1, 2019 and replaced Decree No. 9/2016/ND-CP.")
    assert ("replaces", "44/2019/ND-CP", "9/2016/ND-CP") not in _rels(text, "en")


# --- an amending law named without its year is the one dated amending law of the same law -------

def test_an_undated_amending_title_is_the_dated_one():
    text = ("Decree No. 12/2003/ND-CP guiding the Law Amending and Supplementing a number of "
            "Articles of the Law on Forestry\n"
            "Pursuant to the law on forestry dated July 12, 1991 and the law on amendments, "
            "supplements to a number of articles of the law on forestry dated June 2, 2001;\n")
    ex = extract(text, "en")
    amending = [d for d in ex.documents if any(
        ex.mentions[i].name_key and ex.mentions[i].name_key[1] == "amends" for i in d.mentions)]
    assert len(amending) == 1 and len(amending[0].mentions) == 2


# --- a passive with a time phrase before its agent ----------------------------------------------

@pytest.mark.parametrize("text, lang, want", [
    ("Decree No. 25/2019/ND-CP was replaced on March 1, 2023 by Decree No. 8/2023/ND-CP.", "en",
     ("replaces", "8/2023/ND-CP", "25/2019/ND-CP")),
    ("Decree No. 25/2019/ND-CP was amended in 2021 by Decree No. 8/2021/ND-CP.", "en",
     ("amends", "8/2021/ND-CP", "25/2019/ND-CP")),
    ("Le décret n° 25/2019/ND-CP a été remplacé le 1er mars 2023 par le décret n° 8/2023/ND-CP.",
     "fr", ("replaces", "8/2023/ND-CP", "25/2019/ND-CP")),
    ("Keputusan Nomor 25/QD-TTg telah digantikan pada 1 Maret 2023 oleh Keputusan Nomor "
     "8/QD-TTg.", "id", ("replaces", "8/QD-TTg", "25/QD-TTg")),
])
def test_a_passive_with_a_date_before_its_agent(text, lang, want):
    assert want in _rels(text, lang)


def test_an_issuing_passive_with_a_date_is_no_relation():
    text = ("Decree No. 25/2019/ND-CP on fines was issued on March 1, 2019 by the Government and "
            "Decree No. 8/2023/ND-CP followed.")
    assert not _rels(text, "en")


# --- a code (Bộ luật) is a law: "the Labor Code", "THE CIVIL CODE" -----------------------------

def test_a_code_named_by_title_is_a_law():
    text = ("Decree No. 35/2022/ND-CP Guiding Some Articles of The Civil Code on Contracts\n"
            "Pursuant to the Civil Code dated November 24, 2015;\n")
    ex = extract(text, "en")
    law = [d for d in ex.documents if d.type == "law"]
    assert len(law) == 1 and ("guides", "35/2022/ND-CP", "law") in _rels(text, "en")
