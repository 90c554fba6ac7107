"""The graph views in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by
Playwright. Each page must load with no console error and no request outside the page, draw as
many nodes and edges as its networkx graph holds, run nothing injected through a label, and
stop its physics once laid out. Screenshots go to test-artifacts/views/.

Marked ``browser``; they run in CI (``scripts/setup --test`` installs chromium). Without
chromium or Playwright they fail when CI=true and are skipped, with the reason, otherwise.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import browser as browser_harness
from browser import launch
from conftest import DATA, ROOT, load_kg

from partykg.views import view as views
from partykg.model.vocab import BASE

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "views"
XSS_LABEL = "<img src=x onerror=alert(1)>"


def iri(path: str) -> str:
    return BASE + path


@pytest.fixture(scope="module")
def browser():
    yield from launch()


class Page(browser_harness.Page):
    """A view page, waited on until its layout is stable."""

    def __init__(self, browser, path: Path):
        super().__init__(browser, path, viewport={"width": 1280, "height": 800})
        # waiting on a selector needs no eval (the page's policy forbids it)
        self.page.wait_for_selector("body[data-stable=true]", state="attached", timeout=60_000)

    def eval(self, js: str, arg=None):
        return self.page.evaluate(js, arg)

    def node_xy(self, node_id: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        return tuple(self.eval("""(id) => {
            const n = partykgView.network, p = n.canvasToDOM(n.getPositions([id])[id]);
            const r = document.getElementById('mynetwork').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }""", node_id))

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path



@pytest.fixture(scope="module")
def fkg():
    return load_kg(DATA / "views" / "views.trig")


@pytest.fixture(scope="module")
def xkg():
    return load_kg(DATA / "views" / "xss.trig")


def write(g: nx.MultiDiGraph, tmp_path: Path, name: str) -> Path:
    return views.write_html(g, tmp_path / f"{name}.html")


VIEWS = [
    ("graph", "graph", None, "en"),
    ("graph-vi", "graph", None, "vi"),
    ("neighbourhood-secretariat", "neighbourhood", "body/secretariat", "en"),
    ("lineage-51", "lineage", "doc/tw/ct/2005/51", "en"),
    ("bodies", "bodies", None, "vi"),
    ("source-vi", "source", "source/views-fixture-vi", "en"),
]


@pytest.mark.parametrize("name, kind, focus, lang", VIEWS, ids=[v[0] for v in VIEWS])
def test_view_loads_offline_and_draws_the_graph(browser, fkg, tmp_path, name, kind, focus, lang):
    g = views.build_view(fkg, kind, iri(focus) if focus else None, depth=1, lang=lang)
    page = Page(browser, write(g, tmp_path, name))
    try:
        drawn = page.eval("""() => ({
            nodes: partykgView.nodes.length, edges: partykgView.edges.length,
            bodyNodes: partykgView.network.body.nodeIndices.length,
            bodyEdges: partykgView.network.body.edgeIndices.length})""")
        shot = page.screenshot(name)
        assert page.errors == []
        assert page.outside == []
        assert drawn == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                         "bodyNodes": g.number_of_nodes(), "bodyEdges": g.number_of_edges()}
        assert shot.stat().st_size > 5_000
    finally:
        page.close()


def test_seed_graph_lineage_of_directive_51(browser, kg, tmp_path):
    """The README's main job: the lineage of Directive 51-CT/TW over the seed graph."""
    g = views.build_view(kg, "lineage", views.resolve_focus(kg, "51-CT/TW"))
    page = Page(browser, write(g, tmp_path, "seed-lineage-51"))
    try:
        n = page.eval("() => [partykgView.nodes.length, partykgView.edges.length]")
        dashed = page.eval("() => partykgView.edges.get().filter(e => e.dashes).length")
        page.screenshot("seed-lineage-51")
        assert page.errors == [] and page.outside == []
        assert n == [g.number_of_nodes(), g.number_of_edges()]
        assert dashed >= 1  # the planned replacement
    finally:
        page.close()


def test_xss_label_shows_as_text_and_runs_nothing(browser, xkg, tmp_path):
    g = views.build_view(xkg)
    page = Page(browser, write(g, tmp_path, "xss"))
    try:
        body = iri("body/xss")
        doc = iri("doc/tw/ct/2000/1")
        # hover the body, then the document: their tooltips show the markup as text
        tips, images = [], []
        for node in (body, doc):
            page.page.mouse.move(5, 5)
            x, y = page.node_xy(node)
            page.page.mouse.move(x, y)
            page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
            tips.append(page.eval("() => document.querySelector('div.vis-tooltip').textContent"))
            images.append(page.eval("() => document.querySelectorAll('img, svg [onload]').length"))
        page.page.wait_for_timeout(300)
        assert images == [0, 0]
        injected = page.eval("""() => ({
            img: document.querySelectorAll('img').length,
            scripts: document.scripts.length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            label: partykgView.nodes.get(%r).label})""" % body)
        page.screenshot("xss")
        assert page.dialogs == []
        assert injected == {"img": 0, "scripts": 3, "handlers": 0, "label": XSS_LABEL}
        assert XSS_LABEL in tips[0]
        assert "\"><svg onload=alert(3)>" in tips[1]
        assert "<img src=y onerror=alert(4)>" in tips[1]  # the source's title
        assert page.errors == [] and page.outside == []
    finally:
        page.close()


def test_click_highlights_neighbours_and_search_finds(browser, fkg, tmp_path):
    g = views.build_view(fkg)
    page = Page(browser, write(g, tmp_path, "interaction"))
    try:
        sec = iri("body/secretariat")
        x, y = page.node_xy(sec)
        page.page.mouse.click(x, y)
        state = page.eval("""() => ({highlighted: partykgView.highlighted,
            neighbours: partykgView.neighbours.slice().sort(),
            selected: partykgView.network.getSelectedNodes().length})""")
        expected = sorted(set(g.successors(sec)) | set(g.predecessors(sec)))
        assert state["highlighted"] == sec
        assert state["neighbours"] == expected
        assert state["selected"] == len(expected) + 1
        far = iri("person/bui-thanh-son")
        colours = page.eval("(ids) => ids.map(i => partykgView.nodes.get(i).color.background)",
                            [far, expected[0]])
        assert colours[0] == "#eeeeee"  # dimmed
        assert colours[1] != "#eeeeee"
        page.screenshot("interaction-highlight")

        # search by a Vietnamese name, typed without accents, in the English page
        page.page.fill("#pk-search", "Ban Bi thu")
        page.page.press("#pk-search", "Enter")
        found = page.eval("() => partykgView.highlighted")
        result = page.page.text_content("#pk-search-result")
        assert found == sec and result.startswith("1 / 1")
        page.page.fill("#pk-search", "no such thing")
        page.page.press("#pk-search", "Enter")
        assert page.page.text_content("#pk-search-result") == "no match"
        page.page.click("#pk-clear")
        assert page.eval("() => partykgView.highlighted") is None
        assert page.eval("(i) => partykgView.nodes.get(i).color.background", far) != "#eeeeee"
        assert page.errors == [] and page.outside == []
    finally:
        page.close()


def test_physics_stops_and_lineage_reads_left_to_right(browser, fkg, tmp_path):
    g = views.build_view(fkg, "lineage", iri("doc/tw/ct/2005/51"))
    page = Page(browser, write(g, tmp_path, "lineage-physics"))
    try:
        before = page.eval("() => partykgView.network.getPositions()")
        page.page.wait_for_timeout(700)
        after = page.eval("() => partykgView.network.getPositions()")
        assert before == after  # nothing moves once laid out
        x = {n: before[n]["x"] for n in g}
        for s, o in g.edges():
            assert x[s] > x[o]  # newer documents to the right of what they replace/implement
        assert page.eval("() => partykgView.stableAt") > 0
    finally:
        page.close()
