"""What a cue regex's match must contain: for each cue regex of ``cues.json``, literal strings
one of which is in every text it matches (``cue_literals.json``, generated from ``cues.json`` by
``scripts/cue_literals``; a test checks it is current). A cold ``partykg ask`` compiles only the
cue regexes whose question holds one of their strings: compiling every cue regex tried before the
one that matches was a tenth of its start (issue 13).

The strings are read off the regex's syntax tree (:func:`literals`), soundly: a run of literal
characters in a sequence is in every match; a group, or a repeat of at least one, needs what its
body needs; an alternation needs one of what its branches need (nothing when one branch needs
nothing); anything else (character classes, optional parts, lookarounds, flags) needs nothing.
A regex with no such string, or one missing from the file (an edited ``cues.json``), is always
compiled and tried: the file can only save work, never change an answer.
"""

from __future__ import annotations

import os

LITERALS_FILE = os.path.join(os.path.dirname(__file__), "cue_literals.json")


def _needs(items) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` holds, or None."""
    from re import _constants as c

    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        need = None
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            need = None if add_flags or del_flags else _needs(body)
        elif op is c.BRANCH:
            branches = [_needs(b) for b in av[1]]
            need = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _high, body = av
            need = _needs(body) if low >= 1 else None
        elif op is getattr(c, "ATOMIC_GROUP", None):
            need = _needs(av)
        if need:
            options.append(need)
    flush()
    best = None
    for need in options:  # any one holds: the one whose shortest string is longest
        if all(need) and (best is None or min(map(len, need)) > min(map(len, best))):
            best = need
    return best


def literals(pattern: str) -> list[str] | None:
    """Strings one of which is in every match of ``pattern`` (as :func:`re.compile` compiles it,
    without flags), sorted; None when no such string is found."""
    import re
    from re import _parser

    tree = _parser.parse(pattern)
    if tree.state.flags & ~re.UNICODE:  # a global flag (?i), (?x)...: no literal is sure
        return None
    need = _needs(tree)
    return sorted(need) if need else None


def generate(cues: dict) -> dict[str, list[str]]:
    """pattern -> its strings, for every cue regex of the intents of ``cues`` that has some."""
    out: dict[str, list[str]] = {}
    for rule in cues["intents"]:
        for patterns in rule["cues"].values():
            for p in patterns:
                need = literals(p)
                if need is not None:
                    out[p] = need
    return out
