"""A broken database never stops the bot: corrupt files are moved aside, unwritable storage is one line."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import sqlite3
from pathlib import Path

import pytest

from bot.store import health
from bot.store.db import connect
from bot.store.health import (
    DatabaseUnavailable,
    DatabaseUnwritable,
    classify,
    integrity_problem,
    open_checked,
    preflight,
    quarantine,
)

NOW = dt.datetime(2026, 9, 29, 14, 0, tzinfo=dt.UTC)


def populated(path: Path, rows: int = 400) -> Path:
    """A migrated database with enough ledger rows that its table and index span several pages."""
    conn = connect(path)
    conn.executemany(
        "INSERT INTO post_ledger (guild_id, local_date, channel_id, state, claim_token, claimed_at)"
        " VALUES (?, ?, 1, 'posted', ?, '2026-09-29T14:00:00Z')",
        [(n, f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}-{n}", "x" * 40) for n in range(rows)],
    )
    conn.close()  # checkpoints the WAL into the main file
    return path


def damage_page(path: Path, page: int) -> None:
    """Overwrite one page (1-based) of the database file with garbage."""
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(bytes(range(256)) * (size // 256))


def index_root(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        query = "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
        return int(conn.execute(query, (table,)).fetchone()[0])
    finally:
        conn.close()


def test_a_sound_database_opens_as_is(tmp_path: Path) -> None:
    path = populated(tmp_path / "db.sqlite3")
    opened = open_checked(path, now=NOW)
    try:
        assert opened.reset_reason is None
        assert opened.conn.execute("SELECT count(*) FROM post_ledger").fetchone()[0] == 400
    finally:
        opened.conn.close()


def test_a_new_database_counts_as_a_reset(tmp_path: Path) -> None:
    opened = open_checked(tmp_path / "db.sqlite3", now=NOW)
    opened.conn.close()
    assert opened.reset_reason is not None and "new" in opened.reset_reason


def test_garbage_is_moved_aside_and_named_in_one_log_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(os.urandom(64 * 1024))
    with caplog.at_level(logging.ERROR, "perezbot.store"):
        opened = open_checked(path, now=NOW)
    opened.conn.close()
    moved = tmp_path / "db.sqlite3.corrupt-20260929T140000Z"
    assert moved.exists() and path.exists()
    assert [r.getMessage() for r in caplog.records if str(moved) in r.getMessage()], caplog.text
    assert len(caplog.records) == 1 and "\n" not in caplog.records[0].getMessage()
    assert "corrupt" in (opened.reset_reason or "")


def test_three_starts_on_garbage_never_crash(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    for _ in range(3):  # a restart policy restarting a bot whose database keeps getting clobbered
        path.write_bytes(b"not a database" * 1000)
        opened = open_checked(path, now=NOW)
        assert integrity_problem(opened.conn) is None
        opened.conn.close()
    assert len(list(tmp_path.glob("db.sqlite3.corrupt-*"))) == 3


def test_one_garbage_page_in_the_ledger_index_is_found(tmp_path: Path) -> None:
    path = populated(tmp_path / "db.sqlite3")
    damage_page(path, index_root(path, "post_ledger"))
    opened = open_checked(path, now=NOW)
    try:
        assert "corrupt" in (opened.reset_reason or "")
        assert opened.conn.execute("SELECT count(*) FROM post_ledger").fetchone()[0] == 0
    finally:
        opened.conn.close()
    assert list(tmp_path.glob("db.sqlite3.corrupt-*"))


def test_quarantine_moves_the_wal_along_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    for name in ("db.sqlite3", "db.sqlite3-wal"):
        (tmp_path / name).write_bytes(b"x")
    first = quarantine(path, NOW)
    path.write_bytes(b"y")
    second = quarantine(path, NOW)
    assert first != second and first.read_bytes() == b"x" and second.read_bytes() == b"y"
    assert Path(str(first) + "-wal").exists() and not (tmp_path / "db.sqlite3-wal").exists()


def test_preflight_accepts_a_writable_directory(tmp_path: Path) -> None:
    preflight(tmp_path / "new" / "db.sqlite3")
    assert (tmp_path / "new").is_dir() and not list((tmp_path / "new").iterdir())


def test_preflight_rejects_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("oops")
    with pytest.raises(DatabaseUnwritable) as caught:
        preflight(tmp_path / "data" / "db.sqlite3")
    assert "DATA_DIR" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(("code", "words"), [(errno.EROFS, "read-only"), (errno.ENOSPC, "full")])
def test_preflight_names_a_read_only_or_full_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(health, "open", refuse, raising=False)
    with pytest.raises(DatabaseUnwritable) as caught:
        preflight(tmp_path / "db.sqlite3")
    assert words in str(caught.value) and str(tmp_path) in str(caught.value)


def test_preflight_rejects_a_nearly_full_disk(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnwritable, match="full"):
        preflight(tmp_path / "db.sqlite3", min_free=2**62)


def test_an_unwritable_database_at_open_is_a_typed_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def readonly(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(health, "connect", readonly)
    with pytest.raises(DatabaseUnwritable, match="readonly"):
        open_checked(tmp_path / "db.sqlite3", now=NOW)


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (sqlite3.DatabaseError("file is not a database"), DatabaseUnavailable),
        (sqlite3.DatabaseError("database disk image is malformed"), DatabaseUnavailable),
        (sqlite3.OperationalError("database or disk is full"), DatabaseUnwritable),
        (sqlite3.OperationalError("attempt to write a readonly database"), DatabaseUnwritable),
        (sqlite3.IntegrityError("UNIQUE constraint failed"), None),
        (sqlite3.OperationalError("near SELEC: syntax error"), None),
        (ValueError("not storage"), None),
    ],
)
def test_classify(exc: BaseException, kind: type | None) -> None:
    assert classify(exc) is kind
