"""``/about`` and ``/help``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import __version__
from bot.core.catalog import catalog
from bot.core.render import render_about
from bot.discord import send
from bot.discord.common import help_reply, reply_language
from bot.discord.translator import spanish
from bot.info.figures import format_latency, format_uptime

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Info", "setup"]


def _name(text: str, lang: str) -> str:
    return spanish(text) if lang == "es" else text


class Info(commands.Cog):
    """About the bot, and how to use it."""

    def __init__(self, bot: PerezBot) -> None:
        self.bot = bot

    def command_list(self, lang: str) -> tuple[tuple[str, str], ...]:
        """``("/ask question", description)`` for every slash command, in the user's language."""
        out: list[tuple[str, str]] = []
        for command in sorted(self.bot.tree.get_commands(), key=lambda c: c.name):
            if not isinstance(command, app_commands.Command):
                continue
            options = " ".join(
                _name(p.display_name, lang) if p.required else f"[{_name(p.display_name, lang)}]"
                for p in command.parameters
            )
            description = _name(command.description, lang)
            out.append((f"/{command.name} {options}".rstrip(), description))
        return tuple(out)

    @app_commands.command(name="about")
    async def about(self, interaction: discord.Interaction) -> None:
        """What this bot is, where its answers come from and how it matches."""
        lang = reply_language(interaction.locale)
        word = catalog("bot.info").word
        facts = self.bot.engine.facts
        source = facts.source
        extra = [
            (word(lang, "about_facts"), str(len(facts))),
            (word(lang, "about_servers"), str(len(self.bot.guilds))),
            (word(lang, "about_source"), f"[{source.title}]({source.url})" if source.url else source.title),
            (word(lang, "about_version"), __version__),
            (word(lang, "about_uptime"), format_uptime(self.bot.uptime())),
            (word(lang, "about_latency"), format_latency(self.bot.latency)),
        ]
        await send.respond(interaction, render_about(facts, lang, extra))

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction) -> None:
        """How to ask me things."""
        lang = reply_language(interaction.locale)
        await send.respond(interaction, help_reply(lang, self.command_list(lang)), ephemeral=True)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Info(bot))
