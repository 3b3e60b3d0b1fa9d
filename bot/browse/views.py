"""The paginated fact list: previous/next buttons for the person who asked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord

from bot.core.render import Reply, render_facts_page
from bot.discord import send
from bot.discord.views import OwnedView

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["FactsPaginator"]


class FactsPaginator(OwnedView):
    """The fact list, ``per_page`` at a time, with previous/next buttons."""

    def __init__(self, bot: PerezBot, owner_id: int, lang: str, *, per_page: int = 5, **kwargs: Any) -> None:
        super().__init__(bot, owner_id, lang, **kwargs)
        self.per_page = per_page
        self.page = 0
        self._sync_buttons()

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.bot.engine.facts) // self.per_page))

    def current(self) -> Reply:
        return render_facts_page(self.bot.engine.facts, self.page, self.per_page, self.lang)

    def _sync_buttons(self) -> None:
        self.page = min(self.page, self.pages - 1)
        self.previous.disabled = self.page <= 0
        self.next.disabled = self.page >= self.pages - 1

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.page += step
        self._sync_buttons()
        await send.edit_in_place(interaction, self.current(), view=self)

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary, custom_id="perezbot:facts:previous")
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button[FactsPaginator]) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary, custom_id="perezbot:facts:next")
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[FactsPaginator]) -> None:
        await self._turn(interaction, +1)
