"""What a partykg project is: a folder holding ``ontology/`` and ``graph/``."""

from __future__ import annotations

import os
from pathlib import Path

from partykg.errors import PartykgError

# ontology files loaded as data (the SHACL shapes are not: validation loads them itself)
ONTOLOGY_DATA_FILES = ("partykg.ttl", "evidenced.ttl", "doctypes.ttl", "statuses.ttl")


class NotAProject(PartykgError):
    """A --root (or $PARTYKG_ROOT) that is not a partykg project."""


def is_project(path: Path) -> bool:
    return (path / "ontology").is_dir() and (path / "graph").is_dir()


def check_root(root: Path | str, where: str = "--root", need: tuple[str, ...] = ("ontology", "graph")) -> Path:
    """``root`` resolved, or :class:`NotAProject`: a mistyped root must never read as an empty
    graph (and then replace good exports and stores with empty ones). The command checks for
    both folders; the library's loaders (which tests call on bare folders) for ``graph/``."""
    path = Path(root)
    if not path.exists():
        raise NotAProject(f"{where} {path}: no such folder")
    if not all((path / name).is_dir() for name in need):
        raise NotAProject(f"{where} {path}: not a partykg project (it needs ontology/ and graph/ "
                          "folders)")
    return path.resolve()


def find_root(start: Path | None = None) -> Path:
    """The project folder: $PARTYKG_ROOT, else the checkout this package lives in, else a
    parent of the working directory holding ontology/ and graph/."""
    env = os.environ.get("PARTYKG_ROOT")
    if env:
        return check_root(env, "PARTYKG_ROOT")
    here = Path(__file__).resolve().parents[2]
    if (here / "ontology").is_dir() and (here / "graph").is_dir():
        return here
    for d in [(start or Path.cwd()).resolve(), *(start or Path.cwd()).resolve().parents]:
        if (d / "ontology").is_dir() and (d / "graph").is_dir():
            return d
    from partykg.graph.dataset import GraphFileError

    raise GraphFileError(start or Path.cwd(),
                         "no partykg project found (a folder with ontology/ and graph/); "
                         "set PARTYKG_ROOT or pass --root")
