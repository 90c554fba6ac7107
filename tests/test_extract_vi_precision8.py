"""Extraction round 8 (issue 12): precision of Vietnamese relations on real prose. Each case is
paraphrased from a real sentence (numbers, bodies and subjects changed), with the relation that
must not be found; the rules are generic (no document, body or article named)."""
from __future__ import annotations

from partykg.ingest.extract import extract


def _rels(text: str) -> set[tuple[str, str, str]]:
    """Relations as (kind, source, target), each document named by its code, else by the text of
    its first mention."""
    ex = extract(text, "vi")
    name = {d.id: (d.code or ex.mentions[d.mentions[0]].text.strip()) for d in ex.documents}
    return {(r.kind, name[r.source], name[r.target]) for r in ex.doc_relations}


# --- a fronted clause's objects are not coordinated subjects -----------------------------------

def test_a_congress_resolution_in_a_fronted_objects_subject_is_no_object():
    text = ("Thực hiện Chỉ thị số 811/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về việc phát "
            "động thi đua hoàn thành kế hoạch 5 năm theo Nghị quyết Đại hội đại biểu toàn quốc lần "
            "thứ XIII của Đảng và Kế hoạch số 812/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - "
            "Khen thưởng Trung ương, Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức thực hiện như "
            "sau:")
    got = _rels(text)
    assert ("implements", "Kế hoạch", "811/CT-TTg") in got
    assert ("implements", "Kế hoạch", "812/KH-HĐTĐKT") in got
    assert not any("Đại hội" in t for _k, _s, t in got), got


def test_coordinated_subjects_before_a_passive_cue_still_share_it():
    text = ("Quyết định số 813/QĐ-UBND và Quyết định số 814/QĐ-UBND được thay thế bởi Quyết định "
            "số 815/QĐ-UBND ngày 02/3/2022 của Ủy ban nhân dân tỉnh.")
    got = _rels(text)
    assert ("replaces", "815/QĐ-UBND", "813/QĐ-UBND") in got
    assert ("replaces", "815/QĐ-UBND", "814/QĐ-UBND") in got


# --- "Chỉ thị của <body>" that implements what the numbered directive implements --------------

def test_a_described_document_implementing_the_same_congress_resolution_is_the_numbered_one():
    text = ("Tổng Bí thư ký ban hành Chỉ thị 816 về triển khai Nghị quyết Đại hội XIV của Đảng\n"
            "Cập nhật: 1 giờ trước\n"
            "Chỉ thị của Bộ Chính trị về nghiên cứu, học tập, quán triệt và triển khai thực hiện "
            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng\n")
    got = _rels(text)
    assert {(k, s) for k, s, _t in got} == {("implements", "Chỉ thị 816")}, got


def test_another_bodys_document_implementing_a_congress_resolution_stays_apart():
    text = ("Ban Bí thư ban hành Chỉ thị 817 về triển khai Nghị quyết Đại hội XIV của Đảng.\n"
            "Chỉ thị của Bộ Chính trị về triển khai thực hiện Nghị quyết Đại hội đại biểu "
            "toàn quốc lần thứ XIV của Đảng.\n")
    got = _rels(text)
    assert len({s for _k, s, _t in got}) == 2, got


# --- a coordinated object after the previous object's term in years ----------------------------

def test_an_object_after_a_term_in_years_and_a_coordinator_is_coordinated():
    text = ("Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 821-KH/TU triển khai thực hiện Nghị quyết số "
            "822-NQ/TU của Tỉnh ủy, nhiệm kỳ 2020 - 2025 và Chương trình số 823-CTr/TU của Tỉnh ủy.")
    got = _rels(text)
    assert ("implements", "821-KH/TU", "822-NQ/TU") in got
    assert ("implements", "821-KH/TU", "823-CTr/TU") in got


def test_a_term_in_years_does_not_join_a_new_clause():
    text = ("Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 824-KH/TU triển khai thực hiện Nghị quyết số "
            "825-NQ/TU của Tỉnh ủy, nhiệm kỳ 2020 - 2025; Chương trình số 826-CTr/TU của Tỉnh ủy "
            "đã được tổng kết.")
    got = _rels(text)
    assert ("implements", "824-KH/TU", "825-NQ/TU") in got
    assert not any(t == "826-CTr/TU" for _k, _s, t in got), got
