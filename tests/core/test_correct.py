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


@pytest.mark.parametrize(("typo", "word"), [("gld", "gold")])
def test_a_three_letter_non_word_missing_a_letter_of_one_domain_word_is_mended(typo: str, word: str) -> None:
    from tests.coredata import shipped_engine

    analyzer = shipped_engine().matcher.analyzer
    mended = analyzer.analyze(f"did he win {typo} in atlanta").tokens
    assert mended == analyzer.analyze(f"did he win {word} in atlanta").tokens

