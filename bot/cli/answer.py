"""``perezbot ask`` and ``perezbot chat``: the core, in the console. Never imports discord."""

from __future__ import annotations

import argparse
import gc
import time
from typing import TYPE_CHECKING

from bot.cli.exits import EXIT_CONFIG, EXIT_OK, EXIT_USAGE, CliContext
from bot.core.cache import user_cache_dir
from bot.core.conversation import Conversations
from bot.core.engine import Engine

if TYPE_CHECKING:
    from bot.core.facts import FactBaseError

__all__ = ["result_json", "run_ask", "run_chat"]

CONSOLE = "console"  # the one conversation of `perezbot chat`


def load_engine(ctx: CliContext) -> Engine | None:
    """Settings + fact base, or None after printing what is wrong."""
    settings = ctx.settings()
    if settings is None:
        return None
    try:
        # The built index is cached in the data directory of a deployment that has one, else in
        # the per-user cache (XDG_CACHE_HOME or ~/.cache/perezbot); never the working directory.
        cache = settings.data_dir / "cache" if settings.data_dir.is_dir() else user_cache_dir(ctx.env)
        engine = Engine.load(settings.facts_dir, cache_dir=cache)
    except _fact_base_error() as exc:  # evaluated only if something is raised
        ctx.fact_base_problems(exc)
        return None
    if ctx.whole_process:
        # The engine and the modules live until the process exits: the cyclic garbage collector
        # need not walk their tens of thousands of containers again, as it did on its first
        # collections after the load and once more at exit (~8 ms of a cold start). Not in a test
        # calling main() (its process goes on), nor in the Discord bot, whose reloads drop an engine.
        gc.freeze()
    return engine


def _fact_base_error() -> type[FactBaseError]:
    """The fact loader's error, imported once the engine is loaded or has failed to load: a cached
    engine must be read before the matcher's modules import (see bot.core.engine)."""
    from bot.core.facts import FactBaseError

    return FactBaseError


def result_json(engine: Engine, question: str, lang: str | None) -> dict:
    """The ``ask --json`` record for one question."""
    from bot.core.results import Status

    result, reply = engine.ask(question, lang=lang)
    return {
        "question": question,
        "status": str(result.status),
        "fact_id": result.fact.id if result.fact else None,
        "fact_ids": [c.fact.id for c in result.answers],
        "answer": result.answer_text(),
        "reply": reply.as_text(),
        "lang": result.lang,
        "confidence": round(result.confidence, 4),
        "citation": reply.footer if result.status is Status.ANSWERED else None,
        "suggestions": [
            {"fact_id": c.fact.id, "title": c.fact.name(result.lang), "confidence": round(c.confidence, 4)}
            for c in result.suggestions
        ],
        "truncated": result.truncated,
    }


def run_ask(ns: argparse.Namespace, ctx: CliContext) -> int:
    engine = load_engine(ctx)
    if engine is None:
        return EXIT_CONFIG
    words = list(ns.question)
    if words == ["-"]:
        questions = [line.rstrip("\r\n") for line in ctx.stdin]
    elif " ".join(words).strip():
        questions = [" ".join(words)]
    else:
        ctx.err("perezbot ask: give a question, or - to read one per line from stdin")
        return EXIT_USAGE
    for question in questions:
        if ns.json:
            import json  # only for --json: not on a plain question's cold start

            ctx.out(json.dumps(result_json(engine, question, ns.lang), ensure_ascii=False))
        elif question.strip():
            ctx.out(_console_reply(engine, question, ns.lang))
    return EXIT_OK


def _console_reply(engine: Engine, question: str, lang: str | None, memory: Conversations | None = None) -> str:
    """One reply as text (a cut question says so, render_match); with ``memory``, the question may
    follow up the console's last answer."""
    previous = memory.previous(CONSOLE) if memory is not None else None
    result, reply = engine.ask(question, lang=lang, previous=previous)
    if memory is not None:
        memory.remember(CONSOLE, engine.turn(result))
    return reply.as_text()


def run_chat(ns: argparse.Namespace, ctx: CliContext) -> int:
    engine = load_engine(ctx)
    if engine is None:
        return EXIT_CONFIG
    interactive = hasattr(ctx.stdin, "isatty") and ctx.stdin.isatty()
    memory = Conversations(time.monotonic)  # follow-ups lean on the last answer for a few minutes
    if interactive:
        ctx.out("perezbot — ask me about Jefferson Pérez (Ctrl-D to quit).")
    while True:
        if interactive:
            ctx.stdout.write("> ")
            ctx.stdout.flush()
        line = ctx.stdin.readline()
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question.lower() in ("quit", "exit", "salir"):
            break
        ctx.out(_console_reply(engine, question, ns.lang, memory))
        if interactive:
            ctx.out()
    return EXIT_OK
