"""Which dated facts fall on a local date, and anniversary arithmetic.

Leap-day policy: an entry dated 29 February is shown on 29 February in leap years and on
28 February in other years, so it is never skipped. The current date is always a parameter.
"""

from __future__ import annotations

import calendar
import datetime as dt

from bot.core.facts import Fact, FactBase

__all__ = ["anniversary_on", "entries_on", "next_entry_date", "ordinal", "years_since"]


def anniversary_on(event: dt.date, year: int) -> dt.date:
    """The date in ``year`` on which ``event`` is remembered (leap-day policy applied)."""
    if event.month == 2 and event.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return event.replace(year=year)


def entries_on(facts: FactBase, day: dt.date) -> list[Fact]:
    """Dated facts whose anniversary falls on ``day`` and whose event is not in the future."""
    found = [
        fact
        for fact in facts
        if fact.date is not None and fact.date.year <= day.year and anniversary_on(fact.date, day.year) == day
    ]
    return sorted(found, key=lambda fact: (fact.date, fact.id))


def years_since(event: dt.date, day: dt.date) -> int:
    """Whole years from ``event`` to ``day`` (18 for 2008-09-29 → 2026-09-29)."""
    years = day.year - event.year
    if (day.month, day.day) < (event.month, event.day) and anniversary_on(event, day.year) != day:
        years -= 1
    return years


def next_entry_date(facts: FactBase, after: dt.date) -> dt.date | None:
    """The first date on or after ``after`` that has at least one entry (None if no dated facts)."""
    dated = [fact.date for fact in facts if fact.date is not None]
    if not dated:
        return None
    candidates = []
    for event in dated:
        year = max(after.year, event.year)
        day = anniversary_on(event, year)
        if day < after:
            day = anniversary_on(event, year + 1)
        candidates.append(day)
    return min(candidates) if candidates else None


def ordinal(n: int, lang: str = "en") -> str:
    """``18`` → ``18th`` (English) or ``18.º`` (Spanish)."""
    if lang == "es":
        return f"{n}.º"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
