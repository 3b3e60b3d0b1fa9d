"""``perezbot onthisday`` and ``perezbot daily``: the scheduled posts in the console."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.posts import ledger
from bot.posts.settings import DAILY, GuildSettings, save_guild
from bot.store.db import connect
from tests.cli.clirun import run
from tests.coredata import shipped_facts

# ---------------------------------------------------------------------------------------------- onthisday


def test_onthisday_2026() -> None:
    got = run("onthisday", "--date", "2026-09-29")
    assert got.status == 0
    assert got.out.startswith("**On this day, 29 September: Jefferson Pérez retires**\n**18 years ago today**")
    assert "29 September 2008" in got.out and "Murcia" in got.out and "finished third" in got.out
    assert "“My heart wants to go on, but my body can’t take another four years of work.”" in got.out
    assert "¶4, ¶5" in got.out


def test_onthisday_spanish() -> None:
    got = run("onthisday", "--date", "2026-09-29", "--lang", "es")
    assert got.status == 0 and "Hoy hace 18 años" in got.out and "29 de septiembre de 2008" in got.out


def test_onthisday_announcement() -> None:
    got = run("onthisday", "--date", "2026-09-20")
    assert got.status == 0 and "Murcia" in got.out


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "No entry for 1 March 2026. Next: 20 September 2026."),
        ("es", "No hay efemérides el 1 de marzo de 2026. La próxima: 20 de septiembre de 2026."),
    ],
)
def test_onthisday_nothing_names_the_next(lang: str, expected: str) -> None:
    got = run("onthisday", "--date", "2026-03-01", "--lang", lang)
    assert got.status == 0 and got.out.strip() == expected


@pytest.mark.parametrize("bad", ["29/09/2026", "tomorrow", ""])
def test_onthisday_bad_date(bad: str) -> None:
    got = run("onthisday", "--date", bad)
    assert got.status == 2 and "YYYY-MM-DD" in got.err and got.out == ""
    assert len(got.err.splitlines()) == 1


@pytest.mark.parametrize("impossible", ["2026-02-30", "2025-02-29", "2026-13-01"])
def test_onthisday_impossible_date_is_no_such_date(impossible: str) -> None:
    got = run("onthisday", "--date", impossible)
    assert got.status == 2 and f"no such date: {impossible}" in got.err
    assert len(got.err.splitlines()) == 1


def test_onthisday_last_representable_date_is_not_a_crash() -> None:
    got = run("onthisday", "--date", "9999-12-31")
    assert got.status == 0 and got.out.startswith("No entry for 31 December 9999.")


def test_onthisday_today_uses_the_timezone_setting() -> None:
    assert run("onthisday", env={"TIMEZONE": "Pacific/Kiritimati"}).status == 0
    # 03:00 UTC on 29 September 2026 is the anniversary in UTC, still the 28th in Ecuador.
    moment = dt.datetime(2026, 9, 29, 3, 0, tzinfo=dt.UTC)
    assert run("onthisday", env={"TIMEZONE": "UTC"}, at=moment).out.startswith("**On this day, 29 September:")
    in_ecuador = run("onthisday", env={"TIMEZONE": "America/Guayaquil"}, at=moment).out
    assert in_ecuador.startswith("No entry for 28 September 2026. Next: 29 September 2026.")


def test_onthisday_2027_story_in_spanish() -> None:
    got = run("onthisday", "--date", "2027-09-29", "--lang", "es")
    assert got.status == 0
    assert got.out.startswith("**Un día como hoy, 29 de septiembre: Jefferson Pérez se retira**")
    assert "**Hoy hace 19 años**" in got.out and "Murcia" in got.out
    assert "«Mi corazón quiere seguir" in got.out and "Fuente:" in got.out


# ---------------------------------------------------------------------------------------------- daily

TITLES = {fact.name("en"): fact.id for fact in shipped_facts()}


def title_of(out: str) -> str:
    return re.match(r"\*\*(.+?)\*\*", out).group(1)


def test_daily_gives_14_different_facts_on_14_consecutive_ordinary_days() -> None:
    start = dt.date(2027, 3, 1)
    titles = []
    for offset in range(14):
        got = run("daily", "--date", (start + dt.timedelta(days=offset)).isoformat())
        assert got.status == 0, got.err
        titles.append(title_of(got.out))
        assert re.search(r"— Fact \d+ of 24 · Source: “.+”, (¶\d+(, ¶\d+)*|photo caption)$", got.out.strip())
    assert len(set(titles)) == 14 and set(titles) <= set(TITLES)


def test_daily_is_the_same_on_every_run_and_spanish_on_request() -> None:
    first = run("daily", "--date", "2027-03-05").out
    assert run("daily", "--date", "2027-03-05").out == first
    es = run("daily", "--date", "2027-03-05", "--lang", "es").out
    assert "Dato " in es and " de 24 · Fuente:" in es and "Fact" not in es


def test_daily_on_29_september_is_the_story() -> None:
    got = run("daily", "--date", "2027-09-29")
    assert got.status == 0 and got.out.startswith("**On this day, 29 September: Jefferson Pérez retires**")


def test_daily_for_a_server_follows_its_own_rotation(tmp_path: Path) -> None:
    data = tmp_path / "data"
    conn = connect(data / "perezbot.sqlite3")
    save_guild(conn, GuildSettings(5, 55, dt.time(9), "UTC", "es"), dt.datetime(2027, 3, 1, tzinfo=dt.UTC), DAILY)
    day = dt.date(2027, 3, 1)
    claim = ledger.claim(
        conn, 5, 55, day, dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC), kind="daily", content="fact", fact_id="coach"
    )
    ledger.record(conn, claim, 1, dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC))
    conn.close()
    env = {"DATA_DIR": str(data)}
    posted = run("daily", "--date", "2027-03-01", "--server", "5", env=env)
    assert posted.status == 0 and posted.out.startswith("**" + shipped_facts().get("coach").name("es"))
    later = [
        title_of(run("daily", "--date", f"2027-03-0{d}", "--server", "5", "--lang", "en", env=env).out)
        for d in range(2, 9)
    ]
    assert len(set(later)) == 7
    other = [title_of(run("daily", "--date", f"2027-03-0{d}", "--lang", "en").out) for d in range(2, 9)]
    assert later != other  # the console's rotation is its own


def test_daily_for_a_server_without_a_database(tmp_path: Path) -> None:
    got = run("daily", "--server", "5", env={"DATA_DIR": str(tmp_path / "nowhere")})
    assert got.status == 1 and "no database" in got.err


@pytest.mark.parametrize(("bad", "why"), [("29/09/2026", "YYYY-MM-DD"), ("2026-02-30", "no such date")])
def test_daily_bad_date(bad: str, why: str) -> None:
    got = run("daily", "--date", bad)
    assert got.status == 2 and why in got.err and len(got.err.splitlines()) == 1


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_daily_far_dates_are_not_a_crash(day: str) -> None:
    got = run("daily", "--date", day)
    assert got.status == 0 and got.out.startswith("**")
