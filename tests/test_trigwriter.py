"""The TriG writer (graph/trigwriter.py) turns each term into text once and sorts plain tuples
(issue 13): it must write the bytes the plain writer below writes (the writer before that
change, kept here as the reference) for every graph file of the project and for terms of
every kind: same quads in, same bytes out, whatever their order."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import ROOT
from partykg.graph.trigwriter import serialize, serialize_tables, term
from partykg.model.vocab import BASE, PREFIXES


def reference(quads, header: str = "", prefixes: dict[str, str] | None = None) -> str:
    pfx = dict(prefixes or {})
    for k, v in PREFIXES.items():
        pfx.setdefault(k, v)
    graphs: dict[str, list[tuple[str, str, str]]] = {}
    for q in set(quads):
        g = term(q.graph_name, pfx) if not isinstance(q.graph_name, ox.DefaultGraph) else ""
        graphs.setdefault(g, []).append((term(q.subject, pfx), term(q.predicate, pfx),
                                         term(q.object, pfx)))
    lines = [header.rstrip() + "\n" if header else ""]
    lines.append(f"@base <{BASE}> .")
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in sorted(pfx.items())]
    lines.append("")
    for g in sorted(graphs):
        lines.append(f"{g} {{" if g else "{")
        last = None
        for s, p, o in sorted(graphs[g], key=lambda t: (t[0], 0 if t[1] == "a" else 1, t[1], t[2])):
            if s != last and last is not None:
                lines.append("")
            lines.append(f"  {s} {p} {o} .")
            last = s
        lines.append("}")
        lines.append("")
    return "\n".join(lines)


FILES = sorted((ROOT / "graph").rglob("*.trig")) + sorted((ROOT / "ontology").glob("*.ttl"))


@pytest.mark.parametrize("path", FILES[::7] + FILES[-3:], ids=lambda p: p.name)
def test_graph_files_are_written_as_the_reference_writes_them(path):
    fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.TURTLE
    quads = list(ox.parse(path.read_bytes(), format=fmt, base_iri=BASE))
    assert quads
    assert serialize(quads, "# header") == reference(quads, "# header")
    assert serialize(reversed(quads)) == reference(quads)


EX = "http://example.org/"


def test_terms_of_every_kind_are_written_as_the_reference_writes_them():
    g1, g2 = ox.NamedNode(BASE + "source/a"), ox.NamedNode(EX + "g#b")
    s, b = ox.NamedNode(BASE + "doc/x"), ox.BlankNode("b1")
    typ, p = ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(PREFIXES["pk"] + "quote")
    objects = [ox.Literal("plain"), ox.Literal('a "quoted"\nline\t\\ end', language="vi"),
               ox.Literal("2024-01-02", datatype=ox.NamedNode(PREFIXES["xsd"] + "date")),
               ox.Literal("x", datatype=ox.NamedNode(EX + "dt")), ox.NamedNode(EX + "a?b=1"),
               ox.NamedNode(BASE + "doc/(paren)"), b, ox.NamedNode(PREFIXES["pk"] + "Evidence"),
               # what the engine's N-Quads escape (the writer reads them back): controls,
               # quotes, a backslash before a letter, text that looks like a datatype or graph
               ox.Literal('\b\f\x01\x7f\r é 🙂 \\u0041 \\n \'s', language="en-GB"),
               ox.Literal('ends "x"^^<http://example.org/g> _:b .', datatype=ox.NamedNode(EX + "dt")),
               ox.Literal("a <b> c"), ox.Literal(""), ox.Literal('"'), ox.Literal("x\\"),
               ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(EX)]
    quads = [ox.Quad(subj, pred, o, g) for subj in (s, b, ox.NamedNode(EX + "z"))
             for pred in (typ, p, ox.NamedNode(EX + "p-1")) for o in objects
             for g in (g1, g2, ox.DefaultGraph(), ox.BlankNode("g3"))]
    quads += quads[:5]  # a quad twice is written once
    out = serialize(quads, "# h", {"ex": EX})
    assert out == reference(quads, "# h", {"ex": EX})
    assert out.count("\n  ") == len(set(quads))
    # rdf:type first among a subject's statements
    block = out.split(f"<{BASE}source/a> {{".replace(BASE, ""), 1)[1]
    assert block.split("\n")[1].startswith("  <doc/x> a ")


def tables_of(quads) -> dict:
    """What accept's builder makes of one graph's quads: subject -> {predicate IRI: objects}."""
    out: dict = {}
    for q in quads:
        values = out.setdefault(q.subject, {}).setdefault(q.predicate.value, [])
        if q.object not in values:
            values.append(q.object)
    return out


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".trig"][::9],
                         ids=lambda p: p.name)
def test_tables_are_written_as_their_quads(path):
    # serialize_tables (accept writes a new file from its builder's tables): the same bytes
    quads = list(ox.parse(path.read_bytes(), format=ox.RdfFormat.TRIG, base_iri=BASE))
    for g in {q.graph_name for q in quads}:
        mine = [q for q in quads if q.graph_name == g]
        if isinstance(g, ox.NamedNode):
            assert serialize_tables(tables_of(mine), g, "# h") == reference(mine, "# h")


def test_tables_of_terms_of_every_kind_are_written_as_their_quads():
    g = ox.NamedNode(BASE + "source/a")
    s, b = ox.NamedNode(BASE + "doc/x"), ox.BlankNode("b1")
    objects = [ox.Literal("plain"), ox.Literal('a "quoted"\nline', language="vi"),
               ox.Literal("2024-01-02", datatype=ox.NamedNode(PREFIXES["xsd"] + "date")),
               ox.NamedNode(EX + "a?b=1"), ox.NamedNode(BASE + "doc/(paren)"), b,
               ox.NamedNode(PREFIXES["pk"] + "Evidence"), ox.Literal("")]
    preds = [ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(PREFIXES["pk"] + "quote"),
             ox.NamedNode(EX + "p-1"), ox.NamedNode(EX + "p%202")]
    quads = [ox.Quad(subj, p, o, g) for subj in (s, b) for p in preds for o in objects]
    quads += quads[:3]
    assert serialize_tables(tables_of(quads), g, "# h", {"ex": EX}) == \
        reference(quads, "# h", {"ex": EX}) == serialize(quads, "# h", {"ex": EX})
    assert serialize_tables({}, g) == serialize([])
