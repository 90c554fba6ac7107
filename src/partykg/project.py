"""What a partykg project is: a folder holding ``ontology/`` and ``graph/``.

The checks are written with :mod:`os.path` (``check_root_str``, ``find_root_str``): a cold
``partykg ask`` does not import :mod:`pathlib` (with urllib.parse and ipaddress, a tenth of its
start). :func:`check_root` and :func:`find_root` give the same folder as a :class:`~pathlib.Path`.
"""

from __future__ import annotations

import os

from partykg.errors import PartykgError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

# ontology files loaded as data (the SHACL shapes are not: validation loads them itself)
ONTOLOGY_DATA_FILES = ("partykg.ttl", "evidenced.ttl", "doctypes.ttl", "statuses.ttl")

# the errors pathlib's exists() and is_dir() read as "no" (ENOENT, ENOTDIR, EBADF, ELOOP)
_IGNORED = (2, 20, 9, 40)
DIR, FILE = 0o040000, 0o100000  # S_IFDIR, S_IFREG


class NotAProject(PartykgError):
    """A --root (or $PARTYKG_ROOT) that is not a partykg project."""


def path_text(text: str) -> str:
    """``str(Path(text))`` on POSIX, without importing pathlib: empty and ``.`` parts dropped,
    one leading ``/`` kept (two when there are exactly two), ``.`` for nothing."""
    if text.startswith("/"):
        head = "//" if text.startswith("//") and not text.startswith("///") else "/"
    else:
        head = ""
    parts = [p for p in text.split("/") if p and p != "."]
    return head + "/".join(parts) if head or parts else "."


def is_a(path: str, kind: int | None = None) -> bool:
    """``Path(path).exists()`` (``kind`` :data:`DIR`: ``.is_dir()``, :data:`FILE`:
    ``.is_file()``), as pathlib answers it: the errors it passes over are False, any other is
    raised."""
    try:
        st = os.stat(path)
    except OSError as e:
        if e.errno not in _IGNORED:
            raise
        return False
    except ValueError:
        return False
    return kind is None or st.st_mode & 0o170000 == kind


def is_project(path: Path | str) -> bool:
    path = os.fspath(path)
    return is_a(os.path.join(path, "ontology"), DIR) and is_a(os.path.join(path, "graph"), DIR)


def check_root_str(root: Path | str, where: str = "--root",
                   need: tuple[str, ...] = ("ontology", "graph")) -> str:
    """``root`` resolved (a str), or :class:`NotAProject`: a mistyped root must never read as an
    empty graph (and then replace good exports and stores with empty ones). The command checks
    for both folders; the library's loaders (which tests call on bare folders) for ``graph/``."""
    path = path_text(os.fspath(root))  # "" is "." for pathlib
    if not is_a(path):
        from pathlib import Path

        raise NotAProject(f"{where} {Path(root)}: no such folder")
    if not all(is_a(os.path.join(path, name), DIR) for name in need):
        from pathlib import Path

        raise NotAProject(f"{where} {Path(root)}: not a partykg project (it needs ontology/ and "
                          "graph/ folders)")
    return os.path.realpath(path)  # what Path(root).resolve() gives


def check_root(root: Path | str, where: str = "--root",
               need: tuple[str, ...] = ("ontology", "graph")) -> Path:
    """:func:`check_root_str` as a :class:`~pathlib.Path`."""
    from pathlib import Path

    return Path(check_root_str(root, where, need))


def find_root_str(start: Path | str | None = None) -> str:
    """The project folder: $PARTYKG_ROOT, else the checkout this package lives in, else a
    parent of the working directory holding ontology/ and graph/."""
    env = os.environ.get("PARTYKG_ROOT")
    if env:
        return check_root_str(env, "PARTYKG_ROOT")
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    if is_project(here):
        return here
    d = os.path.realpath(os.fspath(start) if start is not None else os.getcwd())
    while True:
        if is_project(d):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    from pathlib import Path

    from partykg.graph.dataset import GraphFileError

    raise GraphFileError(Path(start) if start is not None else Path.cwd(),
                         "no partykg project found (a folder with ontology/ and graph/); "
                         "set PARTYKG_ROOT or pass --root")


def find_root(start: Path | None = None) -> Path:
    """:func:`find_root_str` as a :class:`~pathlib.Path`."""
    from pathlib import Path

    return Path(find_root_str(start))
