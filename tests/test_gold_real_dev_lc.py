"""The real development set LC (tests/data/gold/real_dev_lc): every gold file loads, every page
has its sidecar and URL, and the texts are the retrieved spans (no trailing newline added)."""

import json
from pathlib import Path

from partykg.ingest.extract_eval import GOLD_KINDS, load_all

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold" / "real_dev_lc"
ARTICLES = ROOT / "tests" / "data" / "articles" / "real_dev_lc"
SIDECAR_KEYS = {"url", "publisher", "title", "date", "language", "retrieved", "query", "note"}


def test_every_lc_gold_file_loads_with_its_spans_and_relations():
    golds = load_all(GOLD, ROOT)  # raises if a span is missing or not unique
    assert len(golds) == 15
    assert {g.split for g in golds} == {"real-dev-lc"} and {g.lang for g in golds} == {"vi"}
    assert sum(len(g.mentions) for g in golds) == 68
    assert sum(len(g.relations) for g in golds) == 18
    for g in golds:
        assert g.relations, g.path.name  # every kept page states a scored relation
        docs = {m.doc for m in g.mentions}
        for r in g.relations:
            assert r["kind"] in GOLD_KINDS and r["from"] in docs and r["to"] in docs


def test_every_lc_page_has_a_sidecar_and_its_url_listed():
    urls = dict(line.split("\t") for line in
                (ARTICLES / "URLS.txt").read_text(encoding="utf-8").splitlines())
    texts = sorted(ARTICLES.glob("*.txt"))
    texts = [p for p in texts if p.name != "URLS.txt"]
    assert len(texts) == 15 and set(urls) == {p.stem for p in texts}
    for p in texts:
        side = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
        assert SIDECAR_KEYS <= set(side), p.name
        assert side["url"] == urls[p.stem] and side["retrieved"] == "2026-11-30"
        assert side["language"] == "vi"
        assert not p.read_text(encoding="utf-8").endswith("\n"), p.name
