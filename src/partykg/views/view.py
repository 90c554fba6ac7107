"""Interactive graph views: SPARQL -> networkx -> a self-contained HTML page (pyvis, vis-network).

Data flows one way. The queries in ``queries/views/*.rq`` select what a view draws over any graph
backend (``kg.select(query, bindings)``): the entities drawn as nodes (documents, bodies, events,
mergers and people, never literals), their names, attributes, statuses and sources, and the
relations drawn as edges. :func:`build_view` turns them into a :class:`networkx.MultiDiGraph` for
one kind of view:

- ``graph``: everything;
- ``neighbourhood``: what lies within ``depth`` relations of one document or body;
- ``lineage``: a document's chain of replaces / planned to replace / amends / implements /
  guides / continues, both directions, ordered by date (hierarchical layout);
- ``bodies``: bodies with their hierarchy and mergers (the pk:Merger and the document that
  decided it);
- ``source``: the facts one source states.

:func:`render_html` writes the page with pyvis: vis-network and its CSS inlined, no request to
any host (a Content-Security-Policy allows no fetch at all and only the page's own two scripts,
by hash), the graph data in a JSON block that is never executed, every label and tooltip built
as text (``textContent``) in the page. :func:`export_graph` writes GraphML (Gephi) and friends.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import networkx as nx
import pyoxigraph as ox

from partykg.model import ids
from partykg.errors import PartykgError
from partykg.files import write_atomic
from partykg.model.vocab import BASE, ORG, PK, PKST, RDF, RDFS, SKOS

KINDS = ("graph", "neighbourhood", "lineage", "bodies", "source")
LANGS = ("en", "vi")
EXPORT_FORMATS = ("graphml", "gexf", "json")

FOAF = "http://xmlns.com/foaf/0.1/"
_TEMPLATES = Path(__file__).resolve().parent / "templates"

# --- what is drawn, and how -----------------------------------------------------------------------

CATEGORIES = {  # top class -> (category, vis shape)
    PK + "Document": ("document", "box"),
    PK + "Body": ("body", "ellipse"),
    PK + "Event": ("event", "diamond"),
    PK + "Merger": ("merger", "hexagon"),
    PK + "Person": ("person", "triangle"),
}
_CATEGORY_ORDER = ("document", "body", "event", "merger", "person")

# Relations between documents that make up a lineage (stored direction: newer -> older).
LINEAGE_RELATIONS = tuple(PK + r for r in ("replaces", "plannedToReplace", "amends",
                                           "implements", "guides", "continues"))
PLANNED_RELATIONS = (PK + "plannedToReplace",)
PLANNED_STATUSES = (PKST + "planned", PKST + "draft")
HOLDS_POST = PK + "holdsPost"

# relation -> family (colour and legend entry)
RELATION_FAMILY = {
    PK + "replaces": "replacement", PK + "plannedToReplace": "replacement",
    PK + "amends": "amendment",
    PK + "implements": "implementation", PK + "guides": "implementation",
    PK + "continues": "implementation", PK + "proposes": "implementation",
    PK + "basedOn": "reference", PK + "cites": "reference", PK + "inConjunctionWith": "reference",
    PK + "issuedBy": "authorship", PK + "draftedBy": "authorship",
    PK + "submittedTo": "authorship", PK + "approvedAt": "authorship",
    ORG + "subOrganizationOf": "organisation", PK + "mergedInto": "organisation",
    ORG + "originalOrganization": "organisation", ORG + "resultingOrganization": "organisation",
    PK + "decidedBy": "organisation",
    PK + "organizedBy": "people", PK + "chairedBy": "people", PK + "partOf": "people",
    HOLDS_POST: "people",
}
FAMILY_COLOURS = {
    "replacement": "#c0392b", "amendment": "#d35400", "implementation": "#1e8449",
    "reference": "#7f8c8d", "authorship": "#34495e", "organisation": "#7d3c98",
    "people": "#117a65", "other": "#95a5a6",
}
_FAMILY_ORDER = tuple(FAMILY_COLOURS)

# Labels of the few W3C ORG terms the views draw (the ontology labels its own terms).
_EXTERNAL_LABELS = {
    ORG + "subOrganizationOf": {"en": "sub-organisation of", "vi": "trực thuộc"},
    ORG + "originalOrganization": {"en": "original organisation", "vi": "tổ chức ban đầu"},
    ORG + "resultingOrganization": {"en": "resulting organisation", "vi": "tổ chức hình thành"},
}

# Colours of classes (fill); a class not listed takes its category's colour.
CLASS_COLOURS = {
    "Resolution": "#f5b7b1", "Directive": "#aed6f1", "Regulation": "#a9dfbf",
    "Decision": "#f9e79f", "Conclusion": "#d7bde2", "Notice": "#fad7a0", "Guidance": "#a3e4d7",
    "Plan": "#d5dbdb", "Programme": "#f8c471", "WorkingRegulations": "#abebc6",
    "Project": "#d2b4de", "Report": "#e5e8e8", "UnclassifiedDocument": "#ffffff",
    "Document": "#ffffff",
    "Body": "#5dade2", "PartyBody": "#e74c3c", "NationalCongress": "#922b21",
    "CentralCommittee": "#c0392b", "Politburo": "#cb4335", "Secretariat": "#e74c3c",
    "PartyCommittee": "#ec7063", "MinistryPartyCommittee": "#f1948a",
    "CentralAgenciesPartyCommittee": "#f1948a", "OverseasPartyCommittee": "#f5b7b1",
    "ExecutiveCommittee": "#ec7063", "StandingCommittee": "#ec7063",
    "InspectionCommission": "#dc7633", "CentralCommission": "#e59866",
    "CentralOrganisationCommission": "#e59866", "CentralInternalAffairsCommission": "#e59866",
    "CentralInspectionCommission": "#dc7633", "SteeringCommittee": "#f0b27a",
    "PartyOffice": "#f5cba7", "StateBody": "#5dade2", "Government": "#2e86c1",
    "Ministry": "#5dade2", "MassOrganisation": "#48c9b0",
    "Event": "#f7dc6f", "PartyCongress": "#f4d03f", "NationalPartyCongress": "#f1c40f",
    "PartyCommitteeCongress": "#f7dc6f", "Conference": "#f9e79f", "Plenum": "#f4d03f",
    "Merger": "#bb8fce", "Person": "#58d68d",
}
_CATEGORY_COLOURS = {"document": "#ffffff", "body": "#5dade2", "event": "#f7dc6f",
                     "merger": "#bb8fce", "person": "#58d68d"}
_BORDER = "#2c3e50"

I18N = {
    "en": {
        "search": "Find a node", "search_button": "Find", "no_match": "no match",
        "nodes": "nodes", "edges": "edges", "legend": "Legend", "classes": "Classes",
        "relations": "Relations", "planned_document": "planned or draft document",
        "planned_relation": "planned relation (dashed)", "clear_button": "Clear",
        "laying_out": "Laying out the graph…", "title": "Title", "code": "Code",
        "class": "Class", "date": "Date", "issuer": "Issuer", "status": "Status",
        "sources": "Sources", "as_of": "as of", "relation": "Relation",
        "help": "Hover a node for its details; click it to highlight its neighbours.",
        "order": "By date",
        "kind": {"graph": "Whole graph", "neighbourhood": "Neighbourhood of {focus}",
                 "lineage": "Lineage of {focus}", "bodies": "Bodies, hierarchy and mergers",
                 "source": "Facts stated by {focus}"},
        "family": {"replacement": "replaces", "amendment": "amends",
                   "implementation": "implements, guides, continues",
                   "reference": "based on, cites, in conjunction with",
                   "authorship": "issued, drafted by; approved at",
                   "organisation": "hierarchy and mergers", "people": "events and posts",
                   "other": "other"},
    },
    "vi": {
        "search": "Tìm một nút", "search_button": "Tìm", "no_match": "không tìm thấy",
        "nodes": "nút", "edges": "cạnh", "legend": "Chú giải", "classes": "Lớp",
        "relations": "Quan hệ", "planned_document": "văn bản dự kiến hoặc dự thảo",
        "planned_relation": "quan hệ dự kiến (nét đứt)", "clear_button": "Bỏ chọn",
        "laying_out": "Đang bố trí đồ thị…", "title": "Tiêu đề", "code": "Số hiệu",
        "class": "Lớp", "date": "Ngày", "issuer": "Cơ quan ban hành", "status": "Tình trạng",
        "sources": "Nguồn", "as_of": "tính đến", "relation": "Quan hệ",
        "help": "Di chuột lên một nút để xem chi tiết; nhấp để làm nổi bật các nút kề.",
        "order": "Theo thời gian",
        "kind": {"graph": "Toàn bộ đồ thị", "neighbourhood": "Lân cận của {focus}",
                 "lineage": "Dòng văn bản của {focus}",
                 "bodies": "Cơ quan, cấp bậc và sáp nhập",
                 "source": "Các sự kiện do {focus} nêu"},
        "family": {"replacement": "thay thế", "amendment": "sửa đổi, bổ sung",
                   "implementation": "thực hiện, hướng dẫn, tiếp tục",
                   "reference": "căn cứ, dẫn chiếu, cùng với",
                   "authorship": "ban hành, soạn thảo; thông qua tại",
                   "organisation": "cấp bậc và sáp nhập", "people": "sự kiện và chức vụ",
                   "other": "khác"},
    },
}

SEED_LAYOUT_ABOVE = 150  # nodes: bigger graphs start from seed_positions(), not at random
_LABEL_PROPS = (SKOS + "prefLabel", RDFS + "label", FOAF + "name", SKOS + "altLabel")
MAX_LABEL = 42


class ViewError(PartykgError):
    """A view that cannot be built from the given options (unknown focus, kind or language)."""


# --- queries --------------------------------------------------------------------------------------

def query_dir(kg: Any = None) -> Path:
    """``queries/views`` of the project (the checkout, or $PARTYKG_ROOT)."""
    root = getattr(kg, "root", None)
    if root is None:
        from partykg.graph.dataset import find_root

        root = find_root()
    return Path(root) / "queries" / "views"


@lru_cache(maxsize=64)
def _read_query(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def view_query(name: str, kg: Any = None) -> str:
    """The text of ``queries/views/NAME.rq``."""
    path = query_dir(kg) / f"{name}.rq"
    if not path.is_file():
        raise PartykgError(f"{path}: view query not found")
    return _read_query(str(path))


def _select(kg: Any, name: str, bindings: Mapping[str, Any] | None = None) -> list[dict]:
    try:
        return kg.select(view_query(name, kg), bindings or {})
    except PartykgError as e:
        raise PartykgError(f"queries/views/{name}.rq: {e}") from e


# --- terms ----------------------------------------------------------------------------------------

def term_id(term: Any) -> str | None:
    """The node id of an IRI or blank node (IRIs as they are, blank nodes as ``_:id``)."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return None


def _lit(term: Any) -> tuple[str, str | None] | None:
    if isinstance(term, ox.Literal):
        return term.value, term.language
    return None


def short_id(iri: str) -> str:
    """An IRI without the data base, for display: ``doc/tw/ct/2005/51``."""
    for prefix, short in ((BASE, ""), (PK, "pk:"), (ORG, "org:"), (SKOS, "skos:")):
        if iri.startswith(prefix):
            return short + iri[len(prefix):]
    return iri


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def pick(values: Iterable[tuple[str, str | None]], lang: str) -> str | None:
    """The text in ``lang`` (or a regional variant), else English, else untagged, else any;
    deterministic (sorted) among equals."""
    vals = sorted(set(values), key=lambda v: (v[1] or "", v[0]))
    if not vals:
        return None
    for want in (lang, "en"):
        for text, tag in vals:
            if tag and (tag.lower() == want or tag.lower().startswith(want + "-")):
                return text
    for text, tag in vals:
        if not tag:
            return text
    return vals[0][0]


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def search_key(text: str) -> str:
    """Lower case, ASCII-folded (Đ -> d, accents dropped), for the page's search box."""
    return " ".join(ids.fold(text).lower().split())


# --- the catalogue: everything the views may draw, read once per view ------------------------------

@dataclass
class Catalog:
    """What the view queries return, indexed by node id."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> category, classes
    parents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[str, dict[str, list[tuple[str, str | None]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    attrs: dict[str, dict[str, list[Any]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    statuses: dict[str, list[tuple[str, str | None]]] = field(
        default_factory=lambda: defaultdict(list))
    sources: dict[str, dict[str, dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(dict))
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    posts: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    _planned_subjects: set[str] | None = None

    @classmethod
    def load(cls, kg: Any) -> "Catalog":
        cat = cls()
        for row in _select(kg, "nodes"):
            n, c, top = term_id(row["node"]), term_id(row["class"]), term_id(row["category"])
            if n is None or c is None or top not in CATEGORIES:
                continue
            entry = cat.nodes.setdefault(n, {"tops": set(), "classes": set()})
            entry["tops"].add(top)
            entry["classes"].add(c)
        for row in _select(kg, "classes"):
            c, p = term_id(row["class"]), term_id(row.get("parent"))
            if c and p:
                cat.parents[c].add(p)
        for row in _select(kg, "labels"):
            e, p, lit = term_id(row["entity"]), term_id(row["prop"]), _lit(row["label"])
            if e and p and lit:
                cat.names[e][p].append(lit)
        for row in _select(kg, "attributes"):
            n, p, v = term_id(row["node"]), term_id(row["prop"]), row["value"]
            if n in cat.nodes and p:
                cat.attrs[n][p].append(v)
        for row in _select(kg, "statuses"):
            n, s = term_id(row["node"]), term_id(row["status"])
            as_of = row.get("asOf")
            if n and s:
                cat.statuses[n].append((s, as_of.value if isinstance(as_of, ox.Literal) else None))
        for row in _select(kg, "sources"):
            n, s = term_id(row["node"]), term_id(row["source"])
            if n in cat.nodes and s:
                cat.sources[n][s] = {k: row[k] for k in ("title", "publisher", "issued")
                                     if row.get(k) is not None}
        for row in _select(kg, "edges"):
            s, p, o = term_id(row["s"]), term_id(row["p"]), term_id(row["o"])
            if s in cat.nodes and o in cat.nodes and p:
                cat.edges.append((s, p, o))
        for row in _select(kg, "posts"):
            person, body, post = (term_id(row[k]) for k in ("person", "body", "post"))
            as_of = row.get("asOf")
            if person in cat.nodes and body in cat.nodes and post:
                cat.posts.append((person, body, post,
                                  as_of.value if isinstance(as_of, ox.Literal) else None))
        return cat

    # --- per node ---------------------------------------------------------------------------

    def ancestors(self, cls_iri: str) -> set[str]:
        seen: set[str] = set()
        todo = [cls_iri]
        while todo:
            c = todo.pop()
            for p in self.parents.get(c, ()):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen

    def category(self, node: str) -> tuple[str, str]:
        """(category, vis shape); a node with several top classes takes the first of
        document, body, event, merger, person."""
        tops = self.nodes[node]["tops"]
        for cat in _CATEGORY_ORDER:
            for top, (c, shape) in CATEGORIES.items():
                if c == cat and top in tops:
                    return c, shape
        raise KeyError(node)

    def main_class(self, node: str) -> str:
        """The node's most specific class (the one with most ancestors; ties by IRI)."""
        classes = self.nodes[node]["classes"]
        return max(sorted(classes), key=lambda c: len(self.ancestors(c)))

    def name(self, entity: str, lang: str) -> str | None:
        props = self.names.get(entity, {})
        for p in _LABEL_PROPS:
            if props.get(p):
                return pick(props[p], lang)
        return None

    def label_of_term(self, iri: str, lang: str) -> str:
        """The display label of a class, property or concept: rdfs:label / skos:prefLabel in
        ``lang``, the views' own labels of external terms, else its local name."""
        props = self.names.get(iri, {})
        for p in (RDFS + "label", SKOS + "prefLabel"):
            if props.get(p):
                return pick(props[p], lang) or local_name(iri)
        ext = _EXTERNAL_LABELS.get(iri)
        if ext:
            return ext.get(lang) or ext["en"]
        return local_name(iri)

    def literal_values(self, node: str, prop: str) -> list[tuple[str, str | None]]:
        return [v for v in (_lit(t) for t in self.attrs.get(node, {}).get(prop, ())) if v]

    def first(self, node: str, prop: str, lang: str = "en") -> str | None:
        return pick(self.literal_values(node, prop), lang)

    def status(self, node: str) -> tuple[str, str | None] | None:
        """The latest status statement (by its as-of date; undated ones count as oldest)."""
        sts = self.statuses.get(node)
        if not sts:
            return None
        return max(sts, key=lambda s: (s[1] or "", s[0]))

    def is_planned(self, node: str) -> bool:
        st = self.status(node)
        if st is not None:
            return st[0] in PLANNED_STATUSES
        if self._planned_subjects is None:
            self._planned_subjects = {s for s, p, _ in self.edges if p in PLANNED_RELATIONS}
        return node in self._planned_subjects

    def date(self, node: str) -> str | None:
        for p in (PK + "dateIssued", PK + "startDate", PK + "eventDate"):
            vals = self.literal_values(node, p)
            if vals:
                return min(v for v, _ in vals)
        return None


# --- building the networkx graph ------------------------------------------------------------------

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
