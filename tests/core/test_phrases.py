"""Multi-word expressions joined into their concept, on stems, past hedges and object pronouns."""

import pytest

from bot.core.phrases import Phrases

PHRASES = Phrases([("step away", "retire"), ("call quits", "retire")], frozenset({"even"}))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("she was stepping away", [("she", "she"), ("was", "was"), ("§retire", "stepping")]),  # on stems
        ("she called it quits", [("she", "she"), ("§retire", "called")]),  # an object pronoun inside
        ("step even away", [("§retire", "step")]),  # a hedge inside
        ("step | away", [("step", "step"), ("|", "|"), ("away", "away")]),  # never across a clause
    ],
)
def test_join(words: str, expected: list[tuple[str, str]]) -> None:
    assert PHRASES.join(words.split(), "en") == expected
