"""The shapes evaluated node by node on the engine (partykg.graph.shapes, what `accept` and
`import` validate their additions with) report what pySHACL reports: the same focus nodes, for
the same shapes or paths, on every example of tests/shapes/ (each shape's passing and failing
examples), with every node of the example as a focus node."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import ROOT
from test_shapes import EXAMPLE_FILES, FAILING, ONTOLOGY_FILES, curie, run_shapes, with_ontology

from partykg.graph.shapes import compile_shapes, validate_nodes

SHAPES = ROOT / "ontology" / "shapes.ttl"


def test_the_project_shapes_compile():
    # a shapes file using more than the evaluator reads would fall back to pySHACL: ours does not
    shapes = compile_shapes(SHAPES)
    assert shapes is not None and len(shapes) >= 13


def fast(example) -> set[tuple[str, str | None]]:
    store = ox.Store()
    for f in [*ONTOLOGY_FILES, example]:
        store.load(path=str(f), format=ox.RdfFormat.TURTLE, base_iri="https://w3id.org/partykg/id/",
                   to_graph=ox.NamedNode("urn:g:" + f.name))
    data_nodes = {q.subject for q in store.quads_for_pattern(
        None, None, None, ox.NamedNode("urn:g:" + example.name))}
    data_nodes |= {q.object for q in store.quads_for_pattern(
        None, None, None, ox.NamedNode("urn:g:" + example.name))
        if not isinstance(q.object, ox.Literal)}
    out = set()
    for f in validate_nodes(compile_shapes(SHAPES), store, sorted(data_nodes, key=str)):
        focus = "_" if f.focus.startswith("_:") else curie(f.focus)
        out.add((focus, curie(f.path) if f.path else curie(f.shape) if f.shape else None))
    return out


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_same_failures_as_pyshacl(example):
    _, results = run_shapes(with_ontology(example))
    expected = set()
    for r in results:
        focus = "_" if r.focus.startswith(("n", "N")) and len(r.focus) > 20 or \
            r.focus.startswith("_:") else r.focus
        expected.add((focus, r.path or r.shape))
    got = fast(example)
    assert {(f, p) for f, p in got if f != "_"} == {(f, p) for f, p in expected if f != "_"}
    assert {p for f, p in got if f == "_"} == {p for f, p in expected if f == "_"}
    if example in FAILING:
        assert got  # a failing example fails here too


def _full_path(shapes) -> list:
    """Copies of the compiled shapes with the flags _finish sets put back to their defaults
    (every constraint tested, every member of sh:or through the memo)."""
    import copy

    out = copy.deepcopy(shapes)
    seen: set = set()

    def reset(sh) -> None:
        if id(sh) in seen:
            return
        seen.add(id(sh))
        sh.value_only, sh.tests_value, sh.logic, sh.skip_empty = False, True, True, False
        sh.count_only, sh.xone_classes = False, None
        for x in [*sh.properties, *sh.constraints.get("or", ()), *sh.constraints.get("xone", ())]:
            reset(x)
        if "qualifiedValueShape" in sh.constraints:
            reset(sh.constraints["qualifiedValueShape"])

    for sh in out:
        reset(sh)
    return out


def test_the_compiled_flags_change_no_result():
    # the flags only skip calls that cannot fail: with them reset, every example fails on the
    # same nodes, for the same shapes, and each node's evaluation reads the same nodes
    compiled = compile_shapes(SHAPES)
    assert any(sh.value_only for top in compiled for p in top.properties
               for sh in p.constraints.get("or", ()))
    assert any(p.skip_empty for top in compiled for p in top.properties)
    assert not all(p.skip_empty for top in compiled for p in top.properties)
    assert any(sh.count_only for top in compiled for sh in top.constraints.get("or", ()))
    assert any(top.xone_classes for top in compiled)
    full = _full_path(compiled)
    failing = 0
    for example in EXAMPLE_FILES:
        store = ox.Store()
        for f in [*ONTOLOGY_FILES, example]:
            store.load(path=str(f), format=ox.RdfFormat.TURTLE,
                       base_iri="https://w3id.org/partykg/id/")
        nodes = sorted({q.subject for q in store}, key=str)
        reads_fast: dict = {}
        reads_full: dict = {}
        got = validate_nodes(compiled, store, nodes, reads_fast)
        assert got == validate_nodes(full, store, nodes, reads_full), example.name
        assert reads_fast == reads_full, example.name
        failing += bool(got)
    assert failing >= len(FAILING)
