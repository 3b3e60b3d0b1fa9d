"""The frozen value base: equality as the tuples of its fields compare, hashing, immutability, pickling."""

from __future__ import annotations

import pickle

import pytest

from bot.core.record import Frozen, FrozenInstanceError


class Pair(Frozen):
    _fields = ("left", "right")
    __slots__ = _fields
    left: object
    right: object

    def __init__(self, left: object, right: object) -> None:
        object.__setattr__(self, "left", left)
        object.__setattr__(self, "right", right)


class Named(Pair):
    _compare = ("left",)  # the right-hand field is no part of its identity
    __slots__ = ()


class Other(Pair):
    __slots__ = ()


NAN = float("nan")


@pytest.mark.parametrize(
    ("one", "two"),
    [
        (Pair(1, [2]), Pair(1, [2])),
        (Pair(1, 2), Pair(1, 3)),
        (Pair(1, 2), Pair(0, 2)),
        (Pair(NAN, 1), Pair(NAN, 1)),  # the same NaN object: equal, as in a tuple
        (Pair(float("nan"), 1), Pair(float("nan"), 1)),  # two NaNs: not equal, as in a tuple
        (Pair({"a": 1}, ()), Pair({"a": 1}, ())),
    ],
)
def test_equality_is_that_of_the_fields_as_a_tuple(one: Pair, two: Pair) -> None:
    assert (one == two) is ((one.left, one.right) == (two.left, two.right))
    assert (one != two) is not (one == two)


def test_compared_fields_alone_decide_equality_and_hash() -> None:
    assert Named(1, "x") == Named(1, "y") and hash(Named(1, "x")) == hash(Named(1, "y"))
    assert Named(1, "x") != Named(2, "x")


def test_another_class_with_the_same_fields_is_not_equal() -> None:
    assert Pair(1, 2) != Other(1, 2)
    assert Pair(1, 2).__eq__((1, 2)) is NotImplemented


def test_a_fact_is_found_among_others_by_its_fields() -> None:
    facts = (Pair("a", 1), Pair("b", 2), Pair("c", 3))
    assert facts.index(Pair("c", 3)) == 2
    with pytest.raises(ValueError):
        facts.index(Pair("c", 4))


def test_values_cannot_change_and_survive_pickling() -> None:
    pair = Pair(1, (2, 3))
    with pytest.raises(FrozenInstanceError):
        pair.left = 5
    assert pickle.loads(pickle.dumps(pair)) == pair
    assert pair.replace(right=4) == Pair(1, 4)
