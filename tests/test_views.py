"""Graph views, exports and analytics, without a browser (see test_views_browser.py for the
pages in Chromium). Fixtures: tests/data/views/*.trig; expected figures are counted by hand from
those files (their header comments say what they hold)."""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from conftest import DATA, ROOT, load_kg
from servers import loaded_endpoint  # noqa: F401  (a fixture)

from partykg.views import view as views
from partykg.views.analytics import graph_stats, render_graph_stats, stats_of
from partykg.model.vocab import BASE, PK

VIEWS = DATA / "views"
XSS_LABEL = "<img src=x onerror=alert(1)>"


def iri(path: str) -> str:
    return BASE + path


@pytest.fixture(scope="module")
def fkg():
    return load_kg(VIEWS / "views.trig")


@pytest.fixture(scope="module")
def xkg():
    return load_kg(VIEWS / "xss.trig")


@pytest.fixture(scope="module")
def akg():
    return load_kg(VIEWS / "analytics.trig")


def labels(g: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, d in g.nodes(data=True)}


def edge_triples(g: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(g.nodes[s]["label"], d["label"], g.nodes[o]["label"])
            for s, o, d in g.edges(data=True)}


# --- what the views hold --------------------------------------------------------------------------

def test_whole_graph_counts(fkg):
    g = views.build_view(fkg)
    # 10 documents, 7 bodies, 1 merger, 1 event, 1 person (see views.trig)
    assert g.number_of_nodes() == 20
    # 9 issued by + 10 between documents (incl. drafted by) + 3 hierarchy + 4 merger + 2 event
    # + 2 posts; pk:mergedInto is shown by the pk:Merger, not twice
    assert g.number_of_edges() == 30
    cats = {c: sum(1 for _, d in g.nodes(data=True) if d["category"] == c)
            for c in ("document", "body", "merger", "event", "person")}
    assert cats == {"document": 10, "body": 7, "merger": 1, "event": 1, "person": 1}


def test_node_count_matches_an_independent_sparql_count(fkg):
    rows = fkg.select("""SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {
        VALUES ?top { pk:Document pk:Body pk:Event pk:Merger pk:Person }
        ?n a ?cls . ?cls rdfs:subClassOf* ?top }""")
    assert int(rows[0]["c"].value) == views.build_view(fkg).number_of_nodes()


def test_no_literal_source_or_post_is_a_node(fkg):
    g = views.build_view(fkg)
    for n in g:
        assert n.startswith(BASE), n
        assert not n.startswith((iri("source/"), iri("post/"), iri("term/"))), n


def test_labels_codes_and_repeated_codes(fkg):
    g = views.build_view(fkg)
    assert g.nodes[iri("doc/tw/ct/2005/51")]["label"] == "51-CT/TW"
    # two Resolutions 02-NQ/ĐUB: told apart by year
    assert g.nodes[iri("doc/dub/nq/2021/2")]["label"] == "02-NQ/ĐUB (2021)"
    assert g.nodes[iri("doc/dub/nq/2023/2")]["label"] == "02-NQ/ĐUB (2023)"
    # a document without code: its name
    planned = g.nodes[iri("doc/unknown/ct/overseas-party-work-new-directive")]
    assert planned["label"] == "New directive on overseas Party work"
    # a merger without a name: its class and date
    assert g.nodes[iri("body/merger/overseas-into-mofa")]["label"] == "Merger (2019-11)"


def test_language_and_fallback(fkg):
    vi = views.build_view(fkg, lang="vi")
    assert vi.nodes[iri("body/secretariat")]["label"] == "Ban Bí thư"
    assert vi.nodes[iri("person/bui-thanh-son")]["label"] == "Bùi Thanh Sơn"
    assert vi.nodes[iri("doc/tw/ct/2005/51")]["issuer"] == "Ban Bí thư"
    assert vi.graph["title"] == "Toàn bộ đồ thị"
    en = views.build_view(fkg, lang="en")
    assert en.nodes[iri("body/secretariat")]["label"] == "Secretariat"
    # relation labels come from the ontology in the chosen language
    assert ("51-CT/TW", "replaces", "21-CT/TW") in edge_triples(en)
    assert ("51-CT/TW", "thay thế", "21-CT/TW") in {
        (vi.nodes[s]["label"], d["label"], vi.nodes[o]["label"]) for s, o, d in vi.edges(data=True)}


def test_pick_falls_back_to_english_then_untagged_then_any():
    assert views.pick([("a", "en"), ("b", "vi"), ("c", None)], "vi") == "b"
    assert views.pick([("a", "en"), ("c", None)], "vi") == "a"
    assert views.pick([("c", None), ("f", "fr")], "vi") == "c"
    assert views.pick([("f", "fr")], "vi") == "f"
    assert views.pick([("x", "vi-VN"), ("a", "en")], "vi") == "x"
    assert views.pick([], "en") is None


def test_tooltip_data(fkg):
    g = views.build_view(fkg)
    d51 = g.nodes[iri("doc/tw/ct/2005/51")]
    assert d51["date"] == "2005-04-13"
    assert d51["issuer"] == "Secretariat"
    assert d51["title"] == "On strengthening Party work among Vietnamese abroad"
    assert d51["class_label"] == "Directive"
    assert d51["planned"] is False
    assert d51["sources"] == [  # by date
        "Fixture article on overseas Party work (Fixture Press, 2023-12-21)",
        "Bài báo mẫu về công tác đảng ở nước ngoài (Báo Mẫu, 2023-12-22)"]
    planned = g.nodes[iri("doc/unknown/ct/overseas-party-work-new-directive")]
    assert planned["planned"] is True
    assert planned["status"] == "planned (as of 2023-12-21)"


def test_planned_relations_are_marked(fkg):
    g = views.build_view(fkg)
    new = iri("doc/unknown/ct/overseas-party-work-new-directive")
    by_rel = {(s, d["relation"]): d["planned"] for s, o, d in g.edges(data=True)}
    assert by_rel[(new, PK + "plannedToReplace")] is True
    assert by_rel[(new, PK + "inConjunctionWith")] is True  # stated of a planned document
    assert by_rel[(iri("doc/tw/ct/2005/51"), PK + "replaces")] is False
    assert by_rel[(iri("doc/tw/tb/2012/89"), PK + "implements")] is False


def test_neighbourhood_depths(fkg):
    sec = iri("body/secretariat")
    g1 = views.build_view(fkg, "neighbourhood", sec, depth=1)
    assert labels(g1) == {"Secretariat", "Central Committee", "51-CT/TW", "89-TB/TW"}
    g2 = views.build_view(fkg, "neighbourhood", sec, depth=2)
    assert labels(g2) == {"Secretariat", "Central Committee", "51-CT/TW", "89-TB/TW",
                          "Politburo", "Central Organisation Commission", "21-CT/TW",
                          "36-NQ/TW", "04-HD/BTCTW", "New directive on overseas Party work"}
    g0 = views.build_view(fkg, "neighbourhood", sec, depth=0)
    assert labels(g0) == {"Secretariat"} and g0.number_of_edges() == 0


def test_lineage_members_order_and_levels(fkg):
    g = views.build_view(fkg, "lineage", iri("doc/tw/ct/2005/51"))
    order = [g.nodes[n]["label"] for n in g.graph["order"]]
    # ancestors (21 replaced, 36 implemented) and descendants (89 implements, 04 guides, the
    # planned directive as of 2023-12-21); not the siblings that implement 36-NQ/TW as well
    assert order == ["21-CT/TW", "36-NQ/TW", "51-CT/TW", "89-TB/TW", "04-HD/BTCTW",
                     "New directive on overseas Party work"]
    level = {g.nodes[n]["label"]: g.nodes[n]["level"] for n in g}
    assert level == {"21-CT/TW": 0, "36-NQ/TW": 0, "51-CT/TW": 1, "89-TB/TW": 2,
                     "04-HD/BTCTW": 2, "New directive on overseas Party work": 3}
    assert g.graph["hierarchical"] is True
    # every edge goes from a later column to an earlier one
    for s, o in g.edges():
        assert level[g.nodes[s]["label"]] > level[g.nodes[o]["label"]]


def test_lineage_includes_in_conjunction_with():
    """The planned directive replaces 51 "in conjunction with" 89: both belong to the lineage."""
    g = nx.MultiDiGraph()
    for n, date, planned in (("a", "2005-04-13", False), ("b", "2012-04-23", False),
                             ("p", None, True)):
        g.add_node(n, date=date, planned=planned, label=n,
                   status="planned (as of 2023-12-21)" if planned else None)
    g.add_edge("p", "a", key="r")
    g.add_edge("p", "b", key="c")
    assert views.lineage_order(g) == ["a", "b", "p"]


def test_lineage_of_directive_51_in_the_seed_graph(kg):
    focus = views.resolve_focus(kg, "51-CT/TW")
    g = views.build_view(kg, "lineage", focus)
    assert g.graph["order"][0] == focus  # the oldest
    planned = [n for n in g if g.nodes[n]["planned"]]
    assert planned, "Directive 51-CT/TW has a planned replacement"
    rels = {(s, o, d["relation"]) for s, o, d in g.edges(data=True)}
    assert any((p, focus, PK + "plannedToReplace") in rels for p in planned)
    assert all(d["planned"] for s, o, d in g.edges(data=True) if s in planned)


def test_bodies_view(fkg):
    g = views.build_view(fkg, "bodies")
    assert {d["category"] for _, d in g.nodes(data=True)} == {"body", "merger", "document"}
    assert labels(g) >= {"Central Committee", "Politburo", "Overseas Party Committee",
                         "MOFA Party Committee", "Merger (2019-11)", "209-QĐ/TW"}
    assert g.number_of_nodes() == 9 and g.number_of_edges() == 7
    assert ("Merger (2019-11)", "decided by", "209-QĐ/TW") in edge_triples(g)
    assert ("Politburo", "sub-organisation of", "Central Committee") in edge_triples(g)


def test_source_view_shows_only_that_source(fkg):
    g = views.build_view(fkg, "source", iri("source/views-fixture-vi"))
    assert labels(g) == {"51-CT/TW", "Secretariat", "89-TB/TW", "Overseas Party Committee",
                         "MOFA Party Committee", "New directive on overseas Party work"}
    assert edge_triples(g) == {
        ("51-CT/TW", "issued by", "Secretariat"),
        ("89-TB/TW", "implements", "51-CT/TW"),
        ("Overseas Party Committee", "merged into", "MOFA Party Committee"),
        ("New directive on overseas Party work", "planned to replace", "51-CT/TW")}
    assert g.graph["title"] == "Facts stated by Bài báo mẫu về công tác đảng ở nước ngoài"


def test_resolve_source_by_iri_stem_or_error(fkg):
    assert views.resolve_source(fkg, "views-fixture-en") == iri("source/views-fixture-en")
    assert views.resolve_source(fkg, "source/views-fixture-en") == iri("source/views-fixture-en")
    with pytest.raises(views.PartykgError, match="did you mean source/views-fixture"):
        views.resolve_source(fkg, "fixture")


@pytest.mark.parametrize("kind, focus, message", [
    ("lineage", None, "needs --focus"),
    ("neighbourhood", None, "needs --focus"),
    ("lineage", "body/secretariat", "not a document"),
    ("nonsense", None, "unknown view kind"),
])
def test_bad_view_options(fkg, kind, focus, message):
    with pytest.raises(views.ViewError, match=message):
        views.build_view(fkg, kind, iri(focus) if focus else None)


# --- the page -------------------------------------------------------------------------------------

def data_block(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="partykg-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_page_counts_match_the_graph(fkg):
    for kind, focus in (("graph", None), ("lineage", "doc/tw/ct/2005/51"), ("bodies", None)):
        g = views.build_view(fkg, kind, iri(focus) if focus else None)
        data = data_block(views.render_html(g))
        assert len(data["nodes"]) == g.number_of_nodes()
        assert len(data["edges"]) == g.number_of_edges()
        assert len({e["id"] for e in data["edges"]}) == g.number_of_edges()


def test_page_requests_nothing(fkg):
    html = views.render_html(views.build_view(fkg))
    # no element loads anything: no src/href attributes, no CSS import or remote url()
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", html, re.I)
    for cdn in ("cdn.jsdelivr", "cdnjs", "unpkg", "bootstrap", "googleapis"):
        assert cdn not in html.lower()
    csp = html_lib.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_inline_scripts_match_their_csp_hashes(fkg):
    """The page runs only the scripts whose hashes its policy lists: vis-network and view.js."""
    html = views.render_html(views.build_view(fkg))
    csp = html_lib.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    allowed = set(re.findall(r"'(sha256-[^']+)'", csp))
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for text in scripts:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"sha256-{digest}" in allowed


def test_labels_and_tooltips_are_escaped(xkg):
    body = iri("body/xss")
    g = views.build_view(xkg, "neighbourhood", body)
    assert g.nodes[body]["label"] == XSS_LABEL
    html = views.render_html(g)
    # nowhere in the markup as markup
    for raw in (XSS_LABEL, "<svg onload", "<img src=y", "<script>alert", "<b onmouseover"):
        assert raw not in html
    # the heading is HTML-escaped, the data JSON-escaped, and the texts survive intact
    assert "Neighbourhood of &lt;img src=x onerror=alert(1)&gt;" in html
    data = data_block(html)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id[body]["label"] == XSS_LABEL
    doc = by_id[iri("doc/tw/ct/2000/1")]
    assert doc["info"]["title"] == "\"><svg onload=alert(3)>"
    assert doc["info"]["issuer"] == XSS_LABEL
    assert doc["info"]["sources"] == ["<img src=y onerror=alert(4)>"]
    # </script> in a label cannot close the data block
    assert by_id[iri("doc/tw/ct/2001/2")]["label"] == "</script><script>alert(5)</script>"


def test_legend_lists_the_classes_and_planned_style(fkg):
    html = views.render_html(views.build_view(fkg))
    for cls in ("Directive", "Notice", "Resolution", "Secretariat", "Merger", "Conference",
                "Person", "planned or draft document", "planned relation (dashed)"):
        assert f"<span>{cls}</span>" in html
    data = data_block(html)
    planned = [n for n in data["nodes"] if n.get("shapeProperties", {}).get("borderDashes")]
    assert [n["label"] for n in planned] == ["New directive on overseas Party work"]
    dashed = {e["label"] for e in data["edges"] if e["dashes"]}
    assert dashed == {"planned to replace", "in conjunction with", "drafted by"}


def test_vis_options_scale_with_size():
    small = views.vis_options(50, 60, False)
    big = views.vis_options(5000, 6000, False)
    assert small["layout"]["improvedLayout"] is True
    assert big["layout"]["improvedLayout"] is False
    assert big["edges"]["smooth"] is False
    assert big["physics"]["stabilization"]["iterations"] <= 100
    assert big["physics"]["stabilization"]["enabled"] is True
    lineage = views.vis_options(10, 9, True)
    assert lineage["layout"]["hierarchical"]["enabled"] is True
    assert lineage["layout"]["hierarchical"]["direction"] == "LR"


def test_seed_positions_keep_trees_together():
    g = nx.MultiDiGraph()
    for hub in ("h1", "h2"):
        g.add_node(hub)
        for i in range(30):
            g.add_edge(f"{hub}-{i}", hub, key="issuedBy")
    pos = views.seed_positions(g)
    assert set(pos) == set(g)

    def dist(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    # each document is nearer its own issuer than the other one
    for hub, other in (("h1", "h2"), ("h2", "h1")):
        for i in range(30):
            assert dist(f"{hub}-{i}", hub) < dist(f"{hub}-{i}", other)


# --- export ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_export_reparses(fkg, tmp_path, fmt):
    g = views.build_view(fkg)
    out = views.export_graph(g, tmp_path / f"g.{fmt}", fmt)
    if fmt == "graphml":
        h = nx.read_graphml(out)
    elif fmt == "gexf":
        h = nx.read_gexf(out)
    else:
        h = nx.node_link_graph(json.loads(out.read_text()), edges="links")
    assert h.number_of_nodes() == g.number_of_nodes()
    assert h.number_of_edges() == g.number_of_edges()
    n51 = iri("doc/tw/ct/2005/51")
    assert h.nodes[n51]["label"] == "51-CT/TW"
    assert h.nodes[n51]["issuer"] == "Secretariat"
    assert "Fixture Press" in h.nodes[n51]["sources"]
    rels = {d["relation"] for _, _, d in h.edges(data=True)}
    assert PK + "plannedToReplace" in rels
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


# --- analytics ------------------------------------------------------------------------------------

def test_analytics_on_known_fixture(akg):
    s = graph_stats(akg)
    assert s["nodes"] == 14
    assert s["nodes_by_category"] == {"body": 2, "document": 12}
    assert [(r["label"], r["count"]) for r in s["most_implemented"]] == [
        ("4-CT/TW", 3), ("2-QĐ/TW", 1)]
    assert s["most_implemented"][0]["by"] == ["1-KH/TW", "2-KH/TW", "3-KH/TW"]
    assert [(r["label"], r["count"]) for r in s["most_cited"]] == [("1-QĐ/TW", 2), ("1-CT/TW", 1)]
    chains = s["replacement_chains"]
    assert [[st["label"] for st in c["steps"]] for c in chains] == [
        ["1-CT/TW", "2-CT/TW", "3-CT/TW", "4-CT/TW", "Planned A"],
        ["1-QĐ/TW", "2-QĐ/TW"]]
    assert [c["length"] for c in chains] == [4, 1]
    assert chains[0]["planned_steps"] == 1 and chains[0]["steps"][-1]["planned_step"]
    assert [[st["label"] for st in c["steps"]] for c in s["cycles"]] == [["7-QĐ/TW", "8-QĐ/TW"]]
    assert [st["relation"] for st in s["cycles"][0]["steps"]] == ["replaces", "replaces"]
    comp = s["components"]
    assert comp["count"] == 3 and comp["sizes"] == [11, 2, 1] and comp["isolated"] == 1
    text = render_graph_stats(s)
    assert "1-CT/TW (2001-01-01) -> 2-CT/TW (2005-01-01)" in text
    assert "4-CT/TW (2015-01-01) -?-> Planned A (planned)" in text
    assert "7-QĐ/TW -replaces-> 8-QĐ/TW -replaces-> 7-QĐ/TW" in text
    json.dumps(s)  # JSON-ready


def test_analytics_of_an_empty_graph():
    s = stats_of(nx.MultiDiGraph())
    assert s["nodes"] == 0 and s["replacement_chains"] == [] and s["cycles"] == []
    assert "(none)" in render_graph_stats(s)


# --- the commands ---------------------------------------------------------------------------------

@pytest.fixture()
def fixture_project(tmp_path: Path) -> Path:
    """A project whose graph is the views fixture only."""
    for name in ("ontology", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "graph").mkdir()
    shutil.copy(VIEWS / "views.trig", tmp_path / "graph" / "views.trig")
    return tmp_path


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partykg", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_cli_view_and_export(fixture_project, tmp_path):
    from partykg.cli.main import main

    out = tmp_path / "out" / "lineage.html"
    assert main(["--root", str(fixture_project), "view", "--kind", "lineage",
                 "--focus", "51-CT/TW", "--out", str(out)]) == 0
    data = data_block(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 6
    gml = tmp_path / "g.graphml"
    assert main(["--root", str(fixture_project), "export", "--format", "graphml",
                 "--out", str(gml)]) == 0
    assert nx.read_graphml(gml).number_of_nodes() == 20


def test_cli_errors_exit_2(fixture_project, tmp_path):
    root = ["--root", str(fixture_project)]
    r = run_cli(*root, "view", "--kind", "lineage", "--out", str(tmp_path / "x.html"))
    assert r.returncode == 2 and "needs --focus" in r.stderr and "Traceback" not in r.stderr
    r = run_cli(*root, "view", "--focus", "02-NQ/ĐUB", "--out", str(tmp_path / "x.html"))
    assert r.returncode == 2 and "doc/dub/nq/2021/2" in r.stderr and "doc/dub/nq/2023/2" in r.stderr
    r = run_cli(*root, "view", "--focus", "Directive 9999", "--out", str(tmp_path / "x.html"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    (tmp_path / "file").write_text("x")
    r = run_cli(*root, "view", "--out", str(tmp_path / "file" / "x.html"))
    assert r.returncode == 2 and "cannot write" in r.stderr and "Traceback" not in r.stderr
    r = run_cli(*root, "view", "--depth", "-1", "--out", str(tmp_path / "x.html"))
    assert r.returncode == 2
    assert not (tmp_path / "x.html").exists()


def test_stats_graph_command(fixture_project):
    r = run_cli("--root", str(fixture_project), "stats", "--graph", "--json")
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["nodes"] == 20
    assert s["replacement_chains"][0]["steps"][0]["label"] == "21-CT/TW"


def test_view_command_module_imports_nothing_heavy():
    code = ("import sys, partykg.cli.view; "
            "print(sorted(m for m in ('networkx', 'pyvis', 'rdflib', 'jinja2') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


# --- over a SPARQL endpoint -----------------------------------------------------------------------

def _shape(g: nx.MultiDiGraph):
    return ({n: (d["label"], d["category"], d["planned"], d["issuer"], tuple(d["sources"]))
             for n, d in g.nodes(data=True)},
            sorted((s, o, k, d["label"], d["planned"]) for s, o, k, d in g.edges(keys=True, data=True)),
            g.graph.get("order"))


def test_views_over_an_endpoint_equal_the_embedded_ones(kg, loaded_endpoint):
    from partykg.store.remote import RemoteGraph

    remote = RemoteGraph(loaded_endpoint.query_url, timeout=30)
    focus = views.resolve_focus(kg, "51-CT/TW")
    sources = kg.select("SELECT ?s WHERE { ?s a pk:SourceArticle } ORDER BY ?s LIMIT 1")
    for kind, f in (("graph", None), ("lineage", focus), ("bodies", None),
                    ("neighbourhood", focus), ("source", sources[0]["s"].value)):
        assert _shape(views.build_view(remote, kind, f)) == _shape(views.build_view(kg, kind, f))
