"""Values built once per process that the engine cache also keeps (:func:`kept`).

The word tables and the core's string catalog are read from YAML, and the modules of the matcher
read the tables when they are imported. :mod:`bot.core.cache` stores every kept value ahead of a
built engine and restores them before unpickling it (so before those modules import): a cached
start neither reads the files again nor imports the YAML parser (a tenth of its cold start).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["Kept", "kept", "kept_values", "restore"]

T = TypeVar("T")
_UNSET: Any = object()
_KEPT: dict[str, Kept[Any]] = {}  # every kept function, by qualified name
_RESTORED: dict[str, Any] = {}  # values read from a cache file for kept functions not yet imported


class Kept(Generic[T]):
    """A function of no arguments whose value is built once per process (like ``functools.cache``)
    and stored in the engine cache beside the engine: a cached start restores it instead of
    building it. Only for values made from the cache key's inputs (``bot/core``'s code, data and
    strings), so a restored value is always the one a build would make."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self.__wrapped__ = build
        self.__doc__ = build.__doc__
        self.name = f"{build.__module__}.{build.__qualname__}"
        self._value: Any = _RESTORED.pop(self.name, _UNSET)
        _KEPT[self.name] = self

    def __call__(self) -> T:
        if self._value is _UNSET:
            self._value = self._build()
        value: T = self._value
        return value

    def cache_clear(self) -> None:
        """Forget the value: the next call builds it again."""
        self._value = _UNSET

    def _restore(self, value: Any) -> None:
        if self._value is _UNSET:
            self._value = value


def kept(build: Callable[[], T]) -> Kept[T]:
    """Decorator: ``build``'s value, built once per process or restored from the engine cache."""
    return Kept(build)


def kept_values() -> dict[str, Any]:
    """Every kept function's value (built now if need be), to store ahead of the engine."""
    return {name: function() for name, function in sorted(_KEPT.items())}


def restore(values: Mapping[str, Any]) -> None:
    """Give each kept function its stored value, now or when its module is imported."""
    for name, value in values.items():
        function = _KEPT.get(name)
        if function is None:
            _RESTORED[name] = value
        else:
            function._restore(value)
