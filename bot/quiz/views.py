"""The quiz's buttons: a solo round (one ephemeral message edited in place) and a channel question.

The views hold only the round's state and call back into the cog for storage; words come from
:mod:`bot.quiz.strings`, sending from :mod:`bot.discord.send`.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import discord

from bot.core.reply import Reply
from bot.discord import send
from bot.quiz.items import QuizItem
from bot.quiz.rounds import OpenQuestion, Outcome
from bot.quiz.scoring import RoundScore
from bot.quiz.strings import button_label, render_feedback, render_notice, render_question, render_score, text

if TYPE_CHECKING:
    from bot.quiz.cog import Quiz

__all__ = ["ChannelQuestionView", "SoloView"]

log = logging.getLogger(__name__)

Callback = Callable[[discord.Interaction], Coroutine[Any, Any, None]]


class _Button(discord.ui.Button[Any]):
    """A button whose press runs ``on_press`` (a closure that knows which option it stands for)."""

    def __init__(self, label: str, custom_id: str, on_press: Callback, style: discord.ButtonStyle) -> None:
        super().__init__(label=label[:80], custom_id=custom_id[:100], style=style)
        self.on_press = on_press

    async def callback(self, interaction: discord.Interaction) -> None:
        await self.on_press(interaction)




class _QuizView(discord.ui.View):
    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]) -> None:
        log.error("quiz button %r failed", getattr(item, "custom_id", item), exc_info=error)
        await send.respond(interaction, render_notice(self.lang, "error"), ephemeral=True)

    lang = "en"


class SoloView(_QuizView):
    """One player's round of five: question → feedback → … → score → play again."""

    def __init__(self, cog: Quiz, owner_id: int, lang: str, guild_id: int, items: list[QuizItem]) -> None:
        super().__init__(timeout=cog.bot.view_timeout)
        self.cog = cog
        self.owner_id = owner_id
        self.lang = lang
        self.guild_id = guild_id
        self.items = items
        self.index = 0
        self.score = RoundScore()
        self.message: discord.Message | None = None
        self._token = secrets.token_hex(4)  # custom ids unique to this view
        self._show_options()

    def question_reply(self) -> Reply:
        return render_question(self.items[self.index], self.lang, self.index + 1, len(self.items))

    def _id(self, what: str) -> str:
        return f"perezbot:quiz:{self._token}:{self.index}:{what}"

    def _show_options(self) -> None:
        self.clear_items()
        question = self.items[self.index].question(self.lang)
        for i, option in enumerate(question.options):
            self.add_item(
                _Button(button_label(i + 1, option), self._id(str(i)), self._chooser(i), discord.ButtonStyle.secondary)
            )

    def _show_one(self, key: str, callback: Callback) -> None:
        self.clear_items()
        self.add_item(_Button(text(self.lang, key), self._id(key), callback, discord.ButtonStyle.primary))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await send.respond(interaction, render_notice(self.lang, "not_yours"), ephemeral=True)
        return False

    def _chooser(self, index: int) -> Callback:
        async def choose(interaction: discord.Interaction) -> None:
            item = self.items[self.index]
            correct = index == item.question(self.lang).right
            name = interaction.user.display_name
            scored = await self.cog.record(self.guild_id, item, [(interaction.user.id, name, correct)])
            self.score = self.score.add(correct, scored=scored.get(interaction.user.id, True))
            facts = self.cog.bot.engine.facts
            reply = render_feedback(
                item,
                self.lang,
                index,
                facts.get(item.fact_id),
                facts.source,
                scored=scored.get(interaction.user.id, True),
            )
            last = self.index + 1 >= len(self.items)
            self._show_one("finish" if last else "next", self._finish if last else self._next)
            await send.edit_in_place(interaction, reply, view=self)

        return choose

    async def _next(self, interaction: discord.Interaction) -> None:
        self.index += 1
        self._show_options()
        await send.edit_in_place(interaction, self.question_reply(), view=self)

    async def _finish(self, interaction: discord.Interaction) -> None:
        self._show_one("play_again", self._again)
        await send.edit_in_place(interaction, render_score(self.score, self.lang), view=self)

    async def _again(self, interaction: discord.Interaction) -> None:
        items = await self.cog.pick_solo(interaction.user.id, self.guild_id)
        if not items:
            self.stop()
            await send.edit_in_place(interaction, render_notice(self.lang, "no_items"), view=None)
            return
        self.items, self.index, self.score = items, 0, RoundScore()
        self._token = secrets.token_hex(4)
        self._show_options()
        await send.edit_in_place(interaction, self.question_reply(), view=self)

    async def on_timeout(self) -> None:
        await send.remove_view(self.message)


class ChannelQuestionView(_QuizView):
    """Four buttons anyone in the channel may press: once, and change once."""

    def __init__(self, question: OpenQuestion, tag: str, words: Callable[[discord.Interaction], str]) -> None:
        super().__init__(timeout=None)  # the round closes it
        self.question = question
        self.lang = question.lang
        self._lang_of = words
        for i, option in enumerate(question.question.options):
            self.add_item(
                _Button(
                    button_label(i + 1, option),
                    f"perezbot:quiz:{tag}:{i}",
                    self._chooser(i),
                    discord.ButtonStyle.secondary,
                )
            )

    def _chooser(self, index: int) -> Callback:
        async def choose(interaction: discord.Interaction) -> None:
            lang = self._lang_of(interaction)
            outcome = self.question.answer(interaction.user.id, interaction.user.display_name, index)
            vote = self.question.votes.get(interaction.user.id)
            options = self.question.question.options
            answer = button_label(vote.index + 1, options[vote.index]) if vote else ""
            key = {Outcome.RECORDED: "recorded", Outcome.CHANGED: "changed", Outcome.SAME: "same"}.get(outcome)
            key = key or ("locked" if outcome is Outcome.LOCKED else "closed")
            await send.respond(interaction, render_notice(lang, key, answer=answer), ephemeral=True)

        return choose
