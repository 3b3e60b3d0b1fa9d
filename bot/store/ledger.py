"""The anniversary post ledger: claim, then send, then record — at most one post per server and date.

Table ``post_ledger`` has one row per (server, local date) under a UNIQUE constraint; the local
date carries the year, so "once per server per year" is "once per row". The protocol:

1. **Claim** — ``INSERT`` a row in state ``sending`` with a fresh random ``claim_token``. SQLite
   serialises writers, so of two ticks, two schedulers or two processes racing for the same
   server and date exactly one insert succeeds; the others see the row and do nothing.
2. **Send** — only the claimant sends (the Discord layer also passes a nonce derived from the
   server and date, which Discord enforces for a few minutes, so an immediate re-send after a
   lost response returns the first message instead of making a second).
3. **Record** — ``UPDATE`` the row to ``posted`` with the message id, *only if the token is
   still ours* (compare-and-swap).
   If the send definitely failed (Discord refused it), :meth:`Ledger.release` deletes the claim
   and counts the failure in ``post_failures`` in one transaction, so a bounded retry can claim
   again later that day.

**If the process dies between claim and record** (crash, kill, power cut, a send that never
answered), the row stays ``sending`` and nothing can claim that date again — a restart never
re-posts blindly. Once the claim is older than the lease (longer than any live send may take) a
scheduler *takes it over* (compare-and-swap on the token, so only one does) and then *verifies*
instead of re-sending: it asks Discord whether the bot's post for that date is already in the
channel after ``claimed_at``. Found → recorded as ``posted`` with that id. Verified absent → sent
now (the post was never made). Cannot verify (no history permission, channel gone, errors) →
state ``unknown``: never re-sent automatically and shown in ``/anniversary status``, because a
missed post is recoverable by hand and a duplicate is not. So the invariant is *at most one*
post always, and *exactly one* whenever the bot runs at some point after the post time that day
and Discord accepts the post.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

__all__ = ["CLAIM_LEASE", "Claim", "Failure", "Ledger", "LedgerEntry"]

# A claim older than this belongs to a dead (or hung) process and may be taken over. It must be
# well above the send timeout the scheduler enforces.
CLAIM_LEASE = dt.timedelta(minutes=3)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _parse(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class Claim:
    """The right to send one server's post for one local date."""

    guild_id: int
    local_date: dt.date
    channel_id: int
    token: str
    claimed_at: dt.datetime
    takeover: bool = False  # taken over from a dead claimant: verify before sending


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    guild_id: int
    local_date: dt.date
    channel_id: int
    state: str  # sending | posted | unknown
    claim_token: str
    claimed_at: dt.datetime
    message_id: int | None
    posted_at: dt.datetime | None

    def stale(self, now: dt.datetime, lease: dt.timedelta = CLAIM_LEASE) -> bool:
        """A ``sending`` claim whose holder has had far longer than any send takes."""
        return self.state == "sending" and now - self.claimed_at >= lease


@dataclass(frozen=True, slots=True)
class Failure:
    guild_id: int
    local_date: dt.date
    attempts: int
    last_error: str | None
    last_attempt: dt.datetime | None


def _entry(row: sqlite3.Row) -> LedgerEntry:
    return LedgerEntry(
        guild_id=row["guild_id"],
        local_date=dt.date.fromisoformat(row["local_date"]),
        channel_id=row["channel_id"],
        state=row["state"],
        claim_token=row["claim_token"],
        claimed_at=_parse(row["claimed_at"]),  # type: ignore[arg-type]
        message_id=row["message_id"],
        posted_at=_parse(row["posted_at"]),
    )


class Ledger:
    """The ledger over one connection (``bot.store.db.connect``; autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- reading ------------------------------------------------------------------------------

    def entry(self, guild_id: int, day: dt.date) -> LedgerEntry | None:
        row = self.conn.execute(
            "SELECT * FROM post_ledger WHERE guild_id = ? AND local_date = ?", (guild_id, day.isoformat())
        ).fetchone()
        return _entry(row) if row else None

    def last_post(self, guild_id: int) -> LedgerEntry | None:
        """The most recent date with a row in any state (posted, or one to look into)."""
        row = self.conn.execute(
            "SELECT * FROM post_ledger WHERE guild_id = ? ORDER BY local_date DESC LIMIT 1", (guild_id,)
        ).fetchone()
        return _entry(row) if row else None

    def entries(self, guild_id: int | None = None) -> list[LedgerEntry]:
        if guild_id is None:
            rows = self.conn.execute("SELECT * FROM post_ledger ORDER BY local_date, guild_id")
        else:
            rows = self.conn.execute("SELECT * FROM post_ledger WHERE guild_id = ? ORDER BY local_date", (guild_id,))
        return [_entry(row) for row in rows]

    def failure(self, guild_id: int, day: dt.date) -> Failure | None:
        row = self.conn.execute(
            "SELECT * FROM post_failures WHERE guild_id = ? AND local_date = ?", (guild_id, day.isoformat())
        ).fetchone()
        if row is None:
            return None
        return Failure(
            guild_id=row["guild_id"],
            local_date=dt.date.fromisoformat(row["local_date"]),
            attempts=row["attempts"],
            last_error=row["last_error"],
            last_attempt=_parse(row["last_attempt"]),
        )

    # -- the protocol -------------------------------------------------------------------------

    def claim(self, guild_id: int, day: dt.date, channel_id: int, now: dt.datetime) -> Claim | None:
        """Claim (server, date); None if anyone — this process or another — already has a row for it."""
        token = secrets.token_hex(8)
        cursor = self.conn.execute(
            """
            INSERT INTO post_ledger (guild_id, local_date, channel_id, state, claim_token, claimed_at)
            VALUES (?, ?, ?, 'sending', ?, ?)
            ON CONFLICT (guild_id, local_date) DO NOTHING
            """,
            (guild_id, day.isoformat(), channel_id, token, _iso(now)),
        )
        if cursor.rowcount != 1:
            return None
        return Claim(guild_id, day, channel_id, token, now.astimezone(dt.UTC).replace(microsecond=0))

    def take_over(self, entry: LedgerEntry, now: dt.datetime, lease: dt.timedelta = CLAIM_LEASE) -> Claim | None:
        """Take a stale ``sending`` claim from a dead claimant (only one taker can win)."""
        if not entry.stale(now, lease):
            return None
        token = secrets.token_hex(8)
        cursor = self.conn.execute(
            """
            UPDATE post_ledger SET claim_token = ?
            WHERE guild_id = ? AND local_date = ? AND state = 'sending' AND claim_token = ?
            """,
            (token, entry.guild_id, entry.local_date.isoformat(), entry.claim_token),
        )
        if cursor.rowcount != 1:
            return None
        # claimed_at is kept: verification looks for a post made any time since the first claim.
        return Claim(entry.guild_id, entry.local_date, entry.channel_id, token, entry.claimed_at, takeover=True)

    def record(self, claim: Claim, message_id: int, now: dt.datetime) -> bool:
        """Mark the claim posted; False if the claim was no longer ours (should never happen)."""
        cursor = self.conn.execute(
            """
            UPDATE post_ledger SET state = 'posted', message_id = ?, posted_at = ?
            WHERE guild_id = ? AND local_date = ? AND claim_token = ? AND state = 'sending'
            """,
            (message_id, _iso(now), claim.guild_id, claim.local_date.isoformat(), claim.token),
        )
        return cursor.rowcount == 1

    def release(self, claim: Claim, error: str, now: dt.datetime) -> Failure:
        """The send definitely failed: drop the claim and count the failure, in one transaction."""
        day = claim.local_date.isoformat()
        with self._transaction() as conn:
            conn.execute(
                "DELETE FROM post_ledger WHERE guild_id = ? AND local_date = ? AND claim_token = ? "
                "AND state = 'sending'",
                (claim.guild_id, day, claim.token),
            )
            conn.execute(
                """
                INSERT INTO post_failures (guild_id, local_date, attempts, last_error, last_attempt)
                VALUES (?, ?, 1, ?, ?)
                ON CONFLICT (guild_id, local_date) DO UPDATE SET
                    attempts = attempts + 1, last_error = excluded.last_error, last_attempt = excluded.last_attempt
                """,
                (claim.guild_id, day, error[:500], _iso(now)),
            )
        failure = self.failure(claim.guild_id, claim.local_date)
        assert failure is not None
        return failure

    def mark_unknown(self, claim: Claim, error: str, now: dt.datetime) -> bool:
        """A taken-over claim that cannot be verified: never re-sent automatically."""
        day = claim.local_date.isoformat()
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE post_ledger SET state = 'unknown' WHERE guild_id = ? AND local_date = ? AND claim_token = ? "
                "AND state = 'sending'",
                (claim.guild_id, day, claim.token),
            )
            conn.execute(
                """
                INSERT INTO post_failures (guild_id, local_date, attempts, last_error, last_attempt)
                VALUES (?, ?, 0, ?, ?)
                ON CONFLICT (guild_id, local_date) DO UPDATE SET
                    last_error = excluded.last_error, last_attempt = excluded.last_attempt
                """,
                (claim.guild_id, day, error[:500], _iso(now)),
            )
        return cursor.rowcount == 1
