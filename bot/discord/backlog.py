"""How many questions are being handled, and what that means for the next one.

Discord drops an interaction not answered within 3 s of its creation ("The application did not
respond"). Under a burst the gateway delivers questions faster than they are answered, so the
last ones in line would miss the window. :class:`Backlog` keeps count and decides, per question:

- **answer** — quick enough: send the answer as the first response;
- **defer** — the question already waited (its age) or very many are ahead of it: acknowledge at
  once (a deferral, which Discord shows as "thinking…") and send the answer as the follow-up. Not
  sooner: a deferral is a second request, and under a burst the extra work made answers later;
- **busy** — more than ``limit`` in hand: say "try again in a moment" instead of queueing
  without bound (a polite notice, never a silent drop).

A channel that already has ``per_channel`` replies waiting on its rate limit is *saturated*: a
reply to it is dropped with a logged reason rather than queued behind a wait that only grows.
Pure bookkeeping, no I/O: the cogs ask and then act.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import logging
from collections import Counter
from collections.abc import Callable, Iterator

__all__ = ["Backlog", "Mode"]

log = logging.getLogger("perezbot.backlog")


class Mode(enum.Enum):
    ANSWER = "answer"
    DEFER = "defer"
    BUSY = "busy"


class Backlog:
    """Counts questions in hand and replies waiting per channel; bounded by ``limit`` and ``per_channel``."""

    def __init__(
        self,
        *,
        limit: int = 1000,
        defer_depth: int = 200,
        defer_age: float = 1.0,
        per_channel: int = 10,
        wall: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.wall = wall  # real time: an interaction's age is measured against Discord's clock
        self.limit = limit  # questions in hand at most; past it, "try again in a moment"
        self.defer_depth = defer_depth  # with this many ahead, defer first
        self.defer_age = defer_age  # seconds a question may have waited before we defer it
        self.per_channel = per_channel  # replies waiting for one channel at most
        self.in_hand = 0
        self._channels: Counter[int] = Counter()
        self.turned_away = 0
        self.dropped = 0

    def age(self, created_at: dt.datetime) -> float:
        """Seconds since ``created_at`` (an interaction's creation, from its id)."""
        return max(0.0, (self.wall() - created_at).total_seconds())

    def mode(self, age: float) -> Mode:
        """What to do with a question that arrived ``age`` seconds ago (before it is admitted)."""
        if self.in_hand >= self.limit:
            return Mode.BUSY
        if age >= self.defer_age or self.in_hand >= self.defer_depth:
            return Mode.DEFER
        return Mode.ANSWER

    @contextlib.contextmanager
    def handling(self) -> Iterator[None]:
        """Count one question as in hand for the duration of the block."""
        self.in_hand += 1
        try:
            yield
        finally:
            self.in_hand -= 1

    def turn_away(self) -> None:
        self.turned_away += 1
        if self.turned_away == 1 or self.turned_away % 100 == 0:
            log.warning("busy: %d question(s) in hand; told %d asker(s) to try again", self.in_hand, self.turned_away)

    @contextlib.contextmanager
    def channel_slot(self, channel_id: int | None) -> Iterator[bool]:
        """Reserve a place in ``channel_id``'s reply queue; yields False (and logs) when it is full."""
        if channel_id is None:
            yield True
            return
        if self._channels[channel_id] >= self.per_channel:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 100 == 0:  # a flood is a few lines, not one per message
                log.warning(
                    "channel %s is saturated (%d replies waiting on its rate limit): reply dropped (%d so far)",
                    channel_id,
                    self._channels[channel_id],
                    self.dropped,
                )
            yield False
            return
        self._channels[channel_id] += 1
        try:
            yield True
        finally:
            self._channels[channel_id] -= 1
            if not self._channels[channel_id]:
                del self._channels[channel_id]
