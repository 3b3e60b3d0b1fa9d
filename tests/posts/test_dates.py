"""Which dated facts fall on a day, anniversary arithmetic and the leap-day policy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core.facts import FactBase, load_facts
from bot.posts.dates import anniversary_on, entries_on, next_entry_date, ordinal, years_since
from tests.coredata import fact_yaml, shipped_facts, write_fact_base

RETIRED = dt.date(2008, 9, 29)
ANNOUNCED = dt.date(2008, 9, 20)


def ids(facts) -> list[str]:
    return [f.id for f in facts]


@pytest.mark.parametrize("year", [2008, 2009, 2024, 2026, 2100])
def test_retirement_on_29_september_of_any_later_year(year: int) -> None:
    assert ids(entries_on(shipped_facts(), dt.date(year, 9, 29))) == ["retirement-date"]


@pytest.mark.parametrize("year", [2008, 2026])
def test_announcement_on_20_september(year: int) -> None:
    assert ids(entries_on(shipped_facts(), dt.date(year, 9, 20))) == ["retirement-announcement"]


@pytest.mark.parametrize(
    "day", [dt.date(2026, 9, 28), dt.date(2026, 9, 30), dt.date(2026, 9, 21), dt.date(2026, 1, 1), dt.date(2028, 2, 29)]
)
def test_no_entries_on_other_days(day: dt.date) -> None:
    assert entries_on(shipped_facts(), day) == []


def test_no_entry_before_the_event_year() -> None:
    assert entries_on(shipped_facts(), dt.date(2007, 9, 29)) == []
    assert entries_on(shipped_facts(), dt.date(1996, 9, 20)) == []


@pytest.mark.parametrize(
    ("day", "years"),
    [
        (dt.date(2026, 9, 29), 18),
        (dt.date(2026, 9, 28), 17),
        (dt.date(2026, 9, 30), 18),
        (dt.date(2008, 9, 29), 0),
        (dt.date(2009, 9, 29), 1),
        (dt.date(2027, 1, 1), 18),
    ],
)
def test_years_since_the_retirement(day: dt.date, years: int) -> None:
    assert years_since(RETIRED, day) == years


# ---------------------------------------------------------------------------------------------- leap day


def leap_base(tmp_path: Path) -> FactBase:
    return load_facts(write_fact_base(tmp_path, {"facts.yaml": fact_yaml("leap-fact", extra="date: 2000-02-29")}))


def test_leap_day_entry_is_shown_on_28_february_in_common_years(tmp_path: Path) -> None:
    base = leap_base(tmp_path)
    assert ids(entries_on(base, dt.date(2001, 2, 28))) == ["leap-fact"]
    assert entries_on(base, dt.date(2001, 3, 1)) == []
    assert ids(entries_on(base, dt.date(2100, 2, 28))) == ["leap-fact"]  # 2100 is not a leap year


def test_leap_day_entry_is_shown_on_29_february_in_leap_years(tmp_path: Path) -> None:
    base = leap_base(tmp_path)
    assert ids(entries_on(base, dt.date(2004, 2, 29))) == ["leap-fact"]
    assert entries_on(base, dt.date(2004, 2, 28)) == []  # not twice
    assert ids(entries_on(base, dt.date(2000, 2, 29))) == ["leap-fact"]


def test_leap_day_anniversary_and_years(tmp_path: Path) -> None:
    event = dt.date(2000, 2, 29)
    assert anniversary_on(event, 2001) == dt.date(2001, 2, 28)
    assert anniversary_on(event, 2004) == dt.date(2004, 2, 29)
    assert years_since(event, dt.date(2001, 2, 28)) == 1
    assert years_since(event, dt.date(2001, 2, 27)) == 0
    assert years_since(event, dt.date(2004, 2, 28)) == 3
    assert years_since(event, dt.date(2004, 2, 29)) == 4


def test_next_entry_date_for_a_leap_day(tmp_path: Path) -> None:
    base = leap_base(tmp_path)
    assert next_entry_date(base, dt.date(2001, 1, 1)) == dt.date(2001, 2, 28)
    assert next_entry_date(base, dt.date(2003, 3, 1)) == dt.date(2004, 2, 29)


# ---------------------------------------------------------------------------------------------- next entry


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 9, 20)),
        (dt.date(2026, 9, 20), dt.date(2026, 9, 20)),  # on or after
        (dt.date(2026, 9, 21), dt.date(2026, 9, 29)),
        (dt.date(2026, 9, 30), dt.date(2027, 9, 20)),
        (dt.date(2007, 10, 1), dt.date(2008, 9, 20)),
    ],
)
def test_next_entry_date(after: dt.date, expected: dt.date) -> None:
    assert next_entry_date(shipped_facts(), after) == expected


def test_next_entry_date_without_dated_facts(tmp_path: Path) -> None:
    base = load_facts(write_fact_base(tmp_path))
    assert next_entry_date(base, dt.date(2026, 1, 1)) is None


def test_next_entry_date_long_before_the_first_event() -> None:
    assert next_entry_date(shipped_facts(), dt.date(2000, 1, 1)) == ANNOUNCED


# ---------------------------------------------------------------------------------------------- ordinal


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (18, "18th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_ordinal_english(n: int, text: str) -> None:
    assert ordinal(n) == text


def test_ordinal_spanish() -> None:
    assert ordinal(18, "es") == "18.º"
    assert ordinal(1, "es") == "1.º"
