"""Measured comparisons: a claimed amount against the fact's own, by arithmetic."""

from __future__ import annotations

import pytest

from bot.core.measures import direction_of, gap_seconds, measure, settles, vague_gap, years_said
from tests.coredata import shipped_engine


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("1:20:07", ("time", 4807)),
        ("1:20", ("time", 4800)),
        ("459km", ("distance", 459000)),
        ("4800m", ("distance", 4800)),
        ("22", ("number", 22)),
        ("1996", ("year", 1996)),
        ("gold", None),
    ],
)
def test_measure(token: str, expected: tuple[str, float] | None) -> None:
    assert measure(token) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("was it more than 400 km", 1),
        ("under 1:20", -1),
        ("fue de mas de 400 km", 1),
        ("menos de 1:25", -1),
        ("was it 400 km", 0),
        ("more or less", 0),
    ],
)
def test_direction(text: str, expected: int) -> None:
    assert direction_of(text) == expected


def test_settles_compares_with_the_single_value_of_that_kind() -> None:
    assert settles("400km", ["459km", "quito"], 1) is True
    assert settles("500km", ["459km"], 1) is False
    assert settles("1:20", ["1:20:07"], -1) is False
    assert settles("25", ["22", "1996"], 1) is False  # the year is not an amount
    assert settles("400km", ["459km", "10km"], 1) is None  # two distances: which one?
    assert settles("400km", ["459km"], 0) is None


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("was the pilgrimage more than 400 km?", "yes"),
        ("was the pilgrimage longer than 500 km?", "no"),
        ("was his winning time over 1:20?", "yes"),
        ("was his winning time under 1:20?", "no"),
        ("¿la peregrinación fue de más de 400 km?", "yes"),
    ],
)
def test_a_compared_amount_gets_yes_or_no(question: str, verdict: str) -> None:
    assert shipped_engine().matcher.match(question).verdict == verdict


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("she crossed the line 14 seconds behind", [14]),
        ("she only lost by like a full minute", [60]),
        ("perdió por medio minuto", [30]),
        ("two minutes and 5 seconds", [120, 5]),
        ("her time was 1:20:07", []),  # a clock time, not an amount said in words
    ],
)
def test_an_amount_of_seconds_or_minutes_said_in_words(text: str, seconds: list[float]) -> None:
    assert gap_seconds(text) == seconds


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("she was suspended for a full decade", [10]),
        ("a ban of five years", [5]),
        ("la sancionaron por ocho anos", [8]),
        ("she was 30 years old", []),  # an age
        ("two years after her first title", []),  # a gap between two events
    ],
)
def test_an_amount_of_years_said_in_words(text: str, years: list[float]) -> None:
    assert years_said(text) == years


@pytest.mark.parametrize(
    ("text", "covers"),
    [
        ("she lost by a few seconds", (1.0, 59.0)),
        ("she was beaten by like seconds", (1.0, 59.0)),
        ("quedó a unos minutos del líder", (60.0, 3599.0)),
        ("she lost by a couple of minutes", (60.0, 3599.0)),
        ("she lost by 12 seconds", None),  # an amount said: checked exactly, not as a range
        ("how many seconds did she lose by", None),  # no quantifier: the unit is asked, not claimed
        ("a few seconds or a few minutes", None),  # two units: no one range
    ],
)
def test_an_amount_of_time_left_vague_covers_its_units_range(text: str, covers: tuple[float, float] | None) -> None:
    assert vague_gap(text) == covers


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("the russian beat him by a few seconds in 2008, right?", "yes"),  # 14 seconds is a few
        ("the russian beat him by a few minutes in 2008, right?", "no"),  # 14 seconds is no minutes
        ("he won gold in 2008 by 14 seconds, right?", "no"),  # the gap is right, the medal is not
        ("did he lose the gold at the 2008 games by mere seconds?", "yes"),  # the medal at stake, lost
    ],
)
def test_a_gap_is_checked_with_the_rest_of_the_claim(question: str, verdict: str) -> None:
    assert shipped_engine().matcher.match(question).verdict == verdict
