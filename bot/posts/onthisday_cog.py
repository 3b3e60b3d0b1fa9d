"""``/onthisday [date]``: the entry for today (in the bot's time zone) or a given date, else the next one.

On 29 September that is the on-this-day story, the same words the scheduled post uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.core.dates import parse_day
from bot.discord import send
from bot.discord.common import reply_language
from bot.posts.content import render_next_entry, render_onthisday
from bot.posts.dates import next_entry_date
from bot.posts.words import posts_catalog

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["OnThisDay", "setup"]


class OnThisDay(commands.Cog):
    """What happened on a day of the year."""

    def __init__(self, bot: PerezBot) -> None:
        self.bot = bot

    @app_commands.command(name="onthisday")
    @app_commands.rename(date=locale_str("date"))
    @app_commands.describe(date=locale_str("A date such as 2026-09-29, 09-29 or 29/09 (default: today)."))
    async def onthisday(self, interaction: discord.Interaction, date: str | None = None) -> None:
        """What happened on this day (or a date you give) in Jefferson Pérez's career."""
        lang = reply_language(interaction.locale)
        today = self.bot.clock().astimezone(self.bot.settings.tz).date()
        day = today
        if date is not None and date.strip():
            parsed = parse_day(date, today)
            if parsed is None:
                await send.respond(
                    interaction,
                    posts_catalog().notice(lang, "bad_date", value=date[:40]),
                    ephemeral=True,
                )
                return
            day = parsed
        facts = self.bot.engine.facts
        reply = render_onthisday(facts, day, lang) or render_next_entry(facts, day, next_entry_date(facts, day), lang)
        await send.respond(interaction, reply)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(OnThisDay(bot))
