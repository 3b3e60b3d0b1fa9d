"""What happened at a time: the time asked, read from tokens, and the facts dated then."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.dated import asked_place, asked_time, asks_what_happened, dated_facts, facts_at, premised_event
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


PLACES = {"beijing", "atlanta", "athens"}
EVENT = {"olympics", "event"}


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("happen", "beijing"), ("beijing", None)),
        (("beijing", "event"), ("beijing", None)),  # "tell me about the Beijing race"
        (("atlanta", "olympics", "1996"), ("atlanta", 1996)),
        (("happen", "coach", "beijing"), None),  # asks of someone: an ordinary question
        (("q_where", "beijing"), None),  # asks where: not what happened there
        (("atlanta", "beijing"), None),  # two places: a comparison or two things
        (("happen", "1990"), None),  # a time alone is asked_time's
    ],
)
def test_the_place_asked(tokens: tuple[str, ...], expected: tuple[str, int | None] | None) -> None:
    assert asked_place(tokens, "happen", PLACES, EVENT) == expected


def test_the_timeline_fact_most_about_a_place_answers() -> None:
    shares = [0.45, 0.19, 0.6, 0.0]  # the third is no timeline fact
    timeline = [True, True, False, True]
    years = [2008, 2015, 2008, 1996]
    assert facts_at(shares, None, years, timeline) == [0]
    assert facts_at(shares, 2015, years, timeline) == [1]
    assert facts_at([0.0, 0.0, 0.6, 0.0], None, years, timeline) == []


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("what happened in beijing?", "beijing-silver"),  # the race there, not the ban reported in 2015
        ("Tell me about the Beijing race.", "beijing-silver"),
        ("tell me about the atlanta games", "atlanta-gold"),
        ("¿qué pasó en Seúl?", "junior-gold"),
    ],
)
def test_what_happened_at_a_place_is_the_event_there(question: str, fact_id: str) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status is Status.ANSWERED and [f.id for f in result.facts] == [fact_id]


RESULTS = {"gold", "silver", "bronze", "medal", "win", "beat", "rules"}


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("q_why", "rules", "athens"), ("athens", frozenset({"rules"}))),  # "why was he disqualified in Athens?"
        (("q_why", "beat", "gold", "atlanta"), ("atlanta", frozenset({"beat", "gold"}))),  # "¿por qué perdió el oro…?"
        (("q_why", "rules", "2000", "olympics"), ("2000", frozenset({"rules"}))),
        (("q_why", "rules"), None),  # no event: "why was he ever disqualified?"
        (("q_why", "walk", "atlanta"), None),  # "why did he walk so fast in Atlanta": no result taken for granted
        (("q_when", "rules", "athens"), None),  # asks when, not why
        (("q_why", "rules", "athens", "beijing"), None),  # two events
        (("q_why", "rules", "athens", "coach"), None),  # more than a result at an event
    ],
)
def test_a_result_taken_for_granted(tokens: tuple[str, ...], expected: tuple[str, frozenset[str]] | None) -> None:
    assert premised_event(tokens, "q_why", RESULTS, PLACES, EVENT) == expected


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("Why was Pérez disqualified at the Beijing Olympics?", "beijing-silver"),
        ("¿Por qué descalificaron a Pérez en Atenas?", "sydney-athens"),
        ("why did he lose the bronze in beijing", "beijing-silver"),
        ("Why was Pérez disqualified at the 2000 Olympics?", "sydney-athens"),
        ("why was he disqualified at the 2004 olympics", "sydney-athens"),  # Athens, of the pair
        ("why was he disqualified at the 2008 olympics", "beijing-silver"),
    ],
)
def test_a_result_the_event_contradicts_is_corrected(question: str, fact_id: str) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status is Status.ANSWERED and [f.id for f in result.facts] == [fact_id]


@pytest.mark.parametrize(
    "question",
    [
        "why was he disqualified at the 1992 olympics",  # the article tells no result of his there
        "why was he disqualified at the pan american games",  # an event the article never mentions
    ],
)
def test_a_result_at_an_event_no_fact_tells_is_declined(question: str) -> None:
    assert shipped_engine().matcher.match(question).status is not Status.ANSWERED
