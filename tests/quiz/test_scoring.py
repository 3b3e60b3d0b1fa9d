"""Points, streaks and the leaderboard's order, with fixed clocks."""

from __future__ import annotations

import datetime as dt

from bot.quiz.scoring import PlayerStats, RoundScore, counts, rank
from tests.helpers import FIXED_NOW


def test_a_repeat_inside_a_week_scores_nothing():
    assert counts(None, FIXED_NOW)
    assert not counts(FIXED_NOW - dt.timedelta(days=6, hours=23), FIXED_NOW)
    assert counts(FIXED_NOW - dt.timedelta(days=7), FIXED_NOW)


def test_streaks_grow_break_and_keep_the_best():
    stats = PlayerStats(1, "Ana")
    for correct in (True, True, True, False, True):
        stats = stats.after(correct, name="Ana")
    assert (stats.answered, stats.correct, stats.streak, stats.best_streak) == (5, 4, 1, 3)
    renamed = stats.after(False, name="Ana M.", scored=False)  # a repeat: only the name changes
    assert renamed == PlayerStats(1, "Ana M.", 5, 4, 1, 3)


def test_the_leaderboard_ranks_by_accuracy_among_players_with_enough_answers():
    players = [
        PlayerStats(1, "ana", answered=10, correct=8, best_streak=4),
        PlayerStats(2, "ben", answered=5, correct=5, best_streak=5),
        PlayerStats(3, "cam", answered=4, correct=4, best_streak=4),  # too few answers
        PlayerStats(4, "dee", answered=20, correct=16, best_streak=6),
    ]
    assert [p.name for p in rank(players, min_answers=5)] == ["ben", "dee", "ana"]
    assert [p.name for p in rank(players, min_answers=1, limit=2)] == ["ben", "cam"]


def test_a_round_score_counts_repeats_apart():
    score = RoundScore().add(True, scored=True).add(True, scored=False).add(False, scored=True)
    assert score == RoundScore(right=2, total=3, repeats=1)
