"""Query results as text: the SPARQL 1.1 results formats (JSON, TSV, CSV) and a table.

* ``json``: SPARQL 1.1 Query Results JSON, verbatim.
* ``tsv``: SPARQL 1.1 Query Results TSV: a header of ``?variables``, every term in its
  N-Triples/Turtle form (``<iri>``, ``"text"@lang``, ``"1"^^<…#integer>``, ``_:b``), tabs and
  newlines inside literals escaped; the header is printed for empty results too. Verbatim.
* ``csv``: SPARQL 1.1 Query Results CSV (plain values) for spreadsheets, with one change: a cell
  that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return) is prefixed with ``'`` as OWASP advises against CSV injection.
* ``table``: for reading; IRIs are printed whole, as ``<iri>`` or as a prefixed name of a prefix
  partykg declares (``pk:replaces``), so any of them can be pasted back into a query or given as
  a ``--param`` value.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox

from partykg.model.vocab import PREFIXES

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PN_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def nt(term) -> str:
    """A term in its N-Triples form with tab escaped (SPARQL TSV)."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term).replace("\t", "\\t")


def short_iri(iri: str) -> str:
    """``pk:replaces`` when a partykg prefix covers ``iri`` with a simple local name, else
    ``<iri>``: either form parses in a query and is accepted as a ``--param`` value."""
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and _PN_LOCAL.match(iri[len(ns):]):
            return f"{p}:{iri[len(ns):]}"
    return f"<{iri}>"


def plain(term) -> str:
    """SPARQL CSV: IRIs and literals as their plain value, blank nodes as ``_:label``."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def neutralise(cell: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP: CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _json_term(t):
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype.value
    return out


def format_rows(rows: list[dict], fmt: str, names: list[str] | None = None) -> str:
    """``rows`` (variable -> term or None) in ``fmt``; ``names`` are the result's variables
    (needed for the header of an empty result)."""
    names = list(names if names is not None else (rows[0] if rows else []))
    if fmt == "json":
        return json.dumps({"head": {"vars": names},
                           "results": {"bindings": [
                               {k: _json_term(r[k]) for k in names if r.get(k) is not None}
                               for r in rows]}},
                          ensure_ascii=False, indent=2)
    if fmt == "tsv":
        lines = ["\t".join("?" + n for n in names)]
        lines += ["\t".join(nt(r.get(n)) for n in names) for r in rows]
        return "\n".join(lines)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180, as SPARQL CSV says
        w.writerow(names)
        w.writerows([[neutralise(plain(r.get(n))) for n in names] for r in rows])
        return buf.getvalue().rstrip("\r\n")
    return table(rows, names)


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return short_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return " ".join(term.value.split())  # one line per row


def table(rows: list[dict], names: list[str]) -> str:
    if not names:
        return "(no rows)"
    cells = [[_cell(r.get(n)) for n in names] for r in rows]
    # IRIs are never cut; long literals are, after 80 characters
    cells = [[c if len(c) <= 80 or c.startswith("<") else c[:79] + "…" for c in row]
             for row in cells]
    widths = [max([len(n)] + [len(row[i]) for row in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})" if rows else "(no rows)")
    return "\n".join(lines)
