"""Per-server post settings: the yearly post (table ``guild_settings``) and the daily post
(table ``daily_settings``), the same shape in both.

A ``None`` channel, post time or time zone means "not chosen here": the scheduler then uses the
deployment defaults (``ANNOUNCE_CHANNEL_ID`` / ``DAILY_CHANNEL_ID``, ``POST_TIME``, ``TIMEZONE``),
so changing a default reaches every server that never picked its own value. The local time and
the zone are stored, never a UTC instant, so DST can't move the post.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace

__all__ = ["DAILY", "YEARLY", "GuildSettings", "all_guilds", "get_guild", "save_guild"]

YEARLY = "guild_settings"
DAILY = "daily_settings"


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    channel_id: int | None = None
    post_time: dt.time | None = None
    timezone: str | None = None
    language: str = "en"
    enabled: bool = True
    updated_at: str | None = None


def _from_row(row: sqlite3.Row) -> GuildSettings:
    post_time = row["post_time"]
    return GuildSettings(
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        post_time=dt.time.fromisoformat(post_time) if post_time else None,
        timezone=row["timezone"],
        language=row["language"],
        enabled=bool(row["enabled"]),
        updated_at=row["updated_at"],
    )


def _table(kind: str) -> str:
    if kind not in (YEARLY, DAILY):
        raise ValueError(f"unknown settings table {kind!r}")
    return kind


def get_guild(conn: sqlite3.Connection, guild_id: int, kind: str = YEARLY) -> GuildSettings | None:
    row = conn.execute(f"SELECT * FROM {_table(kind)} WHERE guild_id = ?", (guild_id,)).fetchone()
    return _from_row(row) if row else None


def all_guilds(conn: sqlite3.Connection, kind: str = YEARLY) -> list[GuildSettings]:
    return [_from_row(row) for row in conn.execute(f"SELECT * FROM {_table(kind)} ORDER BY guild_id")]


def save_guild(
    conn: sqlite3.Connection, settings: GuildSettings, now: dt.datetime, kind: str = YEARLY
) -> GuildSettings:
    """Insert or replace one server's settings (``kind``: :data:`YEARLY` or :data:`DAILY`)."""
    stored = replace(settings, updated_at=now.astimezone(dt.UTC).isoformat(timespec="seconds"))
    conn.execute(
        f"""
        INSERT INTO {_table(kind)} (guild_id, channel_id, post_time, timezone, language, enabled, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (guild_id) DO UPDATE SET
            channel_id = excluded.channel_id, post_time = excluded.post_time, timezone = excluded.timezone,
            language = excluded.language, enabled = excluded.enabled, updated_at = excluded.updated_at
        """,
        (
            stored.guild_id,
            stored.channel_id,
            stored.post_time.strftime("%H:%M") if stored.post_time else None,
            stored.timezone,
            stored.language,
            int(stored.enabled),
            stored.updated_at,
        ),
    )
    return stored
