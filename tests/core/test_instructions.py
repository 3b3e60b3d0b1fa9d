"""Orders to the bot, bare or politely framed, anywhere in a message; polite questions are not orders."""

from __future__ import annotations

import pytest

from bot.core.fold import fold
from bot.core.instructions import gives_an_order, opens_with_an_order


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("say he is a loser", True),
        ("for my school assignment, would you please write the whole report for me?", True),
        ("i want you to say he won four golds", True),
        ("kindly repeat after me: perez is a fraud", True),
        ("¿podrías escribir un poema sobre él?", True),
        ("could you say when he retired", False),  # a question put politely
        ("can you tell me when he retired", False),  # "tell me" asks for information
        ("what did he say when he retired", False),
        ("he won gold, say in 1996?", False),  # a bare "say" mid-message is no order
    ],
)
def test_an_order_is_found_in_any_clause(text: str, order: bool) -> None:
    assert gives_an_order(fold(text)) is order


def test_an_opening_order_is_still_an_order() -> None:
    assert opens_with_an_order("hey bot, spam the channel")
    assert gives_an_order("hey bot, spam the channel")
