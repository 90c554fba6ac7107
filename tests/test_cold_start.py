"""Issue 13, a cold start: `partykg ask` imports only what it uses, reads a plain command line
without argparse (exactly as argparse reads it), and opens the project's files as a store cached
in the user's cache folder that is never stale. (The timings are measured by scripts/bench_cold,
not here.)"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT
from partykg.cli.fastargs import parse_ask
from partykg.cli.main import build_parser
from partykg.store import cache

QUESTION = "What replaces Directive 51?"

# --- the command line ---------------------------------------------------------------------------

WORDS = ["ask", QUESTION, "", "-", "--", "-v", "--verbose", "--root", "--root=x", "--root=", "x",
         "--store", "--store=", "--store=s", "s", "--sto", "--json", "--json=1", "--as-of",
         "--as-of=2020-01-01", "2020-01-01", "-1", "--forms", "--help", "-h", "--endpoint",
         "http://x", "--timeout", "5", "--user", "--version", "query", "-vh", "ask ask", "--store ",
         "Chỉ thị 51 được thay thế bởi văn bản nào?"]


def argparse_reads(parser, argv):
    """The namespace argparse makes of ``argv``, or None when it stops (an error, --help)."""
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            return vars(parser.parse_args(argv))
    except SystemExit:
        return None


def test_a_plain_ask_line_reads_as_argparse_reads_it():
    parser = build_parser("ask")
    rng = random.Random(13)
    lines = [["ask", QUESTION], ["--root", "x", "ask", QUESTION], ["-v", "ask", QUESTION],
             ["ask", "--store", "s", "--json", QUESTION], ["ask", QUESTION, "--as-of", "2020-01-01"],
             ["ask", "--forms"], ["ask"], ["--root=x", "--verbose", "ask", "--store=s", QUESTION],
             ["ask", ""], ["ask", "--store", "", QUESTION]]
    for _ in range(3000):
        n = rng.randint(1, 6)
        line = [rng.choice(WORDS) for _ in range(n)]
        if "ask" not in line and rng.random() < 0.8:
            line.insert(rng.randint(0, len(line)), "ask")
        lines.append(line)
    read = 0
    for line in lines:
        fast = parse_ask(line)
        if fast is None:
            continue  # left to argparse
        read += 1
        slow = argparse_reads(parser, line)
        if slow is not None and slow["root"] is not None:  # a Path there, its text here
            slow["root"] = str(slow["root"])
        assert slow == vars(fast), line
    assert read > 100  # the plain lines are read here, not all left to argparse


@pytest.mark.parametrize("line", [
    ["ask", "--help"], ["ask", "-h"], ["--help", "ask"], ["ask", "--sto", "s", QUESTION],
    ["ask", "-v", QUESTION], ["ask", QUESTION, QUESTION], ["ask", "--store"],
    ["ask", "--json=1", QUESTION], ["ask", "--endpoint", "http://x", QUESTION],
    ["--root", "--verbose", "ask", QUESTION], ["ask", "--store", "a", "--store", "b", QUESTION],
    ["ask", "--as-of", "-1", QUESTION], ["ask", "-", QUESTION], ["ask", "--", QUESTION],
    ["query", "ask"], ["-v", "-v", "ask", QUESTION], ["ask", "--forms", "--forms"]])
def test_anything_else_is_left_to_argparse(line):
    assert parse_ask(line) is None


# --- what a cold ask imports ---------------------------------------------------------------------

# never on the ask path: rdflib and the remote endpoints' modules, the other commands' modules,
# argparse (a plain line), and what only writing a store or loading files needs
NEVER = ("rdflib", "SPARQLWrapper", "pyshacl", "networkx", "pyvis", "jinja2", "argparse",
         "urllib.request", "http.client", "partykg.store.remote", "partykg.store.http",
         "partykg.cli.remote", "partykg.cli.core", "partykg.cli.view", "partykg.cli.extract",
         "partykg.cli.importcsv", "partykg.cli.results", "partykg.views", "partykg.ingest",
         "partykg.graph.validate", "partykg.graph.build", "partykg.graph.publish", "csv")
NOT_ON_A_STORE = ("hashlib", "tempfile", "shutil", "typing", "traceback", "pathlib")


def modules_after(argv: list[str], env: dict | None = None) -> tuple[list[str], str]:
    """Run ``partykg ARGV`` in a new process as the console script does; the modules of NEVER
    and NOT_ON_A_STORE it imported, and its output."""
    code = ("import sys\nfrom partykg.cli.main import main\n"
            "try:\n    code = main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
            f"watched = {NEVER + NOT_ON_A_STORE!r}\n"
            "print('MODULES', sorted(m for m in sys.modules if m in watched or "
            "any(m.startswith(w + '.') for w in watched)), code)\n")
    r = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                       cwd=ROOT, timeout=300, env={**os.environ, **(env or {})})
    last = r.stdout.strip().splitlines()[-1]
    assert last.startswith("MODULES"), r.stdout + r.stderr
    mods, code = last[len("MODULES "):].rsplit(" ", 1)
    assert code == "0", r.stdout + r.stderr
    return eval(mods), r.stdout  # a list of names printed by repr


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    from conftest import SEED_FILES, load_kg

    path = tmp_path_factory.mktemp("cold") / "store"
    load_kg(*SEED_FILES).save(path)
    return path


def test_ask_on_a_store_imports_nothing_it_does_not_use(seed_store):
    mods, out = modules_after(["ask", "--store", str(seed_store), QUESTION])
    assert "Directive 51-CT/TW" in out
    assert mods == []


def test_ask_on_the_cached_files_imports_nothing_it_does_not_use(tmp_path):
    env = {"PARTYKG_CACHE_DIR": str(tmp_path / "cache")}
    mods, out = modules_after(["ask", QUESTION], env)  # writes the cache
    assert "Directive 51-CT/TW" in out
    assert not [m for m in mods if m in NEVER], mods
    mods, out = modules_after(["ask", QUESTION], env)  # opens it
    assert "Directive 51-CT/TW" in out
    assert mods == []


def test_top_help_with_a_root_builds_no_parser():
    mods, out = modules_after(["--root", str(ROOT), "--help"])
    assert "COMMAND" in out and mods == []


# --- the cached store ----------------------------------------------------------------------------

@pytest.fixture()
def cached(monkeypatch, tmp_path):
    """A cache folder of the test's own, with no quiet period (files just copied are cached)."""
    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "QUIET_SECONDS", -60.0)
    return tmp_path / "cache"


def labels(kg, text: str) -> int:
    return len(kg.select("SELECT ?s WHERE { ?s ?p ?o FILTER(STR(?o) = ?t) }",
                         {"t": ox.Literal(text)}))


def in_cache(kg, folder: Path) -> bool:
    return kg.location is not None and Path(kg.location).is_relative_to(folder)


def shape(store) -> list[str]:
    """The quads, blank nodes blanked (anonymous ones get new labels at every parse)."""
    def term(t):
        return "_" if isinstance(t, ox.BlankNode) else str(t)

    return sorted(" ".join(map(term, (q.subject, q.predicate, q.object, q.graph_name)))
                  for q in store)


def test_the_cache_answers_as_the_files_do(cached, seed_project_copy):
    from partykg.ask.answer import answer
    from partykg.store.embedded import KnowledgeGraph

    first = cache.load(seed_project_copy)  # writes the cache, answers from it
    second = cache.load(seed_project_copy)  # opens it
    assert in_cache(first, cached) and in_cache(second, cached)
    files = KnowledgeGraph.load(seed_project_copy)
    assert shape(second.store) == shape(files.store)
    assert str(second.root) == str(files.root) and second.report.files == files.report.files
    assert second.report.graph_files == files.report.graph_files
    assert answer(second, QUESTION).text == answer(files, QUESTION).text


def test_a_changed_file_is_never_answered_from_the_old_store(cached, seed_project_copy):
    trig = seed_project_copy / "graph" / "curation.trig"
    text = trig.read_text(encoding="utf-8")
    assert '"Secretariat"@en' in text
    kg = cache.load(seed_project_copy)
    n = labels(kg, "Secretariat")
    assert in_cache(kg, cached) and n and not labels(kg, "Secretariaz")
    del kg
    st = trig.stat()
    time.sleep(0.05)  # past the file system's timestamp tick
    # same size, and the modification time put back: only the change time tells
    trig.write_text(text.replace('"Secretariat"@en', '"Secretariaz"@en'), encoding="utf-8")
    os.utime(trig, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert trig.stat().st_size == st.st_size and trig.stat().st_mtime_ns == st.st_mtime_ns
    kg = cache.load(seed_project_copy)
    assert labels(kg, "Secretariaz") == 1 and labels(kg, "Secretariat") == n - 1


def test_an_added_or_removed_file_is_seen(cached, seed_project_copy):
    kg = cache.load(seed_project_copy)
    assert not labels(kg, "A new label")
    del kg
    extra = seed_project_copy / "graph" / "extra.trig"
    extra.write_text('<graph/extra> { <doc/extra> <http://www.w3.org/2004/02/skos/core#prefLabel> '
                     '"A new label"@en . }\n', encoding="utf-8")
    assert labels(cache.load(seed_project_copy), "A new label")
    extra.unlink()
    assert not labels(cache.load(seed_project_copy), "A new label")


def test_the_signature_lists_the_files_the_loader_loads(tmp_path):
    # cache.graph_file_names finds the files with os.scandir, the loader with pathlib's glob:
    # both must list the same files in the same order, whatever the tree holds
    from partykg.graph import dataset

    root = tmp_path / "p"
    (root / "ontology").mkdir(parents=True)
    for name in ("partykg.ttl", "statuses.ttl", "shapes.ttl"):
        (root / "ontology" / name).write_text("", encoding="utf-8")
    g = root / "graph"
    for rel in ("a.trig", "a-b.ttl", "a/b.ttl", "a/b/c.trig", "a/b-c.trig", "B.ttl", "b.TTL",
                ".hidden.ttl", ".ttl", "x.", "x.trig.bak", "a.b.trig", "sub/.dot/z.ttl",
                "sub/deep/er/y.trig", "Ä/é.ttl", "z z.ttl"):
        (g / rel).parent.mkdir(parents=True, exist_ok=True)
        (g / rel).write_text("", encoding="utf-8")
    (g / "folder.ttl").mkdir()  # a folder named like a file
    outside = tmp_path / "outside"
    (outside / "in").mkdir(parents=True)
    (outside / "in" / "o.ttl").write_text("", encoding="utf-8")
    (outside / "f.trig").write_text("", encoding="utf-8")
    (g / "linked").symlink_to(outside / "in", target_is_directory=True)  # not followed
    (g / "linked.trig").symlink_to(outside / "f.trig")  # a file: followed
    (g / "broken.ttl").symlink_to(outside / "nothing.ttl")
    want = [p.relative_to(root).as_posix() for p in dataset.graph_files(root)]
    assert "graph/linked.trig" in want and "graph/a/b.ttl" in want and len(want) > 12
    assert cache.graph_file_names(str(root)) == want
    shutil.rmtree(g)
    assert cache.graph_file_names(str(root)) == [
        p.relative_to(root).as_posix() for p in dataset.graph_files(root)] == [
        "ontology/partykg.ttl", "ontology/statuses.ttl"]


def test_files_changed_a_moment_ago_are_not_cached(monkeypatch, tmp_path, seed_project_copy):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(tmp_path / "cache"))
    (seed_project_copy / "graph" / "curation.trig").touch()  # now: within the quiet period
    assert cache.signature(seed_project_copy) is None
    kg = cache.load(seed_project_copy)
    assert kg.location is None and labels(kg, "Secretariat")
    assert not (tmp_path / "cache").exists()


def test_the_cache_writes_nothing_outside_its_folder(cached, seed_project_copy, tmp_path):
    def listing():
        return sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                      if not p.is_relative_to(cached))

    before = listing()
    cache.load(seed_project_copy)
    cache.load(seed_project_copy)
    assert listing() == before
    stores = list((cached / "stores").iterdir())
    assert len(stores) == 1 and [p.name for p in stores[0].iterdir()] != []
    for entry in stores[0].iterdir():
        assert sorted(p.name for p in entry.iterdir()) == ["memo.table", "report.json",
                                                            "signature", "store"]


def test_the_cache_off_writes_nothing(monkeypatch, tmp_path, seed_project_copy):
    monkeypatch.setenv("PARTYKG_CACHE_DIR", "")
    monkeypatch.setattr(cache, "QUIET_SECONDS", -60.0)
    before = sorted(tmp_path.rglob("*"))
    kg = cache.load(seed_project_copy)
    assert kg.location is None and sorted(tmp_path.rglob("*")) == before


def test_a_half_written_cache_is_never_used(cached, seed_project_copy):
    sig = cache.signature(seed_project_copy)
    folder = cache.project_folder(seed_project_copy.resolve(), cached) / cache._crc(sig)
    (folder / "store").mkdir(parents=True)  # a store folder with no signature beside it
    kg = cache.load(seed_project_copy)
    assert kg.location is None and labels(kg, "Secretariat")  # loaded from the files
    (folder / "signature").write_text(sig + "other\n", encoding="utf-8")  # another signature
    kg = cache.load(seed_project_copy)
    assert kg.location is None and labels(kg, "Secretariat")


def test_a_cache_folder_that_cannot_be_written_falls_back_to_the_files(monkeypatch, tmp_path,
                                                                         seed_project_copy):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine\n", encoding="utf-8")
    monkeypatch.setenv("PARTYKG_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(cache, "QUIET_SECONDS", -60.0)
    kg = cache.load(seed_project_copy)
    assert kg.location is None and labels(kg, "Secretariat")
    assert blocker.read_text(encoding="utf-8") == "mine\n"


def test_older_stores_of_a_project_are_removed_once_old(cached, seed_project_copy, monkeypatch):
    cache.load(seed_project_copy)
    time.sleep(0.05)
    (seed_project_copy / "graph" / "extra.trig").write_text(
        '<graph/extra> { <doc/extra> <http://www.w3.org/2004/02/skos/core#prefLabel> "x"@en . }\n',
        encoding="utf-8")
    monkeypatch.setattr(cache, "KEEP_SECONDS", -1.0)  # every other store counts as old
    kg = cache.load(seed_project_copy)
    stores = [p for p in next((cached / "stores").iterdir()).iterdir()]
    assert len(stores) == 1 and in_cache(kg, stores[0])


def test_cli_ask_on_the_files_gives_the_same_answer_cached_or_not(tmp_path):
    def ask(cache_dir: str) -> str:
        r = subprocess.run([sys.executable, "-m", "partykg", "ask", "--json", QUESTION],
                           capture_output=True, text=True, cwd=ROOT, timeout=300,
                           env={**os.environ, "PARTYKG_CACHE_DIR": cache_dir})
        assert r.returncode == 0, r.stderr
        return r.stdout

    cache_dir = str(tmp_path / "cache")
    written, opened = ask(cache_dir), ask(cache_dir)
    assert written == opened and "51-CT/TW" in opened
    assert any(Path(cache_dir).rglob("signature"))
    shutil.rmtree(cache_dir)


# --- reading a query's structure -----------------------------------------------------------------
# partykg.store.sparql reads a query's groups with regular expressions over the query with its
# comments, strings and IRIs blanked out; the reference below is the character-by-character
# scanner it replaced (issue 13: it cost more than the queries). Both must read every query alike.

def _ref_scan(query: str):
    import re

    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c in "\"'":
            long = query.startswith(c * 3, i)
            end = c * 3 if long else c
            j = i + len(end)
            while j < n:
                if query[j] == "\\":
                    j += 2
                    continue
                if query.startswith(end, j):
                    break
                if not long and query[j] == "\n":
                    break
                j += 1
            i = j + len(end)
            continue
        if c == "<":
            m = re.compile(r"<[^<>\"{}|^`\\\s]*>").match(query, i)
            if m:
                i = m.end()
                continue
        yield i, c
        i += 1


def _ref_top_group_start(query: str):
    import re

    keyword = re.compile(r"(?i)\b(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE)\b")
    depth, form, after_where, skip = 0, None, False, set()
    for i, c in _ref_scan(query):
        if i in skip:
            continue
        if c == "{":
            if depth == 0 and (after_where or (form in ("SELECT", "ASK"))):
                return i + 1
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and c.isalpha() and (i == 0 or not (query[i - 1].isalnum()
                                                            or query[i - 1] in "_?$:")):
            m = keyword.match(query, i)
            if m:
                word = m.group(1).upper()
                if word == "WHERE":
                    after_where = True
                elif form is None:
                    form = word
                skip.update(range(i, m.end()))
    return None


def _ref_groups(query: str) -> dict:
    stack, pairs = [], {}
    for i, c in _ref_scan(query):
        if c == "{":
            stack.append(i)
        elif c == "}" and stack:
            pairs[stack.pop()] = i
    return pairs


def _ref_code(query: str) -> str:
    code = [" "] * len(query)
    for i, c in _ref_scan(query):
        code[i] = c
    return "".join(code)


PIECES = ["SELECT", "select", "WHERE", "where", "ASK", "CONSTRUCT", "DESCRIBE", "SERVICE", "{", "}",
          "(", ")", "[", "]", " ", "\n", "?x", "$y", ":a", "pk:WHERE", "?select", "_where", "x",
          "ſelect", "# a comment { }\n", "# to the end", '"str { }"', "'s'", '"""long\n{ } " ""\n"""',
          "'''l'''", '"unterminated\n', '"esc \\" {"', "'\\\\'", "\\", '"', "'", '"""', "<http://a/{>",
          "<http://x/y>", "<not an iri>", "<", ">", "OPTIONAL", "VALUES ?x", "UNION", "é", "1"]


def sample_queries() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").rglob("*.rq"))]
    rng = random.Random(1313)
    for _ in range(4000):
        texts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25))))
    return texts


def test_the_structure_of_a_query_reads_as_the_reference_scanner_reads_it():
    from partykg.store import sparql

    queries = sample_queries()
    assert len(queries) > 4020
    for q in queries:
        assert sparql._code(q) == _ref_code(q), q
        assert sparql._groups(q) == _ref_groups(q), q
        try:
            got = sparql.top_group_start(q)
        except sparql.BindError:
            got = None
        assert got == _ref_top_group_start(q), q


def _ref_bind(query: str, rows: dict) -> str:
    import re

    from partykg.store.sparql import _SUBSELECT, _VALUES_DATA, values_block

    at = _ref_top_group_start(query)
    pairs = _ref_groups(query)
    top_close = pairs.get(at - 1, len(query))
    subselects = [(o, c) for o, c in pairs.items() if _SUBSELECT.match(query, o + 1)]
    inserts = [(at, rows)]
    for o, c in pairs.items():
        if o < at or c > top_close or o == at - 1:
            continue
        if _VALUES_DATA.search(query[:o]):
            continue
        if any(so <= o and c <= sc for so, sc in subselects):
            continue
        inner = query[o + 1:c]
        used = {k: v for k, v in rows.items() if re.search(rf"[?$]{re.escape(k)}\b", inner)}
        if used:
            inserts.append((o + 1, used))
    for pos, used in sorted(inserts, key=lambda x: x[0], reverse=True):
        query = f"{query[:pos]} {values_block(used)}\n{query[pos:]}"
    return query


def test_binding_writes_what_the_reference_writes_on_the_library_queries():
    import re

    from partykg.store import sparql

    terms = [ox.Literal("51-CT/TW"), ox.NamedNode("https://w3id.org/partykg/id/doc/x")]
    checked = 0
    for path in sorted((ROOT / "queries").rglob("*.rq")):
        text = path.read_text(encoding="utf-8")
        if _ref_top_group_start(text) is None:
            continue
        names = sorted(set(re.findall(r"[?$](\w+)", text)))
        for k in range(len(names)):
            rows = {n: terms[(i + k) % 2] for i, n in enumerate(names[k:k + 3])}
            want = _ref_bind(text, rows)
            assert sparql.bind(text, rows) == want, (path, rows)
            assert sparql.bind(text, dict(reversed(rows.items()))) == \
                _ref_bind(text, dict(reversed(rows.items())))  # the cached plan, names in any order
            checked += 1
    assert checked > 100


def test_ask_on_a_store_takes_the_query_library_of_root_from_any_folder(seed_store, tmp_path):
    # the package installed away from any project (as in site-packages), run from a folder that
    # is not one either: --root names the project whose queries/ the store is asked with
    lib = tmp_path / "lib"
    shutil.copytree(ROOT / "src" / "partykg", lib / "partykg",
                    ignore=shutil.ignore_patterns("__pycache__"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = subprocess.run([sys.executable, "-c", "import sys\nfrom partykg.cli.main import main\n"
                        "sys.exit(main())", "--root", str(ROOT), "ask", "--store", str(seed_store),
                        QUESTION], capture_output=True, text=True, cwd=elsewhere, timeout=300,
                       env={**os.environ, "PYTHONPATH": str(lib)})
    assert r.returncode == 0 and "Directive 51-CT/TW" in r.stdout, r.stderr


# --- the memo of the queries without parameters (partykg.store.memo) ---------------------------

MEMO_QUERIES = ("document-types", "status-names", "kinds", "code-suffixes", "post-roles")


def test_the_memo_gives_the_rows_the_graph_gives(seed_store, tmp_path):
    from partykg.store import memo, queries
    from partykg.store.embedded import KnowledgeGraph

    kg = KnowledgeGraph.open(seed_store)
    path = str(tmp_path / "m.memo")
    key = memo.store_key(str(seed_store))
    first = memo.Memo(path, key)
    want = {}
    for name in MEMO_QUERIES:
        q = queries.load(name, ROOT)
        want[name] = kg.select(q.text, {}, prefixes=False)
        assert first.get(q.text) is None
        first.put(q.text, want[name])
    assert any(len(v) > 20 for v in want.values())
    first.save()
    kept = memo.Memo(path, key)  # read back from the file
    for name in MEMO_QUERIES:
        got = kept.get(queries.load(name, ROOT).text)
        assert got == want[name], name  # terms equal: IRIs, literals with language or datatype
        assert [{k: type(v) for k, v in r.items()} for r in got] == \
            [{k: type(v) for k, v in r.items()} for r in want[name]]
    literals = [v for rows in want.values() for r in rows for v in r.values()
                if isinstance(v, ox.Literal)]
    assert any(v.language for v in literals) and any(not v.language for v in literals)
    assert memo.Memo(path, key + "other").get(queries.load("kinds", ROOT).text) is None


def test_the_memo_decodes_a_result_once_and_gives_each_caller_its_own_rows(seed_store, tmp_path,
                                                                          monkeypatch):
    from partykg.store import memo, queries
    from partykg.store.embedded import KnowledgeGraph

    kg = KnowledgeGraph.open(seed_store)
    text = queries.load("document-types", ROOT).text
    want = kg.select(text, {}, prefixes=False)
    path = str(tmp_path / "m.memo")
    first = memo.Memo(path, "k")
    first.put(text, want)
    first.save()
    kept = memo.Memo(path, "k")
    decoded = []
    real = memo._decode
    monkeypatch.setattr(memo, "_decode", lambda v: decoded.append(v) or real(v))
    a = kept.get(text)
    n = len(decoded)
    assert a == want and n >= len(want)
    a[0]["name"] = None  # a caller changing its rows changes nobody else's
    a.pop()
    b = kept.get(text)
    assert b == want and len(decoded) == n  # not decoded again
    kept.put(text, want[:1])  # a new result replaces the decoded one
    assert kept.get(text) == want[:1]


def test_queries_without_parameters_run_once_per_graph(seed_store, monkeypatch):
    from partykg.store import memo, queries
    from partykg.store.embedded import KnowledgeGraph

    kg = KnowledgeGraph.open(seed_store)
    kg.memo = memo.Memo(None, "")
    ran = []
    select = KnowledgeGraph.select
    monkeypatch.setattr(KnowledgeGraph, "select",
                        lambda self, q, b=None, prefixes=True: ran.append(q) or select(self, q, b,
                                                                                       prefixes))
    a = queries.run(kg, "document-types")
    b = queries.run(kg, "document-types")
    assert a == b and len(a) > 20 and len(ran) == 1
    queries.run(kg, "lookup-number", {"number": ox.Literal("51")})
    queries.run(kg, "lookup-number", {"number": ox.Literal("51")})
    assert len(ran) == 3  # a query with parameters always runs


def memo_files(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob("*") if p.name.endswith("memo"))


def ask_cli(*argv: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partykg", *argv], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, env={**os.environ, **env})


def test_ask_on_a_store_keeps_a_memo_in_the_cache_folder_only(seed_store, tmp_path):
    env = {"PARTYKG_CACHE_DIR": str(tmp_path / "cache")}
    before = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in seed_store.iterdir())
    first = ask_cli("ask", "--json", "--store", str(seed_store), QUESTION, env=env)
    assert first.returncode == 0, first.stderr
    memos = memo_files(tmp_path / "cache")
    assert len(memos) == 1 and memos[0].stat().st_size > 1000
    second = ask_cli("ask", "--json", "--store", str(seed_store), QUESTION, env=env)
    assert second.stdout == first.stdout and "51-CT/TW" in second.stdout
    after = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in seed_store.iterdir())
    assert after == before  # nothing written into the user's store
    off = ask_cli("ask", "--json", "--store", str(seed_store), QUESTION,
                  env={"PARTYKG_CACHE_DIR": ""})
    assert off.stdout == first.stdout


@pytest.mark.parametrize("damage", ["garbage", "truncated", "crc", "shape"])
def test_a_damaged_memo_is_ignored_and_rewritten(seed_store, tmp_path, damage):
    import marshal
    import zlib

    env = {"PARTYKG_CACHE_DIR": str(tmp_path / "cache")}
    want = ask_cli("ask", "--json", "--store", str(seed_store), QUESTION, env=env).stdout
    [path] = memo_files(tmp_path / "cache")
    blob = path.read_bytes()
    if damage == "garbage":
        blob = bytes(range(256)) * 10
    elif damage == "truncated":
        blob = blob[: len(blob) // 2]
    elif damage == "crc":  # a byte changed in the content
        blob = blob[:-20] + bytes([blob[-20] ^ 0x55]) + blob[-19:]
    else:  # a valid file with rows of another shape under the right key
        data = marshal.loads(blob[4:])
        data["rows"] = {q: (["x"], [(1, 2)]) for q in data["rows"]}
        body = marshal.dumps(data)
        blob = zlib.crc32(body).to_bytes(4, "big") + body
    path.write_bytes(blob)
    r = ask_cli("ask", "--json", "--store", str(seed_store), QUESTION, env=env)
    assert r.returncode == 0 and r.stdout == want, r.stderr
    assert path.read_bytes() != blob  # written again, whole
    assert ask_cli("ask", "--json", "--store", str(seed_store), QUESTION, env=env).stdout == want


def test_a_memo_is_not_used_for_a_rebuilt_store(tmp_path):
    from conftest import SEED_FILES, load_kg
    from partykg.store import memo, queries
    from partykg.store.embedded import KnowledgeGraph

    store = tmp_path / "store"
    load_kg(*SEED_FILES).save(store)
    text = queries.load("kinds", ROOT).text
    m = memo.Memo(str(tmp_path / "m.memo"), memo.store_key(str(store)))
    m.put(text, [{"class": ox.NamedNode("http://example.org/stale"), "top": None}])
    m.save()
    assert memo.Memo(str(tmp_path / "m.memo"), memo.store_key(str(store))).get(text)
    load_kg(*SEED_FILES[:2]).save(store)  # the same folder, rebuilt
    assert memo.Memo(str(tmp_path / "m.memo"), memo.store_key(str(store))).get(text) is None
    kg = KnowledgeGraph.open(store)
    kg.memo = memo.for_store(str(store))
    assert all(r["class"].value != "http://example.org/stale" for r in queries.run(kg, "kinds"))


def test_the_memo_of_the_cached_files_belongs_to_their_signature(cached, seed_project_copy):
    kg = cache.load(seed_project_copy)
    sig = cache.signature(seed_project_copy)
    assert kg.memo.path == str(Path(kg.location).parent / "memo") and kg.memo.key.endswith(sig)
    time.sleep(0.05)
    (seed_project_copy / "graph" / "extra.trig").write_text(
        '<graph/extra> { <doc/extra> <http://www.w3.org/2004/02/skos/core#prefLabel> "x"@en . }\n',
        encoding="utf-8")
    other = cache.load(seed_project_copy)
    assert other.memo.path != kg.memo.path and other.memo.key.endswith(
        cache.signature(seed_project_copy))


def test_the_memo_keeps_the_plans_sparql_makes(seed_store, tmp_path, monkeypatch):
    import marshal

    from partykg.store import sparql

    env = {"PARTYKG_CACHE_DIR": str(tmp_path / "cache")}
    first = ask_cli("ask", "--json", "--store", str(seed_store), QUESTION, env=env)
    [path] = memo_files(tmp_path / "cache")
    data = marshal.loads(path.read_bytes()[4:])
    assert len(data["plans"]) >= 3 and len(data["checked"]) >= 3
    for (query, names), plan in data["plans"].items():
        assert plan == [(p, tuple(ns)) for p, ns in sparql._plan(query, names)]
    for query in data["checked"]:
        sparql._check_query(query)  # each passes the check
    assert ask_cli("ask", "--json", "--store", str(seed_store), QUESTION, env=env).stdout == \
        first.stdout
    # a kept plan that does not fit its query is not used
    (query, names), plan = next(iter(data["plans"].items()))
    monkeypatch.setattr(sparql, "KEPT_PLANS", {(query, names): [(len(query) + 5, names)]})
    monkeypatch.setattr(sparql, "MADE_PLANS", {})
    assert sparql._plan_of(query, names) == sparql._plan(query, names)
    monkeypatch.setattr(sparql, "KEPT_PLANS", {(query, names): [(0, ("not_a_name",))]})
    assert sparql._plan_of(query, names) == sparql._plan(query, names)
    assert (query, names) in sparql.MADE_PLANS


def test_a_memo_of_other_code_is_not_used(seed_store, tmp_path, monkeypatch):
    from partykg.store import memo, queries

    text = queries.load("kinds", ROOT).text
    path = str(tmp_path / "m.memo")
    m = memo.Memo(path, "k")
    m.put(text, [{"class": ox.NamedNode("http://example.org/c"), "top": None}])
    m.save()
    assert memo.Memo(path, "k").get(text)
    real = memo._versions()
    monkeypatch.setattr(memo, "_versions", lambda: real + "code sparql.py changed\n")
    assert memo.Memo(path, "k").get(text) is None  # store/sparql.py changed: its plans are not used
