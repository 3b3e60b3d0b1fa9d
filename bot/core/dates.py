"""Dates in words and dates from words, without the process locale.

Month names come from the string catalogs (``strftime('%B')`` would follow whatever locale the
process runs under). Reading accepts the three forms the commands document.
"""

from __future__ import annotations

import datetime as dt

from bot.core.catalog import core_catalog
from bot.core.lazyre import lazy

__all__ = ["format_date", "format_day", "format_month", "parse_day"]


def _month(month: int, lang: str) -> str:
    return core_catalog().items(lang, "months")[month - 1]


def format_date(day: dt.date, lang: str) -> str:
    """``29 September 2008`` / ``29 de septiembre de 2008``."""
    return core_catalog().word(lang, "date", day=day.day, month=_month(day.month, lang), year=day.year)


def format_day(day: dt.date, lang: str) -> str:
    """``29 September`` / ``29 de septiembre`` (no year)."""
    return core_catalog().word(lang, "day_of_year", day=day.day, month=_month(day.month, lang))


def format_month(year: int, month: int, lang: str) -> str:
    """``January 2015`` / ``enero de 2015``."""
    return core_catalog().word(lang, "month_of_year", month=_month(month, lang), year=year)


_ISO = lazy(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH_DAY = lazy(r"(\d{1,2})-(\d{1,2})")
_DAY_MONTH = lazy(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")


def parse_day(text: str, today: dt.date) -> dt.date | None:
    """Read ``2026-09-29``, ``09-29`` (month-day, this year) or ``29/09[/2026]``; None if unreadable."""
    text = text.strip()
    try:
        if m := _ISO.fullmatch(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _MONTH_DAY.fullmatch(text):
            return _this_year(today, int(m[1]), int(m[2]))
        if m := _DAY_MONTH.fullmatch(text):
            if m[3]:
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
            return _this_year(today, int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def _this_year(today: dt.date, month: int, day: int) -> dt.date:
    if (month, day) == (2, 29):  # a leap day with no year: the nearest leap year from today
        import calendar  # only here: not on every start

        year = today.year
        while not calendar.isleap(year):
            year += 1
        return dt.date(year, 2, 29)
    return dt.date(today.year, month, day)
