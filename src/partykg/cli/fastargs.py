"""The command line of ``partykg ask`` read without argparse, for a cold start: importing
argparse (with gettext and locale) and building the parser cost more than starting the query
engine. Only plain, well-formed command lines are read here, into the same namespace argparse
would give (except ``root``: the str of the Path argparse gives, as :func:`partykg.project.path_text` writes it,
for a cold ``ask`` imports no pathlib); anything else (``--help``, an endpoint, an option given twice, an abbreviated option,
a value starting with ``-``, an unknown word) returns None and goes to argparse, which reads it
and reports its errors as always. A test checks, line by line, that both read the same.
"""

from __future__ import annotations

# ask's options: name -> (attribute, takes a value)
_ASK_OPTIONS = {"--store": ("store", True), "--as-of": ("as_of", True),
                "--json": ("json", False), "--forms": ("forms", False)}
# ask's namespace as argparse fills it when no option is given (the parser's defaults)
_ASK_DEFAULTS = {"question": None, "json": False, "as_of": None, "forms": False, "store": None,
                 "endpoint": None, "update_endpoint": None, "timeout": 30.0, "user": None,
                 "password": None}


class Namespace:
    """What argparse.Namespace is to the commands: attributes, compared by value."""

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __eq__(self, other) -> bool:
        return vars(self) == vars(other)

    def __repr__(self) -> str:
        return "Namespace(" + ", ".join(f"{k}={v!r}" for k, v in vars(self).items()) + ")"


def parse_ask(argv: list[str]):
    """``argv`` read as argparse reads ``partykg [--root R] [-v] ask [options] QUESTION``, or
    None when it is not that simple."""
    values: dict = {"root": None, "verbose": False}
    i = 0
    while i < len(argv):  # the global options, before the command
        a = argv[i]
        if a in ("-v", "--verbose"):
            if values["verbose"]:
                return None
            values["verbose"] = True
        elif a == "--root" or a.startswith("--root="):
            if values["root"] is not None:
                return None
            if a == "--root":
                if i + 1 == len(argv) or argv[i + 1].startswith("-"):
                    return None
                i += 1
                value = argv[i]
            else:
                value = a[len("--root="):]
            from partykg.project import path_text

            values["root"] = path_text(value)
        elif a == "ask":
            break
        else:
            return None
        i += 1
    else:
        return None
    values["command"] = "ask"
    ask = dict(_ASK_DEFAULTS)
    given: set[str] = set()
    rest = argv[i + 1:]
    j = 0
    while j < len(rest):
        a = rest[j]
        if a.startswith("-"):
            name, eq, value = a.partition("=")
            option = _ASK_OPTIONS.get(name)
            if option is None or name in given:
                return None
            given.add(name)
            attr, takes = option
            if not takes:
                if eq:
                    return None
                ask[attr] = True
            elif eq:
                ask[attr] = value
            else:
                if j + 1 == len(rest) or rest[j + 1].startswith("-"):
                    return None
                j += 1
                ask[attr] = rest[j]
        else:
            if "question" in given:
                return None
            given.add("question")
            ask["question"] = a
        j += 1
    from partykg.cli.query import cmd_ask

    return Namespace(**values, **ask, func=cmd_ask)
