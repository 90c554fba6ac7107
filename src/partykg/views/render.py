"""A view graph as a self-contained HTML page: layout, vis-network options, legend, inlined assets."""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from partykg.errors import PartykgError
from partykg.files import write_atomic
from partykg.views.catalog import local_name, short_id
from partykg.views.style import CLASS_COLOURS, FAMILY_COLOURS, I18N, SEED_LAYOUT_ABOVE, _BORDER, _CATEGORY_COLOURS, _CATEGORY_ORDER, _FAMILY_ORDER, _TEMPLATES


def _class_colour(cls: str, category: str) -> str:
    return CLASS_COLOURS.get(local_name(cls), _CATEGORY_COLOURS[category])


def seed_positions(g: nx.MultiDiGraph, spacing: float = 55.0) -> dict[str, tuple[float, float]]:
    """Initial positions for big graphs, so that a few physics iterations suffice: each node
    hangs from its best-connected neighbour (a document from its issuer, a body from its
    parent), and each such tree is laid out as a sunflower disc around its root; the trees'
    discs are packed in a sunflower too. Linear in the size of the graph."""
    import math

    golden = math.pi * (3 - math.sqrt(5))
    nbrs: dict[str, set[str]] = {n: set() for n in g}
    for s_, o_ in g.edges():
        if s_ != o_:
            nbrs[s_].add(o_)
            nbrs[o_].add(s_)
    deg = {n: len(v) for n, v in nbrs.items()}
    rank = {n: (deg[n], n) for n in g}
    parent: dict[str, str] = {}
    for n in g:
        best = max(nbrs[n], key=rank.__getitem__, default=None)
        if best is not None and rank[best] > rank[n]:
            parent[n] = best
    children: dict[str, list[str]] = defaultdict(list)
    for n, p_ in parent.items():
        children[p_].append(n)
    roots = [n for n in g if n not in parent]
    size: dict[str, int] = {}

    def tree_size(root: str) -> int:
        total, stack = 0, [root]
        while stack:
            n = stack.pop()
            total += 1
            stack.extend(children.get(n, ()))
        return total

    for r in roots:
        size[r] = tree_size(r)
    roots.sort(key=lambda r: (-size[r], r))
    pos: dict[str, tuple[float, float]] = {}
    area = 0.0  # sum of the squared radii of the discs placed so far
    for i, r in enumerate(roots):
        disc = spacing * (1.0 + math.sqrt(size[r]))
        rad = 1.6 * math.sqrt(area + disc * disc) if i else 0.0
        area += disc * disc
        stack = [(r, rad * math.cos(i * golden), rad * math.sin(i * golden))]
        while stack:
            n, x, y = stack.pop()
            pos[n] = (round(x, 1), round(y, 1))
            kids = sorted(children.get(n, ()), key=lambda c: (-deg[c], c))
            for j, c in enumerate(kids):
                rr = spacing * (1.0 + math.sqrt(j + 1))
                a = j * golden
                stack.append((c, x + rr * math.cos(a), y + rr * math.sin(a)))
    return pos


def _dark(colour: str) -> bool:
    """Whether a #rrggbb fill reads better with a white label than with the default dark grey
    (#343434): WCAG contrast ratios compared, i.e. relative luminance below 0.25."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2] < 0.25


def _vis_node(n: str, d: Mapping[str, Any], big: bool) -> dict[str, Any]:
    fill = _class_colour(d["class"], d["category"])
    planned = bool(d.get("planned"))
    node: dict[str, Any] = {
        "id": n,
        "label": d["label"],
        "shape": d["shape"],
        "color": {"background": "#ffffff" if planned else fill,
                  "border": "#7f8c8d" if planned else _BORDER,
                  "highlight": {"background": fill, "border": "#000000"},
                  "hover": {"background": fill, "border": "#000000"}},
        "borderWidth": 2 if planned else 1,
        "info": {k: d.get(k) for k in ("name", "code", "class_label", "title", "date", "issuer",
                                       "status", "sources")},
        "search": d.get("search", ""),
        "category": d["category"],
    }
    node["info"]["id"] = short_id(n)
    if d["shape"] in ("triangle", "diamond", "hexagon"):
        node["size"] = 14 if big else 18
    if planned:
        node["shapeProperties"] = {"borderDashes": [6, 4]}
        node["font"] = {"color": "#555555"}
    elif d["shape"] in ("box", "ellipse") and _dark(fill):
        node["font"] = {"color": "#ffffff"}  # the label is drawn inside the shape
    if "level" in d:
        node["level"] = d["level"]
    return node


def _vis_edge(s: str, o: str, key: str, d: Mapping[str, Any], big: bool) -> dict[str, Any]:
    colour = FAMILY_COLOURS.get(d.get("family", "other"), FAMILY_COLOURS["other"])
    return {
        "id": f"{s}\n{key}\n{o}",
        "from": s, "to": o,
        "label": d.get("label", ""),
        "arrows": "to",
        "dashes": bool(d.get("planned")),
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "relation": d.get("relation"),
        "width": 1.5 if d.get("family") == "replacement" else 1,
    }


def vis_options(n_nodes: int, n_edges: int, hierarchical: bool) -> dict[str, Any]:
    """vis-network options, tuned by size: physics that stabilises within a bounded number of
    iterations and then stops (the page turns physics off on stabilizationIterationsDone);
    no improved layout (Kamada-Kawai) and straight edges on big graphs."""
    big = n_nodes > 1000
    medium = n_nodes > 200
    iterations = 150 if not medium else (120 if not big else 60)
    opts: dict[str, Any] = {
        "autoResize": True,
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "margin": 8,
                  "widthConstraint": {"maximum": 220}},
        "edges": {
            "font": {"size": 10, "align": "middle", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": False if medium else {"enabled": True, "type": "continuous",
                                            "roundness": 0.3},
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                        "hideEdgesOnDrag": medium, "hideEdgesOnZoom": big,
                        "multiselect": False},
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "physics": {
            "enabled": n_nodes > 0,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000 if not big else -3000,
                          "centralGravity": 0.3, "springLength": 140 if not big else 90,
                          "springConstant": 0.04, "damping": 0.35, "avoidOverlap": 0.1},
            "minVelocity": 1.0 if not big else 2.5,
            "maxVelocity": 60,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": iterations,
                              "updateInterval": 10 if not big else 5, "fit": True},
        },
    }
    if big:
        opts["edges"]["font"]["size"] = 8
        opts["physics"]["barnesHut"]["theta"] = 0.8
    if hierarchical:
        opts["layout"] = {"hierarchical": {"enabled": True, "direction": "LR",
                                           "sortMethod": "directed", "levelSeparation": 230,
                                           "nodeSpacing": 110, "treeSpacing": 160,
                                           "shakeTowards": "roots"}}
        opts["physics"] = {"enabled": n_nodes > 0, "solver": "hierarchicalRepulsion",
                           "hierarchicalRepulsion": {"nodeDistance": 130, "avoidOverlap": 1},
                           "minVelocity": 1.0,
                           "stabilization": {"enabled": True, "iterations": 200,
                                             "updateInterval": 10, "fit": True}}
        opts["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier",
                                   "forceDirection": "horizontal", "roundness": 0.4}
    return opts


_SHAPE_SVG = {  # legend swatches (static markup: no data reaches it)
    "box": '<rect x="2" y="5" width="24" height="14" rx="3"/>',
    "ellipse": '<ellipse cx="14" cy="12" rx="12" ry="7"/>',
    "diamond": '<polygon points="14,2 25,12 14,22 3,12"/>',
    "hexagon": '<polygon points="8,3 20,3 26,12 20,21 8,21 2,12"/>',
    "triangle": '<polygon points="14,3 25,21 3,21"/>',
}


def _legend(g: nx.MultiDiGraph, lang: str) -> dict[str, Any]:
    t = I18N[lang]
    classes: dict[tuple[int, str], dict[str, Any]] = {}
    any_planned = False
    for _, d in g.nodes(data=True):
        k = (_CATEGORY_ORDER.index(d["category"]), d["class_label"])
        classes.setdefault(k, {"label": d["class_label"], "shape": d["shape"],
                               "colour": _class_colour(d["class"], d["category"])})
        any_planned |= bool(d.get("planned"))
    families: dict[str, bool] = {}
    for _, _, d in g.edges(data=True):
        families[d.get("family", "other")] = True
    planned_edges = any(d.get("planned") for _, _, d in g.edges(data=True))
    return {
        "classes": [dict(v, svg=_SHAPE_SVG[v["shape"]]) for _, v in sorted(classes.items())],
        "planned_document": any_planned,
        "families": [{"label": t["family"][f], "colour": FAMILY_COLOURS[f]}
                     for f in _FAMILY_ORDER if f in families],
        "planned_relation": planned_edges,
    }


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The page's scripts and styles: vis-network (from pyvis's bundle) and the view's own
    script, as inlined (newlines normalised, as the HTML parser will), with their CSP hashes."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    out = {
        "vis_js": (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (lib / "vis-network.css").read_text(encoding="utf-8"),
        "app_js": (_TEMPLATES / "view.js").read_text(encoding="utf-8"),
    }
    for name, text in out.items():
        low = text.lower()
        if "</script" in low or "</style" in low or "<!--" in low:
            raise PartykgError(f"{name}: cannot be inlined (it contains a closing tag)")
    for name in ("vis_js", "app_js"):
        digest = hashlib.sha256(out[name].encode("utf-8")).digest()
        out[name + "_hash"] = "sha256-" + base64.b64encode(digest).decode("ascii")
    return out


def _json_for_html(obj: Any) -> str:
    """JSON that is safe inside a <script> element: <, >, & and ' escaped as \\u00XX."""
    return _escape_json_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def _escape_json_text(text: str) -> str:
    """Escape a JSON text for a <script> element (the characters only occur inside strings)."""
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("'", "\\u0027").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _environment():
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      keep_trailing_newline=True)
    env.filters["htmljson"] = lambda obj: Markup(_json_for_html(obj))
    env.filters["htmljsontext"] = lambda text: Markup(_escape_json_text(str(text)))
    return env


def render_html(g: nx.MultiDiGraph) -> str:
    """The self-contained HTML page of a view graph (pyvis Network rendered through partykg's
    own template: no CDN, no Bootstrap)."""
    from markupsafe import Markup
    from pyvis.network import Network

    lang = g.graph.get("lang", "en")
    big = g.number_of_nodes() > 1000
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line",
                  heading=g.graph.get("title", ""))
    # pyvis's add_node/add_edge check membership in lists (quadratic: minutes for thousands of
    # nodes); fill its documented data attributes directly instead.
    net.nodes = [_vis_node(n, d, big) for n, d in g.nodes(data=True)]
    if g.number_of_nodes() > SEED_LAYOUT_ABOVE and not g.graph.get("hierarchical"):
        pos = seed_positions(g)
        for node in net.nodes:
            node["x"], node["y"] = pos[node["id"]]
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [_vis_edge(s, o, k, d, big) for s, o, k, d in g.edges(keys=True, data=True)]
    net.options = vis_options(len(net.nodes), len(net.edges), bool(g.graph.get("hierarchical")))
    net.templateEnv = _environment()
    net.path = "view.html.jinja"
    assets = _assets()
    net.templateEnv.globals.update(
        lang=lang, t=I18N[lang], legend=_legend(g, lang), kind=g.graph.get("kind", "graph"),
        n_nodes=len(net.nodes), n_edges=len(net.edges),
        vis_js=Markup(assets["vis_js"]), vis_css=Markup(assets["vis_css"]),
        app_js=Markup(assets["app_js"]),
        csp_script=f"'{assets['vis_js_hash']}' '{assets['app_js_hash']}'",
        ui={k: v for k, v in I18N[lang].items() if isinstance(v, str)},
        order=[{"label": g.nodes[n]["label"],
                "when": g.nodes[n].get("date") or g.nodes[n].get("status") or ""}
               for n in g.graph.get("order", []) if n in g],
    )
    return net.generate_html(name="view.html")


def write_html(g: nx.MultiDiGraph, path: Path) -> Path:
    return write_atomic(Path(path), render_html(g))


# --- export ---------------------------------------------------------------------------------------
