"""``/fact topic:``, ``/facts``, ``/random`` and ``/timeline``: the fact base, browsed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.browse.views import FactsPaginator
from bot.core.render import render_fact, render_notice, render_timeline
from bot.discord import send
from bot.discord.common import choices, reply_language

if TYPE_CHECKING:
    from bot.core.facts import Fact
    from bot.discord.client import PerezBot

__all__ = ["Facts", "setup"]

log = logging.getLogger(__name__)

# A typed topic (not picked from the list) is shown only when its title matches this well.
TOPIC_MIN_CONFIDENCE = 0.6


class Facts(commands.Cog):
    """Facts by title, all of them, one at random, and in order."""

    def __init__(self, bot: PerezBot) -> None:
        self.bot = bot

    def find(self, topic: str, lang: str) -> Fact | None:
        facts = self.bot.engine.facts
        fact = facts.get(topic.strip())
        if fact is not None:
            return fact
        found = self.bot.engine.matcher.search_titles(topic, lang, limit=1)
        if found and found[0].confidence >= TOPIC_MIN_CONFIDENCE:
            return found[0].fact
        return None

    @app_commands.command(name="fact")
    @app_commands.rename(topic=locale_str("topic"))
    @app_commands.describe(topic=locale_str("Start typing to pick a fact."))
    async def fact(self, interaction: discord.Interaction, topic: str) -> None:
        """Show one fact about Jefferson Pérez."""
        lang = reply_language(interaction.locale)
        fact = self.find(topic, lang)
        if fact is None:
            await send.respond(interaction, render_notice("no_fact", lang, value=topic[:100]), ephemeral=True)
            return
        await send.respond(interaction, render_fact(fact, lang, self.bot.engine.facts.source))

    @fact.autocomplete("topic")
    async def fact_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        try:
            lang = reply_language(interaction.locale)
            found = self.bot.engine.matcher.search_titles(current[:100], lang, limit=25)
        except Exception:  # never an error in the user's face: no suggestions instead
            log.exception("autocomplete for /fact failed on %r", current[:100])
            return []
        found = found[:25]
        return choices([c.fact.name(lang) for c in found], [c.fact.id for c in found])

    @app_commands.command(name="facts")
    async def facts(self, interaction: discord.Interaction) -> None:
        """Browse everything I know about Jefferson Pérez."""
        view = FactsPaginator(self.bot, interaction.user.id, reply_language(interaction.locale))
        if view.pages == 1:
            view.stop()
            await send.respond(interaction, view.current())
            return
        sent = await send.respond(interaction, view.current(), view=view)
        view.message = sent.message

    @app_commands.command(name="random")
    async def random(self, interaction: discord.Interaction) -> None:
        """A random fact about Jefferson Pérez."""
        lang = reply_language(interaction.locale)
        facts = self.bot.engine.facts
        fact = self.bot.rng.choice(facts.facts)
        await send.respond(interaction, render_fact(fact, lang, facts.source))

    @app_commands.command(name="timeline")
    async def timeline(self, interaction: discord.Interaction) -> None:
        """Jefferson Pérez's career, in order."""
        await send.respond(interaction, render_timeline(self.bot.engine.facts, reply_language(interaction.locale)))


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Facts(bot))
