"""``/ask question:`` (with autocomplete over known phrasings), and questions by message.

Both go through :mod:`bot.ask.handling`; an answer gets 👍/👎 buttons, an ambiguous question
"did you mean…" buttons for the asker. For ``/ask`` the bot's :class:`~bot.discord.backlog.Backlog`
decides, per question, whether to answer at once (deferring anyway if the answer is not ready
1.5 s after the interaction was created), to defer first (a burst: Discord's 3 s window), or to
ask the user to try again in a moment (past its bound). A notice only the asker should see (a
cooldown, "asked a moment ago") stays private: the cooldown is checked before any deferral, and
after a public deferral the "thinking…" message is deleted and the notice sent ephemerally.
A reply by message goes through its channel's lane (:mod:`bot.discord.lanes`): identical replies
waiting for the channel's rate limit are folded into one that names every asker, and past a short
queue a reply is dropped with a logged reason instead of queueing behind the limit.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.ask.handling import ReplyPlan, early_plan, plan_matched, plan_reply_soon, remember
from bot.ask.messages import question_in
from bot.ask.views import AmbiguousView
from bot.ask.votes import VoteButton, feedback_view
from bot.core.catalog import catalog
from bot.core.matcher import MAX_QUESTION_CHARS
from bot.core.render import Reply, render_notice
from bot.discord import send
from bot.discord.backlog import FirstResponse, Mode
from bot.discord.common import choices, locale_language, reply_language
from bot.discord.embeds import to_text
from bot.discord.lanes import Delivery

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Ask", "Mentions", "setup"]

log = logging.getLogger(__name__)


def _view(bot: PerezBot, plan: ReplyPlan, owner_id: int) -> discord.ui.View | None:
    """Buttons for a reply: choices for an ambiguous question, votes under an answer, else none."""
    if plan.choices:
        return AmbiguousView(bot, owner_id, plan.reply.lang, plan.reply.suggestions)
    if not plan.private:
        return feedback_view(plan.reply)
    return None


class Ask(commands.Cog):
    """Questions in words, by slash command."""

    def __init__(self, bot: PerezBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask")
    @app_commands.rename(question=locale_str("question"))
    @app_commands.describe(question=locale_str("Your question, e.g. when did he retire?"))
    async def ask(self, interaction: discord.Interaction, question: str) -> None:
        """Ask a question about Jefferson Pérez, in English or Spanish."""
        bot = self.bot
        backlog = bot.backlog
        with backlog.first_response() as first:
            early = early_plan(
                bot, user_id=interaction.user.id, text=question, lang=locale_language(interaction.locale)
            )
            if early is not None:  # a cooldown notice or the help: no matching, so never a deferral
                await self.send(interaction, early)
                return
            mode = backlog.mode(backlog.age(interaction.created_at))
            if mode is Mode.BUSY:
                backlog.turn_away()
                busy = catalog("bot.ask").notice(reply_language(interaction.locale), "busy")
                await send.respond(interaction, busy, ephemeral=True)
                return
            with backlog.handling():
                if mode is Mode.DEFER:  # acknowledge within Discord's window, before any other work
                    await interaction.response.defer(thinking=True)
                    first.done()
                    await backlog.quiet()  # the matching waits for the questions still in their window
                try:
                    plan = await self.plan(interaction, question, first)
                except Exception:
                    if interaction.response.is_done():  # the tree's error reply then reaches the asker only
                        await send.withdraw_deferral(interaction)
                    raise
                if interaction.response.is_done():
                    first.done()
                    await backlog.quiet()  # a follow-up has 15 minutes; a first response has 3 s
                await self.send(interaction, plan)

    async def plan(self, interaction: discord.Interaction, question: str, first: FirstResponse) -> ReplyPlan:
        """Match the question; if the answer is not ready in time for the first response, defer meanwhile."""
        bot = self.bot
        matching = plan_matched(
            bot,
            bot.matching,
            user_id=interaction.user.id,
            channel_id=interaction.channel_id,
            in_guild=interaction.guild_id is not None,
            text=question,
            lang=locale_language(interaction.locale),
            guild_id=interaction.guild_id,
        )
        if not first.pending:
            return await matching
        matched = asyncio.ensure_future(matching)
        done, _ = await asyncio.wait({matched}, timeout=bot.backlog.time_left(interaction.created_at))
        if not done:  # slow (a queue, a busy machine): acknowledge within the window, answer after
            await interaction.response.defer(thinking=True)
            first.done()
        return await matched

    async def send(self, interaction: discord.Interaction, plan: ReplyPlan) -> None:
        """Send ``plan`` as the response (or the follow-up after a deferral); a private plan stays private."""
        if plan.private and interaction.response.is_done():
            await send.withdraw_deferral(interaction)  # else the notice would replace a public "thinking…"
        view = _view(self.bot, plan, interaction.user.id)
        sent = await send.respond(interaction, plan.reply, ephemeral=plan.private, view=view)
        if isinstance(view, AmbiguousView):
            view.message = sent.message
        remember(self.bot, plan, interaction.channel_id, sent.link)

    @ask.autocomplete("question")
    async def ask_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        try:
            lang = reply_language(interaction.locale)
            phrasings = self.bot.engine.matcher.suggest_phrasings(current[:MAX_QUESTION_CHARS], lang, limit=25)
        except Exception:  # autocomplete must never fail in the user's face: no suggestions instead
            log.exception("autocomplete for /ask failed on %r", current[:100])
            return []
        return choices(phrasings)


class Mentions(commands.Cog):
    """Answers mentions, replies to the bot, and DMs like ``/ask``."""

    def __init__(self, bot: PerezBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None:
            return
        question = question_in(message, me)
        if question is None:
            return
        backlog = self.bot.backlog
        if backlog.mode(age=0.0) is Mode.BUSY:  # a message has no 3 s window; only the bound applies
            backlog.turn_away()
            await self.reply(message, catalog("bot.ask").notice(self.guild_language(message), "busy"))
            return
        try:
            with backlog.handling():
                await self.answer(message, question)
        except Exception:
            log.exception("answering message %s in channel %s failed", message.id, message.channel.id)
            try:
                await send.reply_to(message, render_notice("error", "en"), kind="e")
            except discord.HTTPException as exc:
                log.warning("could not tell the user about the error: %s", exc)

    @staticmethod
    def guild_language(message: discord.Message) -> str:
        """The language to use before the question is read: the server's, else English."""
        return reply_language(message.guild.preferred_locale) if message.guild is not None else "en"

    async def reply(
        self, message: discord.Message, reply: Reply, view: discord.ui.View | None = None
    ) -> send.Sent | None:
        """Reply through the channel's lane (:mod:`bot.discord.lanes`): sent, naming any askers folded
        into it; folded into an identical reply still waiting (None); or dropped, logged (None)."""
        channel_id = message.channel.id if message.guild is not None else None  # a DM has one asker
        key = None if isinstance(view, AmbiguousView) else to_text(reply)  # "did you mean" is the asker's own
        delivery, sent = await self.bot.lanes.deliver(
            channel_id,
            key,
            message.id,
            message.author.id,
            lambda also: send.reply_to(message, reply, view=view, also=also),
        )
        if delivery is not Delivery.SENT and view is not None:
            view.stop()
        return sent if delivery is Delivery.SENT else None

    async def answer(self, message: discord.Message, question: str) -> None:
        bot = self.bot
        plan = await plan_reply_soon(
            bot,
            bot.matching,
            user_id=message.author.id,
            channel_id=message.channel.id,
            in_guild=message.guild is not None,
            text=question,
            lang=None,
            guild_id=message.guild.id if message.guild is not None else None,
        )
        if not plan.notify:
            return
        view = _view(bot, plan, message.author.id)
        sent = await self.reply(message, plan.reply, view=view)
        if sent is None:
            if view is not None:
                view.stop()
            return
        if isinstance(view, AmbiguousView):
            view.message = sent.message
        remember(bot, plan, message.channel.id, sent.link)


async def setup(bot: PerezBot) -> None:
    bot.add_dynamic_items(VoteButton)  # persistent: votes work on answers sent before a restart
    await bot.add_cog(Ask(bot))
    await bot.add_cog(Mentions(bot))


async def teardown(bot: PerezBot) -> None:
    bot.remove_dynamic_items(VoteButton)
