"""Fakes for the scheduler: an in-memory Discord with failure knobs, and a store without a thread."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import multiprocessing
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.core.render import Reply
from bot.posts.scheduler import PostRefused, Scheduler
from bot.store.db import connect
from bot.store.store import Store


class Crash(BaseException):
    """Raised from inside a send to simulate the process dying there (schedulers don't catch it)."""


class InlineStore:
    """The :class:`bot.store.store.Store` contract (``await run(fn, ...)``) on the calling thread:
    scheduler tests stay deterministic. The real Store is used end to end and across processes."""

    def __init__(self, path_or_conn: Path | sqlite3.Connection) -> None:
        self.conn = path_or_conn if isinstance(path_or_conn, sqlite3.Connection) else connect(path_or_conn)

    async def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return fn(self.conn, *args, **kwargs)

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return fn(self.conn, *args, **kwargs)

    def close(self) -> None:
        self.conn.close()


@dataclass
class Sent:
    channel_id: int
    message_id: int
    reply: Reply
    nonce: str
    marker: str = ""


@dataclass
class FakePoster:
    channels: dict[int, int] = field(default_factory=dict)  # channel id → guild id
    sent: list[Sent] = field(default_factory=list)
    refuse: dict[int, str] = field(default_factory=dict)  # channel id → error text
    crash_before: set[int] = field(default_factory=set)  # die after the claim, before Discord has it
    crash_after: set[int] = field(default_factory=set)  # die after Discord has it, before recording
    hang_after: set[int] = field(default_factory=set)  # Discord has it but the answer never comes
    unverifiable: set[int] = field(default_factory=set)  # history cannot be read (no permission)
    history_down: set[int] = field(default_factory=set)  # history reads fail (5xx) — the outcome stays unknown
    languages: dict[int, str] = field(default_factory=dict)  # guild id → its Discord language
    looks: int = 0  # history checks made
    yields: int = 3  # awaits inside post(), so concurrent ticks really interleave
    ids: itertools.count = field(default_factory=lambda: itertools.count(1_000_000_000_000_000_001))

    def guild_of(self, channel_id: int) -> int | None:
        return self.channels.get(channel_id)

    def language_of(self, guild_id: int) -> str | None:
        return self.languages.get(guild_id)

    async def post(self, channel_id: int, reply: Reply, nonce: str, marker: str = "") -> int:
        for _ in range(self.yields):
            await asyncio.sleep(0)
        if channel_id in self.crash_before:
            raise Crash
        if channel_id in self.refuse:
            raise PostRefused(self.refuse[channel_id])
        for earlier in self.sent:  # Discord's enforce_nonce: a repeat returns the first message
            if earlier.channel_id == channel_id and earlier.nonce == nonce:
                return earlier.message_id
        message = Sent(channel_id, next(self.ids), reply, nonce, marker)
        self.sent.append(message)
        if channel_id in self.crash_after:
            raise Crash
        if channel_id in self.hang_after:
            raise TimeoutError
        return message.message_id

    async def find_post(self, channel_id: int, marker: str) -> int | None:
        await asyncio.sleep(0)
        self.looks += 1
        if channel_id in self.unverifiable:
            raise PermissionError("Missing Access: Read Message History")
        if channel_id in self.history_down:
            raise ConnectionError("503 Service Unavailable")
        for message in self.sent:
            if message.channel_id == channel_id and message.marker.startswith(marker):
                return message.message_id
        return None

    def posts_in(self, channel_id: int) -> list[Sent]:
        return [m for m in self.sent if m.channel_id == channel_id]


@dataclass
class FilePoster(FakePoster):
    """A :class:`FakePoster` in a child process: each post also appends a line to ``out_path``
    (its marker, or its channel id), so the parent sees what all the children sent."""

    out_path: str = ""
    record: str = "channel"  # or "marker"

    async def post(self, channel_id: int, reply: Reply, nonce: str, marker: str = "") -> int:
        message_id = await super().post(channel_id, reply, nonce, marker)
        with open(self.out_path, "a", encoding="utf-8") as out:  # O_APPEND: atomic small writes
            out.write(f"{marker if self.record == 'marker' else channel_id}\n")
        return message_id


def _tick_in_child(
    db_path: str, barrier: Any, now_iso: str, facts: Any, poster: FilePoster
) -> None:  # pragma: no cover
    """A whole second process: its own Store (worker thread + connection), scheduler and event loop."""
    store = Store(Path(db_path))
    scheduler = Scheduler(store, facts, poster)
    barrier.wait()
    asyncio.run(scheduler.tick(dt.datetime.fromisoformat(now_iso)))
    store.close()


def tick_in_processes(db_path: Path, now: dt.datetime, facts: Any, poster: FilePoster, processes: int = 4) -> None:
    """``processes`` forked processes tick one database at the same instant (a barrier lines them up)."""
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(processes)
    args = (str(db_path), barrier, now.isoformat(), facts, poster)
    procs = [ctx.Process(target=_tick_in_child, args=args) for _ in range(processes)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(30)
        assert proc.exitcode == 0
