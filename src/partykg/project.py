"""What a partykg project is: a folder holding ``ontology/`` and ``graph/``."""

from __future__ import annotations

from pathlib import Path

from partykg.errors import PartykgError


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
