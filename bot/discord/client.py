"""The bot, built in one place: :func:`build_bot`.

Everything a cog needs hangs off the bot: ``settings``, ``engine`` (read it at call time — hot
reload swaps it), ``clock`` (never read the time any other way), ``rng``, the per-user
``cooldown`` and the per-channel ``recent`` answers. Extensions listed in :data:`EXTENSIONS` load
in ``setup_hook``; add a module path there (it must define ``async def setup(bot)``).
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable, Iterable
from typing import Any, Literal

import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot.config import Settings
from bot.core.engine import Engine
from bot.core.render import render_notice
from bot.discord import send
from bot.discord.etiquette import Cooldown, RecentAnswers, lang_for_locale
from bot.discord.rest import RestPolicy, install
from bot.discord.sync import sync_commands
from bot.discord.translator import PerezTranslator

__all__ = [
    "EXTENSIONS",
    "PerezBot",
    "PerezTree",
    "ShardedPerezBot",
    "build_bot",
    "intents",
    "point_at",
    "utcnow",
]

log = logging.getLogger(__name__)

# Loaded in order by setup_hook. Other features add their module here.
EXTENSIONS: tuple[str, ...] = (
    "bot.discord.cogs.ask",
    "bot.discord.cogs.facts",
    "bot.discord.cogs.onthisday",
    "bot.discord.cogs.info",
    "bot.discord.cogs.messages",
    "bot.discord.cogs.anniversary",
    "bot.discord.cogs.ops",
)

SyncMode = Literal["auto", "never"]


def utcnow() -> dt.datetime:
    """The default clock: an aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


def intents() -> discord.Intents:
    """No privileged intents: guilds, and messages in guilds and DMs (content arrives for mentions/DMs)."""
    return discord.Intents(guilds=True, guild_messages=True, dm_messages=True)


def point_at(api_base: str | None, gateway_url: str | None) -> None:
    """FOR TESTS ONLY: send REST calls to ``api_base`` and connect the gateway to ``gateway_url``.

    Used by the test suite's fake Discord on 127.0.0.1 (``perezbot run`` reads
    ``PEREZBOT_DISCORD_API`` / ``PEREZBOT_GATEWAY_URL``). This changes discord.py class attributes
    for the whole process.
    """
    if api_base:
        discord.http.Route.BASE = api_base.rstrip("/")
    if gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


class PerezTree(app_commands.CommandTree):
    """Every failing slash command gets a human reply; the traceback goes to the log."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
            # Discord's copy of the commands is older than this code: not a crash, a stale sync.
            log.warning("%s: Discord's slash commands are out of date; run `perezbot sync`", error)
        else:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("slash command /%s failed", command, exc_info=error)
        await reply_error(interaction)


async def reply_error(interaction: discord.Interaction) -> None:
    """Tell the user something went wrong (ephemeral); never raise from here."""
    lang = lang_for_locale(interaction.locale) or "en"
    try:
        await send.respond(interaction, render_notice("error", lang), ephemeral=True)
    except discord.HTTPException as exc:
        log.warning("could not tell the user about the error: %s", exc)


class _PerezBotMixin:
    """What both the plain and the auto-sharded bot share."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        rng: random.Random | None = None,
        extensions: Iterable[str] = EXTENSIONS,
        sync: SyncMode = "auto",
        view_timeout: float = 180.0,
        **options: Any,
    ) -> None:
        options.setdefault("intents", intents())
        super().__init__(  # type: ignore[call-arg]
            command_prefix=(),  # no prefix commands (and no Message Content warning)
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=PerezTree,
            **options,
        )
        self.settings = settings
        self.engine = engine
        self.clock = clock
        self.rng = rng or random.Random()
        self.extensions_to_load = tuple(extensions)
        self.sync_mode: SyncMode = sync
        self.cooldown = Cooldown(rate=5, per=30.0)
        self.recent = RecentAnswers()
        self.view_timeout = view_timeout  # seconds until buttons are taken off a message
        self.rest = RestPolicy()  # global pacing and in-deadline retries for every REST request


    async def setup_hook(self) -> None:
        install(self.http, self.rest)  # type: ignore[attr-defined]  # the session exists once logged in
        await self.tree.set_translator(PerezTranslator())  # type: ignore[attr-defined]
        for name in self.extensions_to_load:
            await self.load_extension(name)  # type: ignore[attr-defined]
        if self.sync_mode == "auto":
            await sync_commands(self, force=False)  # type: ignore[arg-type]

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: messages are handled by the messages cog's listener."""

    async def on_ready(self) -> None:
        user = self.user  # type: ignore[attr-defined]
        log.info("ready as %s (%s) in %d server(s)", user, getattr(user, "id", "?"), len(self.guilds))  # type: ignore[attr-defined]


class PerezBot(_PerezBotMixin, commands.Bot):
    """One gateway connection: fine up to a couple of thousand servers."""


class ShardedPerezBot(_PerezBotMixin, commands.AutoShardedBot):
    """Discord's own sharding (``SHARD_COUNT``, or the count Discord recommends)."""


def build_bot(
    settings: Settings,
    engine: Engine,
    *,
    clock: Callable[[], dt.datetime] = utcnow,
    sharded: bool | None = None,
    **options: Any,
) -> PerezBot | ShardedPerezBot:
    """The bot. Sharded when ``sharded`` says so, or (by default) when ``SHARD_COUNT`` is set.

    ``options`` go to discord.py's client (tests pass ``guild_ready_timeout``) and to the bot
    (``rng``, ``extensions``, ``sync``, ``view_timeout``).
    """
    if sharded is None:
        sharded = settings.shard_count is not None
    if sharded:
        if settings.shard_count is not None:
            options.setdefault("shard_count", settings.shard_count)
        if settings.shard_ids is not None:  # several processes share the shards out
            options.setdefault("shard_ids", list(settings.shard_ids))
        return ShardedPerezBot(settings, engine, clock=clock, **options)
    return PerezBot(settings, engine, clock=clock, **options)
