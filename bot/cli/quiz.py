"""``perezbot quiz [--lang es] [--seed N]``: a five-question round in the terminal.

Answers are read one per line (1–4) from stdin, so it works typed or piped; the same items,
feedback and source lines as on Discord. Nothing is stored: the console has no player to track.
"""

from __future__ import annotations

import argparse
import random
from typing import TextIO

from bot.cli.exits import EXIT_FAILURE, EXIT_OK, CliContext
from bot.quiz.items import load_items
from bot.quiz.picking import pick_items
from bot.quiz.scoring import RoundScore
from bot.quiz.strings import render_feedback, render_notice, render_question, render_score, text

__all__ = ["arguments", "read_choice", "run_quiz"]


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "es"), default="en", help="the language of the round")
    parser.add_argument("--seed", type=int, help="pick the same questions every time (for practice and tests)")


def read_choice(stdin: TextIO, ctx: CliContext, lang: str, count: int = 4) -> int | None:
    """The 0-based option typed next (asking again on anything else), or None at the end of input."""
    while True:
        ctx.stdout.write(text(lang, "prompt"))
        ctx.stdout.flush()
        line = stdin.readline()
        if not line:
            ctx.out()
            return None
        answer = line.strip()
        if answer.isdigit() and 1 <= int(answer) <= count:
            ctx.out(answer if not stdin.isatty() else "")  # piped: show what was answered
            return int(answer) - 1
        ctx.out()
        ctx.out(text(lang, "bad_choice"))


def run_quiz(ns: argparse.Namespace, ctx: CliContext) -> int:
    loaded = ctx.settings_and_facts()
    if isinstance(loaded, int):
        return loaded
    _, facts = loaded
    lang = ns.lang
    items = pick_items(load_items(facts), random.Random(ns.seed), seen={})
    if not items:
        ctx.out(render_notice(lang, "no_items").as_text())
        return EXIT_FAILURE
    score = RoundScore()
    for number, item in enumerate(items, 1):
        ctx.out(render_question(item, lang, number, len(items)).as_text())
        ctx.out()
        chosen = read_choice(ctx.stdin, ctx, lang)
        if chosen is None:
            break
        ctx.out()
        ctx.out(render_feedback(item, lang, chosen, facts.get(item.fact_id), facts.source).as_text())
        ctx.out()
        score = score.add(chosen == item.question(lang).right, scored=True)
    ctx.out(render_score(score, lang).as_text())
    return EXIT_OK
