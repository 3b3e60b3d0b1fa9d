"""A timeline asked for: the timeline's facts in the stretch the request names, in order."""

from __future__ import annotations

import pytest

from bot.core.fold import fold
from bot.core.render import render_match
from bot.core.results import Status
from bot.core.timeline import asks_for_list, asks_for_order, in_order, stretch, without_order_words
from tests.coredata import shipped_engine


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("give me a timeline of his career", True),
        ("Timeline of his Olympic Games please", True),
        ("Línea de tiempo de sus títulos mundiales porfa", True),
        ("cronología de Sídney a Pekín", True),
        ("his olympic finishes in order from 96 to 08?", True),
        ("what happened after beijing, in order?", True),
        ("sus resultados año por año", True),
        # the asker's own timeline, or a question of its own: no request for one
        ("what exact date did he retire? i need it for my timeline", False),
        ("we r doing a timeline. what happened to him in 1990", False),
        ("estoy armando una línea de tiempo para un tiktok", False),
        ("I am designing a timeline activity for a history class", False),
        ("regarding the chronology of his career: in which year did his olympic career end?", False),
        ("in order to win, what did he do?", False),
        ("when did he retire?", False),
    ],
)
def test_a_request_for_events_in_order(text: str, asks: bool) -> None:
    assert asks_for_order(fold(text)) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("list every olympics he competed in", True),
        ("dame una lista de todos sus mundiales", True),
        ("list the two olympics where he just missed the podium", False),  # some of them
        ("which olympics did he compete in?", False),
    ],
)
def test_a_list_of_every_one_of_something(text: str, asks: bool) -> None:
    assert asks_for_list(fold(text)) is asks


def test_the_order_words_name_no_stretch() -> None:
    assert without_order_words(fold("línea de tiempo de sus mundiales")).split() == ["de", "sus", "mundiales"]


@pytest.mark.parametrize(
    ("text", "years", "bounds"),
    [
        ("from 1990 to 2008", {1990, 2008}, (1990, 2008)),
        ("what happened after beijing", {2008}, (2008, 9999)),
        ("everything before atlanta", {1996}, (0, 1996)),
        ("the september 2008 timeline", {2008}, (2008, 2008)),
        ("his whole career", set(), None),
    ],
)
def test_the_years_named_bound_the_stretch(text: str, years: set[int], bounds: tuple[int, int] | None) -> None:
    assert stretch(text, years) == bounds


def test_the_stretch_keeps_the_facts_of_the_topics_asked_within_its_years() -> None:
    years = [1990, 1992, 1996, 2008, 2015]
    topics = [{"junior"}, {"junior"}, {"olympics"}, {"olympics"}, {"doping"}]
    timeline = [0, 1, 2, 3, 4]
    assert in_order(timeline, years, topics, {"olympics"}, None) == [2, 3]
    assert in_order(timeline, years, topics, (), (1992, 2008)) == [1, 2, 3]
    assert in_order(timeline, years, topics, {"junior", "doping"}, (1991, 9999)) == [1, 4]


@pytest.mark.parametrize(
    ("question", "fact_ids"),
    [
        ("timeline of his olympic games", ["five-olympics", "atlanta-gold", "sydney-athens", "beijing-silver"]),
        ("Timeline of his junior career, please", ["junior-bronze", "junior-gold"]),
        ("Línea de tiempo de sus títulos mundiales porfa", ["world-titles"]),
        (
            "Cronología rápida de Sídney a Pekín",
            [
                "sydney-athens",
                "world-titles",
                "beijing-silver",
                "pilgrimage",
                "retirement-announcement",
                "retirement-date",
            ],
        ),
    ],
)
def test_the_matcher_answers_a_timeline_with_its_events_in_order(question: str, fact_ids: list[str]) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status is Status.ANSWERED
    assert [f.id for f in result.facts] == fact_ids


@pytest.mark.parametrize(
    ("question", "fact_ids"),
    [
        ("List every Olympics he competed in.", ["five-olympics", "atlanta-gold", "sydney-athens", "beijing-silver"]),
        # some of them, not every one: the fact that tells those
        ("list the two olympics where he finished just off the podium", ["sydney-athens"]),
    ],
)
def test_a_list_of_every_event_of_a_topic_is_its_timeline(question: str, fact_ids: list[str]) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status is Status.ANSWERED
    assert [f.id for f in result.facts] == fact_ids


def test_a_list_of_no_events_is_no_timeline() -> None:
    result = shipped_engine().matcher.match("list all the people the article names")
    assert len(result.answers) <= 2


def test_a_long_timeline_is_titled_as_one() -> None:
    engine = shipped_engine()
    result = engine.matcher.match("give me a timeline of his career")
    assert len(result.answers) > 3
    reply = render_match(result, engine.facts.source)
    assert reply.title == "Jefferson Pérez: a timeline"
    assert reply.body.index("1990 World Junior") < reply.body.index("Atlanta") < reply.body.index("Borchin")
