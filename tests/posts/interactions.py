"""Spec'd fakes for the admin cogs' tests (/anniversary and /daily): a guild with one channel, an
interaction, the bot a cog runs on, and what the one response said."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from unittest.mock import AsyncMock, MagicMock

import discord

from bot.config import Settings
from bot.core.engine import Engine
from bot.store.store import Store

GUILD_ID, CHANNEL_ID, BOT_ID = 100000000000000001, 200000000000000002, 300000000000000003
ENGINE = Engine.load()
ALL_OK = discord.Permissions(view_channel=True, send_messages=True, embed_links=True, read_message_history=True)


class Clock:
    """The bot's clock, set by the test."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def make_bot(data_dir: Path, clock: Callable[[], dt.datetime]) -> MagicMock:
    """A spec'd bot with the services the admin cogs use; the caller closes ``bot.store``."""
    bot = MagicMock(spec=discord.ext.commands.Bot)
    bot.settings = Settings(data_dir=data_dir)
    bot.store = Store(bot.settings.database_path)  # the bot's one database, as PerezBot declares it
    bot.engine = ENGINE
    bot.clock = clock
    bot.is_closed.return_value = False
    bot.get_channel.return_value = None
    return bot


def make_guild(perms: discord.Permissions = ALL_OK):
    guild = MagicMock(spec=discord.Guild)
    guild.id = GUILD_ID
    guild.me = MagicMock(spec=discord.Member)
    channel = MagicMock(spec=discord.TextChannel)
    channel.id = CHANNEL_ID
    channel.guild = guild
    channel.mention = f"<#{CHANNEL_ID}>"
    channel.permissions_for.return_value = perms
    guild.get_channel_or_thread.side_effect = lambda cid: channel if cid == CHANNEL_ID else None
    return guild, channel


def make_interaction(guild, *, manage: bool = True, locale: discord.Locale = discord.Locale.american_english):
    interaction = MagicMock(spec=discord.Interaction)
    interaction.guild = guild
    interaction.guild_id = guild.id if guild is not None else None
    interaction.channel_id = CHANNEL_ID
    interaction.locale = locale
    interaction.guild_locale = locale
    interaction.permissions = discord.Permissions(manage_guild=manage)
    interaction.response = MagicMock(spec=discord.InteractionResponse)
    interaction.response.is_done.return_value = False
    interaction.response.send_message = AsyncMock(return_value=SimpleNamespace(message_id=1, resource=None))
    return interaction


def sent(interaction) -> tuple[str, bool]:
    """(text of the reply, ephemeral) of the one response sent."""
    kwargs = interaction.response.send_message.await_args.kwargs
    embed = kwargs.get("embed")
    if embed is not None:
        parts = [embed.title or "", embed.description or ""] + [f"{f.name}: {f.value}" for f in embed.fields]
        text = "\n".join(parts)
    else:
        text = kwargs["content"]
    assert kwargs["allowed_mentions"].to_dict()["parse"] == []
    return text, kwargs["ephemeral"]


def command_strings(group: discord.app_commands.Group) -> list[str]:
    """Every string a user sees in the slash-command picker for ``group``."""
    strings = [group.description]
    for command in group.commands:
        strings.append(command.description)
        for param in command.parameters:
            strings += [param.display_name, param.description]
            strings += [choice.name for choice in param.choices]
    return strings
