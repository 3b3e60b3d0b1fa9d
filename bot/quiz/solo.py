"""A solo round's state, carried in its buttons' custom ids, so a press still works after a restart.

``/quiz play`` is an ephemeral message the bot cannot fetch again, and a process that restarts
forgets every view it had. So the round lives in its buttons: each custom id says whose round it
is, its language, its items (a 6-hex code each), how many questions are answered and the score so
far, and what the button does. Whatever process receives the press carries the round on from
there. Pure: no discord, no clock, no database.

``perezbot:solo:<owner>:<lang>:<codes>:<done>.<right>.<repeats>:<action>``, at most 82 characters
(Discord allows 100); ``action`` is an option (``0``–``3``), ``next``, ``finish`` or ``again``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.quiz.items import QuizItem
from bot.quiz.scoring import RoundScore

__all__ = ["ACTIONS", "CUSTOM_ID", "MAX_ITEMS", "SoloRound", "item_code", "parse"]

MAX_ITEMS = 5  # a round's items must fit in a custom id (6 characters each)
ACTIONS = ("0", "1", "2", "3", "next", "finish", "again")
CUSTOM_ID = (
    r"perezbot:solo:(?P<owner>[0-9]{1,20}):(?P<lang>en|es):(?P<codes>(?:[0-9a-f]{6}){1,5})"
    r":(?P<done>[0-5])\.(?P<right>[0-5])\.(?P<repeats>[0-5]):(?P<action>[0-3]|next|finish|again)"
)
_CUSTOM_ID = re.compile(CUSTOM_ID)


def item_code(item_id: str) -> str:
    """A short, stable code for an item id (the ids themselves would not fit in a custom id)."""
    return hashlib.sha256(item_id.encode("utf-8")).hexdigest()[:6]


@dataclass(frozen=True, slots=True)
class SoloRound:
    """One player's round: its items, how many are answered (``done``), and the score so far."""

    owner_id: int
    lang: str
    codes: tuple[str, ...]
    done: int = 0
    right: int = 0
    repeats: int = 0

    @classmethod
    def start(cls, owner_id: int, lang: str, items: Sequence[QuizItem]) -> SoloRound:
        if not 1 <= len(items) <= MAX_ITEMS:
            raise ValueError(f"a solo round has 1 to {MAX_ITEMS} items, not {len(items)}")
        return cls(owner_id, lang, tuple(item_code(item.id) for item in items))

    @property
    def finished(self) -> bool:
        return self.done >= len(self.codes)

    @property
    def score(self) -> RoundScore:
        return RoundScore(self.right, self.done, self.repeats)

    def after(self, correct: bool, *, scored: bool) -> SoloRound:
        """The round once the question on screen is answered."""
        right, repeats = self.right + int(correct), self.repeats + int(not scored)
        return replace(self, done=self.done + 1, right=right, repeats=repeats)

    def custom_id(self, action: str) -> str:
        if action not in ACTIONS:
            raise ValueError(f"unknown solo action {action!r}")
        codes = "".join(self.codes)
        return f"perezbot:solo:{self.owner_id}:{self.lang}:{codes}:{self.done}.{self.right}.{self.repeats}:{action}"

    def items(self, available: Sequence[QuizItem]) -> list[QuizItem] | None:
        """The round's items among ``available`` (the fact base's now), or None when one is gone
        (a reload removed it) or its code is no longer unique."""
        by_code: dict[str, list[QuizItem]] = {}
        for item in available:
            by_code.setdefault(item_code(item.id), []).append(item)
        found = [by_code.get(code, []) for code in self.codes]
        if any(len(matches) != 1 for matches in found):
            return None
        return [matches[0] for matches in found]


def _allowed(state: SoloRound, action: str) -> bool:
    """Which buttons a state can carry: options while a question is open, next between questions,
    finish after the last, again any time."""
    total = len(state.codes)
    if state.done > total or state.right > state.done or state.repeats > state.done:
        return False
    if action == "again":
        return True
    if action == "finish":
        return state.done == total
    if action == "next":
        return 0 < state.done < total
    return state.done < total


def parse(custom_id: str) -> tuple[SoloRound, str] | None:
    """The round and the action a custom id carries; None for anything the bot never made."""
    match = _CUSTOM_ID.fullmatch(custom_id)
    if match is None:
        return None
    codes = match["codes"]
    state = SoloRound(
        owner_id=int(match["owner"]),
        lang=match["lang"],
        codes=tuple(codes[i : i + 6] for i in range(0, len(codes), 6)),
        done=int(match["done"]),
        right=int(match["right"]),
        repeats=int(match["repeats"]),
    )
    action = match["action"]
    return (state, action) if _allowed(state, action) else None
