"""``/anniversary setup|status|preview|disable``: the yearly 29 September post (Manage Server).

The posting itself is the ticker's (:mod:`bot.posts.ticker`); this cog stores the settings and
answers the admin commands. The command names and options are unchanged from the first release.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.discord import send
from bot.posts.admin import (
    answer_disable,
    answer_setup,
    answer_status,
    guard,
    scheduler_for,
    setup_options,
    timezone_options,
)
from bot.posts.content import render_next_entry, render_onthisday
from bot.posts.timing import ANNIVERSARY_DAYS, local_date, next_post_day

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Anniversary", "setup"]


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Anniversary(
    commands.GroupCog,
    group_name="anniversary",
    group_description=locale_str("The 29 September “on this day” post in this server."),
):
    """Admin commands for the yearly post."""

    def __init__(self, bot: PerezBot) -> None:
        super().__init__()
        self.bot = bot

    @app_commands.command(name="setup")
    @setup_options
    async def setup_command(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        time: str | None = None,
        timezone: str | None = None,
        language: str | None = None,
    ) -> None:
        """Post the “on this day” entry in a channel, at a local time."""
        await answer_setup(self.bot, interaction, "yearly", channel, time, timezone, language)

    @setup_command.autocomplete("timezone")
    async def _timezone_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return timezone_options(current)

    @app_commands.command(name="status")
    async def status_command(self, interaction: discord.Interaction) -> None:
        """When the next post goes out, the last one, and any problem."""
        await answer_status(self.bot, interaction, "yearly")

    @app_commands.command(name="preview")
    async def preview_command(self, interaction: discord.Interaction) -> None:
        """Show exactly what the next post will say (only you see it)."""
        lang = await guard(interaction, "yearly")
        if lang is None:
            return
        assert interaction.guild is not None
        now = self.bot.clock()
        status = await scheduler_for(self.bot).status(interaction.guild.id, now, "yearly")
        target = status.target
        facts = self.bot.engine.facts
        today = local_date(now, target.tz)
        # The date of the next post (after today's has gone out, next year's); when nothing is
        # scheduled (disabled, no channel) the next posting date, so it can still be previewed.
        day: dt.date | None
        if status.next_post is not None:
            day = local_date(status.next_post, target.tz)
        else:
            day = next_post_day(facts, today, ANNIVERSARY_DAYS)
        reply = render_onthisday(facts, day, target.language) if day else None
        if reply is None:
            reply = render_next_entry(facts, today, None, lang)
        await send.respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="disable")
    async def disable_command(self, interaction: discord.Interaction) -> None:
        """Stop the anniversary post in this server."""
        await answer_disable(self.bot, interaction, "yearly")


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Anniversary(bot))
