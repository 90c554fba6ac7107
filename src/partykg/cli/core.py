"""build, stats, validate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from partykg.cli.common import EXIT_INVALID
from partykg.cli.common import EXIT_OK
from partykg.cli.common import add_backend_options
from partykg.cli.common import open_graph
from partykg.cli.common import progress


def register(sub) -> None:
    b = sub.add_parser("build", help="load every graph file and write the merged dataset",
                       description="Write DIR/partykg.trig (one named graph per source), "
                                   "partykg.nq, partykg.nt (union of graphs) and partykg.jsonld; "
                                   "with --store DIR, also an on-disk store that later commands "
                                   "open in milliseconds.")
    b.add_argument("--out", metavar="DIR", default=None, help="export folder")
    b.add_argument("--store", metavar="DIR", default=None,
                   help="also write an on-disk store (replaced as a whole)")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("stats", help="count entities by class and facts by relation")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.add_argument("--graph", action="store_true",
                   help="network analytics: most implemented and cited documents, longest "
                        "replacement chains, cycles, connected components")
    add_backend_options(s)
    s.set_defaults(func=cmd_stats)

    v = sub.add_parser("validate", help="SHACL shapes and consistency checks (queries/checks)",
                       description="Exit 0 when valid, 1 with violations (each with entity, "
                                   "message and file), 2 on error (e.g. a file that does not parse). "
                                   "Dates more than a year after today are reported as "
                                   "warnings, which do not change the exit code.")
    v.add_argument("--json", action="store_true", help="print JSON")
    v.add_argument("--no-shacl", action="store_true", help="run only the SPARQL checks")
    add_backend_options(v)
    v.set_defaults(func=cmd_validate)


def cmd_build(args: argparse.Namespace) -> int:
    from partykg.graph.build import export
    from partykg.errors import PartykgError
    from partykg.store.embedded import KnowledgeGraph

    if not args.out and not args.store:
        raise PartykgError("build needs --out DIR, --store DIR, or both")
    if args.out and Path(args.out).exists() and not Path(args.out).is_dir():
        raise PartykgError(f"--out {args.out} exists and is not a folder: the exports go into "
                           "a folder")
    if args.store:  # straight into the on-disk store (bulk loader), then export from it
        kg = KnowledgeGraph.build(args.root, Path(args.store), progress=progress(args))
        print(f"wrote store {Path(args.store).resolve()} ({kg.report.quads} quads from "
              f"{len(kg.report.files)} files)")
    else:
        kg = KnowledgeGraph.load(args.root, progress=progress(args))
    if args.out:
        for name, n in export(kg, Path(args.out)).items():
            print(f"wrote {Path(args.out) / name} ({n} statements)")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    kg = open_graph(args)
    if args.graph:
        from partykg.views.analytics import graph_stats, render_graph_stats

        s = graph_stats(kg)
        print(json.dumps(s, indent=2, ensure_ascii=False) if args.json else render_graph_stats(s))
        return EXIT_OK
    from partykg.graph.build import stats

    s = stats(kg)
    if args.json:
        print(json.dumps(s, indent=2, ensure_ascii=False))
        return EXIT_OK
    files = f"{s['files']} files, " if s["files"] is not None else ""
    print(f"{files}{s['named_graphs']} named graphs, {s['quads']} quads, "
          f"{s['sources']} sources, {s['evidence']} evidence nodes")
    for title, counts in (("classes", s["classes"]), ("relations", s["relations"])):
        print(f"\n{title}:")
        for name, n in counts.items():  # type: ignore[union-attr]
            print(f"  {n:6d}  {name}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from partykg.graph.validate import future_dates, validate

    kg = open_graph(args)
    violations = validate(kg, shacl=not args.no_shacl)
    warnings = future_dates(kg)
    nfiles = len(kg.report.files) if getattr(kg, "report", None) else None
    where = f"{nfiles} files" if nfiles is not None else "the graph"
    if args.json:
        print(json.dumps({"valid": not violations,
                          "violations": [v.as_dict() for v in violations],
                          "warnings": [w.as_dict() for w in warnings]},
                         indent=2, ensure_ascii=False))
    else:
        for w in warnings:
            print(f"WARNING {w}")
        for v in violations:
            print(f"VIOLATION {v}")
        checks = "SPARQL checks" if args.no_shacl else "SHACL shapes and SPARQL checks"
        print(f"{len(violations)} violation(s) in {where} ({checks})"
              if violations else f"valid: {where} {'pass' if nfiles else 'passes'} the {checks}")
        if violations:
            print("(exit code 1)", file=sys.stderr)
    return EXIT_INVALID if violations else EXIT_OK
