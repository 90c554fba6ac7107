"""Binding parameters into SPARQL queries as RDF terms, the same way for every engine.

A parameter never reaches a query as text a user typed: it is an RDF term (a pyoxigraph
``NamedNode`` or ``Literal``) whose N-Triples form, written by the RDF library with its own
escaping, becomes one row of a ``VALUES`` block at the start of the query's top-level group::

    SELECT ?d WHERE { ?d pk:codeKey ?key }          +  {"key": Literal("51-CT/TW")}
    SELECT ?d WHERE { VALUES ?key { "51-CT/TW" } ?d pk:codeKey ?key }

The same row is repeated at the start of each nested group that uses the variable (see
:func:`bind`). The embedded store and remote endpoints get the same text, so they give the same
answers.
(pyoxigraph's own ``substitutions`` only accepts variables of the SELECT projection, which a
lookup key usually is not.) The top-level group is the one after ``WHERE`` (or the first group of
a ``SELECT``/``ASK`` without ``WHERE``): a parameter must be used there or in groups nested in it,
not only inside a sub-``SELECT``, which does not see outer bindings.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox

from partykg.errors import PartykgError
from partykg.lazyre import lazy  # compiled when first used (cold start)

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: importing typing costs a cold start
    from typing import Mapping

Term = ox.NamedNode | ox.BlankNode | ox.Literal

_VAR = lazy(r"^[A-Za-z_][A-Za-z0-9_]*$")
_KEYWORD = lazy(r"(?i)\b(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE)\b")


class BindError(PartykgError):
    """A parameter that cannot be bound (bad name, not an RDF term, no group to bind it in)."""


def values_block(bindings: Mapping[str, Term]) -> str:
    """``VALUES ?a { term } VALUES ?b { term }`` for one row of bindings."""
    names, terms = [], []
    for name, term in bindings.items():
        if not isinstance(name, str) or not _VAR.match(name):
            raise BindError(f"not a SPARQL variable name: {name!r}")
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise BindError(f"?{name}: a parameter is an IRI or a literal, not {type(term).__name__}")
        names.append("?" + name)
        terms.append(str(term))  # N-Triples: pyoxigraph escapes quotes, newlines, '>' ...
    # one single-variable block per parameter: the same solutions as one row of a multi-variable
    # block, and Virtuoso 7.2 mis-compiles VALUES (?a ?b) {(…)} beside OPTIONAL or FILTER (SP031)
    return " ".join(f"VALUES {n} {{ {t} }}" for n, t in zip(names, terms))


# What the structure of a query is read around: comments, strings (short and long, with their
# escapes; a short one ends at the end of its line) and IRIs. Blanked out of the query (each
# replaced by spaces of the same length), they leave the text whose brackets and keywords count.
_SKIP = lazy(r"#[^\n]*\n?"
                   r'|"""(?:\\[\s\S]?|(?!""")[^\\])*(?:"""|\Z)'
                   r"|'''(?:\\[\s\S]?|(?!''')[^\\])*(?:'''|\Z)"
                   r'|"(?:\\[\s\S]?|[^"\\\n])*(?:"|\n|\Z)'
                   r"|'(?:\\[\s\S]?|[^'\\\n])*(?:'|\n|\Z)"
                   r'|<[^<>"{}|^`\\\s]*>')
_BRACE = lazy(r"[{}]")
_BRACE_OR_KEYWORD = lazy(r"([{}])|(?<![\w?$:])(?i:(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE))\b")


@lru_cache(maxsize=512)  # library queries come back again and again
def _code(query: str) -> str:
    """``query`` with its comments, strings and IRIs blanked out (same length, same offsets)."""
    return _SKIP.sub(lambda m: " " * len(m.group()), query)


def top_group_start(query: str) -> int:
    """The index just after the ``{`` that opens the query's top-level group pattern."""
    depth = 0
    form = None
    after_where = False
    for m in _BRACE_OR_KEYWORD.finditer(_code(query)):
        c = m.group(1)
        if c == "{":
            if depth == 0 and (after_where or (form in ("SELECT", "ASK"))):
                return m.start() + 1
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0:
            word = m.group(2).upper()
            if word == "WHERE":
                after_where = True
            elif form is None:
                form = word
    raise BindError("the query has no group pattern to bind parameters in")


def _groups(query: str) -> dict[int, int]:
    """Index of every ``{`` -> index of its ``}`` (comments, strings and IRIs skipped)."""
    stack, pairs = [], {}
    for m in _BRACE.finditer(_code(query)):
        if m.group() == "{":
            stack.append(m.start())
        elif stack:
            pairs[stack.pop()] = m.start()
    return pairs


_VALUES_DATA = lazy(r"(?i)VALUES\s*(?:[?$]\w+|\([^)]*\))\s*$")
_SUBSELECT = lazy(r"(?is)\s*SELECT\b")


def bind(query: str, bindings: Mapping[str, Term | None] | None) -> str:
    """The query with ``bindings`` (variable name -> term; None values are left unbound) as a
    VALUES block at the start of its top-level group, and again at the start of every nested
    group (OPTIONAL, UNION branch, FILTER EXISTS...) that uses the variable: the answer is the
    same, since a nested group's variables must agree with the top group's, but the engine then
    starts each group from the bound term instead of scanning it whole (Oxigraph does not push
    a top-level VALUES down into OPTIONAL and UNION). Sub-SELECTs and VALUES data blocks are left
    as they are."""
    rows = {k: v for k, v in (bindings or {}).items() if v is not None}
    if not rows:
        return query
    bad = [k for k in rows if not isinstance(k, str) or not _VAR.match(k)]
    if bad:  # (before the plan, whose cache they key)
        top_group_start(query)  # a query with no group: that error first
        raise BindError(f"not a SPARQL variable name: {bad[0]!r}")
    for pos, names in _plan_of(query, tuple(rows)):
        query = f"{query[:pos]} {values_block({n: rows[n] for n in names})}\n{query[pos:]}"
    return query


# Plans and checks are pure functions of a query's text: partykg.store.memo keeps those of a cold
# `partykg ask` for the next one (KEPT_*: read from the memo; MADE_*: made by this process).
KEPT_PLANS: dict[tuple[str, tuple[str, ...]], list] = {}
MADE_PLANS: dict[tuple[str, tuple[str, ...]], list] = {}
KEPT_CHECKED: set[str] = set()
MADE_CHECKED: set[str] = set()


def top_start(query: str) -> int:
    """:func:`top_group_start`, kept with the plans (the plan of no names is that index alone):
    a cold ``partykg ask`` reads it from the memo instead of scanning the query again."""
    return _plan_of(query, ())[-1][0]


def _plan_of(query: str, names: tuple[str, ...]) -> list[tuple[int, tuple[str, ...]]]:
    kept = KEPT_PLANS.get((query, names))
    if kept is not None:
        try:  # only a plan of this query and these names (else made again)
            last = len(query) + 1
            for pos, bound in kept:
                if not (type(pos) is int and 0 <= pos < last and set(bound) <= set(names)):
                    raise ValueError
                last = pos
            return kept
        except (TypeError, ValueError):
            del KEPT_PLANS[(query, names)]
    plan = _plan(query, names)
    MADE_PLANS[(query, names)] = plan
    return plan


@lru_cache(maxsize=1024)
def _plan(query: str, names: tuple[str, ...]) -> list[tuple[int, tuple[str, ...]]]:
    """Where :func:`bind` writes VALUES blocks for the variables ``names``: (index, the names
    bound there), from the last index to the first."""
    at = top_group_start(query)
    pairs = _groups(query)
    top_close = pairs.get(at - 1, len(query))
    subselects = [(o, c) for o, c in pairs.items() if _SUBSELECT.match(query, o + 1)]
    inserts = [(at, names)]
    for o, c in pairs.items():
        if o < at or c > top_close or o == at - 1:
            continue
        if _VALUES_DATA.search(query[:o]):
            continue
        if any(so <= o and c <= sc for so, sc in subselects):
            continue
        inner = query[o + 1:c]
        used = tuple(k for k in names if re.search(rf"[?$]{re.escape(k)}\b", inner))
        if used:
            inserts.append((o + 1, used))
    return sorted(inserts, key=lambda x: x[0], reverse=True)


# --- what the embedded engine is not given ---------------------------------------------------

MAX_NESTING = 256  # brackets deep; the engine's parser recurses and crashes the process far deeper
_SERVICE = lazy(r"(?i)(?<![\w?$:])SERVICE(?![\w:-])")
_BRACKET = lazy(r"[{}()\[\]]")


class QueryRefused(PartykgError):
    """A query the embedded store does not run: nested too deeply, or asking other hosts."""


_VOUCHED: set[str] = set()  # texts of checked templates with a VALUES block of terms written in


def vouch_values(template: str, text: str) -> None:
    """``text`` is ``template`` with one ``VALUES ?var { terms }`` block written in from terms
    serialised by the engine (:func:`partykg.store.queries.run_values`): such a block adds no
    ``SERVICE`` and no depth that matters, so checking the template, which comes back every time
    and is kept with the memo, checks the text; the text, new for each question, is then not
    scanned again (nor kept in the memo)."""
    check_query(template)
    _VOUCHED.add(text)


def check_query(query: str) -> None:
    """Refuse a query the embedded store must not run (see :func:`_check_query`)."""
    if query in KEPT_CHECKED or query in _VOUCHED:
        return
    _check_query(query)
    MADE_CHECKED.add(query)


@lru_cache(maxsize=512)  # library queries come back again and again (bound anew each time)
def _check_query(query: str) -> None:
    """Refuse, before the engine sees it, a query nested more than :data:`MAX_NESTING` brackets
    deep (the engine's parser would overflow its stack and kill the process) or using
    ``SERVICE`` (federated queries send requests to other hosts: not from the embedded store).
    Comments, strings and IRIs are skipped."""
    code = _code(query)
    depth = deepest = 0
    for m in _BRACKET.finditer(code):
        if m.group() in "{([":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    raise QueryRefused(f"the query is nested more than {MAX_NESTING} brackets "
                                       "deep: simplify it")
        else:
            depth -= 1
    if _SERVICE.search(code):
        raise QueryRefused("the query uses SERVICE (a federated query to another endpoint): "
                           "the embedded store does not send requests to other hosts; run it "
                           "against an endpoint that allows it with --endpoint URL")
