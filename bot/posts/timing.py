"""When a server's scheduled post is due: pure functions of ``now``, a time zone and a post time.

(Named ``timing`` rather than ``schedule`` so it never shadows the popular ``schedule`` package.)

Nothing here reads the clock, the database or Discord; every instant in and out is an aware
datetime (``now`` may be in any zone; results are in UTC).

Rules (what a server's "09:00 in Europe/Madrid" means on a given local date):

* **Local date.** A server's date is the date of ``now`` in its time zone, so a server in
  Pacific/Kiritimati (UTC+14) reaches 29 September 25 hours before one in Pacific/Pago_Pago
  (UTC−11). Each server is judged only on its own local date.
* **Skipped hour** (spring forward, e.g. 02:30 on a night the clocks go 02:00 → 03:00): the wall
  time does not exist. We read it with ``fold=0``, i.e. with the offset in force *before* the jump
  (PEP 495), which lands the same distance after the jump: 02:30 → 03:30. The post still
  happens on that date, about when the clock-reader would expect it.
* **Repeated hour** (fall back, e.g. 01:30 on a night the clocks go 02:00 → 01:00): the wall time
  happens twice. We take the *first* occurrence (``fold=0``, the summer offset). The second
  occurrence is just a later minute of the same local date; the ledger (one row per server and
  local date) makes sure it cannot post again.
* **Whole day skipped** (Pacific/Apia skipped 30 December 2011 crossing the date line): that local
  date never happens, so nothing is posted for it. If a shifted post time would spill into the
  next local date, the last minute of the intended date is used instead.
* **Late start.** If the bot was down at the post time, the post is still due for the rest of
  that local date (it goes out late). Once the local date is over, it is never posted: a server
  that was down all of 29 September gets nothing on 30 September.
* **Which dates post.** The daily post (``days=EVERY_DAY``) posts on every date. The yearly post:
  only :data:`ANNIVERSARY_DAYS` (29 September, his retirement: the day the
  post exists for), and only when the fact base has an entry on it. Other dated facts (e.g. 20
  September, the announcement) are for ``/onthisday`` and the daily post, so the yearly setup
  alone gives a server one post a year. Pass ``days=None`` to post on every date with an entry.
* **Leap day.** Which dates carry entries is decided by :mod:`bot.posts.dates` (29 February
  entries fall on 28 February in common years); this module only turns dates into instants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.facts import FactBase
from bot.posts.dates import entries_on, next_entry_date

__all__ = [
    "ANNIVERSARY_DAYS",
    "EVERY_DAY",
    "UTC",
    "DueCheck",
    "DueReason",
    "due_check",
    "local_date",
    "next_post_day",
    "next_post_instant",
    "post_instant",
    "posts_on",
]

UTC = dt.UTC
# (month, day) of the dates that are posted. None instead of a collection: every dated entry.
ANNIVERSARY_DAYS: frozenset[tuple[int, int]] = frozenset({(9, 29)})


class _EveryDay:
    """Marker for ``days``: the daily post, due on every local date (whatever is dated on it)."""

    def __repr__(self) -> str:
        return "EVERY_DAY"


EVERY_DAY = _EveryDay()
Days = Collection[tuple[int, int]] | None | _EveryDay


class DueReason(StrEnum):
    """Why a server's post is, or is not, due at a given instant."""

    DUE = "due"  # post now (if the ledger lets us claim it)
    DISABLED = "disabled"
    NO_CHANNEL = "no_channel"
    NOTHING_TODAY = "nothing_today"  # this local date is not a posting date
    NOT_YET = "not_yet"  # today posts, but the local post time hasn't come
    RECORDED = "recorded"  # the ledger already has this channel and local date


@dataclass(frozen=True, slots=True)
class DueCheck:
    """The answer of :func:`due_check`: the reason, the server's local date, today's post instant."""

    reason: DueReason
    local_date: dt.date
    due_at: dt.datetime | None = None  # today's post instant (UTC), when today posts

    @property
    def due(self) -> bool:
        return self.reason is DueReason.DUE


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("an aware datetime is required (the scheduler never guesses the zone)")
    return moment.astimezone(UTC)


def local_date(now: dt.datetime, tz: ZoneInfo) -> dt.date:
    """The server's calendar date at ``now``."""
    return _utc(now).astimezone(tz).date()


def posts_on(facts: FactBase, day: dt.date, days: Days = ANNIVERSARY_DAYS) -> bool:
    """True when ``day`` is a posting date (every date for the daily post; else one with an entry)."""
    if isinstance(days, _EveryDay):
        return len(facts) > 0
    if days is not None and (day.month, day.day) not in days:
        return False
    return bool(entries_on(facts, day))


def next_post_day(facts: FactBase, after: dt.date, days: Days = ANNIVERSARY_DAYS) -> dt.date | None:
    """The first posting date on or after ``after`` that has an entry (None if there is none)."""
    if isinstance(days, _EveryDay):
        return after if len(facts) > 0 else None
    day: dt.date | None = after
    for _ in range(4 * max(len(facts), 1) + 4):  # each step passes at least one dated entry
        day = next_entry_date(facts, day) if day is not None else None
        if day is None:
            return None
        if posts_on(facts, day, days):
            return day
        day += dt.timedelta(days=1)
    return None


def _start_of(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """The first instant (UTC) whose local date is ``day`` or later."""
    guess = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz).astimezone(UTC)
    # Midnight may be skipped (transitions at 00:00): step back to the true first local minute.
    while (guess - dt.timedelta(minutes=1)).astimezone(tz).date() >= day:
        guess -= dt.timedelta(minutes=1)
    return guess


def post_instant(day: dt.date, post_time: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The UTC instant of ``post_time`` on local ``day`` (skipped/repeated hours per the module rules)."""
    wall = dt.datetime.combine(day, post_time.replace(tzinfo=None, fold=0), tzinfo=tz)
    instant = wall.astimezone(UTC)
    if instant.astimezone(tz).date() > day:  # the shift pushed it past midnight: keep it on ``day``
        instant = _start_of(day + dt.timedelta(days=1), tz) - dt.timedelta(minutes=1)
    return instant


def due_check(
    now: dt.datetime,
    *,
    facts: FactBase,
    tz: ZoneInfo,
    post_time: dt.time,
    posted: bool,
    enabled: bool = True,
    has_channel: bool = True,
    days: Days = ANNIVERSARY_DAYS,
) -> DueCheck:
    """Is this server's post due at ``now``? ``posted``: the ledger has its local date."""
    day = local_date(now, tz)
    if not posts_on(facts, day, days):
        return DueCheck(DueReason.NOTHING_TODAY, day)
    due = post_instant(day, post_time, tz)
    if not enabled:
        return DueCheck(DueReason.DISABLED, day, due)
    if not has_channel:
        return DueCheck(DueReason.NO_CHANNEL, day, due)
    if posted:
        return DueCheck(DueReason.RECORDED, day, due)
    if _utc(now) < due:
        return DueCheck(DueReason.NOT_YET, day, due)
    return DueCheck(DueReason.DUE, day, due)


def next_post_instant(
    now: dt.datetime,
    *,
    facts: FactBase,
    tz: ZoneInfo,
    post_time: dt.time,
    posted_today: bool,
    days: Days = ANNIVERSARY_DAYS,
    taken: Collection[dt.date] = (),
) -> dt.datetime | None:
    """When the next post should go out (UTC), or None if no posting date has an entry.

    If today's post is due but not made yet (late start, retries pending), that is ``now``.
    Local dates in ``taken`` (they already have a ledger row, e.g. a skip) and dates a time-zone
    change skips entirely are stepped over.
    """
    now = _utc(now)
    today = local_date(now, tz)
    day: dt.date | None = today
    for _ in range(8):
        day = next_post_day(facts, day, days) if day is not None else None
        if day is None:
            return None
        if not (day == today and posted_today) and day not in taken:
            instant = post_instant(day, post_time, tz)
            if local_date(instant, tz) == day:
                return max(instant, now)
        day += dt.timedelta(days=1)
    return None
