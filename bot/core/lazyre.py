"""Regular expressions compiled on first use, not at import.

``perezbot ask`` imports every core module but most questions never reach most patterns (numbers,
contractions, follow-ups, fact-file validation, index building); compiling them all at import cost
several milliseconds of its cold start. :func:`lazy` is a drop-in for ``re.compile`` at module level.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["LazyPattern", "lazy"]


class LazyPattern:
    """The methods of ``re.Pattern`` the code uses, compiling the pattern the first time one is
    asked for. Compiling fills the slots with the compiled pattern's own methods, so from then
    on a call goes straight to ``re`` (a pattern is used a dozen times a question)."""

    _METHODS = ("search", "match", "fullmatch", "sub", "findall", "finditer", "split")
    __slots__ = ("_flags", "_source", *_METHODS)
    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    sub: Callable[..., str]
    findall: Callable[..., list[Any]]
    finditer: Callable[..., Iterator[re.Match[str]]]
    split: Callable[..., list[str | Any]]

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        """Called only for an empty slot: a method asked for before the pattern was compiled."""
        if name not in self._METHODS:
            raise AttributeError(name)
        compiled = self.compiled
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    @property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self._source, self._flags)  # re's own cache keeps it

    @property
    def pattern(self) -> str:
        return self._source

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self._source, self._flags))


def lazy(source: str, flags: int = 0) -> LazyPattern:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return LazyPattern(source, flags)
