"""Buttons only their owner may press: the base every feature's view builds on.

A press by anyone else gets a private "not yours"; on timeout the buttons are taken off the
message (which keeps its text), and a deleted message is no error.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord

from bot.core.catalog import catalog
from bot.discord import send
from bot.discord.common import reply_error

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["OwnedView"]

log = logging.getLogger(__name__)


class OwnedView(discord.ui.View):
    """A view only ``owner_id`` may use; ``message`` (set after sending) loses its buttons on timeout."""

    def __init__(self, bot: PerezBot, owner_id: int, lang: str, *, timeout: float | None = None) -> None:
        super().__init__(timeout=bot.view_timeout if timeout is None else timeout)
        self.bot = bot
        self.owner_id = owner_id
        self.lang = lang
        self.message: discord.Message | None = None

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await send.respond(interaction, catalog("bot.discord").notice(self.lang, "not_yours"), ephemeral=True)
        return False

    async def on_timeout(self) -> None:
        await send.remove_view(self.message)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any], /) -> None:
        log.error("button %r failed", getattr(item, "custom_id", item), exc_info=error)
        await reply_error(interaction)
