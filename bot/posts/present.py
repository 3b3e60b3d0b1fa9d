"""What ``/anniversary`` and ``/daily`` say and accept — pure, so it is tested without Discord.

Time zones are IANA names (autocomplete over :func:`zoneinfo.available_timezones`); times are
24-hour ``HH:MM``; Discord renders ``<t:…:F>`` / ``<t:…:R>`` in each reader's own zone and language.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Iterable

from bot.config import parse_hhmm, valid_timezone
from bot.core.dates import format_date
from bot.core.facts import FactBase
from bot.core.reply import Kind, Reply
from bot.posts.ledger import LedgerEntry
from bot.posts.scheduler import PostStatus
from bot.posts.words import text as word

__all__ = [
    "RECOMMENDED_PERMISSIONS",
    "REQUIRED_PERMISSIONS",
    "discord_time",
    "parse_time",
    "permission_names",
    "render_history",
    "render_saved",
    "render_status",
    "resolve_timezone",
    "timezone_choices",
]

# What the bot needs in the announcement channel (discord.Permissions attribute names).
REQUIRED_PERMISSIONS: tuple[str, ...] = ("view_channel", "send_messages", "embed_links")
# Needed only to verify a post after a crash mid-send (see bot.posts.ledger).
RECOMMENDED_PERMISSIONS: tuple[str, ...] = ("read_message_history",)


@functools.cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def timezone_choices(query: str, limit: int = 25) -> list[str]:
    """Up to ``limit`` IANA names for an autocomplete box: prefix matches (of the name or of its
    city part) first, then other substring matches. Spaces count as underscores."""
    needle = query.strip().lower().replace(" ", "_")
    if not needle:
        preferred = ["UTC", "America/Guayaquil", "Pacific/Galapagos", "America/New_York", "Europe/Madrid"]
        rest = [z for z in _zones() if z not in preferred]
        return (preferred + rest)[:limit]
    first, second, third = [], [], []
    for name in _zones():
        low = name.lower()
        city = low.rsplit("/", 1)[-1]
        if low.startswith(needle):
            first.append(name)
        elif city.startswith(needle):
            second.append(name)
        elif needle in low:
            third.append(name)
    return (first + second + third)[:limit]


def resolve_timezone(value: str) -> str | None:
    """The canonical IANA name for ``value`` (exact, or differing only in case/spaces), else None."""
    text = value.strip().replace(" ", "_")
    if text in _zones() or (text == "UTC" and valid_timezone(text)):
        return text
    folded = {name.lower(): name for name in _zones()}
    return folded.get(text.lower())


def parse_time(value: str) -> dt.time | None:
    """``"9:00"``/``"09:00"`` → 09:00; None for anything else (e.g. ``9am``, ``24:00``)."""
    try:
        return parse_hhmm(value)
    except ValueError:
        return None


def discord_time(moment: dt.datetime) -> str:
    """``<t:…:F> (<t:…:R>)``: full date and time plus "in 3 days", in each reader's own zone."""
    stamp = int(moment.timestamp())
    return f"<t:{stamp}:F> (<t:{stamp}:R>)"


def permission_names(keys: Iterable[str], lang: str) -> str:
    return ", ".join(word(lang, f"perm_{key}") for key in keys)


def _language(lang_code: str, lang: str) -> str:
    return word(lang, f"lang_{lang_code}")


def _title(kind: str, lang: str) -> str:
    return word(lang, "daily_title" if kind == "daily" else "anniv_title")


def render_saved(channel: str, post_time: dt.time, tz: str, language: str, lang: str, kind: str = "yearly") -> Reply:
    body = word(
        lang,
        "daily_saved" if kind == "daily" else "anniv_saved",
        channel=channel,
        time=post_time.strftime("%H:%M"),
        tz=tz,
        language=_language(language, lang),
    )
    return Reply(kind=Kind.CONFIRMATION, lang=lang, title=_title(kind, lang), body=body)


def _last_text(last: LedgerEntry | None, lang: str, link: str | None) -> str:
    if last is None:
        return word(lang, "none_yet")
    day = format_date(last.local_date, lang)
    if last.state == "posted":
        return word(lang, "posted", date=day, link=link or str(last.message_id))
    if last.state == "unknown":
        return word(lang, "interrupted", date=day)
    if last.state == "missed":
        return word(lang, "daily_missed", date=day)
    if last.state == "skipped":
        return word(lang, "daily_skipped_row", date=day)
    return word(lang, "sending", date=day)


def render_status(
    status: PostStatus,
    lang: str,
    *,
    channel: str | None,
    missing: Iterable[str] = (),
    recommended: Iterable[str] = (),
    last_link: str | None = None,
    post_time_default: bool = False,
    timezone_default: bool = False,
) -> Reply:
    """``/anniversary status`` / ``/daily status``: settings, next post (and the next dates), the
    last post (jump link) or the last failure and why, permissions, and the rotation's progress."""
    target = status.target
    kind = target.kind
    default = f" ({word(lang, 'default')})"
    no_channel = "daily_no_channel" if kind == "daily" else "anniv_no_channel"
    fields: list[tuple[str, str]] = [
        (word(lang, "state"), word(lang, "on" if target.enabled else "off")),
        (word(lang, "channel"), channel or word(lang, no_channel)),
        (word(lang, "time"), target.post_time.strftime("%H:%M") + (default if post_time_default else "")),
        (word(lang, "tz"), target.timezone + (default if timezone_default else "")),
        (word(lang, "language"), _language(target.language, lang)),
        (word(lang, "next_post"), discord_time(status.next_post) if status.next_post else word(lang, "no_next")),
    ]
    if status.next_dates:
        fields.append((word(lang, "daily_next_dates"), ", ".join(format_date(d, lang) for d in status.next_dates)))
    last = status.last
    fields.append((word(lang, "last"), _last_text(last, lang, last_link)))
    failure = status.failure
    if failure is not None and failure.last_error:
        resolved = last is not None and last.state == "posted" and last.local_date >= failure.local_date
        if not resolved:
            key = "gave_up" if status.gave_up and failure.local_date == status.local_date else "failure"
            day = format_date(failure.local_date, lang)
            fields.append(
                (
                    word(lang, "problem"),
                    word(lang, key, date=day, attempts=failure.attempts, error=failure.last_error[:300]),
                )
            )
    if channel is not None:
        missing, recommended = list(missing), list(recommended)
        lines = []
        if missing:
            lines.append(word(lang, "perm_missing", channel=channel, missing=permission_names(missing, lang)))
        else:
            lines.append(word(lang, "perm_ok", channel=channel))
        if recommended:
            lines.append(word(lang, "perm_recommended", missing=permission_names(recommended, lang)))
        fields.append((word(lang, "permissions"), "\n".join(lines)))
    if status.missed:
        days = ", ".join(format_date(d, lang) for d in status.missed[:5])
        fields.append((word(lang, "daily_missed_days"), word(lang, "daily_missed_list", days=days)))
    if status.progress is not None:
        shown, total = status.progress
        fields.append((word(lang, "daily_rotation"), word(lang, "daily_progress", shown=shown, total=total)))
    return Reply(kind=Kind.NOTICE, lang=lang, title=_title(kind, lang), body="", fields=tuple(fields))


def render_history(
    rows: Iterable[LedgerEntry], facts: FactBase, lang: str, links: dict[tuple[int, int], str] | None = None
) -> Reply:
    """``/daily history``: the last posts with their dates and jump links (misses and skips too)."""
    links = links or {}
    lines = []
    for row in rows:
        line = _last_text(row, lang, links.get((row.channel_id, row.message_id or 0)))
        if row.state == "posted":
            fact = facts.get(row.fact_id or "")
            what = word(lang, "daily_story") if row.content == "story" else (fact.name(lang) if fact else row.fact_id)
            if what:
                line += f" — {what}"
        lines.append(f"• {line}")
    body = "\n".join(lines) if lines else word(lang, "daily_history_empty")
    return Reply(kind=Kind.NOTICE, lang=lang, title=word(lang, "daily_history_title"), body=body)
