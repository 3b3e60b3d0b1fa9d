"""What happened at a time: "what happened in 1990", "¿qué pasó el 29 de septiembre de 2008?".

A question naming only a time (a year, or a day of a month of a year) and asking what happened or
what he did is answered by the facts dated then: a fact whose date is that day, else the
timeline's facts of that year (those whose own year it is first, then those whose answer tells it).
One naming only a place ("what happened in Beijing?", "tell me about the Atlanta race") is answered
by the timeline's fact most about it: the event there. So is "why was he disqualified in Athens?"
when that fact tells a result other than the one the question takes for granted: the correction.
Pure: the facts' dates, years and told years are passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from bot.core.index import is_year
from bot.core.lazyre import lazy
from bot.core.numbers import MONTH_NAMES

__all__ = ["asked_place", "asked_time", "asks_what_happened", "dated_facts", "facts_at", "premised_event"]

# "what happened", "what did he do", "what was going on", "¿qué pasó / qué hizo / qué sucedió?"
_WHAT_HAPPENED_RE = lazy(
    r"\b(?:what\s+(?:happened|happens|went on|was going on|did (?:he|perez|jefferson) do)"
    r"|que\s+(?:paso|sucedio|ocurrio|hizo))\b"
)


def asks_what_happened(folded: str) -> bool:
    return _WHAT_HAPPENED_RE.search(folded) is not None


def asked_time(tokens: Sequence[str], happen: str) -> tuple[int, dt.date | None] | None:
    """(year, day or None) when the tokens are only a time and the happening concept, else None."""
    years = [int(t) for t in tokens if is_year(t)]
    months = [MONTH_NAMES.index(t) + 1 for t in tokens if t in MONTH_NAMES]
    days = [int(t) for t in tokens if t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31]
    rest = [t for t in tokens if t != happen and t not in MONTH_NAMES and not t.isdigit()]
    if rest or len(set(years)) != 1 or len(months) > 1 or len(days) > 1:
        return None
    year = years[0]
    if months and days:
        try:
            return year, dt.date(year, months[0], days[0])
        except ValueError:
            return None
    return (year, None) if not months and not days else None


def dated_facts(
    year: int,
    day: dt.date | None,
    dates: Sequence[dt.date | None],
    years: Sequence[int | None],
    told: Sequence[frozenset[str]],
    timeline: Sequence[bool],
) -> list[int]:
    """Indexes of the facts dated at that time, most specific first (at most three)."""
    if day is not None:
        return [i for i, d in enumerate(dates) if d == day][:3]
    own = [i for i, y in enumerate(years) if y == year and timeline[i]]
    if own:
        return own[:3]
    return [i for i, t in enumerate(told) if str(year) in t and timeline[i]][:3]


def asked_place(
    tokens: Sequence[str], happen: str, places: Collection[str], kinds_of_event: Collection[str]
) -> tuple[str, int | None] | None:
    """(place, year or None) when the tokens name one place, at most one year, and otherwise only
    the happening concept and words for a kind of event ("the Beijing race", "the Atlanta Games")."""
    named = {t for t in tokens if t in places}
    years = {int(t) for t in tokens if is_year(t)}
    rest = [t for t in tokens if t != happen and t not in places and not is_year(t) and t not in kinds_of_event]
    if rest or len(named) != 1 or len(years) > 1:
        return None
    return named.pop(), (years.pop() if years else None)


def premised_event(
    tokens: Sequence[str], why: str, results: Collection[str], places: Collection[str], kinds_of_event: Collection[str]
) -> tuple[str, frozenset[str]] | None:
    """(the event's place or year, the results taken for granted) when the tokens ask why of a
    result at one event and nothing else ("why was he disqualified in Athens?", "¿por qué perdió el
    oro en Atlanta?"), else None."""
    if why not in tokens:
        return None
    named = {t for t in tokens if t in places}
    years = {t for t in tokens if is_year(t)}
    taken = frozenset(t for t in tokens if t in results)
    rest = [t for t in tokens if t != why and t not in taken and t not in named | years and t not in kinds_of_event]
    if rest or not taken or len(named) > 1 or len(years) > 1 or not named | years:
        return None
    return (named or years).pop(), taken


def facts_at(
    place_share: Sequence[float], year: int | None, years: Sequence[int | None], timeline: Sequence[bool]
) -> list[int]:
    """The timeline's fact most about a place — the greatest share of its phrasings naming it (of
    ``year``, when one is asked): Beijing's silver, not the ban reported years later, nor the
    pilgrimage that began after Beijing. Empty when none names it."""
    named = [
        i for i, share in enumerate(place_share) if share > 0 and timeline[i] and (year is None or years[i] == year)
    ]
    return [max(named, key=lambda i: place_share[i])] if named else []
