"""Each consistency check (queries/checks/*.rq) fires on its failing fixture and names the entity,
and returns no rows on the project's graph."""
from __future__ import annotations

import re

import pytest

from conftest import DATA, ROOT, load_kg
from partykg.graph.validate import check_files, run_checks, short

CHECKS = check_files(ROOT)


def test_every_check_has_a_failing_fixture():
    assert CHECKS, "no checks found"
    missing = [c.stem for c in CHECKS if not (DATA / "checks" / f"{c.stem}.trig").is_file()]
    assert not missing, f"checks without a failing fixture: {missing}"


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_has_header(check):
    head = check.read_text(encoding="utf-8").splitlines()
    assert head[0].startswith("# Check:"), "first line must say what the check finds"
    assert any(line.startswith("# Parameters:") for line in head), "header must list parameters"


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_fires_on_its_fixture(check):
    fixture = DATA / "checks" / f"{check.stem}.trig"
    expected = re.search(r"^# expect: (\S+)", fixture.read_text(encoding="utf-8"), re.M).group(1)
    violations = run_checks(load_kg(fixture), [check])
    assert violations, f"{check.name} returned no rows on its failing fixture"
    assert expected in {short(v.entity) for v in violations}
    assert all(v.rule == check.stem and v.message for v in violations)


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_passes_on_project_graph(kg, check):
    violations = run_checks(kg, [check])
    assert not violations, "\n".join(map(str, violations))
