"""Regular expressions compiled when first used (issue 13): a module's patterns written as
``lazy(r"...")`` cost nothing when it is imported, and a cold ``partykg ask`` compiles only the
ones its question needs (compiling the modules' patterns at import was a sixth of its start).

A :class:`LazyPattern` answers the calls of :class:`re.Pattern` that partykg makes, each by the
compiled pattern, which is compiled once, on the first call, by :func:`re.compile`.
"""

from __future__ import annotations

import re


class LazyPattern:
    """``re.compile(pattern, flags)``, made on first use."""

    __slots__ = ("pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags
        self._compiled = None

    def compiled(self) -> re.Pattern:
        c = self._compiled
        if c is None:
            c = self._compiled = re.compile(self.pattern, self._flags)
        return c

    def search(self, *args):
        return self.compiled().search(*args)

    def match(self, *args):
        return self.compiled().match(*args)

    def fullmatch(self, *args):
        return self.compiled().fullmatch(*args)

    def finditer(self, *args):
        return self.compiled().finditer(*args)

    def findall(self, *args):
        return self.compiled().findall(*args)

    def sub(self, *args):
        return self.compiled().sub(*args)

    def split(self, *args):
        return self.compiled().split(*args)

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groupindex(self):
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
