"""Open the SQLite database and migrate its schema to the latest version.

The schema version lives in ``PRAGMA user_version``; each entry of :data:`MIGRATIONS` moves it
up by one and runs in its own transaction, so a crash mid-migration leaves the old version.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "connect", "schema_version"]

MIGRATIONS: tuple[str, ...] = (
    # 1: per-server settings, the post ledger, the curation log.
    """
    CREATE TABLE guild_settings (
        guild_id     INTEGER PRIMARY KEY,
        channel_id   INTEGER,                    -- NULL: ANNOUNCE_CHANNEL_ID if it is in this server
        post_time    TEXT,                       -- HH:MM local, NULL: POST_TIME
        timezone     TEXT,                       -- IANA name, NULL: TIMEZONE
        language     TEXT    NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
        enabled      INTEGER NOT NULL DEFAULT 1,
        updated_at   TEXT    NOT NULL
    );
    CREATE TABLE post_ledger (
        guild_id     INTEGER NOT NULL,
        local_date   TEXT    NOT NULL,          -- the server's local date, YYYY-MM-DD
        channel_id   INTEGER NOT NULL,
        state        TEXT    NOT NULL CHECK (state IN ('sending', 'posted', 'unknown')),
        claim_token  TEXT    NOT NULL,          -- the claimant (a takeover compares and swaps it)
        claimed_at   TEXT    NOT NULL,          -- ISO UTC
        message_id   INTEGER,
        posted_at    TEXT,
        UNIQUE (guild_id, local_date)
    );
    CREATE TABLE post_failures (
        guild_id     INTEGER NOT NULL,
        local_date   TEXT    NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        last_error   TEXT,
        last_attempt TEXT,
        PRIMARY KEY (guild_id, local_date)
    );
    CREATE TABLE questions (
        id           INTEGER PRIMARY KEY,
        asked_at     TEXT    NOT NULL,
        status       TEXT    NOT NULL,
        lang         TEXT    NOT NULL,
        fact_id      TEXT,
        best_fact_id TEXT,
        score        REAL,
        text         TEXT                        -- kept only for unknown/ambiguous (misses)
    );
    CREATE INDEX questions_by_time ON questions (asked_at);
    CREATE TABLE feedback (
        message_id   INTEGER NOT NULL,
        voter        TEXT    NOT NULL,           -- a salted hash, never the user id itself
        fact_id      TEXT    NOT NULL,
        helpful      INTEGER NOT NULL,
        at           TEXT    NOT NULL,
        PRIMARY KEY (message_id, voter)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and migrate it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=check_same_thread)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA synchronous=NORMAL")  # WAL: commits skip fsync (checkpoints keep it), so bursts stay fast
    conn.execute("PRAGMA foreign_keys=ON")
    conn.row_factory = sqlite3.Row
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        conn.close()
        raise RuntimeError(f"database {path} has schema {current}, newer than this perezbot ({SCHEMA_VERSION})")
    for version in range(current, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) == version:  # another process may have migrated meanwhile
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return conn
