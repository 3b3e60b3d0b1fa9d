"""Patterns compiled on first use: they answer as ``re`` does, before and after compiling."""

from __future__ import annotations

import pickle
import re

import pytest

from bot.core.lazyre import LazyPattern, lazy

SOURCE, TEXT = r"(\d+)\s*km", "a 20 km walk, then 50km"


def test_nothing_is_compiled_until_a_method_is_asked_for() -> None:
    pattern = lazy(SOURCE)
    with pytest.raises(AttributeError):
        object.__getattribute__(pattern, "search")  # the slot is still empty
    assert pattern.search(TEXT) is not None
    assert object.__getattribute__(pattern, "search") == re.compile(SOURCE).search


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("search", (TEXT,)),
        ("match", (TEXT,)),
        ("fullmatch", ("20 km",)),
        ("sub", (r"<\1>", TEXT)),
        ("findall", (TEXT,)),
        ("split", (TEXT,)),
        ("search", (TEXT, 10)),  # positions pass through
    ],
)
def test_each_method_answers_as_the_compiled_pattern(method: str, args: tuple[object, ...]) -> None:
    compiled = re.compile(SOURCE, re.IGNORECASE)

    def plain(found: object) -> object:
        return found.group(0) if isinstance(found, re.Match) else found

    assert plain(getattr(lazy(SOURCE, re.IGNORECASE), method)(*args)) == plain(getattr(compiled, method)(*args))
    assert [m.span() for m in lazy(SOURCE).finditer(TEXT)] == [m.span() for m in re.finditer(SOURCE, TEXT)]


def test_an_unknown_attribute_is_still_an_error() -> None:
    with pytest.raises(AttributeError):
        lazy(SOURCE).no_such_method  # noqa: B018


def test_a_pattern_pickles_as_its_source_before_and_after_use() -> None:
    pattern = lazy(SOURCE, re.IGNORECASE)
    for _ in range(2):
        copy = pickle.loads(pickle.dumps(pattern))
        assert isinstance(copy, LazyPattern) and copy.pattern == SOURCE
        assert copy.findall("20 KM") == ["20"]
        pattern.search(TEXT)  # the second round pickles a compiled one
