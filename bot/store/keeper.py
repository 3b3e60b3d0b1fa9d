"""The Store's connection and its health: reopen a lost database, log its loss once, remember resets.

Questions need no database, so losing it must not stop the bot. Before each call the keeper
checks (a ``stat`` and, when the file changed, a 16-byte header read) that the file it opened is
still there and still a database; a deleted, replaced or overwritten file is closed and reopened
at once (a corrupt one is moved aside by :func:`~bot.store.health.open_checked`). An error during
a call that means the database is unusable closes the connection and raises a typed
:class:`~bot.store.health.DatabaseUnavailable`; calls during the back-off that follows fail fast
with the same type, and the first call after it tries to reopen. One ERROR when the database is
lost, one INFO when it is back, nothing per call in between.

:attr:`Keeper.reset_reason` is set whenever the database in use is not the one the previous run
left (created new, moved aside as corrupt, deleted or replaced while running): its ledger cannot
be trusted to know what was already posted, so scheduled posts check the channel history first.
Used only from the Store's single worker thread, so it needs no lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from bot.store.health import DatabaseUnavailable, StorageError, classify, is_sqlite_header, open_checked

__all__ = ["Keeper"]

log = logging.getLogger("perezbot.store")

T = TypeVar("T")


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Keeper:
    """Owns the connection to ``path``: opens it checked, watches it, reopens it with back-off."""

    def __init__(
        self,
        path: os.PathLike[str] | str,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        now: Callable[[], dt.datetime] = _utcnow,
        first_delay: float = 1.0,
        max_delay: float = 60.0,
    ) -> None:
        self.path = Path(path)
        self._monotonic, self._now = monotonic, now
        self._first_delay, self._max_delay = first_delay, max_delay
        self._conn: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None  # (st_dev, st_ino) of the file opened
        self._signature: tuple[int, int] | None = None  # (size, mtime_ns) when last verified
        self._down: str | None = None  # why the database is unusable now
        self._delay = first_delay
        self._retry_at = 0.0
        self._pending_reset: str | None = None  # a loss that the next open must report as a reset
        self.reset_reason: str | None = None
        self.resets = 0  # how many times a database other than the last run's was opened

    @property
    def down(self) -> str | None:
        """Why the database is unusable right now, or None."""
        return self._down

    def run(self, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        """``fn(conn, *args, **kwargs)`` on a healthy connection, or a typed :class:`StorageError`."""
        conn = self._ensure()
        try:
            result = fn(conn, *args, **kwargs)
        except (sqlite3.DatabaseError, OSError) as exc:
            kind = classify(exc)
            if kind is None:
                raise
            self._fail(f"{type(exc).__name__}: {exc}")
            raise kind(f"database {self.path} unusable: {exc}") from exc
        if self._down is not None:
            log.info("database %s is usable again", self.path)
            self._down, self._delay = None, self._first_delay
        return result

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    # ------------------------------------------------------------------ internals

    def _ensure(self) -> sqlite3.Connection:
        if self._conn is not None:
            lost = self._lost()
            if lost is None:
                return self._conn
            self.close()
            self._pending_reset = lost
            if self._down is None:
                log.error("database %s: %s; opening a fresh one (questions are unaffected)", self.path, lost)
                self._down = lost
        elif self._down is not None and self._monotonic() < self._retry_at:
            raise DatabaseUnavailable(f"database {self.path} unavailable ({self._down}); retrying later")
        try:
            opened = open_checked(self.path, now=self._now(), check_same_thread=False)
        except (StorageError, sqlite3.DatabaseError, OSError) as exc:
            self._fail(str(exc))
            kind = exc if isinstance(exc, StorageError) else DatabaseUnavailable(f"database {self.path}: {exc}")
            raise kind from exc
        reason = self._pending_reset or opened.reset_reason
        if reason is not None:
            self.reset_reason, self._pending_reset = reason, None
            self.resets += 1
        self._conn = opened.conn
        st = os.stat(self.path)
        self._identity, self._signature = (st.st_dev, st.st_ino), (st.st_size, st.st_mtime_ns)
        return self._conn

    def _lost(self) -> str | None:
        """Why the open connection no longer refers to a usable database file (None: it does)."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return "the database file was deleted while running"
        if (st.st_dev, st.st_ino) != self._identity:
            return "the database file was replaced while running"
        signature = (st.st_size, st.st_mtime_ns)
        if signature != self._signature:
            self._signature = signature
            try:
                if not is_sqlite_header(self.path):
                    return "the database file was overwritten with something that is not a database"
            except OSError as exc:
                return f"the database file cannot be read: {exc}"
        return None

    def _fail(self, problem: str) -> None:
        """Close, schedule a reopen with back-off, and log only the first failure of a streak."""
        self.close()
        if self._down is None:
            log.error(
                "database %s unusable: %s; questions are still answered, reopening it with back-off",
                self.path,
                problem,
            )
            self._delay = self._first_delay
        else:
            self._delay = min(self._delay * 2, self._max_delay)
        self._down = problem
        self._retry_at = self._monotonic() + self._delay
