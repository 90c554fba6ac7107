"""Development set LD (tests/data/gold/real_dev_ld): every gold file loads (spans unique, relations
between annotated documents), and every article has a sidecar with its source and a line in
URLS.txt, as the gold README's method requires for real pages."""

import json
from pathlib import Path

from partykg.ingest.extract_eval import GOLD_KINDS, load_all

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold" / "real_dev_ld"
ARTICLES = ROOT / "tests" / "data" / "articles" / "real_dev_ld"


def test_ld_gold_loads_and_points_at_its_articles():
    golds = load_all(GOLD, ROOT)
    assert golds and {g.split for g in golds} == {"real-dev-ld"}
    assert {g.origin for g in golds} == {"real"}
    for g in golds:
        assert g.article.parent == ARTICLES
        for m in g.mentions:
            assert g.text[m.start:m.end] == m.text
        docs = {m.doc for m in g.mentions}
        for r in g.relations:
            assert r["kind"] in GOLD_KINDS and r["from"] in docs and r["to"] in docs


def test_ld_articles_have_sidecars_and_urls():
    golds = load_all(GOLD, ROOT)
    listed = dict(line.split("\t") for line in
                  (ARTICLES / "URLS.txt").read_text(encoding="utf-8").splitlines())
    assert sorted(listed) == sorted(g.article.stem for g in golds)
    assert len(set(listed.values())) == len(listed)  # no page twice
    for g in golds:
        side = json.loads(g.article.with_suffix(".json").read_text(encoding="utf-8"))
        assert side["url"] == listed[g.article.stem]
        assert side["language"] == g.lang and side["retrieved"] == "2026-11-30"
        assert side["publisher"] and side["query"]
        assert not g.text.endswith("\n")  # kept as retrieved, no newline added
