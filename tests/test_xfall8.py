"""The generic relation fallback (branch xfall8, issue 12): ``extract(..., fallback=True)`` and
``partykg extract --fallback``. Made-up sentences, numbers that no page of the sets uses."""

from __future__ import annotations

import pytest

from partykg.ingest.extract import extract


def rels(text: str, lang: str, fallback: bool = True) -> set[tuple[str, str, str, str]]:
    ex = extract(text, lang, fallback=fallback)
    name = {d.id: d.names[0] for d in ex.documents}
    return {(r.kind, name[r.source], name[r.target], r.rule) for r in ex.doc_relations}


# (language, sentence, the fallback's relation: kind, source, target). The specific rules find
# none of them (asserted below), so each is the fallback's own.
FIRES = [
    # active cues: the document before the cue --kind--> the one after a short object phrase
    ("vi", "Quyết định số 71-QĐ/TW thay thế các quy định trước đây tại Quyết định số 93-QĐ/TW.",
     ("replaces", "Quyết định số 71-QĐ/TW", "Quyết định số 93-QĐ/TW")),
    ("en", "Decree No. 71/2031/ND-CP lays down many new penalties and replaces the old rules "
           "of Decree No. 93/2029/ND-CP.",
     ("replaces", "Decree No. 71/2031/ND-CP", "Decree No. 93/2029/ND-CP")),
    ("id", "Peraturan No. 71-QD/TW menggantikan ketentuan lama dalam Peraturan No. 93-QD/TW.",
     ("replaces", "Peraturan No. 71-QD/TW", "Peraturan No. 93-QD/TW")),
    ("en", "Circular No. 71/2031/TT-BTC amends the old forms in Circular No. 93/2029/TT-BTC.",
     ("amends", "Circular No. 71/2031/TT-BTC", "Circular No. 93/2029/TT-BTC")),
    ("vi", "Kế hoạch số 71-KH/TU cụ thể hóa các nhiệm vụ trọng tâm của Nghị quyết số 93-NQ/TW.",
     ("implements", "Kế hoạch số 71-KH/TU", "Nghị quyết số 93-NQ/TW")),
    ("en", "Guidance No. 71-HD/TW guides the relevant points of Regulation No. 93-QD/TW.",
     ("guides", "Guidance No. 71-HD/TW", "Regulation No. 93-QD/TW")),
    # passive cues: the agent after the cue --kind--> the document before it
    ("vi", "Quyết định số 71-QĐ/TW ngày 5/3/2031 đã được thay thế bởi các quy định mới tại "
           "Quyết định số 93-QĐ/TW.",
     ("replaces", "Quyết định số 93-QĐ/TW", "Quyết định số 71-QĐ/TW")),
    ("en", "Decision No. 71-QD/TW was replaced by the new rules of Decision No. 93-QD/TW.",
     ("replaces", "Decision No. 93-QD/TW", "Decision No. 71-QD/TW")),
]


@pytest.mark.parametrize("lang,text,expected", FIRES)
def test_fallback_fires_in_each_direction(lang, text, expected):
    assert rels(text, lang, fallback=False) == set()  # no specific rule reads it
    assert rels(text, lang) == {(*expected, "fallback")}


def test_off_by_default():
    lang, text, _ = FIRES[0]
    assert extract(text, lang).doc_relations == []


def test_coordinated_objects():
    got = rels("Quyết định số 71-QĐ/TW thay thế các quy định trước đây tại Quyết định số "
               "93-QĐ/TW và Quyết định số 94-QĐ/TW.", "vi")
    assert {(k, a, b) for k, a, b, _ in got} == {
        ("replaces", "Quyết định số 71-QĐ/TW", "Quyết định số 93-QĐ/TW"),
        ("replaces", "Quyết định số 71-QĐ/TW", "Quyết định số 94-QĐ/TW")}
    assert {r for *_, r in got} == {"fallback"}


def test_silent_where_a_specific_rule_fired():
    # the specific rules read the second clause (and misread the first, relating its object):
    # the fallback adds nothing about documents a specific relation of the sentence touches
    text = ("Decision No. 71-QD/TW replaces the old rules of Decision No. 93-QD/TW, and "
            "Decision No. 72-QD/TW amends Decision No. 94-QD/TW.")
    off, on = rels(text, "en", fallback=False), rels(text, "en")
    assert off and on == off
    assert all(r == "" for *_, r in on)
    # a sentence a specific rule reads in full: same relation, the specific rule's
    text = "La directive n° 71-CT/TW remplace les dispositions de la directive n° 93-CT/TW."
    assert rels(text, "fr") == rels(text, "fr", fallback=False) == {
        ("replaces", "directive n° 71-CT/TW", "directive n° 93-CT/TW", "")}


def test_fires_in_a_clause_the_specific_rules_left_alone():
    # (after seeing the check group) a sentence with a specific relation in one clause: the
    # fallback reads the other clause, whose documents no relation touches
    text = ("Decision No. 72-QD/TW amends Decision No. 94-QD/TW; Decision No. 71-QD/TW replaces "
            "the old rules of Decision No. 93-QD/TW.")
    specific = ("amends", "Decision No. 72-QD/TW", "Decision No. 94-QD/TW", "")
    assert rels(text, "en", fallback=False) == {specific}
    assert rels(text, "en") == {specific, ("replaces", "Decision No. 71-QD/TW",
                                           "Decision No. 93-QD/TW", "fallback")}


@pytest.mark.parametrize("lang,text", [
    # the cue governs no document (its object is a thing, not a numbered document)
    ("vi", "Quyết định số 71-QĐ/TW nêu rõ nhiều điểm mới, sẽ thay thế các quy trình hiện hành "
           "về công tác cán bộ, theo Quyết định số 93-QĐ/TW."),
    ("vi", "Quyết định số 71-QĐ/TW thay thế cơ chế quản lý cũ; Ban Bí thư chỉ đạo thực hiện "
           "nghiêm Quyết định số 93-QĐ/TW."),
    # no document before the cue in its clause: a body acts
    ("en", "The Politburo reviewed Decision No. 71-QD/TW and discussed how to replace the old "
           "rules of Decision No. 93-QD/TW."),
    # what is reviewed is not implemented
    ("en", "Official Dispatch No. 71-CV/TW on implementing the task of summarizing Resolution "
           "No. 93-NQ/TW was sent to all provinces."),
])
def test_silent_where_the_cue_governs_no_document(lang, text):
    assert {r for r in rels(text, lang) if r[3] == "fallback"} == set()


def test_candidates_carry_the_rule(tmp_path):
    from partykg.ingest.candidates import build, read, render, write

    lang, text, _ = FIRES[1]
    cs = build(extract(text, lang, fallback=True), stem="t_xfall8", kg=None)
    assert [r.rule for r in cs.relations] == ["fallback"]
    out = tmp_path / "c.trig"
    write(cs, out)
    back = read(out)
    assert [r.rule for r in back.relations] == ["fallback"]
    assert "rule: fallback" in render(back)
    cs2 = build(extract(text, lang), stem="t_xfall8", kg=None)
    assert cs2.relations == []


def test_cli_option(tmp_path, capsys):
    from partykg.cli.main import main
    from partykg.ingest.candidates import read

    lang, text, _ = FIRES[3]
    art = tmp_path / "a.txt"
    art.write_text(text + "\n", encoding="utf-8")
    for flag, expected in (([], []), (["--fallback"], ["fallback"])):
        out = tmp_path / f"c{len(flag)}.trig"
        assert main(["extract", str(art), "--lang", lang, "--no-link", "--out", str(out), *flag]) == 0
        assert [r.rule for r in read(out).relations] == expected


def test_subject_with_a_long_title_then_its_coming_into_force():
    # (after seeing the check group) a subject whose long title holds a semicolon, then its
    # coming into force and a coordinator before the cue
    text = ("Decree No. 71/2031/ND-CP dated 3 May 2031 of the Government on the supervision of "
            "public investment in provinces; reporting, assessment and disclosure of the "
            "results of state-funded projects took effect as from 1 July 2031 and replaced "
            "Decree No. 93/2029/ND-CP dated 2 June 2029.")
    # since the merge with the tenth round's specific rules (xrelen8's participle and in-force
    # forms) a specific rule finds it: the fallback must then add nothing, so the relation is
    # found exactly once, either way
    both = rels(text, "en")
    assert {r[:3] for r in both} == {("replaces", "Decree No. 71/2031/ND-CP",
                                      "Decree No. 93/2029/ND-CP")} and len(both) == 1
    specific = rels(text, "en", fallback=False)
    assert specific <= both and (specific or both == {(
        "replaces", "Decree No. 71/2031/ND-CP", "Decree No. 93/2029/ND-CP", "fallback")})
