"""What ``/anniversary`` and ``/daily`` share: the guard, the ``setup`` options and reply, the
status reply, ``disable``.

Not a cog (cogs never import cogs): both admin cogs and the ticker use these helpers. Each cog
keeps its own command declarations (names and descriptions differ); the bodies the two have in
common live here once, told apart by ``kind`` (``"yearly"`` or ``"daily"``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands
from discord.app_commands import locale_str

from bot.core.reply import Reply
from bot.discord import send
from bot.discord.common import locale_language, reply_language
from bot.posts import ledger
from bot.posts.discord_poster import DiscordPoster, channel_permissions
from bot.posts.present import (
    parse_time,
    permission_names,
    render_saved,
    render_status,
    resolve_timezone,
    timezone_choices,
)
from bot.posts.scheduler import KINDS, Defaults, Scheduler
from bot.posts.settings import GuildSettings, get_guild, save_guild
from bot.posts.words import posts_catalog
from bot.store.store import Store

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = [
    "answer_disable",
    "answer_setup",
    "answer_status",
    "disable",
    "guard",
    "history_rows",
    "notice",
    "save_setup",
    "scheduler_for",
    "setup_options",
    "status_reply",
    "timezone_options",
]

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

LANGUAGES = [app_commands.Choice(name="English", value="en"), app_commands.Choice(name="Español", value="es")]


def setup_options(func: F) -> F:
    """The options of ``/anniversary setup`` and ``/daily setup``: one set, so the two stay alike."""
    func = app_commands.choices(language=LANGUAGES)(func)
    func = app_commands.describe(
        channel=locale_str("Where to post."),
        time=locale_str("Local time, 24-hour HH:MM (default 09:00)."),
        timezone=locale_str("IANA time zone, e.g. America/Guayaquil (default UTC)."),
        language=locale_str("Language of the post."),
    )(func)
    return app_commands.rename(
        channel=locale_str("channel"),
        time=locale_str("time"),
        timezone=locale_str("timezone"),
        language=locale_str("language"),
    )(func)


def timezone_options(current: str) -> list[app_commands.Choice[str]]:
    """The autocomplete choices for the ``timezone`` option."""
    return [app_commands.Choice(name=name, value=name) for name in timezone_choices(current)]


def _prefix(kind: str) -> str:
    """The catalog keys' prefix for ``kind``."""
    return "daily" if kind == "daily" else "anniv"


def scheduler_for(bot: PerezBot) -> Scheduler:
    """A scheduler over the bot's store: stateless between calls (everything lives in the database)."""
    return Scheduler(bot.store, lambda: bot.engine.facts, DiscordPoster(bot), Defaults.from_settings(bot.settings))


def notice(lang: str, key: str, **kwargs: object) -> Reply:
    return posts_catalog().notice(lang, key, **kwargs)


async def guard(interaction: discord.Interaction, kind: str) -> str | None:
    """The reply language, or None after telling the user they may not use this here."""
    lang = reply_language(interaction.locale)
    prefix = _prefix(kind)
    if interaction.guild_id is None or interaction.guild is None:
        await send.respond(interaction, notice(lang, f"{prefix}_guild_only"), ephemeral=True)
        return None
    if not interaction.permissions.manage_guild:
        await send.respond(interaction, notice(lang, f"{prefix}_need_manage"), ephemeral=True)
        return None
    return lang


async def status_reply(bot: PerezBot, guild: discord.Guild, lang: str, kind: str) -> Reply:
    """The status reply for one kind of post in ``guild``."""
    scheduler = scheduler_for(bot)
    status = await scheduler.status(guild.id, bot.clock(), kind)
    row = await bot.store.run(get_guild, guild.id, KINDS[kind])
    channel_id = status.target.channel_id
    mention = None
    missing: list[str] = []
    recommended: list[str] = []
    if channel_id is not None:
        channel = guild.get_channel_or_thread(channel_id)
        mention = channel.mention if channel is not None else f"<#{channel_id}>"
        missing, recommended = channel_permissions(channel) if channel is not None else (["view_channel"], [])
    last = status.last
    link = None
    if last is not None and last.message_id is not None:
        link = send.jump_url(guild.id, last.channel_id, last.message_id)
    return render_status(
        status,
        lang,
        channel=mention,
        missing=missing,
        recommended=recommended,
        last_link=link,
        post_time_default=row is None or row.post_time is None,
        timezone_default=row is None or row.timezone is None,
    )


async def history_rows(store: Store, guild_id: int, limit: int = 10) -> list[ledger.LedgerEntry]:
    return [
        row for row in await store.run(ledger.history, guild_id, 20) if row.kind == "daily" or row.state == "posted"
    ][:limit]


async def disable(store: Store, guild_id: int, kind: str, now: dt.datetime) -> None:
    old = await store.run(get_guild, guild_id, kind) or GuildSettings(guild_id)
    await store.run(save_guild, dataclasses.replace(old, enabled=False), now, kind)


async def save_setup(
    bot: PerezBot,
    interaction: discord.Interaction,
    lang: str,
    kind: str,
    channel: discord.TextChannel,
    time: str | None,
    timezone: str | None,
    language: str | None,
) -> GuildSettings | None:
    """Check and store a ``setup``; None after telling the user what was wrong (nothing saved)."""
    assert interaction.guild is not None
    post_time = None
    if time is not None and time.strip():
        post_time = parse_time(time)
        if post_time is None:
            await send.respond(interaction, notice(lang, "bad_time", value=time[:40]), ephemeral=True)
            return None
    zone = None
    if timezone is not None and timezone.strip():
        zone = resolve_timezone(timezone)
        if zone is None:
            await send.respond(interaction, notice(lang, "bad_tz", value=timezone[:60]), ephemeral=True)
            return None
    missing, _ = channel_permissions(channel)
    if missing:
        reply = notice(lang, "cannot_post", channel=channel.mention, missing=permission_names(missing, lang))
        await send.respond(interaction, reply, ephemeral=True)
        return None
    old = await bot.store.run(get_guild, interaction.guild.id, kind) or GuildSettings(
        interaction.guild.id, language=locale_language(interaction.guild_locale) or lang
    )
    new = dataclasses.replace(
        old,
        channel_id=channel.id,
        post_time=post_time or old.post_time,
        timezone=zone or old.timezone,
        language=language or old.language,
        enabled=True,
    )
    return await bot.store.run(save_guild, new, bot.clock(), kind)


async def answer_setup(
    bot: PerezBot,
    interaction: discord.Interaction,
    kind: str,
    channel: discord.TextChannel,
    time: str | None,
    timezone: str | None,
    language: str | None,
) -> None:
    """``setup``: store the settings, then confirm them with the status reply's fields."""
    lang = await guard(interaction, kind)
    if lang is None:
        return
    assert interaction.guild is not None
    saved = await save_setup(bot, interaction, lang, KINDS[kind], channel, time, timezone, language)
    if saved is None:
        return
    defaults = bot.settings
    confirm = render_saved(
        channel.mention,
        saved.post_time or defaults.post_time,
        saved.timezone or defaults.timezone,
        saved.language,
        lang,
        kind=kind,
    )
    reply = await status_reply(bot, interaction.guild, lang, kind)
    await send.respond(interaction, reply.replace(body=confirm.body), ephemeral=True)


async def answer_status(bot: PerezBot, interaction: discord.Interaction, kind: str) -> None:
    """``status``: the status reply, to the admin only."""
    lang = await guard(interaction, kind)
    if lang is None:
        return
    assert interaction.guild is not None
    reply = await status_reply(bot, interaction.guild, lang, kind)
    await send.respond(interaction, reply, ephemeral=True)


async def answer_disable(bot: PerezBot, interaction: discord.Interaction, kind: str) -> None:
    """``disable``: turn the post off here (the settings stay, so ``setup`` resumes it)."""
    lang = await guard(interaction, kind)
    if lang is None:
        return
    assert interaction.guild is not None
    await disable(bot.store, interaction.guild.id, KINDS[kind], bot.clock())
    await send.respond(interaction, notice(lang, f"{_prefix(kind)}_disabled"), ephemeral=True)
