"""Hostile input through the command line: generated paths, IRIs, CSV cells, question text,
query text and dates (deterministic: random.Random with a fixed seed). Whatever comes in, the
command exits 0, 1 or 2 and never shows a traceback or an internal error.

Most cases run in-process (``partykg.cli.main.main``) for speed, against an on-disk store built
once; a handful run as real processes. Outputs only ever go into the test's own folder."""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from partykg.cli.main import main

SEED = 20261129

PIECES = [
    '"', "'", '"""', "\\", "{", "}", "<", ">", "(", ")", "[", "]", " ", "  ", "\n", "\r\n", "\t",
    "../", "/", "~", "$HOME", "*", "?", "%00", "%2e%2e/", "-", "--", "=", "@", "+", ";", "#",
    ",", "|", "&", "`", "^", ":", "\u202e", "\u200b", "\ufeff", "\U0001F600", "\x7f", "\x1b[31m",
    "Chỉ thị", "Directive 51", "51-CT/TW", "396/QĐ-BNG", "NQ", "ĐUB", "Ban Bí thư", "Politburo",
    "doc/", "doc/tw/ct/2005/51", "body/", "source/", "pk:", "pk:replaces", "xsd:", "http://",
    "https://w3id.org/partykg/id/", "<http://e/x>", "urn:x", "_:b0", "SERVICE", "SELECT",
    "DROP ALL", "INSERT DATA", "FILTER", "UNION", "OPTIONAL", "VALUES", "?x", "$y", "GRAPH",
    "What replaces", "Ai ban hành", "in 2020", "as of", "A" * 300, "9" * 40, "-1", "0", "1e309",
    "inf", "nan", "2020-02-30", "9999-12-31", "0000-00-00", "\u0301", "ı", "ß", "İ",
]


def hostile(rng: random.Random, n: int | None = None) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n or rng.randint(1, 6)))


def clean(s: str) -> str:
    """What argv can carry (no NUL byte)."""
    return s.replace("\x00", "")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "kg"
    assert main(["build", "--store", str(path)]) == 0
    return path


def run_in_process(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        try:
            code = main(args)
        except SystemExit as e:  # argparse: usage errors and --help
            code = e.code if isinstance(e.code, int) else 2
    finally:
        sys.stdout, sys.stderr = real
    return code, out.getvalue() + err.getvalue()


def query_text(rng: random.Random) -> str:
    """A query: sometimes valid, often broken, sometimes deep or federated."""
    kind = rng.randrange(6)
    if kind == 0:
        d = rng.choice([10, 300, 3000, 6000])
        return "SELECT * WHERE " + "{" * d + " ?s ?p ?o " + "}" * d
    if kind == 1:
        d = rng.choice([50, 2000, 6000])
        return "SELECT * WHERE { FILTER(" + "(" * d + "1" + ")" * d + ") }"
    if kind == 2:
        return f"SELECT * WHERE {{ SERVICE <{hostile(rng)}> {{ ?s ?p ?o }} }}"
    if kind == 3:
        return f'SELECT ?x WHERE {{ BIND({hostile(rng)} AS ?x) }} LIMIT 3'
    if kind == 4:
        return f"SELECT * WHERE {{ ?s ?p {hostile(rng)} }} LIMIT 2"
    return hostile(rng, rng.randint(3, 20))


CSV_COLUMNS = ["code", "type", "issuer", "date", "title", "replaces", "amends", "implements",
               "guides", "status", "source_url", "quote", "lang", "as_of"]


def csv_text(rng: random.Random) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    header = CSV_COLUMNS if rng.random() < 0.8 else [hostile(rng) for _ in range(4)]
    w.writerow(header)
    good = ["51-CT/TW", "Directive", "Politburo", "2005-04-13", "Chỉ thị 51", "", "", "", "",
            "issued", "https://example.org/a", "Chỉ thị 51", "vi", "2020-01-01"]
    for _ in range(rng.randint(1, 5)):
        row = list(good)
        for _ in range(rng.randint(1, 4)):
            row[rng.randrange(len(row))] = hostile(rng)
        w.writerow(row)
    return buf.getvalue()


def cases(tmp: Path, store: Path) -> list[tuple[str, list[str]]]:
    """(what, argv) for every generated case."""
    rng = random.Random(SEED)
    s = ["--store", str(store)]
    out: list[tuple[str, list[str]]] = []
    for i in range(150):  # questions
        q = clean(hostile(rng) if rng.random() < 0.4 else
                  rng.choice(["What replaces {}?", "Ai ban hành {}?", "What did {} issue in 2020?",
                              "Which documents implement {}?", "{}"]).format(hostile(rng)))
        args = ["ask", *s, q]
        if rng.random() < 0.2:
            args += ["--as-of", clean(hostile(rng))]
        if rng.random() < 0.2:
            args.append("--json")
        out.append(("question", args))
    for i in range(130):  # parameters: IRIs, codes, names, numbers, dates
        name, kind = rng.choice([("document", "doc"), ("entity", "entity"), ("evidence", "s"),
                                 ("in-force", "date"), ("issued-by", "body"),
                                 ("lookup-code", "key"), ("replaced-by", "doc")])
        out.append(("parameter", ["query", name, *s, "--param", clean(f"{kind}={hostile(rng)}"),
                                  "--format", rng.choice(["table", "csv", "tsv", "json"])]))
    for i in range(110):  # query text
        rq = tmp / f"q{i}.rq"
        rq.write_text(f"# Question: fuzz {i}?\n{query_text(rng)}\n", encoding="utf-8",
                      errors="surrogatepass")
        out.append(("query text", ["query", str(rq), *s]))
    for i in range(40):  # view focus
        out.append(("focus", ["view", *s, "--focus", clean(hostile(rng)), "--out",
                              str(tmp / f"v{i}.html"), "--depth", str(rng.randint(0, 3))]))
    # paths to read: odd names in the test's folder, links, fifos are not read (they would wait)
    special = tmp / "special"
    special.mkdir()
    (special / "dir.txt").mkdir()
    (special / "link.txt").symlink_to("missing")
    (special / "loop.txt").symlink_to("loop.txt")
    (special / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (special / "latin1.txt").write_bytes("Chỉ thị 51-CT/TW".encode("utf-8").decode("latin-1").encode("utf-8"))
    (special / "empty.txt").write_bytes(b"")
    readable = [str(p) for p in special.iterdir()] + ["/dev/zero", "/dev/null", "/", "/proc/self/mem"]
    for i in range(60):
        if rng.random() < 0.5:
            path = rng.choice(readable)
        else:
            path = str(tmp / clean(hostile(rng)).replace("/", "_")[:200])
        cmd = rng.choice(["extract", "review", "import", "query"])
        if cmd == "extract":
            args = ["extract", path, "--out", str(tmp / f"c{i}.trig"), "--no-link"]
        elif cmd == "review":
            args = ["review", path]
        elif cmd == "import":
            args = ["import", "--dry-run", path]
        else:
            args = ["query", path + ".rq" if rng.random() < 0.5 else path, *s]
        out.append(("path to read", args))
    # paths to write: always inside the test's folder
    target = tmp / "targets"
    target.mkdir()
    os.mkfifo(target / "fifo")
    (target / "folder").mkdir()
    (target / "to-fifo").symlink_to("fifo")
    (target / "to-folder").symlink_to("folder")
    (target / "dangling").symlink_to("new/file.html")
    (target / "file").write_text("x")
    for i in range(30):
        name = rng.choice(["fifo", "folder", "to-fifo", "to-folder", "dangling", "file/below",
                           "folder/", clean(hostile(rng)).replace("/", "_")[:100] or "x",
                           "a/b/c/d.html"])
        cmd = rng.choice(["view", "export", "extract"])
        if cmd == "extract":
            args = ["extract", str(ROOT / "tests/data/articles" / sorted(
                os.listdir(ROOT / "tests/data/articles"))[0]), "--no-link",
                "--out", str(target / name)]
        elif cmd == "view":
            args = ["view", *s, "--kind", "bodies", "--out", str(target / name)]
        else:
            args = ["export", *s, "--kind", "bodies", "--format", "json", "--out", str(target / name)]
        out.append(("path to write", args))
    for i in range(40):  # spreadsheets
        f = tmp / f"sheet{i}.csv"
        f.write_text(csv_text(rng), encoding="utf-8")
        out.append(("csv cells", ["import", "--dry-run", str(f)]))
    return out


def test_hostile_inputs_never_show_a_traceback(tmp_path, store):
    all_cases = cases(tmp_path, store)
    assert len(all_cases) >= 500
    failures = []
    for what, args in all_cases:
        code, text = run_in_process(args)
        if code not in (0, 1, 2) or "Traceback" in text or "internal error" in text:
            failures.append(f"{what}: {args!r} -> exit {code}: {text[-400:]!r}")
    assert not failures, f"{len(failures)} of {len(all_cases)} cases:\n" + "\n".join(failures[:20])
    # writing never replaced a fifo or a folder
    assert (tmp_path / "targets" / "fifo").is_fifo()
    assert (tmp_path / "targets" / "folder").is_dir()


def test_hostile_inputs_in_real_processes(tmp_path, store):
    rng = random.Random(SEED + 1)
    runs = []
    for i in range(3):
        runs.append(["ask", "--store", str(store), clean(hostile(rng, 8))])
    for i in range(2):
        rq = tmp_path / f"q{i}.rq"
        rq.write_text(f"# Question: fuzz?\n{query_text(rng)}\n", encoding="utf-8")
        runs.append(["query", str(rq), "--store", str(store)])
    runs.append(["query", "document", "--store", str(store), "--param",
                 clean("doc=" + hostile(rng, 5))])
    runs.append(["extract", "/dev/zero", "--no-link", "--out", str(tmp_path / "c.trig")])
    runs.append(["--root", str(tmp_path / clean(hostile(rng)).replace("/", "_")), "validate"])
    for args in runs:
        r = subprocess.run([sys.executable, "-m", "partykg", *args], capture_output=True,
                           text=True, cwd=ROOT, timeout=120)
        assert r.returncode in (0, 1, 2), (args, r.returncode, r.stderr[-500:])
        assert "Traceback" not in r.stdout + r.stderr, (args, r.stderr[-2000:])
        assert "internal error" not in r.stderr, (args, r.stderr[-500:])
