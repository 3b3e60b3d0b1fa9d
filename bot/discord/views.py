"""Buttons: "did you mean…" choices for an ambiguous question, and the paginated fact list.

Only the person who asked can press them; a press edits the message in place; on timeout the
buttons are taken off the message (which keeps its text), and a deleted message is no error.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord

from bot.core.render import Suggestion, render_fact, render_facts_page, render_notice
from bot.discord import send
from bot.discord.embeds import trim

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["AmbiguousView", "FactsPaginator", "OwnedView"]

log = logging.getLogger(__name__)


class OwnedView(discord.ui.View):
    """A view only ``owner_id`` may use; ``message`` (set after sending) loses its buttons on timeout."""

    def __init__(self, bot: PerezBot, owner_id: int, lang: str, *, timeout: float | None = None) -> None:
        super().__init__(timeout=bot.view_timeout if timeout is None else timeout)
        self.bot = bot
        self.owner_id = owner_id
        self.lang = lang
        self.message: discord.Message | None = None

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await send.respond(interaction, render_notice("not_yours", self.lang), ephemeral=True)
        return False

    async def on_timeout(self) -> None:
        await send.remove_view(self.message)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]) -> None:
        log.error("button %r failed", getattr(item, "custom_id", item), exc_info=error)
        from bot.discord.client import reply_error

        await reply_error(interaction)


class AmbiguousView(OwnedView):
    """Up to three "did you mean…" buttons; pressing one turns the message into that answer."""

    def __init__(
        self, bot: PerezBot, owner_id: int, lang: str, suggestions: tuple[Suggestion, ...], **kwargs: Any
    ) -> None:
        super().__init__(bot, owner_id, lang, **kwargs)
        for suggestion in suggestions[:3]:
            button: discord.ui.Button[AmbiguousView] = discord.ui.Button(
                label=trim(suggestion.label, 80),
                style=discord.ButtonStyle.primary,
                custom_id=f"perezbot:pick:{suggestion.fact_id}"[:100],
            )
            button.callback = self._picker(suggestion.fact_id)  # type: ignore[method-assign]
            self.add_item(button)

    def _picker(self, fact_id: str):
        async def pick(interaction: discord.Interaction) -> None:
            engine = self.bot.engine  # read now: a reload may have swapped it
            fact = engine.facts.get(fact_id)
            if fact is None:  # the fact base changed under the buttons
                reply = render_notice("no_fact", self.lang, value=fact_id)
            else:
                reply = render_fact(fact, self.lang, engine.facts.source)
            self.stop()
            await send.edit_in_place(interaction, reply, view=None)

        return pick


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

    def current(self):
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
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary, custom_id="perezbot:facts:next")
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, +1)
