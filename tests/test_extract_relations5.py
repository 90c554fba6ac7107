"""Relation rules of the fifth round (issue 12): subject choice, cue scope, direction, lists and
effect-history tables. Sentences written for the tests (fictional numbers and bodies); each case
fails without its rule."""
from __future__ import annotations

import pytest

from extract_helpers import rels


@pytest.mark.parametrize("lang, text, expected, absent", [
    # the numbered resolution that announces a plan implements what the plan implements
    ("id", "Dalam Resolusi No. 731/NQ-CP yang mengumumkan Rencana Aksi Pemerintah untuk "
           "melaksanakan Resolusi No. 712-NQ/TW, terdapat 40 tugas.",
     {("implements", "731/NQ-CP", "712-NQ/TW")}, set()),
    # a fronted clause that is a sentence of its own: the next sentence's issued plan implements
    # the conclusion, not the directive the conclusion's subject names
    ("vi", "Thực hiện Kết luận 731-KL/TW, ngày 2/3/2021 của Ban Bí thư về tiếp tục thực hiện "
           "Chỉ thị số 712 “Về công tác dân vận”. Ban Thường vụ Thị ủy đã ban hành Kế hoạch số "
           "745-KH/TU, ngày 5/4/2021 “Về nhân rộng mô hình hay trong thực hiện Chỉ thị 712-CT/TW "
           "của Ban Bí thư”.",
     {("implements", "745-KH/TU", "731-KL/TW"), ("continues", "731-KL/TW", "712-CT/TW")},
     {("implements", "745-KH/TU", "712-CT/TW")}),
])
def test_relations_round5(lang, text, expected, absent):
    got = rels(text, lang)
    assert expected <= got, got
    assert not (absent & got), got
