"""`partykg ask` errors say so the way every command does (README, exit codes): exit 2 and a
first line on stderr starting `partykg: error:`; the supported forms follow on stderr, and only
`--forms` prints them on stdout with exit 0."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, "-m", "partykg", "--root", str(ROOT), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("args", [
    ("ask", ""),
    ("ask",),
    ("ask", "Please bake me a cake"),
    ("ask", "--as-of", "2020-13-45", "What replaces Directive 51?"),
])
def test_ask_error_first_line(args):
    r = run(*args)
    assert r.returncode == 2
    assert r.stderr.splitlines()[0].startswith("partykg: error: ")
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_forms_on_stdout():
    r = run("ask", "--forms")
    assert r.returncode == 0 and r.stdout.startswith("Supported questions") and r.stderr == ""
