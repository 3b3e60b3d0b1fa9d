"""The anniversary scheduler: one ``tick(now)`` over every known server. No discord.py in here.

The Discord side calls :meth:`Scheduler.tick` about once a minute with the bot's clock and hands
in a :class:`Poster` that does the sending; tests hand in a fake. Nothing is sleeping here, nothing
reads the clock, and nothing is posted except from a tick — not on ready, not on reconnect.

Per server and tick (see :mod:`bot.core.schedule` for the time rules, :mod:`bot.store.ledger`
for claim → send → record and what a crash in between means):

* already in the ledger for its local date → nothing (a stale claim left by a dead process is
  taken over and *verified* in the channel, never blindly re-sent);
* no entry on its local date, disabled, no channel, or before its post time → nothing;
* a definite failure (Discord refused: missing permission, deleted channel, 4xx) is counted and
  retried after a back-off, at most :data:`MAX_ATTEMPTS` times that local date;
* an error in one server is logged, kept for ``/anniversary status``, and never stops the others.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.core.facts import FactBase
from bot.core.render import Reply, render_onthisday
from bot.core.schedule import ANNIVERSARY_DAYS, Days, Verdict, decide, local_date, next_post_instant
from bot.store.guilds import GuildSettings, all_guilds, get_guild
from bot.store.ledger import CLAIM_LEASE, Claim, Failure, Ledger, LedgerEntry

__all__ = [
    "BACKOFF",
    "MAX_ATTEMPTS",
    "SEND_TIMEOUT",
    "AnniversaryStatus",
    "Defaults",
    "Outcome",
    "PostRefused",
    "Poster",
    "Result",
    "Scheduler",
    "Target",
    "post_nonce",
]

log = logging.getLogger("perezbot.anniversary")

MAX_ATTEMPTS = 5
# Wait after the n-th failed attempt before the next one (the last value repeats).
BACKOFF: tuple[dt.timedelta, ...] = tuple(dt.timedelta(minutes=m) for m in (1, 5, 15, 30))
SEND_TIMEOUT = 30.0  # seconds; must stay well under the ledger's CLAIM_LEASE


class PostRefused(Exception):
    """Discord answered and did not create the message (4xx: permission, missing channel…).

    Only this exception means "definitely not posted"; any other error from :meth:`Poster.post`
    is treated as "maybe posted" and settled by verification after the claim lease.
    """


class Poster(Protocol):
    """What the scheduler needs from Discord."""

    def guild_of(self, channel_id: int) -> int | None:
        """The server a channel belongs to, if the bot can see it."""
        ...

    def language_of(self, guild_id: int) -> str | None:
        """The server's own language ("en"/"es") for a server with no settings of its own, if known."""
        ...

    async def post(self, channel_id: int, reply: Reply, nonce: str) -> int:
        """Send the post; return the message id. Raise :class:`PostRefused` if Discord refused it."""
        ...

    async def find_post(self, channel_id: int, since: dt.datetime, reply: Reply) -> int | None:
        """The id of the bot's post of ``reply`` made in the channel since ``since``, or None if
        verifiably absent. Raise if it cannot tell (no history permission, channel gone…)."""
        ...


@dataclass(frozen=True, slots=True)
class Defaults:
    """Deployment-wide defaults: ``ANNOUNCE_CHANNEL_ID``, ``POST_TIME``, ``TIMEZONE``."""

    channel_id: int | None = None
    post_time: dt.time = dt.time(9, 0)
    timezone: str = "UTC"
    language: str = "en"

    @classmethod
    def from_settings(cls, settings: Settings) -> Defaults:
        return cls(settings.announce_channel_id, settings.post_time, settings.timezone)


@dataclass(frozen=True, slots=True)
class Target:
    """One server's effective anniversary settings (its own, else the defaults)."""

    guild_id: int
    channel_id: int | None
    post_time: dt.time
    timezone: str
    language: str
    enabled: bool
    configured: bool  # has its own row (False: only the ANNOUNCE_CHANNEL_ID default applies)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Result(StrEnum):
    POSTED = "posted"
    RECOVERED = "recovered"  # a dead claimant's post was found in the channel and recorded
    REFUSED = "refused"  # Discord refused; will retry after back-off
    UNCERTAIN = "uncertain"  # the send may or may not have happened; verified after the lease
    UNKNOWN = "unknown"  # could not verify a dead claimant's send: not re-sent, shown in status
    RETRY = "retry"  # a dead claimant's post is verifiably absent: released for a retry
    BACKOFF = "backoff"
    GAVE_UP = "gave_up"
    BUSY = "busy"  # someone else holds a live claim
    DONE = "done"
    ERROR = "error"  # a bug or bad setting in this server; logged, others continue
    SKIPPED = "skipped"  # not due: see ``verdict``


@dataclass(frozen=True, slots=True)
class Outcome:
    guild_id: int
    result: Result
    local_date: dt.date | None = None
    verdict: Verdict | None = None
    message_id: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class AnniversaryStatus:
    target: Target
    local_date: dt.date
    next_post: dt.datetime | None
    last: LedgerEntry | None  # the latest ledger row (posted, or one needing a look)
    failure: Failure | None  # failures on the latest date that had any
    gave_up: bool


def post_nonce(guild_id: int, day: dt.date) -> str:
    """A nonce Discord uses to drop an immediate duplicate of the same server's post for the day."""
    digest = hashlib.sha256(f"perezbot-anniversary:{guild_id}:{day.isoformat()}".encode()).digest()
    return str(int.from_bytes(digest[:8], "big") >> 1)  # ≤ 19 digits; Discord allows 25


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Scheduler:
    """Decides and posts. Safe to run several at once on one database (see the ledger)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        facts: FactBase | Callable[[], FactBase],
        poster: Poster,
        defaults: Defaults = Defaults(),
        *,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: Sequence[dt.timedelta] = BACKOFF,
        send_timeout: float = SEND_TIMEOUT,
        lease: dt.timedelta = CLAIM_LEASE,
        days: Days = ANNIVERSARY_DAYS,
    ) -> None:
        if lease <= dt.timedelta(seconds=send_timeout) * 2:
            raise ValueError("the claim lease must be well above the send timeout, or a slow send could be taken over")
        self.conn = conn
        self.ledger = Ledger(conn)
        self._facts = facts if callable(facts) else (lambda: facts)
        self.poster = poster
        self.defaults = defaults
        self.max_attempts = max_attempts
        self.backoff = tuple(backoff)
        self.send_timeout = send_timeout
        self.lease = lease
        self.days = days

    # -- who -----------------------------------------------------------------------------------

    def _default_guild(self) -> int | None:
        if self.defaults.channel_id is None:
            return None
        try:
            return self.poster.guild_of(self.defaults.channel_id)
        except Exception:  # the default channel is a convenience; never let it stop a tick
            log.exception("could not resolve ANNOUNCE_CHANNEL_ID %s", self.defaults.channel_id)
            return None

    def _language_of(self, guild_id: int) -> str | None:
        try:
            found = self.poster.language_of(guild_id)
        except Exception:
            log.exception("could not read the language of server %s", guild_id)
            return None
        return found if found in ("en", "es") else None

    def _target(self, row: GuildSettings | None, guild_id: int, default_guild: int | None) -> Target:
        d = self.defaults
        channel = row.channel_id if row else None
        if channel is None and default_guild == guild_id:
            channel = d.channel_id
        language = row.language if row else (self._language_of(guild_id) or d.language)
        return Target(
            guild_id=guild_id,
            channel_id=channel,
            post_time=(row.post_time if row and row.post_time else d.post_time),
            timezone=(row.timezone if row and row.timezone else d.timezone),
            language=language,
            enabled=row.enabled if row else True,
            configured=row is not None,
        )

    def targets(self) -> list[Target]:
        """Every server with settings, plus the ``ANNOUNCE_CHANNEL_ID`` server if it has none."""
        default_guild = self._default_guild()
        rows = all_guilds(self.conn)
        found = [self._target(row, row.guild_id, default_guild) for row in rows]
        if default_guild is not None and all(row.guild_id != default_guild for row in rows):
            found.append(self._target(None, default_guild, default_guild))
        return found

    def target(self, guild_id: int) -> Target:
        return self._target(get_guild(self.conn, guild_id), guild_id, self._default_guild())

    # -- the tick ------------------------------------------------------------------------------

    async def tick(self, now: dt.datetime) -> list[Outcome]:
        """Post whatever is due at ``now`` (aware). One server's trouble never stops the others."""
        if now.tzinfo is None:
            raise ValueError("tick(now) needs an aware datetime")
        now = now.astimezone(dt.UTC)
        facts = self._facts()
        outcomes = []
        try:
            targets = self.targets()
        except Exception as exc:
            log.exception("anniversary tick: could not read server settings")
            return [Outcome(0, Result.ERROR, error=_describe(exc))]
        # With several processes (each running some shards), each server is ticked only by the process
        # whose shard owns it; the ledger's claim still guards against any overlap.
        handles = getattr(self.poster, "handles", None)
        if handles is not None:
            targets = [t for t in targets if handles(t.guild_id)]
        for target in targets:
            try:
                outcome = await self._tick_one(target, facts, now)
            except Exception as exc:
                log.exception("anniversary tick failed for server %s", target.guild_id)
                outcome = Outcome(target.guild_id, Result.ERROR, error=_describe(exc))
            if outcome.result not in (Result.SKIPPED, Result.DONE):
                log.info("anniversary %s: %s %s", target.guild_id, outcome.result, outcome.error or "")
            outcomes.append(outcome)
        return outcomes

    async def _tick_one(self, target: Target, facts: FactBase, now: dt.datetime) -> Outcome:
        gid = target.guild_id
        tz = target.tz
        day = local_date(now, tz)
        entry = self.ledger.entry(gid, day)
        if entry is not None:
            if entry.state == "sending":
                claim = self.ledger.take_over(entry, now, self.lease)
                if claim is None:
                    return Outcome(gid, Result.BUSY, day)
                return await self._recover(claim, target, facts, now)
            return Outcome(gid, Result.DONE, day, message_id=entry.message_id)
        decision = decide(
            now,
            facts=facts,
            tz=tz,
            post_time=target.post_time,
            posted=False,
            enabled=target.enabled,
            has_channel=target.channel_id is not None,
            days=self.days,
        )
        if not decision.post:
            return Outcome(gid, Result.SKIPPED, day, verdict=decision.verdict)
        failure = self.ledger.failure(gid, day)
        if failure is not None and failure.attempts >= self.max_attempts:
            return Outcome(gid, Result.GAVE_UP, day, error=failure.last_error)
        if failure is not None and failure.attempts and failure.last_attempt is not None:
            wait = self.backoff[min(failure.attempts, len(self.backoff)) - 1]
            if now < failure.last_attempt + wait:
                return Outcome(gid, Result.BACKOFF, day, error=failure.last_error)
        assert target.channel_id is not None
        reply = render_onthisday(facts, day, target.language)
        assert reply is not None  # decide() saw an entry on this date
        claim = self.ledger.claim(gid, day, target.channel_id, now)
        if claim is None:  # another tick or process got there first
            return Outcome(gid, Result.BUSY, day)
        return await self._send(claim, reply, now)

    async def _send(self, claim: Claim, reply: Reply, now: dt.datetime) -> Outcome:
        gid, day = claim.guild_id, claim.local_date
        try:
            message_id = await asyncio.wait_for(
                self.poster.post(claim.channel_id, reply, post_nonce(gid, day)), self.send_timeout
            )
        except PostRefused as exc:
            failure = self.ledger.release(claim, _describe(exc), now)
            log.warning("anniversary post refused in server %s (attempt %d): %s", gid, failure.attempts, exc)
            return Outcome(gid, Result.REFUSED, day, error=_describe(exc))
        except Exception as exc:
            # The message may or may not exist. Keep the claim: after the lease a scheduler
            # verifies in the channel instead of re-sending (see bot.store.ledger).
            log.warning("anniversary post in server %s has an unknown outcome: %s", gid, _describe(exc))
            return Outcome(gid, Result.UNCERTAIN, day, error=_describe(exc))
        if not self.ledger.record(claim, message_id, now):
            log.error("anniversary claim for server %s on %s was taken over while sending", gid, day)
        return Outcome(gid, Result.POSTED, day, message_id=message_id)

    async def _recover(self, claim: Claim, target: Target, facts: FactBase, now: dt.datetime) -> Outcome:
        """A dead claimant's claim: find its post in the channel, or release it, or give up safely."""
        gid, day = claim.guild_id, claim.local_date
        reply = render_onthisday(facts, day, target.language)
        try:
            if reply is None:
                raise LookupError("the fact base no longer has an entry on this date")
            found = await asyncio.wait_for(
                self.poster.find_post(claim.channel_id, claim.claimed_at, reply), self.send_timeout
            )
        except Exception as exc:
            error = f"interrupted while posting and could not check the channel ({_describe(exc)})"
            self.ledger.mark_unknown(claim, error, now)
            log.error("anniversary server %s on %s: %s; not re-sending", gid, day, error)
            return Outcome(gid, Result.UNKNOWN, day, error=error)
        if found is not None:
            self.ledger.record(claim, found, now)
            return Outcome(gid, Result.RECOVERED, day, message_id=found)
        self.ledger.release(claim, "interrupted before Discord confirmed; the post is not in the channel", now)
        return Outcome(gid, Result.RETRY, day)

    # -- status --------------------------------------------------------------------------------

    def status(self, guild_id: int, now: dt.datetime) -> AnniversaryStatus:
        """What ``/anniversary status`` shows."""
        target = self.target(guild_id)
        facts = self._facts()
        tz = target.tz
        day = local_date(now, tz)
        today = self.ledger.entry(guild_id, day)
        failure_today = self.ledger.failure(guild_id, day)
        gave_up = failure_today is not None and failure_today.attempts >= self.max_attempts
        next_post = None
        if target.enabled and target.channel_id is not None:
            next_post = next_post_instant(
                now,
                facts=facts,
                tz=tz,
                post_time=target.post_time,
                posted_today=today is not None or gave_up,
                days=self.days,
            )
        last = self.ledger.last_post(guild_id)
        row = self.conn.execute(
            "SELECT local_date FROM post_failures WHERE guild_id = ? ORDER BY local_date DESC LIMIT 1", (guild_id,)
        ).fetchone()
        failure = self.ledger.failure(guild_id, dt.date.fromisoformat(row["local_date"])) if row else None
        return AnniversaryStatus(target, day, next_post, last, failure, gave_up)
