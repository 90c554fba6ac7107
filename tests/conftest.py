from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
from pathlib import Path

import pytest

# `partykg ask` caches the project's store in the user's cache folder (partykg.store.cache): the
# tests' commands (in this process and in subprocesses) use a cache folder of their own, never
# the user's, removed at the end
_CACHE = tempfile.mkdtemp(prefix="partykg-test-cache-")
os.environ["PARTYKG_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)

# a run started in the background by a shell without job control (`bash .ci/run &`) inherits
# SIGINT ignored, and every partykg the tests start would too (an ignored signal stays ignored
# across exec): the tests that interrupt a command with SIGINT need its default back
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

from servers import (loaded_endpoint, oxigraph_loaded, oxigraph_server,  # noqa: F401
                     virtuoso, virtuoso_scratch)  # (fixtures for every module)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def ontology_files() -> list[Path]:
    from partykg.graph.dataset import ONTOLOGY_DATA_FILES

    return [ROOT / "ontology" / n for n in ONTOLOGY_DATA_FILES]


def load_kg(*files: Path, root: Path = ROOT):
    """A KnowledgeGraph of the ontology plus the given files only."""
    from partykg.graph import dataset
    from partykg.store.embedded import KnowledgeGraph

    store, report = dataset.load(root, files=[*ontology_files(), *files])
    return KnowledgeGraph(store, root, report)


@pytest.fixture(scope="session")
def kg():
    """The whole project graph (ontology + every graph file), loaded once."""
    from partykg.store.embedded import KnowledgeGraph

    return KnowledgeGraph.load(ROOT)


SEED_FILES = [ROOT / "graph" / "curation.trig",
              *sorted((ROOT / "graph" / "sources").glob("00[0-4]_*.trig"))]


@pytest.fixture(scope="session")
def seed_kg():
    """The seed graph only (ontology, curation and the five seed articles' graphs), loaded once:
    for the tables of answers the seed articles support (questions.json, the query manifest, the
    seed facts), which must not change as sources are added to graph/ (a new source can make a
    mention ambiguous or add documents to a list, and then the whole graph answers differently)."""
    assert len(SEED_FILES) == 6, SEED_FILES
    return load_kg(*SEED_FILES)


@pytest.fixture()
def seed_project_copy(tmp_path: Path) -> Path:
    """A copy of the project holding only the seed articles' graphs and the curation: for
    spreadsheets written against that graph (sources added to graph/ later may make one of their
    codes name two documents, or give a document only named in a relation its type)."""
    for name in ("ontology", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    graph = tmp_path / "graph"
    (graph / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "graph" / "curation.trig", graph / "curation.trig")
    for f in sorted((ROOT / "graph" / "sources").glob("00[0-4]_*.trig")):
        shutil.copy(f, graph / "sources" / f.name)
    shutil.copytree(ROOT / "graph" / "corpus", graph / "corpus")
    return tmp_path


EXTRACT_FIXTURE = DATA / "extract" / "project"


def copy_extract_project(root: Path) -> Path:
    """A project at ROOT: this checkout's ontology and queries, with the small graph of the
    extraction fixture (tests/data/extract/project/graph)."""
    for name in ("ontology", "queries"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(EXTRACT_FIXTURE / "graph", root / "graph")
    return root


@pytest.fixture()
def extract_project(tmp_path: Path) -> Path:
    """A fresh copy of the extraction fixture's project, safe to write to."""
    return copy_extract_project(tmp_path / "project")


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's data folders, safe to write to."""
    for name in ("ontology", "graph", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path
