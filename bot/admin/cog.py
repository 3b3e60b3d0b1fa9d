"""``/admin reload``: re-read the facts, check them, and swap them in only if valid (bot owner only)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.admin.report import render_reload
from bot.core.catalog import catalog
from bot.discord import send
from bot.discord.common import reply_language

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Admin", "setup"]

log = logging.getLogger(__name__)


class Admin(commands.Cog):
    """Owner tools."""

    admin = app_commands.Group(
        name="admin",
        description="Bot owner tools.",
        default_permissions=discord.Permissions(administrator=True),
    )

    def __init__(self, bot: PerezBot) -> None:
        self.bot = bot

    @admin.command(name="reload")
    async def reload(self, interaction: discord.Interaction) -> None:
        """Re-read the facts, check them and swap them in if valid (bot owner only)."""
        lang = reply_language(interaction.locale)
        if not await self.bot.is_owner(interaction.user):
            log.warning("/admin reload refused for a non-owner")
            await send.respond(interaction, catalog("bot.admin").notice(lang, "owner_only"), ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.reload_facts()
        reply = render_reload(
            lang,
            ok=result.ok,
            count=len(self.bot.engine.facts),
            changes=result.diff.lines(),
            problems=result.problem_lines(relative_to=self.bot.settings.facts_dir),
        )
        await send.respond(interaction, reply, ephemeral=True)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Admin(bot))
