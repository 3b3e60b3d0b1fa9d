"""One question, from ``/ask`` or a message: cooldown, the engine, repeats — without I/O.

Length policy (the same everywhere): a question over 500 characters is answered from its first
500, and the reply says so (:func:`bot.core.render.render_match`).

Both entry points call :func:`plan_reply_soon` (the matching in a worker thread, so a burst or a
slow question never holds up the gateway; the bookkeeping on the event loop) and then send the
:class:`ReplyPlan` their own way. Recording the
question (a log line and a row in the curation log) is queued, never awaited: the answer does not
wait for the database.
"""

from __future__ import annotations

import asyncio
import math
import time
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.catalog import catalog
from bot.core.render import Reply
from bot.core.results import MatchResult, Status
from bot.discord.common import help_reply, shard_for
from bot.logs import log_question

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["ReplyPlan", "early_plan", "observe", "plan_matched", "plan_reply_soon", "remember"]


@dataclass(frozen=True, slots=True)
class ReplyPlan:
    """What to send: a reply, whether only the asker should see it, and whether it offers buttons."""

    reply: Reply
    private: bool = False  # a notice for the asker only (ephemeral where possible)
    choices: bool = False  # ambiguous: attach "did you mean…" buttons
    repeatable: bool = False  # an answer worth remembering for the "asked a minute ago" check
    notify: bool = True  # False: stay silent (e.g. cooldown already explained)


async def plan_reply_soon(
    bot: PerezBot,
    matching: Executor | None,
    *,
    user_id: int,
    channel_id: int | None,
    in_guild: bool,
    text: str,
    lang: str | None,
    guild_id: int | None = None,
) -> ReplyPlan:
    """Decide the reply to one question (``lang`` None: the question's own language), the matching
    run on ``matching`` (None: the default executor)."""
    early = early_plan(bot, user_id=user_id, text=text, lang=lang)
    if early is not None:
        return early
    return await plan_matched(
        bot, matching, user_id=user_id, channel_id=channel_id, in_guild=in_guild, text=text, lang=lang,
        guild_id=guild_id,
    )  # fmt: skip


async def plan_matched(
    bot: PerezBot,
    matching: Executor | None,
    *,
    user_id: int,
    channel_id: int | None,
    in_guild: bool,
    text: str,
    lang: str | None,
    guild_id: int | None = None,
) -> ReplyPlan:
    """The reply to a question that passed :func:`early_plan`: the engine's answer, matched on ``matching``."""
    engine = bot.engine  # the one in use now, even if a reload swaps it meanwhile
    conversation = (user_id, channel_id)  # a follow-up ("and the year after?") leans on this one's last answer
    previous = bot.conversations.previous(conversation)
    started = time.perf_counter()
    result, reply = await asyncio.get_running_loop().run_in_executor(
        matching, lambda: engine.ask(text, lang=lang, previous=previous)
    )
    bot.conversations.remember(conversation, engine.turn(result))
    observe(bot, result, latency=time.perf_counter() - started, guild_id=guild_id)
    return _finish(bot, result, reply, channel_id=channel_id, in_guild=in_guild)


def early_plan(bot: PerezBot, *, user_id: int, text: str, lang: str | None) -> ReplyPlan | None:
    """The reply that needs no matching (cooldown, an empty question), or None to go on.

    Cheap and immediate: ``/ask`` checks it before deciding to defer, so a notice for the asker
    only is never sent after a public "thinking…" (which would make it public)."""
    now = bot.clock()
    fallback = lang or "en"
    wait = bot.cooldown.hit(user_id, now)
    if wait is not None:
        notice = catalog("bot.ask").notice(fallback, "cooldown", seconds=max(1, math.ceil(wait)))
        return ReplyPlan(notice, private=True, notify=bot.cooldown.warn_once(user_id, now))
    if not text.strip():
        return ReplyPlan(help_reply(fallback))
    return None


def _finish(bot: PerezBot, result: MatchResult, reply: Reply, *, channel_id: int | None, in_guild: bool) -> ReplyPlan:
    """The plan for a matched question: the answer, a pointer to the same answer a moment ago, or choices."""
    now = bot.clock()
    if result.status is Status.ANSWERED:
        if in_guild and channel_id is not None:
            earlier = bot.recent.earlier(channel_id, reply.fact_ids, now)
            if earlier is not None:
                return ReplyPlan(catalog("bot.ask").notice(result.lang, "repeat", link=earlier.link), private=True)
        return ReplyPlan(reply, repeatable=in_guild and channel_id is not None)
    if result.status is Status.AMBIGUOUS and reply.suggestions:
        return ReplyPlan(reply, choices=True)
    return ReplyPlan(reply)


def observe(bot: PerezBot, result: MatchResult, *, latency: float, guild_id: int | None) -> None:
    """Log one line for a handled question and queue it for the curation log."""
    fact = result.fact
    log_question(
        result.status,
        fact_id=fact.id if fact else None,
        score=result.confidence,
        latency=latency,
        shard=shard_for(guild_id, bot.shard_count),
        lang=result.lang,
    )
    bot.questions.record_soon(result, at=bot.clock())


def remember(bot: PerezBot, plan: ReplyPlan, channel_id: int | None, link: str | None) -> None:
    """Note where an answer went, so the same question soon after points back to it."""
    if plan.repeatable and channel_id is not None and link:
        bot.recent.remember(channel_id, plan.reply.fact_ids, link, bot.clock())
