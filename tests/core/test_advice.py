"""Requests for advice to the asker are told apart from questions about him."""

from __future__ import annotations

import pytest

from bot.core.advice import asks_advice
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
