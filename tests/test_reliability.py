"""Issue 9: never lose or destroy data, never show a traceback. One test per case, named after
what it protects. Devices are made in the test's own folder (never /dev/null or /dev/full: the
suite may run as root, where a bug would replace them)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT
from partykg.cli.main import main


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command in-process: (exit code, stdout, stderr)."""
    try:
        code = main(list(args))
    except SystemExit as e:  # argparse
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def run(*args: str, timeout: int = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partykg", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, **kw)


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "kg"
    assert main(["build", "--store", str(path)]) == 0
    return path


def feed_fifo(path: Path, nbytes: int) -> threading.Thread:
    """A fifo at ``path`` and a thread writing ``nbytes`` zero bytes into it (stopping quietly
    when the reader goes away)."""
    os.mkfifo(path)

    def write():
        try:
            with open(path, "wb") as f:
                chunk = b"\0" * (1 << 20)
                left = nbytes
                while left > 0:
                    f.write(chunk[:left])
                    left -= len(chunk)
        except (BrokenPipeError, OSError):
            pass

    t = threading.Thread(target=write, daemon=True)
    t.start()
    return t


# --- 1. --out onto a device, a fifo, a folder or a symlink ---------------------------------------

def test_out_onto_device_is_refused(tmp_path, capsys, store):
    targets = []
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    targets.append((fifo, stat.S_ISFIFO))
    try:
        dev = tmp_path / "null"
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append((dev, stat.S_ISCHR))
    except (PermissionError, OSError):
        pass  # not allowed to make a device here: the fifo stands for it
    for target, is_kind in targets:
        for args in (["view", "--store", str(store), "--out", str(target)],
                     ["export", "--format", "json", "--store", str(store), "--out", str(target)]):
            code, _, err = cli(capsys, *args)
            assert code == 2
            assert "not a regular file" in one_line_error(err)
            assert is_kind(os.lstat(target).st_mode), f"{target} was replaced"


def test_out_onto_folder_is_refused(tmp_path, capsys, store):
    folder = tmp_path / "page.html"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    code, _, err = cli(capsys, "view", "--store", str(store), "--out", str(folder))
    assert code == 2 and "folder" in one_line_error(err)
    assert (folder / "keep.txt").read_text() == "mine"


def test_out_through_symlink_writes_its_target(tmp_path, capsys, store):
    target = tmp_path / "v3.html"
    target.write_text("old")
    link = tmp_path / "latest.html"
    link.symlink_to("v3.html")
    code, _, err = cli(capsys, "view", "--store", str(store), "--out", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == "v3.html"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html")


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    from partykg.files import write_atomic

    f = tmp_path / "x.txt"
    f.write_text("a")
    f.chmod(0o640)
    write_atomic(f, "b")
    assert f.read_text() == "b" and stat.S_IMODE(f.stat().st_mode) == 0o640


# --- 2. bounded reads ------------------------------------------------------------------------------

def test_article_read_is_bounded_by_the_read_not_the_size(tmp_path):
    from partykg.errors import PartykgError
    from partykg.ingest.extract import MAX_BYTES, read_article

    feed_fifo(tmp_path / "endless.txt", MAX_BYTES + (2 << 20))  # a fifo reports size 0
    with pytest.raises(PartykgError, match="too large"):
        read_article(tmp_path / "endless.txt")
    r = run("extract", "/dev/zero", "--out", str(tmp_path / "c.trig"), "--no-link", timeout=60)
    assert r.returncode == 2 and "too large" in one_line_error(r.stderr)


def test_csv_read_is_bounded_by_the_read_not_the_size(tmp_path, project_copy):
    from partykg.errors import PartykgError
    from partykg.ingest.importer import import_csv
    from partykg.ingest.sheet import MAX_BYTES

    feed_fifo(tmp_path / "endless.csv", MAX_BYTES + (2 << 20))
    with pytest.raises(PartykgError, match="too large"):
        import_csv(tmp_path / "endless.csv", root=project_copy, dry_run=True)
    r = run("--root", str(project_copy), "import", "--dry-run", "/dev/zero", timeout=60)
    assert r.returncode == 2 and "too large" in one_line_error(r.stderr)


def test_candidates_read_is_bounded_by_the_read_not_the_size(tmp_path, monkeypatch):
    from partykg.errors import PartykgError
    from partykg.ingest import candidates
    from partykg.ingest.candidates import trig

    monkeypatch.setattr(trig, "MAX_CANDIDATES_BYTES", 1 << 20)
    feed_fifo(tmp_path / "endless.trig", 3 << 20)
    with pytest.raises(PartykgError, match="too large"):
        candidates.read(tmp_path / "endless.trig")


# --- 3. a --root that is not a project ------------------------------------------------------------

def test_root_that_is_not_a_project_is_refused_and_outputs_kept(tmp_path, capsys):
    out, st = tmp_path / "exports", tmp_path / "store"
    assert main(["build", "--out", str(out), "--store", str(st)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    stores = sorted(p.name for p in st.iterdir())
    capsys.readouterr()
    for bad in (tmp_path / "no-such-folder", tmp_path / "exports"):
        code, _, err = cli(capsys, "--root", str(bad), "build", "--out", str(out), "--store",
                           str(st))
        assert code == 2 and "--root" in one_line_error(err)
        for args in (["validate"], ["stats"], ["ask", "What replaces Directive 51?"],
                     ["query", "document-types"], ["view", "--out", str(tmp_path / "v.html")]):
            code, _, err = cli(capsys, "--root", str(bad), *args)
            assert code == 2, args
            one_line_error(err)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in st.iterdir()) == stores
    assert not (tmp_path / "v.html").exists()


# --- 5. build --store deletes only what is its own ------------------------------------------------

def test_store_folder_with_foreign_files_is_not_replaced(tmp_path, capsys):
    target = tmp_path / "kg"
    target.mkdir()
    (target / "CURRENT").write_text("MANIFEST-000001\n")
    (target / "thesis.txt").write_text("three years of work")
    code, _, err = cli(capsys, "build", "--store", str(target))
    assert code == 2 and "not a partykg store" in one_line_error(err)
    assert (target / "thesis.txt").read_text() == "three years of work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg"]


def test_users_partial_and_old_folders_next_to_the_store_are_kept(tmp_path, capsys):
    target = tmp_path / "kg"
    for name in ("kg.partial", "kg.old"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "notes.txt").write_text(name)
    assert cli(capsys, "build", "--store", str(target))[0] == 0
    assert cli(capsys, "build", "--store", str(target))[0] == 0  # replaces its own store
    for name in ("kg.partial", "kg.old"):
        assert (tmp_path / name / "notes.txt").read_text() == name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg", "kg.old", "kg.partial"]
    assert (target / "PARTYKG_STORE").is_file()


def test_interrupted_build_leftovers_are_cleaned_only_when_marked(tmp_path, capsys):
    from partykg.store import folder

    target = tmp_path / "kg"
    ours = folder.make_temp(target, "partial")  # what a killed build leaves
    theirs = tmp_path / ".kg.mine.partial"
    theirs.mkdir()
    assert cli(capsys, "build", "--store", str(target))[0] == 0
    assert not ours.exists() and theirs.is_dir()


def test_second_build_of_a_store_gets_a_clear_lock_error(tmp_path):
    from partykg.store import folder

    target = tmp_path / "kg"
    with folder.Lock(target):
        r = run("build", "--store", str(target))
    assert r.returncode == 2
    line = one_line_error(r.stderr)
    assert "another partykg build" in line and f"process {os.getpid()}" in line
    assert not target.exists()
    assert run("build", "--store", str(target)).returncode == 0  # the lock is gone with its holder


def test_store_through_a_symlink_is_built_where_it_points(tmp_path, capsys):
    real = tmp_path / "disk" / "kg"
    real.parent.mkdir()
    link = tmp_path / "kg"
    link.symlink_to(real)
    assert cli(capsys, "build", "--store", str(link))[0] == 0
    assert cli(capsys, "build", "--store", str(link))[0] == 0
    assert link.is_symlink() and (real / "PARTYKG_STORE").is_file()
    code, out, _ = cli(capsys, "ask", "--store", str(link), "What replaces Directive 51?")
    assert code == 0 and out.strip()


# --- 7. a named graph written by two files, whatever their size -----------------------------------

@pytest.mark.parametrize("big", ["second", "both", "both, the first much bigger"])
def test_store_build_refuses_a_graph_written_by_two_files(tmp_path, monkeypatch, big):
    from partykg.graph import dataset
    from partykg.store.embedded import KnowledgeGraph

    (tmp_path / "ontology").mkdir()
    g = tmp_path / "graph"
    g.mkdir()
    n = 100 if "bigger" in big else 1  # the two ways of counting (graphs already there or new)
    (g / "a.trig").write_text("<http://e/g> { " + " ".join(
        f"<http://e/a{i}> <http://e/b> <http://e/c> ." for i in range(n)) + " }\n")
    (g / "b.trig").write_text("<http://e/h> { <http://e/x> <http://e/b> <http://e/c> . }\n"
                              "<http://e/g> { <http://e/x> <http://e/b> <http://e/d> . }\n")
    threshold = (g / "b.trig").stat().st_size if big == "second" else 0
    assert n == 1 or n * 100 > (g / "b.trig").stat().st_size
    monkeypatch.setattr(dataset, "ENGINE_PARSE_MIN_BYTES", threshold)
    with pytest.raises(dataset.GraphFileError, match="already written by graph/a.trig"):
        KnowledgeGraph.build(tmp_path, tmp_path / "store")
    with pytest.raises(dataset.GraphFileError, match="already written by graph/a.trig"):
        KnowledgeGraph.load(tmp_path)
    assert not (tmp_path / "store").exists()


# --- 8. build --out all or nothing ----------------------------------------------------------------

@pytest.fixture()
def exports(tmp_path) -> Path:
    out = tmp_path / "exports"
    out.mkdir()
    for name in ("partykg.trig", "partykg.nq", "partykg.nt", "partykg.jsonld"):
        (out / name).write_text(f"old {name}\n")
    return out


def _failing_serialize(monkeypatch, exc: BaseException, after: int):
    calls = []
    real = ox.serialize

    def serialize(items, output, *a, **kw):
        calls.append(output)
        if len(calls) > after:
            Path(output).write_bytes(b"half")  # a half-written file
            raise exc
        return real(items, output, *a, **kw)

    monkeypatch.setattr(ox, "serialize", serialize)


def _unchanged(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["partykg.trig", "partykg.nq", "partykg.nt", "partykg.jsonld"])
    for p in out.iterdir():
        assert p.read_text() == f"old {p.name}\n"


def test_build_out_on_a_full_disk_changes_nothing(exports, monkeypatch, capsys):
    _failing_serialize(monkeypatch, OSError(errno.ENOSPC, "No space left on device"), after=2)
    code, _, err = cli(capsys, "build", "--out", str(exports))
    assert code == 2 and "disk is full" in one_line_error(err)
    _unchanged(exports)


def test_build_out_on_a_read_only_file_system_is_one_line(exports, monkeypatch, capsys):
    _failing_serialize(monkeypatch, OSError(errno.EROFS, "Read-only file system"), after=0)
    code, _, err = cli(capsys, "build", "--out", str(exports))
    assert code == 2 and "read-only" in one_line_error(err)
    _unchanged(exports)


def test_build_out_interrupted_changes_nothing(exports, monkeypatch, capsys):
    _failing_serialize(monkeypatch, KeyboardInterrupt(), after=3)
    code, _, err = cli(capsys, "build", "--out", str(exports))
    assert code == 130
    _unchanged(exports)


def test_exports_are_byte_reproducible(tmp_path, capsys):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert cli(capsys, "build", "--out", str(a))[0] == 0
    assert cli(capsys, "build", "--out", str(b))[0] == 0
    assert cli(capsys, "build", "--out", str(c), "--store", str(tmp_path / "s"))[0] == 0
    for name in ("partykg.trig", "partykg.nq", "partykg.nt", "partykg.jsonld"):
        data = (a / name).read_bytes()
        assert b"_:" in data or name == "partykg.jsonld"  # the graph has blank nodes
        assert data == (b / name).read_bytes() == (c / name).read_bytes(), name


# --- tracebacks -----------------------------------------------------------------------------------

@pytest.mark.parametrize("iri", ['doc/x y', 'doc/x"y', '<https://e/a b>', 'pk:a"b', "doc/a\tb"])
def test_data_iri_with_space_or_quote_is_one_line_error(capsys, store, tmp_path, iri):
    code, _, err = cli(capsys, "query", "document", "--store", str(store), "--param", f"doc={iri}")
    assert code == 2
    one_line_error(err)
    code, _, err = cli(capsys, "query", "evidence", "--store", str(store), "--param", f"s={iri}",
                       "--param", "p=pk:replaces", "--param", "o=doc/a")
    assert code == 2 and "IRI" in one_line_error(err)
    code, _, err = cli(capsys, "view", "--store", str(store), "--focus", iri, "--out",
                       str(tmp_path / "v.html"))
    assert code == 2
    one_line_error(err)
    code, out, err = cli(capsys, "ask", "--store", str(store), f"What replaces {iri}?")
    assert code in (1, 2) and "Traceback" not in out + err and "internal error" not in err


def test_service_clause_is_refused_by_the_embedded_store(tmp_path, capsys, store):
    rq = tmp_path / "fed.rq"
    rq.write_text("# Question: federated?\nSELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> "
                  "{ ?s ?p ?o } }\n")
    code, _, err = cli(capsys, "query", str(rq), "--store", str(store))
    assert code == 2 and "SERVICE" in one_line_error(err)
    # the word in a string, an IRI or a comment is no SERVICE clause
    rq = tmp_path / "fine.rq"
    rq.write_text('# Question: fine?\n# SERVICE\nSELECT ?x WHERE { BIND("SERVICE" AS ?x) '
                  "FILTER(?x != <http://e/SERVICE>) }\n")
    code, out, err = cli(capsys, "query", str(rq), "--store", str(store))
    assert code == 0, err


def test_damaged_store_says_rebuild_it(tmp_path, store):
    damaged = tmp_path / "kg"
    shutil.copytree(store, damaged)
    for sst in damaged.glob("*.sst"):
        with open(sst, "r+b") as f:
            f.seek(sst.stat().st_size // 3)
            f.write(b"\xff" * 32)
    for args in (["stats"], ["ask", "What replaces Directive 51?"], ["query", "document-types"]):
        r = run(*args, "--store", str(damaged))
        assert r.returncode == 2, r.stderr
        assert (f"the store at {damaged} is damaged; rebuild it with partykg build --store "
                f"{damaged}") in one_line_error(r.stderr)


def test_deeply_nested_query_is_refused_not_crashed(tmp_path, store):
    for n, body in enumerate( ("{" * 5000 + " ?s ?p ?o " + "}" * 5000,
                 "{ FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }")):
        rq = tmp_path / f"deep{n}.rq"
        rq.write_text(f"# Question: deep?\nSELECT * WHERE {body}\n")
        r = run("query", str(rq), "--store", str(store))
        assert r.returncode == 2, (r.returncode, r.stderr[-300:])  # a crash is -11
        assert "nested" in one_line_error(r.stderr)


# --- smaller ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("graph", ["<graph/derived>", "<https://w3id.org/partykg/id/graph/meta>",
                                   "<graph/ontology>"])
def test_graph_file_cannot_write_reserved_graphs(project_copy, capsys, graph):
    (project_copy / "graph" / "evil.trig").write_text(
        "@prefix pk: <https://w3id.org/partykg/ontology#> .\n\n"
        f"{graph} {{\n  <doc/a> pk:codeKey \"x\" .\n}}\n", encoding="utf-8")
    code, _, err = cli(capsys, "--root", str(project_copy), "validate", "--no-shacl")
    assert code == 2
    assert one_line_error(err).startswith("partykg: error: graph/evil.trig:3: writes into the "
                                          "reserved named graph")


def test_future_dates_are_a_warning_not_a_violation(project_copy, capsys):
    import datetime as dt

    far = dt.date.today().year + 3
    (project_copy / "graph" / "future.trig").write_text(
        "@prefix pk: <https://w3id.org/partykg/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f'<graph/future> {{ <doc/future> pk:dateIssued "{far}-01-02"^^xsd:date . }}\n',
        encoding="utf-8")
    code, out, err = cli(capsys, "--root", str(project_copy), "validate", "--no-shacl")
    warnings = [line for line in out.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and f"{far}-01-02" in warnings[0]
    assert "graph/future.trig" in warnings[0]
    assert not any(line.startswith("VIOLATION") and "future-date" in line
                   for line in out.splitlines())
    # the real graph (with its 2025-2030 terms) has no warning
    code, out, _ = cli(capsys, "validate", "--no-shacl")
    assert code == 0 and "WARNING" not in out


# --- the last line of defence, and a cheap start ----------------------------------------------------

def test_unexpected_error_is_one_line_internal_error(monkeypatch, capsys):
    from partykg.cli import core

    def boom(args):
        raise ValueError("something nobody expected\nsecond line")

    monkeypatch.setattr(core, "cmd_stats", boom)
    code, _, err = cli(capsys, "stats")
    assert code == 2
    lines = err.strip().splitlines()
    assert lines == ["partykg: internal error: ValueError: something nobody expected "
                     "(run with -v for details)"]
    code, _, err = cli(capsys, "-v", "stats")
    assert code == 2 and "Traceback" in err and "internal error" in err


def test_top_level_help_builds_no_command_parser():
    code = ("import sys\nfrom partykg.cli.main import main\ntry:\n    main(['--help'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('partykg.cli.') "
            "or m in ('argparse', 'pyoxigraph', 'pathlib')))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       timeout=60)
    assert "build" in r.stdout and "serve" in r.stdout
    assert r.stdout.strip().splitlines()[-1] == "['partykg.cli.main']"


def test_quick_top_help_is_what_argparse_would_print(monkeypatch):
    import io
    from contextlib import redirect_stdout

    from partykg.cli.main import build_parser, top_help

    monkeypatch.setenv("COLUMNS", "80")
    buf = io.StringIO()
    with redirect_stdout(buf):
        build_parser("").print_help()
    assert top_help() + "\n" == buf.getvalue()


def test_listed_commands_match_what_each_module_registers():
    import argparse

    from partykg.cli.main import COMMANDS, build_parser

    full = build_parser()
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help for c in sub._choices_actions}
    assert helps == {name: h for name, (_, h) in COMMANDS.items()}
    # the command being run gets its full parser
    for name in COMMANDS:
        p = build_parser(name)
        s = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
        assert s.choices[name].format_help() == sub.choices[name].format_help()
