"""Fixtures that run the real discord.py client against the fake Discord on 127.0.0.1.

Every test here fails when the bot called a route the fake does not know, logged an ERROR the
test did not expect (``errors.expect("…")``), or its gateway task died.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import discord
import pytest
import yarl

from bot.config import Settings
from bot.core.engine import Engine
from bot.discord.client import PerezBot, ShardedPerezBot, build_bot, point_at
from tests.fake_discord import FakeDiscord


class ErrorLog(logging.Handler):
    """Collects ERROR records; the test fails on any it did not :meth:`expect`."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.expected: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def expect(self, fragment: str) -> None:
        self.expected.append(fragment)

    def unexpected(self) -> list[str]:
        out = []
        for record in self.records:
            text = record.getMessage()
            if record.exc_info:
                text += "\n" + logging.Formatter().formatException(record.exc_info)
            if not any(fragment in text for fragment in self.expected):
                out.append(f"{record.name}: {text}")
        return out


@pytest.fixture
def errors() -> AsyncIterator[ErrorLog]:
    handler = ErrorLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    problems = handler.unexpected()
    assert not problems, "unexpected ERROR logs:\n" + "\n".join(problems)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = await FakeDiscord().start()
    try:
        yield server
    finally:
        await server.stop()
    assert not server.unknown, f"the bot called routes the fake does not know: {server.unknown}"


@pytest.fixture
def endpoints(fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> FakeDiscord:
    """discord.py pointed at the fake for this test only."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    )
    point_at(fake.api_base, fake.gateway_url)
    assert yarl.URL(fake.gateway_url) == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    return fake


@dataclass
class Clock:
    """A settable clock for the bot (aware UTC)."""

    now: dt.datetime = field(default_factory=lambda: dt.datetime(2026, 9, 29, 14, 0, tzinfo=dt.UTC))

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@dataclass
class Running:
    """A connected bot and the fake it talks to."""

    fake: FakeDiscord
    bot: PerezBot | ShardedPerezBot
    task: asyncio.Task
    clock: Clock

    def retirement(self, lang: str = "en") -> str:
        """The answer text of the one fact every fact base has (``retirement-date``)."""
        fact = self.bot.engine.facts.get("retirement-date")
        assert fact is not None
        return fact.text(lang)

    def alive(self) -> None:
        if self.task.done():
            exc = self.task.exception()
            raise AssertionError(f"the gateway task died: {exc!r}") from exc


async def _no_identify_wait(shard_id: int | None, *, initial: bool = False) -> None:
    return None


async def start_bot(
    fake: FakeDiscord, settings: Settings, engine: Engine, clock: Clock, *, shards: int = 1, **options
) -> Running:
    bot = build_bot(settings, engine, clock=clock, guild_ready_timeout=0.05, **options)
    bot.before_identify_hook = _no_identify_wait  # discord.py waits 5 s between shards' IDENTIFYs
    await bot.login(fake.token)
    task = asyncio.create_task(bot.connect(reconnect=False))
    fake.watch(task)
    ready = asyncio.create_task(bot.wait_until_ready())
    done, _ = await asyncio.wait({task, ready}, timeout=5, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        ready.cancel()
        if task.done():
            raise AssertionError(f"the bot died while connecting: {task.exception()!r}") from task.exception()
        raise AssertionError("the bot did not become ready within 5 s")
    return Running(fake, bot, task, clock)


async def stop_bot(running: Running) -> None:
    running.alive()
    await running.bot.close()
    await asyncio.wait_for(running.task, 5)


@pytest.fixture
def settings(fake: FakeDiscord, tmp_path: Path) -> Settings:
    return Settings(discord_token=fake.token, data_dir=tmp_path / "data")


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def make_bot(endpoints: FakeDiscord, settings: Settings, engine: Engine, clock: Clock, errors: ErrorLog):
    """``await make_bot(**options)`` → a :class:`Running` bot; closed (and checked alive) after the test."""
    started: list[Running] = []

    async def make(settings: Settings = settings, engine: Engine = engine, **options) -> Running:
        running = await start_bot(endpoints, settings, engine, clock, **options)
        started.append(running)
        return running

    yield make
    for running in started:
        if not running.bot.is_closed():
            await stop_bot(running)


@pytest.fixture
async def running(make_bot: Callable) -> Running:
    return await make_bot()
