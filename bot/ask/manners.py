"""Manners when answering: a per-user cooldown, and no reposting an answer given a minute ago.

Nothing here imports discord or reads the clock: every time is a parameter, so tests use fixed
datetimes and never sleep.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Cooldown", "Recent", "RecentAnswers"]


PRUNE_EVERY = 1_000  # new askers between sweeps of the ones whose window has passed


class Cooldown:
    """At most ``rate`` questions per ``per`` seconds for each user (a sliding window).

    :meth:`hit` records a question and returns ``None`` when allowed, or the seconds to wait when
    not (a refused question is not counted, so waiting is always enough).
    """

    def __init__(self, rate: int = 5, per: float = 30.0, max_users: int = 10_000) -> None:
        self.rate = rate
        self.per = per
        self.max_users = max_users
        # A short list per user, not a deque: a deque costs ~600 bytes, and a flood of askers
        # made this the largest thing the bot kept (8 MiB for 10,000 users).
        self._hits: dict[int, list[float]] = {}
        self._since_prune = 0
        self._warned: dict[int, float] = {}

    def hit(self, user_id: int, now: dt.datetime) -> float | None:
        t = now.timestamp()
        window = self._hits.get(user_id)
        if window is None:
            self._since_prune += 1
            if len(self._hits) >= self.max_users or self._since_prune >= PRUNE_EVERY:
                self._prune(t)  # users whose window has passed: forget them
            window = self._hits[user_id] = []
        while window and window[0] <= t - self.per:
            del window[0]
        if len(window) >= self.rate:
            return max(window[0] + self.per - t, 0.0)
        window.append(t)
        return None

    def warn_once(self, user_id: int, now: dt.datetime) -> bool:
        """True the first time a refused user should be told to wait; False for the rest of that wait."""
        t = now.timestamp()
        window = self._hits.get(user_id)
        until = (window[0] + self.per) if window else t
        if self._warned.get(user_id, float("-inf")) > t:
            return False
        self._warned[user_id] = until
        return True

    def _prune(self, t: float) -> None:
        self._since_prune = 0
        for user_id in [u for u, w in self._hits.items() if not w or w[-1] <= t - self.per]:
            del self._hits[user_id]
            self._warned.pop(user_id, None)


@dataclass(frozen=True, slots=True)
class Recent:
    """An answer already posted in a channel: where it is and when."""

    fact_ids: tuple[str, ...]
    link: str
    at: dt.datetime


class RecentAnswers:
    """Remembers the last answer per (channel, facts) so a repeat within ``window`` points back to it."""

    def __init__(self, window: dt.timedelta = dt.timedelta(minutes=1), max_entries: int = 5_000) -> None:
        self.window = window
        self.max_entries = max_entries
        self._seen: dict[tuple[int, tuple[str, ...]], Recent] = {}

    def earlier(self, channel_id: int, fact_ids: tuple[str, ...], now: dt.datetime) -> Recent | None:
        """The earlier answer with the same facts in this channel, if it is recent enough."""
        if not fact_ids:
            return None
        found = self._seen.get((channel_id, fact_ids))
        if found is None or now - found.at > self.window:
            return None
        return found

    def remember(self, channel_id: int, fact_ids: tuple[str, ...], link: str, now: dt.datetime) -> None:
        if not fact_ids:
            return
        if len(self._seen) >= self.max_entries:
            self._seen = {k: v for k, v in self._seen.items() if now - v.at <= self.window}
            if len(self._seen) >= self.max_entries:  # all recent: drop the oldest half
                keep = sorted(self._seen.items(), key=lambda kv: kv[1].at)[self.max_entries // 2 :]
                self._seen = dict(keep)
        self._seen[(channel_id, fact_ids)] = Recent(fact_ids, link, now)
