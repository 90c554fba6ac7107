"""Compiled regular expressions kept between cold ``partykg ask`` processes (issue 13).

Python compiles a regular expression in Python code (a parser and a compiler to the engine's
code) every time a process first uses it: some 70 of them on the ask path, 10-20 ms of a cold
start. :func:`load` puts back, into :mod:`re`'s own cache, the patterns an earlier process
compiled, built by the engine from their compiled code (``_sre.compile``, what
:func:`re.compile` ends with), so every ``re.compile``, ``re.sub``... finds its pattern compiled,
wherever it is written; :func:`save` adds the patterns this process compiled.

Kept in the user's cache folder (``$PARTYKG_CACHE_DIR`` ..., see :mod:`partykg.store.cache`),
one file per Python build (its version and the engine's MAGIC number name it, and it is checked
again inside). A pattern is saved only when the one built from the saved code is equal to the
one Python compiled (the same pattern, flags and code); the file is written atomically with a
CRC-32 of its content, and a file that is damaged, of another Python or another shape is
ignored (then rewritten); an entry the engine refuses is skipped. Nothing here changes what a
pattern matches: a pattern is either the one Python compiles or compiled by Python as always.

The engine checks the code it is given only in part: the file is trusted as Python trusts its own
``__pycache__`` (a file only its user can write, read-only to others here: mode 0600). The CRC
catches a file damaged by accident, not one forged by someone who can write the user's files.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib

MAX_PATTERNS = 2000  # more than this (patterns from many graphs): start again from this process's

_state: dict = {"path": None, "loaded": set(), "entries": {}}


def _engine():
    try:
        import _sre

        cache = re._cache
    except (ImportError, AttributeError):
        return None
    if not isinstance(cache, dict) or not hasattr(_sre, "compile"):
        return None
    return _sre


def _tag() -> str:
    sre = _engine()
    return f"{sys.implementation.name} {sys.version} {getattr(sre, 'MAGIC', '?')} " \
           f"{getattr(sre, 'CODESIZE', '?')}"


def _file(base: str) -> str:
    return os.path.join(base, f"regex-{zlib.crc32(_tag().encode()):08x}.marshal")


def load(base: str | None) -> int:
    """Put the patterns kept in the cache folder ``base`` into :mod:`re`'s cache; how many."""
    sre = _engine()
    if base is None or sre is None:
        return 0
    path = _file(base)
    _state["path"] = path
    try:
        with open(path, "rb") as f:
            blob = f.read()
        if int.from_bytes(blob[:4], "big") != zlib.crc32(blob[4:]):
            return 0
        data = marshal.loads(blob[4:])
        if type(data) is not dict or data.get("tag") != _tag():
            return 0
        entries = data["patterns"]
        if type(entries) is not dict:
            return 0
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return 0
    n = 0
    for key, args in list(entries.items()):
        try:
            pattern, flags = key
            if type(pattern) not in (str, bytes) or type(flags) is not int:
                raise TypeError
            compiled = sre.compile(*args)
            if compiled.pattern != pattern:
                raise ValueError
        except (TypeError, ValueError, RuntimeError, OverflowError):
            del entries[key]  # not what save() writes: left to Python
            continue
        re._cache.setdefault((type(pattern), pattern, flags), compiled)
        _state["loaded"].add(key)
        n += 1
    _state["entries"] = entries
    return n


def _compile_args(pattern, flags: int):
    """What :func:`re._compiler.compile` passes to the engine for ``pattern``."""
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # plain ints: the opcodes are int subclasses, which marshal does not write
    return (pattern, int(flags | p.state.flags), [int(c) for c in code], int(p.state.groups - 1),
            {k: int(i) for k, i in groupindex.items()}, tuple(indexgroup))


def save() -> int:
    """Add the patterns this process compiled to the file :func:`load` read; how many."""
    sre, path = _engine(), _state["path"]
    if sre is None or path is None:
        return 0
    new = {}
    for key, compiled in list(re._cache.items()):
        try:
            kind, pattern, flags = key
        except (TypeError, ValueError):
            continue
        if kind not in (str, bytes) or (pattern, flags) in _state["loaded"] \
                or flags & re.DEBUG or not isinstance(compiled, re.Pattern):
            continue
        try:
            args = _compile_args(pattern, flags)
            if sre.compile(*args) != compiled:
                continue  # not built as this module builds it: never kept
        except Exception:  # noqa: BLE001 - a pattern this module cannot rebuild is not kept
            continue
        new[(pattern, flags)] = args
    if not new:
        return 0
    entries = _state["entries"]
    if len(entries) + len(new) > MAX_PATTERNS:
        entries = {k: v for k, v in entries.items() if (type(k[0]), *k) in re._cache}
    entries.update(new)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        body = marshal.dumps({"tag": _tag(), "patterns": entries})
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            f.write(zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return 0
    _state["loaded"].update(new)
    _state["entries"] = entries
    return len(new)
