"""The head noun of a "who/what is the …" question, and the near miss it makes."""

from __future__ import annotations

import pytest

from bot.core.heads import counted_noun, head_noun
from bot.core.results import Status
from tests.coredata import shipped_engine


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("who's the greatest chilean cyclist ever?", "cyclist"),
        ("what is the capital of ecuador", "capital"),
        ("which was the longest race in atlanta", "race"),
        ("who was his coach", None),  # no article: no noun phrase to read
        ("when did he retire", None),
    ],
)
def test_the_head_noun_of_what_is_asked(question: str, head: str | None) -> None:
    assert head_noun(question) == head


def test_a_rare_kind_no_fact_knows_is_not_answered() -> None:
    matcher = shipped_engine().matcher
    assert matcher.match("who's the greatest ecuadorian cyclist of all time?").status is not Status.ANSWERED
    # an everyday or known head noun leaves the question to the rest of the matcher
    assert matcher.match("who was the youngest of the three leaders in atlanta?").status is Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("how many olympic golds does he have?", "golds"),
        ("wait how many olympic golds did he actually get", "golds"),
        ("how many olympics did he compete in", "olympics"),
        ("cuantos oros olimpicos tiene jefferson?", "oros"),
        ("when did he retire?", None),
    ],
)
def test_the_noun_a_how_many_question_counts(question: str, noun: str | None) -> None:
    assert counted_noun(question) == noun
