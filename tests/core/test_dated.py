"""What happened at a time: the time asked, read from tokens, and the facts dated then."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.dated import asked_time, asks_what_happened, dated_facts
from bot.core.fold import fold
from bot.core.results import Status
from tests.coredata import shipped_engine


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("happen", "1990"), (1990, None)),
        (("happen", "29", "september", "2008"), (2008, dt.date(2008, 9, 29))),
        (("1992",), (1992, None)),
        (("happen", "31", "february", "2008"), None),  # no such day
        (("happen", "september", "2008"), None),  # a month without its day: no fact is dated so
        (("happen", "coach", "1990"), None),  # names more than a time: an ordinary question
        (("happen", "1990", "1992"), None),
    ],
)
def test_the_time_asked(tokens: tuple[str, ...], expected: tuple[int, dt.date | None] | None) -> None:
    assert asked_time(tokens, "happen") == expected


@pytest.mark.parametrize(
    ("text", "asks"),
    [("what happened in 1990", True), ("¿Qué pasó en 2008?", True), ("what did he do in 1992", True), ("1990", False)],
)
def test_what_happened_is_asked(text: str, asks: bool) -> None:
    assert asks_what_happened(fold(text)) is asks


def test_a_day_picks_the_fact_of_that_day_and_a_year_the_timeline_facts_of_that_year() -> None:
    dates = [None, dt.date(2008, 9, 29), None]
    years = [2008, 2008, 2003]
    told = [frozenset({"2008"}), frozenset({"2008"}), frozenset({"2003", "2005", "2007"})]
    timeline = [True, False, True]
    assert dated_facts(2008, dt.date(2008, 9, 29), dates, years, told, timeline) == [1]
    assert dated_facts(2008, None, dates, years, told, timeline) == [0]  # the timeline's own year
    assert dated_facts(2005, None, dates, years, told, timeline) == [2]  # …else a year it tells
    assert dated_facts(1985, None, dates, years, told, timeline) == []


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("what happened in 1990", ["junior-bronze"]),
        ("¿qué pasó el 29 de septiembre de 2008?", ["retirement-date"]),
        ("what happened with perez on 9/29/08?", ["retirement-date"]),
        ("what did he do in 1992", ["five-olympics", "junior-gold"]),
    ],
)
def test_what_happened_at_a_time_gets_the_facts_dated_then(question: str, facts: list[str]) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status is Status.ANSWERED
    assert [c.fact.id for c in result.answers] == facts


def test_a_time_no_fact_tells_is_declined() -> None:
    assert shipped_engine().matcher.match("what happened in 1985").status is not Status.ANSWERED
