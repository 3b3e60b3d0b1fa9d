"""The ``perezbot`` command: ask | chat | facts | check | eval | onthisday | quiz | run | sync | start.

``main(argv, stdin=, stdout=, stderr=, env=)`` never touches the real stdio or environment, so
tests drive it directly. ``ask``/``chat`` never import discord (fast cold start).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

from bot import __version__
from bot.cli.exits import EXIT_OK, EXIT_USAGE, CliContext

__all__ = ["entry_point", "main"]


def _commands() -> dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], str]]:
    """name → (help, add_arguments, "module:function") — modules are imported lazily."""
    from bot.cli import args
    from bot.cli.quiz import arguments as quiz_arguments

    return {
        "chat": ("interactive console chat (reads stdin until EOF)", args.chat, "answer:run_chat"),
        "ask": ("answer one question (or --json - for one per line)", args.ask, "answer:run_ask"),
        "facts": ("list the facts", args.none, "factcmds:run_facts"),
        "check": ("lint a fact base (the shipped one by default)", args.check, "factcmds:run_check"),
        "eval": ("grade a question set", args.evaluate, "evaluate:run_eval"),
        "onthisday": ("the anniversary post text for a date", args.onthisday, "factcmds:run_onthisday"),
        "quiz": ("play a 5-question quiz in the terminal (answers 1-4 on stdin)", quiz_arguments, "quiz:run_quiz"),
        "misses": ("the most frequent unanswered questions, grouped", args.misses, "opscmds:run_misses"),
        "stats": ("answered/ambiguous/unknown rates, top facts, helpfulness", args.stats, "opscmds:run_stats"),
        "doctor": ("check the configuration offline", args.none, "opscmds:run_doctor"),
        "run": ("start the Discord bot (needs DISCORD_TOKEN)", args.none, "discord:run_bot"),
        "sync": ("sync slash commands with Discord now", args.none, "discord:run_sync"),
        "start": ("the Discord bot if DISCORD_TOKEN is set, else the console chat", args.none, "discord:run_start"),
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perezbot", description="Answers questions about race walker Jefferson Pérez."
    )
    parser.add_argument("--version", action="version", version=f"perezbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_args, _target) in _commands().items():
        add_args(sub.add_parser(name, help=help_text, description=help_text))
    return parser


class _ParserExit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


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
    parser = build_parser()

    def _exit(status: int = 0, message: str | None = None) -> None:
        if message:
            ctx.stderr.write(message)
        raise _ParserExit(status)

    # Subcommand parsers report their own errors (e.g. a bad --top): route theirs here too.
    subparsers = parser._subparsers._group_actions[0].choices.values()  # type: ignore[union-attr]
    for each in (parser, *subparsers):
        each.exit = _exit  # type: ignore[method-assign]
        each._print_message = lambda message, file=None: (  # type: ignore[method-assign]
            ctx.stderr if file is sys.stderr else ctx.stdout
        ).write(message)
    try:
        ns = parser.parse_args(list(argv) if argv is not None else sys.argv[1:])
    except _ParserExit as stop:
        return EXIT_USAGE if stop.status else EXIT_OK
    if not ns.command:
        parser.print_help(ctx.stdout)
        return EXIT_USAGE
    module_name, func_name = _commands()[ns.command][2].split(":")
    module = __import__(f"bot.cli.{module_name}", fromlist=[func_name])
    return getattr(module, func_name)(ns, ctx)


def entry_point() -> None:
    """Console-script entry: exit with :func:`main`'s status."""
    try:
        status = main()
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)
