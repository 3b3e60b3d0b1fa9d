"""Quiz items: the shipped ones are valid and cover every fact; broken ones are caught at file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.facts import load_facts
from bot.quiz.items import check_quiz, load_items, read_items, stable_order
from tests.coredata import SHIPPED_FACTS, line_of, shipped_facts
from tests.quiz.factories import GOOD_QUIZ, fact_base_with_quiz


def test_the_shipped_items_are_valid_and_every_fact_has_one_or_two():
    facts = shipped_facts()
    items, problems = read_items(SHIPPED_FACTS, facts)
    assert problems == []
    per_fact = {fact.id: sum(i.fact_id == fact.id for i in items) for fact in facts}
    assert all(1 <= count <= 2 for count in per_fact.values()), per_fact


def test_every_right_answer_is_among_four_different_options_in_both_languages():
    for item in load_items(shipped_facts()):
        for lang in ("en", "es"):
            question = item.question(lang)
            assert len(set(question.options)) == 4
            assert question.options[question.right] == question.answer
            assert all(len(option) <= 76 for option in question.options)


def test_the_fact_loader_ignores_the_quiz_folder(tmp_path: Path):
    directory = fact_base_with_quiz(tmp_path / "facts")
    assert [f.id for f in load_facts(directory)] == ["retirement-date", "atlanta-gold", "beijing-silver"]


def test_options_keep_one_order_numbers_ascending():
    assert stable_order("x#1", "en", ["2004", "1992", "1996", "2000"]) == ("1992", "1996", "2000", "2004")
    assert stable_order("x#1", "en", ["85,000", "110,000", "45,000", "60,000"])[0] == "45,000"
    words = ["Sydney", "Atlanta", "Athens", "Barcelona"]
    first = stable_order("x#1", "en", words)
    assert first == stable_order("x#1", "en", list(reversed(words)))  # the order given doesn't matter
    assert sorted(first) == sorted(words)


def test_a_valid_quiz_file_loads(tmp_path: Path):
    directory = fact_base_with_quiz(tmp_path / "facts")
    items, problems = read_items(directory, load_facts(directory))
    assert problems == []
    assert [i.id for i in items] == ["atlanta-gold#1", "retirement-date#1"]
    assert items[1].question("es").options == ("2004", "2006", "2008", "2010")
    assert items[1].line == line_of(GOOD_QUIZ, "  - kind: year")


BROKEN = [
    (
        "answer: Atlanta\n      wrong: [Sydney, Athens, Barcelona]",
        "answer: Atlanta\n      wrong: [Atlanta, Athens, Barcelona]",
        "wrong: [Atlanta",
        "wrong option 'Atlanta' is the right answer",
    ),
    (
        "wrong: [Sydney, Athens, Barcelona]",
        "wrong: [Sydney, Athens, athens]",
        "wrong: [Sydney, Athens, athens]",
        "the four options must all be different",
    ),
    (
        "answer: Atlanta\n      wrong: [Sydney",
        "answer: Seoul\n      wrong: [Sydney",
        "answer: Seoul",
        "the right answer 'Seoul' is not in the fact's en text",
    ),
    (
        "wrong: [Sydney, Athens, Barcelona]",
        "wrong: [Sydney, Athens]",
        "wrong: [Sydney, Athens]",
        "'wrong' must list exactly three wrong options",
    ),
    ("retirement-date:", "no-such-fact:", "no-such-fact:", "quiz items for 'no-such-fact', which is not a fact"),
    ("  - kind: year", "  - kind: year\n    colour: red", "colour: red", "unknown field 'colour'"),
]


@pytest.mark.parametrize(("old", "new", "where", "message"), BROKEN, ids=[b[3][:30] for b in BROKEN])
def test_a_broken_item_is_reported_at_its_line(tmp_path: Path, old: str, new: str, where: str, message: str):
    quiz = GOOD_QUIZ.replace(old, new, 1)
    assert quiz != GOOD_QUIZ
    directory = fact_base_with_quiz(tmp_path / "facts", quiz)
    problems = check_quiz(directory, load_facts(directory))
    assert any(p.line == line_of(quiz, where) and message in p.message for p in problems), problems
    assert all(p.path == directory / "quiz" / "facts.yaml" for p in problems)


def test_a_missing_language_is_reported(tmp_path: Path):
    quiz = GOOD_QUIZ.split("    es:")[0] + "retirement-date:" + GOOD_QUIZ.split("retirement-date:")[1]
    directory = fact_base_with_quiz(tmp_path / "facts", quiz)
    [problem] = check_quiz(directory, load_facts(directory))
    assert problem.line == 2 and "quiz item atlanta-gold#1 is missing 'es'" in problem.message


def test_bad_yaml_and_checks_without_a_fact_base(tmp_path: Path):
    directory = fact_base_with_quiz(tmp_path / "facts", "atlanta-gold: [\n")
    [problem] = check_quiz(directory, None)
    assert "bad YAML" in problem.message
    ok = fact_base_with_quiz(tmp_path / "other", GOOD_QUIZ.replace("answer: Atlanta", "answer: Seoul", 1))
    assert check_quiz(ok, None) == []  # without facts only the shape is checked


def test_a_right_answer_must_be_whole_words_of_the_fact(tmp_path: Path):
    # "Atlanta" is in the fact; "Atlan" is only part of a word of it.
    quiz = GOOD_QUIZ.replace("answer: Atlanta", "answer: Atlan", 1)
    directory = fact_base_with_quiz(tmp_path / "facts", quiz)
    assert any(
        "'Atlan' is not in the fact's en text" in p.message for p in check_quiz(directory, load_facts(directory))
    )
