"""Keep a broken database from taking the bot down: check it at open, move a corrupt one aside.

A restart policy turns "crash on a bad database" into a crash loop, and questions need no
database at all, so the bot opens its database defensively:

- :func:`preflight` says, before connecting to Discord, whether ``DATA_DIR`` can hold the database
  at all (read-only, full, not a directory): one line in :class:`DatabaseUnwritable`, for the CLI
  to print and exit 2.
- :func:`open_checked` opens and migrates the database after ``PRAGMA quick_check``; a corrupt file
  (garbage throughout, or one bad page) is renamed to ``<name>.corrupt-<UTC stamp>`` with its WAL
  and shared-memory files, logged in one line, and a fresh database is created in its place.
- :func:`classify` sorts the errors SQLite raises while running into "the database is lost or
  unusable" (the Store reopens it later) and ordinary errors (a constraint, a bug) it re-raises.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.store.db import connect

__all__ = [
    "DatabaseUnavailable",
    "DatabaseUnwritable",
    "Opened",
    "StorageError",
    "classify",
    "integrity_problem",
    "is_sqlite_header",
    "open_checked",
    "preflight",
    "quarantine",
]

log = logging.getLogger("perezbot.store")

MIN_FREE_BYTES = 1024 * 1024  # below this, SQLite cannot even create its WAL: treat as full
SQLITE_HEADER = b"SQLite format 3\x00"
_COMPANIONS = ("-wal", "-shm", "-journal")

# Fragments of SQLite's messages, lower case. Corruption: the file is not (or no longer) a database.
_CORRUPT = ("not a database", "malformed", "corrupt")
# The storage refuses writes: nothing is wrong with the data, but it cannot be kept.
_UNWRITABLE = ("readonly", "read-only", "disk is full", "unable to open database file", "disk i/o error")


class StorageError(Exception):
    """The database cannot be used; ``str()`` is one line for the log or the terminal."""


class DatabaseUnavailable(StorageError):
    """The database was lost or became unusable while running; the Store retries it later."""


class DatabaseUnwritable(DatabaseUnavailable):
    """``DATA_DIR`` or the database file cannot be written: read-only, full, or not a directory."""


@dataclass(frozen=True, slots=True)
class Opened:
    """A healthy, migrated connection, and why it is not the database the last run left (or None)."""

    conn: sqlite3.Connection
    reset_reason: str | None


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def preflight(path: Path, *, min_free: int = MIN_FREE_BYTES) -> None:
    """Raise :class:`DatabaseUnwritable` (one line) unless the database at ``path`` can be created and written.

    Checked by doing, not by permission bits (root ignores them; a read-only mount does not): the
    directory is created, a probe file written and removed, the database (if any) opened for writing.
    """
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnwritable(f"DATA_DIR {directory} cannot be created: {exc.strerror or exc}") from exc
    if not directory.is_dir():
        raise DatabaseUnwritable(f"DATA_DIR {directory} is not a directory")
    probe = directory / f".perezbot-write-probe-{os.getpid()}"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"\0" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with open(path, "r+b"):
                pass
    except OSError as exc:
        raise DatabaseUnwritable(_unwritable_line(directory, path, exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)
    stats = os.statvfs(directory)
    free = stats.f_bavail * stats.f_frsize
    if free < min_free:
        raise DatabaseUnwritable(f"DATA_DIR {directory} is full ({free // 1024} KiB free): free some space")


def _unwritable_line(directory: Path, path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return f"DATA_DIR {directory} is full: free some space"
    if exc.errno == errno.EROFS:
        return f"DATA_DIR {directory} is on a read-only file system: mount it writable"
    target = path if exc.filename == str(path) else directory
    return f"DATA_DIR {directory}: cannot write {target}: {exc.strerror or exc}"


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """``PRAGMA quick_check``'s first complaint, or None when the file is sound.

    quick_check reads every page and checks each b-tree's structure (a garbage page anywhere is
    found) but skips matching indexes against their tables, which makes it several times cheaper
    than ``integrity_check`` (see ``benchmarks/bench_store.py``).
    """
    rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    first = rows[0][0] if rows else "no answer"
    return None if first == "ok" else str(first)


def is_sqlite_header(path: Path) -> bool:
    """Whether ``path`` starts like an SQLite database (an empty file counts: SQLite will initialise it)."""
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def quarantine(path: Path, now: dt.datetime) -> Path:
    """Rename ``path`` (and its WAL/shm/journal) to ``<name>.corrupt-<stamp>``; return the new name."""
    base = path.with_name(f"{path.name}.corrupt-{_stamp(now)}")
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    os.replace(path, target)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def classify(exc: BaseException) -> type[StorageError] | None:
    """Which :class:`StorageError` an SQLite/OS error means, or None for an ordinary error to re-raise."""
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return None
    if isinstance(exc, OSError):
        return DatabaseUnavailable
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    text = str(exc).lower()
    if any(fragment in text for fragment in _CORRUPT):
        return DatabaseUnavailable
    if any(fragment in text for fragment in _UNWRITABLE):
        return DatabaseUnwritable
    if "no such table" in text:  # the file was swapped for an empty one under us
        return DatabaseUnavailable
    return None


def _corruption(path: Path) -> str | None:
    """Open the existing database read-only and say what is wrong with it (None: sound)."""
    try:
        if not is_sqlite_header(path):
            return "not an SQLite database"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            return integrity_problem(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if classify(exc) is DatabaseUnwritable and not any(f in str(exc).lower() for f in _CORRUPT):
            raise
        return str(exc)


def open_checked(path: Path, *, now: dt.datetime, check_same_thread: bool = True) -> Opened:
    """Open and migrate the database at ``path``, replacing a corrupt one with a fresh database.

    Raises :class:`DatabaseUnwritable` when the storage refuses writes. ``reset_reason`` says why
    the database is not the one the last run left: new (none existed), or moved aside as corrupt.
    """
    reset_reason: str | None = None
    existed = path.exists() and path.stat().st_size > 0
    try:
        problem = _corruption(path) if existed else None
        if problem is not None:
            moved = quarantine(path, now)
            log.error("database %s is corrupt (%s): moved it aside to %s and started a fresh one", path, problem, moved)
            reset_reason = f"the database was corrupt and moved aside to {moved.name}"
        elif not existed:
            reset_reason = "a new database was created (none existed)"
        conn = connect(path, check_same_thread=check_same_thread)
    except (sqlite3.DatabaseError, OSError) as exc:
        if classify(exc) is DatabaseUnwritable or isinstance(exc, OSError):
            raise DatabaseUnwritable(f"database {path} cannot be written: {exc}") from exc
        raise
    return Opened(conn, reset_reason)
