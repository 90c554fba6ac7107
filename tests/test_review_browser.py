"""`partykg review --html` in a real browser (Debian's chromium through Playwright): the page loads
with no console error, no request outside the page and no script run from the article's text;
every mention is highlighted with its link status (linked / new / ambiguous) and points to its
candidate's card; every relation is shown on its sentence. Marked ``browser`` like
tests/test_views_browser.py (skipped, with the reason, when chromium or Playwright is missing,
and failing in CI)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT

from partykg.ingest.candidates import build, read, write
from partykg.ingest.extract import extract
from partykg.ingest.review_html import render_html
from partykg.store.embedded import KnowledgeGraph

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("PARTYKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu",
                 "--disable-background-networking", "--no-first-run"]
XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>" onmouseover="alert(3)'
ARTICLE = f"""Party Committee reviews the new rules on cadres {XSS}

The Secretariat issued Directive 95-CT/TW dated May 2, 2024 on cadre training, which replaces Directive 51-CT/TW.
The Politburo's Regulation 96-QD/TW amends Regulation 209 on the merger.
It recalled Resolution 02 of the Party Committee of the Ministry of Foreign Affairs on inspection.
The Committee will build a new Directive on Party work abroad to replace Directive 95-CT/TW.
"""


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def candidates(tmp_path_factory):
    root = tmp_path_factory.mktemp("rv") / "project"
    for name in ("ontology", "queries"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(DATA / "extract" / "project" / "graph", root / "graph")
    kg = KnowledgeGraph.load(root)
    cs = build(extract(ARTICLE, "en"), stem="review_0000000000000000", kg=kg,
               title=f"A title {XSS}", source_url="https://example.org/a?x=<b>")
    path = root.parent / "cands.trig"
    write(cs, path)
    return root, path


def test_review_html_in_a_browser(browser, candidates, tmp_path):
    root, path = candidates
    out = tmp_path / "review.html"
    r = subprocess.run([sys.executable, "-m", "partykg.cli.main", "--root", str(root), "review",
                        str(path), "--html", str(out)], capture_output=True, text=True,
                       cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    cs = read(path)
    page = browser.new_page()
    errors, outside, dialogs = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "assert") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(rt):
        if rt.request.url.startswith(("file:", "data:")):
            rt.continue_()
        else:
            outside.append(rt.request.url)
            rt.abort()
    page.route("**/*", route)
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    mentions = page.query_selector_all(".article a.m")
    spans = sum(len(d.occurrences) for d in cs.documents)
    assert len(mentions) == spans > 0
    statuses = {d.id: d.link for d in cs.documents}
    assert set(statuses.values()) == {"linked", "new", "ambiguous"}
    for a in mentions:
        target = a.get_attribute("href")[1:]
        assert target in statuses
        assert statuses[target] in a.get_attribute("class").split()
        assert page.query_selector(f'[id="{target}"]') is not None
    # the linked directive's card gives its graph IRI
    linked = next(d for d in cs.documents if d.link == "linked" and d.code == "51-CT/TW")
    assert "doc/tw/ct/2005/51" in page.inner_text(f'[id="{linked.id}"]')
    # each relation on its sentence, both documents highlighted
    for rel in cs.relations:
        card = page.query_selector(f'[id="{rel.id}"]')
        assert card is not None and rel.kind in card.inner_text()
        assert card.query_selector(".sent .src") and card.query_selector(".sent .tgt")
    assert "planned" in page.inner_text("body")
    # nothing injected ran or loaded; the hostile text is shown as text
    assert page.query_selector_all("img") == [] and page.query_selector_all("script") == []
    assert XSS in page.inner_text(".article")
    assert dialogs == [] and outside == [] and errors == [], (dialogs, outside, errors)
    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)
    page.close()


def test_review_html_escapes_and_has_a_strict_policy(candidates):
    _root, path = candidates
    page = render_html(read(path))
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "default-src 'none'" in page and "script-src 'none'" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
