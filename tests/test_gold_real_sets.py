"""The real sets of the seventh and eighth rounds (development sets LC, LD, and the blind LE,
LF and LG, set N, seen since the ninth round): every gold
file loads (spans present and unique, relations between annotated documents, every kept page
states a scored relation), every page has its sidecar with its source and a line in URLS.txt, and
the texts are the retrieved spans (no trailing newline added). Nothing here runs the extractor:
sets O and P (tests/test_xblind7.py and tests/test_xblind8.py check their files) are the held-out
measures (totals only, run by the lead; no error list kept)."""

import json
from pathlib import Path

import pytest

from partykg.ingest.extract_eval import GOLD_KINDS, load_all

ROOT = Path(__file__).resolve().parents[1]
SIDECAR_KEYS = {"url", "publisher", "title", "date", "language", "retrieved", "query", "note"}

# set folder: (split, pages, mentions, relations, languages)
SETS = {
    "real_dev_lc": ("real-dev-lc", 15, 68, 18, {"vi"}),
    "real_dev_ld": ("real-dev-ld", 15, 67, 22, {"en", "fr"}),
    "real_dev_le": ("real-dev-le", 14, 68, 20, {"vi"}),
    "real_dev_lf": ("real-dev-lf", 10, 41, 14, {"en", "fr"}),
    "real_dev_lg": ("real-dev-lg", 12, 80, 28, {"vi", "en", "fr"}),
    "real_heldout_n": ("real-heldout-n", 13, 67, 20, {"vi", "en", "fr"}),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_gold_file_loads_with_its_spans_and_relations(name):
    split, pages, mentions, relations, langs = SETS[name]
    golds = load_all(ROOT / "tests" / "data" / "gold" / name, ROOT)  # raises on a bad span
    assert len(golds) == pages
    assert {g.split for g in golds} == {split} and {g.lang for g in golds} == langs
    assert {g.origin for g in golds} == {"real"}
    assert sum(len(g.mentions) for g in golds) == mentions
    assert sum(len(g.relations) for g in golds) == relations
    for g in golds:
        assert g.article.parent == ROOT / "tests" / "data" / "articles" / name
        assert g.relations, g.path.name  # every kept page states a scored relation
        for m in g.mentions:
            assert g.text[m.start:m.end] == m.text
        docs = {m.doc for m in g.mentions}
        for r in g.relations:
            assert r["kind"] in GOLD_KINDS and r["from"] in docs and r["to"] in docs


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_page_has_a_sidecar_and_its_url_listed(name):
    articles = ROOT / "tests" / "data" / "articles" / name
    golds = load_all(ROOT / "tests" / "data" / "gold" / name, ROOT)
    listed = dict(line.split("\t") for line in
                  (articles / "URLS.txt").read_text(encoding="utf-8").splitlines())
    texts = [p for p in articles.glob("*.txt") if p.name != "URLS.txt"]
    assert set(listed) == {p.stem for p in texts} == {g.article.stem for g in golds}
    assert len(set(listed.values())) == len(listed)  # no page twice
    for g in golds:
        side = json.loads(g.article.with_suffix(".json").read_text(encoding="utf-8"))
        assert SIDECAR_KEYS <= set(side), g.path.name
        assert side["url"] == listed[g.article.stem] and side["retrieved"] == "2026-11-30"
        assert side["language"] == g.lang and side["publisher"] and side["query"]
        assert not g.text.endswith("\n"), g.path.name  # kept as retrieved


def test_o_is_held_out_with_no_error_list():
    """Set O is the held-out measure since the ninth round (sets K and N are seen: the gold
    README says when); it keeps no error list."""
    gold = ROOT / "tests" / "data" / "gold" / "real_heldout_o"
    assert not (gold / "baseline_errors.txt").exists()  # held out: errors never kept or read
    assert "held out" in (gold / "README.md").read_text(encoding="utf-8").lower()
    top = (ROOT / "tests" / "data" / "gold" / "README.md").read_text(encoding="utf-8")
    assert "Sets K and N seen, set O the held-out measure" in top


def test_p_is_held_out_with_no_error_list():
    """Set P (2026-11-30) is a second blind held-out set, held out like set O: no error list, and
    the gold README says so."""
    gold = ROOT / "tests" / "data" / "gold" / "real_heldout_p"
    assert not (gold / "baseline_errors.txt").exists()  # held out: errors never kept or read
    assert "held out" in (gold / "README.md").read_text(encoding="utf-8").lower()
    top = (ROOT / "tests" / "data" / "gold" / "README.md").read_text(encoding="utf-8")
    assert "Held-out set P (2026-11-30)" in top
