"""Logging: readable lines on stderr by default, JSON lines with ``LOG_FORMAT=json``; never the token.

:func:`setup_logging` installs one handler on the root logger (so discord.py's own records go
through it too). Its :class:`RedactFilter` rewrites every record before any formatter sees it:
the configured secrets and anything shaped like a Discord token become ``[redacted]`` in the
message, its arguments, extra fields, the traceback and the stack. The formatters redact their
final output once more, so even a record that skipped the filter cannot print the token.

:func:`log_question` writes the one line per handled question: status, fact id, score, latency,
shard and language; never the question's words, never who asked.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

__all__ = [
    "REDACTED",
    "JsonFormatter",
    "RedactFilter",
    "Redactor",
    "TextFormatter",
    "log_question",
    "setup_logging",
]

REDACTED = "[redacted]"
# A bot token is three base64url parts: the bot's id, a timestamp, an HMAC.
TOKEN_SHAPE = re.compile(r"\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}\b")
# LogRecord attributes that are not "extra" fields.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
QUESTIONS_LOGGER = "perezbot.questions"
RAW_TRAFFIC_LOGGERS = ("discord.gateway", "discord.http", "discord.webhook.async_", "discord.state")


class Redactor:
    """Replaces known secrets and token-shaped strings with ``[redacted]``."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        # Longest first, so a secret containing another is removed whole. Short strings are not
        # secrets worth hiding and would mangle ordinary words.
        self.secrets = sorted({s for s in secrets if s and len(s) >= 8}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return TOKEN_SHAPE.sub(REDACTED, text)

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self(value)
        if isinstance(value, Mapping):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.value(v) for v in value)
        return value


class RedactFilter(logging.Filter):
    """A handler filter that scrubs secrets from every part of a record that can be printed."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        redact = self.redactor
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not hide the record, nor leak its args
            message = f"{record.msg!s} (unformattable arguments)"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for key, value in list(vars(record).items()):
            if key not in _STANDARD:
                setattr(record, key, redact.value(value))
        return True


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


class TextFormatter(logging.Formatter):
    """``2026-11-26 15:30:00Z INFO    perezbot.questions: answered fact=… score=…``"""

    def __init__(self, redactor: Redactor | None = None) -> None:
        super().__init__("%(asctime)sZ %(levelname)-7s %(name)s: %(message)s", datefmt="%Y-%m-%d %H:%M:%S")
        self.converter = time.gmtime  # UTC, whatever the host's time zone
        self.redactor = redactor or Redactor()

    def format(self, record: logging.LogRecord) -> str:
        return self.redactor(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, extra fields, exception."""

    def __init__(self, redactor: Redactor | None = None) -> None:
        super().__init__()
        self.redactor = redactor or Redactor()

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in _extras(record).items():
            entry.setdefault(key, value)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return self.redactor(json.dumps(entry, ensure_ascii=False, default=str))


def setup_logging(
    level: str = "INFO",
    fmt: str = "text",
    *,
    stream: TextIO | None = None,
    secrets: Iterable[str | None] = (),
) -> logging.Handler:
    """Send all logging to ``stream`` (stderr) as text or JSON lines; idempotent."""
    redactor = Redactor(secrets)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.set_name("perezbot")
    handler.addFilter(RedactFilter(redactor))
    handler.setFormatter(JsonFormatter(redactor) if fmt == "json" else TextFormatter(redactor))
    root = logging.getLogger()
    for old in list(root.handlers):
        if old.get_name() == "perezbot":
            root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # discord.py's DEBUG output is raw traffic: every gateway event and HTTP body, with user ids, names
    # and message text. LOG_LEVEL=DEBUG is for perezbot's own detail; that traffic stays out.
    for name in RAW_TRAFFIC_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.INFO, root.level))
    logging.captureWarnings(True)
    return handler


def log_question(
    status: str,
    *,
    fact_id: str | None,
    score: float,
    latency: float,
    shard: int | None,
    lang: str,
    logger: logging.Logger | None = None,
) -> None:
    """One line per handled question (``latency`` in seconds). No words of the question, no user."""
    fields = {
        "event": "question",
        "status": str(status),
        "fact_id": fact_id,
        "score": round(float(score), 3),
        "latency_ms": round(latency * 1000, 1),
        "shard": shard,
        "lang": lang,
    }
    (logger or logging.getLogger(QUESTIONS_LOGGER)).info(
        "question %s fact=%s score=%.3f latency_ms=%.1f shard=%s lang=%s",
        fields["status"],
        fact_id or "-",
        fields["score"],
        fields["latency_ms"],
        "-" if shard is None else shard,
        lang,
        extra=fields,
    )
