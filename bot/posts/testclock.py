"""FOR TESTS ONLY: a clock read from a file, so a test can move the time of a real ``perezbot run``.

``perezbot run`` uses it when ``PEREZBOT_TEST_CLOCK`` names a file (see ``bot/cli/discord.py``,
next to the other test-only switches). The file holds one ISO 8601 instant, e.g.
``2026-09-29T14:00:00+00:00``; the test rewrites it to move the bot's clock. The clock also
asks the post ticker to tick every ``PEREZBOT_TEST_TICK_SECONDS`` (default 0.2 s) instead of
every minute, so a moved clock is seen at once. Never set these in production.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

__all__ = ["TEST_CLOCK_ENV", "TEST_TICK_ENV", "FileClock", "clock_from_env"]

TEST_CLOCK_ENV = "PEREZBOT_TEST_CLOCK"
TEST_TICK_ENV = "PEREZBOT_TEST_TICK_SECONDS"


class FileClock:
    """``now`` is whatever instant the file holds.

    A file caught half-written (a test rewriting it without a rename) or briefly missing keeps the
    last instant read: falling back to the real time there would jump the bot to another day and
    post for it. The real time is used only until the file has been read once.
    """

    def __init__(self, path: Path, tick_seconds: float = 0.2) -> None:
        self.path = path
        self.tick_seconds = tick_seconds
        self._last: dt.datetime | None = None

    def __call__(self) -> dt.datetime:
        try:
            moment = dt.datetime.fromisoformat(self.path.read_text("utf-8").strip())
        except (OSError, ValueError):
            return self._last or dt.datetime.now(dt.UTC)
        self._last = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
        return self._last


def clock_from_env(env: Mapping[str, str]) -> FileClock | None:
    """The file clock the environment asks for, or None (the real clock)."""
    path = env.get(TEST_CLOCK_ENV)
    if not path:
        return None
    return FileClock(Path(path), float(env.get(TEST_TICK_ENV) or 0.2))
