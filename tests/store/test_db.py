"""The SQLite store: created and migrated on connect; reconnecting is a no-op; newer schemas refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.store.db import SCHEMA_VERSION, connect, schema_version

TABLES = {"guild_settings", "post_ledger", "post_failures", "questions", "feedback", "daily_settings", "daily_rotation"}


def tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_connect_creates_and_migrates(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "perezbot.sqlite3"
    conn = connect(path)
    try:
        assert path.is_file()
        assert schema_version(conn) == SCHEMA_VERSION >= 1
        assert tables(conn) >= TABLES
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        conn.close()


def test_reconnecting_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "perezbot.sqlite3"
    conn = connect(path)
    conn.execute("INSERT INTO guild_settings (guild_id, channel_id, updated_at) VALUES (1, 2, '2026-09-29T09:00:00Z')")
    conn.close()
    again = connect(path)
    try:
        assert schema_version(again) == SCHEMA_VERSION
        assert [tuple(r) for r in again.execute("SELECT channel_id, language FROM guild_settings")] == [(2, "en")]
    finally:
        again.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "perezbot.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(RuntimeError, match="newer than this perezbot"):
        connect(path)
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1  # left untouched
        assert not tables(raw)
    finally:
        raw.close()


def test_rows_come_back_by_name(tmp_path: Path) -> None:
    conn = connect(tmp_path / "db.sqlite3")
    try:
        conn.execute("INSERT INTO questions (asked_at, status, lang) VALUES ('2026-09-29', 'unknown', 'es')")
        row = conn.execute("SELECT status, lang FROM questions").fetchone()
        assert row["status"] == "unknown" and row["lang"] == "es"
    finally:
        conn.close()


def test_language_is_checked(tmp_path: Path) -> None:
    conn = connect(tmp_path / "db.sqlite3")
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO guild_settings (guild_id, language, updated_at) VALUES (1, 'fr', 'now')")
    finally:
        conn.close()
