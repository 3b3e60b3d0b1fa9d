"""The curation log: every handled question, the misses' wording, and 👍/👎 feedback.

Privacy by construction:

- no user id, name or server is ever stored with a question; a vote is stored under an HMAC of
  (message, user) with a secret salt, so one person's votes cannot be linked across messages and
  the stored value cannot be turned back into an id without the salt;
- the question's *text* is kept only for misses (unknown or ambiguous), with mentions and raw
  Discord ids blanked out, and not at all when ``RECORD_MISSES=false``: then only the anonymous
  outcome (status, language, fact id, score) is counted, which is what ``perezbot stats`` needs.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.core.mentions import scrub
from bot.core.misses import Miss
from bot.core.results import MatchResult, Status
from bot.store.health import StorageError
from bot.store.store import Store

__all__ = [
    "MISS_STATUSES",
    "FactStats",
    "QuestionLog",
    "Stats",
    "forget_text",
    "load_salt",
    "read_misses",
    "read_stats",
    "record_question",
    "record_vote",
    "stamp",
    "voter_hash",
]

MISS_STATUSES = (Status.UNKNOWN.value, Status.AMBIGUOUS.value)
SALT_FILE = "voter-salt"

log = logging.getLogger(__name__)


def stamp(at: dt.datetime) -> str:
    """A sortable UTC timestamp, ``2026-11-26T15:30:00Z`` (naive datetimes are taken as UTC)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_salt(data_dir: Path) -> bytes:
    """The secret salt for voter hashes, created (readable by the owner only) on first use."""
    path = data_dir / SALT_FILE
    try:
        salt = path.read_bytes()
        if len(salt) >= 16:
            return salt
    except FileNotFoundError:
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(salt)
    return salt


def voter_hash(salt: bytes, message_id: int, user_id: int) -> str:
    """One vote per person per message, without storing who: HMAC-SHA256 of (message, user)."""
    return hmac.new(salt, f"{message_id}:{user_id}".encode(), hashlib.sha256).hexdigest()[:32]


def record_question(conn: sqlite3.Connection, result: MatchResult, *, at: dt.datetime, keep_text: bool = True) -> int:
    """Record one handled question; return its row id. ``keep_text`` is the ``RECORD_MISSES`` setting."""
    status = str(result.status)
    fact = result.fact
    best = result.suggestions[0] if result.suggestions else None
    if fact is not None:
        best_id, score = fact.id, result.confidence
    elif best is not None:
        best_id, score = best.fact.id, best.confidence
    else:
        best_id, score = None, result.confidence
    text = scrub(result.question) if keep_text and status in MISS_STATUSES else None
    cursor = conn.execute(
        "INSERT INTO questions (asked_at, status, lang, fact_id, best_fact_id, score, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (stamp(at), status, result.lang, fact.id if fact else None, best_id, round(score, 4), text or None),
    )
    return int(cursor.lastrowid or 0)


def record_vote(
    conn: sqlite3.Connection, *, message_id: int, voter: str, fact_id: str, helpful: bool, at: dt.datetime
) -> bool:
    """Record (or change) one vote; return True if it was new, False if it replaced one."""
    existed = conn.execute("SELECT 1 FROM feedback WHERE message_id = ? AND voter = ?", (message_id, voter)).fetchone()
    conn.execute(
        "INSERT INTO feedback (message_id, voter, fact_id, helpful, at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (message_id, voter) DO UPDATE SET helpful = excluded.helpful, at = excluded.at",
        (message_id, voter, fact_id, int(helpful), stamp(at)),
    )
    return existed is None


def forget_text(conn: sqlite3.Connection, before: dt.datetime | None = None) -> int:
    """Erase recorded wording (all of it, or older than ``before``); return how many rows."""
    sql = "UPDATE questions SET text = NULL WHERE text IS NOT NULL"
    args: tuple[str, ...] = ()
    if before is not None:
        sql += " AND asked_at < ?"
        args = (stamp(before),)
    return conn.execute(sql, args).rowcount


class QuestionLog:
    """The running bot's curation log, written on the store's worker thread.

    A question is recorded in the background (:meth:`record_soon`): its answer never waits for the
    database, and a database error is logged, never raised into an answer. ``keep_text`` is
    ``RECORD_MISSES``.
    """

    def __init__(self, store: Store, *, keep_text: bool = True) -> None:
        self.store = store
        self.keep_text = keep_text
        self._pending: set[asyncio.Task[int]] = set()

    def record_soon(self, result: MatchResult, *, at: dt.datetime) -> None:
        """Queue one handled question for the log (call from the event loop)."""
        task = asyncio.get_running_loop().create_task(
            self.store.run(record_question, result, at=at, keep_text=self.keep_text)
        )
        self._pending.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[int]) -> None:
        self._pending.discard(task)
        if task.cancelled() or (exc := task.exception()) is None:
            return
        if isinstance(exc, StorageError):  # the Store logged the loss once; not one line per question
            log.debug("question not recorded: %s", exc)
        else:
            log.error("could not record a handled question", exc_info=exc)

    async def vote(self, *, message_id: int, voter: str, fact_id: str, helpful: bool, at: dt.datetime) -> bool:
        """Record (or change) one vote; True if it was new."""
        return await self.store.run(
            record_vote, message_id=message_id, voter=voter, fact_id=fact_id, helpful=helpful, at=at
        )

    async def flush(self) -> None:
        """Wait for every queued record (before closing the store, and in tests)."""
        while self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)


def read_misses(conn: sqlite3.Connection, since: dt.datetime | None = None) -> list[Miss]:
    """Every recorded miss with its wording, oldest first."""
    sql = (
        "SELECT text, lang, status, best_fact_id, score, asked_at FROM questions"
        " WHERE text IS NOT NULL AND status IN (?, ?)"
    )
    args: list[str] = list(MISS_STATUSES)
    if since is not None:
        sql += " AND asked_at >= ?"
        args.append(stamp(since))
    sql += " ORDER BY asked_at, id"
    return [Miss(row[0], row[1], row[2], row[3], row[4], row[5]) for row in conn.execute(sql, args)]


@dataclass(frozen=True, slots=True)
class FactStats:
    """How often one fact was answered and how it was rated."""

    fact_id: str
    answered: int
    helpful: int
    unhelpful: int


@dataclass(frozen=True, slots=True)
class Stats:
    """Outcome counts, the most answered facts, and helpfulness."""

    total: int
    by_status: dict[str, int]
    by_lang: dict[str, int]
    top_facts: tuple[FactStats, ...]
    helpful: int
    unhelpful: int
    first: str | None
    last: str | None

    def rate(self, status: str) -> float:
        return self.by_status.get(status, 0) / self.total if self.total else 0.0

    @property
    def helpfulness(self) -> float | None:
        votes = self.helpful + self.unhelpful
        return self.helpful / votes if votes else None


def read_stats(conn: sqlite3.Connection, since: dt.datetime | None = None, *, top: int = 10) -> Stats:
    """Aggregate the questions log (and feedback given since ``since``)."""
    where, args = ("WHERE asked_at >= ?", (stamp(since),)) if since is not None else ("", ())
    by_status = dict(conn.execute(f"SELECT status, COUNT(*) FROM questions {where} GROUP BY status", args).fetchall())
    by_lang = dict(conn.execute(f"SELECT lang, COUNT(*) FROM questions {where} GROUP BY lang", args).fetchall())
    first, last = conn.execute(f"SELECT MIN(asked_at), MAX(asked_at) FROM questions {where}", args).fetchone()
    answered_where = f"{where} {'AND' if where else 'WHERE'} fact_id IS NOT NULL"
    answered = dict(
        conn.execute(f"SELECT fact_id, COUNT(*) FROM questions {answered_where} GROUP BY fact_id", args).fetchall()
    )
    fb_where, fb_args = ("WHERE at >= ?", (stamp(since),)) if since is not None else ("", ())
    votes: dict[str, list[int]] = {}
    for fact_id, helpful, count in conn.execute(
        f"SELECT fact_id, helpful, COUNT(*) FROM feedback {fb_where} GROUP BY fact_id, helpful", fb_args
    ):
        votes.setdefault(fact_id, [0, 0])[0 if helpful else 1] += count
    facts = [FactStats(fid, answered.get(fid, 0), *votes.get(fid, [0, 0])) for fid in set(answered) | set(votes)]
    facts.sort(key=lambda f: (-f.answered, -(f.helpful + f.unhelpful), f.fact_id))
    return Stats(
        total=sum(by_status.values()),
        by_status=by_status,
        by_lang=by_lang,
        top_facts=tuple(facts[:top]),
        helpful=sum(v[0] for v in votes.values()),
        unhelpful=sum(v[1] for v in votes.values()),
        first=first,
        last=last,
    )
