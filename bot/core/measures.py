"""Measured comparisons: "was his time under 1:20?", "was the pilgrimage more than 400 km?".

A claim that compares a number, a distance or a time with the fact's own value of that kind is
settled by arithmetic, not by a word match. The words that point up or down live in
``data/directions.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = [
    "amount_phrases",
    "direction_of",
    "gap_phrases",
    "gap_seconds",
    "measure",
    "points_both_ways",
    "settles",
    "vague_gap",
    "years_said",
]

_DATA = Path(__file__).with_name("data") / "directions.txt"


@lru_cache(maxsize=1)
def _directions() -> dict[str, int]:
    table: dict[str, int] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#") and ":" in line:
            name, words = line.split(":", 1)
            for word in words.split():
                table[word] = 1 if name.strip() == "up" else -1
    return table


def direction_of(folded: str) -> int:
    """+1 when ``folded`` (lowercase, accents stripped) compares upwards ("more than"), -1
    downwards ("under"), 0 when it does not compare or points both ways."""
    table = _directions()
    found = {table[w] for w in re.findall(r"[a-z]+", folded) if w in table}
    return found.pop() if len(found) == 1 else 0


def points_both_ways(folded: str) -> bool:
    """Does ``folded`` compare both up and down ("more or less than a minute?"): a choice to
    answer, not a claim to confirm?"""
    table = _directions()
    return len({table[w] for w in re.findall(r"[a-z]+", folded) if w in table}) == 2


def measure(token: str) -> tuple[str, float] | None:
    """A canonical token's kind and size in one unit: '1:20:07' → (time, 4807 s), '1:20' → (time,
    4800 s), '459km' → (distance, 459000 m), '4800m' → (distance, 4800 m), '22' → (number, 22),
    '1996' → (year, 1996)."""
    if re.fullmatch(r"\d+:\d\d(?::\d\d)?", token):
        parts = [int(p) for p in token.split(":")]
        hours, minutes, seconds = [*parts, 0][:3]
        return "time", hours * 3600 + minutes * 60 + seconds
    found = re.fullmatch(r"(\d+)(km|m)", token)
    if found:
        return "distance", int(found.group(1)) * (1000 if found.group(2) == "km" else 1)
    if token.isdigit():  # a year is a date, not an amount to compare with one
        return ("year" if len(token) == 4 and token[:2] in ("19", "20") else "number"), int(token)
    return None


def settles(claimed: str, held: list[str], direction: int) -> bool | None:
    """Is "``direction`` than ``claimed``" true of the fact's value of that kind? None when the
    fact holds no single value of that kind to compare with."""
    mine = measure(claimed)
    if mine is None or direction == 0:
        return None
    kind, size = mine
    sizes = {m[1] for m in (measure(t) for t in held) if m is not None and m[0] == kind}
    if len(sizes) != 1:
        return None
    value = sizes.pop()
    return value > size if direction > 0 else value < size


# An amount of seconds or minutes said in words ("14 seconds", "a full minute", "half a minute",
# "30 segundos", "un minuto"): how far behind, how long a gap — not a clock time ("1:20:07").
_GAP_RE = re.compile(
    r"\b(?P<n>\d+|an?|one|two|three|four|five|ten|twenty|thirty|half an?|un|una|uno|dos|tres|cuatro|cinco|diez|medio)"
    r"\s+(?:(?:full|whole|entero|completo)\s+)?(?P<unit>seconds?|secs?|minutes?|mins?|segundos?|minutos?)\b"
)
_GAP_WORDS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1, "two": 2, "dos": 2, "three": 3, "tres": 3,
    "four": 4, "cuatro": 4, "five": 5, "cinco": 5, "ten": 10, "diez": 10, "twenty": 20, "thirty": 30,
    "half a": 0.5, "half an": 0.5, "medio": 0.5,
}  # fmt: skip


def gap_seconds(folded: str) -> list[float]:
    """The amounts of time said in seconds or minutes in ``folded`` text, in seconds: "14 seconds
    behind" → [14], "by like a full minute" → [60], "medio minuto" → [30]."""
    found = []
    for m in _GAP_RE.finditer(folded):
        raw = m.group("n")
        n = float(raw) if raw.isdigit() else _GAP_WORDS.get(raw)
        if n is not None:
            found.append(n * (60 if m.group("unit").startswith("min") else 1))
    return found


# An amount of seconds or minutes left unsaid ("by a few seconds", "by mere seconds", "por unos
# segundos", "several minutes"): a vague quantifier or a preposition of measure before a plural unit.
_VAGUE_GAP_RE = re.compile(
    r"\b(?:few|couple(?: of)?|several|some|mere|just|only|by|like|unos|algunos|pocos|par de|por|como|apenas|solo)"
    r"\s+(?P<unit>seconds|secs|minutes|mins|segundos|minutos)\b"
)
# The amounts a unit left vague covers, in seconds: "a few seconds" may be 14, never a minute.
_UNIT_RANGE = {"sec": (1.0, 59.0), "seg": (1.0, 59.0), "min": (60.0, 3599.0)}


def vague_gap(folded: str) -> tuple[float, float] | None:
    """The range of seconds an amount left vague covers ("by like seconds" → (1, 59), "unos
    minutos" → (60, 3599)); None when an amount is said ("14 seconds") or units are mixed."""
    if gap_seconds(folded):
        return None
    ranges = {_UNIT_RANGE[m.group("unit")[:3]] for m in _VAGUE_GAP_RE.finditer(folded)}
    return ranges.pop() if len(ranges) == 1 else None


def gap_phrases(folded: str) -> list[str]:
    """The words that say an amount of seconds or minutes ("a full minute", "30 seconds")."""
    return [m.group(0) for m in _GAP_RE.finditer(folded)]


# An amount of years said in words ("a full decade", "five years", "ocho años"), not an age ("30
# years old") nor a gap between two events ("two years after").
_YEARS_RE = re.compile(
    r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|un|una|uno|dos|tres|cuatro|cinco|seis"
    r"|siete|ocho|nueve|diez)\s+(?:(?:full|whole|entire|entera?|completa?)\s+)?(?P<unit>years?|decades?|anos|decadas?)\b"
    r"(?!\s+(?:old|after|before|ago|later|earlier|despues|antes|de edad)\b)"
)
_YEAR_WORDS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1, "two": 2, "dos": 2, "three": 3, "tres": 3,
    "four": 4, "cuatro": 4, "five": 5, "cinco": 5, "six": 6, "seis": 6, "seven": 7, "siete": 7,
    "eight": 8, "ocho": 8, "nine": 9, "nueve": 9, "ten": 10, "diez": 10,
}  # fmt: skip


def years_said(folded: str) -> list[float]:
    """The amounts of years said in ``folded`` text: "a full decade" → [10], "ocho años" → [8]."""
    found = []
    for m in _YEARS_RE.finditer(folded):
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else _YEAR_WORDS.get(raw)
        if n is not None:
            found.append(float(n * (10 if m.group("unit").startswith("decad") else 1)))
    return found


def amount_phrases(folded: str) -> list[str]:
    """The words that say an amount of time ("a full minute", "30 seconds", "a decade", "by a
    few seconds")."""
    found = (*_GAP_RE.finditer(folded), *_YEARS_RE.finditer(folded), *_VAGUE_GAP_RE.finditer(folded))
    return [m.group(0) for m in found]
