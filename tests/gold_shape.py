"""The shape of a blind set's gold files, texts and sidecars (tests/data/gold/README.md), shared by
the tests of sets O, P and Q. Structure only: nothing here runs the extractor or imports partykg."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"replaces", "plannedToReplace", "amends", "implements", "guides", "continues", "merges"}
TOP = {"article", "lang", "origin", "split", "annotator", "notes", "mentions", "relations"}
MENTION = {"id", "doc", "text", "context", "occurrence", "type", "number", "code", "date",
           "issuer", "subject"}


def set_paths(name: str) -> tuple[Path, Path, list[Path]]:
    """(gold folder, articles folder, gold files) of set ``name``, whose pages start with its
    letter (set O: o01_…)."""
    gold = ROOT / "tests" / "data" / "gold" / name
    return gold, ROOT / "tests" / "data" / "articles" / name, sorted(gold.glob(f"{name[-1]}*.json"))


def concepts() -> set[str]:
    ttl = (ROOT / "ontology" / "doctypes.ttl").read_text(encoding="utf-8")
    return set(re.findall(r"^pkdt:([A-Za-z-]+)", ttl, re.M))


def _start(text: str, m: dict) -> int:
    if "context" in m:
        return text.index(m["context"]) + m["context"].index(m["text"])
    start = -1
    for _ in range(m.get("occurrence", 1)):
        start = text.index(m["text"], start + 1)
    return start


def check_gold_file(path: Path, every_page_relates: bool = True) -> None:
    """Every mention locatable as the gold README says (text unique, or context unique and
    containing text, or an occurrence that exists), one mention per span, types concepts of the
    doc-type scheme, and relations joining two mentioned documents with a scored kind (at least
    one unless ``every_page_relates`` is false: set O kept one page with none)."""
    name = path.parent.name
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == TOP
    assert gold["split"] == "real-heldout-" + name[-1] and gold["origin"] == "real"
    assert gold["article"] == f"tests/data/articles/{name}/{path.stem}.txt"
    assert gold["lang"] in re.split(r"[_-]", path.stem)  # the page's name says its language
    text = (ROOT / gold["article"]).read_text(encoding="utf-8")
    assert not text.endswith("\n")
    known = concepts()
    ids, docs, spans = set(), set(), set()
    for m in gold["mentions"]:
        assert set(m) <= MENTION and m["id"] not in ids
        ids.add(m["id"])
        docs.add(m["doc"])
        assert m["type"] in known
        if "context" in m:
            assert text.count(m["context"]) == 1 and m["text"] in m["context"]
        elif "occurrence" in m:
            assert 1 <= m["occurrence"] <= text.count(m["text"])
        else:
            assert text.count(m["text"]) == 1, m["text"]
        start = _start(text, m)
        assert text[start:start + len(m["text"])] == m["text"]
        assert (start, len(m["text"])) not in spans  # one mention per span
        spans.add((start, len(m["text"])))
        if "code" in m:
            assert m["code"] in m["text"]
        if "date" in m:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", m["date"])
    assert gold["relations"] or not every_page_relates
    for r in gold["relations"]:
        assert r["kind"] in KINDS and r["from"] in docs and r["to"] in docs
        assert r["from"] != r["to"]


def check_sidecars(name: str) -> None:
    """Every page has its text, its sidecar (URL, publisher, language, query, retrieval date) and
    its line in URLS.txt, and no URL is listed twice."""
    _, articles, files = set_paths(name)
    lines = (articles / "URLS.txt").read_text(encoding="utf-8").splitlines()
    listed = dict(line.split("\t", 1) for line in lines)
    assert set(listed) == {p.stem for p in files}
    assert set(listed) == {p.stem for p in articles.glob(f"{name[-1]}*.txt")}
    assert len(set(listed.values())) == len(listed)
    for stem, url in listed.items():
        side = json.loads((articles / f"{stem}.json").read_text(encoding="utf-8"))
        assert side["url"] == url and side["retrieved"] == "2026-11-30"
        assert side["language"] in {"vi", "en", "fr", "id"} and side["publisher"] and side["query"]
