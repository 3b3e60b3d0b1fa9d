"""``/onthisday [date]``: the entry for today (in the bot's time zone) or a given date, else the next one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.core.calendar import next_entry_date
from bot.core.dates import parse_day
from bot.core.render import render_next_entry, render_notice, render_onthisday
from bot.discord import send
from bot.discord.common import reply_language

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
                await send.respond(interaction, render_notice("bad_date", lang, value=date[:40]), ephemeral=True)
                return
            day = parsed
        facts = self.bot.engine.facts
        reply = render_onthisday(facts, day, lang) or render_next_entry(facts, day, next_entry_date(facts, day), lang)
        await send.respond(interaction, reply)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(OnThisDay(bot))
