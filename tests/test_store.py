"""The on-disk store (partykg build --store DIR, KnowledgeGraph.open) and the fast load paths
(engine-parsed big files, derived keys computed once per distinct literal)."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from conftest import ROOT
from servers import partykg
from partykg.graph import dataset
from partykg.model import ids
from partykg.store.embedded import KnowledgeGraph, StoreError
from partykg.model.vocab import GRAPH_DERIVED, GRAPH_META, GRAPH_ONTOLOGY, PK, SKOS


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("built") / "store"
    r = partykg("build", "--store", str(path))
    assert r.returncode == 0, r.stderr
    return path


def test_saved_store_holds_exactly_the_quads_blank_nodes_included(kg, tmp_path):
    opened = KnowledgeGraph.open(kg.save(tmp_path / "store"))
    meta = ox.NamedNode(GRAPH_META)
    assert {q for q in opened.store if q.graph_name != meta} == set(kg.store)
    assert opened.report.graph_files == kg.report.graph_files


def test_opened_store_has_the_same_quads_and_file_mapping(built, kg):
    opened = KnowledgeGraph.open(built)
    meta = ox.NamedNode(GRAPH_META)
    # a separate load names anonymous blank nodes afresh: compare the rest, count those
    assert _comparable(ox_store(q for q in opened.store if q.graph_name != meta)) == \
        _comparable(kg.store)
    assert opened.report.graph_files == kg.report.graph_files
    assert opened.report.quads == kg.report.quads
    assert sorted(map(str, opened.report.files)) == sorted(
        p.relative_to(ROOT).as_posix() for p in kg.report.files)
    q = "SELECT ?d ?k WHERE { ?d pk:codeKey ?k } ORDER BY ?d ?k"
    assert opened.select(q) == kg.select(q) != []


def test_opened_store_is_read_only(built):
    opened = KnowledgeGraph.open(built)
    with pytest.raises((OSError, RuntimeError)):
        opened.store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"),
                                 ox.NamedNode("urn:g")))


def test_commands_on_the_store_answer_as_on_the_files(built):
    for args in (["stats", "--json"], ["validate", "--json", "--no-shacl"]):
        files = partykg(*args)
        store = partykg(*args, "--store", str(built))
        assert files.returncode == store.returncode == 0, store.stderr
        assert json.loads(store.stdout) == json.loads(files.stdout)


@pytest.mark.parametrize("make", ["missing", "empty", "file", "other-files"])
def test_opening_what_is_not_a_store_is_a_clear_error(make, tmp_path):
    target = tmp_path / "target"
    if make == "empty":
        target.mkdir()
    elif make == "file":
        target.write_text("hello")
    elif make == "other-files":
        target.mkdir()
        (target / "notes.txt").write_text("keep me")
    with pytest.raises(StoreError, match="not a partykg store"):
        KnowledgeGraph.open(target)
    r = partykg("validate", "--store", str(target))
    assert r.returncode == 2 and "not a partykg store" in r.stderr and "Traceback" not in r.stderr


def test_build_never_replaces_a_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.txt").write_text("years of work")
    r = partykg("build", "--store", str(folder))
    assert r.returncode == 2 and "not a partykg store" in r.stderr
    assert (folder / "thesis.txt").read_text() == "years of work"


def test_build_replaces_an_existing_store_whole(tmp_path, project_copy):
    store = tmp_path / "store"
    assert partykg("build", "--store", str(store)).returncode == 0
    before = KnowledgeGraph.open(store).report.quads
    (project_copy / "graph" / "zz-extra.trig").write_text(
        f'<https://w3id.org/partykg/id/source/zz> {{ <urn:a> <{PK}note> "x" . }}\n')
    assert partykg("build", "--store", str(store), root=project_copy).returncode == 0
    after = KnowledgeGraph.open(store)
    assert after.report.quads == before + 1
    assert "graph/zz-extra.trig" in after.report.graph_files.values()
    assert not (tmp_path / "store.partial").exists() and not (tmp_path / "store.old").exists()


# --- loading: the engine path and the Python path give the same store ------------------------------

def ox_store(quads) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def _comparable(store: ox.Store) -> tuple:
    """Quads without blank node labels (the two paths name blank nodes differently)."""
    plain, bnodes = set(), 0
    for q in store:
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            bnodes += 1
        else:
            plain.add(q)
    return plain, bnodes


def test_engine_parse_gives_the_same_store_as_python_parse(tmp_path, monkeypatch):
    from partykg.graph.synthetic import write_project

    write_project(tmp_path, 300, source_root=ROOT)
    (tmp_path / "graph" / "small.trig").write_text(
        '<https://w3id.org/partykg/id/source/small> { <urn:a> <urn:b> [ <urn:c> "d" ] . }\n')
    slow, slow_report = dataset.load(tmp_path)
    monkeypatch.setattr(dataset, "ENGINE_PARSE_MIN_BYTES", 0)
    fast, fast_report = dataset.load(tmp_path)
    assert _comparable(fast) == _comparable(slow)
    assert fast_report.graph_files == slow_report.graph_files
    assert fast_report.quads == slow_report.quads
    assert [p.name for p in fast_report.files] == [p.name for p in slow_report.files]


def test_engine_parse_reports_errors_like_python_parse(tmp_path, monkeypatch):
    monkeypatch.setattr(dataset, "ENGINE_PARSE_MIN_BYTES", 0)

    def write(name, text):
        p = tmp_path / "graph" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
        return p

    bad = write("bad.trig", "<http://e/g> {\n  <http://e/a> <http://e/b> \n  <http://e/c> <http://e/d> .\n}\n")
    with pytest.raises(dataset.GraphFileError) as e:
        dataset.load(tmp_path)
    assert e.value.path == "graph/bad.trig" and e.value.line == 3
    bad.unlink()
    stray = write("stray.trig", "<http://e/a> <http://e/b> <http://e/c> .\n")
    with pytest.raises(dataset.GraphFileError, match="outside a named graph"):
        dataset.load(tmp_path)
    stray.unlink()
    write("one.trig", "<http://e/g> { <http://e/a> <http://e/b> <http://e/c> . }\n")
    write("two.trig", "<http://e/g> { <http://e/x> <http://e/b> <http://e/c> . }\n")
    with pytest.raises(dataset.GraphFileError, match="already written by"):
        dataset.load(tmp_path)
    # and a bad file loads nothing into a given store
    (tmp_path / "graph" / "two.trig").write_text("<http://e/h> { <http://e/x> ")
    target = ox.Store()
    with pytest.raises(dataset.GraphFileError):
        dataset.load(tmp_path, store=target)
    assert len(target) == 0


def _reference_keys(store: ox.Store) -> set[ox.Quad]:
    """The derived keys as docs/model.md defines them, statement by statement."""
    g, ont = ox.NamedNode(GRAPH_DERIVED), ox.NamedNode(GRAPH_ONTOLOGY)
    out = set()
    for pred, fn, target in ((PK + "code", ids.code_key, "codeKey"),
                             (PK + "codeAsWritten", ids.code_key, "codeKey"),
                             (PK + "number", ids.number_key, "numberKey"),
                             (SKOS + "prefLabel", ids.name_key, "nameKey"),
                             (SKOS + "altLabel", ids.name_key, "nameKey"),
                             (SKOS + "hiddenLabel", ids.name_key, "nameKey")):
        for q in store.quads_for_pattern(None, ox.NamedNode(pred), None, None):
            if isinstance(q.object, ox.Literal) and q.graph_name not in (g, ont):
                key = fn(q.object.value)
                if key:
                    out.add(ox.Quad(q.subject, ox.NamedNode(PK + target), ox.Literal(key), g))
    return out


def test_derived_keys_are_those_of_every_statement(kg):
    store = ox.Store()
    store.extend(q for q in kg.store if q.graph_name != ox.NamedNode(GRAPH_DERIVED))
    tricky = ["  0 ", "", '"} ; DROP ALL #', "Ban Bí thư", "the Secretariat", "x\ny",
              "209 - qđ / tw", "\\u0022", "000", "ǅ ß ﬁ", "01-QĐi/ĐUB"]
    for i, v in enumerate(tricky):
        s = ox.NamedNode(f"urn:t{i}")
        for p in ("code", "codeAsWritten", "number"):
            store.add(ox.Quad(s, ox.NamedNode(PK + p), ox.Literal(v), ox.NamedNode("urn:g1")))
        store.add(ox.Quad(s, ox.NamedNode(SKOS + "prefLabel"), ox.Literal(v, language="vi"),
                          ox.NamedNode("urn:g2")))
        store.add(ox.Quad(s, ox.NamedNode(SKOS + "altLabel"), ox.Literal(v), ox.DefaultGraph()))
        store.add(ox.Quad(ox.NamedNode(f"urn:o{i}"), ox.NamedNode(SKOS + "altLabel"),
                          ox.Literal(v), ox.NamedNode(GRAPH_ONTOLOGY)))
    expected = _reference_keys(store)
    n = dataset.derive(store)
    got = set(store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_DERIVED)))
    assert got == expected and n == len(expected) > 100
    assert dataset.derive(store) == n  # recomputed, not added twice


def test_bulk_build_gives_the_same_store_as_a_load(tmp_path, monkeypatch):
    """build --store parses big files with the engine's bulk loader straight into the on-disk
    store; the result equals an in-memory load, derived keys included."""
    from partykg.graph.synthetic import write_project

    project = tmp_path / "p"
    write_project(project, 300, source_root=ROOT)
    mem, mem_report = dataset.load(project)
    monkeypatch.setattr(dataset, "ENGINE_PARSE_MIN_BYTES", 0)  # every file through the bulk path
    built = KnowledgeGraph.build(project, tmp_path / "store")
    meta = ox.NamedNode(GRAPH_META)
    disk = ox_store(q for q in built.store if q.graph_name != meta)
    assert _comparable(disk) == _comparable(mem)
    assert {q for q in disk if q.graph_name == ox.NamedNode(GRAPH_DERIVED)} == _reference_keys(disk)
    assert built.report.graph_files == mem_report.graph_files
    assert built.report.quads == mem_report.quads


def test_bulk_build_refuses_a_bad_file_and_writes_nothing(tmp_path, monkeypatch, project_copy):
    monkeypatch.setattr(dataset, "ENGINE_PARSE_MIN_BYTES", 0)
    (project_copy / "graph" / "bad.trig").write_text("<http://e/g> {\n <http://e/a> <http://e/b> \n}\n")
    with pytest.raises(dataset.GraphFileError) as e:
        KnowledgeGraph.build(project_copy, tmp_path / "store")
    assert e.value.path == "graph/bad.trig"
    assert not (tmp_path / "store").exists() and not (tmp_path / "store.partial").exists()
    (project_copy / "graph" / "bad.trig").write_text(
        "<https://w3id.org/partykg/id/source/000_0fd8746924e7ab75> { <http://e/a> <http://e/b> <http://e/c> . }\n")
    with pytest.raises(dataset.GraphFileError, match="already written by"):
        KnowledgeGraph.build(project_copy, tmp_path / "store")


XSD = "http://www.w3.org/2001/XMLSchema#"
# pyoxigraph (0.5.13) stores a literal of xsd:integer or a type derived from it as an
# xsd:integer in canonical form ("26"^^xsd:positiveInteger comes back "26"^^xsd:integer, "01"
# as "1"), in memory and on disk: the one difference from the files' statements, made by the
# engine whatever the load path
_INTEGER_TYPES = {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                  "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
                  "unsignedShort", "unsignedByte"}


def test_the_engine_stores_integer_subtypes_as_integers():
    """The normalisation :func:`_rdflib_quads` allows for: when it stops, drop it there."""
    s = ox.Store()
    s.load(b'<urn:a> <urn:b> "26"^^<%spositiveInteger> .' % XSD.encode(),
           format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:g"))
    s.load(b'<urn:a> <urn:b> "01"^^<%sinteger> .' % XSD.encode(),
           format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:g"))
    assert {str(q.object) for q in s} == {f'"26"^^<{XSD}integer>', f'"1"^^<{XSD}integer>'}


def _rdflib_quads(root) -> tuple[set, list]:
    """The data quads of the project's files as rdflib (an independent parser) reads them, as
    engine terms: (quads without blank nodes, the others with every blank node as "_")."""
    import rdflib

    def term(t):
        if isinstance(t, rdflib.BNode):
            return "_"
        if isinstance(t, rdflib.URIRef):
            return ox.NamedNode(str(t))
        if t.language:
            return ox.Literal(str(t), language=t.language)
        dt = str(t.datatype or XSD + "string")
        if dt.removeprefix(XSD) in _INTEGER_TYPES:  # the engine's own normalisation, see below
            return ox.Literal(str(int(str(t))), datatype=ox.NamedNode(XSD + "integer"))
        return ox.Literal(str(t), datatype=ox.NamedNode(dt))

    plain, blank = set(), []
    for path in dataset.graph_files(root):
        ds = rdflib.Dataset()
        if path.suffix == ".trig":
            ds.parse(str(path), format="trig", publicID=ids.BASE)
        else:
            ds.graph(rdflib.URIRef(dataset.default_graph_for(root, path))).parse(
                str(path), format="turtle", publicID=ids.BASE)
        for s, p, o, g in ds.quads((None, None, None, None)):
            g = g.identifier if hasattr(g, "identifier") else g
            s, o = term(s), term(o)
            if "_" in (s, o):
                blank.append((s, term(p), o, ox.NamedNode(str(g))))
            else:
                plain.add(ox.Quad(s, term(p), o, ox.NamedNode(str(g))))
    return plain, blank


def test_built_store_holds_what_rdflib_reads_in_the_files(tmp_path, monkeypatch):
    """`build --store` (big files parsed by the engine straight into the bulk loader, the others
    through Python with their blank nodes renamed) holds exactly the statements an independent
    parser (rdflib) reads in the same files, plus the derived keys and the metadata."""
    import rdflib

    import shutil

    from partykg.graph.synthetic import write_project

    project_copy = tmp_path / "p"  # a synthetic graph and the project's own sources and imports
    write_project(project_copy, 300, source_root=ROOT)
    for name in ("sources", "imports"):
        if (ROOT / "graph" / name).is_dir():
            shutil.copytree(ROOT / "graph" / name, project_copy / "graph" / name)
    (project_copy / "graph" / "labelled.trig").write_text(
        '<https://w3id.org/partykg/id/source/labelled> { <urn:a> <urn:b> _:x . _:x <urn:c> "d"@vi ;'
        ' <urn:e> "2020-01-02"^^<http://www.w3.org/2001/XMLSchema#date> , "01"^^<http://www.w3.org/2001/XMLSchema#integer> . }\n')
    monkeypatch.setattr(dataset, "ENGINE_PARSE_MIN_BYTES", 200_000)
    files = dataset.graph_files(project_copy)
    engine = [p for p in files if dataset._engine_parsable(p)]
    assert engine and len(engine) < len(files)  # both paths are taken
    built = KnowledgeGraph.build(project_copy, tmp_path / "store")
    skip = {ox.NamedNode(GRAPH_META), ox.NamedNode(GRAPH_DERIVED)}
    plain, blank = set(), []
    for q in built.store:
        if q.graph_name in skip:
            continue
        s = "_" if isinstance(q.subject, ox.BlankNode) else q.subject
        o = "_" if isinstance(q.object, ox.BlankNode) else q.object
        if "_" in (s, o):
            blank.append((s, q.predicate, o, q.graph_name))
        else:
            plain.add(q)
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)  # "01" stays "01", as written
    ref_plain, ref_blank = _rdflib_quads(project_copy)
    assert plain == ref_plain and len(plain) > 10_000
    key = lambda x: tuple(map(str, x))  # noqa: E731
    assert sorted(blank, key=key) == sorted(ref_blank, key=key) and blank
    assert built.report.quads == len(plain) + len(blank)
    derived = set(built.store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_DERIVED)))
    assert derived == _reference_keys(ox_store(plain)) | {
        q for q in _reference_keys(ox_store(q for q in built.store if q.graph_name not in skip))
        if isinstance(q.subject, ox.BlankNode)}
