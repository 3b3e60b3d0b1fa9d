"""Numbers in questions, made comparable with the facts': "4,800" → 4800, "'96" → 1996,
"50k" → the 50 km walk, "85k fans" → 85000, "10 km" → one distance token, "3rd" → an ordinal.
A hyphenated measure is the same measure ("the 20-kilometre walk", "a 4,000-metre pass").

Runs on folded text, before tokenising; only text with digits is touched.
"""

from __future__ import annotations

import re

from bot.core.lazyre import lazy

__all__ = ["MONTH_NAMES", "RACE_K", "is_year", "normalise_numbers"]

_YEAR_RE = lazy(
    r"(?<![\d:.,])\b(8[89]|9\d|0\d)\b(?!\s?(?:km|k|m|s|sec|secs|seconds|minutes|min|years|yrs|anos|meters|metres|%))"
)
_ORDINAL_RE = lazy(r"\b(\d+)(?:st|nd|rd|th|º|°|o|a|er|ro|to)\b")
_THOUSANDS_RE = lazy(r"(\d)[,.](\d{3})\b")  # 4,800 / 85.000 → 4800 / 85000
_K_RE = lazy(
    r"\b(\d+)[\s-]?k\b(?P<counted>\s+(?:people|fans|spectators|persons|viewers|followers|views|dollars|"
    r"bucks|usd|euros|personas|aficionados|espectadores|dolares))?"
)
RACE_K = 50  # "20k", "50k": a race distance up to here; "85k" or "50k people": thousands


def _k(m: re.Match[str]) -> str:
    """ "50k" is the 50 km walk; "85k" and "50k people" are thousands."""
    n = int(m.group(1))
    if m.group("counted") or n > RACE_K:
        return f"{n}000{m.group('counted') or ''}"
    return f"{n} km"


_APOSTROPHE_YEAR_RE = lazy(r"'(\d{2})\b")
_DECADE_RE = lazy(r"\b((?:19|20)\d0|[3-9]0)'?s\b")  # the 2000s, the 90s
_SECONDS_RE = lazy(r"\b(\d+)\s?(?:s|sec|secs)\b")  # a bare "s" is seconds only after a number
_KM_RE = lazy(r"\b(\d+)[\s-]?(?:km|kms|k|kilometres|kilometers|kilometros|kilometre|kilometer|kilometro)\b")
_UNIT_RE = lazy(r"\b(\d+)\s?(m|yrs?)\b")
# "4000 meters" is "4000 m", as the facts write it.
_METRES_RE = lazy(r"\b(\d+)[\s-]?(?:meters?|metres?|metros?|mts?)\b")


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
# A day of the month said as a rank is its number: "september the 29th", "29th of september" → 29.
_DAY_AFTER_RE = lazy(rf"\b({_MONTHS})\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\b")
_DAY_BEFORE_RE = lazy(rf"\b(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?({_MONTHS})\b")


def _century(m: re.Match[str]) -> str:
    return ("19" if int(m.group(1)) > 30 else "20") + m.group(1)


# A date in figures: "29/09/2008", "9/29/08", "29-9-2008", "2008-09-29".
_NUMERIC_DATE_RE = lazy(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b")
_ISO_DATE_RE = lazy(r"\b((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\b")
MONTH_NAMES = "january february march april may june july august september october november december".split()


def _spelled_date(day: int, month: int, year: str) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if len(year) == 2:
        year = ("19" if int(year) > 30 else "20") + year
    return f"{day} {MONTH_NAMES[month - 1]} {year}"


def _numeric_date(m: re.Match[str]) -> str:
    """ "29/09/2008" → "29 september 2008": day first, as most of the world writes it, unless
    only the other order is a date ("9/29/08")."""
    first, second = int(m.group(1)), int(m.group(2))
    day, month = (second, first) if second > 12 >= first else (first, second)
    return _spelled_date(day, month, m.group(3)) or m.group(0)


def _iso_date(m: re.Match[str]) -> str:
    return _spelled_date(int(m.group(3)), int(m.group(2)), m.group(1)) or m.group(0)


def normalise_numbers(text: str) -> str:
    """``text`` (folded) with its numbers in canonical form (see the module docstring)."""
    if not any(ch.isdigit() for ch in text):
        return text
    text = _ISO_DATE_RE.sub(_iso_date, text)
    text = _NUMERIC_DATE_RE.sub(_numeric_date, text)
    text = _DAY_AFTER_RE.sub(r"\1 \2", text)
    text = _DAY_BEFORE_RE.sub(r"\1 \2", text)
    text = _THOUSANDS_RE.sub(r"\1\2", text)
    text = _K_RE.sub(_k, text)
    text = _DECADE_RE.sub(r"\1", text)  # "the 90s" → "the 90" → (below) 1990
    text = _APOSTROPHE_YEAR_RE.sub(_century, text)
    text = _YEAR_RE.sub(_century, text)
    text = _SECONDS_RE.sub(r"\1 seconds", text)
    text = _KM_RE.sub(r"\1km km", text)  # "10 km" is a distance, not the 10 of "10 golds"
    text = _METRES_RE.sub(r"\1 m", text)
    text = _UNIT_RE.sub(r"\1 \2", text)
    return _ORDINAL_RE.sub(lambda m: m.group(1) + {"1": "st", "2": "nd", "3": "rd"}.get(m.group(1), "th"), text)


def is_year(token: str) -> bool:
    """Is a canonical token a year of the modern era ("1996", "2008")?"""
    return len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")


def is_small_number(token: str) -> bool:
    """A count as small as the ones a question names ("3 times", "two golds"), not a year or a distance."""
    return token.isdigit() and int(token) <= 12
