"""Branch xrel7 (issue 12): the per-Patterns cache, and generic rules for slugs, coordinated unit
names, Party codes with a unit, letter suffixes on numbers and invisible characters in codes.
The sentences are written for these tests (not taken from any gold set)."""

from __future__ import annotations

import re

import pytest

from partykg.ingest.extract import extract, normal_code, patterns
from partykg.ingest.extract.codes import code_view, raw_end
from partykg.ingest.extract.patterns import cached, per_patterns
from partykg.model.ids import CodeError, code_key, parse_code


def _docs(text: str, lang: str = "vi"):
    return extract(text, lang).documents


def _codes(text: str, lang: str = "vi") -> list[str]:
    return [d.code for d in _docs(text, lang)]


# --- the cache -----------------------------------------------------------------------------------

def test_cached_builds_once_per_patterns_and_keeps_none():
    P = patterns("en")
    calls = []
    name = "_xrel7_test_value"
    P.__dict__.pop(name, None)
    assert cached(P, name, lambda: calls.append(1)) is None  # None is a value: kept
    assert cached(P, name, lambda: calls.append(1)) is None
    assert calls == [1]
    P.__dict__.pop(name, None)


def test_per_patterns_is_per_language():
    seen = []

    @per_patterns
    def lang_re(P):
        seen.append(P.lang)
        return re.compile(P.lang)

    a, b = lang_re(patterns("vi")), lang_re(patterns("vi"))
    c = lang_re(patterns("fr"))
    assert a is b and c.pattern == "fr" and seen == ["vi", "fr"]


# --- (d) a letter suffix on the number, either case -----------------------------------------------

@pytest.mark.parametrize("code", ["31A/2019/NĐ-CP", "31a/2019/NĐ-CP", "7B-CT/TU", "7b-CT/TU"])
def test_a_letter_suffix_on_the_number(code):
    docs = _docs(f"Ủy ban đã ban hành văn bản theo Chỉ thị số 4-CT/TU và văn bản số {code} trong tháng.")
    assert code in [d.code for d in docs]
    c = parse_code(code)
    assert c.number == code.split("/")[0].split("-")[0]
    assert code_key(code.replace("A", "a").replace("B", "b")) == code_key(code)


def test_a_letter_suffix_keeps_the_relation():
    docs = extract("Nghị định số 31B/2019/NĐ-CP của Chính phủ thay thế Nghị định số 8/2011/NĐ-CP.", "vi")
    assert [d.code for d in docs.documents] == ["31B/2019/NĐ-CP", "8/2011/NĐ-CP"]
    assert [(r.kind, r.source, r.target) for r in docs.doc_relations] == [("replaces", "d1", "d2")]


def test_two_letters_are_no_suffix():
    assert "31AB/2019/NĐ-CP" not in _codes("Văn bản số 31AB/2019/NĐ-CP không phải mã.")


# --- (c) a Party code whose issuer has a unit -----------------------------------------------------

def test_a_party_code_with_a_unit_after_its_issuer():
    docs = _docs("Thông báo số 58-TB/TWĐTN-VP ngày 2/6/2023 của Ban Bí thư Trung ương Đoàn về "
                 "công tác tuyên truyền.")
    assert [(d.type, d.number, d.code) for d in docs] == [("notice", "58", "58-TB/TWĐTN-VP")]
    assert docs[0].date == "2023-06-02" and docs[0].subject == "công tác tuyên truyền"
    c = parse_code("58-TB/TWĐTN-VP")
    assert (c.number, c.type, c.issuer, c.state) == ("58", "TB", "TWĐTN-VP", False)


def test_a_unit_needs_two_capitals_and_no_lower_case():
    # "-Học" is a word glued to the code, not a unit: no code read, as before
    assert "58-TB/TW-H" not in _codes("Thông báo số 58-TB/TW-Học tập đã ban hành.")
    with pytest.raises(CodeError):
        parse_code("58-TB/TW-")
    # a unit glued to the next word in capitals: no reading is safe, none is taken
    assert not [c for c in _codes("Số: 58 - TB/TWĐTN-VPĐOÀN THANH NIÊN") if c and c.startswith("58")]
    assert _codes("Thông báo số 58-TB/TWĐTN-VPNGÀY 2/6/2023.") == ["58-TB/TWĐTN-VP"]


# --- (e) invisible characters inside a code -------------------------------------------------------

@pytest.mark.parametrize("written", ["36-N\u200bQ/TW", "36-NQ/T\u200bW", "36\u200b-NQ/TW",
                                     "36-NQ/T\u00adW"])
def test_an_invisible_character_inside_a_party_code(written):
    text = f"Nghị quyết số {written} của Bộ Chính trị về công tác dân tộc."
    docs = _docs(text)
    assert [d.code for d in docs] == ["36-NQ/TW"]
    assert docs[0].issuer is not None and docs[0].issuer.key == "politburo"
    assert docs[0].subject == "công tác dân tộc"


def test_an_invisible_character_inside_a_state_code_keeps_the_offsets():
    text = "Nghị định số 41/2017/N\u200bĐ-C\u200bP của Chính phủ."
    view = code_view(text)
    assert len(view) == len(text) and "41/2017/NĐ-CP" in view
    start = text.index("41")
    assert text[start:raw_end(text, start, start + len("41/2017/NĐ-CP"))].endswith("C\u200bP")
    ex = extract(text, "vi")
    m = ex.mentions[0]
    assert m.text == text[m.start:m.end] and m.text.endswith("P")
    assert ex.documents[0].issuer.key == "government"


# --- (b) a coordinated unit name, then its committee ----------------------------------------------

@pytest.mark.parametrize("body", ["Ban Tuyên giáo và Dân vận Tỉnh ủy",
                                  "Ban Tuyên giáo và Dân vận Huyện ủy",
                                  "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội"])
def test_a_coordinated_unit_name_goes_on_over_its_committee(body):
    docs = _docs(f"Hướng dẫn số 9-HD/BTG ngày 1/2/2024 của {body} về học tập chuyên đề năm 2024.")
    assert docs[0].issuer is not None and docs[0].issuer.text == body
    docs = _docs(f"{body} vừa ban hành Hướng dẫn số 9-HD/BTG.")
    assert docs[0].issuer is not None and docs[0].issuer.text == body


def test_a_body_after_the_coordinator_is_another_body():
    docs = _docs("Ban Tuyên giáo và Ban Thường vụ Tỉnh đoàn ban hành Kế hoạch số 5-KH/TĐ.")
    assert docs[0].issuer is None or "Tuyên giáo" not in docs[0].issuer.text
    docs = _docs("Kế hoạch số 5-KH/BTG của Ban Tuyên giáo và Dân vận về học tập.")
    assert docs[0].issuer.text == "Ban Tuyên giáo và Dân vận"  # no committee after it


# --- (a) slugs and lines without diacritics -------------------------------------------------------

def test_a_slug_names_two_documents_and_their_relation():
    ex = extract("tai ve van ban thong tu so 21 2018 tt bnv thay the quyet dinh so 9 2011 qd bnv", "vi")
    assert [(d.type, d.number, d.code) for d in ex.documents] == [
        ("circular", "21", "21/2018/TT-BNV"), ("decision", "9", "9/2011/QD-BNV")]
    assert [m.code for m in ex.mentions] == ["21 2018 tt bnv", "9 2011 qd bnv"]  # as written
    assert [(r.kind, r.source, r.target) for r in ex.doc_relations] == [("replaces", "d1", "d2")]


def test_a_hyphenated_slug_in_a_url():
    # a slug written in the text is read; inside a web address it is the page's link, no mention
    # (since xmen9, extract/urls.py: set P's false mentions)
    ex = extract("Xem toàn văn: chi-thi-so-7-ct-tu-cua-tinh-uy", "vi")
    assert [(d.type, d.number) for d in ex.documents] == [("directive", "7")]
    assert ex.mentions[0].text == "chi-thi-so-7-ct-tu"
    ex = extract("Xem toàn văn: https://vanban.example.vn/chi-thi-so-7-ct-tu-cua-tinh-uy.html", "vi")
    assert ex.documents == []


@pytest.mark.parametrize("text", [
    "ke hoach 5 nam 2020 2025 cua tinh",  # no abbreviation and issuer after the number
    "thong tu so 12 2020 qd btc",  # the abbreviation names another type
    "nghi quyet so 12 2020",  # no code
    "Thông tư số 12 năm 2020 của Bộ Tài chính",  # accented: the other rules' (no slug)
])
def test_what_is_no_slug_mention(text):
    assert all(not m.text.isascii() or m.code is None or "/" in m.code
               for m in extract(text, "vi").mentions)
    assert not [m for m in extract(text, "vi").mentions if m.text.isascii() and m.code and " " in m.code]


def test_a_slug_code_with_its_year_reads_as_the_state_code():
    assert normal_code("133 2016 tt btc") == "133/2016/TT-BTC"
    assert normal_code("24a-2016-nd-cp") == "24a/2016/ND-CP"
    # no year (branch xrelen8): a Party code when its issuer is a Party committee's
    assert normal_code("12-nq-tw") == "12-NQ/TW" and normal_code("12-nq-cp") == "12/NQ-CP"


# --- (f) the lead's ruling: the plan or programme a document issues is what implements ---------

def _rels(text: str) -> set[tuple[str, str, str]]:
    ex = extract(text, "vi")
    name = {d.id: d.code or f"{d.type}:{d.number}" for d in ex.documents}
    return {(r.kind, name[r.source], name[r.target]) for r in ex.doc_relations}


def test_a_decision_issuing_a_plan_does_not_implement():
    found = _rels("Ủy ban nhân dân tỉnh ban hành Quyết định số 512/QĐ-UBND ban hành Kế hoạch thực "
                  "hiện Chỉ thị số 21-CT/TW của Ban Bí thư.")
    assert found == {("implements", "plan:None", "21-CT/TW")}


def test_a_programme_with_its_issuing_decision_in_brackets_implements():
    found = _rels("Chương trình hành động của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số 19-NQ/TU "
                  "(được ban hành tại Quyết định số 77/QĐ-UBND ngày 3/4/2022) đạt nhiều kết quả.")
    assert found == {("implements", "programme:None", "19-NQ/TU")}


# --- a stop word written capitalised right after the head is a word of the name -----------------

@pytest.mark.parametrize("body", ["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Huyện ủy",
                                  "Tỉnh ủy Cần Thơ", "Ban Tổ chức và Kiểm tra Đảng ủy Khối"])
def test_a_capitalised_stop_word_after_the_head_is_part_of_the_name(body):
    docs = _docs(f"Kế hoạch số 14-KH/BTC ngày 3/3/2023 của {body} về công tác cán bộ.")
    assert docs[0].issuer is not None and docs[0].issuer.text == body
    assert docs[0].subject == "công tác cán bộ"


def _bodies(text: str) -> list[str]:
    from partykg.ingest.extract import find_bodies, split_sentences
    return [b.text for s in split_sentences(text) for b in find_bodies(s, patterns("vi"))]


@pytest.mark.parametrize("text, want", [
    ("Ban Thường vụ Tỉnh ủy tổ chức hội nghị.", ["Ban Thường vụ Tỉnh ủy"]),  # lower case: a verb
    ("Ban Thường vụ Tỉnh ủy Theo dõi việc này.", ["Ban Thường vụ Tỉnh ủy"]),  # not right after the head
    ("BAN THƯỜNG VỤ TỈNH ỦY VỀ VIỆC HỌC TẬP", ["BAN THƯỜNG VỤ TỈNH ỦY"]),  # in capitals
])
def test_a_lower_case_or_later_stop_word_still_ends_the_name(text, want):
    assert _bodies(text) == want


# --- (a) a title without diacritics: the type word before a code --------------------------------

@pytest.mark.parametrize("text, want", [
    ("Quy dinh so 118-QD/TW ngay 9/1/2018 cua Ban Bi thu", ("regulation", "Quy dinh so 118-QD/TW")),
    ("Quyet dinh so 118-QD/TW cua Bo Chinh tri", ("decision", "Quyet dinh so 118-QD/TW")),
    ("Nghi quyet 31-NQ/TU ve phat trien do thi", ("resolution", "Nghi quyet 31-NQ/TU")),
])
def test_an_unaccented_type_word_names_the_code_after_it(text, want):
    ex = extract(text, "vi")
    assert [(m.type, m.text) for m in ex.mentions] == [want]


def test_an_unaccented_type_word_the_code_refuses_is_not_taken():
    ex = extract("Chi thi so 118-QD/TW cua Bo Chinh tri", "vi")  # CT is no QD
    assert [m.text for m in ex.mentions] == ["118-QD/TW"]


def test_two_unaccented_titles_and_an_unaccented_cue():
    found = _rels("Thong tu 41/2021/TT-BTC thay the Thong tu 7/2016/TT-BTC")
    assert found == {("replaces", "41/2021/TT-BTC", "7/2016/TT-BTC")}
    assert _rels("Thong tu 41/2021/TT-BTC va Thong tu 7/2016/TT-BTC") == set()  # no cue
