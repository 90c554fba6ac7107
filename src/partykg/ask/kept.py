"""The tables `partykg ask` reads questions with, derived from the graph and ``cues.json`` (the
type words with their plurals, the code abbreviations, the status words, the kinds of entity,
the posts' role words, names folded one by one: a fifth of reading a question on a cold start), kept
per graph beside its memo (:mod:`partykg.store.memo`) so that a cold ``partykg ask`` reads them
instead of making them again (issue 13).

Never stale: the tables are used only when their **key** matches, character for character: the
memo's key (the graph and the versions), the size, modification and change times and inode of
``cues.json``, of the library queries they are made from and of the code that makes them (this
module, ``lexicon.py``, ``resolve.py``, ``model/ids.py``). Written atomically beside the memo
(a temporary file renamed over it) with a CRC-32 of its content, plain data (dicts, sets, strings)
read with :mod:`marshal`; a file that is damaged, does not match or holds anything else is
ignored. Nothing is kept for a graph without a memo (caching off).
"""

from __future__ import annotations

import os

# table name -> the type its value must have (anything else in a file: the file is ignored)
TABLES = {"type_words": dict, "type_notations": dict, "status_words": dict, "kinds": dict,
          "post_roles": dict}
QUERIES = ("document-types", "status-names", "kinds", "post-roles")  # what they are made from
_HERE = os.path.dirname(os.path.abspath(__file__))
_CODE = (os.path.join(_HERE, "kept.py"), os.path.join(_HERE, "lexicon.py"),
         os.path.join(_HERE, "resolve.py"), os.path.join(os.path.dirname(_HERE), "model", "ids.py"),
         os.path.join(_HERE, "cues.json"))


def _stat_line(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path!r} missing"
    return f"{path!r} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"


class Kept:
    """The kept tables of one graph (``path`` None: kept in this process only)."""

    def __init__(self, path: str | None, key: str):
        self.path = path
        self.key = key
        self.tables: dict = {}
        self._dirty = False
        if path is not None:
            self._read()

    def _read(self) -> None:
        from partykg.datacache import read_checked

        data = read_checked(self.path)
        try:
            if type(data) is not tuple or len(data) != 2 or data[0] != self.key \
                    or type(data[1]) is not dict:
                return
            tables = data[1]
            if all(name in TABLES and type(v) is TABLES[name] for name, v in tables.items()):
                self.tables = tables
        except (OSError, ValueError, EOFError, TypeError):
            return

    def get(self, name: str, make):
        """The table ``name``, kept or made now by ``make()`` (and kept)."""
        value = self.tables.get(name)
        if value is None:
            value = make()
            if type(value) is TABLES[name]:
                self.tables[name] = value
                self._dirty = True
        return value

    def save(self) -> None:
        """Write the tables when some were made (atomically; a failure is ignored)."""
        if self.path is None or not self._dirty:
            return
        self._dirty = False
        from partykg.datacache import write_checked

        write_checked(self.path, (self.key, self.tables))


def of(kg) -> Kept:
    """The kept tables of ``kg`` (made once per graph object)."""
    from partykg.ask.lexicon import _cache

    c = _cache(kg)
    kept = c.get("kept")
    if kept is None:
        memo = getattr(kg, "memo", None)
        path = getattr(memo, "path", None)
        key = getattr(memo, "key", None)
        if type(path) is not str or type(key) is not str:
            kept = Kept(None, "")
        else:
            from partykg.store.queries import _default_root

            root = os.fspath(getattr(kg, "root", None) or _default_root())
            lines = [key] + [_stat_line(p) for p in _CODE]
            lines += [_stat_line(os.path.join(root, "queries", f"{q}.rq")) for q in QUERIES]
            kept = Kept(path + ".tables", "\n".join(lines) + "\n")
        c["kept"] = kept
    return kept


def save(kg) -> None:
    """Write ``kg``'s kept tables when this process made some."""
    kept = getattr(kg, "_partykg_cache", {}).get("kept")
    if kept is not None:
        kept.save()
