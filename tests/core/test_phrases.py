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


# Classes: "deporte" and "atletismo" are forms of one concept, "competición" of another.
_CONCEPTS = {"deporte": "sport", "atletismo": "sport", "competicion": "event", "carrera": "event", "the": ""}


def _word_class(word: str, lang: str) -> str:
    return "§" + _CONCEPTS[word] if _CONCEPTS.get(word) else word


BY_CLASS = Phrases(
    [("dejo el deporte", "retire"), ("world gold", "worlds"), ("the end", "finish")],
    frozenset(),
    _word_class,
    frozenset({"el", "la", "su", "the"}),
    frozenset({"the", "end"}),
)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("dejo el atletismo", [("§retire", "dejo")]),  # a synonym of the expression's noun
        ("dejo su deporte", [("§retire", "dejo")]),  # another article or possessive
        ("dejo deporte", [("§retire", "dejo")]),  # none at all
        ("dejo la competicion", [("dejo", "dejo"), ("la", "la"), ("competicion", "competicion")]),  # another concept
        ("dejo | el atletismo", [("dejo", "dejo"), ("|", "|"), ("el", "el"), ("atletismo", "atletismo")]),
    ],
)
def test_join_by_class(words: str, expected: list[tuple[str, str]]) -> None:
    assert BY_CLASS.join(words.split(), "es") == expected


def test_a_key_of_stop_words_and_concepts_only_is_not_generalised() -> None:
    # "the end" has no content word that stays itself: it matches only as written.
    phrases = Phrases([("the end carrera", "finish")], frozenset(), _word_class, frozenset({"the"}), frozenset({"end"}))
    assert phrases.join(["end", "competicion"], "en") == [("end", "end"), ("competicion", "competicion")]
