"""``perezbot doctor``: check a deployment's configuration offline, without changing anything.

Each check yields one :class:`Check` (ok / warn / fail) with detail lines. Nothing here talks to
Discord, creates the database or migrates it, and no secret value is ever put in a message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Settings, inspect_settings, unwritable_dir, valid_timezone
from bot.core.facts import check_facts
from bot.store.db import MIGRATIONS, SCHEMA_VERSION

__all__ = ["FAIL", "OK", "WARN", "Check", "diagnose"]

OK, WARN, FAIL = "ok", "warn", "FAIL"


@dataclass(frozen=True, slots=True)
class Check:
    status: str
    name: str
    summary: str
    details: tuple[str, ...] = field(default=())


def diagnose(env: Mapping[str, str], *, dotenv: Path | None, now: dt.datetime | None = None) -> list[Check]:
    """Run every check on what the settings loader makes of ``env`` and ``dotenv``, exactly as ``run`` would.

    A bad setting is reported, and the other checks go on with its default.
    """
    checks: list[Check] = []
    where = f"the environment and {dotenv}" if dotenv is not None and dotenv.is_file() else "the environment"
    settings, problems = inspect_settings(env, dotenv=dotenv)
    if problems:
        lines = tuple(f"{key}: {message}" for key, message in problems.items())
        checks.append(Check(FAIL, "settings", f"{len(lines)} bad setting(s) in {where}", lines + settings.warnings))
    elif settings.warnings:
        checks.append(Check(WARN, "settings", f"parsed from {where}, with warnings", settings.warnings))
    else:
        checks.append(Check(OK, "settings", f"parsed from {where}"))
    now = now or dt.datetime.now(dt.UTC)
    checks.append(_token(settings, problems))
    checks.append(_facts(settings, problems, settings.today(now)))
    checks.append(_database(settings, problems))
    checks.append(_timezones(settings, now, problems))
    checks.append(_privacy(settings))
    checks.append(_sharding(settings))
    return checks


def _token(settings: Settings, problems: Mapping[str, str]) -> Check:
    # Never the value, nor its length or any part of it.
    if "DISCORD_TOKEN" in problems:
        return Check(FAIL, "token", "DISCORD_TOKEN is set but does not look like a bot token")
    if not settings.discord_token:
        return Check(FAIL, "token", "DISCORD_TOKEN is not set (perezbot run needs it; see .env.example)")
    return Check(OK, "token", "DISCORD_TOKEN is set (value not shown)")


def _facts(settings: Settings, problems: Mapping[str, str], today: dt.date) -> Check:
    if "FACTS_DIR" in problems:
        return Check(FAIL, "facts", f"FACTS_DIR: {problems['FACTS_DIR']}")
    base, found = check_facts(settings.facts_dir, today=today)
    if base is None:
        return Check(FAIL, "facts", f"{len(found)} problem(s) in {settings.facts_dir}", tuple(map(str, found)))
    return Check(OK, "facts", f"{len(base)} valid fact(s) in {settings.facts_dir}")


def _expected_tables() -> set[str]:
    conn = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS:
            conn.executescript(migration)
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _database(settings: Settings, problems: Mapping[str, str]) -> Check:
    if "DATA_DIR" in problems:
        return Check(FAIL, "database", f"DATA_DIR: {problems['DATA_DIR']}")
    path = settings.database_path
    if not path.exists():
        why = unwritable_dir(path.parent)
        if why:
            return Check(FAIL, "database", f"cannot create {path}", (why,))
        return Check(OK, "database", f"{path} does not exist yet; it will be created at start")
    if not path.is_file():
        return Check(FAIL, "database", f"{path} is not a file")
    why = unwritable_dir(path.parent)
    if why:  # SQLite needs the directory too, for its -wal and -shm files
        return Check(FAIL, "database", f"{path} is not writable", (why,))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=2, isolation_level=None)
    except sqlite3.Error as exc:
        return Check(FAIL, "database", f"cannot open {path}", (str(exc),))
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
        conn.execute("BEGIN IMMEDIATE")  # takes the write lock: proves we could write
        conn.execute("ROLLBACK")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        return Check(FAIL, "database", f"{path} is not usable", (str(exc),))
    finally:
        conn.close()
    if integrity != "ok":
        return Check(FAIL, "database", f"{path} is damaged", (str(integrity),))
    if version > SCHEMA_VERSION:
        return Check(FAIL, "database", f"{path} has schema v{version}, newer than this perezbot (v{SCHEMA_VERSION})")
    if version < SCHEMA_VERSION:
        return Check(WARN, "database", f"{path} is at schema v{version}; start migrates it to v{SCHEMA_VERSION}")
    missing = sorted(_expected_tables() - tables)
    if missing:
        return Check(FAIL, "database", f"{path} says v{version} but lacks tables", (", ".join(missing),))
    return Check(OK, "database", f"{path} is writable and at schema v{version}")


def _timezones(settings: Settings, now: dt.datetime, problems: Mapping[str, str]) -> Check:
    for key in ("TIMEZONE", "POST_TIME"):  # what run would refuse is not "ok UTC" here
        if key in problems:
            return Check(FAIL, "time zone", f"{key}: {problems[key]}")
    local = now.astimezone(settings.tz)
    summary = f"{settings.timezone} (now {local:%Y-%m-%d %H:%M} UTC{local:%z}), posts at {settings.post_time:%H:%M}"
    bad = _bad_server_timezones(settings.database_path)
    if bad:
        return Check(FAIL, "time zone", "some servers use unknown time zones", tuple(bad))
    return Check(OK, "time zone", summary)


def _bad_server_timezones(path: Path) -> list[str]:
    """Per-server time zones saved in the database that this machine does not know."""
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            rows = conn.execute("SELECT guild_id, timezone FROM guild_settings").fetchall()
            # The daily post's settings (absent from a database older than schema 2).
            with contextlib.suppress(sqlite3.OperationalError):
                rows += conn.execute("SELECT guild_id, timezone FROM daily_settings").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []  # the database check reports an unusable database
    # NULL means "the TIMEZONE default", checked above.
    return [f"server {guild}: {tz!r}" for guild, tz in rows if tz is not None and not valid_timezone(tz)]


def _privacy(settings: Settings) -> Check:
    if settings.record_misses:
        return Check(OK, "privacy", "RECORD_MISSES=true: wording of unanswered questions is kept for curation")
    return Check(OK, "privacy", "RECORD_MISSES=false: no question wording is kept, only anonymous counts")


def _sharding(settings: Settings) -> Check:
    if settings.shard_count is None:
        return Check(OK, "sharding", "one gateway connection (set SHARD_COUNT past ~2,000 servers)")
    if settings.shard_ids is None:
        return Check(OK, "sharding", f"SHARD_COUNT={settings.shard_count}, all shards in this process")
    mine = ",".join(map(str, settings.shard_ids))
    return Check(
        OK,
        "sharding",
        f"SHARD_COUNT={settings.shard_count}, this process runs shard(s) {mine}: run the others elsewhere "
        "on the same database",
    )
