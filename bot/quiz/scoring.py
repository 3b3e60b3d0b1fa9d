"""Points, streaks and the leaderboard's order: pure functions of answers and a clock.

An answer scores (counts toward the leaderboard: answered, right, streak) unless the player saw
the same item less than :data:`REPEAT_WINDOW` ago — a repeat inside a week is practice, shown
right or wrong but worth nothing, so replaying can't farm the board.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

__all__ = [
    "MIN_ANSWERS",
    "REPEAT_WINDOW",
    "PlayerStats",
    "RoundScore",
    "counts",
    "rank",
]

REPEAT_WINDOW = dt.timedelta(days=7)
MIN_ANSWERS = 5  # on the leaderboard only after this many scored answers


def counts(last_seen: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether an answer scores: the item is new to the player, or last seen a week or more ago."""
    return last_seen is None or now - last_seen >= REPEAT_WINDOW


@dataclass(frozen=True, slots=True)
class PlayerStats:
    """A player's record in one server, and the name they had when they last answered."""

    user_id: int
    name: str
    answered: int = 0
    correct: int = 0
    streak: int = 0
    best_streak: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0

    def after(self, correct: bool, *, name: str, scored: bool = True) -> PlayerStats:
        """The record after one more answer (a repeat changes only the name)."""
        if not scored:
            return replace(self, name=name)
        streak = self.streak + 1 if correct else 0
        return replace(
            self,
            name=name,
            answered=self.answered + 1,
            correct=self.correct + int(correct),
            streak=streak,
            best_streak=max(self.best_streak, streak),
        )


def rank(players: Iterable[PlayerStats], *, min_answers: int = MIN_ANSWERS, limit: int = 10) -> list[PlayerStats]:
    """The leaderboard: players with enough answers, by accuracy, then right answers, then best streak."""
    eligible = [p for p in players if p.answered >= min_answers]
    eligible.sort(key=lambda p: (-p.accuracy, -p.correct, -p.best_streak, p.name.casefold(), p.user_id))
    return eligible[:limit]


@dataclass(frozen=True, slots=True)
class RoundScore:
    """A player's round: ``right`` of ``total``, ``repeats`` of them practice (no points)."""

    right: int = 0
    total: int = 0
    repeats: int = 0

    def add(self, correct: bool, *, scored: bool) -> RoundScore:
        return RoundScore(self.right + int(correct), self.total + 1, self.repeats + int(not scored))
