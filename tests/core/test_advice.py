"""Requests for advice to the asker are told apart from questions about him."""

from __future__ import annotations

import pytest

from bot.core.advice import asks_advice, speculates
from bot.core.fold import fold
from bot.core.results import Status
from tests.coredata import shipped_engine


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("how should i train for a marathon", True),
        ("any tips for someone starting out?", True),
        ("can you recommend a good book on athletics", True),
        ("¿cómo puedo mejorar mi técnica?", True),
        ("dame unos consejos para correr", True),
        ("should we stretch before walking", True),
        ("how do you get started in race walking", True),  # the generic you
        ("how would you sum up his career", False),  # a request to the bot, not advice
        # asking how to learn something about him is a question about him
        ("how can i find out where he was born", False),
        ("how do i know if that's true", False),
        ("how did he start walking", False),
        ("what advice did his coach give him", False),
        ("¿cómo puedo saber cuándo se retiró?", False),
        # a plan or a routine made for the asker
        ("can you give me a beginner race walking training plan", True),
        ("can you make me a 12-week race walking training plan?", True),  # hyphenated words before the plan
        ("hazme una rutina de marcha para principiantes", True),
        ("give me the date he retired", False),
        ("what plans did he have after retiring", False),
    ],
)
def test_advice_to_the_asker_is_told_apart(text: str, advice: bool) -> None:
    assert asks_advice(fold(text)) is advice


@pytest.mark.parametrize("question", ["how should i train for a 20k walk", "any tips for a beginner race walker?"])
def test_a_request_for_advice_is_not_answered_with_a_fact(question: str) -> None:
    assert shipped_engine().matcher.match(question).status is not Status.ANSWERED


def test_a_question_about_him_after_a_courtesy_is_still_answered() -> None:
    result = shipped_engine().matcher.match("how can i find out when he retired")
    assert result.status is Status.ANSWERED and result.fact.id == "retirement-date"


@pytest.mark.parametrize(
    ("text", "speculating"),
    [
        ("would he have won gold in Sydney if he'd pushed harder at the end?", True),
        ("if borchin had been caught before beijing, would perez have won gold?", True),
        ("si hubiera seguido hasta Londres 2012, ¿habría ganado otra medalla?", True),
        ("¿qué habría pasado si lo hubieran alcanzado Markov y Segura?", True),
        ("was retiring in 2008 the right call, in your opinion?", True),
        ("¿le deberían dar el oro? opinión nomás", True),
        ("who'd win a head-to-head, prime Pérez or Markov?", True),  # a race never run
        ("¿quién ganaría entre Pérez y Borchin?", True),
        ("who won, Pérez or Markov?", False),  # a race that was run
        # "would" with no condition works out a value, or asks politely
        ("how old would he have been when he won his first world title in 2003?", False),
        ("how much quicker would he have needed to be to beat borchin?", False),
        ("would you tell me when he retired?", False),
        ("what would the calls to give him the gold mean?", False),
        ("if i remember right he won in 1996, when did he retire?", False),
    ],
)
def test_what_might_have_been_and_opinions_are_told_apart(text: str, speculating: bool) -> None:
    assert speculates(fold(text)) is speculating


def test_the_matcher_declines_what_might_have_been_whole() -> None:
    result = shipped_engine().matcher.match("¿qué habría pasado si lo hubieran alcanzado Markov y Segura en Atlanta?")
    assert result.status is Status.UNKNOWN
