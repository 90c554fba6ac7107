"""Held-out sets P and Q (issue 12): the gold files and texts are well formed, and the sets stay
blind.

Structure only: this test never runs the extractor, imports nothing of partykg and reads nothing
of the other held-out sets. Every mention must be locatable exactly as the gold README says (text
unique, or context unique and containing text, or an occurrence that exists), every relation must
join two mentioned documents with a scored kind, types must be concepts of the doc-type scheme,
every page must have its sidecar and URLS.txt line, and no code, script or other test may name a
page of the set (only the held-out lists that leave it out may name the folder).
"""

import json
import re

import pytest

from gold_shape import ROOT, check_gold_file, check_sidecars, set_paths

SETS = ("real_heldout_p", "real_heldout_q")  # held out (P: tenth round, Q: eleventh)
GOLD_FILES = [f for name in SETS for f in set_paths(name)[2]]
# files allowed to name the folder: they leave the held-out sets out or check them (no page stem)
MAY_NAME_FOLDER = {"scripts/compare_accept", "tests/test_gold_real_sets.py", "tests/test_xblind8.py"}


@pytest.mark.parametrize("name", SETS)
def test_set_has_its_pages(name):
    gold, _, files = set_paths(name)
    assert len(files) >= 15
    langs = [json.loads(f.read_text(encoding="utf-8"))["lang"] for f in files]
    assert {"vi", "en", "fr"} <= set(langs)
    assert langs.count("vi") * 2 > len(langs)  # mostly Vietnamese, as the brief asks
    assert not (gold / "baseline_errors.txt").exists()  # held out: no error list is ever kept
    assert "held out" in (gold / "README.md").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_gold_file_is_well_formed(path):
    check_gold_file(path)


@pytest.mark.parametrize("name", SETS)
def test_sidecars_and_urls_list(name):
    check_sidecars(name)


def test_no_code_or_test_names_the_set():
    """Nobody develops against set P: no source file, script or test names one of its pages, and
    only the held-out lists name its folder."""
    stems = {p.stem for p in GOLD_FILES}
    assert stems
    files = [*(ROOT / "src").rglob("*.py"), *(ROOT / "tests").glob("*.py"),
             *(p for p in (ROOT / "scripts").iterdir() if p.is_file())]
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        body = path.read_text(encoding="utf-8", errors="replace")
        assert not any(stem in body for stem in stems), rel
        if rel not in MAY_NAME_FOLDER:
            assert not any(name in body for name in SETS), rel


def test_compare_accept_leaves_the_set_out():
    script = (ROOT / "scripts" / "compare_accept").read_text(encoding="utf-8")
    held = re.search(r"^HELD_OUT = \{(.*)\}", script, re.M)
    assert held and all(f'"{name}"' in held.group(1) for name in SETS)
    assert '"real_heldout_o"' not in held.group(1)  # seen since the tenth round: development data
