"""``perezbot run``, ``sync`` and ``start`` (placeholder until the Discord bot lands)."""

from __future__ import annotations

import argparse

from bot.cli.exits import EXIT_CONFIG, CliContext

__all__ = ["run_bot", "run_start", "run_sync"]


def run_bot(ns: argparse.Namespace, ctx: CliContext) -> int:
    settings = ctx.settings()
    if settings is None:
        return EXIT_CONFIG
    ctx.err("perezbot run: the Discord bot is not built yet; use `perezbot chat`.")
    return EXIT_CONFIG


run_sync = run_bot


def run_start(ns: argparse.Namespace, ctx: CliContext) -> int:
    settings = ctx.settings()
    if settings is None:
        return EXIT_CONFIG
    if settings.discord_token:
        return run_bot(ns, ctx)
    from bot.cli.answer import run_chat

    ns.lang = None
    return run_chat(ns, ctx)
