"""A view graph exported for other tools: GraphML (Gephi), GEXF, node-link JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from partykg.files import write_atomic
from partykg.views.style import EXPORT_FORMATS, ViewError


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return value


def export_graph(g: nx.MultiDiGraph, path: Path, fmt: str = "graphml") -> Path:
    """Write a view graph as GraphML (Gephi, yEd), GEXF (Gephi) or node-link JSON. Attributes
    that are lists are joined with '; '; missing ones are left out."""
    if fmt not in EXPORT_FORMATS:
        raise ViewError(f"unknown export format {fmt!r}; choose one of "
                        f"{', '.join(EXPORT_FORMATS)}")
    h = nx.MultiDiGraph()
    h.graph.update({k: _flat(v) for k, v in g.graph.items()
                    if v is not None and k not in ("order",) and not isinstance(v, dict)})
    for n, d in g.nodes(data=True):
        attrs = {("class_iri" if k == "class" else k): _flat(v) for k, v in d.items()
                 if v is not None and k not in ("search", "shape")}
        attrs["iri"] = n
        h.add_node(n, **attrs)
    for s, o, k, d in g.edges(keys=True, data=True):
        h.add_edge(s, o, key=k, **{a: _flat(v) for a, v in d.items() if v is not None})
    import io

    if fmt == "json":
        data = json.dumps(nx.node_link_data(h, edges="links"), ensure_ascii=False, indent=1)
        return write_atomic(Path(path), data)
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(h, buf, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(h, buf, encoding="utf-8", prettyprint=True)
    return write_atomic(Path(path), buf.getvalue())
