"""Typed settings from the environment and an optional ``.env`` file, checked once at start.

The one settings loader: the CLI, ``perezbot run`` and ``doctor`` all call :func:`load_settings`,
so they agree on what a deployment is configured to do. The real environment wins over ``.env``.
Every bad key is reported at once, by name, in a :class:`ConfigError`; the CLI turns that into one
clear message and exit status 2. A leaf module: it imports nothing from the rest of perezbot but the small value base
:class:`bot.core.record.Frozen`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.record import Frozen

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = [
    "KEYS",
    "ConfigError",
    "Settings",
    "dotenv_path",
    "inspect_settings",
    "load_settings",
    "read_dotenv",
    "shipped_facts_dir",
    "unwritable_dir",
]

TOKEN_RE = re.compile(r"^[A-Za-z0-9_\-.]{20,}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")
# Every setting perezbot reads: a .env key close to one of these is probably a typo of it.
KEYS = (
    "DISCORD_TOKEN",
    "DEV_GUILD_ID",
    "DATA_DIR",
    "FACTS_DIR",
    "LOG_LEVEL",
    "LOG_FORMAT",
    "SHARD_COUNT",
    "SHARD_IDS",
    "ANNOUNCE_CHANNEL_ID",
    "DAILY_CHANNEL_ID",
    "POST_TIME",
    "TIMEZONE",
    "RECORD_MISSES",
)
DOTENV_ENV = "PEREZBOT_DOTENV"  # where the .env file is (default: .env in the working directory)
TOKEN_HELP = "missing: create a bot in the Discord developer portal and set its token (see README, Discord setup)"


class ConfigError(Exception):
    """One or more settings are missing or invalid: ``problems`` maps key → message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        lines = [f"{key}: {message}" for key, message in problems.items()]
        if len(lines) == 1:
            super().__init__(f"invalid configuration: {lines[0]}")
        else:
            super().__init__("invalid configuration:\n" + "\n".join(f"  {line}" for line in lines))


def shipped_facts_dir() -> Path:
    """The fact base shipped with perezbot: ``bot/facts`` beside the installed package (a wheel, an
    sdist's build, the container), or in a source checkout (a clone or an editable install, where
    ``bot/facts`` does not exist) the top-level ``facts/`` that curators edit. ``FACTS_DIR``
    overrides it.

    Found from the package's own directory rather than through :mod:`importlib.resources`: the
    loader reads a directory of files, which only a package on the file system has (a zip import
    must set ``FACTS_DIR`` either way), and importing that module costs ~5 ms of every cold start.
    """
    package = Path(__file__).parent  # this module is bot/config.py
    installed = package / "facts"
    return installed if installed.is_dir() else package.parent / "facts"


class Settings(Frozen):
    """Everything the bot can be configured with. Defaults suit a single small server.

    ``warnings`` are not settings: what the loader noticed but did not refuse (a likely typo in
    ``.env``); they take no part in equality. ``settings.replace(key=value)`` makes a variant."""

    _fields = (
        "discord_token", "dev_guild_id", "data_dir", "log_level", "log_format", "shard_count", "shard_ids",
        "facts_dir", "announce_channel_id", "daily_channel_id", "post_time", "timezone", "record_misses",
        "warnings",
    )  # fmt: skip
    __slots__ = _fields
    _compare = _fields[:-1]
    discord_token: str | None
    dev_guild_id: int | None
    data_dir: Path
    log_level: str
    log_format: str
    shard_count: int | None
    shard_ids: tuple[int, ...] | None  # the shards this process runs (None: all of them)
    facts_dir: Path
    announce_channel_id: int | None
    daily_channel_id: int | None  # where the daily fact goes in a server that set up nothing
    post_time: dt.time
    timezone: str
    record_misses: bool
    warnings: tuple[str, ...]

    def __init__(
        self,
        discord_token: str | None = None,
        dev_guild_id: int | None = None,
        data_dir: Path = Path("data"),
        log_level: str = "INFO",
        log_format: str = "text",
        shard_count: int | None = None,
        shard_ids: tuple[int, ...] | None = None,
        facts_dir: Path | None = None,
        announce_channel_id: int | None = None,
        daily_channel_id: int | None = None,
        post_time: dt.time = dt.time(9, 0),
        timezone: str = "UTC",
        record_misses: bool = True,
        warnings: tuple[str, ...] = (),
    ) -> None:
        _set = object.__setattr__
        _set(self, "discord_token", discord_token)
        _set(self, "dev_guild_id", dev_guild_id)
        _set(self, "data_dir", data_dir)
        _set(self, "log_level", log_level)
        _set(self, "log_format", log_format)
        _set(self, "shard_count", shard_count)
        _set(self, "shard_ids", shard_ids)
        _set(self, "facts_dir", shipped_facts_dir() if facts_dir is None else facts_dir)
        _set(self, "announce_channel_id", announce_channel_id)
        _set(self, "daily_channel_id", daily_channel_id)
        _set(self, "post_time", post_time)
        _set(self, "timezone", timezone)
        _set(self, "record_misses", record_misses)
        _set(self, "warnings", warnings)

    @property
    def database_path(self) -> Path:
        return self.data_dir / "perezbot.sqlite3"

    @property
    def tz(self) -> ZoneInfo:
        from zoneinfo import ZoneInfo  # here, not at import: `perezbot ask` never needs it

        return ZoneInfo(self.timezone)

    def today(self, now: dt.datetime) -> dt.date:
        """The calendar day in ``TIMEZONE`` at the aware instant ``now``: the bot's day.

        The one place that turns an instant into that day, so ``perezbot check``, the start-up
        load and every reload lint dated facts on the day the posts use.
        """
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("an aware datetime is required (a naive one would mean the machine's zone)")
        return now.astimezone(self.tz).date()


def dotenv_path(env: Mapping[str, str]) -> Path:
    """The ``.env`` file this process reads: ``PEREZBOT_DOTENV`` or ``.env`` in the working directory."""
    return Path(env.get(DOTENV_ENV) or ".env")


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 text (a BOM is accepted); an undecodable byte is a ConfigError naming the file and line."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(
            {str(path): f"line {line} is not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"}
        ) from None


def read_dotenv(path: Path) -> dict[str, str]:
    """Parse ``KEY=VALUE`` lines (comments, blank lines, ``export`` and quotes allowed).

    A missing file is an empty one; a file that cannot be read or decoded raises :class:`ConfigError`
    naming it, so a token in it is never silently ignored.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError({str(path): f"cannot be read: {exc.strerror or exc}"}) from None
    values: dict[str, str] = {}
    for raw in _decode(path, data).splitlines():
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


def _typos(path: Path, keys: list[str]) -> tuple[str, ...]:
    """A warning for each ``.env`` key that is not ours but looks like one of ours."""
    unknown = [key for key in keys if key not in KEYS]
    if not unknown:
        return ()
    import difflib  # only for a .env with keys not ours: not on a cold start's path

    out = []
    for key in unknown:
        close = difflib.get_close_matches(key.upper(), KEYS, n=1, cutoff=0.75)
        if close:
            out.append(f"{path}: unknown key {key!r} is ignored; did you mean {close[0]}?")
    return tuple(out)


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
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only when a time zone is given or used

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def unwritable_dir(path: Path) -> str | None:
    """Why the bot could not create ``path`` as a directory or write into it; None when it can."""
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            return f"{path}: no existing parent directory"
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} is not a directory" if probe == path else f"cannot create {path}: {probe} is not a directory"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"{probe} is not writable by this user"
    return None


def _snowflake(value: str) -> int:
    if not re.fullmatch(r"\d{15,21}", value.strip()):
        raise ValueError(f"expected a Discord id (15–21 digits), got {value!r}")
    return int(value)


def _path(base: Path, raw: str) -> Path:
    return Path(raw) if Path(raw).is_absolute() else (base / raw).resolve()


def load_settings(
    env: Mapping[str, str],
    *,
    dotenv: Path | None = Path(".env"),
    base_dir: Path | None = None,
    require_token: bool = False,
) -> Settings:
    """Build :class:`Settings` from ``env`` (over ``dotenv``); raise :class:`ConfigError` naming every bad key.

    ``require_token``: the Discord commands need ``DISCORD_TOKEN``; its absence is then one more
    problem reported with the others.
    """
    settings, problems = inspect_settings(env, dotenv=dotenv, base_dir=base_dir, require_token=require_token)
    if problems:
        raise ConfigError(problems)
    return settings


def inspect_settings(
    env: Mapping[str, str],
    *,
    dotenv: Path | None = Path(".env"),
    base_dir: Path | None = None,
    require_token: bool = False,
) -> tuple[Settings, dict[str, str]]:
    """Every problem (key → message), and the settings with each bad key left at its default.

    What ``doctor`` reports on, so it says exactly what :func:`load_settings` would refuse.
    """
    problems: dict[str, str] = {}
    try:
        from_file = read_dotenv(dotenv) if dotenv is not None else {}
    except ConfigError as exc:  # an unreadable .env: reported, and the environment alone is used
        problems.update(exc.problems)
        from_file = {}
    # A token may well be in the .env that could not be read: say that, not "DISCORD_TOKEN missing".
    values = _parse({**from_file, **env}, base_dir or Path.cwd(), require_token and not problems, problems)
    # Each setting's field is its key in lower case: drop the bad ones, keep the defaults.
    values = {attr: value for attr, value in values.items() if attr.upper() not in problems}
    if dotenv is not None:
        values["warnings"] = _typos(dotenv, list(from_file))
    return Settings(**values), problems


def _parse(merged: Mapping[str, str], base: Path, require_token: bool, problems: dict[str, str]) -> dict[str, Any]:
    """Settings field → value for every key set in ``merged``; each bad one is added to ``problems``."""
    get = {k: v.strip() for k, v in merged.items() if v is not None and v.strip() != ""}.get
    values: dict[str, Any] = {}

    token = get("DISCORD_TOKEN")
    if token is not None:
        if not TOKEN_RE.match(token):
            problems["DISCORD_TOKEN"] = "does not look like a bot token (copy it from the portal)"
        values["discord_token"] = token
    elif require_token:
        problems["DISCORD_TOKEN"] = TOKEN_HELP

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

    data_dir = _path(base, get("DATA_DIR") or "data")
    if why := unwritable_dir(data_dir):
        problems["DATA_DIR"] = why
    values["data_dir"] = data_dir

    if (raw := get("FACTS_DIR")) is not None:
        path = _path(base, raw)
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

    shard_count: int | None = None
    if (raw := get("SHARD_COUNT")) is not None:
        if not re.fullmatch(r"[0-9]+", raw) or not 1 <= int(raw) <= 1000:
            problems["SHARD_COUNT"] = f"expected a whole number from 1 to 1000, got {raw!r}"
        else:
            shard_count = values["shard_count"] = int(raw)

    if (raw := get("SHARD_IDS")) is not None and "SHARD_COUNT" not in problems:
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        if shard_count is None:
            problems["SHARD_IDS"] = "needs SHARD_COUNT, the total number of shards across all processes"
        elif not parts or not all(p.isdigit() and int(p) < shard_count for p in parts):
            problems["SHARD_IDS"] = (
                f"expected shard numbers from 0 to {shard_count - 1} separated by commas, got {raw!r}"
            )
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

    return values
