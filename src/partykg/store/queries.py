"""The query library: one SPARQL query per ``queries/*.rq`` file, each with a header saying what it
answers and its parameters::

    # Question: What replaces a document? ...
    # Parameters:
    #   ?doc   entity   the document (a code, a mention such as "Directive 51", or an IRI)
    #   ?year  integer  optional: only documents issued that year
    # Returns: ?older ?newer ...

Parameter kinds: ``entity`` (a mention resolved to one entity, or an IRI), ``document``,
``body``, ``person`` (an entity that must be of that class of the ontology), ``iri`` (an IRI,
a prefixed name, or a word the ontology labels: ``continues`` -> pk:continues, ``NQ`` ->
pkdt:resolution), ``code``
(folded to its lookup key), ``number`` (leading zeros dropped), ``name`` (folded to its name
key), ``string``, ``integer``, ``date`` (YYYY-MM-DD). Values become RDF terms and are bound as
terms (:mod:`partykg.store.sparql`), never pasted into the query.
"""

from __future__ import annotations

import os
import re
from partykg.records import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from partykg.model import ids
from partykg.errors import PartykgError
from partykg.model.vocab import PREFIXES, XSD
from partykg.lazyre import lazy  # compiled when first used (cold start)

KINDS = ("entity", "document", "body", "person", "iri", "code", "number", "name", "string",
         "integer", "date")
# entity kinds restricted to a class of the ontology: a value of another class is an error
CLASS_OF_KIND = {"document": "Document", "body": "Body", "person": "Person"}
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")  # [a-z0-9][a-z0-9-]*, a name
_NAME_CHARS = _NAME_START | {"-"}
_PARAM = lazy(r"^#\s+\?(?P<name>[A-Za-z_]\w*)\s+(?P<kind>[a-z]+)\s+(?P<doc>.*)$")


TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


class QueryLibraryError(PartykgError):
    """A query file that cannot be found or read, or a parameter it does not accept."""


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    doc: str

    @property
    def optional(self) -> bool:
        return self.doc.lower().startswith("optional")


@dataclass
class Query:
    name: str
    path: Path | str  # a str for the library's queries (no pathlib on a cold ask)
    text: str
    question: str
    params: list[Param] = field(default_factory=list)
    returns: str = ""

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryLibraryError(f"{self.name}: no parameter {name!r} (its parameters: {known})")


def queries_dir(root: Path | str | None = None) -> Path:
    from pathlib import Path

    return Path(root or _default_root()) / "queries"


@lru_cache(maxsize=1)
def _default_root() -> str:
    from partykg.project import find_root_str

    return find_root_str()


def parse_header(name: str, path: Path | str, text: str) -> Query:
    lines = text.splitlines()
    question, returns, params = [], "", []
    section = None
    for line in lines:
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        if body.startswith("Question:") or body.startswith("Check:"):
            section = "question"
            question.append(body.split(":", 1)[1].strip())
        elif body.startswith("Parameters:"):
            section = "params"
        elif body.startswith("Returns:"):
            section = "returns"
            returns = body.split(":", 1)[1].strip()
        elif section == "params" and (m := _PARAM.match(line)):
            if m["kind"] not in KINDS:
                raise QueryLibraryError(f"{path}: parameter ?{m['name']} has unknown kind "
                                        f"{m['kind']!r} (kinds: {', '.join(KINDS)})")
            params.append(Param(m["name"], m["kind"], m["doc"].strip()))
        elif section == "question" and body:
            question.append(body)
        elif section == "returns" and body:
            returns += " " + body
    if not question:
        raise QueryLibraryError(f"{path}: the header must start with '# Question: ...'")
    return Query(name, path, text, " ".join(question), params, returns)


@lru_cache(maxsize=None)
def _load(path: str) -> Query:
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise QueryLibraryError(f"cannot read {path}: {e}") from e
    stem = os.path.basename(path)
    dot = stem.rfind(".")
    return parse_header(stem[:dot] if 0 < dot < len(stem) - 1 else stem, path, text)  # its stem


def load(name_or_path: str | Path, root: Path | None = None) -> Query:
    """A library query by name ("replaced-by") or a user's own .rq file."""
    s = str(name_or_path)
    if s.endswith(".rq") or "/" in s:
        from pathlib import Path

        p = Path(s)
        if not p.is_file():
            raise QueryLibraryError(f"no query file {p}")
        return _load(str(p.resolve()))
    p = os.path.join(os.fspath(root or _default_root()), "queries", f"{s}.rq")
    found = _FOUND.get(p)
    if found is not None:  # (a card reads the `entity` query by name for each of 200 entities)
        return found
    from partykg.project import FILE, is_a

    if not (s and s[0] in _NAME_START and _NAME_CHARS.issuperset(s)) or not is_a(p, FILE):
        names = ", ".join(q.name for q in library(root))
        raise QueryLibraryError(f"no query named {s!r} (library: {names})")
    found = _FOUND[p] = _load(str(p))
    return found


# a library query's path -> the query, once found by name in this process (its text is read
# once per process anyway, :func:`_load`)
_FOUND: dict[str, Query] = {}


def library(root: Path | str | None = None) -> list[Query]:
    return [_load(str(p)) for p in sorted(queries_dir(root).glob("*.rq"))]


# --- parameter values -> RDF terms -----------------------------------------------------------

def expand_iri(value: str) -> str:
    """``<https://...>``, a prefixed name (``pk:implements``) or a data path
    (``doc/tw/ct/2005/51``) as a full IRI; :class:`QueryLibraryError` when it is none of them or
    not a valid IRI (a space, a quote...)."""
    iri = _expand_iri(value)
    try:
        ox.NamedNode(iri)
    except ValueError as e:
        raise QueryLibraryError(f"not an IRI: {value!r} ({e})") from None
    return iri


def _expand_iri(value: str) -> str:
    from partykg.model.vocab import BASE

    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        v = v[1:-1]
    m = re.fullmatch(r"([a-z][\w-]*):([\w.-]+)", v)
    if m and m.group(1) in PREFIXES:
        return PREFIXES[m.group(1)] + m.group(2)
    if re.match(r"^(doc|body|event|person|post|term|source|merger)/", v):
        return BASE + v
    if re.match(r"^[a-z][a-z0-9+.-]*://", v) and not re.search(r"[\s<>\"{}|\\^`]", v):
        return v
    raise QueryLibraryError(f"not an IRI: {value!r}")


def to_term(kind: str, value: str, resolver=None, kg=None) -> ox.NamedNode | ox.Literal:
    """The RDF term for a parameter value of a given kind. ``entity`` (and ``document``,
    ``body``, ``person``) values that are not IRIs are resolved by ``resolver`` (a function from a
    mention to an IRI, given by the caller, e.g. :func:`partykg.ask.resolve.resolver`): the store
    does not depend on the ask stage. With ``kg``, ``iri`` words are resolved through the
    ontology's labels and class-restricted kinds are checked."""
    if kind == "iri":
        try:
            return ox.NamedNode(expand_iri(value))
        except QueryLibraryError:
            if kg is None:
                raise
            return ox.NamedNode(resolve_label(kg, value))
    if kind == "entity" or kind in CLASS_OF_KIND:
        try:
            term = ox.NamedNode(expand_iri(value))
        except QueryLibraryError:
            if resolver is None or not callable(resolver):
                raise QueryLibraryError(f"not an IRI: {value!r} (no resolver for mentions)") from None
            term = ox.NamedNode(resolver(value))
        if kind in CLASS_OF_KIND and kg is not None:
            check_class(kg, term, kind)
        return term
    if kind == "code":
        return ox.Literal(ids.code_key(value))
    if kind == "number":
        if not re.fullmatch(r"\s*\d+[a-z]?\s*", value):
            raise QueryLibraryError(f"not a document number: {value!r}")
        return ox.Literal(ids.number_key(value))
    if kind == "name":
        return ox.Literal(ids.name_key(value))
    if kind == "integer":
        if not re.fullmatch(r"\s*-?\d{1,18}\s*", value):
            raise QueryLibraryError(f"not an integer: {value!r}")
        return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
    if kind == "date":
        import datetime as dt

        try:
            d = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise QueryLibraryError(f"not a date: {value!r} (write YYYY-MM-DD)") from None
        return ox.Literal(d.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    return ox.Literal(value)


_LABELS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?x ?label WHERE {
  GRAPH ?g { ?x ?lp ?label }
  FILTER(?lp IN (skos:notation, skos:prefLabel, skos:altLabel, skos:hiddenLabel, rdfs:label))
  FILTER(isIRI(?x))
}"""


def resolve_label(kg, value: str) -> str:
    """The one IRI of the ontology (its classes, properties and SKOS concepts, in the graph
    graph/ontology) whose notation, label or local name is ``value`` (case, accents and Đ/D
    folded); several are an error that lists them, none an error."""
    from partykg.model.vocab import GRAPH_ONTOLOGY

    key = ids.name_key(value)
    if not key:
        raise QueryLibraryError(f"not an IRI: {value!r}")
    rows = kg.select(_LABELS, {"g": ox.NamedNode(GRAPH_ONTOLOGY)}, prefixes=False)
    found = set()
    for r in rows:
        iri = r["x"].value
        local = re.split(r"[#/]", iri)[-1]
        if ids.name_key(r["label"].value) == key or ids.name_key(local) == key:
            found.add(iri)
    if len(found) == 1:
        return found.pop()
    if not found:
        raise QueryLibraryError(f"{value!r} is neither an IRI nor a label of the ontology "
                                "(write <https://…>, pk:name, or a word such as 'continues')")
    names = ", ".join(sorted(_short(i) for i in found))
    raise QueryLibraryError(f"{value!r} names {len(found)} terms of the ontology: {names}; "
                            "give one of them")


def _short(iri: str) -> str:
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w-]*", iri[len(ns):]):
            return f"{p}:{iri[len(ns):]}"
    return f"<{iri}>"


def check_class(kg, term: ox.NamedNode, kind: str) -> None:
    """An error unless ``term`` is of the class the kind asks for (or one of its subclasses)."""
    from partykg.model.vocab import PK

    cls = ox.NamedNode(PK + CLASS_OF_KIND[kind])
    ok = kg.ask("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        ASK { ?x a ?c . ?c rdfs:subClassOf* ?class }""", {"x": term, "class": cls},
                prefixes=False)
    if ok:
        return
    types = sorted(_short(r["c"].value) for r in kg.select(
        "SELECT DISTINCT ?c WHERE { ?x a ?c }", {"x": term}, prefixes=False)
        if isinstance(r["c"], ox.NamedNode))
    what = f"a {', '.join(types)}" if types else "not in the graph"
    raise QueryLibraryError(f"{_short(term.value)} is {what}, not a {kind} "
                            f"({_short(cls.value)})")


def bindings(query: Query, values: dict[str, str], resolver=None, kg=None
             ) -> dict[str, ox.NamedNode | ox.Literal]:
    """Terms for ``name=value`` parameters; every required parameter must be given; ``entity``
    mentions are resolved by ``resolver`` (see :func:`to_term`)."""
    out = {}
    for name, value in values.items():
        p = query.param(name)
        out[name] = to_term(p.kind, value, resolver, kg=kg)
    missing = [p.name for p in query.params if not p.optional and p.name not in out]
    if missing:
        raise QueryLibraryError(f"{query.name}: missing parameter(s) "
                                + ", ".join(f"--param {m}=…" for m in missing))
    return out


def run_values(kg, query: Query | str, var: str, terms: list) -> list[dict]:
    """Run a library query with one variable bound to several terms (one ``VALUES ?var { ... }``
    block of one variable, written from the terms by pyoxigraph)."""
    from partykg.store.sparql import top_start

    if not terms:
        return []
    q = load(query, getattr(kg, "root", None)) if isinstance(query, str) else query
    at = top_start(q.text)
    block = f" VALUES ?{var} {{ {' '.join(str(t) for t in terms)} }}\n"
    text = q.text[:at] + block + q.text[at:]
    from partykg.store.embedded import KnowledgeGraph

    memo = getattr(kg, "memo", None)
    rows = memo.get_bound(text, {}) if memo is not None else None
    if rows is not None:  # read from this graph before (partykg.store.memo)
        return rows
    table = memo.table() if memo is not None else None
    rows = table.values_rows(q.text, var, terms) if table is not None else None
    if rows is not None:  # kept for every key of this graph (partykg.store.table)
        memo.put_bound(text, {}, rows)  # (the next question reads them as before)
        return rows
    if isinstance(kg, KnowledgeGraph):  # it checks what it runs: check the template once
        from partykg.store.sparql import vouch_values

        vouch_values(q.text, text)
    rows = kg.select(text, {}, prefixes=False)
    if memo is not None:
        memo.put_bound(text, {}, rows)
    return rows


def run(kg, query: Query | str, params: dict | None = None) -> list[dict]:
    """Run a library query (by name or :class:`Query`) with already-built term bindings. The
    query's text is sent as it is: it declares its own prefixes (no prefix is added), so the
    same file runs unchanged with curl on any endpoint. A few small queries are read from an
    embedded store's quads instead, giving the same rows (:mod:`partykg.store.reads`)."""
    q = load(query, getattr(kg, "root", None)) if isinstance(query, str) else query
    memo = getattr(kg, "memo", None)
    if params:
        table = memo.table() if memo is not None else None
        rows = table.rows(q.text, params) if table is not None else None
        if rows is not None:  # kept for every value of this graph (partykg.store.table): not
            return rows  # kept again with the memo's results (a question asked again reads it)
        rows = memo.get_bound(q.text, params) if memo is not None else None
        if rows is not None:  # read from this graph before (partykg.store.memo)
            return rows
        from partykg.store import reads  # a reader of the store's quads may stand for it

        rows = reads.rows(kg, q.text, params)
        if rows is None:
            rows = kg.select(q.text, params, prefixes=False)
        if memo is not None:
            memo.put_bound(q.text, params, rows)
        return rows
    if memo is None:
        return kg.select(q.text, {}, prefixes=False)
    # a query without parameters, on a graph with a memo (partykg.store.memo): run once
    rows = memo.get(q.text)
    if rows is None:
        table = memo.table()  # kept for this graph (partykg.store.table)
        rows = table.rows(q.text, {}) if table is not None else None
        if rows is None:
            rows = kg.select(q.text, {}, prefixes=False)
        memo.put(q.text, rows)  # (read with the memo by the next question)
    return rows


# --- self-contained queries ----------------------------------------------------------------

def undeclared_prefixes(text: str) -> list[str]:
    """The prefixes ``text`` uses without declaring them (comments, strings and IRIs skipped)."""
    code = re.sub(r"#[^\n]*", " ", text)
    code = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'', " ", code)
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', " ", code)
    code = re.sub(r'<[^<>"\s{}|^`\\]*>', " ", code)
    declared = set(re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", code))
    used = re.findall(r"(?<![\w?$:])([A-Za-z][\w.-]*)?:(?=[A-Za-z_\d(\s)]|$)", code)
    out = []
    for p in used:
        if p.upper() in ("PREFIX", "BASE") or p in declared or p in out:
            continue
        out.append(p)
    return out


def check_prefixes(query: Query) -> None:
    """A clear error when the query uses a prefix it does not declare: partykg adds none, so the
    file runs the same with curl on any endpoint."""
    missing = undeclared_prefixes(query.text)
    if missing:
        decl = " ".join(f"PREFIX {p}: <{PREFIXES[p]}>" if p in PREFIXES else f"PREFIX {p}: <…>"
                        for p in missing)
        raise QueryLibraryError(f"{query.path}: uses {', '.join(p + ':' for p in missing)} "
                                f"without declaring it; add {decl} (partykg adds no prefix, "
                                "so the file runs the same on any endpoint)")


def variables(query: Query, params: dict | None = None) -> list[str] | None:
    """The result variables of a SELECT query (also when it finds nothing), or None."""
    from partykg.store.sparql import bind

    try:
        res = ox.Store().query(bind(query.text, params))
    except (SyntaxError, OSError, ValueError):
        return None
    return [v.value for v in res.variables] if isinstance(res, ox.QuerySolutions) else None
