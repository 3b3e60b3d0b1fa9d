"""``/ask question:`` with autocomplete over known phrasings."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.core.matcher import MAX_QUESTION_CHARS
from bot.discord import send
from bot.discord.asking import decide, remember
from bot.discord.embeds import trim
from bot.discord.etiquette import lang_for_locale
from bot.discord.feedback import feedback_view
from bot.discord.views import AmbiguousView

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Ask", "setup"]

log = logging.getLogger(__name__)


async def answer_interaction(bot: PerezBot, interaction: discord.Interaction, question: str) -> None:
    """Answer ``question`` as the response to ``interaction`` (shared by /ask and friends)."""
    lang = lang_for_locale(interaction.locale)
    decision = decide(
        bot,
        user_id=interaction.user.id,
        channel_id=interaction.channel_id,
        in_guild=interaction.guild_id is not None,
        text=question,
        lang=lang,
        guild_id=interaction.guild_id,
    )
    view = None
    if decision.choices:
        view = AmbiguousView(bot, interaction.user.id, decision.reply.lang, decision.reply.suggestions)
    elif not decision.private:
        view = feedback_view(decision.reply)
    sent = await send.respond(interaction, decision.reply, ephemeral=decision.private, view=view)
    if view is not None:
        view.message = sent.message
    remember(bot, decision, interaction.channel_id, sent.link)


class Ask(commands.Cog):
    """Questions in words."""

    def __init__(self, bot: PerezBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask")
    @app_commands.rename(question=locale_str("question"))
    @app_commands.describe(question=locale_str("Your question, e.g. when did he retire?"))
    async def ask(self, interaction: discord.Interaction, question: str) -> None:
        """Ask a question about Jefferson Pérez, in English or Spanish."""
        await answer_interaction(self.bot, interaction, question)

    @ask.autocomplete("question")
    async def ask_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        try:
            lang = lang_for_locale(interaction.locale) or "en"
            phrasings = self.bot.engine.matcher.suggest_phrasings(current[:MAX_QUESTION_CHARS], lang, limit=25)
        except Exception:  # autocomplete must never fail in the user's face: no suggestions instead
            log.exception("autocomplete for /ask failed on %r", current[:100])
            return []
        return choices(phrasings)


def choices(texts: list[str]) -> list[app_commands.Choice[str]]:
    """At most 25 distinct choices, each name and value within Discord's 100 characters."""
    out: list[app_commands.Choice[str]] = []
    seen: set[str] = set()
    for text in texts:
        value = text[:100]
        if not value.strip() or value in seen:
            continue
        seen.add(value)
        out.append(app_commands.Choice(name=trim(text, 100), value=value))
        if len(out) == 25:
            break
    return out


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Ask(bot))
