"""The folder of an on-disk store: what is ours to replace, and one writer at a time.

``partykg build --store DIR`` replaces DIR as a whole, so it must only ever delete what it made:

- a store it writes carries a mark (:data:`MARK`, a small file next to the engine's files);
  DIR is replaced only when it is empty, or marked and holding nothing but the store's own
  files, or (stores written before the mark) holding nothing but the engine's files. A folder
  with anything else in it (a stray ``CURRENT`` beside the user's ``thesis.txt``) is refused;
- the new store is written in a hidden temporary folder of its own next to DIR
  (``.DIR.XXXX.partial``, marked as soon as it is made) and the old one moved aside to another
  (``.DIR.XXXX.old``): the user's own ``DIR.partial`` or ``DIR.old`` are never touched, and only
  marked leftovers of an interrupted build are cleaned up;
- a lock (``.DIR.lock``, holding the writer's process id) makes a second build of the same store
  stop at once with a clear message instead of failing inside the engine.
"""

from __future__ import annotations

import os
import re

from partykg.errors import PartykgError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

# pathlib, shutil, tempfile, fcntl and errno are imported by the functions that write a store:
# opening one (every `partykg ask --store DIR`) needs none of them

MARK = "PARTYKG_STORE"
_MARK_TEXT = "This folder is a partykg store, written by 'partykg build --store'.\n"
# the files the engine (RocksDB, as Oxigraph runs it) keeps in a store's folder
# (compiled when first used, by re's cache: opening a store does not)
_ENGINE_FILE = (r"^(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+"
                r"|\d+\.(sst|log|blob)|.*\.dbtmp)$")


class StoreFolderError(PartykgError):
    """A store folder that is not ours to replace, or is being written by another build."""


def is_marked(path: Path | str) -> bool:
    from partykg.project import FILE, is_a

    return is_a(os.path.join(path, MARK), FILE)


def _has_sst(path: str) -> bool:
    """``any(Path(path).glob("*.sst"))``."""
    try:
        with os.scandir(path) as it:
            return any(e.name.endswith(".sst") for e in it)
    except PermissionError:
        return False


def looks_like_store(path: Path | str) -> bool:
    """A folder holding an engine's store (marked or not): enough to try opening it (with
    :mod:`os.path`: `partykg ask --store DIR` does not import pathlib)."""
    from partykg.project import DIR, FILE, is_a

    return is_a(path, DIR) and (is_marked(path) or is_a(os.path.join(path, "CURRENT"), FILE)
                                or _has_sst(os.fspath(path)))


def foreign_entries(path: Path) -> list[str]:
    """What in the folder ``path`` is not a store's own file (sorted names)."""
    return sorted(e.name for e in path.iterdir()
                  if not (e.name == MARK or (e.is_file() and re.match(_ENGINE_FILE, e.name))))


def check_replaceable(path: Path) -> None:
    """Refuse (StoreFolderError) unless ``path`` is absent, an empty folder, or a store with
    nothing of anyone else's in it."""
    if not path.exists() and not path.is_symlink():
        return
    if not path.is_dir():
        raise StoreFolderError(f"{path} exists and is not a folder: not replacing it with a "
                               "store (choose a new folder)")
    try:
        entries = list(path.iterdir())
    except OSError as e:
        raise StoreFolderError(f"{path}: cannot read the folder: {e.strerror or e}") from e
    if not entries:
        return
    foreign = foreign_entries(path)
    if foreign or not looks_like_store(path):
        shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
        raise StoreFolderError(f"{path} is not a partykg store (it holds {shown or 'other files'}):"
                               " not replacing it (choose a new folder, or empty this one)")


def make_temp(path: Path, kind: str) -> Path:
    """A new marked hidden folder next to ``path`` (``.NAME.XXXX.KIND``)."""
    import tempfile
    from pathlib import Path

    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=f".{kind}", dir=path.parent))
    (tmp / MARK).write_text(_MARK_TEXT, encoding="utf-8")
    return tmp


def mark(path: Path) -> None:
    (path / MARK).write_text(_MARK_TEXT, encoding="utf-8")


def remove_ours(path: Path) -> None:
    """Remove ``path`` if it is a folder we made (marked); leave anything else alone."""
    if path.is_dir() and not path.is_symlink() and is_marked(path):
        import shutil

        shutil.rmtree(path, ignore_errors=True)


def clean_leftovers(path: Path) -> None:
    """Remove the marked temporary folders an interrupted build of ``path`` left (call it with
    the lock held: no other build is using them)."""
    for kind in ("partial", "old"):
        for d in path.parent.glob(f".{glob_escape(path.name)}.*.{kind}"):
            remove_ours(d)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def replace(tmp: Path, path: Path) -> None:
    """Put the complete store ``tmp`` in place of ``path`` (checked by
    :func:`check_replaceable`)."""
    if path.exists():
        import shutil
        import tempfile
        from pathlib import Path

        old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
        os.rename(path, old)  # onto the empty folder just made: no one else's name is taken
        mark(old)
        tmp.rename(path)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(path)


class Lock:
    """An exclusive lock on writing the store ``path``, held in ``.NAME.lock`` next to it with
    the holder's process id; a second writer gets a :class:`StoreFolderError` at once."""

    def __init__(self, path: Path):
        self.path = path.parent / f".{path.name}.lock"
        self.store = path
        self.fd: int | None = None

    def __enter__(self) -> "Lock":
        import errno
        import fcntl

        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                holder = os.read(fd, 64).decode("ascii", "replace").strip()
                os.close(fd)
                if e.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                    raise
                who = f" (process {holder})" if holder.isdigit() else ""
                raise StoreFolderError(f"{self.store}: another partykg build is writing this "
                                       f"store{who}; wait for it to finish") from None
            try:  # the file may have been removed by the holder we waited for: lock it anew
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self.fd = fd
        return self

    def __exit__(self, *exc) -> bool:
        if self.fd is not None:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None
        return False
