"""``/daily setup|status|preview|skip|disable|history``: a fact a day in this server (Manage Server).

The posting itself is the ticker's (:mod:`bot.posts.ticker`); this cog stores the settings and
answers the admin commands. ``setup`` stores the local time and the zone, never a UTC instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.core.dates import format_date
from bot.discord import send
from bot.posts import ledger
from bot.posts.admin import (
    answer_disable,
    answer_setup,
    answer_status,
    guard,
    history_rows,
    notice,
    scheduler_for,
    setup_options,
    timezone_options,
)
from bot.posts.content import render_pick
from bot.posts.present import render_history

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Daily", "setup"]


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Daily(
    commands.GroupCog,
    group_name="daily",
    group_description=locale_str("A fact about Jefferson Pérez every day in this server."),
):
    """Admin commands for the daily post."""

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
        """Post a fact every day in a channel, at a local time."""
        await answer_setup(self.bot, interaction, "daily", channel, time, timezone, language)

    @setup_command.autocomplete("timezone")
    async def _timezone_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return timezone_options(current)

    @app_commands.command(name="status")
    async def status_command(self, interaction: discord.Interaction) -> None:
        """The next post and dates, the last post or problem, permissions, the rotation's progress."""
        await answer_status(self.bot, interaction, "daily")

    @app_commands.command(name="preview")
    async def preview_command(self, interaction: discord.Interaction) -> None:
        """Show the next daily post (only you see it; it uses nothing up)."""
        lang = await guard(interaction, "daily")
        if lang is None:
            return
        assert interaction.guild is not None
        scheduler = scheduler_for(self.bot)
        target = await scheduler.target(interaction.guild.id, "daily")
        upcoming = await scheduler.upcoming(interaction.guild.id, self.bot.clock())
        reply = None
        if upcoming is not None:
            day, pick = upcoming
            if pick is not None:
                reply = render_pick(self.bot.engine.facts, day, pick, target.language)
        await send.respond(interaction, reply or notice(lang, "daily_skip_nothing"), ephemeral=True)

    @app_commands.command(name="skip")
    async def skip_command(self, interaction: discord.Interaction) -> None:
        """Skip the next daily post."""
        lang = await guard(interaction, "daily")
        if lang is None:
            return
        assert interaction.guild is not None
        scheduler = scheduler_for(self.bot)
        now = self.bot.clock()
        target = await scheduler.target(interaction.guild.id, "daily")
        day = await scheduler.next_day(interaction.guild.id, now)
        if day is None or target.channel_id is None:
            await send.respond(interaction, notice(lang, "daily_skip_nothing"), ephemeral=True)
            return
        if not await self.bot.store.run(ledger.skip, interaction.guild.id, target.channel_id, day, now):
            await send.respond(
                interaction, notice(lang, "daily_skip_taken", date=format_date(day, lang)), ephemeral=True
            )
            return
        await send.respond(interaction, notice(lang, "daily_skipped", date=format_date(day, lang)), ephemeral=True)

    @app_commands.command(name="disable")
    async def disable_command(self, interaction: discord.Interaction) -> None:
        """Stop the daily post in this server (setup again resumes the rotation)."""
        await answer_disable(self.bot, interaction, "daily")

    @app_commands.command(name="history")
    async def history_command(self, interaction: discord.Interaction) -> None:
        """The last ten posts with their dates and links."""
        lang = await guard(interaction, "daily")
        if lang is None:
            return
        assert interaction.guild is not None
        guild_id = interaction.guild.id
        rows = await history_rows(self.bot.store, guild_id)
        links = {
            (row.channel_id, row.message_id): send.jump_url(guild_id, row.channel_id, row.message_id)
            for row in rows
            if row.message_id is not None
        }
        reply = render_history(rows, self.bot.engine.facts, lang, links)
        await send.respond(interaction, reply, ephemeral=True)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Daily(bot))
