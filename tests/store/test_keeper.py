"""A database lost while running: one ERROR, a typed error for the caller, a reopen later, a reset noted."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import pytest

from bot.store.health import DatabaseUnavailable
from bot.store.keeper import Keeper
from bot.store.store import Store


class Ticks:
    """A settable monotonic clock."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM guild_settings").fetchone()[0])


def add(conn: sqlite3.Connection, guild: int) -> None:
    conn.execute("INSERT INTO guild_settings (guild_id, updated_at) VALUES (?, 'now')", (guild,))


def checkpoint(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def run(keeper: Keeper, fn, *args):  # type: ignore[no-untyped-def]
    return keeper.run(fn, args, {})


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.fixture
def keeper(tmp_path: Path) -> Keeper:
    keeper = Keeper(tmp_path / "db.sqlite3", monotonic=Ticks())
    run(keeper, add, 1)
    return keeper


def test_first_open_of_a_new_database_is_a_reset(keeper: Keeper) -> None:
    assert keeper.resets == 1 and "new" in (keeper.reset_reason or "")


def test_an_existing_database_is_not_a_reset(keeper: Keeper) -> None:
    keeper.close()
    again = Keeper(keeper.path)
    assert run(again, count) == 1 and again.reset_reason is None and again.resets == 0


def test_deleted_while_running_reopens_fresh_with_one_error(keeper: Keeper, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, "perezbot.store"):
        for suffix in ("", "-wal", "-shm"):
            Path(str(keeper.path) + suffix).unlink(missing_ok=True)
        assert run(keeper, count) == 0  # the same call already works on a fresh database
        run(keeper, add, 2)
        assert run(keeper, count) == 1
    assert len(errors(caplog)) == 1 and "deleted" in errors(caplog)[0]
    assert keeper.resets == 2 and "deleted" in (keeper.reset_reason or "")
    assert keeper.down is None


def test_overwritten_with_garbage_while_running(keeper: Keeper, caplog: pytest.LogCaptureFixture) -> None:
    run(keeper, add, 2)
    run(keeper, checkpoint)  # everything in the main file: closing cannot rewrite it from the WAL
    with caplog.at_level(logging.ERROR, "perezbot.store"):
        with open(keeper.path, "r+b") as handle:  # same file, new bytes: what `dd` or a bad disk does
            handle.write(os.urandom(8192))
        assert run(keeper, count) == 0
    assert keeper.resets == 2 and keeper.reset_reason is not None
    assert list(keeper.path.parent.glob("db.sqlite3.corrupt-*")), "the garbage was kept for inspection"
    assert 1 <= len(errors(caplog)) <= 2  # "overwritten" and the "moved aside to …" line


def test_an_unusable_database_mid_call_is_typed_logged_once_and_retried(
    keeper: Keeper, caplog: pytest.LogCaptureFixture
) -> None:
    ticks: Ticks = keeper._monotonic  # type: ignore[assignment]

    def broken(conn: sqlite3.Connection) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    with caplog.at_level(logging.INFO, "perezbot.store"):
        with pytest.raises(DatabaseUnavailable):
            run(keeper, broken)
        for _ in range(5):  # during the back-off: fail fast, no more log lines
            with pytest.raises(DatabaseUnavailable):
                run(keeper, count)
        ticks.now += 2
        assert run(keeper, count) == 1  # reopened: the file itself was fine
    assert len(errors(caplog)) == 1
    assert any("usable again" in r.getMessage() for r in caplog.records)
    assert keeper.resets == 1  # a sound file reopened is not a reset


def test_back_off_grows_while_the_database_stays_unusable(keeper: Keeper, monkeypatch: pytest.MonkeyPatch) -> None:
    ticks: Ticks = keeper._monotonic  # type: ignore[assignment]

    def broken(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(DatabaseUnavailable):
        run(keeper, broken)
    delays = []
    for _ in range(4):
        start = ticks.now
        while True:
            ticks.now += 0.5
            try:
                run(keeper, broken)
            except DatabaseUnavailable as exc:
                if exc.__cause__ is not None:  # a real attempt, not a fail-fast during back-off
                    delays.append(ticks.now - start)
                    break
    assert delays == sorted(delays) and delays[-1] > delays[0]


def test_ordinary_errors_pass_through(keeper: Keeper) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        run(keeper, add, 1)
    assert keeper.down is None and run(keeper, count) == 1


async def test_store_exposes_resets_and_raises_typed_errors(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    try:
        store.open()
        assert store.resets == 1 and store.reset_reason is not None
        await store.run(add, 5)
        (tmp_path / "db.sqlite3").unlink()
        assert await store.run(count) == 0
        assert store.resets == 2 and "deleted" in (store.reset_reason or "")
    finally:
        store.close()
