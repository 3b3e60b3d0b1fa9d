"""Typed settings from the environment and an optional ``.env`` file, checked once at start.

The real environment wins over ``.env``. Every bad key is reported at once, by name, in a
:class:`ConfigError`; the CLI turns that into one clear message and exit status 2.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.facts import default_facts_dir

__all__ = ["ConfigError", "Settings", "load_settings", "read_dotenv"]

TOKEN_RE = re.compile(r"^[A-Za-z0-9_\-.]{20,}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


class ConfigError(Exception):
    """One or more settings are missing or invalid: ``problems`` maps key → message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        lines = [f"  {key}: {message}" for key, message in problems.items()]
        super().__init__("invalid configuration:\n" + "\n".join(lines))


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot can be configured with. Defaults suit a single small server."""

    discord_token: str | None = None
    dev_guild_id: int | None = None
    data_dir: Path = Path("data")
    log_level: str = "INFO"
    log_format: str = "text"
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None  # the shards this process runs (default: all of them)
    facts_dir: Path = field(default_factory=default_facts_dir)
    announce_channel_id: int | None = None
    daily_channel_id: int | None = None  # where the daily fact goes in a server that set up nothing
    post_time: dt.time = dt.time(9, 0)
    timezone: str = "UTC"
    record_misses: bool = True

    @property
    def database_path(self) -> Path:
        return self.data_dir / "perezbot.sqlite3"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def read_dotenv(path: Path) -> dict[str, str]:
    """Parse ``KEY=VALUE`` lines (comments, blank lines, ``export`` and quotes allowed)."""
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return values
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        quoted = re.fullmatch(r"""(["'])(.*?)\1\s*(?:#.*)?""", value)
        if quoted:
            value = quoted.group(2)  # KEY="value" # a comment
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[key.strip()] = value
    return values


def parse_hhmm(value: str) -> dt.time:
    """``"09:00"`` → ``time(9, 0)``; raises ValueError for anything else."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
    if not match:
        raise ValueError(f"expected HH:MM (24-hour), got {value!r}")
    return dt.time(int(match.group(1)), int(match.group(2)))


def valid_timezone(name: str) -> bool:
    """True when ``name`` is a known IANA time zone."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _snowflake(value: str) -> int:
    if not re.fullmatch(r"\d{15,21}", value.strip()):
        raise ValueError(f"expected a Discord id (15–21 digits), got {value!r}")
    return int(value)


def load_settings(
    env: Mapping[str, str], *, dotenv: Path | None = Path(".env"), base_dir: Path | None = None
) -> Settings:
    """Build :class:`Settings` from ``env`` (over ``dotenv``); raise :class:`ConfigError`."""
    merged: dict[str, str] = dict(read_dotenv(dotenv)) if dotenv is not None else {}
    merged.update({k: v for k, v in env.items()})
    get = {k: v.strip() for k, v in merged.items() if v is not None and v.strip() != ""}.get
    problems: dict[str, str] = {}
    values: dict[str, object] = {}
    base = base_dir or Path.cwd()

    token = get("DISCORD_TOKEN")
    if token is not None:
        if not TOKEN_RE.match(token):
            problems["DISCORD_TOKEN"] = "does not look like a bot token (copy it from the portal)"
        values["discord_token"] = token

    for key, attr in (
        ("DEV_GUILD_ID", "dev_guild_id"),
        ("ANNOUNCE_CHANNEL_ID", "announce_channel_id"),
        ("DAILY_CHANNEL_ID", "daily_channel_id"),
    ):
        if (raw := get(key)) is not None:
            try:
                values[attr] = _snowflake(raw)
            except ValueError as exc:
                problems[key] = str(exc)

    if (raw := get("DATA_DIR")) is not None:
        values["data_dir"] = (base / raw).resolve() if not Path(raw).is_absolute() else Path(raw)
    else:
        values["data_dir"] = (base / "data").resolve()

    if (raw := get("FACTS_DIR")) is not None:
        path = (base / raw).resolve() if not Path(raw).is_absolute() else Path(raw)
        if not path.is_dir():
            problems["FACTS_DIR"] = f"no such directory: {path}"
        values["facts_dir"] = path

    if (raw := get("LOG_LEVEL")) is not None:
        if raw.upper() not in LOG_LEVELS:
            problems["LOG_LEVEL"] = f"expected one of {', '.join(LOG_LEVELS)}, got {raw!r}"
        values["log_level"] = raw.upper()

    if (raw := get("LOG_FORMAT")) is not None:
        if raw.lower() not in ("text", "json"):
            problems["LOG_FORMAT"] = f"expected text or json, got {raw!r}"
        values["log_format"] = raw.lower()

    if (raw := get("SHARD_COUNT")) is not None:
        if not re.fullmatch(r"[0-9]+", raw) or not 1 <= int(raw) <= 1000:
            problems["SHARD_COUNT"] = f"expected a whole number from 1 to 1000, got {raw!r}"
        else:
            values["shard_count"] = int(raw)

    if (raw := get("SHARD_IDS")) is not None and "SHARD_COUNT" not in problems:
        count = values.get("shard_count")
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        if count is None:
            problems["SHARD_IDS"] = "needs SHARD_COUNT, the total number of shards across all processes"
        elif not parts or not all(p.isdigit() and int(p) < count for p in parts):  # type: ignore[operator]
            problems["SHARD_IDS"] = f"expected shard numbers from 0 to {count - 1} separated by commas, got {raw!r}"  # type: ignore[operator]
        else:
            values["shard_ids"] = tuple(sorted({int(p) for p in parts}))

    if (raw := get("POST_TIME")) is not None:
        try:
            values["post_time"] = parse_hhmm(raw)
        except ValueError as exc:
            problems["POST_TIME"] = str(exc)

    if (raw := get("TIMEZONE")) is not None:
        if not valid_timezone(raw):
            problems["TIMEZONE"] = f"unknown IANA time zone {raw!r} (e.g. America/Guayaquil)"
        values["timezone"] = raw

    if (raw := get("RECORD_MISSES")) is not None:
        if raw.lower() in TRUE:
            values["record_misses"] = True
        elif raw.lower() in FALSE:
            values["record_misses"] = False
        else:
            problems["RECORD_MISSES"] = f"expected true or false, got {raw!r}"

    if problems:
        raise ConfigError(problems)
    return Settings(**values)  # type: ignore[arg-type]
