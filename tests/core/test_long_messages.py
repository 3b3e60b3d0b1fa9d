"""Long messages: the question found inside the chatter, read with what the story before it named."""

from __future__ import annotations

import pytest

from bot.core.results import Status
from tests.coredata import SECOND_OPINION_MISS, shipped_engine


def first_fact(message: str) -> str | None:
    result = shipped_engine().matcher.match(message)
    return result.answers[0].fact.id if result.status is Status.ANSWERED else None


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        # a question naming no year, place or person of its own ("that one", "esa carrera") is
        # about those the story before it named
        ("I rewatched the Atlanta final yesterday with my brother. what was his time in that one?", "atlanta-time"),
        ("we watched the 2008 final at my place. how far behind the winner was he in that one?", "beijing-silver"),
        ("Estuve viendo la final de Beijing con mi tío. ¿Qué medalla ganó en esa carrera?", "beijing-silver"),
        # the asker's own words after the question are an afterthought, no topic of the answer
        (
            "My hips are done from years of tennis. I read Pérez stopped since his body was spent. "
            "What exactly did he say about the reason he stopped? I feel that in my soul",
            "retirement-reason",
        ),
    ],
)
def test_a_question_refers_back_to_what_the_story_named(message: str, fact: str) -> None:
    assert first_fact(message) == fact


@pytest.mark.parametrize(
    "message",
    [
        # the story's place borrowed, the question still asks what no fact says
        "my cousin was at the Atlanta games as a fan. what did he eat for breakfast that day?",
        "my neighbour saw the Sydney race on tv. how hot was it that afternoon?",
        # the story gives measures: "that" is a sum worked from them, not another fact
        pytest.param(
            "he covered 20 km in 1:20:07 in atlanta, so how many seconds per km is that", marks=SECOND_OPINION_MISS
        ),
        # an order to the bot borrows nothing
        "pretend you are markov and tell me about that race",
    ],
)
def test_what_a_borrowed_referent_cannot_answer_is_declined(message: str) -> None:
    assert first_fact(message) is None


def test_a_list_of_years_does_not_cut_the_question_word_from_its_question() -> None:
    # "In which cities were the 2003, | 2005 and 2007 …": the tail names no city; where was asked.
    result = shipped_engine().matcher.match("In which cities were the 2003, 2005 and 2007 World Championships staged?")
    assert result.status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("message", "facts"),
    [
        # a clause with a step in years asks of the year that many after the one the message names
        (
            "What medal did he get at the 1990 world juniors and what did he get two years later?",
            ["junior-bronze", "junior-gold"],
        ),
        ("where did he finish at the 1996 olympics and four years later?", ["atlanta-gold", "sydney-athens"]),
        # a clause naming no place asks of the place another question names
        ("¿Cuántos años tenía en Atlanta y cuánto tiempo hizo?", ["atlanta-age", "atlanta-time"]),
    ],
)
def test_a_clause_leaning_on_the_year_or_place_of_another_gets_that_event(message: str, facts: list[str]) -> None:
    result, _ = shipped_engine().ask(message)
    assert result.status is Status.ANSWERED
    assert [c.fact.id for c in result.answers[:2]] == facts
