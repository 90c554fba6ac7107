"""Regular expressions compiled when first used (issue 13): a module's patterns written as
``lazy(r"...")`` cost nothing when it is imported, and a cold ``partykg ask`` compiles only the
ones its question needs (compiling the modules' patterns at import was a sixth of its start).

A :class:`LazyPattern` answers the calls of :class:`re.Pattern` that partykg makes, each by the
compiled pattern, which is compiled once, on the first call, by :func:`re.compile`. With
``needs``, strings one of which every match holds (a test checks them against the pattern with
:func:`partykg.ask.cuefilter.literals`), a text holding none of them is answered "no match"
without compiling the pattern.
"""

from __future__ import annotations

import re


class LazyPattern:
    """``re.compile(pattern, flags)``, made on first use."""

    __slots__ = ("pattern", "needs", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, needs: tuple[str, ...] = ()):
        self.pattern = pattern
        self.needs = needs
        self._flags = flags
        self._compiled = None

    def _cannot(self, text: str) -> bool:
        """Whether ``text`` holds none of :attr:`needs` (then nothing in it matches)."""
        return bool(self.needs) and not any(s in text for s in self.needs)

    def compiled(self) -> re.Pattern:
        c = self._compiled
        if c is None:
            c = self._compiled = re.compile(self.pattern, self._flags)
        return c

    def search(self, text, *args, **kwargs):
        return None if self._cannot(text) else self.compiled().search(text, *args, **kwargs)

    def match(self, text, *args, **kwargs):
        return None if self._cannot(text) else self.compiled().match(text, *args, **kwargs)

    def fullmatch(self, text, *args, **kwargs):
        return None if self._cannot(text) else self.compiled().fullmatch(text, *args, **kwargs)

    def finditer(self, text, *args, **kwargs):
        return iter(()) if self._cannot(text) else self.compiled().finditer(text, *args, **kwargs)

    def findall(self, text, *args, **kwargs):
        return [] if self._cannot(text) else self.compiled().findall(text, *args, **kwargs)

    def sub(self, repl, text, *args, **kwargs):
        return text if self._cannot(text) else self.compiled().sub(repl, text, *args, **kwargs)

    def split(self, text, *args, **kwargs):
        return [text] if self._cannot(text) else self.compiled().split(text, *args, **kwargs)

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groupindex(self):
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0, needs: tuple[str, ...] = ()) -> LazyPattern:
    return LazyPattern(pattern, flags, needs)
