"""The quiz's words: both languages complete, feedback with the source, nothing that pings."""

from __future__ import annotations

from bot.core.facts import load_facts
from bot.quiz.items import load_items
from bot.quiz.scoring import PlayerStats, RoundScore
from bot.quiz.strings import (
    render_feedback,
    render_leaderboard,
    render_question,
    render_reveal,
    render_score,
    render_summary,
)
from tests.coredata import SHIPPED_FACTS


def test_the_quiz_catalog_is_checked_with_the_others():
    from tests.core.test_catalog import PACKAGES  # same keys and placeholders in every language

    assert "bot.quiz" in PACKAGES


def test_feedback_names_the_right_answer_the_fact_and_its_paragraph():
    facts = load_facts(SHIPPED_FACTS)
    item = next(i for i in load_items(facts) if i.fact_id == "hometown")
    fact = facts.get("hometown")
    question = item.question("es")
    wrong = (question.right + 1) % 4
    reply = render_feedback(item, "es", wrong, fact, facts.source, scored=False)
    assert reply.title == "❌ No es así"
    assert "La respuesta: **Cuenca**" in reply.body and f"Elegiste: {question.options[wrong]}" in reply.body
    assert fact.text("es") in reply.body and "no suma puntos" in reply.body
    assert reply.footer.startswith("Fuente: ") and reply.footer.endswith(fact.citation.label())
    right = render_feedback(item, "en", item.question("en").right, fact, facts.source)
    assert right.title == "✅ Right!" and "You chose" not in right.body


def test_questions_reveals_and_scores():
    facts = load_facts(SHIPPED_FACTS)
    item = next(i for i in load_items(facts) if i.fact_id == "atlanta-age")
    shown = render_question(item, "en", 2, 5, seconds_left=15, answers=3)
    assert shown.title == "Question 2 of 5" and shown.body.endswith("1. 19\n2. 22\n3. 25\n4. 27")
    assert shown.footer.startswith("⏱ 15 s left · 3 answered")
    reveal = render_reveal(item, "en", 2, 5, (1, 3, 0, 0), facts.get("atlanta-age"), facts.source)
    assert "▫️ 1. 19: 1\n✅ **2. 22**: 3\n▫️ 3. 25: 0\n▫️ 4. 27: 0" in reveal.body
    assert render_score(RoundScore(4, 5, 1), "en").body == (
        "**4 of 5**\n1 of them were repeats from the last 7 days (no points)."
    )


def test_names_are_shown_as_text_not_markdown_and_empty_boards_say_so():
    summary = render_summary([("**bold** @everyone", RoundScore(3, 5))], 5, "en")
    assert summary.body == "1. \\*\\*bold\\*\\* @everyone: 3 of 5"
    assert render_summary([], 5, "es").body == "Esta vez nadie respondió."
    board = render_leaderboard([PlayerStats(1, "Ana", 10, 7, 0, 4)], "es", min_answers=5)
    assert board.body == "1. **Ana**: 70% de aciertos (7 de 10) · mejor racha 4"
    assert "5" in render_leaderboard([], "en", min_answers=5).body
