"""The query library: one SPARQL query per ``queries/*.rq`` file, each with a header saying what it
answers and its parameters::

    # Question: What replaces a document? ...
    # Parameters:
    #   ?doc   entity   the document (a code, a mention such as "Directive 51", or an IRI)
    #   ?year  integer  optional: only documents issued that year
    # Returns: ?older ?newer ...

Parameter kinds: ``entity`` (a mention resolved to one entity, or an IRI), ``iri``, ``code``
(folded to its lookup key), ``number`` (leading zeros dropped), ``name`` (folded to its name
key), ``string``, ``integer``, ``date`` (YYYY-MM-DD). Values become RDF terms and are bound as
terms (:mod:`partykg.store.sparql`), never pasted into the query.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from partykg.model import ids
from partykg.errors import PartykgError
from partykg.model.vocab import PREFIXES, XSD

KINDS = ("entity", "iri", "code", "number", "name", "string", "integer", "date")
_PARAM = re.compile(r"^#\s+\?(?P<name>[A-Za-z_]\w*)\s+(?P<kind>[a-z]+)\s+(?P<doc>.*)$")


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
    path: Path
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


def queries_dir(root: Path | None = None) -> Path:
    return (root or _default_root()) / "queries"


@lru_cache(maxsize=1)
def _default_root() -> Path:
    from partykg.graph.dataset import find_root

    return find_root()


def parse_header(name: str, path: Path, text: str) -> Query:
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
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryLibraryError(f"cannot read {p}: {e}") from e
    return parse_header(p.stem, p, text)


def load(name_or_path: str | Path, root: Path | None = None) -> Query:
    """A library query by name ("replaced-by") or a user's own .rq file."""
    s = str(name_or_path)
    if s.endswith(".rq") or "/" in s:
        p = Path(s)
        if not p.is_file():
            raise QueryLibraryError(f"no query file {p}")
        return _load(str(p.resolve()))
    p = queries_dir(root) / f"{s}.rq"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", s) or not p.is_file():
        names = ", ".join(q.name for q in library(root))
        raise QueryLibraryError(f"no query named {s!r} (library: {names})")
    return _load(str(p))


def library(root: Path | None = None) -> list[Query]:
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


def to_term(kind: str, value: str, resolver=None) -> ox.NamedNode | ox.Literal:
    """The RDF term for a parameter value of a given kind. ``entity`` values that are not IRIs
    are resolved by ``resolver`` (a function from a mention to an IRI, given by the caller, e.g.
    :func:`partykg.ask.resolve.resolver`): the store does not depend on the ask stage."""
    if kind == "iri":
        return ox.NamedNode(expand_iri(value))
    if kind == "entity":
        try:
            return ox.NamedNode(expand_iri(value))
        except QueryLibraryError:
            if resolver is None or not callable(resolver):
                raise QueryLibraryError(f"not an IRI: {value!r} (no resolver for mentions)") from None
            return ox.NamedNode(resolver(value))
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
        try:
            d = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise QueryLibraryError(f"not a date: {value!r} (write YYYY-MM-DD)") from None
        return ox.Literal(d.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    return ox.Literal(value)


def bindings(query: Query, values: dict[str, str], resolver=None) -> dict[str, ox.NamedNode | ox.Literal]:
    """Terms for ``name=value`` parameters; every required parameter must be given; ``entity``
    mentions are resolved by ``resolver`` (see :func:`to_term`)."""
    out = {}
    for name, value in values.items():
        p = query.param(name)
        out[name] = to_term(p.kind, value, resolver)
    missing = [p.name for p in query.params if not p.optional and p.name not in out]
    if missing:
        raise QueryLibraryError(f"{query.name}: missing parameter(s) "
                                + ", ".join(f"--param {m}=…" for m in missing))
    return out


def run_values(kg, query: Query | str, var: str, terms: list) -> list[dict]:
    """Run a library query with one variable bound to several terms (one ``VALUES ?var { ... }``
    block of one variable, written from the terms by pyoxigraph)."""
    from partykg.store.sparql import top_group_start

    if not terms:
        return []
    q = load(query, getattr(kg, "root", None)) if isinstance(query, str) else query
    at = top_group_start(q.text)
    block = f" VALUES ?{var} {{ {' '.join(str(t) for t in terms)} }}\n"
    return kg.select(q.text[:at] + block + q.text[at:], {})


def run(kg, query: Query | str, params: dict | None = None) -> list[dict]:
    """Run a library query (by name or :class:`Query`) with already-built term bindings."""
    q = load(query, getattr(kg, "root", None)) if isinstance(query, str) else query
    return kg.select(q.text, params or {})
