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
from typing import Mapping

import pyoxigraph as ox

from partykg.errors import PartykgError

Term = ox.NamedNode | ox.BlankNode | ox.Literal

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_KEYWORD = re.compile(r"(?i)\b(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE)\b")


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


def _scan(query: str):
    """Yield (index, char) of the query's structural characters, skipping comments, strings and
    IRIs; ``{``/``}`` and keywords are what we look for."""
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c in "\"'":
            long = query.startswith(c * 3, i)
            end = c * 3 if long else c
            j = i + len(end)
            while j < n:
                if query[j] == "\\":
                    j += 2
                    continue
                if query.startswith(end, j):
                    break
                if not long and query[j] == "\n":
                    break
                j += 1
            i = j + len(end)
            continue
        if c == "<":
            m = re.compile(r"<[^<>\"{}|^`\\\s]*>").match(query, i)
            if m:
                i = m.end()
                continue
        yield i, c
        i += 1


def top_group_start(query: str) -> int:
    """The index just after the ``{`` that opens the query's top-level group pattern."""
    depth = 0
    form = None
    after_where = False
    skip = set()
    for i, c in _scan(query):
        if i in skip:
            continue
        if c == "{":
            if depth == 0 and (after_where or (form in ("SELECT", "ASK"))):
                return i + 1
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and c.isalpha() and (i == 0 or not (query[i - 1].isalnum() or query[i - 1] in "_?$:")):
            m = _KEYWORD.match(query, i)
            if m:
                word = m.group(1).upper()
                if word == "WHERE":
                    after_where = True
                elif form is None:
                    form = word
                skip.update(range(i, m.end()))
    raise BindError("the query has no group pattern to bind parameters in")


def _groups(query: str) -> dict[int, int]:
    """Index of every ``{`` -> index of its ``}`` (comments, strings and IRIs skipped)."""
    stack, pairs = [], {}
    for i, c in _scan(query):
        if c == "{":
            stack.append(i)
        elif c == "}" and stack:
            pairs[stack.pop()] = i
    return pairs


_VALUES_DATA = re.compile(r"(?i)VALUES\s*(?:[?$]\w+|\([^)]*\))\s*$")
_SUBSELECT = re.compile(r"(?is)\s*SELECT\b")


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
    at = top_group_start(query)
    pairs = _groups(query)
    top_close = pairs.get(at - 1, len(query))
    subselects = [(o, c) for o, c in pairs.items() if _SUBSELECT.match(query, o + 1)]
    inserts = [(at, rows)]
    for o, c in pairs.items():
        if o < at or c > top_close or o == at - 1:
            continue
        if _VALUES_DATA.search(query[:o]):
            continue
        if any(so <= o and c <= sc for so, sc in subselects):
            continue
        inner = query[o + 1:c]
        used = {k: v for k, v in rows.items() if re.search(rf"[?$]{re.escape(k)}\b", inner)}
        if used:
            inserts.append((o + 1, used))
    for pos, used in sorted(inserts, key=lambda x: x[0], reverse=True):
        query = f"{query[:pos]} {values_block(used)}\n{query[pos:]}"
    return query


# --- what the embedded engine is not given ---------------------------------------------------

MAX_NESTING = 256  # brackets deep; the engine's parser recurses and crashes the process far deeper
_SERVICE = re.compile(r"(?i)(?<![\w?$:])SERVICE(?![\w:-])")


class QueryRefused(PartykgError):
    """A query the embedded store does not run: nested too deeply, or asking other hosts."""


@lru_cache(maxsize=512)  # library queries come back again and again (bound anew each time)
def check_query(query: str) -> None:
    """Refuse, before the engine sees it, a query nested more than :data:`MAX_NESTING` brackets
    deep (the engine's parser would overflow its stack and kill the process) or using
    ``SERVICE`` (federated queries send requests to other hosts: not from the embedded store).
    Comments, strings and IRIs are skipped."""
    depth = deepest = 0
    code = [" "] * len(query)
    for i, c in _scan(query):
        code[i] = c
        if c in "{([":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    raise QueryRefused(f"the query is nested more than {MAX_NESTING} brackets "
                                       "deep: simplify it")
        elif c in "})]":
            depth -= 1
    if _SERVICE.search("".join(code)):
        raise QueryRefused("the query uses SERVICE (a federated query to another endpoint): "
                           "the embedded store does not send requests to other hosts; run it "
                           "against an endpoint that allows it with --endpoint URL")
