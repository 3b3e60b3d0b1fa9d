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
    # 2 (scheduled posts): one post per channel and local date, whatever its kind (yearly or
    # daily); what was posted; unknown outcomes re-checked on a timer; missed and skipped days.
    # Daily settings and each server's fact rotation.
    """
    CREATE TABLE post_ledger_v2 (
        guild_id     INTEGER NOT NULL,
        channel_id   INTEGER NOT NULL,
        local_date   TEXT    NOT NULL,          -- the server's local date, YYYY-MM-DD
        kind         TEXT    NOT NULL DEFAULT 'yearly' CHECK (kind IN ('yearly', 'daily')),
        state        TEXT    NOT NULL CHECK (state IN ('sending', 'posted', 'unknown', 'missed', 'skipped')),
        content      TEXT,                      -- story | dated | fact
        fact_id      TEXT,
        claim_token  TEXT    NOT NULL,
        claimed_at   TEXT    NOT NULL,          -- ISO UTC
        message_id   INTEGER,
        posted_at    TEXT,
        checks       INTEGER NOT NULL DEFAULT 0, -- history checks that failed (state unknown)
        next_check   TEXT,                      -- ISO UTC: when to check the channel again
        note         TEXT,
        UNIQUE (channel_id, local_date)
    );
    INSERT OR IGNORE INTO post_ledger_v2 (guild_id, channel_id, local_date, kind, state, content, claim_token,
                                          claimed_at, message_id, posted_at)
        SELECT guild_id, channel_id, local_date, 'yearly', state, 'story', claim_token, claimed_at, message_id,
               posted_at FROM post_ledger;
    DROP TABLE post_ledger;
    ALTER TABLE post_ledger_v2 RENAME TO post_ledger;
    CREATE INDEX post_ledger_by_guild ON post_ledger (guild_id, local_date);
    CREATE TABLE post_failures_v2 (
        guild_id     INTEGER NOT NULL,
        channel_id   INTEGER NOT NULL,
        local_date   TEXT    NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        last_error   TEXT,
        last_attempt TEXT,
        PRIMARY KEY (channel_id, local_date)
    );
    INSERT OR IGNORE INTO post_failures_v2 (guild_id, channel_id, local_date, attempts, last_error, last_attempt)
        SELECT f.guild_id, COALESCE(g.channel_id, 0), f.local_date, f.attempts, f.last_error, f.last_attempt
        FROM post_failures f LEFT JOIN guild_settings g ON g.guild_id = f.guild_id;
    DROP TABLE post_failures;
    ALTER TABLE post_failures_v2 RENAME TO post_failures;
    CREATE TABLE daily_settings (
        guild_id     INTEGER PRIMARY KEY,
        channel_id   INTEGER,                    -- NULL: DAILY_CHANNEL_ID if it is in this server
        post_time    TEXT,                       -- HH:MM local, NULL: POST_TIME
        timezone     TEXT,                       -- IANA name, NULL: TIMEZONE
        language     TEXT    NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
        enabled      INTEGER NOT NULL DEFAULT 1,
        updated_at   TEXT    NOT NULL
    );
    CREATE TABLE daily_rotation (
        guild_id     INTEGER PRIMARY KEY,
        state        TEXT    NOT NULL,           -- JSON: seed, cycle, order, shown, last
        updated_at   TEXT    NOT NULL
    )
    """,
    # 3: the quiz (bot/quiz/storage.py): who saw which item when, players' records, open channel rounds.
    """
    CREATE TABLE quiz_seen (
        player       TEXT    NOT NULL,           -- 'u:<user id>' or 'c:<channel id>'
        item_id      TEXT    NOT NULL,           -- '<fact id>#<n>'
        seen_at      TEXT    NOT NULL,           -- ISO UTC
        PRIMARY KEY (player, item_id)
    );
    CREATE TABLE quiz_players (
        guild_id     INTEGER NOT NULL,           -- 0 for rounds played in DMs
        user_id      INTEGER NOT NULL,
        name         TEXT    NOT NULL,           -- as shown when they last answered
        answered     INTEGER NOT NULL DEFAULT 0, -- scored answers only (no repeats inside a week)
        correct      INTEGER NOT NULL DEFAULT 0,
        streak       INTEGER NOT NULL DEFAULT 0,
        best_streak  INTEGER NOT NULL DEFAULT 0,
        updated_at   TEXT    NOT NULL,
        PRIMARY KEY (guild_id, user_id)
    );
    CREATE TABLE quiz_rounds (
        channel_id   INTEGER PRIMARY KEY,        -- one round per channel
        guild_id     INTEGER NOT NULL,
        lang         TEXT    NOT NULL,
        started_at   TEXT    NOT NULL,
        message_id   INTEGER                     -- the question on screen (its buttons go on restart)
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
