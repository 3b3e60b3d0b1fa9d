"""The ``perezbot`` command and its dispatcher: one entry per subcommand in :data:`COMMANDS`.

``main(argv, stdin=, stdout=, stderr=, env=)`` never touches the real stdio or environment, so
tests drive it directly. ``ask``/``chat`` never import discord (fast cold start): the Discord
commands import it only when they run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from bot import __version__
from bot.cli import args
from bot.cli.answer import run_ask, run_chat
from bot.cli.evaluate import run_eval
from bot.cli.exits import EXIT_BROKEN_PIPE, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliContext
from bot.cli.factcmds import run_check, run_facts
from bot.cli.opscmds import run_doctor, run_misses, run_stats
from bot.cli.posts import daily_args, onthisday_args, run_daily, run_onthisday

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["COMMANDS", "Command", "build_parser", "entry_point", "main"]

Handler = Callable[[argparse.Namespace, CliContext], int]


@dataclass(frozen=True, slots=True)
class Command:
    """One subcommand: its help line, its arguments and the function that runs it."""

    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Handler


def run_bot(ns: argparse.Namespace, ctx: CliContext) -> int:
    from bot.cli import runner

    return runner.run_bot(ns, ctx)


def run_sync(ns: argparse.Namespace, ctx: CliContext) -> int:
    from bot.cli import runner

    return runner.run_sync(ns, ctx)


def run_start(ns: argparse.Namespace, ctx: CliContext) -> int:
    from bot.cli import runner

    return runner.run_start(ns, ctx)


COMMANDS: dict[str, Command] = {
    "chat": Command("interactive console chat (reads stdin until EOF; exit or quit leaves)", args.chat, run_chat),
    "ask": Command("answer one question (or - for one per line)", args.ask, run_ask),
    "facts": Command("list the facts", args.none, run_facts),
    "check": Command("lint a fact base (the shipped one by default)", args.check, run_check),
    "eval": Command("grade a question set", args.evaluate, run_eval),
    "onthisday": Command("the on-this-day entry for a date", onthisday_args, run_onthisday),
    "daily": Command("the daily post a server gets on a date", daily_args, run_daily),
    "misses": Command("the most frequent unanswered questions, grouped", args.misses, run_misses),
    "stats": Command("answered/ambiguous/unknown rates, top facts, helpfulness", args.stats, run_stats),
    "doctor": Command("check the configuration offline", args.none, run_doctor),
    "run": Command("start the Discord bot (needs DISCORD_TOKEN)", args.none, run_bot),
    "sync": Command("sync slash commands with Discord now", args.none, run_sync),
    "start": Command("the Discord bot if DISCORD_TOKEN is set, else the console chat", args.none, run_start),
}


class _ParserExit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes to the command's streams and never exits the process.

    Errors are one line (``perezbot ask: error: …``) and status 2, through argparse's public
    ``error``/``exit``/``print_*`` hooks only.
    """

    def __init__(self, *, out: TextIO, err: TextIO, **kwargs: Any) -> None:
        super().__init__(**kwargs)
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


def build_parser(out: TextIO | None = None, err: TextIO | None = None) -> Parser:
    """The whole ``perezbot`` parser, writing help to ``out`` and errors to ``err``."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = Parser(
        out=out, err=err, prog="perezbot", description="Answers questions about race walker Jefferson Pérez."
    )
    parser.add_argument("--version", action="store_true", help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.arguments(sub.add_parser(name, help=command.help, description=command.help, out=out, err=err))
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
) -> int:
    """Run one ``perezbot`` command and return its exit status."""
    ctx = CliContext(
        stdin=stdin if stdin is not None else sys.stdin,
        stdout=stdout if stdout is not None else sys.stdout,
        stderr=stderr if stderr is not None else sys.stderr,
        env=dict(env if env is not None else os.environ),
    )
    parser = build_parser(ctx.stdout, ctx.stderr)
    try:
        ns = parser.parse_args(list(argv) if argv is not None else sys.argv[1:])
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
        status = main()
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
