"""Named exit statuses and the I/O context every command receives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from bot.config import ConfigError, Settings, dotenv_path, load_settings

if TYPE_CHECKING:
    from bot.core.facts import FactBase, FactBaseError

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_CONFIG", "EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "CliContext"]

EXIT_OK = 0
EXIT_FAILURE = 1  # the command ran and found problems (check, eval below target)
EXIT_USAGE = 2  # bad arguments
EXIT_CONFIG = 2  # bad settings: one clear message naming each bad key
EXIT_BROKEN_PIPE = 141  # the reader of stdout went away (e.g. `| head`), as a shell reports SIGPIPE


@dataclass
class CliContext:
    """Where a command reads and writes, and the environment it sees."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    env: Mapping[str, str]
    warned: bool = field(default=False, repr=False)  # settings warnings are printed once per command

    def out(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def err(self, text: str) -> None:
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def settings(self, *, require_token: bool = False) -> Settings | None:
        """Load settings (the one loader); on error print one message naming each bad key and return None.

        Warnings (a likely typo in ``.env``) go to stderr; the command goes on.
        """
        try:
            settings = load_settings(self.env, dotenv=dotenv_path(self.env), require_token=require_token)
        except ConfigError as exc:
            self.err(f"perezbot: {exc}")
            return None
        if not self.warned:
            for warning in settings.warnings:
                self.err(f"perezbot: warning: {warning}")
            self.warned = True
        return settings

    def fact_base(self, settings: Settings) -> FactBase | None:
        """The fact base ``settings`` point at, or None after printing its problems."""
        from bot.core.facts import FactBaseError, load_facts  # not at import: `ask` loads a cached engine

        try:
            return load_facts(settings.facts_dir)
        except FactBaseError as exc:
            self.fact_base_problems(exc)
            return None

    def fact_base_problems(self, exc: FactBaseError) -> None:
        """Say why the fact base could not be loaded (every problem as ``file:line: message``)."""
        self.err(f"perezbot: the fact base has problems:\n{exc}")
