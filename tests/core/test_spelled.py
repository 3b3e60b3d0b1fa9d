"""Spelled-out numbers, read as digits before anything else reads the text."""

from __future__ import annotations

import pytest

from bot.core.numbers import normalise_numbers
from bot.core.spelled import spell_out


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("nineteen ninety-six", "1996"),  # a year said in two halves
        ("nineteen ninety", "1990"),
        ("two thousand eight", "2008"),
        ("two thousand and eight", "2008"),
        ("twenty two years old", "22 years old"),
        ("twenty-two", "22"),
        ("four hundred fifty-nine km", "459 km"),
        ("one hundred and five", "105"),
        ("eighty five thousand fans", "85000 fans"),
        ("four point eight thousand metres", "4800 metres"),
        ("september the twenty-ninth", "september the 29th"),
        ("mil novecientos noventa y seis", "1996"),
        ("dos mil ocho", "2008"),
        ("cuatrocientos cincuenta y nueve", "459"),
    ],
)
def test_a_run_of_number_words_is_its_value(text: str, read: str) -> None:
    assert spell_out(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "the one in spain",  # a single number word is left to the word table
        "one second",  # not the 3rd: a rank only after a round ten
        "one two three",  # no single number
        "two golds and one silver",  # "and" joins numbers only after a scale
        "una casa y veinte perros",  # "y" joins a ten and a unit only
        "dos y tres",
        "twenty, five",  # punctuation ends a number
    ],
)
def test_words_that_say_no_single_number_are_left(text: str) -> None:
    assert spell_out(text) == text


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("september the 29th, 2008", "september 29, 2008"),
        ("the 29th of september", "29 september"),
        ("29th septiembre", "29 septiembre"),
        ("he was 4th in athens", "he was 4th in athens"),  # a rank, not a day
    ],
)
def test_a_day_of_the_month_said_as_a_rank_is_its_number(text: str, read: str) -> None:
    assert normalise_numbers(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("in one hour twenty minutes", "in 1:20"),
        ("1 hour 20 minutes and 7 seconds", "1:20:07"),
        ("under an hour and 15?", "under 1:15?"),  # the minutes' word unsaid at the clause's end
        ("una hora veinte minutos y siete segundos", "1:20:07"),
        ("1 hora y 20 minutos", "1:20"),
        ("two hours and fifty five minutes", "2:55"),
        ("over 1h20?", "over 1:20?"),  # the short written forms
        ("1h 20min", "1:20"),
        ("1h20m07s", "1:20:07"),
        ("one hour 20 km", "one hour 20 km"),  # 20 of something else
        ("he trained one hour a day", "he trained one hour a day"),
        ("1 hour 75 minutes", "1 hour 75 minutes"),  # no clock says it
        ("an hour and a half", "an hour and a half"),
        ("the 4h walk", "the 4h walk"),
    ],
)
def test_a_time_said_in_hours_and_minutes_is_written_as_a_clock(text: str, read: str) -> None:
    assert spell_out(text) == read
