"""His quoted words, recalled in a message, name the fact that quotes them."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.quotes import MIN_QUOTED_WORDS, QuoteFinder, quotations
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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("if you are famous can go to the a".split()), max_size=14))
def test_a_shared_window_is_a_repeated_run_as_difflib_finds_it(message: list[str]) -> None:
    """A message shares a window of MIN_QUOTED_WORDS words with a quotation exactly when their
    longest common run of words is that long."""
    said = "if you are famous you can go to the".split()
    finder = QuoteFinder([[f"he said “{' '.join(said)}”"]])
    run = SequenceMatcher(None, message, said, autojunk=False).find_longest_match(0, len(message), 0, len(said))
    assert (finder.quoted(" ".join(message)) == 0) is (run.size >= MIN_QUOTED_WORDS)
