"""query and ask.

Imports at load time only what ``partykg ask`` needs (a cold ``ask`` is the command users run
most): json and the results' formats are imported by the functions that use them.
"""

from __future__ import annotations

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
                   help="a parameter of the query (one --param per parameter; giving one twice "
                        "is an error); entity parameters take a code, a mention (\"Directive "
                        "51\", \"Ban Bí thư\") or an IRI (<https://…> or pk:name, as printed "
                        "in results); iri parameters also a word the ontology labels "
                        "(relation=continues, type=NQ)")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table",
                   help="table (IRIs whole, as <…> or pk:name), json and tsv (the SPARQL 1.1 "
                        "results formats, verbatim) or csv (SPARQL 1.1 CSV for spreadsheets: a "
                        "cell starting with =, +, -, @, a tab or a carriage return gets a "
                        "leading ' so that no spreadsheet runs it as a formula, as OWASP "
                        "advises)")
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


def cmd_ask(args) -> int:
    from partykg.ask.answer import SUPPORTED, UnsupportedQuestion, answer

    if args.forms:
        print(SUPPORTED)
        return EXIT_OK
    if not args.question:
        print(f"partykg: error: no question given.\n{SUPPORTED}", file=sys.stderr)
        return EXIT_ERROR
    kg = open_graph(args, cached=True)
    try:
        a = answer(kg, args.question, as_of=args.as_of)
    except UnsupportedQuestion as e:
        _save_memo(kg)
        if args.json:
            import json

            print(json.dumps({"question": args.question, "status": "unsupported",
                              "message": str(e)}, ensure_ascii=False, indent=2))
        print(f"partykg: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    _save_memo(kg)
    if args.json:
        import json

        print(json.dumps(a.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(a.text)
    return EXIT_OK if a.status == "answered" else EXIT_INVALID


def _save_memo(kg) -> None:
    """The results of the queries without parameters, kept for the next question
    (:mod:`partykg.store.memo`)."""
    memo = getattr(kg, "memo", None)
    if memo is not None:
        memo.save()
        from partykg.ask import kept  # the tables the question was read with

        kept.save(kg)


def cmd_query(args) -> int:
    from partykg.cli.results import format_rows
    from partykg.errors import PartykgError
    from partykg.store import queries

    if args.list or not args.name:
        for q in queries.library(args.root):
            params = ", ".join(f"{p.name} ({p.kind}{', optional' if p.optional else ''})"
                               for p in q.params) or "none"
            print(f"{q.name}\n    {q.question}\n    parameters: {params}")
        return EXIT_OK if args.list else EXIT_ERROR
    query = queries.load(args.name, args.root)
    queries.check_prefixes(query)
    values: dict[str, str] = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise PartykgError(f"--param {item!r}: write NAME=VALUE")
        if name in values:
            raise PartykgError(f"--param {name} is given twice ({values[name]!r} and {value!r}): "
                               "a parameter takes one value; run the query once per value")
        values[name] = value
    kg = open_graph(args)
    from partykg.ask.resolve import resolver

    params = queries.bindings(query, values, resolver(kg), kg=kg)
    rows = queries.run(kg, query, params)
    print(format_rows(rows, args.format, queries.variables(query, params)))
    return EXIT_OK
