"""A channel round's bookkeeping: one answer each, one change, counts per option, standings."""

from __future__ import annotations

from bot.quiz.rounds import ChannelRound, OpenQuestion, Outcome, countdown
from tests.quiz.factories import item


def test_the_countdown_shows_twenty_fifteen_ten_five():
    assert countdown() == [20, 15, 10, 5]
    assert countdown(10, 5) == [10, 5]


def test_answer_once_change_once_then_locked():
    question = OpenQuestion(item("atlanta-gold"), "en")
    assert question.answer(1, "Ana", 0) is Outcome.RECORDED
    assert question.answer(1, "Ana", 0) is Outcome.SAME
    assert question.answer(1, "Ana", 2) is Outcome.CHANGED
    assert question.answer(1, "Ana", 3) is Outcome.LOCKED
    assert question.votes[1].index == 2
    question.close()
    assert question.answer(2, "Ben", 1) is Outcome.CLOSED


def test_the_tally_is_in_the_options_order_and_results_mark_the_right_ones():
    quiz_item = item("atlanta-gold")  # options 1992, 1996, 2000, 2004: 1996 is right
    question = OpenQuestion(quiz_item, "en")
    assert question.question.right == 1
    question.answer(1, "Ana", 1)
    question.answer(2, "Ben", 3)
    question.answer(3, "Cam", 1)
    assert question.tally() == (0, 2, 0, 1)
    assert question.results() == [(1, "Ana", True), (2, "Ben", False), (3, "Cam", True)]


def test_standings_by_right_answers_then_name():
    round_ = ChannelRound(10, 20, "en", [item("a"), item("b")])
    round_.add(1, "ben", True, scored=True)
    round_.add(2, "Ana", True, scored=False)
    round_.add(1, "ben", False, scored=True)
    round_.add(3, "cam", False, scored=True)
    assert [(name, score.right, score.total) for name, score in round_.standings()] == [
        ("Ana", 1, 1),
        ("ben", 1, 2),
        ("cam", 0, 1),
    ]
