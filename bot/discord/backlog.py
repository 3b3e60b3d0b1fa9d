"""How many questions are being handled, and what that means for the next one.

Discord drops an interaction not answered within 3 s of its creation ("The application did not
respond"). Under a burst the gateway delivers questions faster than they are answered, so the
last ones in line would miss the window. Measured on a 2-core machine, the bot's own CPU is the
bottleneck, and most of it goes into HTTP requests (~0.4 ms each, more than matching a question):
the way to answer everyone in time is to spend the window on *first responses only*, one request
per question, and do everything else after. :class:`Backlog` keeps count and decides, per question:

- **answer** — few first responses are pending: match and send the answer as the first response
  (one request, no "thinking…"); if the answer is not ready ``answer_by`` seconds after the
  interaction's creation, the cog defers then, so a slow match never costs the window;
- **defer** — the question already waited (its age) or many first responses are pending ahead of
  it: acknowledge at once (a deferral, "thinking…"), before any other work;
- **busy** — more than ``limit`` in hand: say "try again in a moment" instead of queueing
  without bound (a polite notice, never a silent drop).

Whatever follows a first response (matching a deferred question, a follow-up message) waits in
:meth:`Backlog.quiet` until no first response is pending (at most ``hold`` seconds), so it never
competes with a question still inside its window. Counting only; the cogs ask and then act.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import enum
import logging
from collections.abc import Callable, Iterator

__all__ = ["Backlog", "FirstResponse", "Mode"]

log = logging.getLogger("perezbot.backlog")


class Mode(enum.Enum):
    ANSWER = "answer"
    DEFER = "defer"
    BUSY = "busy"


class FirstResponse:
    """One interaction waiting for its first response; :meth:`done` (idempotent) when it went out."""

    __slots__ = ("_backlog", "pending")

    def __init__(self, backlog: Backlog) -> None:
        self._backlog = backlog
        self.pending = True

    def done(self) -> None:
        if self.pending:
            self.pending = False
            self._backlog._first_sent()


class Backlog:
    """Counts questions in hand and first responses pending; bounded by ``limit``."""

    def __init__(
        self,
        *,
        limit: int = 4000,
        defer_depth: int = 100,
        defer_age: float = 1.0,
        answer_by: float = 1.5,
        hold: float = 5.0,
        wall: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.wall = wall  # real time: an interaction's age is measured against Discord's clock
        self.limit = limit  # questions in hand at most; past it, "try again in a moment"
        self.defer_depth = defer_depth  # with this many first responses pending, defer at once
        self.defer_age = defer_age  # seconds a question may have waited before we defer it at once
        self.answer_by = answer_by  # seconds after its creation an answer-mode question is deferred anyway
        self.hold = hold  # seconds follow-up work waits at most for the first responses to drain
        self.in_hand = 0
        self.awaiting_first = 0
        self._quiet: asyncio.Event | None = None
        self.turned_away = 0

    def age(self, created_at: dt.datetime) -> float:
        """Seconds since ``created_at`` (an interaction's creation, from its id)."""
        return max(0.0, (self.wall() - created_at).total_seconds())

    def time_left(self, created_at: dt.datetime) -> float:
        """Seconds until an answer-mode question created at ``created_at`` should be deferred."""
        return max(0.0, self.answer_by - self.age(created_at))

    def mode(self, age: float) -> Mode:
        """What to do with a question that arrived ``age`` seconds ago (before it is admitted)."""
        if self.in_hand >= self.limit:
            return Mode.BUSY
        if age >= self.defer_age or self.awaiting_first >= self.defer_depth:
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

    @contextlib.contextmanager
    def first_response(self) -> Iterator[FirstResponse]:
        """Count one interaction as waiting for its first response until ``done()`` or the block ends."""
        self.awaiting_first += 1
        if self._quiet is not None:
            self._quiet.clear()
        pending = FirstResponse(self)
        try:
            yield pending
        finally:
            pending.done()

    def _first_sent(self) -> None:
        self.awaiting_first -= 1
        if not self.awaiting_first and self._quiet is not None:
            self._quiet.set()

    async def quiet(self) -> None:
        """Return once no first response is pending, or after ``hold`` seconds (never starve)."""
        if not self.awaiting_first:
            return
        if self._quiet is None:
            self._quiet = asyncio.Event()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._quiet.wait(), self.hold)

    def turn_away(self) -> None:
        self.turned_away += 1
        if self.turned_away == 1 or self.turned_away % 100 == 0:
            log.warning("busy: %d question(s) in hand; told %d asker(s) to try again", self.in_hand, self.turned_away)
