"""Small quiz items for tests, and a temporary fact base with a quiz file of our choosing."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bot.quiz.items import Question, QuizItem, stable_order
from tests.helpers import write_facts


def item(
    fact_id: str, n: int = 1, *, answer: str = "1996", wrong: tuple[str, ...] = ("1992", "2000", "2004")
) -> QuizItem:
    """An item on ``fact_id`` (the same question in both languages)."""
    item_id = f"{fact_id}#{n}"
    questions = {
        lang: Question(f"{item_id}?", answer, wrong, stable_order(item_id, lang, (answer, *wrong)))
        for lang in ("en", "es")
    }
    return QuizItem(item_id, fact_id, "year", questions)


GOOD_QUIZ = """\
atlanta-gold:
  - kind: place
    en:
      question: Where did he win the 20 km walk in 1996?
      answer: Atlanta
      wrong: [Sydney, Athens, Barcelona]
    es:
      question: ¿Dónde ganó los 20 km marcha en 1996?
      answer: Atlanta
      wrong: [Sídney, Atenas, Barcelona]
retirement-date:
  - kind: year
    en:
      question: In which year did he retire?
      answer: "2008"
      wrong: ["2004", "2006", "2010"]
    es:
      question: ¿En qué año se retiró?
      answer: "2008"
      wrong: ["2004", "2006", "2010"]
"""


def fact_base_with_quiz(directory: Path, quiz: str = GOOD_QUIZ, name: str = "facts.yaml") -> Path:
    """The three-fact test base (tests/helpers.py) with ``quiz`` as ``quiz/<name>``."""
    write_facts(directory)
    facts = directory / "facts.yaml"  # dates their answers don't give would fail `perezbot check`
    kept = [
        line
        for line in facts.read_text(encoding="utf-8").splitlines()
        if "date: 1996" not in line and "date: 2008-08" not in line
    ]
    facts.write_text("\n".join(kept) + "\n", encoding="utf-8")
    (directory / "quiz").mkdir(exist_ok=True)
    (directory / "quiz" / name).write_text(textwrap.dedent(quiz), encoding="utf-8")
    return directory
