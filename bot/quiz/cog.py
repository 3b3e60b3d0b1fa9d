"""``/quiz play|start|leaderboard``: the Discord side of the quiz, kept thin.

Picking, scoring and a round's bookkeeping are pure (:mod:`bot.quiz.picking`, ``scoring``,
``rounds``); the tables are :mod:`bot.quiz.storage`, run on the store's worker thread. A channel
round is a task per channel, remembered in ``quiz_rounds``: if the bot stops mid-round, the next
start takes the buttons off the question on screen and says the round ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.core.facts import FactBase
from bot.core.reply import Reply
from bot.discord import send
from bot.discord.common import reply_language
from bot.quiz import storage
from bot.quiz.items import QuizItem, load_items
from bot.quiz.picking import pick_items
from bot.quiz.rounds import QUESTION_SECONDS, TICK_SECONDS, ChannelRound, OpenQuestion, countdown
from bot.quiz.scoring import MIN_ANSWERS
from bot.quiz.shown import ShownFacts, shown_by_daily_posts
from bot.quiz.solo import SoloRound
from bot.quiz.strings import (
    render_leaderboard,
    render_notice,
    render_question,
    render_reveal,
    render_starting,
    render_summary,
)
from bot.quiz.views import ChannelQuestionView, SoloButton, solo_question

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Quiz", "setup"]

log = logging.getLogger(__name__)


def reply_lang(interaction: discord.Interaction) -> str:
    return reply_language(interaction.locale)


async def _edit(message: discord.Message, reply: Reply, view: discord.ui.View | None, embed: bool) -> None:
    """Edit a round's message; one that was deleted (or can't be edited) doesn't stop the round."""
    try:
        await send.edit(message, reply, view=view, embed=embed)
    except discord.HTTPException as exc:
        log.info("could not edit quiz message %s: %s", message.id, exc)


class Quiz(commands.GroupCog, group_name="quiz", group_description=locale_str("A quiz on Jefferson Pérez's career.")):
    """Solo rounds, channel rounds and the server's leaderboard."""

    def __init__(
        self,
        bot: PerezBot,
        *,
        question_seconds: int = QUESTION_SECONDS,
        tick_seconds: int = TICK_SECONDS,
        shown: ShownFacts = shown_by_daily_posts,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        super().__init__()
        self.bot = bot
        self.question_seconds = question_seconds
        self.tick_seconds = tick_seconds
        self.shown = shown  # the facts this server's daily posts have shown: asked about first
        self.sleep = sleep  # waits between countdown edits (tests pass a gate they open themselves)
        self.rounds: dict[int, asyncio.Task[None]] = {}
        self._items: tuple[FactBase | None, tuple[QuizItem, ...]] = (None, ())

    # -- lifecycle -----------------------------------------------------------------------------

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(SoloButton)  # a solo round's buttons, whichever process showed them

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(SoloButton)
        tasks = list(self.rounds.values())
        for task in tasks:  # stopping mid-round: quiz_rounds keeps the round, the next start ends it
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def items(self) -> tuple[QuizItem, ...]:
        """The items for the facts in use now (a reload swaps the fact base: re-read then)."""
        facts = self.bot.engine.facts
        if self._items[0] is not facts:
            self._items = (facts, await asyncio.to_thread(load_items, facts))
        return self._items[1]

    async def record(self, guild_id: int, item: QuizItem, answers: Sequence[tuple[int, str, bool]]) -> dict[int, bool]:
        """Score answers to ``item``; user id → whether it scored (a repeat inside a week doesn't)."""
        return await self.bot.store.run(storage.record_answers, guild_id, item.id, list(answers), self.bot.clock())

    async def _pick(self, player: str, guild_id: int) -> list[QuizItem]:
        items = await self.items()
        if not items:
            return []
        seen = await self.bot.store.run(storage.seen_by, player)
        shown = await self.bot.store.run(self.shown, guild_id) if guild_id else frozenset()
        return pick_items(items, self.bot.rng, seen=seen, prefer=shown)

    async def pick_solo(self, user_id: int, guild_id: int) -> list[QuizItem]:
        return await self._pick(storage.user_player(user_id), guild_id)

    # -- commands ------------------------------------------------------------------------------

    @app_commands.command(name="play")
    async def play(self, interaction: discord.Interaction) -> None:
        """Play a round of 5 questions on your own (only you see it)."""
        lang = reply_lang(interaction)
        guild_id = interaction.guild_id or 0
        items = await self.pick_solo(interaction.user.id, guild_id)
        if not items:
            await send.respond(interaction, render_notice(lang, "no_items"), ephemeral=True)
            return
        reply, view = solo_question(SoloRound.start(interaction.user.id, lang, items), items)
        await send.respond(interaction, reply, ephemeral=True, view=view)

    @app_commands.command(name="start")
    async def start(self, interaction: discord.Interaction) -> None:
        """Start a round for the whole channel: 5 questions, 20 seconds each."""
        lang = reply_lang(interaction)
        channel = interaction.channel
        if interaction.guild_id is None or channel is None or not isinstance(channel, discord.abc.Messageable):
            await send.respond(interaction, render_notice(lang, "guild_only"), ephemeral=True)
            return
        if not interaction.app_permissions.send_messages:
            await send.respond(interaction, render_notice(lang, "no_send"), ephemeral=True)
            return
        store = self.bot.store  # the process's one database
        claimed = channel.id not in self.rounds and await store.run(
            storage.claim_round, channel.id, interaction.guild_id, lang, self.bot.clock()
        )
        if not claimed:
            await send.respond(interaction, render_notice(lang, "running"), ephemeral=True)
            return
        try:
            items = await self._pick(storage.channel_player(channel.id), interaction.guild_id)
            if not items:
                await store.run(storage.end_round, channel.id)
                await send.respond(interaction, render_notice(lang, "no_items"), ephemeral=True)
                return
            round_ = ChannelRound(channel.id, interaction.guild_id, lang, items)
            await send.respond(interaction, render_starting(lang, len(items), self.question_seconds))
        except BaseException:
            await store.run(storage.end_round, channel.id)
            raise
        self.rounds[channel.id] = asyncio.create_task(self._run_round(channel, round_), name=f"quiz {channel.id}")

    @app_commands.command(name="leaderboard")
    async def leaderboard(self, interaction: discord.Interaction) -> None:
        """This server's best quiz players."""
        lang = reply_lang(interaction)
        if interaction.guild_id is None:
            await send.respond(interaction, render_notice(lang, "guild_only"), ephemeral=True)
            return
        players = await self.bot.store.run(storage.leaderboard, interaction.guild_id, min_answers=MIN_ANSWERS)
        await send.respond(interaction, render_leaderboard(players, lang, min_answers=MIN_ANSWERS))

    # -- a channel round -----------------------------------------------------------------------

    async def _run_round(self, channel: discord.abc.Messageable, round_: ChannelRound) -> None:
        store = self.bot.store
        try:
            for number, item in enumerate(round_.items, 1):
                if not await self._ask(channel, round_, number, item):
                    break
            await send.post(channel, render_summary(round_.standings(), len(round_.items), round_.lang))
        except asyncio.CancelledError:
            raise  # the bot is stopping: quiz_rounds keeps the round for the next start to end
        except Exception:
            log.exception("quiz round in channel %s failed", round_.channel_id)
            await store.run(storage.end_round, round_.channel_id)
        else:
            await store.run(storage.end_round, round_.channel_id)
        finally:
            self.rounds.pop(round_.channel_id, None)

    async def _ask(self, channel: discord.abc.Messageable, round_: ChannelRound, number: int, item: QuizItem) -> bool:
        """One question: post, count down, reveal, score. False if the bot can't post here."""
        lang, total = round_.lang, len(round_.items)
        question = OpenQuestion(item, lang)
        view = ChannelQuestionView(question, f"{round_.channel_id}:{number}", reply_lang)
        ticks = countdown(self.question_seconds, self.tick_seconds)
        first = render_question(item, lang, number, total, seconds_left=ticks[0], answers=0)
        sent = await send.post(channel, first, view=view)
        if sent is None or sent.message is None:
            view.stop()
            return False
        message, embed = sent.message, bool(sent.message.embeds)
        await self.bot.store.run(storage.set_round_message, round_.channel_id, message.id)
        for shown, left in zip(ticks, [*ticks[1:], 0], strict=True):
            await self.sleep(shown - left)
            if left:
                reply = render_question(item, lang, number, total, seconds_left=left, answers=len(question.votes))
                await _edit(message, reply, view, embed)
        question.close()
        view.stop()
        facts = self.bot.engine.facts
        reveal = render_reveal(item, lang, number, total, question.tally(), facts.get(item.fact_id), facts.source)
        await _edit(message, reveal, None, embed)
        results = question.results()
        now = self.bot.clock()
        scored = await self.record(round_.guild_id, item, results) if results else {}
        await self.bot.store.run(storage.mark_seen, [storage.channel_player(round_.channel_id)], item.id, now)
        for user_id, name, correct in results:
            round_.add(user_id, name, correct, scored=scored.get(user_id, True))
        return True

    # -- after a restart -----------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        await self.end_interrupted_rounds()

    async def end_interrupted_rounds(self) -> int:
        """End the rounds a previous run left open in servers this process serves; how many were ended."""
        store = self.bot.store
        ended = 0
        for left in await store.run(storage.open_rounds):
            if left.channel_id in self.rounds or self.bot.get_guild(left.guild_id) is None:
                continue  # running here, or another shard's server
            channel = self.bot.get_channel(left.channel_id)
            if isinstance(channel, discord.abc.Messageable):
                try:
                    if left.message_id is not None:
                        await send.remove_view(channel.get_partial_message(left.message_id))
                    await send.post(channel, render_notice(left.lang, "interrupted"))
                except discord.HTTPException as exc:
                    log.warning("could not close the interrupted quiz round in channel %s: %s", left.channel_id, exc)
            await store.run(storage.end_round, left.channel_id)
            ended += 1
        return ended


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Quiz(bot))
