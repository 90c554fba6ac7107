"""A small deterministic TriG writer: sorted, one statement per line, IRIs under the data base
written relative to ``@base``, known namespaces as prefixed names. Same quads in, same bytes out,
so a file rewritten with the same content does not change."""

from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox

from partykg.model.vocab import BASE, PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_RELATIVE = re.compile(r"^[A-Za-z0-9._~/%-]+$")


def _iri(value: str, prefixes: dict[str, str]) -> str:
    for p, ns in prefixes.items():
        if value.startswith(ns) and _LOCAL.match(value[len(ns):]):
            return f"{p}:{value[len(ns):]}"
    if value.startswith(BASE) and _RELATIVE.match(value[len(BASE):]):
        return f"<{value[len(BASE):]}>"
    return "<" + value.replace("\\", "\\\\").replace(">", "\\u003E") + ">"


def _string(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace(
        "\r", "\\r").replace("\t", "\\t")
    return f'"{out}"'


def term(t, prefixes: dict[str, str]) -> str:
    if isinstance(t, ox.NamedNode):
        if t.value == PREFIXES["rdf"] + "type":
            return "a"
        return _iri(t.value, prefixes)
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"{_string(t.value)}@{t.language}"
        if t.datatype.value == XSD_STRING:
            return _string(t.value)
        return f"{_string(t.value)}^^{_iri(t.datatype.value, prefixes)}"
    raise TypeError(f"not an RDF term: {t!r}")


def _first(pair: tuple) -> str:
    return pair[0]


def _prefixes(prefixes: dict[str, str] | None) -> dict[str, str]:
    pfx = dict(prefixes or {})
    for k, v in PREFIXES.items():
        pfx.setdefault(k, v)
    return pfx


def serialize(quads: Iterable[ox.Quad], header: str = "",
              prefixes: dict[str, str] | None = None) -> str:
    pfx = _prefixes(prefixes)
    # each term is turned into text once (an IRI recurs as subject, predicate and graph; a
    # sentence is quoted by several evidence nodes); a predicate also gets its rank ("a" first).
    # The statements are grouped by graph and subject (terms): the subjects are sorted, then
    # each one's few (rank, predicate, object) rows, not every statement's text at once
    names: dict = {}
    preds: dict = {}
    graphs: dict = {}  # graph term -> subject term -> [(rank, predicate, object)]
    # distinct quads (a set, or a dict's keys, as they are; anything else made a set)
    for s, p, o, g in quads if isinstance(quads, (set, frozenset, dict)) else set(quads):
        subjects = graphs.get(g)
        if subjects is None:
            subjects = graphs[g] = {}
        rows = subjects.get(s)
        if rows is None:
            rows = subjects[s] = []
        pr = preds.get(p)
        if pr is None:
            pt = term(p, pfx)
            pr = preds[p] = (0 if pt == "a" else 1, pt)
        ot = names.get(o)
        if ot is None:
            ot = names[o] = term(o, pfx)
        rows.append((pr[0], pr[1], ot))
    return _text(graphs, names, header, pfx)


def serialize_tables(tables: dict, graph: ox.NamedNode, header: str = "",
                     prefixes: dict[str, str] | None = None) -> str:
    """:func:`serialize` of the quads of one named ``graph`` given as ``tables``: subject term ->
    {predicate IRI: its distinct objects} (what accept's builder makes as it makes the
    statements): the same text, without reading each quad's four terms back."""
    pfx = _prefixes(prefixes)
    names: dict = {}
    preds: dict = {}  # predicate IRI -> (rank, text)
    subjects: dict = {}
    rdf_type = PREFIXES["rdf"] + "type"
    for s, table in tables.items():
        rows = subjects[s] = []
        for p, values in table.items():
            pr = preds.get(p)
            if pr is None:
                pr = preds[p] = (0, "a") if p == rdf_type else (1, _iri(p, pfx))
            rank, pt = pr
            for o in values:
                ot = names.get(o)
                if ot is None:
                    ot = names[o] = term(o, pfx)
                rows.append((rank, pt, ot))
    return _text({graph: subjects} if subjects else {}, names, header, pfx)


def _text(graphs: dict, names: dict, header: str, pfx: dict[str, str]) -> str:
    by_text: dict[str, list] = {}  # graph text -> [(subject text, rows)]
    for g, subjects in graphs.items():
        gt = term(g, pfx) if not isinstance(g, ox.DefaultGraph) else ""
        by_text.setdefault(gt, []).extend(
            (names[s] if s in names else term(s, pfx), rows) for s, rows in subjects.items())
    lines = [header.rstrip() + "\n" if header else ""]
    lines.append(f"@base <{BASE}> .")
    used = sorted(pfx.items())
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in used]
    lines.append("")
    for g in sorted(by_text):
        lines.append(f"{g} {{" if g else "{")
        first = True
        # by subject, then (rank, predicate, object): rdf:type ("a") first, as the reader expects
        for st, rows in sorted(by_text[g], key=_first):
            if not first:
                lines.append("")
            first = False
            lines += [f"  {st} {p} {o} ." for _, p, o in sorted(rows)]
        lines.append("}")
        lines.append("")
    return "\n".join(lines)
