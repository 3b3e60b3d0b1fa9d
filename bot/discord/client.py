"""The bot, built in one place: :func:`build_bot`.

Everything a cog needs is a declared attribute of :class:`PerezBot` (its services): ``settings``,
``engine`` (read it at call time — hot reload swaps it), ``clock`` (never read the time any other
way), ``rng``, ``cooldown``, ``recent``, the database ``store`` and the ``questions`` log.
Extensions listed in :data:`EXTENSIONS` load in ``setup_hook``; add a module path there (it must
define ``async def setup(bot)``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal, TypeAlias

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot.ask.manners import Cooldown, RecentAnswers
from bot.config import Settings
from bot.core.conversation import Conversations
from bot.core.engine import Engine
from bot.discord.backlog import Backlog
from bot.discord.common import reply_error
from bot.discord.lanes import ChannelLanes
from bot.discord.rest import RestPolicy, install
from bot.discord.send import Sent
from bot.discord.sync import sync_commands
from bot.discord.translator import PerezTranslator
from bot.reload import ReloadResult, reload_engine
from bot.store.db import schema_version
from bot.store.questions import QuestionLog, load_salt
from bot.store.store import Store

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

REST_CONNECTIONS = 32  # HTTP connections to Discord at most (kept alive, shared by all requests)

# Loaded in order by setup_hook. Other features add their module here.
EXTENSIONS: tuple[str, ...] = (
    "bot.ask.cog",
    "bot.browse.cog",
    "bot.posts.onthisday_cog",
    "bot.info.cog",
    "bot.posts.anniversary_cog",
    "bot.posts.daily_cog",
    "bot.posts.ticker",
    "bot.admin.cog",
    "bot.quiz.cog",
)

SyncMode = Literal["auto", "never"]
Clock: TypeAlias = Callable[[], dt.datetime]


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


class PerezBot(commands.Bot):
    """The bot and its services, declared here and nowhere else.

    Built without I/O; :meth:`setup_hook` opens the database (off the event loop), loads the voter
    salt, notes the start time, then loads the extensions. Cogs read ``engine`` at call time (a
    reload swaps it) and the time only through ``clock``.
    """

    settings: Settings
    engine: Engine
    clock: Clock
    rng: random.Random
    cooldown: Cooldown  # per-user question rate
    recent: RecentAnswers  # per-channel answers, for "I answered that a moment ago"
    conversations: Conversations  # per user per channel (or DM): the last answer a follow-up leans on
    view_timeout: float  # seconds until buttons are taken off a message
    store: Store  # the process's one database connection, owned by a worker thread
    questions: QuestionLog  # the curation log, written through ``store``
    voter_salt: bytes  # the secret behind anonymous vote hashes (loaded in setup_hook)
    started_at: dt.datetime | None  # when setup_hook ran; None before
    reload_lock: asyncio.Lock  # fact reloads never overlap
    rest: RestPolicy  # every REST request: paced under the global limit, 5xx retried in its deadline
    backlog: Backlog  # questions in hand: answer, defer first, or "try again in a moment"
    lanes: ChannelLanes[Sent]  # replies by message, per channel: one in flight, identical ones folded
    matching: ThreadPoolExecutor  # the engine runs here, off the gateway's event loop

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        *,
        clock: Clock = utcnow,
        rng: random.Random | None = None,
        extensions: Iterable[str] = EXTENSIONS,
        sync: SyncMode = "auto",
        view_timeout: float = 180.0,
        **options: Any,
    ) -> None:
        options.setdefault("intents", intents())
        super().__init__(
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
        self.conversations = Conversations(lambda: self.clock().timestamp())  # a few minutes each
        self.view_timeout = view_timeout
        self.store = Store(settings.database_path)  # nothing is opened until the first call
        self.questions = QuestionLog(self.store, keep_text=settings.record_misses)
        self.voter_salt = b""
        self.started_at = None
        self.reload_lock = asyncio.Lock()
        self.rest = RestPolicy()
        self.backlog = Backlog()
        self.lanes = ChannelLanes()
        self.matching = ThreadPoolExecutor(max_workers=1, thread_name_prefix="perezbot-match")

    async def login(self, token: str) -> None:
        """Log in over a bounded pool of kept-alive connections (made here: it needs the running loop).

        discord.py's default opens a new connection per concurrent request, without limit: under a
        burst of 2,000 /ask that took first responses within 3 s from 95 % down to 33 %.
        """
        if self.http.connector is discord.utils.MISSING:
            self.http.connector = aiohttp.TCPConnector(limit=REST_CONNECTIONS)
        await super().login(token)

    async def setup_hook(self) -> None:
        install(self.http, self.rest)  # the HTTP session exists once logged in
        await self.open_services()
        await self.tree.set_translator(PerezTranslator())
        for name in self.extensions_to_load:
            await self.load_extension(name)
        if self.sync_mode == "auto":
            await sync_commands(self.tree, self.settings, self.application_id, force=False)

    async def open_services(self) -> None:
        """Open (and migrate) the database and load the voter salt, both off the event loop."""
        settings = self.settings
        self.started_at = self.clock()
        await self.store.run(schema_version)
        self.voter_salt = await asyncio.to_thread(load_salt, settings.data_dir)
        log.info(
            "database at %s (wording of misses %s)",
            settings.database_path,
            "recorded" if settings.record_misses else "not recorded: RECORD_MISSES=false",
        )

    async def close(self) -> None:
        """Close the connection to Discord, then finish queued writes and close the database."""
        await super().close()
        self.matching.shutdown(wait=False, cancel_futures=True)
        await self.questions.flush()
        await asyncio.to_thread(self.store.close)

    async def reload_facts(self) -> ReloadResult:
        """Re-read ``FACTS_DIR``, check it as ``perezbot check`` does (today's date in ``TIMEZONE``
        from :attr:`clock`), and swap ``engine`` only if it is valid.

        Reloads never overlap; the files are read in a worker thread so the bot keeps answering
        meanwhile, with the old engine, until the single assignment that swaps it.
        """
        async with self.reload_lock:
            today = self.settings.today(self.clock())  # as the start-up load and `perezbot check` lint
            result = await asyncio.to_thread(reload_engine, self.engine, self.settings.facts_dir, today=today)
            if result.ok:
                self.engine = result.engine
            else:
                for line in result.problem_lines():
                    log.warning("reload rejected: %s", line)
            return result

    def uptime(self) -> dt.timedelta | None:
        """How long since :meth:`setup_hook` ran (None before)."""
        return self.clock() - self.started_at if self.started_at is not None else None

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: messages are handled by the ask feature's listener."""

    async def on_ready(self) -> None:
        user = self.user
        log.info("ready as %s (%s) in %d server(s)", user, user.id if user else "?", len(self.guilds))


class ShardedPerezBot(PerezBot, commands.AutoShardedBot):
    """Discord's own sharding (``SHARD_COUNT``, or the count Discord recommends)."""


def build_bot(
    settings: Settings,
    engine: Engine,
    *,
    clock: Clock = utcnow,
    sharded: bool | None = None,
    **options: Any,
) -> PerezBot:
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
