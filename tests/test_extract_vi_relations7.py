"""Extraction round 7 (issue 12): Vietnamese relation rules written so that they generalise to
real pages the rules were not written against. Each case is paraphrased from a real sentence
(numbers and subjects changed), with a negative case that must not fire."""
from __future__ import annotations

import pytest

from partykg.ingest.extract import extract


def _rels(text: str) -> set[tuple[str, str, str]]:
    """Relations as (kind, source, target), each document named by its code, else by the text of
    its first mention."""
    ex = extract(text, "vi")
    name = {d.id: (d.code or ex.mentions[d.mentions[0]].text.strip()) for d in ex.documents}
    return {(r.kind, name[r.source], name[r.target]) for r in ex.doc_relations}


# --- a resolution named by its plenum ----------------------------------------------------------

@pytest.mark.parametrize("text, source, target", [
    ("Chính phủ ban hành Nghị quyết số 734/NQ-CP thực hiện Kết luận số 770-KL/TW ngày 09/3/2020 "
     "của Bộ Chính trị về tiếp tục thực hiện Nghị quyết Trung ương 5 Khóa IX về kinh tế tập thể.",
     "770-KL/TW", "Nghị quyết Trung ương 5 Khóa IX"),
    ("Kết luận số 721-KL/TW của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về "
     "tiếp tục thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.",
     "721-KL/TW", "Nghị quyết Trung ương 4 khóa XII"),
    ("Để triển khai Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII, Tỉnh "
     "ủy ban hành Chương trình hành động số 720-CTr/TU.",
     "720-CTr/TU", "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII"),
])
def test_a_resolution_named_by_its_plenum_is_a_relation_end(text, source, target):
    kinds = {k for k, s, t in _rels(text) if s == source and t == target}
    assert kinds, _rels(text)


def test_the_plenum_name_refers_to_the_numbered_resolution_the_text_gave_it():
    text = ("Thực hiện Nghị quyết số 724-NQ/TW ngày 3/6/2013 Hội nghị lần thứ bảy Ban Chấp hành "
            "Trung ương khóa XI về ứng phó với biến đổi khí hậu và Kết luận số 756-KL/TW ngày "
            "23/8/2019 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết Trung ương 7 khóa XI, "
            "Bộ đã ban hành các văn bản.")
    assert ("continues", "756-KL/TW", "724-NQ/TW") in _rels(text)


def test_the_plenum_name_before_the_number_is_that_document():
    text = ("Tỉnh ủy ban hành Kế hoạch số 715-KH/TU thực hiện Nghị quyết Trung ương 6 khóa XII số "
            "718-NQ/TW. Kết luận số 719-KL/TW về tiếp tục thực hiện Nghị quyết Trung ương 6 khóa XII.")
    found = _rels(text)
    assert ("implements", "715-KH/TU", "718-NQ/TW") in found
    assert ("continues", "719-KL/TW", "718-NQ/TW") in found


def test_two_numbered_resolutions_of_one_plenum_leave_the_name_ambiguous():
    # a plenum adopts several resolutions: the name alone is neither
    text = ("Nghị quyết số 718-NQ/TW, ngày 25/10/2017 Hội nghị lần thứ sáu Ban Chấp hành Trung "
            "ương khóa XII về bộ máy và Nghị quyết số 719-NQ/TW, ngày 25/10/2017 Hội nghị lần thứ "
            "sáu Ban Chấp hành Trung ương khóa XII về đơn vị sự nghiệp. Kết luận số 762-KL/TW về "
            "tiếp tục thực hiện Nghị quyết Trung ương 6 khóa XII.")
    found = _rels(text)
    assert not any(t in ("718-NQ/TW", "719-NQ/TW") for _, s, t in found if s == "762-KL/TW")
    assert any(k == "continues" and s == "762-KL/TW" for k, s, _ in found)


def test_a_year_after_the_centre_is_no_plenum():
    # "Trung ương năm 2020": a year, not the fifth plenum
    text = ("Kế hoạch số 712-KH/TU thực hiện Nghị quyết Trung ương năm 2020 về công tác cán bộ và "
            "Kế hoạch số 713-KH/TU thực hiện Nghị quyết Trung ương năm 2021 về công tác cán bộ.")
    ex = extract(text, "vi")
    assert not any(m.name_key and m.name_key[1] == "plenum" for m in ex.mentions)
