"""The post ledger: claim, then send, then record — at most one post per channel and local date.

Plain functions of a connection (run them with ``await store.run(fn, ...)``). Table
``post_ledger`` has one row per (channel, local date) under a UNIQUE constraint, whatever the
kind of post (``yearly`` or ``daily``): a server with both set up to the same channel gets one
post on 29 September. The protocol:

1. **Claim** — ``INSERT`` a row in state ``sending`` with a fresh random ``claim_token`` and what
   will be posted (``content``, ``fact_id``). SQLite serialises writers, so of two ticks, two
   schedulers or two processes racing for the same channel and date exactly one insert succeeds.
2. **Send** — only the claimant sends, with a nonce derived from the channel and date that
   Discord enforces (``enforce_nonce``), so an immediate re-send returns the first message.
3. **Record** — ``UPDATE`` the row to ``posted`` with the message id, *only if the token is
   still ours* (compare-and-swap). If Discord definitely refused, :func:`release` deletes the
   claim and counts the failure in ``post_failures`` in one transaction (a bounded retry later).

**If the process dies between claim and record**, the row stays ``sending``; once it is older
than the lease a scheduler *takes it over* (compare-and-swap, one winner) and *looks for the post
in the channel* instead of re-sending. Found → ``posted``. Verified absent → released and sent.
Cannot tell (Discord and the history check failing together) → state ``unknown`` with a
``next_check``: the check is retried with back-off the same local day, never a blind re-send.

Other states: ``missed`` (the bot was down that whole local day: shown in status, never posted
late) and ``skipped`` (an admin skipped that date).
"""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

__all__ = [
    "CLAIM_LEASE",
    "Claim",
    "Failure",
    "LedgerEntry",
    "claim",
    "dates_from",
    "entries",
    "entry",
    "failure",
    "has_history",
    "history",
    "last_entry",
    "last_failure",
    "mark_missed",
    "mark_unknown",
    "missed_since",
    "record",
    "release",
    "skip",
    "take_over",
]

# A claim older than this belongs to a dead (or hung) process and may be taken over. It must be
# well above the send timeout the scheduler enforces.
CLAIM_LEASE = dt.timedelta(minutes=3)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _parse(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _parse_required(text: str) -> dt.datetime:
    """A timestamp column declared NOT NULL."""
    return dt.datetime.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class Claim:
    """The right to send one post to one channel for one local date."""

    guild_id: int
    channel_id: int
    local_date: dt.date
    token: str
    claimed_at: dt.datetime
    kind: str = "yearly"
    content: str = "story"  # story | dated | fact
    fact_id: str | None = None
    takeover: bool = False  # taken over from a dead claimant (or an unknown outcome): check first


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    guild_id: int
    channel_id: int
    local_date: dt.date
    kind: str
    state: str  # sending | posted | unknown | missed | skipped
    content: str | None
    fact_id: str | None
    claim_token: str
    claimed_at: dt.datetime
    message_id: int | None
    posted_at: dt.datetime | None
    checks: int = 0
    next_check: dt.datetime | None = None
    note: str | None = None

    def stale(self, now: dt.datetime, lease: dt.timedelta = CLAIM_LEASE) -> bool:
        """A ``sending`` claim whose holder has had far longer than any send takes."""
        return self.state == "sending" and now - self.claimed_at >= lease

    def check_due(self, now: dt.datetime) -> bool:
        """An ``unknown`` outcome whose next history check has come."""
        return self.state == "unknown" and (self.next_check is None or now >= self.next_check)


@dataclass(frozen=True, slots=True)
class Failure:
    guild_id: int
    channel_id: int
    local_date: dt.date
    attempts: int
    last_error: str | None
    last_attempt: dt.datetime | None


def _entry(row: sqlite3.Row) -> LedgerEntry:
    return LedgerEntry(
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        local_date=dt.date.fromisoformat(row["local_date"]),
        kind=row["kind"],
        state=row["state"],
        content=row["content"],
        fact_id=row["fact_id"],
        claim_token=row["claim_token"],
        claimed_at=_parse_required(row["claimed_at"]),
        message_id=row["message_id"],
        posted_at=_parse(row["posted_at"]),
        checks=row["checks"],
        next_check=_parse(row["next_check"]),
        note=row["note"],
    )


def _failure(row: sqlite3.Row) -> Failure:
    return Failure(
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        local_date=dt.date.fromisoformat(row["local_date"]),
        attempts=row["attempts"],
        last_error=row["last_error"],
        last_attempt=_parse(row["last_attempt"]),
    )


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# -- reading ----------------------------------------------------------------------------------


def entry(conn: sqlite3.Connection, channel_id: int, day: dt.date) -> LedgerEntry | None:
    row = conn.execute(
        "SELECT * FROM post_ledger WHERE channel_id = ? AND local_date = ?", (channel_id, day.isoformat())
    ).fetchone()
    return _entry(row) if row else None


def dates_from(conn: sqlite3.Connection, channel_id: int, day: dt.date) -> frozenset[dt.date]:
    """The channel's local dates on or after ``day`` that already have a row (a post, a skip...)."""
    rows = conn.execute(
        "SELECT local_date FROM post_ledger WHERE channel_id = ? AND local_date >= ?", (channel_id, day.isoformat())
    )
    return frozenset(dt.date.fromisoformat(row[0]) for row in rows)


def last_entry(conn: sqlite3.Connection, guild_id: int, kind: str | None = None) -> LedgerEntry | None:
    """The server's most recent row (of ``kind``, or any) other than a skip."""
    sql = "SELECT * FROM post_ledger WHERE guild_id = ? AND state != 'skipped'"
    args: tuple = (guild_id,)
    if kind is not None:
        sql += " AND kind = ?"
        args += (kind,)
    row = conn.execute(sql + " ORDER BY local_date DESC LIMIT 1", args).fetchone()
    return _entry(row) if row else None


def entries(conn: sqlite3.Connection, guild_id: int | None = None) -> list[LedgerEntry]:
    if guild_id is None:
        rows = conn.execute("SELECT * FROM post_ledger ORDER BY local_date, guild_id, channel_id")
    else:
        rows = conn.execute("SELECT * FROM post_ledger WHERE guild_id = ? ORDER BY local_date", (guild_id,))
    return [_entry(row) for row in rows]


def history(conn: sqlite3.Connection, guild_id: int, limit: int = 10) -> list[LedgerEntry]:
    """The server's latest rows, newest first (posts, misses, skips, problems)."""
    rows = conn.execute(
        "SELECT * FROM post_ledger WHERE guild_id = ? ORDER BY local_date DESC, channel_id LIMIT ?", (guild_id, limit)
    )
    return [_entry(row) for row in rows]


def missed_since(conn: sqlite3.Connection, guild_id: int, since: dt.date) -> list[dt.date]:
    """The server's days recorded as missed from ``since`` on, newest first."""
    rows = conn.execute(
        "SELECT local_date FROM post_ledger WHERE guild_id = ? AND state = 'missed' AND local_date >= ? "
        "ORDER BY local_date DESC",
        (guild_id, since.isoformat()),
    )
    return [dt.date.fromisoformat(row["local_date"]) for row in rows]


def has_history(conn: sqlite3.Connection, channel_id: int, before: dt.date) -> bool:
    """Whether this database remembers any earlier row for the channel (False on a new or lost one)."""
    row = conn.execute(
        "SELECT 1 FROM post_ledger WHERE channel_id = ? AND local_date < ? LIMIT 1", (channel_id, before.isoformat())
    ).fetchone()
    return row is not None


def failure(conn: sqlite3.Connection, channel_id: int, day: dt.date) -> Failure | None:
    row = conn.execute(
        "SELECT * FROM post_failures WHERE channel_id = ? AND local_date = ?", (channel_id, day.isoformat())
    ).fetchone()
    return _failure(row) if row else None


def last_failure(conn: sqlite3.Connection, guild_id: int) -> Failure | None:
    row = conn.execute(
        "SELECT * FROM post_failures WHERE guild_id = ? ORDER BY local_date DESC, last_attempt DESC LIMIT 1",
        (guild_id,),
    ).fetchone()
    return _failure(row) if row else None


# -- the protocol -----------------------------------------------------------------------------


def claim(
    conn: sqlite3.Connection,
    guild_id: int,
    channel_id: int,
    day: dt.date,
    now: dt.datetime,
    *,
    kind: str = "yearly",
    content: str = "story",
    fact_id: str | None = None,
) -> Claim | None:
    """Claim (channel, date); None if anyone — this process or another — already has a row for it."""
    token = secrets.token_hex(8)
    cursor = conn.execute(
        """
        INSERT INTO post_ledger (guild_id, channel_id, local_date, kind, state, content, fact_id, claim_token,
                                 claimed_at)
        VALUES (?, ?, ?, ?, 'sending', ?, ?, ?, ?)
        ON CONFLICT (channel_id, local_date) DO NOTHING
        """,
        (guild_id, channel_id, day.isoformat(), kind, content, fact_id, token, _iso(now)),
    )
    if cursor.rowcount != 1:
        return None
    return Claim(
        guild_id, channel_id, day, token, now.astimezone(dt.UTC).replace(microsecond=0), kind, content, fact_id
    )


def take_over(
    conn: sqlite3.Connection, stale: LedgerEntry, now: dt.datetime, lease: dt.timedelta = CLAIM_LEASE
) -> Claim | None:
    """Take a stale ``sending`` claim, or an ``unknown`` one whose check is due (one taker wins)."""
    if not (stale.stale(now, lease) or stale.check_due(now)):
        return None
    token = secrets.token_hex(8)
    # An unknown row goes back to sending under the new token: its holder is checking the channel.
    cursor = conn.execute(
        """
        UPDATE post_ledger SET claim_token = ?, state = 'sending'
        WHERE channel_id = ? AND local_date = ? AND state = ? AND claim_token = ?
        """,
        (token, stale.channel_id, stale.local_date.isoformat(), stale.state, stale.claim_token),
    )
    if cursor.rowcount != 1:
        return None
    # claimed_at is kept: the check looks for a post made any time since the first claim.
    return Claim(
        stale.guild_id,
        stale.channel_id,
        stale.local_date,
        token,
        stale.claimed_at,
        stale.kind,
        stale.content or "story",
        stale.fact_id,
        takeover=True,
    )


def record(conn: sqlite3.Connection, held: Claim, message_id: int, now: dt.datetime) -> bool:
    """Mark the claim posted; False if the claim was no longer ours (should never happen)."""
    cursor = conn.execute(
        """
        UPDATE post_ledger SET state = 'posted', message_id = ?, posted_at = ?, next_check = NULL
        WHERE channel_id = ? AND local_date = ? AND claim_token = ? AND state = 'sending'
        """,
        (message_id, _iso(now), held.channel_id, held.local_date.isoformat(), held.token),
    )
    return cursor.rowcount == 1


def _count_failure(conn: sqlite3.Connection, held: Claim, error: str, now: dt.datetime, add: int) -> None:
    conn.execute(
        """
        INSERT INTO post_failures (guild_id, channel_id, local_date, attempts, last_error, last_attempt)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (channel_id, local_date) DO UPDATE SET
            attempts = attempts + excluded.attempts, last_error = excluded.last_error,
            last_attempt = excluded.last_attempt
        """,
        (held.guild_id, held.channel_id, held.local_date.isoformat(), add, error[:500], _iso(now)),
    )


def release(conn: sqlite3.Connection, held: Claim, error: str, now: dt.datetime, *, count: bool = True) -> Failure:
    """The send definitely failed (or the post is verifiably absent): drop the claim, note why."""
    with _transaction(conn):
        conn.execute(
            "DELETE FROM post_ledger WHERE channel_id = ? AND local_date = ? AND claim_token = ? AND state = 'sending'",
            (held.channel_id, held.local_date.isoformat(), held.token),
        )
        _count_failure(conn, held, error, now, 1 if count else 0)
    found = failure(conn, held.channel_id, held.local_date)
    assert found is not None
    return found


def mark_unknown(conn: sqlite3.Connection, held: Claim, error: str, now: dt.datetime, retry_at: dt.datetime) -> bool:
    """The outcome can't be told (the history check failed too): check again at ``retry_at``, never re-send."""
    with _transaction(conn):
        cursor = conn.execute(
            """
            UPDATE post_ledger SET state = 'unknown', checks = checks + 1, next_check = ?, note = ?
            WHERE channel_id = ? AND local_date = ? AND claim_token = ? AND state = 'sending'
            """,
            (_iso(retry_at), error[:500], held.channel_id, held.local_date.isoformat(), held.token),
        )
        _count_failure(conn, held, error, now, 0)
    return cursor.rowcount == 1


def _mark(
    conn: sqlite3.Connection, guild_id: int, channel_id: int, day: dt.date, kind: str, state: str, now: dt.datetime
) -> bool:
    cursor = conn.execute(
        """
        INSERT INTO post_ledger (guild_id, channel_id, local_date, kind, state, claim_token, claimed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (channel_id, local_date) DO NOTHING
        """,
        (guild_id, channel_id, day.isoformat(), kind, state, secrets.token_hex(8), _iso(now)),
    )
    return cursor.rowcount == 1


def mark_missed(
    conn: sqlite3.Connection,
    guild_id: int,
    channel_id: int,
    today: dt.date,
    now: dt.datetime,
    *,
    since: dt.date | None = None,
    kind: str = "daily",
    max_days: int = 31,
) -> list[dt.date]:
    """Record as ``missed`` every day since the channel's last row and before ``today`` that has none.

    Only once the channel has a row at all (a newly set-up server missed nothing), never before
    ``since`` (when the settings last changed), at most ``max_days`` back. Returns the dates marked.
    """
    row = conn.execute(
        "SELECT MAX(local_date) AS last FROM post_ledger WHERE channel_id = ? AND local_date < ?",
        (channel_id, today.isoformat()),
    ).fetchone()
    if row is None or row["last"] is None:
        return []
    day = max(dt.date.fromisoformat(row["last"]) + dt.timedelta(days=1), today - dt.timedelta(days=max_days))
    if since is not None:
        day = max(day, since)
    marked = []
    while day < today:
        if _mark(conn, guild_id, channel_id, day, kind, "missed", now):
            marked.append(day)
        day += dt.timedelta(days=1)
    return marked


def skip(conn: sqlite3.Connection, guild_id: int, channel_id: int, day: dt.date, now: dt.datetime) -> bool:
    """``/daily skip``: nothing is posted to the channel on ``day`` (False if that date already has a row)."""
    return _mark(conn, guild_id, channel_id, day, "daily", "skipped", now)
