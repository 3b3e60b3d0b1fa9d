"""The Store runs database work on its own thread, so a locked database never stalls the event loop."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

from bot.store.store import Store


def _thread_name(conn: sqlite3.Connection) -> str:
    conn.execute("SELECT 1")
    return threading.current_thread().name


def test_call_runs_on_the_worker_thread(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    try:
        assert store.call(_thread_name).startswith("perezbot-db")
    finally:
        store.close()


async def test_a_slow_query_does_not_block_the_loop(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    release = threading.Event()

    def slow(conn: sqlite3.Connection) -> int:
        release.wait(5)
        return int(conn.execute("SELECT 41 + 1").fetchone()[0])

    try:
        pending = asyncio.ensure_future(store.run(slow))
        ticks = 0
        for _ in range(5):  # the loop keeps running other work while the query waits
            await asyncio.sleep(0)
            ticks += 1
        assert ticks == 5 and not pending.done()
        release.set()
        assert await pending == 42
    finally:
        release.set()
        store.close()


def test_closing_twice_is_fine(tmp_path):
    store = Store(tmp_path / "db.sqlite3")
    assert store.call(lambda conn: conn.execute("SELECT 1").fetchone()[0]) == 1
    store.close()
    store.close()
