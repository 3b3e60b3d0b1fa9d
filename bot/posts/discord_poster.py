"""The scheduler's Discord side: send a post with its button, find it again in the channel.

* :class:`DiscordPoster` implements :class:`bot.posts.scheduler.Poster` over discord.py. Every
  post goes through :func:`bot.discord.send.post_to` (no pings), with the scheduler's nonce.
* :class:`RelatedButton` is the post's "Related facts" button: a persistent dynamic item whose
  custom id (``perezbot:post:<date>:<fact>``) says which post it is, so it works after a
  restart, and lets the bot recognise its own post for a date in the channel's history.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
from discord.ext import commands

from bot.core.reply import Reply
from bot.discord import send
from bot.discord.common import bot_of, reply_language, shard_for
from bot.discord.rest import single_attempt
from bot.posts.content import render_related
from bot.posts.present import RECOMMENDED_PERMISSIONS, REQUIRED_PERMISSIONS, permission_names
from bot.posts.scheduler import PostRefused
from bot.posts.words import text

__all__ = ["HISTORY_LIMIT", "DiscordPoster", "RelatedButton", "channel_permissions", "post_view"]

log = logging.getLogger(__name__)

HISTORY_LIMIT = 100  # recent messages scanned when looking for a post after a crash or a lost database


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


class RelatedButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"perezbot:post:(?P<day>\d{4}-\d{2}-\d{2}):(?P<fact>[a-z0-9-]*)",
):
    """ "Related facts": shows the facts related to the post's fact, privately."""

    def __init__(self, marker: str, label: str = "Related facts") -> None:
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=marker))
        self.marker = marker

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> RelatedButton:
        label = getattr(item, "label", None) or "Related facts"
        return cls(getattr(item, "custom_id", None) or match.string, label)

    async def callback(self, interaction: discord.Interaction) -> None:
        lang = reply_language(interaction.locale)
        fact_id = self.marker.rsplit(":", 1)[-1]
        facts = bot_of(interaction).engine.facts
        await send.respond(interaction, render_related(facts, fact_id, lang), ephemeral=True)


def post_view(marker: str, lang: str) -> discord.ui.View:
    """The post's one button, persistent (no timeout)."""
    view = discord.ui.View(timeout=None)
    view.add_item(RelatedButton(marker, text(lang, "related")))
    return view


class DiscordPoster:
    """The scheduler's :class:`~bot.posts.scheduler.Poster`, over discord.py."""

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

    async def post(self, channel_id: int, reply: Reply, nonce: str, marker: str) -> int:
        channel = await self._channel(channel_id)
        missing, _ = channel_permissions(channel)
        blocking = [name for name in missing if name != "embed_links"]  # without embeds: plain text
        if blocking:
            raise PostRefused(f"missing permission: {permission_names(blocking, 'en')}")
        try:
            message = await send.post_to(
                channel,
                reply,
                embed_ok="embed_links" not in missing,
                nonce=nonce,
                view=post_view(marker, reply.lang),
            )
        except (discord.Forbidden, discord.NotFound) as exc:
            raise PostRefused(str(exc)) from exc
        except discord.HTTPException as exc:
            if 400 <= exc.status < 500:  # Discord answered and made nothing
                raise PostRefused(str(exc)) from exc
            raise  # 5xx: it may exist; the scheduler looks in the channel before anything else
        return message.id

    async def find_post(self, channel_id: int, marker: str) -> int | None:
        channel = await self._channel(channel_id)
        _, recommended = channel_permissions(channel)
        if "read_message_history" in recommended:
            raise PermissionError("missing permission: Read Message History")
        me = self.bot.user
        try:
            with single_attempt():  # the scheduler retries the check itself, with its own back-off
                async for message in channel.history(limit=HISTORY_LIMIT):
                    if me is None or message.author.id != me.id:
                        continue
                    for row in message.components:
                        for child in getattr(row, "children", ()):
                            if (getattr(child, "custom_id", None) or "").startswith(marker):
                                return message.id
        except discord.Forbidden as exc:
            raise PermissionError(f"cannot read the channel's history: {exc}") from exc
        return None
