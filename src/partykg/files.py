"""Writing files safely: never a half-written file, and the usual permissions."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from partykg.errors import PartykgError


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` (text is UTF-8) to ``path`` through a temporary file in the same folder and
    a rename, so that a failure leaves the old file (or none) in place. The file gets the mode a
    plain ``open()`` would give it (0666 less the umask), not mkstemp's 0600."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as e:
        raise PartykgError(f"{path}: cannot write: {e.strerror or e}") from e
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise PartykgError(f"{path}: cannot write: {e.strerror or e}") from e
        raise
    return path
