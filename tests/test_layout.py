"""The package's layout stays what the README says: modules by pipeline stage, one job per file
(no module much over 600 lines) and no import circles, between modules or between stages."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT

PKG = ROOT / "src" / "partykg"
MAX_LINES = 650
# a module still to split, with the length it may not grow past (remove it once it is split)
NOT_YET_SPLIT: dict[str, int] = {}
# a stage may import the stages before it, never one after it (cli sees them all)
STAGES = ("model", "graph", "store", "ask", "views", "ingest", "cli")
MAY_IMPORT = {"model": set(), "graph": {"model"}, "store": {"model", "graph"},
              "ask": {"model", "graph", "store"}, "views": {"model", "graph", "store", "ask"},
              "ingest": {"model", "graph", "store", "ask"}, "cli": set(STAGES)}


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PKG.rglob("*.py")):
        parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports(path: Path, name: str, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and getattr(node.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(node)}
    nodes = [n for n in (tree.body if top_level_only else ast.walk(tree)) if id(n) not in typing_only]
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                mod = f"{base}.{node.module}" if node.module else base
            else:
                mod = node.module or ""
            found.add(mod)
            found |= {f"{mod}.{a.name}" for a in node.names}
    return {m for m in found if m.startswith("partykg")}


def graph(top_level_only: bool) -> nx.DiGraph:
    mods = modules()
    g = nx.DiGraph()
    for name, path in mods.items():
        g.add_node(name)
        for target in imports(path, name, top_level_only):
            if target in mods and target != name:
                g.add_edge(name, target)
    return g


def test_no_module_is_much_over_600_lines():
    long = {str(p.relative_to(ROOT)): n for p in PKG.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    grown = {f: n for f, n in long.items() if n > NOT_YET_SPLIT.get(f, MAX_LINES)}
    assert grown == {}, f"split by job: {grown}"
    assert set(NOT_YET_SPLIT) <= set(long), "split: take it out of NOT_YET_SPLIT"


def test_no_import_circles_between_modules():
    g = graph(top_level_only=True)
    # a package importing its own modules (its public face) is not a circle
    g.remove_edges_from([(a, b) for a, b in list(g.edges) if b.startswith(a + ".")])
    cycles = list(nx.simple_cycles(g))
    assert cycles == [], cycles[:5]


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_only_the_stages_before_it(stage):
    wrong = set()
    for a, b in graph(top_level_only=False).edges:
        sa, sb = (a.split(".")[1:2] or [""])[0], (b.split(".")[1:2] or [""])[0]
        if sa == stage and sb in STAGES and sb != stage and sb not in MAY_IMPORT[stage]:
            wrong.add(f"{a} -> {b}")
    assert wrong == set(), sorted(wrong)
