"""``perezbot quiz`` in the console, and ``perezbot check`` on quiz items."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.clirun import run
from tests.coredata import line_of
from tests.quiz.factories import GOOD_QUIZ, fact_base_with_quiz


def test_quiz_seed_1_with_five_answers_piped():
    got = run("quiz", "--seed", "1", stdin="1\n2\n3\n4\n1\n")
    assert got.status == 0 and got.err == ""
    out = got.out
    questions = re.findall(r"\*\*Question (\d) of 5\*\*\n.+\n\n((?:\d\. .+\n)+)", out)
    assert [number for number, _ in questions] == ["1", "2", "3", "4", "5"]
    assert all(len(options.splitlines()) == 4 for _, options in questions)
    feedback = re.findall(r"\*\*(✅ Right!|❌ Not quite)\*\*\n(?:.*\n)*?— Source: “On this day in Latinx history", out)
    assert len(feedback) == 5
    assert re.search(r"\*\*Your score\*\*\n\*\*[0-5] of 5\*\*\n?$", out)
    assert out == run("quiz", "--seed", "1", stdin="1\n2\n3\n4\n1\n").out  # the seed fixes the round


def test_quiz_in_spanish_asks_again_on_a_bad_answer_and_stops_at_the_end_of_input():
    got = run("quiz", "--lang", "es", "--seed", "3", stdin="7\nhola\n2\n")
    assert got.status == 0
    assert got.out.count("Responde con un número del 1 al 4.") == 2
    assert "**Pregunta 1 de 5**" in got.out and "**Pregunta 2 de 5**" in got.out
    assert "**Pregunta 3 de 5**" not in got.out
    assert got.out.rstrip().endswith("de 1**")
    assert "Question" not in got.out and "Source" not in got.out


def test_check_rejects_a_broken_quiz_item_with_file_and_line(tmp_path: Path):
    quiz = GOOD_QUIZ.replace('wrong: ["2004", "2006", "2010"]', 'wrong: ["2004", "2008", "2010"]', 1)
    directory = fact_base_with_quiz(tmp_path / "facts", quiz)
    got = run("check", str(directory))
    assert got.status == 1
    line = line_of(quiz, '"2004", "2008"')
    where = f"{directory / 'quiz' / 'facts.yaml'}:{line}:"
    assert f"{where} quiz item retirement-date#1 (en): wrong option '2008' is the right answer '2008'" in got.out
    assert got.out.splitlines()[-1] == f"2 problem(s) in {directory}"


def test_check_passes_a_fact_base_with_good_quiz_items(tmp_path: Path):
    got = run("check", str(fact_base_with_quiz(tmp_path / "facts")))
    assert got.status == 0 and got.out.startswith("ok: 3 facts")
