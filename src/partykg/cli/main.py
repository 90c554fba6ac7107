"""The ``partykg`` command. It only wires the modules together.

Each group of subcommands lives in :mod:`partykg.cli.common` (one module each, owning its
arguments and its ``run`` functions). Those modules import only the standard library at load
time, so that ``partykg ask`` does not pay for rdflib, networkx or pyvis.

Exit codes: 0 success (for ``validate``: valid), 1 violations found, 2 error (bad input, a file
that does not parse, a query that does not run, an endpoint that does not answer).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from partykg.cli.common import EXIT_ERROR


def _modules():
    from partykg.cli import core, extract, importcsv, query, remote, view

    return [core, query, view, importcsv, extract, remote]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="partykg",
        description="A knowledge graph of the Communist Party of Vietnam's documents and bodies, "
                    "every fact traced to its source.",
        epilog="Exit codes: 0 ok, 1 violations (validate), 2 error. "
               "'partykg COMMAND --help' describes a command.")
    p.add_argument("--root", type=Path, default=None,
                   help="project folder holding ontology/ and graph/ (default: this checkout, "
                        "or $PARTYKG_ROOT)")
    p.add_argument("-v", "--verbose", action="store_true", help="report progress on stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _modules():
        module.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from partykg.errors import PartykgError

    try:
        return args.func(args)
    except PartykgError as e:
        print(f"partykg: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("partykg: interrupted", file=sys.stderr)
        return 130
    except (AttributeError, TypeError, ValueError, IndexError, KeyError) as e:
        if not getattr(args, "endpoint", None):
            raise
        # rows of the wrong shape from an endpoint (a literal where an IRI belongs, no row
        # for a COUNT...): the endpoint's fault, said in one line
        print(f"partykg: error: {args.endpoint} answered rows partykg cannot use "
              f"({type(e).__name__}: {e}); is it a SPARQL 1.1 endpoint holding the partykg "
              "graph ('partykg load')?", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `partykg ... | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
