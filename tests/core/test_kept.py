"""Kept values: built once per process, or restored from the engine cache without building."""

from __future__ import annotations

import itertools

import pytest

from bot.core import kept as kept_module
from bot.core.kept import Kept, kept, kept_values, restore


@pytest.fixture(autouse=True)
def _own_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test defines its kept functions in a registry of its own (the real ones stay put)."""
    monkeypatch.setattr(kept_module, "_KEPT", {})
    monkeypatch.setattr(kept_module, "_RESTORED", {})


def _counting(start: int = 0) -> tuple[Kept[int], list[int]]:
    """A kept function returning 1, 2, 3… on each build, and the list of builds so far."""
    builds: list[int] = []
    counter = itertools.count(start + 1)

    def value() -> int:
        builds.append(next(counter))
        return builds[-1]

    return kept(value), builds


def test_a_kept_function_builds_once_and_again_after_cache_clear() -> None:
    value, builds = _counting()
    assert (value(), value()) == (1, 1) and builds == [1]
    value.cache_clear()
    assert value() == 2 and builds == [1, 2]


@pytest.mark.parametrize(
    ("restore_before_definition", "called_first", "expected", "builds"),
    [
        (True, False, 41, []),  # the module imports after the cache is read: no build
        (False, False, 41, []),  # defined, not yet called: the stored value is taken
        (False, True, 1, [1]),  # already built in this process: that value stays
    ],
)
def test_a_restored_value_is_used_unless_one_was_already_built(
    restore_before_definition: bool, called_first: bool, expected: int, builds: list[int]
) -> None:
    name = f"{__name__}._counting.<locals>.value"
    if restore_before_definition:
        restore({name: 41})
    value, made = _counting()
    if called_first:
        value()
    if not restore_before_definition:
        restore({name: 41})
    assert value() == expected and made == builds


def test_kept_values_builds_every_kept_value_by_name() -> None:
    value, builds = _counting(9)
    assert kept_values() == {value.name: 10} and builds == [10]
    assert value.name.endswith("_counting.<locals>.value")


def test_a_value_for_no_kept_function_is_held_for_its_definition_and_never_stored_again() -> None:
    restore({"nowhere.defined": 5})
    assert kept_module._RESTORED == {"nowhere.defined": 5}
    assert kept_values() == {}
