"""Which messages ask the bot something: ``@perezbot …``, a reply to one of its messages, or a DM.

No Message Content intent is needed: Discord delivers the content of messages that mention the
bot and of DMs. (A reply with the ping switched off arrives without content and is ignored.)
Bots, the bot itself, system messages and everything else are ignored.
"""

from __future__ import annotations

import discord

from bot.core.mentions import strip_mentions

__all__ = ["ANSWERABLE_TYPES", "question_in"]

ANSWERABLE_TYPES = (discord.MessageType.default, discord.MessageType.reply)


def question_in(message: discord.Message, me: discord.abc.User) -> str | None:
    """The question a message asks the bot, or None when the message is not for the bot."""
    if message.author.bot or message.author.id == me.id or message.type not in ANSWERABLE_TYPES:
        return None
    role_ids: tuple[int, ...] = ()
    if message.guild is not None and message.guild.self_role is not None:
        role_ids = (message.guild.self_role.id,)
    text = strip_mentions(message.content, user_ids=(me.id,), role_ids=role_ids)
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
