"""Reading dates the commands accept (no locale, fixed "today")."""

import datetime as dt

import pytest

from bot.core.dates import parse_day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2008-09-29", dt.date(2008, 9, 29)),
        (" 09-29 ", dt.date(2026, 9, 29)),
        ("29/09", dt.date(2026, 9, 29)),
        ("29/9/2008", dt.date(2008, 9, 29)),
        ("02-29", dt.date(2028, 2, 29)),
        ("2026-02-30", None),
        ("13-01", None),
        ("tomorrow", None),
        ("", None),
    ],
)
def test_parse_day(text, day):
    assert parse_day(text, dt.date(2026, 5, 1)) == day
