"""His quoted words, recalled in a message, name the fact that quotes them."""

from __future__ import annotations

import pytest

from bot.core.quotes import QuoteFinder, quotations
from bot.core.results import Status
from tests.coredata import shipped_engine

ANSWERS = [
    ["He said: “We have an expression in my country: If you’re famous, you can go to bed. I’m not like that.”"],
    ["He won gold in 1996."],
    ["He said his body could not go on: “My heart wants to go on, but my body can’t take another four years.”"],
]


def test_quotations_are_the_words_between_quote_marks_made_plain() -> None:
    assert quotations("He said: “If you’re famous, you can go to bed.” «Yo no soy así»") == [
        "if youre famous you can go to bed",
        "yo no soy asi",
    ]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("he said something like 'if you're famous you can go to...' what was the end of it", 0),
        ('fill in the blank: "if youre famous, you can go to ___"', 0),
        ("what did he mean by if you are famous you can go to bed", 0),  # "you are" for "you're": the rest runs on
        ("my heart wants to go on but my... what was the rest", 2),
        ("did his body not take another four years", None),  # a phrase the quote shares, not his words recalled
        ("when did he win gold in 1996", None),  # a fact that quotes no one
    ],
)
def test_a_run_of_quoted_words_finds_the_fact_that_quotes_them(text: str, index: int | None) -> None:
    assert QuoteFinder(ANSWERS).quoted(text) == index


def test_a_recalled_quotation_is_answered_by_its_fact() -> None:
    result = shipped_engine().matcher.match("Fill in the blank: \"If you're famous, you can go to ___.\"")
    assert result.status is Status.ANSWERED
    assert result.fact.id == "after-retirement"
