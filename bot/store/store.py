"""One SQLite connection per process, used only from one worker thread, awaited from the event loop.

SQLite calls block (a busy lock waits up to ``busy_timeout``), so the bot never runs them on the
gateway's event loop. Every feature writes its storage as plain functions of a connection —
``def record(conn: sqlite3.Connection, ...) -> T`` — which are easy to test synchronously, and the
bot runs them with ``await store.run(record, ...)``: the call goes to the single worker thread that
owns the connection, so the loop keeps answering while the database is slow or locked.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from bot.store.db import connect

__all__ = ["Store"]

P = ParamSpec("P")
T = TypeVar("T")


class Store:
    """The process's database: a connection owned by one worker thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="perezbot-db")
        self._conn: sqlite3.Connection | None = None
        self._closed = False

    def _connection(self) -> sqlite3.Connection:
        """Open (and migrate) lazily, inside the worker thread that will use it."""
        if self._conn is None:
            self._conn = connect(self.path, check_same_thread=False)
        return self._conn

    def call(self, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn(conn, ...)`` on the worker thread and wait for it: for synchronous callers (CLI, tests)."""
        return self._executor.submit(lambda: fn(self._connection(), *args, **kwargs)).result()

    async def run(self, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn(conn, ...)`` on the worker thread without blocking the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(self._connection(), *args, **kwargs))

    def close(self) -> None:
        """Close the connection (on its own thread) and stop the worker; closing twice is fine."""
        if self._closed:
            return
        self._closed = True

        def _close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        self._executor.submit(_close).result()
        self._executor.shutdown(wait=True)
