"""view and export: interactive HTML graph views (offline) and GraphML/GEXF/JSON exports."""

from __future__ import annotations

import argparse
import sys
import time

from partykg.cli.common import EXIT_OK
from partykg.cli.common import add_backend_options
from partykg.cli.common import open_graph

KINDS = ("graph", "neighbourhood", "lineage", "bodies", "source")  # = partykg.views.view.KINDS
LANGS = ("en", "vi")
FORMATS = ("graphml", "gexf", "json")


def _depth(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0 or n > 50:
        raise argparse.ArgumentTypeError("must be between 0 and 50")
    return n


def _view_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", choices=KINDS, default=None,
                   help="graph: everything (default without --focus); neighbourhood: what lies "
                        "within --depth relations of --focus (default with --focus); lineage: "
                        "the replaces / planned to replace / amends / implements / guides / "
                        "continues chain of a document, both directions, ordered by date; "
                        "bodies: bodies with their hierarchy and mergers; source: the facts "
                        "one source states (--focus SOURCE)")
    p.add_argument("--focus", metavar="CODE|BODY|SOURCE", default=None,
                   help="the document or body at the centre (\"51-CT/TW\", \"Directive 51\", "
                        "\"Ban Bí thư\", an IRI); for --kind source, the source (its IRI, its "
                        "file stem or corpus file)")
    p.add_argument("--depth", type=_depth, default=1, metavar="N",
                   help="neighbourhood radius, in relations (default: 1)")
    p.add_argument("--lang", choices=LANGS, default="en",
                   help="language of names and of the page (falls back to English, then any)")


def register(sub) -> None:
    v = sub.add_parser(
        "view", help="write an interactive graph view as one self-contained HTML file",
        description="Write FILE.html: the graph drawn with vis-network (inlined; the page "
                    "requests nothing from any host), a legend, tooltips with title, date, "
                    "issuer, status and sources, click to highlight neighbours, a search box. "
                    "Exit codes: 0 written, 2 error (unknown or ambiguous --focus, bad option).")
    _view_options(v)
    v.add_argument("--out", metavar="FILE.html", required=True, help="the page to write")
    add_backend_options(v)
    v.set_defaults(func=cmd_view)

    e = sub.add_parser(
        "export", help="export the graph (or one view of it) for Gephi: GraphML, GEXF, JSON",
        description="Write the networkx graph of a view (default: the whole graph) as GraphML "
                    "(Gephi, yEd, Cytoscape), GEXF (Gephi) or node-link JSON. Nodes carry "
                    "label, category, class, code, date, issuer, status, planned and sources; "
                    "edges their relation, label and whether they are planned. "
                    "Exit codes: 0 written, 2 error.")
    e.add_argument("--format", choices=FORMATS, default="graphml")
    _view_options(e)
    e.add_argument("--out", metavar="FILE", required=True, help="the file to write")
    add_backend_options(e)
    e.set_defaults(func=cmd_export)


def _build(args: argparse.Namespace):
    from partykg.views.view import build_view, resolve_focus, resolve_source

    kind = args.kind or ("neighbourhood" if args.focus else "graph")
    kg = open_graph(args)
    t0 = time.perf_counter()
    focus = None
    if args.focus is not None:
        focus = resolve_source(kg, args.focus) if kind == "source" else resolve_focus(kg, args.focus)
    g = build_view(kg, kind=kind, focus=focus, depth=args.depth, lang=args.lang)
    if getattr(args, "verbose", False):
        print(f"built the {kind} view in {time.perf_counter() - t0:.2f}s", file=sys.stderr)
    return g


def cmd_view(args: argparse.Namespace) -> int:
    from partykg.views.view import write_html

    g = _build(args)
    path = write_html(g, args.out)
    print(f"wrote {path} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges): "
          f"{g.graph['title']}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from partykg.views.view import export_graph

    g = _build(args)
    path = export_graph(g, args.out, args.format)
    print(f"wrote {path} ({args.format}, {g.number_of_nodes()} nodes, "
          f"{g.number_of_edges()} edges)")
    return EXIT_OK
