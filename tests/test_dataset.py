from __future__ import annotations

from pathlib import Path

import pytest

from partykg.graph import dataset
from partykg.model.vocab import GRAPH_DERIVED, PK


def _write(root: Path, rel: str, text: str | bytes) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    return p


def test_malformed_turtle_names_file_line_and_column(tmp_path):
    _write(tmp_path, "ontology/partykg.ttl", "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\n")
    _write(tmp_path, "graph/bad.trig",
           "@prefix ex: <http://e/> .\n<g> {\n  ex:a ex:b \n  ex:c ex:d .\n}\n")
    with pytest.raises(dataset.GraphFileError) as e:
        dataset.load(tmp_path)
    err = e.value
    assert err.path == "graph/bad.trig"
    assert err.line == 4 and err.column is not None
    assert str(err).startswith("graph/bad.trig:4:")


def test_bad_file_loads_nothing(tmp_path):
    import pyoxigraph as ox
    _write(tmp_path, "graph/a.trig", "<http://e/g> { <http://e/a> <http://e/b> <http://e/c> . }\n")
    _write(tmp_path, "graph/b.trig", "<http://e/g> { <http://e/a> <http://e/b> ")
    store = ox.Store()
    with pytest.raises(dataset.GraphFileError):
        dataset.load(tmp_path, store=store)
    assert len(store) == 0


def test_invalid_utf8_is_a_clear_error(tmp_path):
    _write(tmp_path, "graph/x.trig", b'<http://e/g> { <http://e/a> <http://e/b> "\xff\xfe" . }\n')
    with pytest.raises(dataset.GraphFileError) as e:
        dataset.load(tmp_path)
    assert e.value.path == "graph/x.trig"


def test_triples_outside_named_graph_are_refused(tmp_path):
    _write(tmp_path, "graph/x.trig", "<http://e/a> <http://e/b> <http://e/c> .\n")
    with pytest.raises(dataset.GraphFileError, match="outside a named graph"):
        dataset.load(tmp_path)


def test_turtle_file_gets_its_own_graph_and_keys_are_derived(tmp_path):
    _write(tmp_path, "graph/docs.ttl",
           '<http://e/d> <%scode> "209-QĐ/TW" ; <%snumber> "02" .\n' % (PK, PK))
    store, report = dataset.load(tmp_path)
    assert report.graph_files == {dataset.GRAPH_FILE + "graph/docs.ttl": "graph/docs.ttl"}
    keys = {(q.predicate.value, q.object.value) for q in store
            if q.graph_name.value == GRAPH_DERIVED}
    assert keys == {(PK + "codeKey", "209-QD/TW"), (PK + "numberKey", "2")}


def test_graph_files_lists_ontology_then_graph(tmp_path):
    _write(tmp_path, "ontology/partykg.ttl", "")
    _write(tmp_path, "ontology/shapes.ttl", "")
    _write(tmp_path, "graph/sources/b.trig", "")
    _write(tmp_path, "graph/a.trig", "")
    _write(tmp_path, "graph/corpus/a.txt", "text")
    names = [p.relative_to(tmp_path).as_posix() for p in dataset.graph_files(tmp_path)]
    assert names == ["ontology/partykg.ttl", "graph/a.trig", "graph/sources/b.trig"]
