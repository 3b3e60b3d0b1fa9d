"""Word correction against a small vocabulary: typos mended, known and common words kept."""

import pytest

from bot.core.correct import Corrector


@pytest.fixture(scope="module")
def corrector() -> Corrector:
    concepts = {"world": "world", "gold": "gold", "athens": "athens"}
    ranks = {"the": 1, "world": 200, "gold": 1500}
    return Corrector(frozenset({*concepts, "the"}), concepts, ranks, frozenset(ranks), [], frozenset({"the"}))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("the wolrd gold", "the world gold"),  # a transposition
        ("athnes", "athens"),
        ("the gold", "the gold"),  # known words stay
        ("g0ld", "g0ld"),  # a word with a digit is never corrected
    ],
)
def test_spell(corrector: Corrector, words: str, expected: str) -> None:
    assert corrector.spell(words.split()) == expected.split()
