"""Reading and writing files safely.

Writing: never a half-written file, the usual permissions, through a symlink to its target, and
never over something that is not a regular file (a device such as ``/dev/null``, a fifo, a
folder): :func:`write_atomic`, and :class:`AtomicFiles` for several files that must change
together. Reading: never more than a limit, however endless the input (``/dev/zero``) or however
its size is reported (a device's size is 0): :func:`read_bounded`.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from partykg.errors import PartykgError


class UnsafeTarget(PartykgError):
    """A file to write that exists and is not a regular file."""


class InputTooLarge(PartykgError):
    """An input larger than its limit."""


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a fifo"),
          (stat.S_ISSOCK, "a socket"))


def _os_message(path: Path | str, e: OSError, verb: str = "cannot write") -> str:
    if e.errno == errno.ENOSPC:
        return f"{path}: {verb}: the disk is full (no space left on device)"
    if e.errno == errno.EROFS:
        return f"{path}: {verb}: the file system is read-only"
    return f"{path}: {verb}: {e.strerror or e}"


def write_target(path: Path | str) -> Path:
    """The file a write to ``path`` must replace: ``path`` itself, or the file a symlink (or a
    chain of them) points to. Refuses (:class:`UnsafeTarget`) a target that exists and is not a
    regular file."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as e:
        raise PartykgError(_os_message(path, e)) from e
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        shown = f"{path} (-> {target})" if target != path else str(path)
        raise UnsafeTarget(f"{shown} is {kind}, not a regular file: not writing over it "
                           "(choose a file name)")
    return target


def _temp_next_to(target: Path) -> tuple[int, Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    try:  # the mode the file has, else the one a plain open() would give it, not mkstemp's 0600
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.fchmod(fd, mode)
    return fd, Path(tmp)


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` (text is UTF-8) to ``path`` through a temporary file in the same folder and
    a rename, so that a failure leaves the old file (or none) in place. A symlink is written
    through (its target is replaced, the link stays); a target that is not a regular file is
    refused. Returns ``path``."""
    path = Path(path)
    target = write_target(path)
    try:
        fd, tmp = _temp_next_to(target)
    except OSError as e:
        raise PartykgError(_os_message(path, e)) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, target)
    except BaseException as e:
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise PartykgError(_os_message(path, e)) from e
        raise
    return path


class AtomicFiles:
    """Several files written all or nothing: each is written to a temporary file next to it
    (``write``), and only when every one is complete are they renamed into place (on leaving the
    ``with`` block without an error). An error or Ctrl-C removes the temporary files and leaves
    the old files as they were::

        with AtomicFiles() as files:
            for name in names:
                files.write(out / name, lambda tmp: serialize(..., tmp))
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path, Path]] = []  # (as named, target, temporary)

    def write(self, path: Path | str, writer: Callable[[Path], None]) -> None:
        """Call ``writer(tmp)`` to write the future content of ``path`` into ``tmp``."""
        path = Path(path)
        target = write_target(path)
        try:
            fd, tmp = _temp_next_to(target)
            os.close(fd)
        except OSError as e:
            raise PartykgError(_os_message(path, e)) from e
        self._pending.append((path, target, tmp))
        try:
            writer(tmp)
        except OSError as e:
            raise PartykgError(_os_message(path, e)) from e

    def __enter__(self) -> "AtomicFiles":
        return self

    def __exit__(self, kind, value, tb) -> bool:
        try:
            if kind is None:
                for path, target, tmp in self._pending:
                    try:
                        os.replace(tmp, target)
                    except OSError as e:
                        raise PartykgError(_os_message(path, e)) from e
        finally:
            for _, _, tmp in self._pending:
                tmp.unlink(missing_ok=True)
        return False


def read_bounded(path: Path | str, limit: int, what: str = "the input",
                 error: type[PartykgError] = InputTooLarge) -> bytes:
    """The bytes of ``path``, refusing (``error``, by default :class:`InputTooLarge`) more than
    ``limit`` bytes. The read itself is bounded (a device or a pipe reports no size and may never
    end); a regular file whose size is over the limit is refused without reading it.
    OSError is left to the caller."""
    size = f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
    with open(path, "rb", buffering=0) as f:
        st = os.fstat(f.fileno())
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if stat.S_ISREG(st.st_mode) and st.st_size > limit:
            raise error(f"{path}: {st.st_size / 1e6:.1f} MB is too large for {what} (the limit "
                        f"is {size})")
        chunks, total = [], 0
        while total <= limit:
            chunk = f.read(min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    if total > limit:
        raise error(f"{path}: too large for {what} (the limit is {size}; the read stopped there)")
    return b"".join(chunks)
