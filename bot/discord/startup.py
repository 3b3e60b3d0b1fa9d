"""Keep trying to reach Discord at start instead of exiting on the first server error.

A restart policy would restart a bot that exits, but a bot that exits on a 503 during login (or a
network that is down for a minute) leaves the process flapping and the log full of tracebacks.
:func:`keep_trying` runs one start attempt after another with growing, jittered delays (1 s up to
a minute), one WARNING line per failed attempt; it gives up only on errors a retry cannot fix
(a rejected token, missing access), which it re-raises for the CLI to explain.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

import aiohttp
import discord

__all__ = ["Backoff", "is_transient", "keep_trying"]

log = logging.getLogger("perezbot.startup")

T = TypeVar("T")


def is_transient(exc: BaseException) -> bool:
    """Whether waiting and trying again could help: Discord or the network failing, not us."""
    if isinstance(exc, discord.LoginFailure | discord.PrivilegedIntentsRequired | discord.Forbidden):
        return False
    if isinstance(exc, discord.DiscordServerError | discord.GatewayNotFound):
        return True
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 or exc.status == 429
    if isinstance(exc, discord.ConnectionClosed):
        return exc.code in (1000, 1001, 1006, 1011, 1012, 1013, 4000, 4008, 4009)
    return isinstance(exc, aiohttp.ClientError | OSError | asyncio.TimeoutError)


class Backoff:
    """Delays 1, 2, 4 … up to ``cap`` seconds, each with up to 25 % jitter (so restarts do not align)."""

    def __init__(self, first: float = 1.0, cap: float = 60.0, rng: random.Random | None = None) -> None:
        self.first, self.cap = first, cap
        self.rng = rng or random.Random()
        self.attempts = 0

    def next(self) -> float:
        base = min(self.cap, self.first * 2**self.attempts)
        self.attempts += 1
        return base * (1 + 0.25 * self.rng.random())


async def keep_trying(
    attempt: Callable[[], Awaitable[T]],
    *,
    stop: asyncio.Event,
    backoff: Backoff | None = None,
) -> T | None:
    """``await attempt()`` until it returns; between transient failures wait (``stop`` ends the wait: None)."""
    backoff = backoff or Backoff()
    while True:
        try:
            return await attempt()
        except Exception as exc:
            if not is_transient(exc):
                raise
            delay = backoff.next()
            log.warning("could not reach Discord (%s: %s); trying again in %.0f s", type(exc).__name__, exc, delay)
        try:
            await asyncio.wait_for(stop.wait(), delay)
        except TimeoutError:
            continue
        return None
