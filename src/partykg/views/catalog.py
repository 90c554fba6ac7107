"""What a view reads: the view queries over any backend, and the catalog of nodes, names and sources."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import pyoxigraph as ox

from partykg.errors import PartykgError
from partykg.model import ids
from partykg.model.vocab import BASE, ORG, PK, RDFS, SKOS
from partykg.views.style import CATEGORIES, MAX_LABEL, PLANNED_RELATIONS, PLANNED_STATUSES, _CATEGORY_ORDER, _EXTERNAL_LABELS, _LABEL_PROPS


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
