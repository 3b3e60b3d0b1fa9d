"""The ``perezbot`` command and its dispatcher: one entry per subcommand in :data:`COMMANDS`.

``main(argv, stdin=, stdout=, stderr=, env=)`` never touches the real stdio or environment, so
tests drive it directly. ``ask``/``chat`` never import discord (fast cold start): the Discord
commands import it only when they run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TextIO

from bot import __version__
from bot.cli.exits import EXIT_BROKEN_PIPE, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliContext, utcnow

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["COMMANDS", "Command", "build_parser", "entry_point", "main"]

Handler = Callable[[argparse.Namespace, CliContext], int]
Arguments = Callable[[argparse.ArgumentParser], None]


class Command(NamedTuple):
    """One subcommand: its help line, its arguments and the function that runs it."""

    help: str
    arguments: Arguments
    run: Handler


def _import(module: str) -> Any:
    """Import ``module`` with the cyclic garbage collector paused: importing the core creates tens
    of thousands of long-lived objects, and collecting among them finds nothing (a few ms of a
    cold start)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module(module)
    finally:
        if enabled:
            gc.enable()


def _lazy(module: str, name: str) -> Callable[..., Any]:
    """``bot.cli.<module>.<name>``, imported only when called: ``perezbot ask`` starts without
    importing every other command's dependencies (databases, asyncio, discord)."""

    def call(*args: Any) -> Any:
        return getattr(_import(f"bot.cli.{module}"), name)(*args)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"Runs bot.cli.{module}.{name} (imported on first use)."
    return call


def _command(help: str, arguments: tuple[str, str], run: tuple[str, str]) -> Command:
    return Command(help, _lazy(*arguments), _lazy(*run))


NONE = ("args", "none")
COMMANDS: dict[str, Command] = {
    "chat": _command(
        "interactive console chat (reads stdin until EOF; exit or quit leaves)",
        ("args", "chat"),
        ("answer", "run_chat"),
    ),
    "ask": _command("answer one question (or - for one per line)", ("args", "ask"), ("answer", "run_ask")),
    "facts": _command("list the facts", NONE, ("factcmds", "run_facts")),
    "check": _command("lint a fact base (the shipped one by default)", ("args", "check"), ("factcmds", "run_check")),
    "eval": _command("grade a question set", ("args", "evaluate"), ("evaluate", "run_eval")),
    "onthisday": _command("the on-this-day entry for a date", ("posts", "onthisday_args"), ("posts", "run_onthisday")),
    "daily": _command("the daily post a server gets on a date", ("posts", "daily_args"), ("posts", "run_daily")),
    "quiz": _command(
        "play a 5-question quiz in the terminal (answers 1-4 on stdin)", ("quiz", "arguments"), ("quiz", "run_quiz")
    ),
    "misses": _command(
        "the most frequent unanswered questions, grouped", ("args", "misses"), ("opscmds", "run_misses")
    ),
    "stats": _command(
        "answered/ambiguous/unknown rates, top facts, helpfulness", ("args", "stats"), ("opscmds", "run_stats")
    ),
    "doctor": _command("check the configuration offline", NONE, ("opscmds", "run_doctor")),
    "run": _command("start the Discord bot (needs DISCORD_TOKEN)", NONE, ("runner", "run_bot")),
    "sync": _command("sync slash commands with Discord now", NONE, ("runner", "run_sync")),
    "start": _command("the Discord bot if DISCORD_TOKEN is set, else the console chat", NONE, ("runner", "run_start")),
}


class _ParserExit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def terminal_width(env: Mapping[str, str] | None = None) -> int:
    """``COLUMNS``, else the terminal's width, else 80 — what ``shutil.get_terminal_size`` says,
    without importing shutil (and its compression modules) on every start."""
    columns = (env if env is not None else os.environ).get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
    except (OSError, ValueError, AttributeError):
        return 80


class Formatter(argparse.HelpFormatter):
    """argparse's help layout, given the terminal width (argparse would import shutil to find it)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, terminal_width() - 2 if width is None else width)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes to the command's streams and never exits the process.

    Errors are one line (``perezbot ask: error: …``) and status 2, through argparse's public
    ``error``/``exit``/``print_*`` hooks only.
    """

    def __init__(self, *, out: TextIO, err: TextIO, **kwargs: Any) -> None:
        super().__init__(**{"formatter_class": Formatter, **kwargs})
        self.out, self.err = out, err

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        super().print_help(file or self.out)

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        super().print_usage(file or self.out)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.err.write(message)
        raise _ParserExit(status)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser(out: TextIO | None = None, err: TextIO | None = None, *, only: str | None = None) -> Parser:
    """The whole ``perezbot`` parser, writing help to ``out`` and errors to ``err``.

    With ``only`` (the command about to run), only that subcommand is set up: the others, and the
    modules that define their arguments, are left alone (``perezbot --help`` and an unknown command
    build them all)."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = Parser(
        out=out, err=err, prog="perezbot", description="Answers questions about race walker Jefferson Pérez."
    )
    parser.add_argument("--version", action="store_true", help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        if only is None or name == only:
            command.arguments(sub.add_parser(name, help=command.help, description=command.help, out=out, err=err))
    return parser


def _command_in(words: Sequence[str]) -> str | None:
    """The subcommand ``words`` name (the first word that is not an option), if it is one."""
    first = next((word for word in words if not word.startswith("-")), None)
    return first if first in COMMANDS else None


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    whole_process: bool = False,
) -> int:
    """Run one ``perezbot`` command and return its exit status (``clock``: the time it runs at;
    ``whole_process``: the command is all this process does, see :class:`CliContext`)."""
    ctx = CliContext(
        stdin=stdin if stdin is not None else sys.stdin,
        stdout=stdout if stdout is not None else sys.stdout,
        stderr=stderr if stderr is not None else sys.stderr,
        env=dict(env if env is not None else os.environ),
        clock=clock or utcnow,
        whole_process=whole_process,
    )
    words = list(argv) if argv is not None else sys.argv[1:]
    parser = build_parser(ctx.stdout, ctx.stderr, only=_command_in(words))
    try:
        ns = parser.parse_args(words)
    except _ParserExit as stop:
        return EXIT_USAGE if stop.status else EXIT_OK
    if ns.version:
        ctx.out(f"perezbot {__version__}")
        return EXIT_OK
    if not ns.command:
        parser.print_help(ctx.stdout)
        return EXIT_USAGE
    return COMMANDS[ns.command].run(ns, ctx)


def entry_point() -> None:
    """Console-script entry: exit with :func:`main`'s status; Ctrl-C and a closed pipe end quietly."""
    try:
        status = main(whole_process=True)
        sys.stdout.flush()
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop writing, and keep Python from complaining
        # about stdout again when it flushes at exit. 141 is what a shell reports for SIGPIPE.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: one line, not a traceback, on a user's terminal
        sys.stderr.write(f"perezbot: internal error: {exc!r} (please report it)\n")
        status = EXIT_FAILURE
    sys.exit(status)
