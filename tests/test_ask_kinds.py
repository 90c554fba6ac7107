"""`partykg ask` by kind of question (issue 10): who holds a post (never a card for the post), who
heads or sits on a body, who chaired an event, what a body drafts or receives, drafted / submitted
/ approved in both voices, in English, Vietnamese, French and Indonesian. Asked of the seed graph;
the expected people, bodies, events and documents come from the seed articles."""
from __future__ import annotations

import pytest

from partykg.ask.answer import answer
from partykg.ask.bank import ask_json

BTS, NPT, VVT, NHN = ("person/bui-thanh-son", "person/nguyen-phu-trong", "person/vo-van-thuong",
                      "person/nguyen-hoai-nam")


def _iris(data) -> str:
    import json

    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("question, intent, holder, year", [
    ("Minister of Foreign Affairs in 2023?", "post_holder", BTS, "2023"),
    ("Vietnam's foreign minister as of 2021", "post_holder", BTS, "2021"),
    ("the foreign minister of Vietnam", "post_holder", BTS, "2025"),
    ("who is the general secretary of the communist party of vietnam", "post_holder", NPT, "2023"),
    ("Bộ trưởng Ngoại giao hiện nay", "post_holder", BTS, "2025"),
    ("người giữ chức Tổng Bí thư", "post_holder", NPT, "2023"),
    ("le ministre des Affaires étrangères en 2023 ?", "post_holder", BTS, "2023"),
    ("Menteri Luar Negeri Vietnam saat ini", "post_holder", BTS, "2025"),
    ("who is head of the mofa party committee", "body_members", BTS, "2025"),
    ("qui est secrétaire du Comité du Parti du ministère des Affaires étrangères", "post_holder",
     BTS, "2025"),
    ("qui est le chef du Comité du Parti du ministère des Affaires étrangères", "body_members",
     BTS, "2025"),
    ("siapa kepala Komite Partai Kementerian Luar Negeri", "body_members", BTS, "2025"),
    ("who's on the politburo?", "body_members", VVT, "2021"),
    ("who was in charge of the foreign ministry in 2021", "body_members", BTS, "2021"),
    # "ROLE of OWNER's BODY": the owner is part of the body's name
    ("who was secretary of the ministry's party personnel committee", "post_holder", BTS, "2021"),
    ("which official chairs the ministry of foreign affairs party committee", "body_members", BTS,
     "2025"),
])
def test_a_post_question_answers_its_holder_not_a_card(seed_kg, question, intent, holder, year):
    code, data = ask_json(seed_kg, question, None)
    assert code == 0 and data["intent"] == intent, data["text"]
    assert holder in _iris(data["answers"]) and year in data["text"]


def test_a_role_word_keeps_the_bodys_post_of_that_role(seed_kg):
    """"Who heads BODY" names its head, not every member; "who sits on BODY" its members."""
    a = answer(seed_kg, "who is head of the mofa party committee")
    posts = {it["post"]["id"] for it in a.answers}
    assert posts == {"post/secretary-of-the-mofa-party-committee"}, a.text


def test_no_holder_by_the_year_asked_says_so(seed_kg):
    a = answer(seed_kg, "who was foreign minister in 2019")
    assert a.status == "answered" and not a.answers and "2019" in a.text


def test_at_the_time_of_an_event_dates_a_post_question(seed_kg):
    a = answer(seed_kg, "who was the foreign minister at the time of the 32nd diplomatic conference")
    assert a.answers and all(it["as_of"] <= "2023-12-18" for it in a.answers), a.text
    assert "2025" not in a.text.split("Sources")[0]


def test_what_is_a_post_stays_a_card(seed_kg):
    """"X là gì" asks what the post is."""
    a = answer(seed_kg, "Bộ trưởng Ngoại giao là gì")
    assert a.intent == "card"
    assert answer(seed_kg, "Bộ trưởng Ngoại giao năm 2021").intent == "post_holder"


@pytest.mark.parametrize("question, intent, expected", [
    ("what was submitted to the politburo", "submitted_to_body",
     "doc/unknown/da/foreign-relations-for-sustainable-development"),
    ("which documents were submitted to the standing committee of the mofa party committee",
     "submitted_to_body", "doc/dub/qc/executive-committee-working-regulations-2025-2030"),
    ("văn bản nào được trình Bộ Chính trị", "submitted_to_body",
     "doc/unknown/da/foreign-relations-for-sustainable-development"),
    ("qu'est-ce qui a été soumis au Secrétariat", "submitted_to_body",
     "doc/dub/da/regulation-on-inspection-and-supervision-abroad"),
    ("dokumen apa yang diajukan kepada Politbiro", "submitted_to_body",
     "doc/unknown/da/foreign-relations-for-sustainable-development"),
    ("what is the mofa party committee drafting", "drafts_of_body",
     "doc/unknown/ct/new-directive-on-overseas-party-work"),
    ("Đảng ủy Bộ Ngoại giao xây dựng những văn bản gì", "drafts_of_body",
     "doc/unknown/ct/new-directive-on-overseas-party-work"),
    ("who submits the project on inspection and supervision of party organisations abroad to the "
     "secretariat", "drafted_by", "body/mofa-party-committee"),
    ("the project on inspection and supervision of party organisations abroad goes to which body",
     "submitted_to", "body/secretariat"),
    ("proyek peraturan tentang inspeksi dan pengawasan organisasi partai di luar negeri diserahkan "
     "kepada siapa", "submitted_to", "body/secretariat"),
    ("who is building the new directive to replace directive 51", "drafted_by",
     "body/mofa-party-committee"),
    ("siapa yang membuat arahan baru tentang kerja partai di luar negeri", "drafted_by",
     "body/mofa-party-committee"),
    ("who approved the resolution of the 13th national party congress", "approved_at",
     "event/13th-national-party-congress"),
    ("who approved Directive 51", "issuer", "body/secretariat"),
    ("which body deployed the project on inspection and supervision abroad", "drafted_by",
     "body/mofa-party-committee"),
    ("what is the project on inspection and supervision abroad for", "proposes",
     "doc/unknown/qd/inspection-and-supervision-of-party-organisations-and-members-abroad"),
])
def test_drafted_submitted_approved_both_ways(seed_kg, question, intent, expected):
    code, data = ask_json(seed_kg, question, None)
    assert code == 0 and data["intent"] == intent, data["text"]
    assert expected in _iris(data["answers"]), data["text"]


@pytest.mark.parametrize("question, intent, expected", [
    ("Hội nghị Ngoại giao 32 được tổ chức khi nào", "event_when", "2023"),
    ("quand a été organisée la 32e conférence diplomatique", "event_when", "2023"),
    ("how long did the 32nd diplomatic conference last", "event_when", "23"),
    ("what resolution came out of the 13th national party congress", "event_adopted",
     "resolution-of-the-13th-national-party-congress"),
    ("apa yang dihasilkan Kongres Nasional Partai ke-13", "event_adopted",
     "resolution-of-the-13th-national-party-congress"),
    ("who ran the conference on party building and overseas party work at the 31st diplomatic "
     "conference", "event_chair", "vo-van-thuong"),
    ("who was behind the 32nd diplomatic conference", "event_organiser", "ministry-of-foreign-affairs"),
    ("Hội nghị Ngoại giao 32 do cơ quan nào tổ chức", "event_organiser", "ministry-of-foreign-affairs"),
    ("who held the conference on party building and overseas branches work", "event_organiser",
     "ministry-of-foreign-affairs"),
    ("on which day was the plenary session on party building and overseas party work",
     "event_when", "2023-12-22"),
    # a person's side of "chaired"
    ("which conference did vo van thuong chair", "person_chaired", "31st-diplomatic-conference-party-building"),
    ("Bùi Thanh Sơn đã chủ trì hội nghị nào", "person_chaired", "mofa-party-committee-conference-2023-tasks"),
])
def test_events_when_who_what(seed_kg, question, intent, expected):
    code, data = ask_json(seed_kg, question, None)
    assert code == 0 and data["intent"] == intent, data["text"]
    assert expected in _iris(data), data["text"]


@pytest.mark.parametrize("question, intent, expected", [
    # words of a session's name at an event named in full: the event's session
    ("qui a présidé la conférence sur la construction du parti lors de la 31e conférence diplomatique",
     "event_chair", "person/vo-van-thuong"),
    ("siapa yang memimpin konferensi partai pada konferensi diplomatik ke-31", "event_chair",
     "person/vo-van-thuong"),
    # a session asked what it is part of
    ("the plenary session on party building of the 32nd diplomatic conference is part of what",
     "event_parent", "event/32nd-diplomatic-conference"),
    # the articles' own names of events, in their languages
    ("siapa yang memimpin Konferensi untuk menyebarkan tugas kerja Partai pada tahun 2023",
     "event_chair", "person/bui-thanh-son"),
])
def test_sessions_of_events(seed_kg, question, intent, expected):
    code, data = ask_json(seed_kg, question, None)
    assert code == 0 and data["intent"] == intent, data["text"]
    assert expected in _iris(data["answers"]), data["text"]


@pytest.mark.parametrize("question, inside, outside", [
    ("which documents were issued before 2010", "doc/tw/ct/2005/51", "doc/tw/tb/2012/89"),
    ("văn bản nào được ban hành trước năm 2015", "doc/tw/tb/2012/89", "doc/tw/qd/2019/209"),
    ("resolutions after 2021", "doc/dub/nq/2023/7", "doc/dub/nq/2021/1"),
    ("dokumen yang diterbitkan sebelum tahun 2019", "doc/tw/tb/2012/89", "doc/tw/qd/2019/209"),
])
def test_a_year_can_bound_a_list(seed_kg, question, inside, outside):
    """"Before / after / since YEAR" bounds the issue date; undated documents are not listed."""
    code, data = ask_json(seed_kg, question, None)
    assert code == 0 and data["intent"] == "list", data["text"]
    listed = _iris(data["answers"])
    assert inside in listed and outside not in listed, data["text"]
    assert "undated" not in listed


def test_what_bodies_a_body_has(seed_kg):
    code, data = ask_json(seed_kg, "what committees does the mofa party committee have", None)
    assert data["intent"] == "hierarchy_down" and "body/mofa-party-inspection-commission" in _iris(data["answers"])


def test_an_issuer_question_on_an_unissued_document_gives_what_is_recorded(seed_kg):
    """No issuer recorded: the drafter, the body it is submitted to (for signing), the meeting."""
    code, data = ask_json(seed_kg, "who will sign and promulgate the working regulations of the "
                                   "executive committee of the mofa party committee", None)
    assert data["intent"] == "issuer" and "body/mofa-party-standing-committee" in _iris(data["answers"])
    assert "draft" in data["text"]


def test_who_will_promulgate_a_proposed_regulation(seed_kg):
    """No issuer: the project that proposes it, and the body that project goes to."""
    code, data = ask_json(seed_kg, "who will promulgate the regulation on inspection and supervision "
                                   "of party organisations abroad", None)
    listed = _iris(data["answers"])
    assert "doc/dub/da/regulation-on-inspection-and-supervision-abroad" in listed
    assert "body/secretariat" in listed and "planned" in data["text"]


def test_as_of_leaves_out_chairs_reported_later(seed_kg):
    """The 31st Diplomatic Conference's Party-building conference is reported on 17 December 2021."""
    assert not answer(seed_kg, "which conference did vo van thuong chair", as_of="2021-01-01").answers
    assert answer(seed_kg, "which conference did vo van thuong chair", as_of="2022-01-01").answers


def test_a_person_and_a_post_give_every_report_of_that_person_in_it(seed_kg):
    a = answer(seed_kg, "since when has Bui Thanh Son been foreign minister")
    dates = [it["as_of"] for it in a.answers]
    assert a.intent == "post_holder" and dates == sorted(dates) and dates[0].startswith("2021"), a.text
    assert {it["person"]["id"] for it in a.answers} == {BTS}
