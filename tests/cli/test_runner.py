"""``perezbot run``'s start-up load: the facts are checked exactly as a reload checks them."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

from bot.cli.exits import CliContext
from bot.cli.runner import _load
from bot.core.engine import Engine
from bot.core.facts import default_facts_dir
from bot.reload import reload_engine
from tests.coredata import NO_DOTENV
from tests.test_reload import fact_yaml

# 03:00 UTC on 1 January 2026 is still 31 December 2025 in Ecuador: a fact dated 1 January 2026
# is in the future on the bot's day there, and not in UTC.
MOMENT = dt.datetime(2026, 1, 1, 3, 0, tzinfo=dt.UTC)
NEW_YEAR = fact_yaml(
    "new-year-walk", "He walks on 1 January 2026.", answer_es="Marcha el 1 de enero de 2026.", date="2026-01-01"
)


def _context(tmp_path: Path, timezone: str) -> tuple[CliContext, io.StringIO]:
    facts = tmp_path / "facts"
    if not facts.exists():
        shutil.copytree(default_facts_dir(), facts)
        (facts / "dated.yaml").write_text(NEW_YEAR, encoding="utf-8")
    env = {**NO_DOTENV, "DISCORD_TOKEN": "fake." + "x" * 40, "FACTS_DIR": str(facts), "TIMEZONE": timezone,
           "DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    err = io.StringIO()
    return CliContext(io.StringIO(), io.StringIO(), err, env), err


def test_start_up_refuses_a_fact_dated_after_the_bots_day_in_its_timezone(tmp_path: Path) -> None:
    ctx, err = _context(tmp_path, "America/Guayaquil")
    assert _load(ctx, lambda: MOMENT) is None
    (line,) = [line for line in err.getvalue().splitlines() if ": date " in line]
    assert line.endswith(
        "dated.yaml:8: date 2026-01-01 is in the future (today is 2025-12-31): it would never be posted"
    )


def test_start_up_accepts_the_same_facts_once_the_day_has_come_in_its_timezone(tmp_path: Path) -> None:
    ctx, err = _context(tmp_path, "UTC")
    loaded = _load(ctx, lambda: MOMENT)
    assert loaded is not None and err.getvalue() == ""
    settings, engine = loaded
    assert settings.today(MOMENT) == dt.date(2026, 1, 1) and engine.facts.get("new-year-walk") is not None


@pytest.mark.parametrize("timezone", ["America/Guayaquil", "UTC", "Asia/Tokyo"])
def test_start_up_and_reload_refuse_exactly_the_same_problems(tmp_path: Path, timezone: str) -> None:
    ctx, err = _context(tmp_path, timezone)
    loaded = _load(ctx, lambda: MOMENT)
    settings = ctx.settings()
    assert settings is not None
    current = Engine.load(settings.facts_dir)  # no date lint: what a reload starts from in a test
    result = reload_engine(current, settings.facts_dir, today=settings.today(MOMENT))
    assert (loaded is not None) == result.ok
    assert [line for line in err.getvalue().splitlines() if ": date " in line] == [
        str(problem) for problem in result.problems
    ]
