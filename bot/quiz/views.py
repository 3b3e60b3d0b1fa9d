"""The quiz's buttons: a solo round (one ephemeral message edited in place) and a channel question.

A solo round's buttons are persistent: the round is in their custom ids (:mod:`bot.quiz.solo`)
and :class:`SoloButton` is registered with the bot as a dynamic item, so a press scores after a
restart as before it. A channel question's view holds its round, which a restart ends anyway.
The views call back into the cog for storage; words come from :mod:`bot.quiz.strings`, sending
from :mod:`bot.discord.send`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.core.reply import Reply
from bot.discord import send
from bot.discord.common import bot_of
from bot.quiz.items import QuizItem
from bot.quiz.rounds import OpenQuestion, Outcome
from bot.quiz.solo import CUSTOM_ID, SoloRound, parse
from bot.quiz.strings import button_label, render_feedback, render_notice, render_question, render_score, text

if TYPE_CHECKING:
    from bot.quiz.cog import Quiz

__all__ = ["ChannelQuestionView", "SoloButton", "SoloView", "press_solo", "solo_question"]

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


class SoloButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=CUSTOM_ID):
    """A solo round's button: the round is in its custom id (:mod:`bot.quiz.solo`), so any process
    of the bot, the one that showed it or one started later, carries the round on."""

    def __init__(self, state: SoloRound, action: str, label: str, style: discord.ButtonStyle) -> None:
        super().__init__(discord.ui.Button(label=label[:80], custom_id=state.custom_id(action), style=style))
        self.state = state
        self.action = action

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> SoloButton:
        parsed = parse(match.string)
        if parsed is None:  # the template matched, the state does not add up: not a button we made
            raise ValueError(f"not a solo round's button: {match.string!r}")
        style = getattr(item, "style", discord.ButtonStyle.secondary)
        return cls(*parsed, getattr(item, "label", None) or "?", style)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.state.owner_id:
            return True
        await send.respond(interaction, render_notice(self.state.lang, "not_yours"), ephemeral=True)
        return False

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await press_solo(self.state, self.action, interaction)
        except Exception as exc:
            log.error("quiz button %r failed", self.custom_id, exc_info=exc)
            await send.respond(interaction, render_notice(self.state.lang, "error"), ephemeral=True)


class SoloView(discord.ui.View):
    """A solo round's buttons at one step: the open question's four options (``question``), the
    button after an answer (``feedback``: next question, or the score after the last), or play
    again (``score``). No timeout and nothing kept in memory: every button is a :class:`SoloButton`.
    """

    def __init__(self, state: SoloRound, items: Sequence[QuizItem], *, step: str = "question") -> None:
        super().__init__(timeout=None)
        self.state = state
        self.items = list(items)
        self.owner_id = state.owner_id
        if step == "question":
            question = self.items[state.done].question(state.lang)
            for i, option in enumerate(question.options):
                self.add_item(SoloButton(state, str(i), button_label(i + 1, option), discord.ButtonStyle.secondary))
        elif step == "feedback":
            self._one(*(("finish", "finish") if state.finished else ("next", "next")))
        elif step == "score":
            self._one("play_again", "again")
        else:
            raise ValueError(f"unknown solo step {step!r}")

    def _one(self, key: str, action: str) -> None:
        self.add_item(SoloButton(self.state, action, text(self.state.lang, key), discord.ButtonStyle.primary))


def solo_question(state: SoloRound, items: Sequence[QuizItem]) -> tuple[Reply, SoloView]:
    """The round's open question and its four options."""
    reply = render_question(items[state.done], state.lang, state.done + 1, len(items))
    return reply, SoloView(state, items)


def _quiz_cog(interaction: discord.Interaction) -> Quiz:
    cog = bot_of(interaction).get_cog("Quiz")
    if cog is None:
        raise RuntimeError("the quiz cog is not loaded")
    return cast("Quiz", cog)


async def press_solo(state: SoloRound, action: str, interaction: discord.Interaction) -> None:
    """Carry the round on from ``state``: answer, next question, score, or a new round."""
    cog = _quiz_cog(interaction)
    guild_id = interaction.guild_id or 0
    lang = state.lang
    if action == "again":
        fresh = await cog.pick_solo(interaction.user.id, guild_id)
        if not fresh:
            await send.edit_in_place(interaction, render_notice(lang, "no_items"), view=None)
            return
        reply, view = solo_question(SoloRound.start(state.owner_id, lang, fresh), fresh)
        await send.edit_in_place(interaction, reply, view=view)
        return
    items = state.items(await cog.items())
    if items is None:  # a reload removed or changed one of its items
        view = SoloView(state, [], step="score")
        await send.edit_in_place(interaction, render_notice(lang, "round_gone"), view=view)
        return
    if action == "finish":
        view = SoloView(state, items, step="score")
        await send.edit_in_place(interaction, render_score(state.score, lang), view=view)
        return
    if action == "next":
        reply, view = solo_question(state, items)
        await send.edit_in_place(interaction, reply, view=view)
        return
    index = int(action)
    item = items[state.done]
    correct = index == item.question(lang).right
    user = interaction.user
    scored = (await cog.record(guild_id, item, [(user.id, user.display_name, correct)])).get(user.id, True)
    facts = cog.bot.engine.facts
    reply = render_feedback(item, lang, index, facts.get(item.fact_id), facts.source, scored=scored)
    after = state.after(correct, scored=scored)
    await send.edit_in_place(interaction, reply, view=SoloView(after, items, step="feedback"))


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
