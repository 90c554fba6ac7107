"""The ``partykg`` command. It only wires the modules together.

Exit codes: 0 success (for ``validate``: valid), 1 violations found, 2 error (bad input, a file
that does not parse, a query that does not run).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2


def _progress(args: argparse.Namespace):
    if not getattr(args, "verbose", False):
        return None
    return lambda msg: print(f"  {msg}", file=sys.stderr)


def _load(args: argparse.Namespace):
    from .store import KnowledgeGraph

    t0 = time.perf_counter()
    kg = KnowledgeGraph.load(args.root, progress=_progress(args))
    if args.verbose:
        print(f"loaded {len(kg.report.files)} files, {kg.report.quads} quads in "
              f"{time.perf_counter() - t0:.2f}s", file=sys.stderr)
    return kg


def cmd_build(args: argparse.Namespace) -> int:
    from .build import export

    kg = _load(args)
    written = export(kg, Path(args.out))
    for name, n in written.items():
        print(f"wrote {Path(args.out) / name} ({n} statements)")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from .build import stats

    s = stats(_load(args))
    if args.json:
        print(json.dumps(s, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{s['files']} files, {s['named_graphs']} named graphs, {s['quads']} quads, "
          f"{s['sources']} sources, {s['evidence']} evidence nodes")
    for title, counts in (("classes", s["classes"]), ("relations", s["relations"])):
        print(f"\n{title}:")
        for name, n in counts.items():  # type: ignore[union-attr]
            print(f"  {n:6d}  {name}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    kg = _load(args)
    violations = validate(kg, shacl=not args.no_shacl)
    if args.json:
        print(json.dumps({"valid": not violations,
                          "violations": [v.as_dict() for v in violations]},
                         indent=2, ensure_ascii=False))
    else:
        for v in violations:
            print(f"VIOLATION {v}")
        checks = "SPARQL checks" if args.no_shacl else "SHACL shapes and SPARQL checks"
        print(f"{len(violations)} violation(s) in {len(kg.report.files)} files ({checks})"
              if violations else f"valid: {len(kg.report.files)} files pass the {checks}")
    return EXIT_INVALID if violations else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_csv

    result = import_csv(Path(args.file), root=args.root, dry_run=args.dry_run)
    print(result.summary())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="partykg",
        description="A knowledge graph of the Communist Party of Vietnam's documents and bodies, "
                    "every fact traced to its source.",
        epilog="Exit codes: 0 ok, 1 violations (validate), 2 error.")
    p.add_argument("--root", type=Path, default=None,
                   help="project folder holding ontology/ and graph/ (default: this checkout, "
                        "or $PARTYKG_ROOT)")
    p.add_argument("-v", "--verbose", action="store_true", help="report progress on stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    b = sub.add_parser("build", help="load every graph file and write the merged dataset",
                       description="Write DIR/partykg.trig (one named graph per source), "
                                   "partykg.nq, partykg.nt (union of graphs) and partykg.jsonld.")
    b.add_argument("--out", required=True, metavar="DIR", help="output folder")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("stats", help="count entities by class and facts by relation")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.set_defaults(func=cmd_stats)

    v = sub.add_parser("validate", help="SHACL shapes and consistency checks (queries/checks)",
                       description="Exit 0 when valid, 1 with violations (each with entity, "
                                   "message and file), 2 on error (e.g. a file that does not parse).")
    v.add_argument("--json", action="store_true", help="print JSON")
    v.add_argument("--no-shacl", action="store_true", help="run only the SPARQL checks")
    v.set_defaults(func=cmd_validate)

    i = sub.add_parser("import", help="add documents and relations from a CSV spreadsheet",
                       description="Columns: code,type,issuer,date,title,replaces,amends,"
                                   "implements,guides,status,source_url,quote (see README). "
                                   "The import is kept as graph/imports/NAME.trig; a bad row "
                                   "imports nothing.")
    i.add_argument("file", metavar="FILE.csv")
    i.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    i.set_defaults(func=cmd_import)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .errors import PartykgError

    try:
        return args.func(args)
    except PartykgError as e:
        print(f"partykg: error: {e}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
