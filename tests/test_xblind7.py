"""Held-out set O (issue 12): the gold files and texts are well formed.

Structure only: this test never runs the extractor and reads nothing of the other held-out sets.
Every mention must be locatable exactly as the gold README says (text unique, or context unique
and containing text, or an occurrence that exists), every relation must join two mentioned
documents with a scored kind, types must be concepts of the doc-type scheme, and every page must
have its sidecar and URLS.txt line.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold" / "real_heldout_o"
ARTICLES = ROOT / "tests" / "data" / "articles" / "real_heldout_o"
KINDS = {"replaces", "plannedToReplace", "amends", "implements", "guides", "continues", "merges"}
TOP = {"article", "lang", "origin", "split", "annotator", "notes", "mentions", "relations"}
MENTION = {"id", "doc", "text", "context", "occurrence", "type", "number", "code", "date",
           "issuer", "subject"}
GOLD_FILES = sorted(GOLD.glob("o*.json"))


def _concepts():
    ttl = (ROOT / "ontology" / "doctypes.ttl").read_text(encoding="utf-8")
    return set(re.findall(r"^pkdt:([A-Za-z-]+)", ttl, re.M))


def test_set_has_its_pages():
    assert len(GOLD_FILES) >= 12
    langs = {json.loads(f.read_text(encoding="utf-8"))["lang"] for f in GOLD_FILES}
    assert {"vi", "en", "fr"} <= langs


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_gold_file_is_well_formed(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == TOP
    assert gold["split"] == "real-heldout-o" and gold["origin"] == "real"
    text = (ROOT / gold["article"]).read_text(encoding="utf-8")
    assert not text.endswith("\n")
    concepts = _concepts()
    ids, docs = set(), set()
    for m in gold["mentions"]:
        assert set(m) <= MENTION and m["id"] not in ids
        ids.add(m["id"])
        docs.add(m["doc"])
        assert m["type"] in concepts
        if "context" in m:
            assert text.count(m["context"]) == 1 and m["text"] in m["context"]
        elif "occurrence" in m:
            assert 1 <= m["occurrence"] <= text.count(m["text"])
        else:
            assert text.count(m["text"]) == 1, m["text"]
        if "code" in m:
            assert m["code"] in m["text"]
    for r in gold["relations"]:
        assert r["kind"] in KINDS and r["from"] in docs and r["to"] in docs


def test_sidecars_and_urls_list():
    lines = (ARTICLES / "URLS.txt").read_text(encoding="utf-8").splitlines()
    listed = dict(line.split("\t", 1) for line in lines)
    assert set(listed) == {p.stem for p in GOLD_FILES}
    assert len(set(listed.values())) == len(listed)
    for stem, url in listed.items():
        side = json.loads((ARTICLES / f"{stem}.json").read_text(encoding="utf-8"))
        assert side["url"] == url and side["retrieved"] == "2026-11-30"
        assert side["language"] in {"vi", "en", "fr", "id"} and side["publisher"]
