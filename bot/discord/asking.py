"""One question, from ``/ask`` or a message: limits, cooldown, the engine, repeats, buttons.

Both entry points call :func:`decide` (no I/O) and then send the :class:`Decision` their own way.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.matcher import MAX_QUESTION_CHARS
from bot.core.render import Reply, render_help, render_notice, word
from bot.core.results import Status
from bot.discord.ops import observe

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = ["Decision", "decide", "remember"]


@dataclass(frozen=True, slots=True)
class Decision:
    """What to send: a reply, whether only the asker should see it, and whether it offers buttons."""

    reply: Reply
    private: bool = False  # a notice for the asker only (ephemeral where possible)
    choices: bool = False  # ambiguous: attach "did you mean…" buttons
    repeatable: bool = False  # an answer worth remembering for the "asked a minute ago" check
    notify: bool = True  # False: stay silent (e.g. cooldown already explained)


def decide(
    bot: PerezBot,
    *,
    user_id: int,
    channel_id: int | None,
    in_guild: bool,
    text: str,
    lang: str | None,
    guild_id: int | None = None,
) -> Decision:
    now = bot.clock()
    fallback = lang or "en"
    if len(text) > MAX_QUESTION_CHARS:
        return Decision(render_notice("too_long", fallback, limit=MAX_QUESTION_CHARS), private=True)
    wait = bot.cooldown.hit(user_id, now)
    if wait is not None:
        notice = render_notice("cooldown", fallback, seconds=max(1, math.ceil(wait)))
        return Decision(notice, private=True, notify=bot.cooldown.warn_once(user_id, now))
    if not text.strip():
        return Decision(help_reply(fallback))
    started = time.perf_counter()
    result, reply = bot.engine.ask(text, lang=lang)
    observe(bot, result, latency=time.perf_counter() - started, guild_id=guild_id)
    if result.status is Status.ANSWERED:
        if in_guild and channel_id is not None:
            earlier = bot.recent.earlier(channel_id, reply.fact_ids, now)
            if earlier is not None:
                return Decision(render_notice("repeat", result.lang, link=earlier.link), private=True)
        return Decision(reply, repeatable=in_guild and channel_id is not None)
    if result.status is Status.AMBIGUOUS and reply.suggestions:
        return Decision(reply, choices=True)
    return Decision(reply)


def remember(bot: PerezBot, decision: Decision, channel_id: int | None, link: str | None) -> None:
    """Note where an answer went, so the same question soon after points back to it."""
    if decision.repeatable and channel_id is not None and link:
        bot.recent.remember(channel_id, decision.reply.fact_ids, link, bot.clock())


def help_reply(lang: str, commands: tuple[tuple[str, str], ...] = ()) -> Reply:
    """The help text, with how to ask by message."""
    return render_help(lang, (*commands, ("@perezbot", word(lang, "help_mention"))))
