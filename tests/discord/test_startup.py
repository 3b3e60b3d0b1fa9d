"""A start that cannot reach Discord keeps trying with growing delays; a bad token still stops it."""

from __future__ import annotations

import asyncio
import logging
import random
from types import SimpleNamespace

import aiohttp
import discord
import pytest

from bot.discord.startup import Backoff, is_transient, keep_trying


def http_error(status: int) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="x")
    if status >= 500:
        return discord.DiscordServerError(response, {"message": "down", "code": 0})  # type: ignore[arg-type]
    return discord.HTTPException(response, {"message": "no", "code": 0})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("exc", "transient"),
    [
        (http_error(503), True),
        (http_error(429), True),
        (aiohttp.ClientConnectionError("refused"), True),
        (OSError("network unreachable"), True),
        (discord.GatewayNotFound(), True),
        (discord.LoginFailure("bad token"), False),
        (http_error(400), False),
        (ValueError("a bug"), False),
    ],
)
def test_what_is_worth_retrying(exc: BaseException, transient: bool) -> None:
    assert is_transient(exc) is transient


def test_backoff_grows_to_its_cap_with_jitter() -> None:
    backoff = Backoff(first=1, cap=8, rng=random.Random(1))
    delays = [backoff.next() for _ in range(6)]
    assert [int(d) for d in delays[:3]] == [1, 2, 4]
    assert all(8 <= d <= 10 for d in delays[3:])


async def test_keeps_trying_until_it_works(caplog: pytest.LogCaptureFixture) -> None:
    failures = [http_error(503), aiohttp.ClientConnectionError("refused")]

    async def attempt() -> str:
        if failures:
            raise failures.pop(0)
        return "up"

    with caplog.at_level(logging.WARNING, "perezbot.startup"):
        result = await keep_trying(attempt, stop=asyncio.Event(), backoff=Backoff(first=0.001, cap=0.002))
    assert result == "up"
    assert len(caplog.records) == 2 and all("trying again" in r.getMessage() for r in caplog.records)


async def test_a_rejected_token_is_not_retried() -> None:
    calls = 0

    async def attempt() -> None:
        nonlocal calls
        calls += 1
        raise discord.LoginFailure("bad token")

    with pytest.raises(discord.LoginFailure):
        await keep_trying(attempt, stop=asyncio.Event())
    assert calls == 1


async def test_a_stop_during_the_wait_ends_it() -> None:
    stop = asyncio.Event()

    async def attempt() -> None:
        stop.set()
        raise http_error(502)

    assert await keep_trying(attempt, stop=stop, backoff=Backoff(first=30)) is None
