"""Mentions of issue 12's sixth round: a code abbreviation used as a type word ("NĐ 06"), a
sentence whose only document is a law's or ordinance's code. Sentences written for the tests
(fictional numbers and titles) in the shape of real ones; each rule has a case that fails
without it."""
from __future__ import annotations

import pytest

from partykg.ingest.extract import extract


def mentions(text: str, lang: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """Kept mentions as (text, type, number, code)."""
    ex = extract(text, lang)
    kept = {i for d in ex.documents for i in d.mentions}
    return [(m.text, m.type, m.number, m.code) for i, m in enumerate(ex.mentions) if i in kept]


def relations(text: str, lang: str) -> set[tuple[str, str, str]]:
    ex = extract(text, lang)
    first = {d.id: ex.mentions[d.mentions[0]].text for d in ex.documents}
    return {(r.kind, first[r.source], first[r.target]) for r in ex.doc_relations}


# --- an abbreviation as a type word: "NĐ 06" (skos:notation of ontology/doctypes.ttl) --------------

def test_an_abbreviated_decree_is_a_numbered_mention_with_its_relation():
    text = ("Nghị định 431/2011/NĐ-CP sửa đổi, bổ sung một số điều của NĐ 77 ngày 5/3/2009 "
            "của Chính phủ.")
    got = mentions(text, "vi")
    assert ("NĐ 77", "decree", "77", None) in got
    assert ("amends", "Nghị định 431/2011/NĐ-CP", "NĐ 77") in relations(text, "vi")


@pytest.mark.parametrize("text, expected", [
    ("Theo TT số 912 của Bộ Tài chính, hồ sơ nộp trước tháng 6.", ("TT số 912", "circular", "912")),
    ("Ban Thường vụ đã ban hành KH 318 để triển khai.", ("KH 318", "plan", "318")),
])
def test_abbreviations_with_one_type(text, expected):
    assert expected + (None,) in mentions(text, "vi")


@pytest.mark.parametrize("text", [
    "Theo QĐ 512 thì việc này được làm ngay.",     # QĐ: a regulation or a decision
    "Chỉ tiêu NQ 2020 đã đạt.",                     # a year
    "Mỗi CT 5 ngày làm một lần.",                   # a count
    "Mã 51-CT/TW và CT/TW 5 không phải là tên.",     # inside a code
    "Theo nd 77 thì không.",                        # not written as codes write it
])
def test_no_abbreviated_mention(text):
    assert not [m for m in mentions(text, "vi") if m[3] is None]


def test_abbreviations_are_read_only_in_vietnamese_pages():
    assert mentions("The KH 318 team met on Monday.", "en") == []


# --- a sentence whose only document is a legislature code --------------------------------------

def test_a_sentence_with_only_an_ordinance_code_is_read():
    got = mentions("Pháp lệnh số 07/2019/UBTVQH14 được ban hành.", "vi")
    assert [(c, n) for _, _, n, c in got] == [("07/2019/UBTVQH14", "07")]
