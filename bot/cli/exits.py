"""Named exit statuses and the I/O context every command receives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.config import ConfigError, Settings, load_settings

__all__ = ["EXIT_CONFIG", "EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "CliContext"]

EXIT_OK = 0
EXIT_FAILURE = 1  # the command ran and found problems (check, eval below target)
EXIT_USAGE = 2  # bad arguments
EXIT_CONFIG = 2  # bad settings: one clear message naming each bad key


@dataclass
class CliContext:
    """Where a command reads and writes, and the environment it sees."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    env: Mapping[str, str]

    def out(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def err(self, text: str) -> None:
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def settings(self) -> Settings | None:
        """Load settings; on error print one clear message per bad key and return None."""
        try:
            return load_settings(self.env, dotenv=Path(self.env.get("PEREZBOT_DOTENV", ".env")))
        except ConfigError as exc:
            self.err(f"perezbot: {exc}")
            return None
