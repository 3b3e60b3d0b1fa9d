"""``/anniversary setup|status|preview|disable``: the yearly 29 September post (Manage Server).

The posting itself is the ticker's (:mod:`bot.posts.ticker`); this cog stores the settings and
answers the admin commands. The command names and options are unchanged from the first release.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.discord import send
from bot.posts.admin import disable, guard, notice, save_setup, scheduler_for, status_reply
from bot.posts.content import render_next_entry, render_onthisday
from bot.posts.present import render_saved, timezone_choices
from bot.posts.settings import YEARLY
from bot.posts.timing import ANNIVERSARY_DAYS, local_date, next_post_day
from bot.store.store import Store

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Anniversary", "setup"]

LANGUAGES = [app_commands.Choice(name="English", value="en"), app_commands.Choice(name="Español", value="es")]


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
        self.store: Store | None = None

    async def cog_load(self) -> None:
        self.store = self.bot.store  # the process's one database (declared on the bot)

    async def cog_unload(self) -> None:
        self.store = None  # the bot closes its store

    @app_commands.command(name="setup")
    @app_commands.rename(
        channel=locale_str("channel"),
        time=locale_str("time"),
        timezone=locale_str("timezone"),
        language=locale_str("language"),
    )
    @app_commands.describe(
        channel=locale_str("Where to post."),
        time=locale_str("Local time, 24-hour HH:MM (default 09:00)."),
        timezone=locale_str("IANA time zone, e.g. America/Guayaquil (default UTC)."),
        language=locale_str("Language of the post."),
    )
    @app_commands.choices(language=LANGUAGES)
    async def setup_command(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        time: str | None = None,
        timezone: str | None = None,
        language: str | None = None,
    ) -> None:
        """Post the “on this day” entry in a channel, at a local time."""
        lang = await guard(interaction, "yearly")
        if lang is None:
            return
        assert interaction.guild is not None and self.store is not None
        saved = await save_setup(self.bot, self.store, interaction, lang, YEARLY, channel, time, timezone, language)
        if saved is None:
            return
        defaults = self.bot.settings
        confirm = render_saved(
            channel.mention,
            saved.post_time or defaults.post_time,
            saved.timezone or defaults.timezone,
            saved.language,
            lang,
        )
        reply = await status_reply(self.bot, self.store, interaction.guild, lang, "yearly")
        await send.respond(interaction, dataclasses.replace(reply, body=confirm.body), ephemeral=True)

    @setup_command.autocomplete("timezone")
    async def _timezone_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=name, value=name) for name in timezone_choices(current)]

    @app_commands.command(name="status")
    async def status_command(self, interaction: discord.Interaction) -> None:
        """When the next post goes out, the last one, and any problem."""
        lang = await guard(interaction, "yearly")
        if lang is None:
            return
        assert interaction.guild is not None and self.store is not None
        reply = await status_reply(self.bot, self.store, interaction.guild, lang, "yearly")
        await send.respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="preview")
    async def preview_command(self, interaction: discord.Interaction) -> None:
        """Show exactly what the next post will say (only you see it)."""
        lang = await guard(interaction, "yearly")
        if lang is None:
            return
        assert interaction.guild is not None and self.store is not None
        now = self.bot.clock()
        status = await scheduler_for(self.bot, self.store).status(interaction.guild.id, now, "yearly")
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
        lang = await guard(interaction, "yearly")
        if lang is None:
            return
        assert interaction.guild is not None and self.store is not None
        await disable(self.store, interaction.guild.id, YEARLY, self.bot.clock())
        await send.respond(interaction, notice(lang, "anniv_disabled"), ephemeral=True)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Anniversary(bot))
