"""The project's graph files kept as an on-disk store in the user's cache folder, so that a cold
``partykg ask`` opens a store in milliseconds instead of parsing every file (issue 13).

Never stale: a cached store is used only when its **signature** is, character for character, the
one computed now from

- every graph file (the list :func:`partykg.graph.dataset.graph_files` gives, each with its
  size, modification and change times in nanoseconds, inode and device): editing, adding,
  removing or renaming a file, or copying another over it, changes it; the change time cannot be
  set back by any tool;
- the code that decides what the store holds (the loader, the keys, the vocabulary, this module)
  and the versions of partykg and pyoxigraph.

File times are coarse on some file systems (a change within the same tick can keep them), so
nothing is cached while a file changed less than :data:`QUIET_SECONDS` ago: the files are loaded
as always.

Written atomically: the store and its signature are written in a new hidden folder and published
by one rename (:func:`os.rename` of a folder), so no reader ever sees half a cache; a concurrent
writer that published first wins. The signature file itself is written with
:func:`partykg.files.write_atomic`. Nothing is written outside the cache folder:
``$PARTYKG_CACHE_DIR`` when set (set and empty: no cache), else ``$XDG_CACHE_HOME/partykg``, else
``~/.cache/partykg``. Any failure to read or write the cache (a read-only home, a full disk) falls
back to loading the files.

Beside the store, ``memo`` keeps the results of the library queries without parameters
(:mod:`partykg.store.memo`): it belongs to the signature's folder, so it goes with the store.
So does ``memo.table`` (:mod:`partykg.store.table`), written with the store from the store just
written: the code that makes it (and the memo's key it names) is part of the signature, so a
new version of it writes a new store and its table.
"""

from __future__ import annotations

import os
import time

import pyoxigraph as ox

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
# a cached store is opened with os.path (str paths): a cold `partykg ask` imports no pathlib;
# writing one (the first run) uses pathlib

QUIET_SECONDS = 2.0  # a graph file changed more recently than this: do not cache
KEEP_SECONDS = 600.0  # an older store of the same project is removed once this old
_SIGNATURE = "signature"
_REPORT = "report.json"
_STORE = "store"
_MEMO = "memo"  # partykg.store.memo, written by the commands that use it


def cache_dir() -> str | None:
    """The user's cache folder for partykg, or None when caching is off."""
    env = os.environ.get("PARTYKG_CACHE_DIR")
    if env is not None:
        return env or None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "partykg")
    home = os.path.expanduser("~")
    if home.startswith("~"):  # no home folder (where Path.home() raises)
        return None
    return os.path.join(home, ".cache", "partykg")


def _crc(text: str) -> str:
    import zlib

    return f"{zlib.crc32(text.encode('utf-8', 'surrogatepass')):08x}"


def project_folder(root: Path | str, base: Path | str) -> Path:
    """The folder of ``root``'s cached stores (one per signature) in the cache folder ``base``."""
    from pathlib import Path

    return Path(_project_folder(str(Path(root)), os.fspath(base)))


def _project_folder(root: str, base: str) -> str:
    """:func:`project_folder` of a resolved ``root`` (as str)."""
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in os.path.basename(root))[:40]
    return os.path.join(base, "stores", f"{name or 'root'}-{_crc(root)}")


# the modules whose code decides what the store holds (see the module's docstring), by file,
# and what its memo's table holds (partykg.store.table: written with the store, never after)
_CODE = ("partykg.graph.dataset", "partykg.model.ids", "partykg.model.vocab",
         "partykg.store.embedded", __name__, "partykg.store.table", "partykg.store.memo",
         "partykg.store.reads", "partykg.store.queries", "partykg.store.sparql")


def _ignorable(e: OSError) -> bool:
    """An error pathlib's glob and is_file pass over (a file gone, a symlink loop...)."""
    return e.errno in (2, 20, 9, 40)  # ENOENT, ENOTDIR, EBADF, ELOOP


def graph_file_names(root: str) -> list[str]:
    """The files :func:`partykg.graph.dataset.graph_files` lists (the same files, in the same
    order), as paths relative to ``root`` written with ``/``: found with :func:`os.scandir`
    instead of pathlib's glob, some ten times faster (a test checks both list the same files)."""
    return [rel for rel, _ in _graph_files_stat(root)]


def _stat_file(path: str, entry=None):
    """The stat of ``path`` if ``Path(path).is_file()`` (a regular file, following symlinks),
    else None."""
    try:
        st = entry.stat() if entry is not None else os.stat(path)
    except OSError as e:
        if not _ignorable(e):
            raise
        return None
    except ValueError:
        return None
    return st if st.st_mode & 0o170000 == 0o100000 else None  # S_ISREG


def _graph_files_stat(root: str) -> list[tuple[str, os.stat_result]]:
    """:func:`graph_file_names`, each with its stat."""
    from partykg.project import ONTOLOGY_DATA_FILES

    out = []
    for name in ONTOLOGY_DATA_FILES:
        st = _stat_file(os.path.join(root, "ontology", name))
        if st is not None:
            out.append((f"ontology/{name}", st))
    gdir = os.path.join(root, "graph")
    if not os.path.isdir(gdir):
        return out
    found: list[tuple[tuple[str, ...], os.stat_result]] = []

    def walk(path: str, parts: tuple[str, ...]) -> None:
        # as Path.rglob("*"): every entry of every folder reached without following a symlink
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except PermissionError:
            return
        folders = []
        for entry in entries:
            name = entry.name
            dot = name.rfind(".")
            if 0 < dot < len(name) - 1 and name[dot:] in (".trig", ".ttl"):
                st = _stat_file(entry.path, entry)
                if st is not None:
                    found.append((parts + (name,), st))
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry)
            except OSError as e:
                if not _ignorable(e):
                    raise
        for entry in folders:
            walk(entry.path, parts + (entry.name,))

    walk(gdir, ("graph",))
    found.sort(key=lambda f: f[0])  # pathlib orders paths by their parts
    return out + [("/".join(parts), st) for parts, st in found]


def signature(root: Path, now: float | None = None) -> str | None:
    """The text naming everything the store of ``root`` is built from (see the module's
    docstring), or None when a graph file changed less than :data:`QUIET_SECONDS` ago."""
    from partykg import __version__

    quiet = int(((time.time() if now is None else now) - QUIET_SECONDS) * 1e9)
    lines = [f"partykg {__version__}", f"pyoxigraph {ox.__version__}", f"root {root}"]
    package = os.path.dirname(os.path.dirname(__file__))
    for name in _CODE:
        st = os.stat(os.path.join(package, *name.split(".")[1:]) + ".py")
        lines.append(f"code {name} {st.st_size} {st.st_mtime_ns}")
    for rel, st in _graph_files_stat(str(root)):
        if st.st_mtime_ns > quiet or st.st_ctime_ns > quiet:
            return None
        lines.append(f"file {rel!r} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} "
                     f"{st.st_ino} {st.st_dev}")
    return "\n".join(lines) + "\n"


class _CachedReport:
    """The load report of a cached store (files, graph_files, quads), read when first used."""

    def __init__(self, folder: str, root: Path | str):
        self._folder = folder
        self._root = root
        self._data: dict | None = None

    def _get(self, name: str):
        if self._data is None:
            import json

            with open(os.path.join(self._folder, _REPORT), encoding="utf-8") as f:
                self._data = json.loads(f.read())
        value = self._data[name]
        if name == "files":
            from pathlib import Path

            return [Path(self._root) / f for f in value]
        return value

    files = property(lambda self: self._get("files"))
    graph_files = property(lambda self: self._get("graph_files"))
    quads = property(lambda self: self._get("quads"))


def _open(folder: str, sig: str, root: Path | str):
    """The cached store in ``folder`` if its signature is ``sig``, else None. Its ``root`` and
    ``location`` are str."""
    from partykg.store.embedded import LazyKnowledgeGraph
    from partykg.store.memo import Memo

    root, location = os.fspath(root), os.path.join(folder, _STORE)
    try:
        with open(os.path.join(folder, _SIGNATURE), encoding="utf-8") as f:
            if f.read() != sig:
                return None
    except (OSError, ValueError):
        return None
    if not os.path.isdir(location):
        return None

    def opener() -> ox.Store:
        """The store, opened when a query first needs it (most cold questions are answered
        from the memo); one that cannot be opened is the graph loaded from the files, as
        :func:`load` gives when there is no cache."""
        try:
            return ox.Store.read_only(location)
        except (OSError, RuntimeError, ValueError):
            from partykg.store.embedded import KnowledgeGraph

            return KnowledgeGraph.load(root).store

    kg = LazyKnowledgeGraph(opener, root, _CachedReport(folder, root), location)
    # the results of its queries without parameters
    kg.memo = Memo(os.path.join(folder, _MEMO), sig)
    return kg


def _write(kg, folder: Path | str, sig: str) -> bool:
    """Write ``kg`` (loaded from the files) as the cached store ``folder``: in a new hidden
    folder next to it, published by one rename. False when another process published first."""
    import json
    import shutil
    import tempfile
    from pathlib import Path

    from partykg.files import write_atomic

    folder = Path(folder)

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".partial", dir=folder.parent))
    try:
        disk = ox.Store(str(tmp / _STORE))
        disk.bulk_extend(kg.store)
        disk.flush()
        disk.optimize()
        _write_table(disk, kg, str(tmp), sig)
        del disk
        root = kg.root
        report = {"files": [p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)
                            for p in kg.report.files],
                  "graph_files": kg.report.graph_files, "quads": kg.report.quads}
        write_atomic(tmp / _REPORT, json.dumps(report, ensure_ascii=False))
        write_atomic(tmp / _SIGNATURE, sig)  # last: a folder without it is never used
        try:
            os.rename(tmp, folder)
        except OSError:  # published by another process meanwhile (or a foreign folder there)
            return False
        return True
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _write_table(disk: ox.Store, kg, tmp: str, sig: str) -> None:
    """The table of the results of the library queries for every value of their parameter
    (:mod:`partykg.store.table`), read from the store just written, beside its memo."""
    from partykg.store import table
    from partykg.store.embedded import KnowledgeGraph
    from partykg.store.memo import Memo

    if kg.report.quads > table.MAX_QUADS:
        return
    graph = KnowledgeGraph(disk, kg.root, kg.report)
    texts, unbound = table.library_texts(kg.root)
    table.write(os.path.join(tmp, _MEMO + ".table"), Memo(None, sig).key,
                table.build(graph, texts, unbound, same=kg))


def _clean(folder: Path | str) -> None:
    """Remove the other stores of the project (older signatures) and leftovers of interrupted
    writes, once :data:`KEEP_SECONDS` old: no command still reads them."""
    import shutil
    from pathlib import Path

    folder = Path(folder)

    old = time.time() - KEEP_SECONDS
    for entry in folder.parent.iterdir():
        if entry == folder or not entry.is_dir() or entry.is_symlink():
            continue
        ours = (entry / _SIGNATURE).is_file() or (entry.name.startswith(".")
                                                  and entry.name.endswith(".partial"))
        try:
            if ours and entry.stat().st_mtime < old:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            pass


def load(root: Path | None = None, progress=None):
    """The project's graph: from the cache when its store is there and current, else loaded from
    the files (then written to the cache, and answered from the written store so that the same
    question gets the same answer whether the cache was there or not)."""
    from partykg.project import check_root_str, find_root_str
    from partykg.store.embedded import KnowledgeGraph

    root = check_root_str(root, "root", ("graph",)) if root else find_root_str()
    base = cache_dir()
    sig = folder = None
    if base is not None:
        try:
            sig = signature(root)
        except OSError:
            sig = None
        if sig is not None:
            folder = os.path.join(_project_folder(root, base), _crc(sig))
            kg = _open(folder, sig, root)
            if kg is not None:
                if progress:
                    progress(f"opened the cached store {kg.location}")
                return kg
    kg = KnowledgeGraph.load(root, progress=progress)  # (its root a Path)
    if folder is None:
        return kg
    from partykg.errors import PartykgError

    try:
        _write(kg, folder, sig)
        _clean(folder)
    except (OSError, RuntimeError, PartykgError) as e:
        if progress:
            progress(f"the cache was not written ({e})")
        return kg
    if signature(root) != sig:  # a file changed while it was loaded: that store is not used
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        return kg
    return _open(folder, sig, root) or kg
