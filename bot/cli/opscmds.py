"""``perezbot misses``, ``stats`` and ``doctor``: for the curator and the operator."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
from dataclasses import asdict
from pathlib import Path

from bot.cli.exits import EXIT_CONFIG, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliContext
from bot.config import Settings, dotenv_path
from bot.core.misses import group_misses
from bot.doctor import FAIL, WARN, diagnose
from bot.store.db import connect
from bot.store.questions import forget_text, read_misses, read_stats

__all__ = ["run_doctor", "run_misses", "run_stats"]


def _start_of(day: dt.date | None, settings: Settings) -> dt.datetime | None:
    """``--since``/``--before`` (already a date) as the start of that day in TIMEZONE."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=settings.tz) if day else None


def _open(ctx: CliContext, settings: Settings, *, json_out: bool = False) -> tuple[int, sqlite3.Connection | None]:
    """(status, connection): no database yet is status 0 and no connection; one that cannot be there is 2."""
    path: Path = settings.database_path
    if not path.exists():
        note = f"Nothing recorded yet: no database at {path} (the bot creates it when it starts)."
        (ctx.err if json_out else ctx.out)(note)  # --json output stays JSON (here: nothing)
        return EXIT_OK, None
    if not path.is_file():
        ctx.err(f"perezbot: DATA_DIR: {path} is not a file, so no database can be there")
        return EXIT_CONFIG, None
    try:
        return EXIT_OK, connect(path)
    except (sqlite3.Error, RuntimeError, OSError) as exc:  # not a database, too new, unreadable
        ctx.err(f"perezbot: cannot open the database {path}: {exc} (`perezbot doctor` checks it)")
        return EXIT_FAILURE, None


def run_misses(ns: argparse.Namespace, ctx: CliContext) -> int:
    settings = ctx.settings()
    if settings is None:
        return EXIT_CONFIG
    since = _start_of(ns.since, settings)
    if ns.before and not ns.forget:
        ctx.err("perezbot misses: --before goes with --forget")
        return EXIT_USAGE
    if ns.forget:
        return _forget(ns, ctx, settings)
    code, conn = _open(ctx, settings, json_out=ns.json)
    if conn is None:
        return code
    try:
        misses = read_misses(conn, since)
    finally:
        conn.close()
    groups = group_misses(misses)
    shown = groups[: ns.top]
    if ns.json:
        for group in shown:
            ctx.out(json.dumps(asdict(group), ensure_ascii=False))
        return EXIT_OK
    period = f" since {ns.since}" if ns.since else ""
    if not misses:
        note = "" if settings.record_misses else " (RECORD_MISSES=false: wording is not being recorded)"
        ctx.out(f"No unanswered questions recorded{period}{note}.")
        return EXIT_OK
    ctx.out(f"{len(misses)} unanswered question(s){period} in {len(groups)} group(s); the top {len(shown)}:")
    width = len(str(shown[0].count)) if shown else 1
    for group in shown:
        score = f" {group.best_score:.2f}" if group.best_score is not None else ""
        closest = f"closest: {group.best_fact_id}{score}" if group.best_fact_id else "no close fact"
        status = "/".join(s for s, _ in group.statuses)
        ctx.out(f"{group.count:>{width}}×  “{group.text}”")
        ctx.out(f"{'':>{width}}   {'/'.join(group.langs)} · {status} · {closest} · last {group.last_seen[:10]}")
        if group.variants:
            more = len(group.variants) - 3
            listed = ", ".join(f"“{v}”" for v in group.variants[:3]) + (f" (+{more} more)" if more > 0 else "")
            ctx.out(f"{'':>{width}}   also: {listed}")
    ctx.out("Add a phrasing to the closest fact (or a new fact), run `perezbot check`, then `/admin reload`.")
    return EXIT_OK


def _forget(ns: argparse.Namespace, ctx: CliContext, settings: Settings) -> int:
    before = _start_of(ns.before, settings)
    code, conn = _open(ctx, settings)
    if conn is None:
        return code
    try:
        erased = forget_text(conn, before)
        conn.execute("VACUUM")  # so the erased text does not linger in free pages of the file
    finally:
        conn.close()
    scope = f" from before {ns.before}" if ns.before else ""
    ctx.out(f"Erased the wording of {erased} recorded question(s){scope}; the anonymous counts remain.")
    return EXIT_OK


def run_stats(ns: argparse.Namespace, ctx: CliContext) -> int:
    settings = ctx.settings()
    if settings is None:
        return EXIT_CONFIG
    since = _start_of(ns.since, settings)
    code, conn = _open(ctx, settings, json_out=ns.json)
    if conn is None:
        return code
    try:
        stats = read_stats(conn, since, top=ns.top)
    finally:
        conn.close()
    if ns.json:
        record = asdict(stats)
        record["rates"] = {s: round(stats.rate(s), 4) for s in stats.by_status}
        record["helpfulness"] = stats.helpfulness
        ctx.out(json.dumps(record, ensure_ascii=False))
        return EXIT_OK
    period = f" since {ns.since}" if ns.since else ""
    if not stats.total:
        ctx.out(f"No questions recorded{period}.")
        return EXIT_OK
    first, last = (stats.first or "")[:10], (stats.last or "")[:10]  # set whenever total > 0
    ctx.out(f"{stats.total} question(s){period} ({first} to {last})")
    for status in ("answered", "ambiguous", "unknown", "smalltalk"):
        ctx.out(f"  {status:<10} {stats.by_status.get(status, 0):>6}  {stats.rate(status):6.1%}")
    langs = ", ".join(f"{lang} {n}" for lang, n in sorted(stats.by_lang.items(), key=lambda kv: -kv[1]))
    ctx.out(f"  languages: {langs}")
    votes = stats.helpful + stats.unhelpful
    if stats.helpfulness is None:
        ctx.out("Helpfulness: no 👍/👎 votes yet")
    else:
        ctx.out(f"Helpfulness: {stats.helpfulness:.0%} of {votes} vote(s) (👍 {stats.helpful} · 👎 {stats.unhelpful})")
    if stats.top_facts:
        ctx.out("Top facts:")
        width = max(len(f.fact_id) for f in stats.top_facts)
        for fact in stats.top_facts:
            rated = f"👍 {fact.helpful} 👎 {fact.unhelpful}" if fact.helpful or fact.unhelpful else "no votes"
            ctx.out(f"  {fact.fact_id:<{width}}  {fact.answered:>5} answered  {rated}")
    return EXIT_OK


def run_doctor(ns: argparse.Namespace, ctx: CliContext) -> int:
    checks = diagnose(ctx.env, dotenv=dotenv_path(ctx.env), now=ctx.clock())
    for check in checks:
        ctx.out(f"{check.status:<4}  {check.name:<9}  {check.summary}")
        for line in check.details:
            ctx.out(f"{'':<17}{line}")
    failed = [c for c in checks if c.status == FAIL]
    warned = [c for c in checks if c.status == WARN]
    if failed:
        ctx.out(f"{len(failed)} problem(s): {', '.join(c.name for c in failed)}. Fix the FAIL lines above.")
        return EXIT_FAILURE
    ctx.out("All checks passed" + (f" ({len(warned)} warning(s))." if warned else "."))
    return EXIT_OK
