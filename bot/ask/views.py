""""Did you mean…" buttons for an ambiguous question: pressing one turns the message into that answer."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import discord

from bot.core.render import Suggestion, render_fact, render_notice
from bot.discord import send
from bot.discord.embeds import trim
from bot.discord.views import OwnedView

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["AmbiguousView"]

Callback = Callable[[discord.Interaction], Coroutine[Any, Any, None]]


class AmbiguousView(OwnedView):
    """Up to three "did you mean…" buttons for the asker."""

    def __init__(
        self, bot: PerezBot, owner_id: int, lang: str, suggestions: tuple[Suggestion, ...], **kwargs: Any
    ) -> None:
        super().__init__(bot, owner_id, lang, **kwargs)
        for suggestion in suggestions[:3]:
            button: _PickButton = _PickButton(
                self._picker(suggestion.fact_id),
                label=trim(suggestion.label, 80),
                style=discord.ButtonStyle.primary,
                custom_id=f"perezbot:pick:{suggestion.fact_id}"[:100],
            )
            self.add_item(button)

    def _picker(self, fact_id: str) -> Callback:
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


class _PickButton(discord.ui.Button[AmbiguousView]):
    """A button whose press runs the given coroutine."""

    def __init__(self, on_press: Callback, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_press = on_press

    async def callback(self, interaction: discord.Interaction) -> None:
        await self.on_press(interaction)
