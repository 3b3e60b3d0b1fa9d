"""One SQLite connection per process, used only from one worker thread, awaited from the event loop.

SQLite calls block (a busy lock waits up to ``busy_timeout``), so the bot never runs them on the
gateway's event loop. Every feature writes its storage as plain functions of a connection —
``def record(conn: sqlite3.Connection, ...) -> T`` — which are easy to test synchronously, and the
bot runs them with ``await store.run(record, ...)``: the call goes to the single worker thread that
owns the connection, so the loop keeps answering while the database is slow or locked.

The connection is kept by a :class:`~bot.store.keeper.Keeper`: a corrupt database is moved aside at
open, a lost one is reopened, and either way the call raises a typed
:class:`~bot.store.health.DatabaseUnavailable` instead of an sqlite3 error. :attr:`Store.reset_reason`
tells scheduled posts that the ledger is not the one the last run left (check history first).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from bot.store.keeper import Keeper

__all__ = ["Store"]

P = ParamSpec("P")
T = TypeVar("T")


def _nothing(conn: sqlite3.Connection) -> None:
    return None


class Store:
    """The process's database: a connection owned by one worker thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="perezbot-db")
        self._keeper = Keeper(path)  # opened lazily, inside the worker thread that uses it
        self._closed = False

    @property
    def reset_reason(self) -> str | None:
        """Why the database in use is not the one the last run left (new, corrupt, lost), or None.

        While it is set the ledger may not know what was already posted: check the channel first.
        """
        return self._keeper.reset_reason

    @property
    def resets(self) -> int:
        """How many times this process opened a database other than the last one (compare to notice a new reset)."""
        return self._keeper.resets

    def open(self) -> None:
        """Open (check, migrate) the database now rather than on first use, so :attr:`reset_reason` is known.

        Raises :class:`~bot.store.health.DatabaseUnwritable` when ``DATA_DIR`` refuses writes.
        """
        self.call(_nothing)

    def call(self, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn(conn, ...)`` on the worker thread and wait for it: for synchronous callers (CLI, tests)."""
        return self._executor.submit(self._keeper.run, fn, args, kwargs).result()

    async def run(self, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn(conn, ...)`` on the worker thread without blocking the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._keeper.run, fn, args, kwargs)

    def close(self) -> None:
        """Close the connection (on its own thread) and stop the worker; closing twice is fine."""
        if self._closed:
            return
        self._closed = True
        self._executor.submit(self._keeper.close).result()
        self._executor.shutdown(wait=True)
