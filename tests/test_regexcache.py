"""partykg.regexcache (issue 13): the regular expressions a cold `partykg ask` compiled are put
back into `re`'s cache by the next process, equal to what Python compiles, and a damaged or
foreign file is ignored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import ROOT

QUESTION = "What replaces Directive 51?"

# run partykg ask in a new process, counting the patterns Python itself compiles
COUNTING = """
import re, sys, json
compiled = []
original = re._compiler.compile
def counting(p, flags=0):
    compiled.append(p)
    return original(p, flags)
re._compiler.compile = counting
from partykg.cli.main import main
code = main(sys.argv[1:])
print("COMPILED", json.dumps(len(compiled)), code)
"""


def ask(cache: Path, *argv: str) -> tuple[str, int]:
    r = subprocess.run([sys.executable, "-c", COUNTING, "ask", *argv, QUESTION],
                       capture_output=True, text=True, cwd=ROOT, timeout=300,
                       env={**os.environ, "PARTYKG_CACHE_DIR": str(cache)})
    out, last = r.stdout.rstrip("\n").rsplit("\n", 1)
    assert last.startswith("COMPILED") and last.endswith(" 0"), r.stdout + r.stderr
    return out, int(last.split()[1])


def regex_file(cache: Path) -> Path:
    [path] = cache.glob("regex-*.marshal")
    return path


def test_the_next_process_compiles_almost_nothing(tmp_path):
    out1, n1 = ask(tmp_path / "c")
    out2, n2 = ask(tmp_path / "c")
    assert "Directive 51-CT/TW" in out1 and out2 == out1
    assert n1 > 30 and n2 <= 3, (n1, n2)
    assert regex_file(tmp_path / "c").stat().st_mode & 0o077 == 0


def test_the_kept_patterns_are_those_python_compiles(tmp_path):
    ask(tmp_path / "c")
    code = """
import re, sys
from partykg import regexcache
n = regexcache.load(sys.argv[1])
keys = [k for k in re._cache if (k[1], k[2]) in regexcache._state["loaded"]]
assert n > 30 and len(keys) == n, (n, len(keys))
for kind, pattern, flags in keys:
    assert re._cache[kind, pattern, flags] == re._compiler.compile(pattern, flags), pattern
print("OK", n)
"""
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "c")], capture_output=True,
                       text=True, timeout=300)
    assert r.stdout.startswith("OK"), r.stdout + r.stderr


@pytest.mark.parametrize("damage", ["garbage", "truncated", "crc", "tag", "entry"])
def test_a_damaged_or_foreign_file_is_ignored(tmp_path, damage):
    import marshal

    cache = tmp_path / "c"
    want, _ = ask(cache)
    path = regex_file(cache)
    blob = path.read_bytes()
    if damage == "garbage":
        blob = bytes(range(256)) * 8
    elif damage == "truncated":
        blob = blob[: len(blob) // 3]
    elif damage == "crc":
        blob = blob[:100] + bytes([blob[100] ^ 1]) + blob[101:]
    else:
        data = marshal.loads(blob[4:])
        if damage == "tag":  # another Python build
            data["tag"] += " other"
        else:  # an entry of another shape, under a valid CRC
            key = next(iter(data["patterns"]))
            data["patterns"][key] = ("not", "the", "arguments")
        body = marshal.dumps(data)
        blob = zlib.crc32(body).to_bytes(4, "big") + body
    path.write_bytes(blob)
    out, n = ask(cache)
    assert out == want
    assert n >= 1 if damage == "entry" else n > 30
    assert path.read_bytes() != blob  # written again
    out, n = ask(cache)
    assert out == want and n <= 3


def test_nothing_is_kept_with_the_cache_off(tmp_path):
    r = subprocess.run([sys.executable, "-m", "partykg", "ask", "--json", QUESTION],
                       capture_output=True, text=True, cwd=tmp_path, timeout=300,
                       env={**os.environ, "PARTYKG_CACHE_DIR": "", "PARTYKG_ROOT": str(ROOT)})
    assert r.returncode == 0 and "51-CT/TW" in json.loads(r.stdout)["text"]
    assert list(tmp_path.iterdir()) == []
