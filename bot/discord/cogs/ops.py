"""Operations: the curation log and vote buttons wired to the bot, and ``/admin reload``.

On load this opens the database for the questions log (``bot.question_log``), loads the voter
salt, registers the persistent 👍/👎 buttons and notes the start time for ``/about``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.render import render_notice, render_reload
from bot.discord import send
from bot.discord.etiquette import lang_for_locale
from bot.discord.feedback import VoteButton
from bot.discord.ops import reload_facts
from bot.store.db import connect
from bot.store.questions import QuestionLog, load_salt

if TYPE_CHECKING:
    import sqlite3

    from bot.discord.client import PerezBot

__all__ = ["Ops", "setup"]

log = logging.getLogger(__name__)


class Ops(commands.Cog):
    """Owner tools and the curation log."""

    admin = app_commands.Group(
        name="admin",
        description="Bot owner tools.",
        default_permissions=discord.Permissions(administrator=True),
    )

    def __init__(self, bot: PerezBot) -> None:
        self.bot = bot
        self.conn: sqlite3.Connection | None = None

    async def cog_load(self) -> None:
        bot = self.bot
        settings = bot.settings
        if getattr(bot, "started_at", None) is None:
            bot.started_at = bot.clock()  # type: ignore[attr-defined]
        # Opened on the event loop's thread: sqlite3 connections stay on the thread that made them.
        self.conn = connect(settings.database_path)
        bot.question_log = QuestionLog(self.conn, keep_text=settings.record_misses)  # type: ignore[attr-defined]
        bot.voter_salt = await asyncio.to_thread(load_salt, settings.data_dir)  # type: ignore[attr-defined]
        bot.add_dynamic_items(VoteButton)
        log.info(
            "questions log at %s (wording of misses %s)",
            settings.database_path,
            "recorded" if settings.record_misses else "not recorded: RECORD_MISSES=false",
        )

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(VoteButton)
        self.bot.question_log = None  # type: ignore[attr-defined]
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    @admin.command(name="reload")
    async def reload(self, interaction: discord.Interaction) -> None:
        """Re-read the facts, check them and swap them in if valid (bot owner only)."""
        lang = lang_for_locale(interaction.locale) or "en"
        if not await self.bot.is_owner(interaction.user):
            log.warning("/admin reload refused for a non-owner")
            await send.respond(interaction, render_notice("owner_only", lang), ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await reload_facts(self.bot)
        reply = render_reload(
            lang,
            ok=result.ok,
            count=len(self.bot.engine.facts),
            changes=result.diff.lines(),
            problems=result.problem_lines(relative_to=self.bot.settings.facts_dir),
        )
        await send.respond(interaction, reply, ephemeral=True)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Ops(bot))
