"""``perezbot daily`` and ``perezbot onthisday``: the scheduled posts, in the console.

``daily`` prints the post a server gets on a date (the console's own rotation when no server is
given), so the feature can be seen without Discord; ``onthisday`` prints the on-this-day entry
(the 29 September story on that date). Both say exactly what the bot posts.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.args import iso_date
from bot.cli.exits import EXIT_FAILURE, EXIT_OK, CliContext

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.core.facts import FactBase
    from bot.posts.content import Pick

__all__ = ["CONSOLE_EPOCH", "console_start", "daily_args", "onthisday_args", "run_daily", "run_onthisday"]

# The console's rotation starts afresh every BLOCK days from this date, so any date's post is the
# same on every run and is found by simulating at most BLOCK days.
CONSOLE_EPOCH = dt.date(2020, 1, 1)
BLOCK = 3650


def console_start(day: dt.date) -> dt.date:
    """Where the console's rotation for ``day`` starts: the last block boundary on or before it."""
    blocks = (day - CONSOLE_EPOCH).days // BLOCK
    try:
        return max(dt.date.min, CONSOLE_EPOCH + dt.timedelta(days=blocks * BLOCK))
    except OverflowError:
        return dt.date.min


def _date_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="the day (default: today in TIMEZONE)")


def onthisday_args(parser: argparse.ArgumentParser) -> None:
    _date_arg(parser)
    parser.add_argument("--lang", choices=("en", "es"), default="en")


def daily_args(parser: argparse.ArgumentParser) -> None:
    _date_arg(parser)
    parser.add_argument("--lang", choices=("en", "es"), default=None, help="default: the server's, else en")
    parser.add_argument("--server", type=int, default=None, help="a server id: its own rotation (from DATA_DIR)")


def _prepare(ns: argparse.Namespace, ctx: CliContext) -> tuple[Settings, dt.date, FactBase] | int:
    """The settings, the day asked for (default today in TIMEZONE) and the fact base; or the exit
    code, after saying what is wrong."""
    loaded = ctx.settings_and_facts()
    if isinstance(loaded, int):
        return loaded
    settings, facts = loaded
    return settings, ns.date or ctx.today(settings), facts


def run_onthisday(ns: argparse.Namespace, ctx: CliContext) -> int:
    from bot.core.dates import format_date
    from bot.posts.content import render_onthisday
    from bot.posts.dates import next_entry_date
    from bot.posts.words import text

    prepared = _prepare(ns, ctx)
    if isinstance(prepared, int):
        return prepared
    _, day, facts = prepared
    reply = render_onthisday(facts, day, ns.lang)
    if reply is None:
        msg = text(ns.lang, "no_entry_cli", day=format_date(day, ns.lang))
        try:
            upcoming = next_entry_date(facts, day)
        except (ValueError, OverflowError):  # the next one would be after 9999-12-31
            upcoming = None
        if upcoming:
            msg += " " + text(ns.lang, "next_cli", next=format_date(upcoming, ns.lang))
        ctx.out(msg)
        return EXIT_OK
    ctx.out(reply.as_text())
    return EXIT_OK


def _server_pick(facts: FactBase, path: Path, server: int, day: dt.date) -> tuple[Pick | None, str | None]:
    """The server's post on ``day``: the recorded one, else projected from its rotation."""
    from bot.posts import ledger
    from bot.posts.content import Pick, project
    from bot.posts.rotation_store import load_rotation
    from bot.posts.settings import DAILY, get_guild
    from bot.store.store import Store

    store = Store(path)
    try:
        rows = [row for row in store.call(ledger.entries, server) if row.kind == "daily"]
        rotation = store.call(load_rotation, server)
        row = store.call(get_guild, server, DAILY)
    finally:
        store.close()
    language = row.language if row else None
    for entry in rows:
        if entry.local_date == day and entry.state in ("posted", "sending", "unknown") and entry.content:
            return Pick(entry.content, entry.fact_id), language
    later = [entry.local_date for entry in rows if entry.local_date < day]
    start = max(later) + dt.timedelta(days=1) if later else day
    skipped = [entry.local_date for entry in rows if entry.state in ("skipped", "missed")]
    return project(facts, rotation, start, day, skip=skipped), language


def run_daily(ns: argparse.Namespace, ctx: CliContext) -> int:
    from bot.posts.content import project, render_pick
    from bot.posts.rotation import fresh

    prepared = _prepare(ns, ctx)
    if isinstance(prepared, int):
        return prepared
    settings, day, facts = prepared
    language = None
    if ns.server is not None:
        if not settings.database_path.is_file():
            ctx.err(f"perezbot daily: no database at {settings.database_path} (is DATA_DIR right?)")
            return EXIT_FAILURE
        pick, language = _server_pick(facts, settings.database_path, ns.server, day)
    else:
        pick = project(facts, fresh("console"), console_start(day), day)
    lang = ns.lang or language or "en"
    reply = render_pick(facts, day, pick, lang) if pick is not None else None
    if reply is None:
        ctx.err("perezbot daily: the fact base is empty")
        return EXIT_FAILURE
    ctx.out(reply.as_text())
    return EXIT_OK
