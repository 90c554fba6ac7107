"""The real held-out set N (tests/data/gold/real_heldout_n): every gold file loads, every page
has its sidecar and URL, and the texts are the retrieved spans (no trailing newline added).
It never runs the extractor: set N is held out (totals only, run by the lead; no error list kept)."""

import json
from pathlib import Path

from partykg.ingest.extract_eval import GOLD_KINDS, load_all

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold" / "real_heldout_n"
ARTICLES = ROOT / "tests" / "data" / "articles" / "real_heldout_n"
SIDECAR_KEYS = {"cut", "url", "publisher", "title", "date", "language", "retrieved", "query", "note"}


def test_every_n_gold_file_loads_with_its_spans_and_relations():
    golds = load_all(GOLD, ROOT)  # raises if a span is missing or not unique
    assert len(golds) == 13
    assert {g.split for g in golds} == {"real-heldout-n"} and {g.lang for g in golds} == {"vi", "en", "fr"}
    assert sum(len(g.mentions) for g in golds) == 67
    assert sum(len(g.relations) for g in golds) == 20
    for g in golds:
        assert g.relations, g.path.name  # every kept page states a scored relation
        docs = {m.doc for m in g.mentions}
        for r in g.relations:
            assert r["kind"] in GOLD_KINDS and r["from"] in docs and r["to"] in docs


def test_every_n_page_has_a_sidecar_and_its_url_listed():
    urls = dict(line.split("\t") for line in
                (ARTICLES / "URLS.txt").read_text(encoding="utf-8").splitlines())
    texts = sorted(ARTICLES.glob("*.txt"))
    texts = [p for p in texts if p.name != "URLS.txt"]
    assert len(texts) == 13 and set(urls) == {p.stem for p in texts}
    for p in texts:
        side = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
        assert SIDECAR_KEYS <= set(side), p.name
        assert side["url"] == urls[p.stem] and side["retrieved"] == "2026-11-30"
        assert side["language"] in {"vi", "en", "fr"}
        assert not p.read_text(encoding="utf-8").endswith("\n"), p.name


def test_n_is_held_out_no_error_list_and_languages_match_sidecars():
    assert not (GOLD / "baseline_errors.txt").exists()  # held out: errors are never kept or read
    assert "held out" in (GOLD / "README.md").read_text(encoding="utf-8").lower()
    for g in load_all(GOLD, ROOT):
        side = json.loads(g.article.with_suffix(".json").read_text(encoding="utf-8"))
        assert side["language"] == g.lang, g.path.name
