"""Named exit statuses and the I/O context every command receives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
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


def utcnow() -> dt.datetime:
    """The real time, as an aware UTC instant."""
    return dt.datetime.now(dt.UTC)


class CliContext:
    """Where a command reads and writes, the environment it sees and its clock.

    Commands read the time only through ``clock`` (an aware instant) and turn it into a day with
    :meth:`today`: tests pass a fixed moment, as they pass the streams and the environment.
    (A plain class, not a dataclass: importing :mod:`dataclasses` costs ~10 ms of a cold start.)
    """

    __slots__ = ("clock", "env", "stderr", "stdin", "stdout", "warned", "whole_process")

    def __init__(
        self,
        stdin: TextIO,
        stdout: TextIO,
        stderr: TextIO,
        env: Mapping[str, str],
        clock: Callable[[], dt.datetime] = utcnow,
        *,
        whole_process: bool = False,
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.env = env
        self.clock = clock
        # The command is the whole process (the console script, not a test calling main): what
        # it loads lives until the process exits.
        self.whole_process = whole_process
        self.warned = False  # settings warnings are printed once per command

    def today(self, settings: Settings) -> dt.date:
        """Today in ``TIMEZONE``: the day the bot itself would lint and post by (not the machine's)."""
        return settings.today(self.clock())

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

    def settings_and_facts(self) -> tuple[Settings, FactBase] | int:
        """The settings and the fact base they point at; or, after saying what is wrong, the exit
        status (bad settings: :data:`EXIT_CONFIG`; a fact base with problems: :data:`EXIT_FAILURE`)."""
        from bot.core.facts import FactBaseError, load_facts  # not at import: `ask` loads a cached engine

        settings = self.settings()
        if settings is None:
            return EXIT_CONFIG
        try:
            return settings, load_facts(settings.facts_dir)
        except FactBaseError as exc:
            self.fact_base_problems(exc)
            return EXIT_FAILURE

    def fact_base_problems(self, exc: FactBaseError) -> None:
        """Say why the fact base could not be loaded (every problem as ``file:line: message``)."""
        self.err(f"perezbot: the fact base has problems:\n{exc}")
