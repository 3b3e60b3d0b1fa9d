"""What the ``/anniversary`` commands say and accept — pure, so it is tested without Discord.

Time zones are IANA names (autocomplete over :func:`zoneinfo.available_timezones`); times are
24-hour ``HH:MM``; Discord renders ``<t:…:F>`` / ``<t:…:R>`` in each reader's own zone and language.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Iterable

from bot.anniversary.scheduler import AnniversaryStatus
from bot.config import parse_hhmm, valid_timezone
from bot.core.render import Kind, Reply, format_date, word
from bot.discord.permissions import permission_names

__all__ = [
    "RECOMMENDED_PERMISSIONS",
    "REQUIRED_PERMISSIONS",
    "discord_time",
    "parse_time",
    "permission_names",
    "render_saved",
    "render_status",
    "resolve_timezone",
    "timezone_choices",
]

# What the bot needs in the announcement channel (discord.Permissions attribute names).
REQUIRED_PERMISSIONS: tuple[str, ...] = ("view_channel", "send_messages", "embed_links")
# Needed only to verify a post after a crash mid-send (see bot.store.ledger).
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


def _language(lang_code: str, lang: str) -> str:
    return word(lang, f"lang_{lang_code}")


def render_saved(channel: str, post_time: dt.time, tz: str, language: str, lang: str) -> Reply:
    body = word(
        lang,
        "anniv_saved",
        channel=channel,
        time=post_time.strftime("%H:%M"),
        tz=tz,
        language=_language(language, lang),
    )
    return Reply(kind=Kind.NOTICE, lang=lang, title=word(lang, "anniv_title"), body=body)


def render_status(
    status: AnniversaryStatus,
    lang: str,
    *,
    channel: str | None,
    missing: Iterable[str] = (),
    recommended: Iterable[str] = (),
    last_link: str | None = None,
    post_time_default: bool = False,
    timezone_default: bool = False,
) -> Reply:
    """``/anniversary status``: settings, next post, last post (jump link), problems, permissions."""
    target = status.target
    default = f" ({word(lang, 'anniv_default')})"
    fields: list[tuple[str, str]] = [
        (word(lang, "anniv_state"), word(lang, "anniv_on" if target.enabled else "anniv_off")),
        (word(lang, "anniv_channel"), channel or word(lang, "anniv_no_channel")),
        (word(lang, "anniv_time"), target.post_time.strftime("%H:%M") + (default if post_time_default else "")),
        (word(lang, "anniv_tz"), target.timezone + (default if timezone_default else "")),
        (word(lang, "anniv_language"), _language(target.language, lang)),
        (
            word(lang, "anniv_next"),
            discord_time(status.next_post) if status.next_post else word(lang, "anniv_no_next"),
        ),
    ]
    last = status.last
    if last is None:
        last_text = word(lang, "anniv_none_yet")
    else:
        day = format_date(last.local_date, lang)
        if last.state == "posted":
            last_text = word(lang, "anniv_posted", date=day, link=last_link or str(last.message_id))
        elif last.state == "unknown":
            last_text = word(lang, "anniv_interrupted", date=day)
        else:
            last_text = word(lang, "anniv_sending", date=day)
    fields.append((word(lang, "anniv_last"), last_text))
    failure = status.failure
    if failure is not None and failure.last_error:
        resolved = last is not None and last.state == "posted" and last.local_date >= failure.local_date
        if not resolved:
            key = "anniv_gave_up" if status.gave_up and failure.local_date == status.local_date else "anniv_failure"
            day = format_date(failure.local_date, lang)
            text = word(lang, key, date=day, attempts=failure.attempts, error=failure.last_error[:300])
            fields.append((word(lang, "anniv_problem"), text))
    if channel is not None:
        missing, recommended = list(missing), list(recommended)
        lines = []
        if missing:
            lines.append(word(lang, "anniv_perm_missing", channel=channel, missing=permission_names(missing, lang)))
        else:
            lines.append(word(lang, "anniv_perm_ok", channel=channel))
        if recommended:
            lines.append(word(lang, "anniv_perm_recommended", missing=permission_names(recommended, lang)))
        fields.append((word(lang, "anniv_permissions"), "\n".join(lines)))
    return Reply(kind=Kind.NOTICE, lang=lang, title=word(lang, "anniv_title"), body="", fields=tuple(fields))
