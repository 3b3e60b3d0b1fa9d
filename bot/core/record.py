"""A cheap base for small immutable value classes, created at import time.

A frozen, slotted ``@dataclass`` costs ~0.7 ms to create (it compiles several methods), and
``perezbot ask`` imports more than a dozen of them. A subclass of :class:`Frozen` lists its fields in
``__slots__`` and sets them in a hand-written ``__init__`` with ``object.__setattr__``; the base gives
what the dataclasses gave: equality and hashing over the compared fields, a ``repr``, refusal to be
changed (:class:`FrozenInstanceError`), and pickling (the index cache pickles facts).
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class FrozenInstanceError(AttributeError):
    """An attempt to change a :class:`Frozen` value (as ``dataclasses.FrozenInstanceError``, which
    is not imported: the ``dataclasses`` module pulls in ``inspect``, ~10 ms of a cold start)."""


class Frozen:
    """Fields are ``_fields`` (also the ``__slots__``); those in ``_compare`` (default all) decide ``==``, ``hash``."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()  # in order (the slots of each subclass)
    _compare: ClassVar[tuple[str, ...] | None] = None

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compare or self._fields)

    def __eq__(self, other: object) -> bool:
        """Field by field, as tuples compare, stopping at the first that differs: the matcher
        finds a fact's place among the facts (``tuple.index``) a dozen times a question, and a
        fact's first field, its id, tells it from the others."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        for name in self._compare or self._fields:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is not theirs and mine != theirs:
                return False
        return True

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({inner})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` (what ``dataclasses.replace`` did: built through ``__init__``)."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), tuple(getattr(self, name) for name in self._fields)))


def _rebuild(cls: type[Frozen], values: tuple[Any, ...]) -> Frozen:
    """Unpickle without calling ``__init__`` (whose defaults may differ from what was stored)."""
    obj = object.__new__(cls)
    for name, value in zip(cls._fields, values, strict=True):
        object.__setattr__(obj, name, value)
    return obj
