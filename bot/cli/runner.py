"""``perezbot run``, ``sync`` and ``start``: the Discord bot from the command line.

Only these commands import discord.py. Settings problems (a missing ``DISCORD_TOKEN`` included)
are one message naming each bad key, exit status 2; a token Discord rejects is a clear message,
also status 2. A Discord that cannot be reached (server errors, the network) is tried again with
back-off, logged, until it answers. SIGINT/SIGTERM close the connection cleanly.

For tests only: ``PEREZBOT_DISCORD_API`` and ``PEREZBOT_GATEWAY_URL`` point the client at a fake
Discord on 127.0.0.1 (see ``tests/fake_discord``). Never set them in production.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import logging
import os
import signal
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TextIO, TypeAlias

from bot.cli.exits import EXIT_CONFIG, EXIT_FAILURE, EXIT_OK, CliContext
from bot.config import Settings

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.discord.client import PerezBot

__all__ = [
    "TEST_API_ENV",
    "TEST_GATEWAY_ENV",
    "install_reload_signal",
    "remove_reload_signal",
    "run_bot",
    "run_start",
    "run_sync",
]

log = logging.getLogger(__name__)

TEST_API_ENV = "PEREZBOT_DISCORD_API"  # for tests only: e.g. http://127.0.0.1:PORT/api/v10
TEST_GATEWAY_ENV = "PEREZBOT_GATEWAY_URL"  # for tests only: e.g. ws://127.0.0.1:PORT/
SHARDING_REQUIRED = 4011
Clock: TypeAlias = Callable[[], dt.datetime]


def _discord_settings(ctx: CliContext) -> Settings | None:
    """Settings with a token, or None after one message naming every bad key."""
    return ctx.settings(require_token=True)


def _clock(ctx: CliContext) -> Clock:
    """The bot's clock: the command's (in tests only, a moved one: ``PEREZBOT_TEST_CLOCK``)."""
    from bot.posts.testclock import clock_from_env

    return clock_from_env(ctx.env) or ctx.clock


def _load(ctx: CliContext, clock: Clock) -> tuple[Settings, Engine] | None:
    """Settings and the engine, the facts checked exactly as a reload checks them (on the day of
    ``clock`` in ``TIMEZONE``), or None after saying what is wrong."""
    settings = _discord_settings(ctx)
    if settings is None:
        return None
    from bot.core.facts import FactBaseError
    from bot.reload import build_engine

    try:
        return settings, build_engine(settings.facts_dir, today=settings.today(clock()))
    except FactBaseError as exc:
        ctx.fact_base_problems(exc)
        return None


def _configure_logging(settings: Settings, stream: TextIO) -> logging.Handler:
    """Text or JSON lines on ``stream`` (LOG_FORMAT, LOG_LEVEL), with the token redacted everywhere."""
    from bot.logs import setup_logging

    return setup_logging(settings.log_level, settings.log_format, stream=stream, secrets=[settings.discord_token])


def _point_at_test_endpoints(ctx: CliContext) -> None:
    api, gateway = ctx.env.get(TEST_API_ENV), ctx.env.get(TEST_GATEWAY_ENV)
    if api or gateway:
        from bot.discord.client import point_at

        log.warning("using test endpoints %s %s (tests only)", api, gateway)
        point_at(api, gateway)


async def _serve(settings: Settings, engine: Engine, *, sharded: bool | None, clock: Clock) -> None:
    """Run until Discord closes on us or a signal asks us to stop.

    A start that cannot reach Discord (a server error, the network down) is tried again with
    growing delays, one log line each, until it works or a signal stops it; each attempt is a
    fresh bot (a discord.py client cannot be started twice).
    """
    from bot.discord.startup import keep_trying

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    handled: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
            handled.append(sig)
    try:
        await keep_trying(lambda: _serve_once(settings, engine, sharded=sharded, stop=stop, clock=clock), stop=stop)
    finally:
        for sig in handled:
            loop.remove_signal_handler(sig)


async def _serve_once(
    settings: Settings, engine: Engine, *, sharded: bool | None, stop: asyncio.Event, clock: Clock
) -> None:
    """One bot, from login until Discord closes on us or ``stop`` is set."""
    from bot.discord.client import build_bot

    bot = build_bot(settings, engine, sharded=sharded, clock=clock)
    loop = asyncio.get_running_loop()
    if install_reload_signal(bot, loop):  # SIGHUP: validated reload of the facts
        log.info("send SIGHUP (kill -HUP %d) to reload the facts", os.getpid())
    try:
        async with bot:
            runner = asyncio.create_task(bot.start(settings.discord_token or ""))
            waiter = asyncio.create_task(stop.wait())
            done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
            if runner in done:
                waiter.cancel()
                runner.result()
                return
            log.info("signal received: closing the connection to Discord")
            # Stop the connection loop first (a shard still launching would otherwise retry on a closed
            # session), then close: the websocket(s) with code 1000, then the HTTP session.
            runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await runner
            await bot.close()
    finally:
        remove_reload_signal(loop)


def install_reload_signal(bot: PerezBot, loop: asyncio.AbstractEventLoop) -> bool:
    """Make SIGHUP reload the facts (POSIX only). Returns False where signals are unavailable."""
    tasks: set[asyncio.Task[object]] = set()

    def on_hup() -> None:
        log.info("SIGHUP: reloading the facts from %s", bot.settings.facts_dir)
        task = loop.create_task(bot.reload_facts())
        tasks.add(task)  # keep a reference until it finishes
        task.add_done_callback(tasks.discard)

    sighup = getattr(signal, "SIGHUP", None)
    if sighup is None:
        return False
    try:
        loop.add_signal_handler(sighup, on_hup)
    except (NotImplementedError, RuntimeError, ValueError):
        return False
    return True


def remove_reload_signal(loop: asyncio.AbstractEventLoop) -> None:
    sighup = getattr(signal, "SIGHUP", None)
    if sighup is not None:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.remove_signal_handler(sighup)


def _explain(ctx: CliContext, exc: BaseException) -> int | None:
    """A clear message for the failures a user can fix; None for anything unexpected."""
    import aiohttp
    import discord

    from bot.store.health import StorageError

    if isinstance(exc, discord.LoginFailure):
        ctx.err(
            "perezbot: Discord rejected DISCORD_TOKEN. Copy a fresh token from the developer portal "
            "(your application → Bot → Reset Token) into DISCORD_TOKEN."
        )
        return EXIT_CONFIG
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        ctx.err("perezbot: Discord says a privileged intent is required; perezbot asks for none. Please report this.")
        return EXIT_FAILURE
    if isinstance(exc, discord.app_commands.CommandSyncFailure):
        ctx.err(f"perezbot: Discord refused the slash commands: {exc}")
        return EXIT_FAILURE
    if isinstance(exc, discord.Forbidden):
        ctx.err(f"perezbot: Discord refused a request (missing access or scope): {exc}")
        return EXIT_FAILURE
    if isinstance(exc, discord.ConnectionClosed):
        ctx.err(f"perezbot: Discord closed the connection (code {exc.code}): {exc.reason or 'no reason given'}")
        return EXIT_FAILURE
    if isinstance(exc, StorageError):  # the database became unwritable between the check and the start
        ctx.err(f"perezbot: {exc}")
        return EXIT_CONFIG
    if isinstance(exc, discord.HTTPException | discord.GatewayNotFound | aiohttp.ClientError | OSError):
        ctx.err(f"perezbot: could not reach Discord: {exc}")
        return EXIT_FAILURE
    return None


@contextlib.contextmanager
def _session(settings: Settings, ctx: CliContext) -> Iterator[None]:
    """Logging to the command's stderr (and, in tests only, the fake Discord) for one command."""
    handler = _configure_logging(settings, ctx.stderr)
    try:
        _point_at_test_endpoints(ctx)
        yield
    finally:
        logging.getLogger().removeHandler(handler)


def run_bot(ns: argparse.Namespace, ctx: CliContext) -> int:
    clock = _clock(ctx)
    loaded = _load(ctx, clock)
    if loaded is None:
        return EXIT_CONFIG
    settings, engine = loaded
    import discord

    from bot.store.health import DatabaseUnwritable, preflight

    try:  # a read-only or full DATA_DIR: one line, before connecting to Discord
        preflight(settings.database_path)
    except DatabaseUnwritable as exc:
        ctx.err(f"perezbot: {exc}")
        return EXIT_CONFIG
    with _session(settings, ctx):
        sharded: bool | None = None
        while True:
            try:
                asyncio.run(_serve(settings, engine, sharded=sharded, clock=clock))
                return EXIT_OK
            except discord.ConnectionClosed as exc:
                if exc.code == SHARDING_REQUIRED and not sharded:
                    log.warning("Discord requires sharding: restarting as an auto-sharded bot")
                    sharded = True
                    continue
                return _explain(ctx, exc) or EXIT_FAILURE
            except Exception as exc:
                status = _explain(ctx, exc)
                if status is None:
                    log.exception("the bot stopped on an unexpected error")
                    ctx.err(f"perezbot: the bot stopped on an unexpected error: {exc!r} (details in the log above)")
                    return EXIT_FAILURE
                return status


async def _sync(settings: Settings, engine: Engine) -> tuple[str, int]:
    from bot.discord.client import build_bot
    from bot.discord.sync import sync_commands

    bot = build_bot(settings, engine, sync="never")
    async with bot:
        await bot.login(settings.discord_token or "")
        await sync_commands(bot.tree, settings, bot.application_id, force=True)
        target = f"server {settings.dev_guild_id}" if settings.dev_guild_id else "all servers (global)"
        return target, len(bot.tree.get_commands())


def run_sync(ns: argparse.Namespace, ctx: CliContext) -> int:
    loaded = _load(ctx, _clock(ctx))
    if loaded is None:
        return EXIT_CONFIG
    settings, engine = loaded
    with _session(settings, ctx):
        try:
            target, count = asyncio.run(_sync(settings, engine))
        except Exception as exc:
            status = _explain(ctx, exc)
            if status is None:
                raise
            return status
    ctx.out(f"synced {count} slash commands to {target}")
    if not settings.dev_guild_id:
        ctx.out("global commands can take a few minutes to appear; set DEV_GUILD_ID for instant updates")
    return EXIT_OK


def run_start(ns: argparse.Namespace, ctx: CliContext) -> int:
    settings = ctx.settings()
    if settings is None:
        return EXIT_CONFIG
    if settings.discord_token:
        return run_bot(ns, ctx)
    from bot.cli.answer import run_chat

    ns.lang = None
    return run_chat(ns, ctx)
