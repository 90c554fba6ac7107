"""Views as networkx graphs: nodes, edges and the five kinds (graph, neighbourhood, lineage, bodies, source)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Mapping

import networkx as nx
import pyoxigraph as ox

from partykg.model.vocab import PK, RDF
from partykg.views.catalog import Catalog, _lit, _select, local_name, search_key, short_id, shorten, term_id
from partykg.views.style import HOLDS_POST, I18N, KINDS, LANGS, PLANNED_RELATIONS, RELATION_FAMILY, ViewError, _LABEL_PROPS


def _codes(cat: Catalog, node: str) -> list[str]:
    return sorted({v for v, _ in cat.literal_values(node, PK + "code")})


def _node_label(cat: Catalog, node: str, category: str, lang: str,
                shared_codes: set[str]) -> str:
    codes = _codes(cat, node)
    if category == "document" and codes:
        label = codes[0]
        if label in shared_codes:
            date = cat.date(node)
            label += f" ({date[:4]})" if date else f" ({short_id(node)})"
        return label
    name = cat.name(node, lang)
    if name:
        return shorten(name)
    for p in (PK + "subject", PK + "title"):
        v = cat.first(node, p, lang)
        if v:
            return shorten(v)
    if codes:
        return codes[0]
    if category == "merger":
        cls = cat.label_of_term(cat.main_class(node), lang)
        date = cat.date(node)
        return f"{cls} ({date})" if date else cls
    return shorten(short_id(node))


def _source_line(cat: Catalog, src: str, meta: Mapping[str, Any], lang: str) -> str:
    title = None
    if "title" in meta and _lit(meta["title"]):
        title = meta["title"].value
    title = title or cat.name(src, lang) or short_id(src)
    extra = [meta[k].value for k in ("publisher", "issued") if k in meta and _lit(meta[k])]
    return f"{title} ({', '.join(extra)})" if extra else title


def _node_attrs(cat: Catalog, node: str, lang: str, shared_codes: set[str]) -> dict[str, Any]:
    t = I18N[lang]
    category, shape = cat.category(node)
    cls = cat.main_class(node)
    planned = category == "document" and cat.is_planned(node)
    issuers = []
    for v in cat.attrs.get(node, {}).get(PK + "issuedBy", ()):
        iid = term_id(v)
        if iid:
            issuers.append(cat.name(iid, lang) or short_id(iid))
    st = cat.status(node)
    status = None
    if st:
        status = cat.name(st[0], lang) or local_name(st[0])
        if st[1]:
            status += f" ({t['as_of']} {st[1]})"
    title = cat.first(node, PK + "title", lang) or cat.first(node, PK + "subject", lang)
    full_name = cat.name(node, lang)
    srcs = cat.sources.get(node, {})
    sources = [_source_line(cat, s, srcs[s], lang) for s in sorted(
        srcs, key=lambda s: (srcs[s]["issued"].value if "issued" in srcs[s] else "", s))]
    codes = _codes(cat, node)
    names = [v for p in _LABEL_PROPS for v, _ in cat.names.get(node, {}).get(p, ())]
    return {
        "label": _node_label(cat, node, category, lang, shared_codes),
        "category": category,
        "shape": shape,
        "class": cls,
        "class_label": cat.label_of_term(cls, lang),
        "name": full_name,
        "code": codes[0] if codes else None,
        "title": title,
        "date": cat.date(node),
        "issuer": "; ".join(sorted(set(issuers))) or None,
        "status": status,
        "planned": planned,
        "sources": sources,
        "search": search_key(" ".join([*codes, *names, title or ""])),
    }


def _add_node(g: nx.MultiDiGraph, cat: Catalog, node: str, lang: str,
              shared_codes: set[str]) -> None:
    if node not in g:
        g.add_node(node, **_node_attrs(cat, node, lang, shared_codes))


def _add_edge(g: nx.MultiDiGraph, cat: Catalog, s: str, p: str, o: str, lang: str,
              key: str | None = None, label: str | None = None) -> None:
    key = key or p
    if g.has_edge(s, o, key):
        return
    planned = p in PLANNED_RELATIONS or bool(g.nodes[s].get("planned"))
    g.add_edge(s, o, key=key, relation=p, label=label or cat.label_of_term(p, lang),
               family=RELATION_FAMILY.get(p, "other"), planned=planned)


def _shared_codes(cat: Catalog) -> set[str]:
    seen: dict[str, int] = defaultdict(int)
    for n, entry in cat.nodes.items():
        for c in _codes(cat, n):
            seen[c] += 1
    return {c for c, k in seen.items() if k > 1}


def _full_graph(cat: Catalog, lang: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    shared = _shared_codes(cat)
    for n in sorted(cat.nodes):
        _add_node(g, cat, n, lang, shared)
    for s, p, o in sorted(cat.edges):
        _add_edge(g, cat, s, p, o, lang)
    t = I18N[lang]
    for person, body, post, as_of in sorted(cat.posts, key=lambda r: (r[0], r[1], r[2],
                                                                      r[3] or "")):
        label = cat.name(post, lang) or local_name(post)
        if as_of:
            label += f" ({t['as_of']} {as_of})"
        _add_edge(g, cat, person, HOLDS_POST, body, lang, key=f"{HOLDS_POST} {post}",
                  label=shorten(label, 60))
    return g


def build_view(kg: Any, kind: str = "graph", focus: str | None = None, depth: int = 1,
               lang: str = "en") -> nx.MultiDiGraph:
    """The networkx graph of one view. ``focus`` is an entity IRI (see :func:`resolve_focus`)
    for ``neighbourhood`` and ``lineage``, a source IRI for ``source``. Graph attributes:
    ``kind``, ``focus``, ``lang``, ``title``, ``hierarchical`` and, for a lineage, ``order``
    (the documents oldest first); node attributes: label, category, shape, class, class_label,
    name, code, title, date, issuer, status, planned, sources; edge attributes (key: the
    relation IRI): relation, label, family, planned."""
    if kind not in KINDS:
        raise ViewError(f"unknown view kind {kind!r}; choose one of {', '.join(KINDS)}")
    if lang not in LANGS:
        raise ViewError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    if depth < 0:
        raise ViewError("--depth must be 0 or more")
    if kind in ("neighbourhood", "lineage", "source") and not focus:
        raise ViewError(f"a {kind} view needs --focus")
    cat = Catalog.load(kg)
    full = _full_graph(cat, lang)
    hierarchical = False
    order: list[str] = []
    focus_label = None
    if kind == "graph":
        g = full
    elif kind == "neighbourhood":
        if focus not in full:
            raise ViewError(f"{short_id(focus)} is not drawn in graph views (it is not a "
                            "document, body, event, merger or person)")
        g = nx.MultiDiGraph(nx.ego_graph(full, focus, radius=depth, undirected=True))
        focus_label = full.nodes[focus]["label"]
    elif kind == "lineage":
        if focus not in full or full.nodes[focus]["category"] != "document":
            raise ViewError(f"{short_id(focus)} is not a document: a lineage starts from one")
        members = {term_id(r["doc"]) for r in _select(kg, "lineage", {"focus": ox.NamedNode(focus)})}
        members = {m for m in members if m in full and full.nodes[m]["category"] == "document"}
        members.add(focus)
        g = nx.MultiDiGraph(full.subgraph(members))
        order = lineage_order(g)
        for level, n in _lineage_levels(g, order).items():
            g.nodes[level]["level"] = n
        hierarchical = True
        focus_label = full.nodes[focus]["label"]
    elif kind == "bodies":
        g = nx.MultiDiGraph()
        for n, d in full.nodes(data=True):
            if d["category"] in ("body", "merger"):
                g.add_node(n, **d)
        for row in _select(kg, "bodies"):
            s, p, o = term_id(row["s"]), term_id(row["p"]), term_id(row["o"])
            if s in full and o in full and p and full.has_edge(s, o, p):
                for end in (s, o):
                    if end not in g:
                        g.add_node(end, **full.nodes[end])
                g.add_edge(s, o, key=p, **full.edges[s, o, p])
    else:  # source
        g = nx.MultiDiGraph()
        rows = _select(kg, "source-facts", {"source": ox.NamedNode(focus)})
        for row in rows:
            s, p, o = term_id(row["s"]), term_id(row.get("p")), term_id(row.get("o"))
            if s in cat.nodes:
                g.add_node(s, **full.nodes[s])
            if o in cat.nodes:
                g.add_node(o, **full.nodes[o])
        for row in rows:
            s, p, o = term_id(row["s"]), term_id(row.get("p")), term_id(row.get("o"))
            if s in g and o in g and p and p != RDF + "type":
                _add_edge(g, cat, s, p, o, lang)
        focus_label = (_first_source_meta(cat, focus, "title") or cat.name(focus, lang)
                       or short_id(focus))
    title_tpl = I18N[lang]["kind"][kind]
    g.graph.update(kind=kind, focus=focus, lang=lang, depth=depth, hierarchical=hierarchical,
                   order=order, title=title_tpl.format(focus=focus_label or ""))
    return g


def _first_source_meta(cat: Catalog, source: str, key: str) -> str | None:
    for per_node in cat.sources.values():
        meta = per_node.get(source)
        if meta and key in meta and _lit(meta[key]):
            return meta[key].value
    return None


# --- lineage order --------------------------------------------------------------------------------

def _lineage_keys(g: nx.MultiDiGraph) -> dict[str, tuple[str, int]]:
    """A sort key per document: its date; an undated one goes by its status date when planned,
    else just after the latest document it points to (replaces, implements…), else just before
    the earliest that points to it, else last."""
    keys: dict[str, tuple[str, int]] = {}
    for n, d in g.nodes(data=True):
        if d.get("date"):
            keys[n] = (d["date"], 0)
    # a planned document without a date sits at the date it was planned as of
    for n, d in g.nodes(data=True):
        if n not in keys and d.get("planned"):
            m = re.search(r"\d{4}(-\d{2}(-\d{2})?)?", d.get("status") or "")
            if m:
                keys[n] = (m.group(0), 1)
    for _ in range(len(g) + 1):
        changed = False
        for n in g:
            if n in keys:
                continue
            older = [keys[o] for _, o in g.out_edges(n) if o in keys]
            newer = [keys[s] for s, _ in g.in_edges(n) if s in keys]
            if older:
                keys[n] = (max(older)[0], 1)
            elif newer:
                keys[n] = (min(newer)[0], -1)
            else:
                continue
            changed = True
        if not changed:
            break
    for n in g:
        keys.setdefault(n, ("9999", 2))
    return keys


def lineage_order(g: nx.MultiDiGraph) -> list[str]:
    """The documents of a lineage, oldest first (see :func:`_lineage_keys`)."""
    keys = _lineage_keys(g)
    return sorted(g, key=lambda n: (keys[n], g.nodes[n].get("planned", False),
                                    g.nodes[n].get("label", ""), n))


def _lineage_levels(g: nx.MultiDiGraph, order: list[str]) -> dict[str, int]:
    """Columns of the hierarchical layout, left to right: a document stands one column after
    the latest (in lineage order) of the documents it points to (replaces, implements…), so
    that each relation goes leftwards and documents on parallel branches share a column."""
    pos = {n: i for i, n in enumerate(order)}
    level: dict[str, int] = {}
    for n in order:
        older = [level[o] for _, o in g.out_edges(n) if o in level and pos[o] < pos[n]]
        level[n] = 1 + max(older) if older else 0
    return level


# --- focus resolution -----------------------------------------------------------------------------

def resolve_focus(kg: Any, text: str) -> str:
    """The IRI of the one entity ``text`` names ("51-CT/TW", "Directive 51", "Ban Bí thư", an
    IRI); raises PartykgError listing the candidates when the mention is ambiguous, or the
    nearest names when it matches nothing (:func:`partykg.ask.resolve.resolve_focus`)."""
    from partykg.ask.resolve import resolve_focus as resolve

    return resolve(kg, text)


def resolve_source(kg: Any, text: str) -> str:
    """The IRI of the source article ``text`` names: its IRI, ``source/STEM``, its file stem or
    its corpus file name."""
    text = text.strip()
    rows = _select(kg, "sources-list")
    cands: dict[str, set[str]] = {}
    for r in rows:
        iri = term_id(r["source"])
        if not iri:
            continue
        keys = {iri, short_id(iri), local_name(iri)}
        f = r.get("file")
        if isinstance(f, ox.Literal):
            keys |= {f.value, Path(f.value).name, Path(f.value).stem}
        cands[iri] = keys
    hits = sorted(i for i, keys in cands.items() if text in keys)
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise ViewError(f"{text!r} names several sources: {', '.join(map(short_id, hits))}")
    near = sorted(short_id(i) for i, keys in cands.items()
                  if any(text.lower() in k.lower() for k in keys))
    hint = f"; did you mean {', '.join(near[:5])}?" if near else \
        f"; sources: {', '.join(sorted(short_id(i) for i in cands)[:10])}"
    raise ViewError(f"{text!r} is not a source of the graph{hint}")


# --- rendering ------------------------------------------------------------------------------------
