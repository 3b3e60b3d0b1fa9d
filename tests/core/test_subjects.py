"""Whom a question is about: his name as a pronoun, a person noun as him, another person named."""

import pytest

from bot.core.analysis import Lexicon
from bot.core.subjects import ABOUT_HIM, him_by_noun, him_of, subject_pattern, subjects_of
from tests.coredata import shipped_engine


@pytest.mark.parametrize(
    ("word", "before", "expected"),
    [
        ("perez", [], "he"),
        ("perez", ["beat"], "him"),  # after a verb taking an object
        ("perez", ["beat", "mr"], "him"),  # a title between changes nothing
        ("perez", ["passed"], "him"),  # a past participle before it
        ("jeffersons", [], "his"),
        ("river", [], None),
    ],
)
def test_him_of(word: str, before: list[str], expected: str | None) -> None:
    assert him_of(word, before) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("the athlete won", "he won"),
        ("the athlete who beat him", "the athlete who beat him"),  # a relative clause: someone else
    ],
)
def test_him_by_noun(words: str, expected: str) -> None:
    assert him_by_noun(words.split()) == expected.split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("did Rossi win", {"about_rossi"}),
        ("did he beat Rossi", {ABOUT_HIM}),
        ("how far behind Rossi was he", {ABOUT_HIM}),  # an object, not a subject
        ("Rossi or Lenz, who was faster?", {"about_rossi"}),
        ("how far behind Marco Rossi was he", {ABOUT_HIM}),  # a first name between changes nothing
        ("¿Rossi le ganó el oro a Pérez?", {"about_rossi"}),  # a Spanish object pronoun before the verb
    ],
)
def test_subjects_of(text: str, expected: set[str]) -> None:
    pattern = subject_pattern(Lexicon(people=frozenset({"rossi", "lenz"})))
    assert subjects_of(text, pattern) == expected


def test_no_people_no_pattern() -> None:
    assert subject_pattern(Lexicon()) is None


def test_a_misspelt_name_is_still_the_subject() -> None:
    analyzer = shipped_engine().matcher.analyzer
    assert "about_segura" in analyzer.analyze("did bernado segurra get silver in 96").subjects
