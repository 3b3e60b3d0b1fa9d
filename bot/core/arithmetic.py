"""Values worked out from two facts, never stated by either: the years between two events, how
many times one distance is another. Only values the facts hold go in; the reply marks the result
as derived (the catalog's ``derived_*`` wordings say so)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bot.core.lazyre import lazy
from bot.core.measures import measure
from bot.core.wordlists import tables

__all__ = ["convert", "distance_text", "durations_in", "held_measure", "measures_in", "series_year", "times"]

_MEASURE_RE = lazy(r"\b(\d[\d,]*)[\s-]?(km|m)\b|\b(\d+:\d\d(?::\d\d)?)\b")  # "20 km", "the 10-km race"


# A height is not a length: "altitudes of 4,800 m" does not make a 459 km walk two distances long.
_HEIGHT_BEFORE_RE = lazy(r"\b(?:altitudes?|heights?|elevations?|high)\s+(?:of\s+)?(?:up\s+to\s+|over\s+)?$")


@lru_cache(maxsize=64)  # the facts' answers, asked about in question after question
def measures_in(text: str) -> tuple[str, ...]:
    """The distances and times a fact's (English) answer states, as canonical tokens: "459 km"
    → "459km", "4,800 m" → "4800m", "1:20:07" stays; a height ("altitudes of 4,800 m") is not
    one."""
    found = []
    for m in _MEASURE_RE.finditer(text):
        if _HEIGHT_BEFORE_RE.search(text[: m.start()].lower()):
            continue
        found.append(m.group(3) if m.group(3) else m.group(1).replace(",", "") + m.group(2))
    return tuple(found)


_DURATION_RE = lazy(r"\b(\w+)[\s-]+(years?|decades?)\b(?!\s+(?:after|before|ago|old|later|earlier)\b)")


def durations_in(text: str) -> list[int]:
    """The lengths of time in years a fact's (English) answer states: "suspended for eight years"
    → [8], "two decades" → [20]; "two years after his bronze" is a gap between two events, not a
    duration."""
    numbers = tables().numbers
    found = []
    for m in _DURATION_RE.finditer(text.lower()):
        word = m.group(1)
        digits = word if word.isdigit() else numbers.get(word, "")
        if digits.isdigit():
            found.append(int(digits) * (10 if m.group(2).startswith("decade") else 1))
    return found


def series_year(years: list[int], ordinal: str | None) -> int | None:
    """The year a fact listing a series stands for: its only year, else the first or last of the
    series as asked ("his last world title" → 2007); None when it is not said which."""
    if len(set(years)) == 1:
        return years[0]
    if not years or ordinal is None:
        return None
    return min(years) if ordinal == "first" else max(years)


def held_measure(tokens: Sequence[str], kinds: tuple[str, ...] = ("distance", "time")) -> tuple[str, float] | None:
    """The one measured value (kind and size) a fact's answer tokens hold, of the first of
    ``kinds`` it holds exactly one value of; None when it holds none or several."""
    for kind in kinds:
        sizes = {m[1] for m in (measure(t) for t in tokens) if m is not None and m[0] == kind}
        if len(sizes) == 1:
            return kind, sizes.pop()
    return None


def times(big: float, small: float) -> str | None:
    """How many times ``small`` goes into ``big``, as a reply writes it ("4", "22.9"); None when
    it cannot be said (nothing to divide by)."""
    if small <= 0:
        return None
    ratio = big / small
    return str(round(ratio)) if abs(ratio - round(ratio)) < 0.05 else f"{ratio:.1f}"


def distance_text(kind: str, size: float, lang: str = "en") -> str:
    """A measured value as the facts write it: 459000 m → "459 km", 4800 m → "4,800 m" ("4.800 m"
    in Spanish), 4807 s → "1:20:07"."""
    if kind == "time":
        seconds = int(size)
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    if size >= 1000 and size % 1000 == 0:
        return f"{int(size // 1000)} km"
    text = f"{int(size):,} m"
    return text.replace(",", ".") if lang == "es" else text


MILE = 1609.344  # metres


def convert(unit: str, tokens: Sequence[str], lang: str = "en") -> dict[str, str] | None:
    """A fact's one time or distance (``tokens`` from :func:`measures_in`) in the ``unit`` asked:
    "pace" (its time over its distance, per km), "seconds" or "minutes" (its time), "miles" (its
    distance in km);
    the catalog's ``derived_<unit>`` words take the returned fields. None when the fact does not
    hold exactly the values needed."""
    time = held_measure(tokens, ("time",))
    km = [m[1] for m in (measure(t) for t in tokens if t.endswith("km")) if m is not None]
    if unit == "seconds" and time is not None:
        return {"seconds": f"{int(time[1]):,}".replace(",", "." if lang == "es" else ","), "time": distance_text(*time)}
    if unit == "minutes" and time is not None and time[1] >= 60:
        return {"minutes": str(round(time[1] / 60)), "time": distance_text(*time)}
    if unit == "pace" and time is not None and len(set(km)) == 1 and km[0] > 0:
        per_km = time[1] / (km[0] / 1000)
        return {
            "pace": distance_text("time", round(per_km)),
            "time": distance_text(*time),
            "distance": f"{km[0] / 1000:g} km",
        }
    if unit == "miles" and len(set(km)) == 1:
        miles = round(km[0] / MILE)
        return {"miles": str(miles), "distance": f"{km[0] / 1000:g} km"}
    return None
