"""query and ask."""

from __future__ import annotations

import argparse
import json
import sys

from partykg.cli.common import EXIT_ERROR
from partykg.cli.common import EXIT_INVALID
from partykg.cli.common import EXIT_OK
from partykg.cli.common import add_backend_options
from partykg.cli.common import open_graph


def register(sub) -> None:
    q = sub.add_parser(
        "query", help="run a query of the library (queries/*.rq) or your own .rq file",
        description="Run NAME (a file of queries/, e.g. replaced-by) or FILE.rq. Parameters are "
                    "given as --param name=value and bound as RDF terms, never pasted into the "
                    "query. 'partykg query --list' lists the library with each query's question "
                    "and parameters.")
    q.add_argument("name", nargs="?", metavar="NAME|FILE.rq")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter of the query (repeatable); entity parameters take a code, a "
                        "mention (\"Directive 51\", \"Ban Bí thư\") or an IRI")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    q.add_argument("--list", action="store_true", help="list the query library")
    add_backend_options(q)
    q.set_defaults(func=cmd_query)

    a = sub.add_parser(
        "ask", help="answer a question in English, Vietnamese, French or Indonesian, with its sources",
        description="Answer a question such as \"What replaces Directive 51?\", \"Văn bản nào "
                    "thay thế Chỉ thị 51?\", \"Qui a publié la décision 209 ?\" or \"Apa yang "
                    "menggantikan Arahan 51?\" from the graph, in the question's language, citing "
                    "the sources and their quotes. "
                    "Exit codes: 0 answered, 1 the question names several entities (the "
                    "candidates are listed) or none (the nearest are suggested), 2 unsupported "
                    "question or error.",
        epilog="Run 'partykg ask --forms' for the supported question forms.")
    a.add_argument("question", nargs="?", metavar="QUESTION")
    a.add_argument("--json", action="store_true", help="print the answer as JSON data")
    a.add_argument("--as-of", metavar="YYYY-MM-DD", default=None,
                   help="answer as the sources stood on that date")
    a.add_argument("--forms", action="store_true", help="list the supported question forms")
    add_backend_options(a)
    a.set_defaults(func=cmd_ask)


def cmd_ask(args: argparse.Namespace) -> int:
    from partykg.ask.answer import SUPPORTED, UnsupportedQuestion, answer

    if args.forms or not args.question:
        print(SUPPORTED)
        return EXIT_OK if args.forms else EXIT_ERROR
    kg = open_graph(args)
    try:
        a = answer(kg, args.question, as_of=args.as_of)
    except UnsupportedQuestion as e:
        if args.json:
            print(json.dumps({"question": args.question, "status": "unsupported",
                              "message": str(e)}, ensure_ascii=False, indent=2))
        print(f"partykg: {e}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json.dumps(a.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(a.text)
    return EXIT_OK if a.status == "answered" else EXIT_INVALID


def cmd_query(args: argparse.Namespace) -> int:
    from partykg.store import queries
    from partykg.errors import PartykgError

    if args.list or not args.name:
        for q in queries.library(args.root):
            params = ", ".join(f"{p.name} ({p.kind}{', optional' if p.optional else ''})"
                               for p in q.params) or "none"
            print(f"{q.name}\n    {q.question}\n    parameters: {params}")
        return EXIT_OK if args.list else EXIT_ERROR
    query = queries.load(args.name, args.root)
    values = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise PartykgError(f"--param {item!r}: write NAME=VALUE")
        values[name.strip()] = value
    kg = open_graph(args)
    from partykg.ask.resolve import resolver

    rows = queries.run(kg, query, queries.bindings(query, values, resolver(kg)))
    print(format_rows(rows, args.format))
    return EXIT_OK


def _cell(term, fmt: str) -> str:
    if term is None:
        return ""
    from partykg.model.vocab import BASE, PREFIXES

    value = term.value
    if type(term).__name__ == "NamedNode":
        if fmt in ("table",):
            if value.startswith(BASE):
                return value[len(BASE):]
            for p, ns in PREFIXES.items():
                if value.startswith(ns):
                    return f"{p}:{value[len(ns):]}"
        return value
    if type(term).__name__ == "BlankNode":
        return "_:" + value
    return value


def format_rows(rows: list[dict], fmt: str) -> str:
    import csv
    import io

    names = list(rows[0]) if rows else []
    if fmt == "json":
        def term(t):
            if t is None:
                return None
            kind = type(t).__name__
            out = {"type": {"NamedNode": "uri", "BlankNode": "bnode"}.get(kind, "literal"), "value": t.value}
            if kind == "Literal":
                if t.language:
                    out["xml:lang"] = t.language
                elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                    out["datatype"] = t.datatype.value
            return out
        return json.dumps({"head": {"vars": names},
                           "results": {"bindings": [{k: term(v) for k, v in r.items() if v is not None}
                                                    for r in rows]}},
                          ensure_ascii=False, indent=2)
    table = [[_cell(r[n], fmt) for n in names] for r in rows]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        w.writerows(table)
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    widths = [min(60, max(len(n), *(len(row[i]) for row in table))) for i, n in enumerate(names)]

    def fit(s: str, w: int) -> str:
        s = s.replace("\n", " ")
        return (s[: w - 1] + "…") if len(s) > w else s.ljust(w)

    lines = ["  ".join(fit(n, w) for n, w in zip(names, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(fit(c, w) for c, w in zip(row, widths)).rstrip() for row in table]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
