"""👍/👎 under every answer: was it helpful? Stored anonymously (see ``bot.store.questions``).

The buttons are :class:`discord.ui.DynamicItem` s whose custom id carries the vote and the fact
(``perezbot:vote:up:atlanta-gold``), so they keep working after a restart or a reload, for
anyone in the channel; each person has one vote per answer and may change it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

from bot.core.catalog import catalog
from bot.core.render import Kind, Reply, render_notice
from bot.discord import send
from bot.discord.common import bot_of, reply_language
from bot.store.questions import voter_hash

__all__ = ["VoteButton", "feedback_view"]

log = logging.getLogger(__name__)

PREFIX = "perezbot:vote:"


TEMPLATE = r"perezbot:vote:(?P<vote>up|down):(?P<fact>[a-z0-9-]+)"


class VoteButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=TEMPLATE):
    """One of the pair; pressing it records the vote and thanks the voter privately."""

    def __init__(self, helpful: bool, fact_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                emoji="👍" if helpful else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"{PREFIX}{'up' if helpful else 'down'}:{fact_id}",
            )
        )
        self.helpful = helpful
        self.fact_id = fact_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> VoteButton:
        return cls(match["vote"] == "up", match["fact"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = bot_of(interaction)
        lang = reply_language(interaction.locale)
        message = interaction.message
        strings = catalog("bot.ask")
        reply = strings.notice(lang, "vote_thanks")
        if message is not None:
            try:
                new = await bot.questions.vote(
                    message_id=message.id,
                    voter=voter_hash(bot.voter_salt, message.id, interaction.user.id),
                    fact_id=self.fact_id,
                    helpful=self.helpful,
                    at=bot.clock(),
                )
            except Exception:
                log.exception("could not record a vote on message %s", message.id)
                reply = render_notice("error", lang)
            else:
                reply = strings.notice(lang, "vote_thanks" if new else "vote_changed")
        await send.respond(interaction, reply, ephemeral=True)


def feedback_view(reply: Reply) -> discord.ui.View | None:
    """The 👍/👎 pair for an answer (for the first fact it gives); None for anything else."""
    if reply.kind is not Kind.ANSWERED or not reply.fact_ids:
        return None
    fact_id = reply.fact_ids[0]
    if len(PREFIX) + len("down:") + len(fact_id) > 100:  # Discord's custom id limit
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton(True, fact_id))
    view.add_item(VoteButton(False, fact_id))
    return view
