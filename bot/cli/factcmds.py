"""``perezbot facts`` and ``check``."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.exits import EXIT_CONFIG, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliContext
from bot.core.facts import check_facts
from bot.core.lexicon_lint import lint_vocabulary
from bot.quiz.items import check_quiz

__all__ = ["run_check", "run_facts"]


def run_facts(ns: argparse.Namespace, ctx: CliContext) -> int:
    loaded = ctx.settings_and_facts()
    if isinstance(loaded, int):
        return loaded
    _, facts = loaded
    width = max((len(f.id) for f in facts), default=0)
    for fact in facts:
        ctx.out(f"{fact.id:<{width}}  {fact.name('en')}  [{fact.citation.label()}]")
    ctx.out(f"{len(facts)} facts")
    return EXIT_OK


def run_check(ns: argparse.Namespace, ctx: CliContext) -> int:
    """Lint the fact base (``FACTS_DIR``, or the directory given) as the bot would load it: dated
    facts are judged on today in ``TIMEZONE``, the bot's day, not the machine's local date."""
    if ns.directory:
        directory = Path(ns.directory)
        if not directory.is_dir():
            reason = "is not a directory" if directory.exists() else "does not exist"
            ctx.err(f"perezbot check: {directory} {reason} (give the directory that holds the fact files)")
            return EXIT_USAGE
    settings = ctx.settings()  # TIMEZONE, for the day, even when the directory is given
    if settings is None:
        return EXIT_CONFIG
    directory = Path(ns.directory) if ns.directory else settings.facts_dir
    base, problems = check_facts(directory, today=ctx.today(settings))
    problems += lint_vocabulary(base) if base is not None else []  # the matcher's vocabulary lint
    problems += check_quiz(directory, base)  # the quiz items (bot/quiz/items.py)
    for problem in problems:
        ctx.out(str(problem))
    if base is None or problems:
        ctx.out(f"{len(problems)} problem(s) in {directory}")
        return EXIT_FAILURE
    phrasings = sum(len(q) for f in base for q in f.questions.values())
    ctx.out(f"ok: {len(base)} facts, {phrasings} phrasings in {directory}")
    return EXIT_OK
