"""``/anniversary setup|status|preview|disable`` and the once-a-minute tick that makes the post.

The deciding and the exactly-once bookkeeping live in :mod:`bot.anniversary.scheduler` (no
discord.py there); this cog only gives it a clock (``bot.clock``), a :class:`DiscordPoster`, and
the admin commands. Nothing is posted from ``on_ready`` or on reconnect: only the tick posts, and
only what the ledger lets it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import sqlite3
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands, tasks

from bot.anniversary.present import (
    RECOMMENDED_PERMISSIONS,
    REQUIRED_PERMISSIONS,
    parse_time,
    permission_names,
    render_saved,
    render_status,
    resolve_timezone,
    timezone_choices,
)
from bot.anniversary.scheduler import Defaults, Outcome, PostRefused, Scheduler
from bot.core.catalog import core_catalog
from bot.core.render import Reply, render_next_entry, render_onthisday
from bot.core.schedule import local_date, next_post_day
from bot.discord import send
from bot.discord.common import locale_language, reply_language, shard_for
from bot.discord.embeds import to_embed, to_text
from bot.store.db import connect
from bot.store.guilds import GuildSettings, get_guild, save_guild

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["TICK_SECONDS", "Anniversary", "DiscordPoster", "channel_permissions", "setup"]

log = logging.getLogger(__name__)

TICK_SECONDS = 60.0  # a short tick, never one long sleep: restarts and clock jumps cost at most a minute
HISTORY_LIMIT = 100  # messages scanned when verifying a post after a crash


def channel_permissions(channel: Any) -> tuple[list[str], list[str]]:
    """(missing required, missing recommended) permission names for the bot in ``channel``."""
    guild = getattr(channel, "guild", None)
    me = getattr(guild, "me", None)
    if guild is None or me is None:
        return [], []
    perms = channel.permissions_for(me)
    required = list(REQUIRED_PERMISSIONS)
    if isinstance(channel, discord.Thread):
        required[required.index("send_messages")] = "send_messages_in_threads"
    missing = [name for name in required if not getattr(perms, name)]
    recommended = [name for name in RECOMMENDED_PERMISSIONS if not getattr(perms, name)]
    return missing, recommended


class DiscordPoster:
    """The scheduler's :class:`~bot.anniversary.scheduler.Poster`, over discord.py."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    def handles(self, guild_id: int) -> bool:
        """Whether a shard run by this process owns the server (Discord: ``(id >> 22) % shard_count``)."""
        count = getattr(self.bot, "shard_count", None) or 1
        mine = getattr(self.bot, "shard_ids", None)  # AutoShardedBot: None means every shard is here
        if mine is None:
            shard_id = getattr(self.bot, "shard_id", None)  # a plain Client can run one given shard
            mine = [shard_id] if shard_id is not None and count > 1 else None
        return mine is None or shard_for(guild_id, count) in mine

    def guild_of(self, channel_id: int) -> int | None:
        guild = getattr(self.bot.get_channel(channel_id), "guild", None)
        return guild.id if guild is not None else None

    def language_of(self, guild_id: int) -> str | None:
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            return None
        return reply_language(guild.preferred_locale)

    async def _channel(self, channel_id: int) -> Any:
        channel = self.bot.get_channel(channel_id)
        if channel is not None:
            return channel
        try:
            return await self.bot.fetch_channel(channel_id)
        except discord.NotFound as exc:
            raise PostRefused(f"channel {channel_id} not found (deleted?)") from exc
        except discord.Forbidden as exc:
            raise PostRefused(f"no access to channel {channel_id}") from exc

    async def post(self, channel_id: int, reply: Reply, nonce: str) -> int:
        channel = await self._channel(channel_id)
        missing, _ = channel_permissions(channel)
        blocking = [name for name in missing if name != "embed_links"]  # without embeds: plain text
        if blocking:
            raise PostRefused(f"missing permission: {permission_names(blocking, 'en')}")
        try:
            message = await send.post_to(channel, reply, embed_ok="embed_links" not in missing, nonce=nonce)
        except (discord.Forbidden, discord.NotFound) as exc:
            raise PostRefused(str(exc)) from exc
        except discord.HTTPException as exc:
            if 400 <= exc.status < 500:  # Discord answered and made nothing
                raise PostRefused(str(exc)) from exc
            raise  # 5xx: it may exist; the scheduler verifies after the claim lease
        return message.id

    async def find_post(self, channel_id: int, since: dt.datetime, reply: Reply) -> int | None:
        channel = await self._channel(channel_id)
        _, recommended = channel_permissions(channel)
        if "read_message_history" in recommended:
            raise PermissionError("missing permission: Read Message History")
        me = self.bot.user
        title = to_embed(reply).title
        text_start = to_text(reply)[:60]
        after = since - dt.timedelta(seconds=5)
        async for message in channel.history(limit=HISTORY_LIMIT, after=after, oldest_first=True):
            if me is None or message.author.id != me.id:
                continue
            if any(embed.title == title for embed in message.embeds) or message.content.startswith(text_start):
                return message.id
        return None


def _lang(interaction: discord.Interaction) -> str:
    return reply_language(interaction.locale)


def _notice(lang: str, key: str, **kwargs: object) -> Reply:
    return core_catalog().notice(lang, key, **kwargs)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Anniversary(
    commands.GroupCog,
    group_name="anniversary",
    group_description=locale_str("The 29 September “on this day” post in this server."),
):
    """Admin commands for the anniversary post, and the tick that posts it."""

    def __init__(self, bot: PerezBot, *, autostart: bool = True) -> None:
        super().__init__()
        self.bot = bot
        self.autostart = autostart
        self.conn: sqlite3.Connection | None = None
        self.scheduler: Scheduler | None = None
        self._tick_lock = asyncio.Lock()  # the loop and any manual tick take turns

    # -- lifecycle -----------------------------------------------------------------------------

    async def cog_load(self) -> None:
        settings = self.bot.settings
        self.conn = connect(settings.database_path)
        self.scheduler = Scheduler(
            self.conn, lambda: self.bot.engine.facts, DiscordPoster(self.bot), Defaults.from_settings(settings)
        )
        if self.autostart:
            self.ticker.start()

    async def cog_unload(self) -> None:
        self.ticker.cancel()
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    @tasks.loop(seconds=TICK_SECONDS)
    async def ticker(self) -> None:
        await self.tick_once()

    @ticker.before_loop
    async def _before_ticker(self) -> None:
        try:
            await self.bot.wait_until_ready()
        except RuntimeError:  # the client closed before it was ever ready (shutdown during start-up)
            self.ticker.stop()

    async def tick_once(self) -> list[Outcome]:
        """One tick at the bot's clock; an unexpected error is logged and the loop goes on."""
        async with self._tick_lock:
            if self.scheduler is None or self.bot.is_closed():
                return []
            try:
                return await self.scheduler.tick(self.bot.clock())
            except Exception:
                log.exception("anniversary tick failed")
                return []

    # -- helpers -------------------------------------------------------------------------------

    async def _guard(self, interaction: discord.Interaction) -> str | None:
        """The reply language, or None after telling the user they may not use this here."""
        lang = _lang(interaction)
        if interaction.guild_id is None or interaction.guild is None:
            await send.respond(interaction, _notice(lang, "anniv_guild_only"), ephemeral=True)
            return None
        if not interaction.permissions.manage_guild:
            await send.respond(interaction, _notice(lang, "anniv_need_manage"), ephemeral=True)
            return None
        return lang

    def _status_reply(self, guild: discord.Guild, lang: str) -> Reply:
        assert self.scheduler is not None and self.conn is not None
        now = self.bot.clock()
        status = self.scheduler.status(guild.id, now)
        row = get_guild(self.conn, guild.id)
        channel_id = status.target.channel_id
        mention = missing = recommended = None
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
            missing=missing or (),
            recommended=recommended or (),
            last_link=link,
            post_time_default=row is None or row.post_time is None,
            timezone_default=row is None or row.timezone is None,
        )

    # -- commands ------------------------------------------------------------------------------

    @app_commands.command(name="setup")
    @app_commands.rename(
        channel=locale_str("channel"),
        time=locale_str("time"),
        timezone=locale_str("timezone"),
        language=locale_str("language"),
    )
    @app_commands.describe(
        channel=locale_str("Where to post."),
        time=locale_str("Local time, 24-hour HH:MM (default 09:00)."),
        timezone=locale_str("IANA time zone, e.g. America/Guayaquil (default UTC)."),
        language=locale_str("Language of the post."),
    )
    @app_commands.choices(
        language=[app_commands.Choice(name="English", value="en"), app_commands.Choice(name="Español", value="es")]
    )
    async def setup_command(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        time: str | None = None,
        timezone: str | None = None,
        language: str | None = None,
    ) -> None:
        """Post the “on this day” entry in a channel, at a local time."""
        lang = await self._guard(interaction)
        if lang is None:
            return
        assert interaction.guild is not None and self.conn is not None
        post_time = None
        if time is not None and time.strip():
            post_time = parse_time(time)
            if post_time is None:
                await send.respond(interaction, _notice(lang, "anniv_bad_time", value=time[:40]), ephemeral=True)
                return
        zone = None
        if timezone is not None and timezone.strip():
            zone = resolve_timezone(timezone)
            if zone is None:
                await send.respond(interaction, _notice(lang, "anniv_bad_tz", value=timezone[:60]), ephemeral=True)
                return
        missing, _ = channel_permissions(channel)
        if missing:
            reply = _notice(lang, "anniv_cannot_post", channel=channel.mention, missing=permission_names(missing, lang))
            await send.respond(interaction, reply, ephemeral=True)
            return
        old = get_guild(self.conn, interaction.guild.id) or GuildSettings(
            interaction.guild.id, language=locale_language(interaction.guild_locale) or lang
        )
        saved = save_guild(
            self.conn,
            dataclasses.replace(
                old,
                channel_id=channel.id,
                post_time=post_time or old.post_time,
                timezone=zone or old.timezone,
                language=language or old.language,
                enabled=True,
            ),
            self.bot.clock(),
        )
        defaults = self.bot.settings
        confirm = render_saved(
            channel.mention,
            saved.post_time or defaults.post_time,
            saved.timezone or defaults.timezone,
            saved.language,
            lang,
        )
        reply = dataclasses.replace(self._status_reply(interaction.guild, lang), body=confirm.body)
        await send.respond(interaction, reply, ephemeral=True)

    @setup_command.autocomplete("timezone")
    async def _timezone_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=name, value=name) for name in timezone_choices(current)]

    @app_commands.command(name="status")
    async def status_command(self, interaction: discord.Interaction) -> None:
        """When the next post goes out, the last one, and any problem."""
        lang = await self._guard(interaction)
        if lang is None:
            return
        assert interaction.guild is not None
        await send.respond(interaction, self._status_reply(interaction.guild, lang), ephemeral=True)

    @app_commands.command(name="preview")
    async def preview_command(self, interaction: discord.Interaction) -> None:
        """Show exactly what the next post will say (only you see it)."""
        lang = await self._guard(interaction)
        if lang is None:
            return
        assert interaction.guild is not None and self.scheduler is not None
        now = self.bot.clock()
        status = self.scheduler.status(interaction.guild.id, now)
        target = status.target
        facts = self.bot.engine.facts
        today = local_date(now, target.tz)
        # The date of the next post (after today's has gone out, next year's); when nothing is
        # scheduled (disabled, no channel) the next dated entry, so it can still be previewed.
        if status.next_post is not None:
            day: dt.date | None = local_date(status.next_post, target.tz)
        else:
            day = next_post_day(facts, today, self.scheduler.days)
        reply = render_onthisday(facts, day, target.language) if day else None
        if reply is None:
            reply = render_next_entry(facts, today, None, lang)
        await send.respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="disable")
    async def disable_command(self, interaction: discord.Interaction) -> None:
        """Stop the anniversary post in this server."""
        lang = await self._guard(interaction)
        if lang is None:
            return
        assert interaction.guild is not None and self.conn is not None
        old = get_guild(self.conn, interaction.guild.id) or GuildSettings(interaction.guild.id)
        save_guild(self.conn, dataclasses.replace(old, enabled=False), self.bot.clock())
        await send.respond(interaction, _notice(lang, "anniv_disabled"), ephemeral=True)


async def setup(bot: PerezBot) -> None:
    await bot.add_cog(Anniversary(bot))
