"""The once-a-minute tick that makes the scheduled posts (yearly and daily), as a cog.

The deciding and the exactly-once bookkeeping live in :mod:`bot.posts.scheduler` (no discord.py
there); this cog only gives it a clock (``bot.clock``), a :class:`DiscordPoster` and the
database, and registers the posts' persistent "Related facts" button. Nothing is posted from
``on_ready`` or on reconnect: only the tick posts, and only what the ledger lets it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from discord.ext import commands, tasks

from bot.posts.admin import scheduler_for
from bot.posts.discord_poster import RelatedButton
from bot.posts.scheduler import Scheduler, TickOutcome

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["TICK_SECONDS", "PostTicker", "setup"]

log = logging.getLogger(__name__)

TICK_SECONDS = 60.0  # a short tick, never one long sleep: restarts and clock jumps cost at most a minute


class PostTicker(commands.Cog):
    """Posts whatever is due, every minute."""

    def __init__(self, bot: PerezBot, *, autostart: bool = True, seconds: float = TICK_SECONDS) -> None:
        self.bot = bot
        self.autostart = autostart
        self.scheduler: Scheduler | None = None
        self._tick_lock = asyncio.Lock()  # the loop and any manual tick take turns
        self.ticker.change_interval(seconds=seconds)

    async def cog_load(self) -> None:
        self.scheduler = scheduler_for(self.bot)
        self.bot.add_dynamic_items(RelatedButton)
        if self.autostart:
            self.ticker.start()

    async def cog_unload(self) -> None:
        self.ticker.cancel()
        self.bot.remove_dynamic_items(RelatedButton)

    @tasks.loop(seconds=TICK_SECONDS)
    async def ticker(self) -> None:
        await self.tick_once()

    @ticker.before_loop
    async def _before_ticker(self) -> None:
        try:
            await self.bot.wait_until_ready()
        except RuntimeError:  # the client closed before it was ever ready (shutdown during start-up)
            self.ticker.stop()

    async def tick_once(self) -> list[TickOutcome]:
        """One tick at the bot's clock; an unexpected error is logged and the loop goes on."""
        async with self._tick_lock:
            if self.scheduler is None or self.bot.is_closed():
                return []
            try:
                return await self.scheduler.tick(self.bot.clock())
            except Exception:
                log.exception("posts tick failed")
                return []


async def setup(bot: PerezBot) -> None:
    # A test clock (`perezbot run` against the fake Discord) may ask for faster ticks.
    await bot.add_cog(PostTicker(bot, seconds=float(getattr(bot.clock, "tick_seconds", TICK_SECONDS))))
