"""The ``partykg`` command. It only wires the modules together.

Each group of subcommands lives in :mod:`partykg.cli.common` (one module each, owning its
arguments and its ``run`` functions). Those modules import only the standard library at load
time, so that ``partykg ask`` does not pay for rdflib, networkx or pyvis. Only the module of the
command being run is imported and builds its parser; ``partykg --help`` lists the commands from
:data:`COMMANDS` without building any of them.

Exit codes, for every command: 0 success (for ``validate``: valid; for ``ask``: answered),
1 violations found (``validate``) or a question naming several entities or none (``ask``),
2 error (bad input, a file that does not parse, a query that does not run, an endpoint that does
not answer, a file that cannot be written; and, as a last resort, an internal error).
"""

from __future__ import annotations

import sys

EXIT_ERROR = 2

# command -> (module of partykg.cli that registers it, its one-line help). The help must be the
# one the module registers (a test checks it).
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("core", "load every graph file and write the merged dataset"),
    "stats": ("core", "count entities by class and facts by relation"),
    "validate": ("core", "SHACL shapes and consistency checks (queries/checks)"),
    "query": ("query", "run a query of the library (queries/*.rq) or your own .rq file"),
    "ask": ("query", "answer a question in English, Vietnamese, French or Indonesian, with its sources"),
    "view": ("view", "write an interactive graph view as one self-contained HTML file"),
    "export": ("view", "export the graph (or one view of it) for Gephi: GraphML, GEXF, JSON"),
    "import": ("importcsv", "add documents and relations from a CSV spreadsheet"),
    "extract": ("extract", "extract candidate documents and relations from an article"),
    "review": ("extract", "list the candidates of a candidates file"),
    "accept": ("extract", "merge reviewed candidates into graph/ with provenance"),
    "load": ("remote", "push the dataset to a SPARQL 1.1 endpoint (Oxigraph, Virtuoso...)"),
    "serve": ("remote", "serve the graph as a local read-only SPARQL endpoint (Oxigraph)"),
}


def _version() -> str:
    from partykg import __version__

    return __version__


def _path(text: str):
    from pathlib import Path  # not at load time: `partykg --help` does without it

    return Path(text)


def _command_in(argv: list[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not a global option), if known."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--root":
            i += 2
            continue
        if a.startswith("-"):
            i += 1
            continue
        return a if a in COMMANDS else None
    return None


DESCRIPTION = ("A knowledge graph of the Communist Party of Vietnam's documents and bodies, every "
               "fact traced to its source.")
EPILOG = ("Exit codes: 0 ok, 1 violations (validate) or ambiguous / not found (ask), 2 error. "
          "'partykg COMMAND --help' describes a command.")
OPTIONS = (("-h, --help", "show this help message and exit"),
           ("--root ROOT", "project folder holding ontology/ and graph/ (default: this checkout, "
                           "or $PARTYKG_ROOT)"),
           ("-v, --verbose", "report progress on stderr"),
           ("--version", "show the version of partykg and exit"))


def _wrap(text: str, width: int, indent: int = 0, first: int | None = None) -> list[str]:
    lines, line, room = [], "", width - (indent if first is None else first)
    for word in text.split():
        if line and len(line) + 1 + len(word) > room:
            lines.append(line)
            line, room = word, width - indent
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines


def top_help() -> str:
    """``partykg --help``, written without argparse (whose import costs more than starting the
    query engine): the commands by name and one-line help, as argparse would lay them out."""
    width = 78
    out = ["usage: partykg [-h] [--root ROOT] [-v] [--version] COMMAND ...", "",
           *_wrap(DESCRIPTION, width), "", "positional arguments:", "  COMMAND"]
    for name, (_, help_) in COMMANDS.items():
        head = f"    {name}"
        body = _wrap(help_, width, 17, first=17)
        if len(head) <= 15:
            out.append(f"{head:<17}{body[0]}")
        else:
            out += [head, " " * 17 + body[0]]
        out += [" " * 17 + b for b in body[1:]]
    out += ["", "options:"]
    for flag, help_ in OPTIONS:
        body = _wrap(help_, width, 17, first=17)
        out.append(f"  {flag:<15}{body[0]}")
        out += [" " * 17 + b for b in body[1:]]
    out += ["", *_wrap(EPILOG, width)]
    return "\n".join(out)


def build_parser(only: str | None = None):
    """The command's parser. With ``only`` (a command), only that command's module builds its
    subparsers; the other commands are listed by name and help (enough for ``--help`` and for
    an error naming the choices); with ``only=""`` none is built. Without it, every command is
    built in full."""
    import argparse
    import importlib

    p = argparse.ArgumentParser(prog="partykg", description=DESCRIPTION, epilog=EPILOG)
    p.add_argument("--root", type=_path, default=None, help=OPTIONS[1][1])
    p.add_argument("-v", "--verbose", action="store_true", help=OPTIONS[2][1])
    p.add_argument("--version", action="version", version=f"partykg {_version()}",
                   help=OPTIONS[3][1])
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    if only is None:
        full = {m for m, _ in COMMANDS.values()}
    else:  # "" (no command, or one not known): every command by name only
        full = {COMMANDS[only][0]} if only in COMMANDS else set()
    registered: set[str] = set()
    for name, (module, help_) in COMMANDS.items():
        if module not in full:
            sub.add_parser(name, help=help_, add_help=False)
        elif module not in registered:
            registered.add(module)
            importlib.import_module(f"partykg.cli.{module}").register(sub)
    return p


def _only_help(argv: list[str]) -> bool:
    """``argv`` asks for the top help and nothing argparse would read differently: -h/--help
    with -v/--verbose and --root ROOT (argparse prints the help when it meets -h, whatever the
    rest; a --root without its value before it is an error, left to argparse)."""
    i, asked = 0, False
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            asked = True
        elif a == "--root":
            if i + 1 == len(argv) or argv[i + 1].startswith("-"):
                return False
            i += 1
        elif not (a in ("-v", "--verbose") or a.startswith("--root=")):
            return False
        i += 1
    return asked


def _internal_error(e: BaseException, verbose: bool) -> int:
    if verbose:
        import traceback

        traceback.print_exception(e)
    text = (str(e).strip().splitlines() or [""])[0][:300]
    print(f"partykg: internal error: {type(e).__name__}{': ' + text if text else ''} "
          f"({'see the details above' if verbose else 'run with -v for details'})",
          file=sys.stderr)
    return EXIT_ERROR


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = _command_in(argv)
    if command is None and argv == ["--version"]:
        print(f"partykg {_version()}")
        raise SystemExit(0)  # as argparse's version action does
    if command is None and _only_help(argv):
        print(top_help())
        raise SystemExit(0)  # as argparse does
    if command in ("ask", "review", "accept"):
        # a short process whose objects go with it: no cyclic garbage collection (it costs 4%
        # of a cold ask, walking every module just imported; in an accept of a 12 MB candidates
        # file, about 1 s of 6, walking its hundreds of thousands of terms and statements again
        # and again while they are made); back on when main() returns
        import gc

        if gc.isenabled():
            gc.disable()
            try:
                return _main(argv, command)
            finally:
                gc.enable()
    return _main(argv, command)


def _main(argv: list[str], command: str | None) -> int:
    args = None
    if command == "ask":  # the command run most often cold: read without argparse if plain
        from partykg.cli.fastargs import parse_ask

        args = parse_ask(argv)
    if args is None:
        args = build_parser(command or "").parse_args(argv)
    verbose = getattr(args, "verbose", False)
    from partykg.errors import PartykgError

    try:
        if args.root is not None:
            from partykg.project import check_root_str

            check_root_str(args.root)
        return args.func(args)
    except PartykgError as e:
        print(f"partykg: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("partykg: interrupted", file=sys.stderr)
        return 130
    except (AttributeError, TypeError, ValueError, IndexError, KeyError) as e:
        if not getattr(args, "endpoint", None):
            if isinstance(e, ValueError) and "null byte" in str(e):
                print("partykg: error: an argument holds a NUL byte", file=sys.stderr)
                return EXIT_ERROR
            return _internal_error(e, verbose)  # a re-raise here would skip the clauses below
        # rows of the wrong shape from an endpoint (a literal where an IRI belongs, no row
        # for a COUNT...): the endpoint's fault, said in one line
        print(f"partykg: error: {args.endpoint} answered rows partykg cannot use "
              f"({type(e).__name__}: {e}); is it a SPARQL 1.1 endpoint holding the partykg "
              "graph ('partykg load')?", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `partykg ... | head`
        return 0
    except OSError as e:  # a file or folder the command could not use
        from partykg.files import _os_message

        where = e.filename if e.filename is not None else "partykg"
        print(f"partykg: error: {_os_message(where, e, 'failed')}", file=sys.stderr)
        if verbose:
            _internal_error(e, True)
        return EXIT_ERROR
    except RecursionError as e:
        print("partykg: error: the input is nested too deeply to process", file=sys.stderr)
        if verbose:
            _internal_error(e, True)
        return EXIT_ERROR
    except ValueError as e:
        if "null byte" not in str(e):
            return _internal_error(e, verbose)
        print("partykg: error: an argument holds a NUL byte", file=sys.stderr)
        return EXIT_ERROR
    except MemoryError:
        print("partykg: error: out of memory (the input is too large)", file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # the last line of defence: one line, never a traceback
        return _internal_error(e, verbose)


def run() -> None:
    """The ``partykg`` console script (and ``python -m partykg``): :func:`main`, and then, after
    ``ask``, the process ends at once, its output flushed, without the interpreter's shutdown (a
    last garbage collection over every module: a tenth of a cold ask). ``ask`` leaves nothing to
    finish: the stores it opens are read-only and what it writes to the cache folder is written
    whole before it returns. Every other command ends as Python ends it. No cyclic garbage
    collection during ``ask`` at all: :func:`main` turns it back on when it returns, and the
    first allocation after that would walk every object the question made (3% of a cold ask)
    just before the process ends."""
    argv = sys.argv[1:]
    ask = _command_in(argv) == "ask"
    if ask:
        import gc

        gc.disable()  # (main() then leaves it off: the process ends right after)
    code = main(argv)
    if not ask:
        sys.exit(code)
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # `partykg ask ... | head`
            pass
        except OSError as e:  # a full disk under `> file`
            if stream is sys.stdout:
                try:
                    print(f"partykg: error: cannot write the answer: {e.strerror or e}",
                          file=sys.stderr, flush=True)
                except OSError:
                    pass
                code = EXIT_ERROR
    os._exit(code if isinstance(code, int) else EXIT_ERROR)


if __name__ == "__main__":
    run()
