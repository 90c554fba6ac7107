"""The embedded store: a pyoxigraph Store, loaded from the project's files (in memory) or opened
from a folder written by ``partykg build --store DIR``; queried with bound parameters, never with
text pasted into a query.

Every graph backend (this one, and :class:`partykg.store.remote.RemoteGraph` for SPARQL endpoints)
answers the same three calls: ``select``, ``construct`` and ``ask``, each taking a query and a
mapping of variable names to RDF terms (pyoxigraph terms), bound as a VALUES block
(:mod:`partykg.store.sparql`), never pasted into the query as text.
"""

from __future__ import annotations

import os
from partykg.records import dataclass

import pyoxigraph as ox

from partykg.errors import PartykgError, QueryError  # noqa: F401 - QueryError: re-exported
from partykg.model.vocab import DCTERMS, GRAPH_DERIVED, GRAPH_META, PREFIXES
from partykg.store import folder
from partykg.store.sparql import bind, check_query

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: importing typing (or pathlib) costs a cold start
    from pathlib import Path
    from typing import Any, Callable, Mapping

    from partykg.graph import dataset
# Opening a store and querying it (every `partykg ask --store DIR`) needs only the above; what
# loads and writes graphs (partykg.graph.dataset with hashlib, partykg.files with tempfile,
# traceback) is imported by the methods that do it.

Term = ox.NamedNode | ox.BlankNode | ox.Literal

_SOURCE_FILE = ox.NamedNode(DCTERMS + "source")
_QUADS = ox.NamedNode("http://rdfs.org/ns/void#triples")  # in graph/meta: quads from the files
_FILE = ox.NamedNode(DCTERMS + "hasPart")  # in graph/meta: each file the store was built from
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _is_store(path: Path) -> bool:
    return folder.looks_like_store(path)


def _damaged(path: Path | None, e: BaseException) -> StoreError | None:
    """The error to report for an engine error that says the store's files are damaged."""
    if "Corruption" in str(e) or "corrupt" in str(e).lower():
        if path is not None:
            from pathlib import Path

            path = Path(path)  # as the user reads it (a location may be a str)
        where = f"the store at {path}" if path else "the store"
        rebuild = f"partykg build --store {path}" if path else "partykg build --store DIR"
        return StoreError(f"{where} is damaged; rebuild it with {rebuild}")
    return None


def _os_message(path, e: OSError, verb: str = "cannot write") -> str:
    from partykg.files import _os_message

    return _os_message(path, e, verb)


class _Writing:
    """Writing a new store at ``path``: the lock, the checks, a marked temporary folder next
    to it, and the swap at the end (see :mod:`partykg.store.folder`)."""

    def __init__(self, path: Path):
        from pathlib import Path

        self.path = Path(os.path.realpath(path))  # a symlink: the store goes where it points
        self.lock = folder.Lock(self.path)
        self.tmp: Path | None = None

    def __enter__(self) -> "_Writing":
        folder.check_replaceable(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.lock.__enter__()
        except OSError as e:
            raise StoreError(_os_message(self.path, e)) from e
        try:
            folder.check_replaceable(self.path)  # again, now that no one else is writing it
            folder.clean_leftovers(self.path)
            self.tmp = folder.make_temp(self.path, "partial")
        except BaseException:
            self.lock.__exit__()
            raise
        return self

    def __exit__(self, kind, value, tb) -> bool:
        try:
            if kind is None:
                folder.replace(self.tmp, self.path)
        except OSError as e:
            raise StoreError(_os_message(self.path, e)) from e
        finally:
            if self.tmp is not None and self.tmp.exists():
                folder.remove_ours(self.tmp)
            self.lock.__exit__()
        return False


def _meta_quads(report: dataset.LoadReport, root: Path | None) -> list[ox.Quad]:
    """graph/meta: which file each named graph came from, the files, and the quad count."""
    meta = ox.NamedNode(GRAPH_META)
    return [*(ox.Quad(ox.NamedNode(g), _SOURCE_FILE, ox.Literal(f), meta)
              for g, f in sorted(report.graph_files.items())),
            *(ox.Quad(meta, _FILE, ox.Literal(
                f.relative_to(root).as_posix() if root and f.is_relative_to(root) else str(f)),
                meta) for f in report.files),
            ox.Quad(meta, _QUADS, ox.Literal(str(report.quads), datatype=_INTEGER), meta)]


class StoreError(PartykgError):
    """An on-disk store that cannot be opened or written."""


def _open_read_only(path) -> ox.Store:
    """The store in the folder ``path``, opened read-only (a clear error when it cannot be)."""
    try:
        return ox.Store.read_only(os.fspath(path))
    except (OSError, RuntimeError) as e:
        from pathlib import Path

        path = Path(path)
        raise _damaged(path, e) or StoreError(f"{path}: cannot open the store: {e}") from e


class _StoreReport:
    """The load report (:class:`partykg.graph.dataset.LoadReport`: ``files``, ``graph_files``,
    ``quads``) of an on-disk store, read from graph/meta when first used: a store of a million
    documents maps some 20,000 graphs to their files, and reading them on every open would slow
    down every command that never asks (``partykg ask`` does not)."""

    def __init__(self, store):
        self._store = store  # an ox.Store, or a graph whose ``store`` is opened when first used
        self._cache: dict = {}

    def _get(self, name: str):
        if name not in self._cache:
            store, meta = self._store, ox.NamedNode(GRAPH_META)
            if type(store) is not ox.Store:
                store = store.store
            if name == "graph_files":
                self._cache[name] = {q.subject.value: q.object.value for q in
                                     store.quads_for_pattern(None, _SOURCE_FILE, None, meta)}
            elif name == "files":
                from pathlib import Path

                files = [Path(q.object.value)
                         for q in store.quads_for_pattern(meta, _FILE, None, meta)]
                self._cache[name] = sorted(files) or sorted(
                    {Path(f) for f in self.graph_files.values()})
            else:  # counting a big store takes seconds: save() keeps the count in graph/meta
                count = next(iter(store.quads_for_pattern(meta, _QUADS, None, meta)), None)
                self._cache[name] = int(count.object.value) if count is not None else len(store)
        return self._cache[name]

    graph_files = property(lambda self: self._get("graph_files"))  # type: ignore[assignment]
    files = property(lambda self: self._get("files"))  # type: ignore[assignment]
    quads = property(lambda self: self._get("quads"))  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"_StoreReport({self._store!r})"


@dataclass
class KnowledgeGraph:
    store: ox.Store
    root: Path | str | None  # a str when opened by `partykg ask` (no pathlib on a cold start)
    report: dataset.LoadReport
    location: Path | str | None = None  # the folder of an on-disk store (a str: as root)

    @classmethod
    def load(cls, root: Path | None = None,
             progress: Callable[[str], None] | None = None) -> "KnowledgeGraph":
        """Load the project's files (ontology/ and graph/) into an in-memory store."""
        from partykg.graph import dataset
        from partykg.project import check_root

        root = check_root(root, "root", ("graph",)) if root else dataset.find_root()
        store, report = dataset.load(root, progress=progress)
        return cls(store, root, report)

    @classmethod
    def open(cls, path: Path | str, lazy: bool = False) -> "KnowledgeGraph":
        """Open, read-only, a store written by :meth:`save` (``partykg build --store DIR``).
        Its ``location`` is ``path`` as given (a str or a Path). ``lazy``: the engine opens the
        store when it is first used (:class:`LazyKnowledgeGraph`; an error opening it is raised
        then), and the folder is only checked now."""
        if not _is_store(path):
            from pathlib import Path

            raise StoreError(f"{Path(path)}: not a partykg store (write one with "
                             "'partykg build --store DIR')")
        if lazy:
            kg = LazyKnowledgeGraph(lambda: _open_read_only(path), None, None, path)
            kg.report = _StoreReport(kg)
            return kg
        store = _open_read_only(path)
        return cls(store, None, _StoreReport(store), path)

    @classmethod
    def build(cls, root: Path | None, path: Path | str,
              progress: Callable[[str], None] | None = None) -> "KnowledgeGraph":
        """Load the project's files straight into a new on-disk store at ``path`` with the
        engine's bulk loader (``partykg build --store DIR``) and open it read-only. The graph is
        never held in memory, so memory stays low however big it is; the new store replaces
        ``path`` only once it is complete (a failure leaves the old one as it was)."""
        import traceback

        from partykg.graph import dataset
        from partykg.project import check_root

        from pathlib import Path

        root = check_root(root, "root", ("graph",)) if root else dataset.find_root()
        with _Writing(Path(path)) as w:
            disk = None
            try:
                disk = ox.Store(str(w.tmp))
                # the metadata in the same call of the bulk loader (a second call merges)
                report = dataset.load_to_disk(root, disk, progress=progress,
                                              then=lambda r: _meta_quads(r, root))
                if progress:
                    progress(f"compacting the store in {w.tmp}")
                disk.flush()
                disk.optimize()  # compacted: later queries read fewer files (-10% on a cold ask)
                disk = None
            except BaseException as e:
                # close the store before its folder is removed: drop every reference to it,
                # the traceback's frames included
                traceback.clear_frames(e.__traceback__)
                disk = None
                if isinstance(e, (OSError, RuntimeError)) and not isinstance(e, RecursionError):
                    raise StoreError(_os_message(w.path, e, "cannot write the store")
                                     if isinstance(e, OSError) else
                                     f"{w.path}: cannot write the store: {e}") from e
                raise
            path = w.path
        return cls.open(path)

    def save(self, path: Path, progress: Callable[[str], None] | None = None) -> Path:
        """Write this graph to an on-disk store at ``path``, replacing what was there only once
        the new store is complete (a failure leaves the old one as it was)."""
        import itertools
        from pathlib import Path

        with _Writing(Path(path)) as w:
            try:
                disk = ox.Store(str(w.tmp))
                if progress:
                    progress(f"writing the store to {w.path}")
                # streamed: the quads never all sit in a Python list
                disk.bulk_extend(itertools.chain(self.store, _meta_quads(self.report, self.root)))
                disk.flush()
                disk.optimize()
                del disk
            except OSError as e:
                raise StoreError(_os_message(w.path, e, "cannot write the store")) from e
            path = w.path
        return path

    # --- queries -------------------------------------------------------------------------------

    def _query(self, query: str, bindings: Mapping[str, Term] | None, read: Callable[[Any], Any],
               prefixes: bool = True):
        """Run the query and ``read`` its results (reading may fail too: the engine reads the
        store lazily). ``prefixes``: parse with the project's prefixes (library queries declare
        their own and a user's file must too; internal queries may rely on them)."""
        check_query(query)  # bound terms add no SERVICE and no depth: check the query as written
        text = bind(query, bindings)
        try:
            return read(self.store.query(text, use_default_graph_as_union=True,
                                         prefixes=PREFIXES if prefixes else None))
        except SyntaxError as e:
            raise QueryError(f"query does not parse: {e}") from e
        except RecursionError as e:
            raise QueryError("the query is nested too deeply") from e
        except (OSError, RuntimeError) as e:
            raise _damaged(self.location, e) or QueryError(f"query failed: {e}") from e

    def select(self, query: str, bindings: Mapping[str, Term] | None = None,
               prefixes: bool = True) -> list[dict[str, Any]]:
        """Run a SELECT over the union of all graphs; ``bindings`` maps variable names (no '?')
        to RDF terms (see :func:`partykg.store.sparql.bind`). Unbound variables come back as None."""
        def read(res):
            if not isinstance(res, ox.QuerySolutions):
                raise QueryError("expected a SELECT query")
            names = [v.value for v in res.variables]
            # a solution iterates over its values in the order of the variables (unbound:
            # None), several times faster than looking each one up by name
            return [dict(zip(names, sol, strict=True)) for sol in res]

        return self._query(query, bindings, read, prefixes)

    def rows(self, query: str, bindings: Mapping[str, Term] | None = None,
             prefixes: bool = True) -> list[tuple]:
        """:meth:`select`'s rows as tuples of the values in the order of the query's variables
        (unbound: None): no dict per row, for internal queries reading many rows."""
        def read(res):
            if not isinstance(res, ox.QuerySolutions):
                raise QueryError("expected a SELECT query")
            return [tuple(sol) for sol in res]

        return self._query(query, bindings, read, prefixes)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None,
               prefixes: bool = True) -> list[ox.Triple]:
        """Run a CONSTRUCT (or DESCRIBE) over the union of all graphs."""
        def read(res):
            if not isinstance(res, ox.QueryTriples):
                raise QueryError("expected a CONSTRUCT or DESCRIBE query")
            return list(res)

        return self._query(query, bindings, read, prefixes)

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None,
            prefixes: bool = True) -> bool:
        def read(res):
            if not isinstance(res, ox.QueryBoolean):
                raise QueryError("expected an ASK query")
            return bool(res)

        return self._query(query, bindings, read, prefixes)

    # --- provenance of graphs ------------------------------------------------------------------

    def file_of_graph(self, graph: str) -> str | None:
        return self.report.graph_files.get(graph)

    def data_quads(self) -> list[ox.Quad]:
        """Every quad except the derived keys and the store's metadata."""
        skip = {ox.NamedNode(GRAPH_DERIVED), ox.NamedNode(GRAPH_META)}
        return [q for q in self.store if q.graph_name not in skip]


class LazyKnowledgeGraph(KnowledgeGraph):
    """A :class:`KnowledgeGraph` whose engine store is opened by ``opener()`` when ``store`` is
    first read (issue 13: opening an on-disk store starts RocksDB and its threads, a fifth of a
    cold ``partykg ask``, and a question whose every query is kept in the memo,
    :mod:`partykg.store.memo`, needs none). Everything else is a :class:`KnowledgeGraph`'s."""

    def __init__(self, opener: Callable[[], ox.Store], root, report, location=None):
        self._opener = opener
        self._store: ox.Store | None = None
        self.root = root
        self.report = report
        self.location = location

    @property
    def store(self) -> ox.Store:  # type: ignore[override]
        if self._store is None:
            self._store = self._opener()
        return self._store

    @property
    def opened(self) -> bool:
        """Whether the engine's store was opened (tests)."""
        return self._store is not None
