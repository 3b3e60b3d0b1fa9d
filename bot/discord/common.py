"""What every Discord feature shares: the reply language, the error reply, autocomplete choices, shards.

Feature packages import from here (and from ``send``/``embeds``), never from one another's cogs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import discord
from discord import app_commands

from bot.core.catalog import catalog
from bot.core.render import Reply, render_help, render_notice
from bot.discord import send
from bot.discord.embeds import trim

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["bot_of", "choices", "help_reply", "locale_language", "reply_error", "reply_language", "shard_for"]

log = logging.getLogger(__name__)

MAX_CHOICES = 25  # Discord's limit for autocomplete
MAX_CHOICE_CHARS = 100  # Discord's limit for a choice's name and value


def locale_language(locale: object) -> str | None:
    """``"es"`` for any Spanish Discord locale (es-ES, es-419), else None (let the question decide)."""
    return "es" if str(locale or "").lower().startswith("es") else None


def bot_of(interaction: discord.Interaction) -> PerezBot:
    """The bot an interaction came to, with its declared services typed.

    A persistent button's callback receives only the interaction (no cog); every interaction
    perezbot handles arrives at a :class:`~bot.discord.client.PerezBot`, built by ``build_bot``.
    """
    return cast("PerezBot", interaction.client)


def reply_language(locale: object) -> str:
    """The language to reply in for a Discord locale: Spanish for Spanish locales, else English."""
    return locale_language(locale) or "en"


async def reply_error(interaction: discord.Interaction) -> None:
    """Tell the user something went wrong (ephemeral); never raise from here."""
    try:
        await send.respond(interaction, render_notice("error", reply_language(interaction.locale)), ephemeral=True)
    except discord.HTTPException as exc:
        log.warning("could not tell the user about the error: %s", exc)


def choices(texts: Iterable[str], values: Iterable[str] | None = None) -> list[app_commands.Choice[str]]:
    """At most 25 distinct autocomplete choices, each name and value within Discord's 100 characters.

    ``values`` (same length as ``texts``) are what a pick sends; by default the text itself.
    """
    out: list[app_commands.Choice[str]] = []
    seen: set[str] = set()
    texts = list(texts)
    for text, value in zip(texts, values if values is not None else texts, strict=True):
        value = value[:MAX_CHOICE_CHARS]
        if not text.strip() or not value.strip() or value in seen:
            continue
        seen.add(value)
        out.append(app_commands.Choice(name=trim(text, MAX_CHOICE_CHARS), value=value))
        if len(out) == MAX_CHOICES:
            break
    return out


def shard_for(guild_id: int | None, shard_count: int | None) -> int:
    """The shard that handles ``guild_id`` (Discord's formula, ``(id >> 22) % count``); DMs: shard 0."""
    if guild_id is None:
        return 0
    return (guild_id >> 22) % (shard_count or 1)


def help_reply(lang: str, commands: tuple[tuple[str, str], ...] = ()) -> Reply:
    """The help text with the commands given, and how to ask by message."""
    return render_help(lang, (*commands, ("@perezbot", catalog("bot.discord").word(lang, "help_mention"))))
