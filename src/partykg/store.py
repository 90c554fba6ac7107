"""The embedded store: a pyoxigraph Store, loaded from the project's files (in memory) or opened
from a folder written by ``partykg build --store DIR``; queried with bound parameters, never with
text pasted into a query.

Every graph backend (this one, and :class:`partykg.remote.RemoteGraph` for SPARQL endpoints)
answers the same three calls: ``select``, ``construct`` and ``ask``, each taking a query and a
mapping of variable names to RDF terms (pyoxigraph terms), bound as a VALUES block
(:mod:`partykg.sparql`), never pasted into the query as text.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import pyoxigraph as ox

from . import dataset
from .errors import PartykgError
from .sparql import bind
from .vocab import DCTERMS, GRAPH_DERIVED, GRAPH_META, PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal

_SOURCE_FILE = ox.NamedNode(DCTERMS + "source")


class QueryError(PartykgError):
    """A query that does not parse or cannot run."""


class StoreError(PartykgError):
    """An on-disk store that cannot be opened or written."""


@dataclass
class KnowledgeGraph:
    store: ox.Store
    root: Path | None
    report: dataset.LoadReport

    @classmethod
    def load(cls, root: Path | None = None,
             progress: Callable[[str], None] | None = None) -> "KnowledgeGraph":
        """Load the project's files (ontology/ and graph/) into an in-memory store."""
        root = (root or dataset.find_root()).resolve()
        store, report = dataset.load(root, progress=progress)
        return cls(store, root, report)

    @classmethod
    def open(cls, path: Path | str) -> "KnowledgeGraph":
        """Open, read-only, a store written by :meth:`save` (``partykg build --store DIR``)."""
        path = Path(path)
        if not (path / "CURRENT").is_file() and not any(path.glob("*.sst")):
            raise StoreError(f"{path}: not a partykg store (write one with "
                             "'partykg build --store DIR')")
        try:
            store = ox.Store.read_only(str(path))
        except OSError as e:
            raise StoreError(f"{path}: cannot open the store: {e}") from e
        report = dataset.LoadReport()
        for q in store.quads_for_pattern(None, _SOURCE_FILE, None, ox.NamedNode(GRAPH_META)):
            report.graph_files[q.subject.value] = q.object.value
        report.files = sorted({Path(f) for f in report.graph_files.values()})
        report.quads = len(store)
        return cls(store, None, report)

    def save(self, path: Path, progress: Callable[[str], None] | None = None) -> Path:
        """Write this graph to an on-disk store at ``path``, replacing what was there only once
        the new store is complete (a failure leaves the old one as it was)."""
        path = Path(path).resolve()
        tmp = path.with_name(path.name + ".partial")
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            disk = ox.Store(str(tmp))
            meta = ox.NamedNode(GRAPH_META)
            quads = [*self.store,
                     *(ox.Quad(ox.NamedNode(g), _SOURCE_FILE, ox.Literal(f), meta)
                       for g, f in sorted(self.report.graph_files.items()))]
            if progress:
                progress(f"writing {len(quads)} quads to {path}")
            disk.bulk_extend(quads)
            disk.flush()
            disk.optimize()
            del disk
        except OSError as e:
            shutil.rmtree(tmp, ignore_errors=True)
            raise StoreError(f"{path}: cannot write the store: {e}") from e
        if path.exists():
            old = path.with_name(path.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            path.rename(old)
            tmp.rename(path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(path)
        return path

    # --- queries -------------------------------------------------------------------------------

    def _query(self, query: str, bindings: Mapping[str, Term] | None):
        text = bind(query, bindings)
        try:
            return self.store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as e:
            raise QueryError(f"query does not parse: {e}") from e
        except OSError as e:
            raise QueryError(f"query failed: {e}") from e

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT over the union of all graphs; ``bindings`` maps variable names (no '?')
        to RDF terms (see :func:`partykg.sparql.bind`). Unbound variables come back as None."""
        res = self._query(query, bindings)
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in res.variables]
        return [{n: sol[n] for n in names} for sol in res]

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]:
        """Run a CONSTRUCT (or DESCRIBE) over the union of all graphs."""
        res = self._query(query, bindings)
        if not isinstance(res, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return list(res)

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool:
        res = self._query(query, bindings)
        if not isinstance(res, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(res)

    # --- provenance of graphs ------------------------------------------------------------------

    def file_of_graph(self, graph: str) -> str | None:
        return self.report.graph_files.get(graph)

    def data_quads(self) -> list[ox.Quad]:
        """Every quad except the derived keys and the store's metadata."""
        skip = {ox.NamedNode(GRAPH_DERIVED), ox.NamedNode(GRAPH_META)}
        return [q for q in self.store if q.graph_name not in skip]
