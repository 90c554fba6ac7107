"""Every graph file validates on its own (with the ontology and the curators' class and label
statements it relies on): SHACL shapes and every consistency check. Parametrised over the files,
so a failure names the file."""
from __future__ import annotations

import pytest

from conftest import ROOT, load_kg
from partykg.graph.dataset import graph_files
from partykg.graph.validate import validate

CURATION = ROOT / "graph" / "curation.trig"
# An import (graph/imports/) is an addition to the graph it was imported into: its evidence may
# point at sources and documents other files declare (a row's URL that names a known source),
# so `partykg import` validates it with that graph, as test_whole_graph_validates does.
FILES = [p for p in graph_files(ROOT) if p.parent.name != "ontology" and "ontology" not in p.parts
         and "imports" not in p.relative_to(ROOT).parts]


def test_there_are_graph_files():
    assert CURATION.is_file()
    assert len([p for p in FILES if "sources" in p.parts]) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_graph_file_validates(path):
    """A source's or the reference data's file validates on its own."""
    files = [path] if path == CURATION else [CURATION, path]
    violations = validate(load_kg(*files))
    assert not violations, "\n".join(map(str, violations))


def test_whole_graph_validates(kg):
    violations = validate(kg)
    assert not violations, "\n".join(map(str, violations))
