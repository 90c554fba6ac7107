"""Held-out set O (issue 12): the gold files and texts are well formed.

Structure only: this test never runs the extractor and reads nothing of the other held-out sets.
Every mention must be locatable exactly as the gold README says (text unique, or context unique
and containing text, or an occurrence that exists), every relation must join two mentioned
documents with a scored kind, types must be concepts of the doc-type scheme, and every page must
have its sidecar and URLS.txt line.
"""

import json

import pytest

from gold_shape import check_gold_file, check_sidecars, set_paths

NAME = "real_heldout_o"
GOLD, ARTICLES, GOLD_FILES = set_paths(NAME)


def test_set_has_its_pages():
    assert len(GOLD_FILES) >= 12
    langs = {json.loads(f.read_text(encoding="utf-8"))["lang"] for f in GOLD_FILES}
    assert {"vi", "en", "fr"} <= langs


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_gold_file_is_well_formed(path):
    check_gold_file(path, every_page_relates=False)  # o17 states no scored relation


def test_sidecars_and_urls_list():
    check_sidecars(NAME)
