"""The scheduled posts' scheduler: one ``tick(now)`` over every server. No discord.py in here.

The Discord side calls :meth:`Scheduler.tick` about once a minute with the bot's clock and hands
in a :class:`Poster` that does the sending; tests hand in a fake. Nothing sleeps here, nothing
reads the clock, and nothing is posted except from a tick — not on ready, not on reconnect. The
database is reached only through ``await store.run(fn, ...)`` (never on the event loop).

Two kinds of post, each a :class:`Target` per server: the **yearly** post (``/anniversary``,
``ANNOUNCE_CHANNEL_ID``: 29 September only) and the **daily** post (``/daily``,
``DAILY_CHANNEL_ID``: every day — the story on 29 September, a dated entry on its date, else the
next fact of the server's rotation). The ledger holds one row per channel and local date, so a
server with both in one channel gets one post on 29 September.

Per target and tick (see :mod:`bot.posts.timing` for the time rules, :mod:`bot.posts.ledger` for
claim → send → record and what a crash in between means):

* today already in the ledger → nothing; a stale claim left by a dead process, or an unknown
  outcome whose re-check is due, is taken over and *checked in the channel*, never blindly re-sent;
* not a posting date, disabled, no channel, or before its post time → nothing;
* the first post a database knows for a channel (a new or lost database) is preceded by a look
  at the channel, so a reset database never posts the day's post twice;
* a definite failure (Discord refused: missing permission, deleted channel, 4xx) is counted and
  retried after a back-off, at most :data:`MAX_ATTEMPTS` times that local date;
* days the bot was down entirely are recorded as missed (daily posts), never posted late;
* an error in one server is logged, kept for the status commands, and never stops the others.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.core.facts import FactBase
from bot.core.reply import Reply
from bot.posts import ledger
from bot.posts.content import Pick, fact_ids, pick_for, project, render_pick
from bot.posts.ledger import CLAIM_LEASE, Claim, Failure, LedgerEntry
from bot.posts.rotation import progress
from bot.posts.rotation_store import load_rotation, record_post
from bot.posts.settings import DAILY, YEARLY, GuildSettings, all_guilds, get_guild
from bot.posts.timing import (
    ANNIVERSARY_DAYS,
    EVERY_DAY,
    Days,
    DueReason,
    due_check,
    local_date,
    next_post_instant,
)

__all__ = [
    "BACKOFF",
    "CHECK_BACKOFF",
    "MAX_ATTEMPTS",
    "SEND_TIMEOUT",
    "Defaults",
    "PostRefused",
    "PostResult",
    "PostStatus",
    "Poster",
    "Scheduler",
    "Target",
    "TickOutcome",
    "post_marker",
    "post_nonce",
]

log = logging.getLogger("perezbot.posts")

P = ParamSpec("P")
T = TypeVar("T")

MAX_ATTEMPTS = 5
# Wait after the n-th failed attempt before the next one (the last value repeats).
BACKOFF: tuple[dt.timedelta, ...] = tuple(dt.timedelta(minutes=m) for m in (1, 5, 15, 30))
# Wait after the n-th failed look at the channel (outcome unknown) before the next look.
CHECK_BACKOFF: tuple[dt.timedelta, ...] = tuple(dt.timedelta(minutes=m) for m in (1, 2, 5, 10, 20, 30))
SEND_TIMEOUT = 30.0  # seconds; must stay well under the ledger's CLAIM_LEASE
KINDS = {"yearly": YEARLY, "daily": DAILY}


class PostRefused(Exception):
    """Discord answered and did not create the message (4xx: permission, missing channel…).

    Only this exception means "definitely not posted"; any other error from :meth:`Poster.post`
    is treated as "maybe posted" and settled by a look at the channel after the claim lease.
    """


class Database(Protocol):
    """What the scheduler needs of :class:`bot.store.store.Store`."""

    async def run(
        self, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T: ...


class Poster(Protocol):
    """What the scheduler needs from Discord."""

    def guild_of(self, channel_id: int) -> int | None:
        """The server a channel belongs to, if the bot can see it."""
        ...

    def language_of(self, guild_id: int) -> str | None:
        """The server's own language ("en"/"es") for a server with no settings of its own, if known."""
        ...

    async def post(self, channel_id: int, reply: Reply, nonce: str, marker: str) -> int:
        """Send the post (its button carries ``marker``); return the message id.
        Raise :class:`PostRefused` if Discord refused it."""
        ...

    async def find_post(self, channel_id: int, marker: str) -> int | None:
        """The id of the bot's recent post whose button starts with ``marker`` (the date), or None
        if verifiably absent. Raise if it cannot tell (no history permission, channel gone, 5xx…)."""
        ...


@dataclass(frozen=True, slots=True)
class Defaults:
    """Deployment-wide defaults: ``ANNOUNCE_CHANNEL_ID``, ``DAILY_CHANNEL_ID``, ``POST_TIME``, ``TIMEZONE``."""

    channel_id: int | None = None  # ANNOUNCE_CHANNEL_ID: the yearly post
    post_time: dt.time = dt.time(9, 0)
    timezone: str = "UTC"
    language: str = "en"
    daily_channel_id: int | None = None  # DAILY_CHANNEL_ID

    @classmethod
    def from_settings(cls, settings: Any) -> Defaults:
        return cls(
            settings.announce_channel_id,
            settings.post_time,
            settings.timezone,
            daily_channel_id=getattr(settings, "daily_channel_id", None),
        )

    def channel(self, kind: str) -> int | None:
        return self.daily_channel_id if kind == "daily" else self.channel_id


@dataclass(frozen=True, slots=True)
class Target:
    """One server's effective settings for one kind of post (its own, else the defaults)."""

    guild_id: int
    channel_id: int | None
    post_time: dt.time
    timezone: str
    language: str
    enabled: bool
    configured: bool  # has its own row (False: only the environment default applies)
    kind: str = "yearly"
    since: dt.date | None = None  # set up (or changed) on this date: no missed days before it

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def days(self) -> Days:
        return EVERY_DAY if self.kind == "daily" else ANNIVERSARY_DAYS


class PostResult(StrEnum):
    """What one tick did about one server's post for its local date."""

    POSTED = "posted"
    RECOVERED = "recovered"  # the post was found in the channel and recorded
    REFUSED = "refused"  # Discord refused; will retry after back-off
    UNCERTAIN = "uncertain"  # the send may or may not have happened; checked after the lease
    UNKNOWN = "unknown"  # could not check the channel: not re-sent, checked again later today
    RETRY = "retry"  # a dead claimant's post is verifiably absent: released for a retry
    BACKOFF = "backoff"
    GAVE_UP = "gave_up"
    BUSY = "busy"  # someone else holds a live claim
    SETTLED = "settled"  # the ledger's row for the date is final (posted, skipped or missed): nothing to do
    ERROR = "error"  # a bug or bad setting in this server; logged, others continue
    SKIPPED = "skipped"  # not due: see ``reason``


@dataclass(frozen=True, slots=True)
class TickOutcome:
    """One server's :class:`PostResult` from a tick, with what it concerned."""

    guild_id: int
    result: PostResult
    local_date: dt.date | None = None
    reason: DueReason | None = None
    message_id: int | None = None
    error: str | None = None
    kind: str = "yearly"
    channel_id: int | None = None


@dataclass(frozen=True, slots=True)
class PostStatus:
    """What ``/anniversary status`` and ``/daily status`` show."""

    target: Target
    local_date: dt.date
    next_post: dt.datetime | None
    last: LedgerEntry | None  # the latest ledger row (posted, missed, or one needing a look)
    failure: Failure | None  # the latest failure
    gave_up: bool
    next_dates: tuple[dt.date, ...] = ()
    progress: tuple[int, int] | None = None  # (shown, total) in the rotation (daily)
    missed: tuple[dt.date, ...] = field(default=())  # days missed entirely in the last 30 (daily)


def post_nonce(channel_id: int, day: dt.date) -> str:
    """A nonce Discord uses (``enforce_nonce``) to refuse a repeat of the channel's post for the day."""
    digest = hashlib.sha256(f"perezbot-post:{channel_id}:{day.isoformat()}".encode()).digest()
    return str(int.from_bytes(digest[:8], "big") >> 1)  # ≤ 19 digits; Discord allows 25


def post_marker(day: dt.date, fact_id: str | None = None) -> str:
    """The custom id of a post's button: ``perezbot:post:2026-09-29:fact-id``. Its date prefix is
    how the bot recognises its own post for a date in the channel's history."""
    prefix = f"perezbot:post:{day.isoformat()}:"
    return prefix + (fact_id or "") if fact_id is not None else prefix


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read_targets(conn: sqlite3.Connection) -> dict[str, list[GuildSettings]]:
    return {kind: all_guilds(conn, table) for kind, table in KINDS.items()}


class Scheduler:
    """Decides and posts. Safe to run several at once on one database (see the ledger)."""

    def __init__(
        self,
        store: Database,
        facts: FactBase | Callable[[], FactBase],
        poster: Poster,
        defaults: Defaults = Defaults(),
        *,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: Sequence[dt.timedelta] = BACKOFF,
        check_backoff: Sequence[dt.timedelta] = CHECK_BACKOFF,
        send_timeout: float = SEND_TIMEOUT,
        lease: dt.timedelta = CLAIM_LEASE,
    ) -> None:
        if lease <= dt.timedelta(seconds=send_timeout) * 2:
            raise ValueError("the claim lease must be well above the send timeout, or a slow send could be taken over")
        self.store = store
        self._facts = facts if callable(facts) else (lambda: facts)
        self.poster = poster
        self.defaults = defaults
        self.max_attempts = max_attempts
        self.backoff = tuple(backoff)
        self.check_backoff = tuple(check_backoff)
        self.send_timeout = send_timeout
        self.lease = lease
        self._missed_checked: set[tuple[int, dt.date]] = set()

    def db(
        self, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Awaitable[T]:
        return self.store.run(fn, *args, **kwargs)

    # -- who -----------------------------------------------------------------------------------

    def _default_guild(self, kind: str) -> int | None:
        channel = self.defaults.channel(kind)
        if channel is None:
            return None
        try:
            return self.poster.guild_of(channel)
        except Exception:  # the default channel is a convenience; never let it stop a tick
            log.exception("could not resolve the default %s channel %s", kind, channel)
            return None

    def _language_of(self, guild_id: int) -> str | None:
        try:
            found = self.poster.language_of(guild_id)
        except Exception:
            log.exception("could not read the language of server %s", guild_id)
            return None
        return found if found in ("en", "es") else None

    def _target(self, kind: str, row: GuildSettings | None, guild_id: int, default_guild: int | None) -> Target:
        d = self.defaults
        channel = row.channel_id if row else None
        if channel is None and default_guild == guild_id:
            channel = d.channel(kind)
        language = row.language if row else (self._language_of(guild_id) or d.language)
        timezone = row.timezone if row and row.timezone else d.timezone
        since = None
        if row is not None and row.updated_at:
            try:
                since = dt.datetime.fromisoformat(row.updated_at).astimezone(ZoneInfo(timezone)).date()
            except (ValueError, KeyError):  # a bad zone fails this server's tick, not everyone's
                since = None
        return Target(
            guild_id=guild_id,
            channel_id=channel,
            post_time=(row.post_time if row and row.post_time else d.post_time),
            timezone=timezone,
            language=language,
            enabled=row.enabled if row else True,
            configured=row is not None,
            kind=kind,
            since=since,
        )

    def _targets_of(self, kind: str, rows: list[GuildSettings]) -> list[Target]:
        default_guild = self._default_guild(kind)
        found = [self._target(kind, row, row.guild_id, default_guild) for row in rows]
        if default_guild is not None and all(row.guild_id != default_guild for row in rows):
            found.append(self._target(kind, None, default_guild, default_guild))
        return found

    async def targets(self) -> list[Target]:
        """Every server with settings, plus the default channels' servers if they have none."""
        rows = await self.db(_read_targets)
        return [target for kind in KINDS for target in self._targets_of(kind, rows[kind])]

    async def target(self, guild_id: int, kind: str = "yearly") -> Target:
        row = await self.db(get_guild, guild_id, KINDS[kind])
        return self._target(kind, row, guild_id, self._default_guild(kind))

    # -- the tick ------------------------------------------------------------------------------

    async def tick(self, now: dt.datetime) -> list[TickOutcome]:
        """Post whatever is due at ``now`` (aware). One server's trouble never stops the others."""
        if now.tzinfo is None:
            raise ValueError("tick(now) needs an aware datetime")
        now = now.astimezone(dt.UTC)
        facts = self._facts()
        try:
            targets = await self.targets()
        except Exception as exc:
            log.exception("posts tick: could not read server settings")
            return [TickOutcome(0, PostResult.ERROR, error=_describe(exc))]
        # With several processes (each running some shards), each server is ticked only by the process
        # whose shard owns it; the ledger's claim still guards against any overlap.
        handles = getattr(self.poster, "handles", None)
        if handles is not None:
            targets = [t for t in targets if handles(t.guild_id)]
        # Concurrently: a server whose Discord requests hang never holds up the others.
        outcomes = await asyncio.gather(*(self._tick_safely(target, facts, now) for target in targets))
        return list(outcomes)

    async def _tick_safely(self, target: Target, facts: FactBase, now: dt.datetime) -> TickOutcome:
        try:
            outcome = await self._tick_one(target, facts, now)
        except Exception as exc:
            log.exception("%s post tick failed for server %s", target.kind, target.guild_id)
            outcome = TickOutcome(target.guild_id, PostResult.ERROR, error=_describe(exc), kind=target.kind)
        if outcome.result not in (PostResult.SKIPPED, PostResult.SETTLED):
            log.info("%s post %s: %s %s", target.kind, target.guild_id, outcome.result, outcome.error or "")
        return outcome

    def _outcome(self, target: Target, result: PostResult, day: dt.date, **kw: Any) -> TickOutcome:
        return TickOutcome(target.guild_id, result, day, kind=target.kind, channel_id=target.channel_id, **kw)

    async def _note_missed(self, target: Target, day: dt.date, now: dt.datetime) -> None:
        """Once per channel and local date: days the bot was down entirely become ``missed`` rows."""
        assert target.channel_id is not None
        key = (target.channel_id, day)
        if target.kind != "daily" or not target.enabled or key in self._missed_checked:
            return
        if len(self._missed_checked) > 100_000:  # a long run: forget old days, never grow unbounded
            self._missed_checked = {k for k in self._missed_checked if k[1] >= day - dt.timedelta(days=2)}
        self._missed_checked.add(key)
        marked = await self.db(ledger.mark_missed, target.guild_id, target.channel_id, day, now, since=target.since)
        for missed in marked:
            log.warning("daily post for server %s on %s was missed (the bot was down all day)", target.guild_id, missed)

    async def _tick_one(self, target: Target, facts: FactBase, now: dt.datetime) -> TickOutcome:
        tz = target.tz
        day = local_date(now, tz)
        if target.channel_id is None or not target.enabled:
            reason = DueReason.NO_CHANNEL if target.channel_id is None else DueReason.DISABLED
            return self._outcome(target, PostResult.SKIPPED, day, reason=reason)
        await self._note_missed(target, day, now)
        entry = await self.db(ledger.entry, target.channel_id, day)
        if entry is not None:
            if entry.state in ("sending", "unknown"):
                claim = await self.db(ledger.take_over, entry, now, self.lease)
                if claim is None:
                    return self._outcome(target, PostResult.BUSY, day)
                return await self._recover(claim, target, facts, now)
            return self._outcome(target, PostResult.SETTLED, day, message_id=entry.message_id)
        check = due_check(now, facts=facts, tz=tz, post_time=target.post_time, posted=False, days=target.days)
        if not check.due:
            return self._outcome(target, PostResult.SKIPPED, day, reason=check.reason)
        failure = await self.db(ledger.failure, target.channel_id, day)
        if failure is not None and failure.attempts >= self.max_attempts:
            return self._outcome(target, PostResult.GAVE_UP, day, error=failure.last_error)
        if failure is not None and failure.attempts and failure.last_attempt is not None:
            wait = self.backoff[min(failure.attempts, len(self.backoff)) - 1]
            if now < failure.last_attempt + wait:
                return self._outcome(target, PostResult.BACKOFF, day, error=failure.last_error)
        pick = await self._pick(target, facts, day)
        reply = render_pick(facts, day, pick, target.language) if pick else None
        if pick is None or reply is None:
            return self._outcome(target, PostResult.SKIPPED, day, reason=DueReason.NOTHING_TODAY)
        known = await self.db(ledger.has_history, target.channel_id, day)
        claim = await self.db(
            ledger.claim,
            target.guild_id,
            target.channel_id,
            day,
            now,
            kind=target.kind,
            content=pick.content,
            fact_id=pick.fact_id,
        )
        if claim is None:  # another tick or process got there first
            return self._outcome(target, PostResult.BUSY, day)
        if not known:
            # A new or lost database: the post may already be in the channel (made before a reset).
            found = await self._look(claim, target, now, missing_permission_ok=True)
            if isinstance(found, TickOutcome):
                return found
            if found is not None:
                await self.db(record_post, claim, found, now, fact_ids(facts))
                return self._outcome(target, PostResult.RECOVERED, day, message_id=found)
        return await self._send(claim, target, reply, now, facts)

    async def _pick(self, target: Target, facts: FactBase, day: dt.date) -> Pick | None:
        if target.kind == "yearly":
            return Pick("story", None)
        rotation = await self.db(load_rotation, target.guild_id)
        return pick_for(facts, day, rotation)

    async def _send(self, claim: Claim, target: Target, reply: Reply, now: dt.datetime, facts: FactBase) -> TickOutcome:
        day = claim.local_date
        marker = post_marker(day, claim.fact_id or (reply.fact_ids[0] if reply.fact_ids else ""))
        try:
            message_id = await asyncio.wait_for(
                self.poster.post(claim.channel_id, reply, post_nonce(claim.channel_id, day), marker), self.send_timeout
            )
        except PostRefused as exc:
            failure = await self.db(ledger.release, claim, _describe(exc), now)
            log.warning(
                "%s post refused in server %s (attempt %d): %s", target.kind, target.guild_id, failure.attempts, exc
            )
            return self._outcome(target, PostResult.REFUSED, day, error=_describe(exc))
        except Exception as exc:
            # The message may or may not exist. Keep the claim: after the lease a scheduler
            # looks in the channel instead of re-sending (see bot.posts.ledger).
            log.warning("%s post in server %s has an unknown outcome: %s", target.kind, target.guild_id, _describe(exc))
            return self._outcome(target, PostResult.UNCERTAIN, day, error=_describe(exc))
        if not await self.db(record_post, claim, message_id, now, fact_ids(facts)):
            log.error("%s claim for server %s on %s was taken over while sending", target.kind, target.guild_id, day)
        return self._outcome(target, PostResult.POSTED, day, message_id=message_id)

    async def _look(
        self, claim: Claim, target: Target, now: dt.datetime, *, missing_permission_ok: bool = False
    ) -> int | TickOutcome | None:
        """The post's message id if it is in the channel, None if verifiably absent; when the channel
        can't be checked, an UNKNOWN outcome (the claim is parked, checked again after a back-off)."""
        try:
            return await asyncio.wait_for(
                self.poster.find_post(claim.channel_id, post_marker(claim.local_date)), self.send_timeout
            )
        except PermissionError:
            if missing_permission_ok:
                return None  # can never check there; a first post goes out (the nonce still guards)
            error = "could not check the channel: missing Read Message History"
        except Exception as exc:
            error = f"could not check the channel ({_describe(exc)})"
        entry = await self.db(ledger.entry, claim.channel_id, claim.local_date)
        checks = entry.checks if entry else 0
        retry_at = now + self.check_backoff[min(checks, len(self.check_backoff) - 1)]
        await self.db(ledger.mark_unknown, claim, error, now, retry_at)
        log.error(
            "%s post for server %s on %s: outcome unknown, %s; not re-sending, checking again at %s",
            target.kind,
            target.guild_id,
            claim.local_date,
            error,
            retry_at.isoformat(timespec="seconds"),
        )
        return self._outcome(target, PostResult.UNKNOWN, claim.local_date, error=error)

    async def _recover(self, claim: Claim, target: Target, facts: FactBase, now: dt.datetime) -> TickOutcome:
        """A dead claimant's claim or an unknown outcome: find the post, or release it, never guess."""
        day = claim.local_date
        found = await self._look(claim, target, now)
        if isinstance(found, TickOutcome):
            return found
        if found is not None:
            await self.db(record_post, claim, found, now, fact_ids(facts))
            return self._outcome(target, PostResult.RECOVERED, day, message_id=found)
        await self.db(
            ledger.release,
            claim,
            "interrupted before Discord confirmed; the post is not in the channel",
            now,
            count=False,
        )
        return self._outcome(target, PostResult.RETRY, day)

    # -- status --------------------------------------------------------------------------------

    async def status(self, guild_id: int, now: dt.datetime, kind: str = "yearly") -> PostStatus:
        """What the status commands show."""
        target = await self.target(guild_id, kind)
        facts = self._facts()
        tz = target.tz
        day = local_date(now, tz)
        today = await self.db(ledger.entry, target.channel_id, day) if target.channel_id else None
        failure_today = await self.db(ledger.failure, target.channel_id, day) if target.channel_id else None
        gave_up = failure_today is not None and failure_today.attempts >= self.max_attempts
        next_post = None
        next_dates: tuple[dt.date, ...] = ()
        if target.enabled and target.channel_id is not None:
            next_post = await self._next_post(target, facts, now, posted_today=today is not None or gave_up)
            if next_post is not None and kind == "daily":
                first = local_date(next_post, tz)
                next_dates = tuple(first + dt.timedelta(days=i) for i in range(5))
        last = await self.db(ledger.last_entry, guild_id, kind)
        failure = await self.db(ledger.last_failure, guild_id)
        shown = None
        missed: tuple[dt.date, ...] = ()
        if kind == "daily":
            rotation = await self.db(load_rotation, guild_id)
            shown = progress(rotation, fact_ids(facts))
            missed = tuple(await self.db(ledger.missed_since, guild_id, day - dt.timedelta(days=30)))
        return PostStatus(target, day, next_post, last, failure, gave_up, next_dates, shown, missed)

    async def _next_post(
        self, target: Target, facts: FactBase, now: dt.datetime, *, posted_today: bool
    ) -> dt.datetime | None:
        """The next post instant, stepping over dates that already have a row (skipped ones)."""
        assert target.channel_id is not None
        taken = await self.db(ledger.dates_from, target.channel_id, local_date(now, target.tz))
        return next_post_instant(
            now,
            facts=facts,
            tz=target.tz,
            post_time=target.post_time,
            posted_today=posted_today,
            days=target.days,
            taken=taken,
        )

    async def upcoming(self, guild_id: int, now: dt.datetime) -> tuple[dt.date, Pick | None] | None:
        """The date of the next daily post and what it will show (``/daily preview``); uses nothing up."""
        target = await self.target(guild_id, "daily")
        facts = self._facts()
        if target.channel_id is not None and target.enabled:
            today = await self.db(ledger.entry, target.channel_id, local_date(now, target.tz))
            instant = await self._next_post(target, facts, now, posted_today=today is not None)
        else:
            instant = None
        day = local_date(instant or now, target.tz)
        rotation = await self.db(load_rotation, guild_id)
        return day, project(facts, rotation, day, day)

    async def next_day(self, guild_id: int, now: dt.datetime) -> dt.date | None:
        """The local date of the next daily post (``/daily skip``), or None when none is scheduled."""
        target = await self.target(guild_id, "daily")
        if target.channel_id is None or not target.enabled:
            return None
        today = await self.db(ledger.entry, target.channel_id, local_date(now, target.tz))
        instant = await self._next_post(target, self._facts(), now, posted_today=today is not None)
        return local_date(instant, target.tz) if instant else None
