"""Values worked out from the facts: a series' year, the measure a fact states, a ratio."""

from __future__ import annotations

import pytest

from bot.core.arithmetic import distance_text, durations_in, held_measure, measures_in, series_year, times


@pytest.mark.parametrize(
    ("years", "ordinal", "year"),
    [
        ([1996], None, 1996),
        ([2003, 2005, 2007], "last", 2007),
        ([2003, 2005, 2007], "first", 2003),
        ([2003, 2005, 2007], None, None),  # a series, and which one is not said
        ([], "last", None),
    ],
)
def test_the_year_a_fact_stands_for(years: list[int], ordinal: str | None, year: int | None) -> None:
    assert series_year(years, ordinal) == year


@pytest.mark.parametrize(
    ("text", "tokens", "held"),
    [
        ("the 20 km walk in 1:20:07", ["20km", "1:20:07"], ("distance", 20000)),
        ("459 km … altitudes of 4,800 m", ["459km"], ("distance", 459000)),  # a height is not a length
        ("a 5 km loop and a 10 km loop", ["5km", "10km"], None),  # two distances: none held
        ("he raced 5 km events", ["5km"], ("distance", 5000)),
        ("the 10-km junior race", ["10km"], ("distance", 10000)),  # a hyphen joins number and unit
        ("no measure here", [], None),
    ],
)
def test_the_one_measure_a_fact_states(text: str, tokens: list[str], held: tuple | None) -> None:
    assert measures_in(text) == tuple(tokens)
    assert held_measure(tokens) == held


@pytest.mark.parametrize(
    ("big", "small", "text"),
    [(20000, 5000, "4"), (459000, 20000, "22.9"), (10, 0, None)],
)
def test_how_many_times_one_measure_is_another(big: float, small: float, text: str | None) -> None:
    assert times(big, small) == text


@pytest.mark.parametrize(
    ("kind", "size", "lang", "text"),
    [
        ("distance", 459000, "en", "459 km"),
        ("distance", 4800, "en", "4,800 m"),
        ("distance", 4800, "es", "4.800 m"),
        ("time", 4807, "en", "1:20:07"),
        ("time", 78, "es", "1:18"),
    ],
)
def test_a_measure_is_written_as_the_facts_write_it(kind: str, size: float, lang: str, text: str) -> None:
    assert distance_text(kind, size, lang) == text


@pytest.mark.parametrize(
    ("unit", "tokens", "fields"),
    [
        ("seconds", ["20km", "1:20:07"], {"seconds": "4,807", "time": "1:20:07"}),
        ("pace", ["20km", "1:20:07"], {"pace": "4:00", "time": "1:20:07", "distance": "20 km"}),
        ("miles", ["459km", "4800m"], {"miles": "285", "distance": "459 km"}),
        ("miles", ["20km", "50km"], None),  # two distances: which one is not said
        ("pace", ["459km"], None),  # no time to divide
        ("minutes", ["20km", "1:20:07"], {"minutes": "80", "time": "1:20:07"}),
        ("minutes", ["14s"], None),  # a gap of seconds is no time to count in minutes
    ],
)
def test_a_value_in_another_unit(unit: str, tokens: list[str], fields: dict[str, str] | None) -> None:
    from bot.core.arithmetic import convert

    assert convert(unit, tokens) == fields


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("the league suspended her for three years", [3]),
        ("a 10-year contract", [10]),
        ("she studied there for two years and then taught for 12 years", [2, 12]),
        ("two years after his first title he won again", []),  # a gap between two events
        ("he was 30 years old", []),
        ("her career spanned two decades", [20]),
        ("no length of time here", []),
    ],
)
def test_the_lengths_of_time_a_fact_states(text: str, years: list[int]) -> None:
    assert durations_in(text) == years
