"""Conversation memory: the last answered turn per conversation, for a few minutes.

A follow-up ("how old was he then?", "and the year after?", "¿dónde fue eso?") only makes sense
after the previous answer; the matcher resolves it against the :class:`Turn` kept here. The key is
whatever identifies a conversation for the caller (a user in a channel, a DM, the console). The
clock is injected, so the memory is pure and testable; entries expire after ``ttl`` seconds.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from bot.core.record import Frozen

__all__ = ["DEFAULT_TTL", "Conversations", "Turn"]

DEFAULT_TTL = 300.0  # five minutes: after that a question starts a new conversation
MAX_CONVERSATIONS = 10_000  # the oldest are forgotten first; memory stays bounded


class Turn(Frozen):
    """What a follow-up can lean on: the topic words of the last answered question, its fact, and
    its wording (an elliptic "and the second?" repeats that question with one word changed)."""

    _fields = ("topic", "fact_id", "year", "question")
    __slots__ = _fields
    topic: tuple[str, ...]  # canonical content tokens (question words left out)
    fact_id: str | None
    year: int | None
    question: str

    def __init__(
        self, topic: tuple[str, ...], fact_id: str | None = None, year: int | None = None, question: str = ""
    ) -> None:
        _set = object.__setattr__
        _set(self, "topic", topic)
        _set(self, "fact_id", fact_id)
        _set(self, "year", year)
        _set(self, "question", question)


class Conversations:
    """Per-key memory of the last answered turn, forgotten after ``ttl`` seconds of silence."""

    def __init__(self, clock: Callable[[], float], ttl: float = DEFAULT_TTL) -> None:
        self._clock = clock
        self._ttl = ttl
        self._turns: OrderedDict[Hashable, tuple[float, Turn]] = OrderedDict()

    def previous(self, key: Hashable) -> Turn | None:
        """The last turn of ``key``'s conversation, unless it is older than the ttl."""
        found = self._turns.get(key)
        if found is None:
            return None
        at, turn = found
        if self._clock() - at > self._ttl:
            del self._turns[key]
            return None
        return turn

    def remember(self, key: Hashable, turn: Turn | None) -> None:
        """Keep ``turn`` as ``key``'s last turn (None keeps the previous one: a decline is no topic)."""
        if turn is None:
            return
        self._turns[key] = (self._clock(), turn)
        self._turns.move_to_end(key)
        while len(self._turns) > MAX_CONVERSATIONS:
            self._turns.popitem(last=False)

    def forget(self, key: Hashable) -> None:
        self._turns.pop(key, None)
