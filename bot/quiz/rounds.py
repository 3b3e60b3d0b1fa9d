"""A channel round's bookkeeping: who answered what, one change allowed, counts per option.

Pure: the cog feeds it button presses and the end of each countdown; nothing here waits or sends.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from bot.quiz.items import Question, QuizItem
from bot.quiz.scoring import RoundScore

__all__ = ["QUESTION_SECONDS", "TICK_SECONDS", "ChannelRound", "OpenQuestion", "Outcome", "countdown"]

QUESTION_SECONDS = 20
TICK_SECONDS = 5  # the message is edited this often while a question is open (well inside rate limits)


def countdown(total: int = QUESTION_SECONDS, step: int = TICK_SECONDS) -> list[int]:
    """The seconds left shown at each edit: ``[20, 15, 10, 5]``."""
    return list(range(total, 0, -step))


class Outcome(enum.Enum):
    """What a button press did."""

    RECORDED = "recorded"  # a first answer
    CHANGED = "changed"  # the one change allowed
    SAME = "same"  # pressed the answer already chosen: nothing to change
    LOCKED = "locked"  # already changed once
    CLOSED = "closed"  # time is up


@dataclass
class Vote:
    index: int
    name: str
    changed: bool = False


@dataclass
class OpenQuestion:
    """One question of a channel round, open for answers until :meth:`close`."""

    item: QuizItem
    lang: str
    votes: dict[int, Vote] = field(default_factory=dict)
    closed: bool = False

    @property
    def question(self) -> Question:
        return self.item.question(self.lang)

    def answer(self, user_id: int, name: str, index: int) -> Outcome:
        """Record a press of option ``index`` by ``user_id`` (shown as ``name``)."""
        if self.closed:
            return Outcome.CLOSED
        vote = self.votes.get(user_id)
        if vote is None:
            self.votes[user_id] = Vote(index, name)
            return Outcome.RECORDED
        if vote.index == index:
            return Outcome.SAME
        if vote.changed:
            return Outcome.LOCKED
        self.votes[user_id] = Vote(index, name, changed=True)
        return Outcome.CHANGED

    def close(self) -> None:
        self.closed = True

    def tally(self) -> tuple[int, ...]:
        """How many chose each option, in the options' (stable) order."""
        counts = [0] * len(self.question.options)
        for vote in self.votes.values():
            counts[vote.index] += 1
        return tuple(counts)

    def results(self) -> list[tuple[int, str, bool]]:
        """(user id, name, right?) for everyone who answered, in the order they first answered."""
        right = self.question.right
        return [(user_id, vote.name, vote.index == right) for user_id, vote in self.votes.items()]


@dataclass
class ChannelRound:
    """The whole round: its questions and each player's running score."""

    channel_id: int
    guild_id: int
    lang: str
    items: list[QuizItem]
    scores: dict[int, tuple[str, RoundScore]] = field(default_factory=dict)

    def add(self, user_id: int, name: str, correct: bool, *, scored: bool) -> None:
        _, score = self.scores.get(user_id, (name, RoundScore()))
        self.scores[user_id] = (name, score.add(correct, scored=scored))

    def standings(self) -> list[tuple[str, RoundScore]]:
        """Players by right answers (most first), then by name."""
        return sorted(self.scores.values(), key=lambda entry: (-entry[1].right, entry[0].casefold()))
