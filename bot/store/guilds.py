"""Per-server anniversary settings (table ``guild_settings``).

A ``None`` channel, post time or time zone means "not chosen here": the scheduler then uses the
deployment defaults (``ANNOUNCE_CHANNEL_ID``, ``POST_TIME``, ``TIMEZONE``), so changing a default
reaches every server that never picked its own value.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace

__all__ = ["GuildSettings", "all_guilds", "get_guild", "save_guild"]


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


def get_guild(conn: sqlite3.Connection, guild_id: int) -> GuildSettings | None:
    row = conn.execute("SELECT * FROM guild_settings WHERE guild_id = ?", (guild_id,)).fetchone()
    return _from_row(row) if row else None


def all_guilds(conn: sqlite3.Connection) -> list[GuildSettings]:
    return [_from_row(row) for row in conn.execute("SELECT * FROM guild_settings ORDER BY guild_id")]


def save_guild(conn: sqlite3.Connection, settings: GuildSettings, now: dt.datetime) -> GuildSettings:
    """Insert or replace one server's settings; returns what was stored."""
    stored = replace(settings, updated_at=now.astimezone(dt.UTC).isoformat(timespec="seconds"))
    conn.execute(
        """
        INSERT INTO guild_settings (guild_id, channel_id, post_time, timezone, language, enabled, updated_at)
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
