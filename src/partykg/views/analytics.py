"""Network analytics of the graph (``partykg stats --graph``), on the networkx graph of the
whole-graph view (:func:`partykg.views.view.build_view`): the most implemented and the most cited
documents, the longest replacement chains, cycles among documents, connected components.

:func:`graph_stats` returns plain data (JSON-ready); :func:`render_graph_stats` writes it as text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from partykg.views.view import build_view, short_id
from partykg.model.vocab import PK

REPLACEMENT = (PK + "replaces", PK + "plannedToReplace")
IMPLEMENTS = (PK + "implements",)
CITES = (PK + "cites", PK + "basedOn")
# relations that make a document come after another: a cycle of them is an error in the data
SUCCESSION = (*REPLACEMENT, PK + "amends", PK + "implements", PK + "guides", PK + "continues",
              PK + "basedOn")
MAX_CYCLES = 20
MAX_CYCLE_LENGTH = 12


def graph_stats(kg: Any, top: int = 10, lang: str = "en") -> dict[str, Any]:
    """Analytics of the whole graph of ``kg`` (any backend answering ``select``)."""
    return stats_of(build_view(kg, "graph", lang=lang), top=top)


def _display(g: nx.MultiDiGraph, n: str) -> str:
    """A node's name for text: its view label (the code, with the year when codes repeat),
    else its full name (view labels of long names are shortened)."""
    d = g.nodes[n]
    if d.get("code"):
        return d["label"]
    return d.get("name") or d.get("title") or d.get("label") or short_id(n)


def _doc(g: nx.MultiDiGraph, n: str) -> dict[str, Any]:
    d = g.nodes[n]
    out = {"id": short_id(n), "label": _display(g, n), "date": d.get("date")}
    if d.get("planned"):
        out["planned"] = True
    return out


def _ranked(g: nx.MultiDiGraph, relations: tuple[str, ...], top: int) -> list[dict[str, Any]]:
    """Documents by how many distinct documents point to them with one of ``relations``."""
    by: dict[str, set[str]] = defaultdict(set)
    for s, o, k, d in g.edges(keys=True, data=True):
        if d.get("relation") in relations and s != o:
            by[o].add(s)
    rows = []
    for n, sources in by.items():
        rows.append(dict(_doc(g, n), count=len(sources),
                         by=sorted(_display(g, s) for s in sources)))
    rows.sort(key=lambda r: (-r["count"], r["label"] or "", r["id"]))
    return rows[:top]


def _replacement_chains(g: nx.MultiDiGraph, top: int) -> list[dict[str, Any]]:
    """The longest chains of replacement (issued or planned), oldest first: for each document
    that nothing replaces, the longest chain ending at it. Replacement cycles are left out
    (they are reported as cycles)."""
    r = nx.DiGraph()
    planned_step: dict[tuple[str, str], bool] = {}
    for s, o, k, d in g.edges(keys=True, data=True):
        if d.get("relation") in REPLACEMENT and s != o:
            r.add_edge(o, s)  # older -> newer
            planned = d.get("relation") == PK + "plannedToReplace"
            planned_step[(o, s)] = planned_step.get((o, s), True) and planned
    for comp in nx.strongly_connected_components(r):
        if len(comp) > 1:
            r.remove_edges_from([(a, b) for a in comp for b in comp if r.has_edge(a, b)])
    longest: dict[str, int] = {}
    back: dict[str, str | None] = {}
    for n in nx.topological_sort(r):
        preds = sorted(r.predecessors(n), key=lambda p: (-longest[p], p))
        longest[n] = longest[preds[0]] + 1 if preds else 0
        back[n] = preds[0] if preds else None
    chains = []
    for end in r:
        if r.out_degree(end) or longest[end] < 1:
            continue
        path = [end]
        while back[path[-1]] is not None:
            path.append(back[path[-1]])  # type: ignore[arg-type]
        path.reverse()
        steps = [_doc(g, n) for n in path]
        planned = [planned_step[(a, b)] for a, b in zip(path, path[1:])]
        for step, p in zip(steps[1:], planned):
            if p:
                step["planned_step"] = True
        chains.append({"length": len(path) - 1, "planned_steps": sum(planned),
                       "steps": steps})
    chains.sort(key=lambda c: (-c["length"], c["steps"][0]["label"] or "", c["steps"][0]["id"]))
    return chains[:top]


def _cycles(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Cycles of succession relations among documents (replaces, planned to replace, amends,
    implements, guides, continues, based on), at most MAX_CYCLES of at most MAX_CYCLE_LENGTH."""
    h = nx.DiGraph()
    rel: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, o, k, d in g.edges(keys=True, data=True):
        if d.get("relation") in SUCCESSION:
            h.add_edge(s, o)
            rel[(s, o)].add(d.get("label") or short_id(d["relation"]))
    out = []
    seen: set[tuple[str, ...]] = set()
    for cyc in nx.simple_cycles(h, length_bound=MAX_CYCLE_LENGTH):
        i = cyc.index(min(cyc))
        cyc = cyc[i:] + cyc[:i]
        if tuple(cyc) in seen:
            continue
        seen.add(tuple(cyc))
        steps = []
        for a, b in zip(cyc, cyc[1:] + cyc[:1]):
            steps.append(dict(_doc(g, a), relation=" / ".join(sorted(rel[(a, b)]))))
        out.append({"length": len(cyc), "steps": steps})
        if len(out) >= MAX_CYCLES:
            break
    out.sort(key=lambda c: (c["length"], c["steps"][0]["id"]))
    return out


def _components(g: nx.MultiDiGraph, top: int) -> dict[str, Any]:
    comps = sorted(nx.weakly_connected_components(g), key=lambda c: (-len(c), min(c)))
    deg = dict(g.degree())
    largest = []
    for c in comps[:top]:
        if len(c) < 2:
            break
        cats = Counter(g.nodes[n]["category"] for n in c)
        hubs = sorted(c, key=lambda n: (-deg[n], n))[:5]
        largest.append({"size": len(c), "by_category": dict(sorted(cats.items())),
                        "hubs": [_display(g, n) for n in hubs]})
    return {"count": len(comps), "sizes": [len(c) for c in comps[:top]],
            "isolated": sum(1 for c in comps if len(c) == 1), "largest": largest}


def stats_of(g: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Analytics of a view graph (see :mod:`partykg.views.view`)."""
    by_cat = Counter(d["category"] for _, d in g.nodes(data=True))
    by_rel = Counter(short_id(d["relation"]) for _, _, d in g.edges(data=True))
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "nodes_by_category": dict(sorted(by_cat.items())),
        "edges_by_relation": dict(sorted(by_rel.items(), key=lambda kv: (-kv[1], kv[0]))),
        "most_implemented": _ranked(g, IMPLEMENTS, top),
        "most_cited": _ranked(g, CITES, top),
        "replacement_chains": _replacement_chains(g, top),
        "cycles": _cycles(g),
        "components": _components(g, top),
    }


# --- text -----------------------------------------------------------------------------------------

_PLURAL = {"body": "bodies", "person": "people"}


def _name(step: dict[str, Any]) -> str:
    text = step.get("label") or step["id"]
    if step.get("date"):
        text += f" ({step['date']})"
    elif step.get("planned"):
        text += " (planned)"
    return text


def render_graph_stats(s: dict[str, Any]) -> str:
    """The analytics as text, one section per measure."""
    lines = []
    cats = ", ".join(f"{n} {c if n == 1 else _PLURAL.get(c, c + 's')}"
                     for c, n in s["nodes_by_category"].items())
    lines.append(f"{s['nodes']} nodes ({cats or 'none'}), {s['edges']} edges")
    if s["edges_by_relation"]:
        lines.append("  " + ", ".join(f"{r} {n}" for r, n in s["edges_by_relation"].items()))

    for key, title in (("most_implemented", "Most implemented documents (pk:implements)"),
                       ("most_cited", "Most cited documents (pk:cites, pk:basedOn)")):
        lines.append(f"\n{title}:")
        if not s[key]:
            lines.append("  (none)")
        for r in s[key]:
            lines.append(f"  {r['count']:4d}  {_name(r)}  <- {', '.join(r['by'])}")

    lines.append("\nLongest replacement chains (oldest first; '-?->' is a planned "
                 "replacement):")
    if not s["replacement_chains"]:
        lines.append("  (none)")
    for c in s["replacement_chains"]:
        text = _name(c["steps"][0])
        for step in c["steps"][1:]:
            text += (" -?-> " if step.get("planned_step") else " -> ") + _name(step)
        lines.append(f"  {c['length']:4d}  {text}")

    lines.append("\nCycles (a document that comes after itself through replaces, amends, "
                 "implements, guides, continues or based on):")
    if not s["cycles"]:
        lines.append("  (none)")
    for c in s["cycles"]:
        text = "".join(f"{_name(st)} -{st['relation']}-> " for st in c["steps"])
        lines.append(f"  {text}{_name(c['steps'][0])}")

    comp = s["components"]
    lines.append(f"\nConnected components: {comp['count']} "
                 f"({comp['isolated']} isolated node{'s' if comp['isolated'] != 1 else ''})")
    for c in comp["largest"]:
        cats = ", ".join(f"{n} {k if n == 1 else _PLURAL.get(k, k + 's')}"
                         for k, n in c["by_category"].items())
        lines.append(f"  {c['size']:4d}  nodes ({cats}); hubs: {', '.join(c['hubs'])}")
    return "\n".join(lines)
