"""Operating the running bot: one record per handled question, validated hot reload, uptime.

Kept out of the cogs so ``/ask``, messages, ``/admin reload`` and SIGHUP share one
implementation. Recording never breaks an answer: a database error is logged, not raised.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import math
import signal
from typing import TYPE_CHECKING, Any

from bot.logs import log_question
from bot.reload import ReloadResult, reload_engine

if TYPE_CHECKING:
    from bot.core.results import MatchResult

__all__ = [
    "format_latency",
    "format_uptime",
    "install_reload_signal",
    "observe",
    "reload_facts",
    "remove_reload_signal",
    "shard_for",
    "uptime",
]

log = logging.getLogger("perezbot.ops")


def shard_for(bot: Any, guild_id: int | None) -> int:
    """The shard that handles ``guild_id`` (Discord's formula); DMs go to shard 0."""
    count = getattr(bot, "shard_count", None) or 1
    if guild_id is None:
        return 0
    return (guild_id >> 22) % count


def observe(bot: Any, result: MatchResult, *, latency: float, guild_id: int | None) -> None:
    """Log one line for a handled question and add it to the curation log (if one is open)."""
    fact = result.fact
    log_question(
        result.status,
        fact_id=fact.id if fact else None,
        score=result.confidence,
        latency=latency,
        shard=shard_for(bot, guild_id),
        lang=result.lang,
    )
    questions = getattr(bot, "question_log", None)
    if questions is None:
        return
    try:
        questions.record(result, at=bot.clock())
    except Exception:  # the answer matters more than its statistics
        log.exception("could not record a handled question")


def _lock(bot: Any) -> asyncio.Lock:
    lock = getattr(bot, "_reload_lock", None)
    if lock is None:
        lock = asyncio.Lock()
        bot._reload_lock = lock
    return lock


async def reload_facts(bot: Any) -> ReloadResult:
    """Re-read ``FACTS_DIR``, validate it, and swap ``bot.engine`` only if it is valid.

    Reloads never overlap (a lock); the files are read in a worker thread so the bot keeps
    answering meanwhile, with the old engine, until the single assignment that swaps it.
    """
    async with _lock(bot):
        current = bot.engine
        result = await asyncio.to_thread(reload_engine, current, bot.settings.facts_dir)
        if result.ok:
            bot.engine = result.engine
        else:
            for line in result.problem_lines():
                log.warning("reload rejected: %s", line)
        return result


def install_reload_signal(bot: Any, loop: asyncio.AbstractEventLoop | None = None) -> bool:
    """Make SIGHUP reload the facts (POSIX only). Returns False where signals are unavailable."""
    loop = loop or asyncio.get_running_loop()
    tasks: set[asyncio.Task] = set()

    def on_hup() -> None:
        log.info("SIGHUP: reloading the facts from %s", bot.settings.facts_dir)
        task = loop.create_task(reload_facts(bot))
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


def uptime(bot: Any) -> dt.timedelta | None:
    """How long since the bot started (``started_at`` is set when the ops cog loads)."""
    started = getattr(bot, "started_at", None)
    return bot.clock() - started if started is not None else None


def format_uptime(delta: dt.timedelta | None) -> str:
    """``3d 4h 5m`` / ``4h 5m`` / ``5m 6s``: the two largest units (an em dash when unknown)."""
    if delta is None:
        return "—"
    seconds = max(0, int(delta.total_seconds()))
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    if days:
        return f"{days}d {hours}h {minutes}m"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m {seconds}s"


def format_latency(seconds: float) -> str:
    """The gateway heartbeat latency in ms, or an em dash before the first heartbeat."""
    if seconds is None or math.isnan(seconds) or math.isinf(seconds):
        return "—"
    return f"{seconds * 1000:.0f} ms"
