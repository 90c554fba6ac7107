"""JSON data files of the package (``ask/cues.json``, ``ask/phrases.json``) read once and kept
parsed in the user's cache folder, so that a cold ``partykg ask`` neither imports :mod:`json`
nor parses them (issue 13).

Never stale: the kept copy is used only when its key, the file's real path, size, modification
and change times (nanoseconds) and inode, is the one read now; else the file is parsed with
:mod:`json` as always and the copy written again. The copy is :mod:`marshal` data (JSON's types
are marshal's, so the data is the same), written atomically with a CRC-32 of its content; a copy
that is damaged, or does not match, is ignored. With caching off (``PARTYKG_CACHE_DIR`` set and
empty) or a cache folder that cannot be written, the file is simply parsed.
"""

from __future__ import annotations

import marshal
import os
import zlib


def _key(path: str) -> str:
    st = os.stat(path)
    return f"{path!r} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"


def _kept(base: str, path: str) -> str:
    return os.path.join(base, "data", f"{os.path.basename(path)}-"
                        f"{zlib.crc32(path.encode('utf-8', 'surrogatepass')):08x}.marshal")


def read_checked(path: str):
    """The data kept in ``path`` by :func:`write_checked`, or None when the file is missing,
    damaged (its CRC-32 does not match) or cannot be read (plain data read with marshal)."""
    try:
        with open(path, "rb") as f:
            blob = f.read()
        if int.from_bytes(blob[:4], "big") != zlib.crc32(blob[4:]):
            return None
        return marshal.loads(blob[4:])
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write_checked(path: str, data) -> None:
    """Write the plain ``data`` to ``path`` with marshal and a CRC-32, atomically (a temporary
    file renamed over it); a failure (a read-only or full disk) is ignored."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        body = marshal.dumps(data)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "xb") as f:
            f.write(zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def load_json(path) -> object:
    """The parsed content of the JSON file ``path`` (see the module's docstring)."""
    from partykg.store.cache import cache_dir

    path = os.path.realpath(path)
    key = _key(path)
    base = cache_dir()
    kept = None if base is None else _kept(str(base), path)
    if kept is not None:
        data = read_checked(kept)
        if type(data) is tuple and len(data) == 2 and data[0] == key:
            return data[1]
    import json

    with open(path, encoding="utf-8") as f:
        value = json.load(f)
    if kept is not None:
        write_checked(kept, (key, value))
    return value
