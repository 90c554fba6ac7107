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
