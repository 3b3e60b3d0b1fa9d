"""Clause reading: which clauses open a question, which are the asker's asides, what is named."""

import pytest

from bot.core.clauses import CONFIRMING_RE, HYPOTHETICAL_RE, clause_leads, named_phrase, without_exclamations


@pytest.mark.parametrize(
    ("words", "opens", "asides"),
    [
        ("so how far was it | i always forget", [True, False], [False, True]),
        ("i always forget | tell me when it was", [False, True], [True, False]),
        ("the town where it was", [False], [False]),  # a question word mid-clause opens nothing
        # a question word carrying its preposition opens a question too
        ("hasta que altura subio | mi tia dice", [True, False], [False, True]),
        ("since when was it held", [True], [False]),
        ("from the town he left", [False], [False]),  # a preposition without a question word
        ("en que ano gano | gracias de antemano", [True, False], [False, False]),  # "de" alone asks nothing
        ("por favor | de donde es", [False, True], [False, False]),
    ],
)
def test_clause_leads(words: str, opens: list[bool], asides: list[bool]) -> None:
    assert clause_leads(words.split()) == (opens, asides)


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("name the coach who trained him", "coach"),
        ("como se llama el estadio de la ciudad", "estadio"),
        ("what was it called", None),  # what the name is of cannot be told
    ],
)
def test_named_phrase(folded: str, expected: str | None) -> None:
    assert named_phrase(folded) == expected


@pytest.mark.parametrize(
    ("folded", "confirming", "hypothetical"),
    [
        ("she came second, right?", True, False),
        ("where did she come from?", False, False),
        ("will she run again?", True, True),  # no question word: asks yes or no, of a plan
    ],
)
def test_kinds_of_question(folded: str, confirming: bool, hypothetical: bool) -> None:
    assert bool(CONFIRMING_RE.search(folded)) is confirming
    assert bool(HYPOTHETICAL_RE.search(folded)) is hypothetical


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("¿cuántas veces quedó cuarto? qué mala suerte", "¿cuántas veces quedó cuarto? "),
        ("¡Qué crack Jefferson! ¿Cuántos años tenía?", "  ¿Cuántos años tenía?"),
        ("¿le dieron el oro? qué dice el artículo", "¿le dieron el oro? qué dice el artículo"),  # a question of its own
        ("qué medalla ganó?", "qué medalla ganó?"),
        ("¡Qué tal!", "¡Qué tal!"),  # nothing else: the message itself
    ],
)
def test_exclamations_around_a_question_are_dropped(text: str, kept: str) -> None:
    assert without_exclamations(text) == kept
