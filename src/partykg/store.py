"""The embedded store: a pyoxigraph Store loaded from the project's files, queried with bound
parameters (never text pasted into a query)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import pyoxigraph as ox

from . import dataset
from .errors import PartykgError
from .vocab import GRAPH_DERIVED, PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class QueryError(PartykgError):
    """A query that does not parse or cannot run."""


@dataclass
class KnowledgeGraph:
    store: ox.Store
    root: Path
    report: dataset.LoadReport

    @classmethod
    def load(cls, root: Path | None = None,
             progress: Callable[[str], None] | None = None) -> "KnowledgeGraph":
        root = (root or dataset.find_root()).resolve()
        store, report = dataset.load(root, progress=progress)
        return cls(store, root, report)

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT over the union of all graphs; ``bindings`` maps variable names (no '?')
        to RDF terms and is substituted by the engine."""
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            res = self.store.query(query, use_default_graph_as_union=True, prefixes=PREFIXES,
                                   substitutions=subs or None)
        except SyntaxError as e:
            raise QueryError(f"query does not parse: {e}") from e
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in res.variables]
        return [{n: sol[n] for n in names} for sol in res]

    def file_of_graph(self, graph: str) -> str | None:
        return self.report.graph_files.get(graph)

    def data_quads(self) -> list[ox.Quad]:
        """Every quad except the derived keys."""
        derived = ox.NamedNode(GRAPH_DERIVED)
        return [q for q in self.store if q.graph_name != derived]
