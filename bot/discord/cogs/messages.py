"""Questions by message: ``@perezbot …``, a reply to one of the bot's messages, or any DM.

No Message Content intent is needed: Discord delivers the content of messages that mention the
bot and of DMs. (A reply with the ping switched off arrives without content and is ignored.)
Bots, the bot itself, system messages and everything else are ignored.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.core.render import render_notice
from bot.discord import send
from bot.discord.asking import decide, remember
from bot.discord.etiquette import strip_bot_mentions
from bot.discord.feedback import feedback_view
from bot.discord.views import AmbiguousView

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Messages", "question_in", "setup"]

log = logging.getLogger(__name__)

ANSWERABLE_TYPES = (discord.MessageType.default, discord.MessageType.reply)


def question_in(message: discord.Message, me: discord.abc.User) -> str | None:
    """The question a message asks the bot, or None when the message is not for the bot."""
    if message.author.bot or message.author.id == me.id or message.type not in ANSWERABLE_TYPES:
        return None
    role_ids: tuple[int, ...] = ()
    if message.guild is not None and message.guild.self_role is not None:
        role_ids = (message.guild.self_role.id,)
    text = strip_bot_mentions(message.content, me.id, role_ids)
    if message.guild is None:
        return text
    mentioned = any(user.id == me.id for user in message.mentions)
    mentioned = mentioned or any(role_id in role_ids for role_id in message.raw_role_mentions)
    reference = message.reference.resolved if message.reference is not None else None
    replied_to_me = isinstance(reference, discord.Message) and reference.author.id == me.id
    if not (mentioned or replied_to_me):
        return None
    if replied_to_me and not mentioned and not text:
        return None  # a reply without the ping: Discord withheld the content, so there is nothing to answer
    return text


class Messages(commands.Cog):
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
        try:
            await self.answer(message, question)
        except Exception:
            log.exception("answering message %s in channel %s failed", message.id, message.channel.id)
            try:
                await send.reply_to(message, render_notice("error", "en"))
            except discord.HTTPException as exc:
                log.warning("could not tell the user about the error: %s", exc)

    async def answer(self, message: discord.Message, question: str) -> None:
        in_guild = message.guild is not None
        decision = decide(
            self.bot,
            user_id=message.author.id,
            channel_id=message.channel.id,
            in_guild=in_guild,
            text=question,
            lang=None,
            guild_id=message.guild.id if message.guild is not None else None,
        )
        if not decision.notify:
            return
        view = None
        if decision.choices:
            view = AmbiguousView(self.bot, message.author.id, decision.reply.lang, decision.reply.suggestions)
        elif not decision.private:
            view = feedback_view(decision.reply)
        sent = await send.reply_to(message, decision.reply, view=view)
        if sent is None:
            if view is not None:
                view.stop()
            return
        if view is not None:
            view.message = sent.message
        remember(self.bot, decision, message.channel.id, sent.link)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Messages(bot))
