"""Find the project's graph files and load them into an embedded pyoxigraph store.

Data flows one way: files (ontology/, graph/) -> store. Each TriG file keeps its own named graphs
(one per source); each Turtle file gets one named graph (ontology files: ``graph/ontology``).
A file that does not parse stops the load with :class:`GraphFileError` naming file, line and
column. After loading, :func:`derive` writes the lookup keys into ``graph/derived``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from partykg.model import ids
from partykg.errors import PartykgError
# ONTOLOGY_DATA_FILES and find_root live in partykg.project (a cold `ask` needs them, not this
# module); they are still importable from here
from partykg.project import ONTOLOGY_DATA_FILES, check_root, find_root  # noqa: F401
from partykg.model.vocab import GRAPH_DERIVED, GRAPH_FILE, GRAPH_META, GRAPH_ONTOLOGY, PK, SKOS

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: importing typing costs a cold start
    from typing import Callable, Iterable, Iterator



class GraphFileError(PartykgError):
    """A graph file that cannot be read or parsed."""

    def __init__(self, path: Path | str, message: str, line: int | None = None,
                 column: int | None = None):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        where = self.path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


def graph_files(root: Path) -> list[Path]:
    """Every file the store is built from, in a stable order."""
    files = [root / "ontology" / name for name in ONTOLOGY_DATA_FILES
             if (root / "ontology" / name).is_file()]
    gdir = root / "graph"
    if gdir.is_dir():
        files += sorted(p for p in gdir.rglob("*") if p.suffix in (".trig", ".ttl") and p.is_file())
    return files


@dataclass
class LoadReport:
    files: list[Path] = field(default_factory=list)
    graph_files: dict[str, str] = field(default_factory=dict)  # named graph IRI -> file (relative)
    quads: int = 0


def default_graph_for(root: Path, path: Path) -> str:
    """The named graph a Turtle file's triples go to."""
    if path.parent == root / "ontology":
        return GRAPH_ONTOLOGY
    return GRAPH_FILE + path.relative_to(root).as_posix()


def parse_file(root: Path, path: Path) -> list[ox.Quad]:
    """Parse one file into quads, or raise GraphFileError with its line and column."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise GraphFileError(rel, f"cannot read: {e.strerror or e}") from e
    default = default_graph_for(root, path) if path.suffix != ".trig" else None
    return parse_bytes(data, rel, default_graph=default)


def parse_bytes(data: bytes, rel: str, default_graph: str | None = None) -> list[ox.Quad]:
    """Parse TriG (or, with ``default_graph``, Turtle whose triples go to that graph); ``rel``
    names the file in errors and scopes its blank nodes."""
    fmt = ox.RdfFormat.TURTLE if default_graph else ox.RdfFormat.TRIG
    try:
        if default_graph:
            g = ox.NamedNode(default_graph)
            quads = [ox.Quad(t.subject, t.predicate, t.object, g)
                     for t in ox.parse(data, format=fmt, base_iri=ids.BASE)]
        else:
            quads = list(ox.parse(data, format=fmt, base_iri=ids.BASE))
    except SyntaxError as e:
        msg = str(e.msg if hasattr(e, "msg") else e)
        raise GraphFileError(rel, msg, getattr(e, "lineno", None), getattr(e, "offset", None)) from e
    except ValueError as e:  # bad UTF-8 and the like
        raise GraphFileError(rel, str(e)) from e
    quads = _scope_blank_nodes(quads, rel)
    stray = next((q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)), None)
    if stray is not None:
        raise GraphFileError(rel, "triples outside a named graph (every TriG triple belongs in "
                                  f"a GRAPH block): {stray.subject} {stray.predicate} …")
    return quads


def _scope_blank_nodes(quads: list[ox.Quad], rel: str) -> list[ox.Quad]:
    """Blank node labels are local to a file (``_:holding1`` in two files names two nodes), but
    the parser keeps them as written: prefix every blank node with a key of the file."""
    import hashlib  # not at load time: opening a store for `partykg ask` needs no OpenSSL

    prefix = "f" + hashlib.sha1(rel.encode("utf-8")).hexdigest()[:12]
    cache: dict[ox.BlankNode, ox.BlankNode] = {}

    def scoped(t):
        if isinstance(t, ox.BlankNode):
            b = cache.get(t)
            if b is None:
                b = cache[t] = ox.BlankNode(f"{prefix}{t.value}")
            return b
        return t

    if not any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
               for q in quads):
        return quads
    return [ox.Quad(scoped(q.subject), q.predicate, scoped(q.object), q.graph_name) for q in quads]


# Files at least this big, with no labelled blank nodes (``_:x``), are parsed by the engine straight
# into the store (``Store.load``, in Rust) instead of through Python objects: a synthetic graph of
# millions of statements loads in seconds. Labelled blank nodes need renaming per file
# (:func:`_scope_blank_nodes`), which only the Python path does; anonymous ones (``[]``) get fresh
# ids from the parser either way.
ENGINE_PARSE_MIN_BYTES = 4 << 20


def _engine_parsable(path: Path) -> bool:
    import mmap

    try:
        size = path.stat().st_size
        if size < ENGINE_PARSE_MIN_BYTES:
            return False
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return m.find(b"_:") < 0
    except OSError:
        return False  # the Python path reports it


def _engine_parse(root: Path, path: Path, store: ox.Store) -> set[str]:
    """Parse one file into the (empty) ``store``; return the named graphs it wrote. Raises
    GraphFileError as :func:`parse_file` does."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    turtle = path.suffix != ".trig"
    try:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE if turtle else ox.RdfFormat.TRIG,
                   base_iri=ids.BASE,
                   to_graph=ox.NamedNode(default_graph_for(root, path)) if turtle else None)
    except SyntaxError as e:
        msg = str(e.msg if hasattr(e, "msg") else e)
        raise GraphFileError(rel, msg, getattr(e, "lineno", None), getattr(e, "offset", None)) from e
    except ValueError as e:
        raise GraphFileError(rel, str(e)) from e
    except OSError as e:
        raise GraphFileError(rel, f"cannot read: {e.strerror or e}") from e
    stray = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    if stray is not None:
        raise GraphFileError(rel, "triples outside a named graph (every TriG triple belongs in "
                                  f"a GRAPH block): {stray.subject} {stray.predicate} …")
    return {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}


RESERVED_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_DERIVED, GRAPH_META)


def _reserved(rel: str, g: str, path: Path | None) -> GraphFileError:
    """The error for a graph file writing into a graph the project keeps for itself, at the
    first line naming it (as a full IRI, relative to the base or as a prefixed name)."""
    line = None
    if path is not None:
        local = g[len(ids.BASE):]
        pattern = re.compile(r"(<%s>|<%s>|:%s\b)" % (re.escape(g), re.escape(local),
                                                       re.escape(local.rsplit("/", 1)[-1])))
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                line = next((n for n, text in enumerate(f, 1) if pattern.search(text)), None)
        except OSError:
            pass
    what = {GRAPH_ONTOLOGY: "the ontology's graph (only ontology/ files write it)",
            GRAPH_DERIVED: "the graph of derived lookup keys (computed by partykg)",
            GRAPH_META: "the store's metadata graph (written by partykg)"}[g]
    return GraphFileError(rel, f"writes into the reserved named graph <{g}>, {what}: use a "
                               "graph of its own", line)


def _register(report: LoadReport, rel: str, graphs: Iterable[str],
              path: Path | None = None) -> None:
    """Record which file wrote each named graph; a graph written by two files, or a graph file
    writing into a reserved graph (:data:`RESERVED_GRAPHS`), is an error."""
    for g in sorted(graphs):
        if g in RESERVED_GRAPHS and not (g == GRAPH_ONTOLOGY and rel.startswith("ontology/")):
            raise _reserved(rel, g, path)
        if g == GRAPH_ONTOLOGY:  # the ontology files share one graph
            report.graph_files.setdefault(g, "ontology/")
            continue
        if g in report.graph_files and report.graph_files[g] != rel:
            raise GraphFileError(rel, f"named graph <{g}> is already written by "
                                      f"{report.graph_files[g]}: each named graph belongs "
                                      "to one file")
        report.graph_files[g] = rel


def load_to_disk(root: Path | None, store: ox.Store,
                 progress: Callable[[str], None] | None = None,
                 then: Callable[[LoadReport], Iterable[ox.Quad]] | None = None) -> LoadReport:
    """Load every graph file into ``store``, an empty on-disk store, with the engine's bulk
    loader, never holding the graph in memory (``partykg build --store``).

    One pass, one call of the bulk loader: the statements stream from the parser (big files
    without labelled blank nodes, :data:`ENGINE_PARSE_MIN_BYTES`; the others are parsed whole,
    their blank nodes renamed) through Python into the bulk loader; on the way each file's named
    graphs are recorded (a graph written by two files, or into a reserved graph, stops the load
    before the next file) and the lookup keys of :func:`derive` are added next to their
    statements; ``then(report)``, once every file is read, gives the last statements (the
    store's metadata). Each further call of the bulk loader would cost a merge with everything
    already written, so there is none. The store is not transactional: on an error the caller
    throws it away (it is written in a temporary folder)."""
    root = check_root(root, "root", ("graph",)) if root else find_root()
    report = LoadReport()
    derived = ox.NamedNode(GRAPH_DERIVED)
    ontology = ox.NamedNode(GRAPH_ONTOLOGY)
    rules = _key_rules()
    keys = 0

    def statements():
        nonlocal keys
        for path in graph_files(root):
            rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            source = _stream_file(root, path, rel) if _engine_parsable(path) else \
                parse_file(root, path)
            graphs: set[str] = set()
            last: object = None
            skip = False
            n = 0
            for q in source:  # as little as possible per statement: millions of them
                n += 1
                yield q
                g = q.graph_name
                if g != last:
                    if isinstance(g, ox.DefaultGraph):
                        raise GraphFileError(rel, "triples outside a named graph (every TriG "
                                                  "triple belongs in a GRAPH block): "
                                                  f"{q.subject} {q.predicate} …")
                    graphs.add(g.value)
                    last, skip = g, g == ontology or g == derived
                if skip:
                    continue
                rule = rules.get(q.predicate)
                if rule is not None:
                    o = q.object
                    if isinstance(o, ox.Literal):
                        fn, target, cache = rule
                        v = o.value
                        if cache is None:
                            key = fn(v)
                        else:
                            key = cache.get(v)
                            if key is None:
                                key = cache[v] = fn(v)
                        if key:
                            keys += 1
                            yield ox.Quad(q.subject, target, ox.Literal(key), derived)
            _register(report, rel, graphs, path)  # before anything of the next file
            report.files.append(path)
            report.quads += n
            if progress:
                progress(f"loaded {rel} ({n} quads)")
        if then is not None:
            yield from then(report)

    store.bulk_extend(statements())
    if progress:
        progress(f"derived {keys} lookup keys")
    return report


def _key_rules() -> dict[ox.NamedNode, tuple[Callable[[str], str | None], ox.NamedNode,
                                             dict | None]]:
    """The statements :func:`derive` keys: predicate -> (key function, key predicate, cache).
    Codes and numbers recur (cached); names do not."""
    code_cache: dict = {}
    code, number, name = (ox.NamedNode(PK + "codeKey"), ox.NamedNode(PK + "numberKey"),
                          ox.NamedNode(PK + "nameKey"))
    return {ox.NamedNode(PK + "code"): (ids.code_key, code, code_cache),
            ox.NamedNode(PK + "codeAsWritten"): (ids.code_key, code, code_cache),
            ox.NamedNode(PK + "number"): (ids.number_key, number, {}),
            ox.NamedNode(SKOS + "prefLabel"): (ids.name_key, name, None),
            ox.NamedNode(SKOS + "altLabel"): (ids.name_key, name, None),
            ox.NamedNode(SKOS + "hiddenLabel"): (ids.name_key, name, None)}


def _stream_file(root: Path, path: Path, rel: str) -> Iterator[ox.Quad]:
    """The statements of one file as the engine's parser reads them (never all in memory);
    raises GraphFileError as :func:`parse_file` does."""
    turtle = path.suffix != ".trig"
    g = ox.NamedNode(default_graph_for(root, path)) if turtle else None
    try:
        for q in ox.parse(path=str(path), base_iri=ids.BASE,
                          format=ox.RdfFormat.TURTLE if turtle else ox.RdfFormat.TRIG):
            yield ox.Quad(q.subject, q.predicate, q.object, g) if turtle else q
    except SyntaxError as e:
        msg = str(e.msg if hasattr(e, "msg") else e)
        raise GraphFileError(rel, msg, getattr(e, "lineno", None),
                             getattr(e, "offset", None)) from e
    except ValueError as e:
        raise GraphFileError(rel, str(e)) from e
    except OSError as e:
        raise GraphFileError(rel, f"cannot read: {e.strerror or e}") from e


def load(root: Path | None = None, store: ox.Store | None = None,
         files: Iterable[Path] | None = None,
         progress: Callable[[str], None] | None = None) -> tuple[ox.Store, LoadReport]:
    """Parse every graph file (all of them first, so a bad file loads nothing) and load them.

    Everything goes into a fresh store first; ``store``, when given, receives it only once every
    file has parsed. Big files without labelled blank nodes are parsed by the engine
    (:data:`ENGINE_PARSE_MIN_BYTES`), the others through Python; the result is the same."""
    if files is not None:  # the files named: the root only names them in messages
        root = Path(root).resolve() if root else find_root()
    else:
        root = check_root(root, "root", ("graph",)) if root else find_root()
    fresh = ox.Store()
    report = LoadReport()
    paths = list(files) if files is not None else graph_files(root)
    engine = {p for p in paths if _engine_parsable(p)}
    graphs_of: dict[Path, set[str]] = {}
    counts: dict[Path, int] = {}
    for path in sorted(engine, key=lambda p: -p.stat().st_size):
        if len(fresh) == 0:  # straight into the store: its graphs are this file's
            graphs_of[path] = _engine_parse(root, path, fresh)
            counts[path] = len(fresh)
        else:  # parse apart to know its graphs, then move it over (engine to engine)
            part = ox.Store()
            graphs_of[path] = _engine_parse(root, path, part)
            counts[path] = len(part)
            fresh.load(part.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
            del part
    parsed: list[list[ox.Quad]] = []
    for path in paths:
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if path in engine:
            graphs = graphs_of[path]
        else:
            quads = parse_file(root, path)
            parsed.append(quads)
            counts[path] = len(quads)
            graphs = {q.graph_name.value for q in quads}
        report.files.append(path)
        _register(report, rel, graphs, path)
        if progress:
            how = " by the engine" if path in engine else ""
            progress(f"parsed {rel}{how} ({counts[path]} quads)")
    for quads in parsed:
        fresh.extend(quads)
    report.quads = sum(counts.values())
    derive(fresh)
    if store is None:
        return fresh, report
    store.bulk_extend(fresh)
    return store, report


# (statement predicate, key function, key predicate) of the derived keys
_KEYS = (
    (PK + "code", ids.code_key, PK + "codeKey"),
    (PK + "codeAsWritten", ids.code_key, PK + "codeKey"),
    (PK + "number", ids.number_key, PK + "numberKey"),
    (SKOS + "prefLabel", ids.name_key, PK + "nameKey"),
    (SKOS + "altLabel", ids.name_key, PK + "nameKey"),
    (SKOS + "hiddenLabel", ids.name_key, PK + "nameKey"),
)


def derived_of(tables: dict) -> list[ox.Quad]:
    """The derived keys :func:`derive` puts in a store that holds the statements ``tables``
    gives (subject -> {predicate IRI: objects}; in graphs other than the ontology's and the
    derived one) and nothing else: computed from the tables, without the engine's scans."""
    g = ox.NamedNode(GRAPH_DERIVED)
    made: dict = {}  # (key function, value) -> the key's literal, or None
    out: dict = {}
    keys = [(pred, fn, ox.NamedNode(target)) for pred, fn, target in _KEYS]
    for s, table in tables.items():
        for pred, fn, target in keys:
            values = table.get(pred)
            if not values:
                continue
            for v in values:
                if not isinstance(v, ox.Literal):
                    continue
                lit = made.get((fn, v.value), False)
                if lit is False:
                    key = fn(v.value)
                    lit = made[(fn, v.value)] = ox.Literal(key) if key else None
                if lit is not None:
                    out[ox.Quad(s, target, lit, g)] = None
    return list(out)


def derive(store: ox.Store) -> int:
    """(Re)compute graph/derived: pk:codeKey for every code and code as written, pk:numberKey
    for every number, pk:nameKey for every display or alternative name (not the ontology's).
    Returns the number of derived quads.

    The keys are computed in Python (:mod:`partykg.model.ids`) once per distinct literal; the engine
    joins them back to the statements and inserts them in one update (a code recurs across
    terms and sources: a million documents have about a hundred thousand distinct codes)."""
    g = ox.NamedNode(GRAPH_DERIVED)
    store.clear_graph(g) if store.contains_named_graph(g) else None
    ops = []
    for pred, fn, target in _KEYS:
        # every graph but the derived and ontology ones, and the default graph
        where = (f"{{ GRAPH ?g {{ ?s <{pred}> ?v }} FILTER(?g != <{GRAPH_DERIVED}> && "
                 f"?g != <{GRAPH_ONTOLOGY}>) }} UNION {{ ?s <{pred}> ?v }}")
        rows = []
        for (value,) in store.query(f"SELECT DISTINCT ?v WHERE {{ {where} FILTER(isLiteral(?v)) }}"):
            key = fn(value.value)
            if key:  # both terms in N-Triples form, written by pyoxigraph
                rows.append(f"({value} {ox.Literal(key)})")
        if rows:
            ops.append(f"INSERT {{ GRAPH <{GRAPH_DERIVED}> {{ ?s <{target}> ?k }} }} WHERE {{ "
                       f"VALUES (?v ?k) {{ {' '.join(rows)} }} {where} }}")
    if ops:
        store.update(" ;\n".join(ops))
    count = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_DERIVED}> {{ ?s ?p ?o }} }}")
    return int(next(iter(count))[0].value)
