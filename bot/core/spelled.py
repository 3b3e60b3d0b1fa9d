"""Spelled-out numbers read as digits: "nineteen ninety-six" → 1996, "two thousand eight" → 2008,
"twenty-ninth" → 29th, "four point eight thousand" → 4800, "mil novecientos noventa y seis" → 1996,
"cuatrocientos cincuenta y nueve" → 459; a time said in hours and minutes as the clock writes it:
"one hour twenty minutes" → 1:20, "1 hora 20 minutos y 7 segundos" → 1:20:07, "an hour and 15" → 1:15.

Only runs of two or more number words are read here; a single word ("one", "third") is left to the
number-word table of the text analysis, which knows it already. The words are general language,
in ``data/number-words.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.lazyre import lazy
from bot.core.record import Frozen
from bot.core.wordlists import word_classes

__all__ = ["clock_times", "spell_out"]

_WORD_RE = re.compile(r"[a-z]+")
_AMOUNT = r"\d{1,2}|[a-z]+"
# "<h> hours [and] <m> minutes [and <s> seconds]": the minutes' word may go unsaid at the end of a
# clause ("in an hour and 15?"), never before another word ("one hour 20 km").
_DURATION_RE = lazy(
    rf"\b(?P<h>{_AMOUNT}) (?:hours?|hrs?|horas?),? (?:and |y )?(?P<m>{_AMOUNT})"
    rf"(?: (?:minutos|minutes|minute|mins|min)\b(?:,? (?:and |y )?(?P<s>{_AMOUNT}) (?:segundos|seconds?|secs?)\b)?"
    r"|(?=\s*(?:[^\w\s]|$)))"
)
_ONE = frozenset({"a", "an"})  # "an hour"
# The short written forms: "1h20", "1h 20min", "1h20m07s".
_SHORT_DURATION_RE = lazy(r"\b(\d{1,2}) ?h ?([0-5]\d)(?: ?m(?:in)?(?: ?([0-5]\d) ?s)?)?\b")


class _Words(Frozen):
    _fields = ("units", "scales", "ordinals", "joiners", "points")
    __slots__ = _fields
    units: dict[str, int]
    scales: dict[str, int]
    ordinals: dict[str, int]
    joiners: frozenset[str]
    points: frozenset[str]

    def __init__(self, **parts: object) -> None:
        for name in self._fields:
            object.__setattr__(self, name, parts[name])


@lru_cache(maxsize=1)
def _words() -> _Words:
    found: dict[str, dict[str, str]] = {"units": {}, "scales": {}, "ordinals": {}, "joiners": {}, "point": {}}
    for _lang, kind, items in word_classes("number-words.txt"):
        for item in items:
            word, _, value = item.partition("=")
            found[kind][word] = value
    return _Words(
        units={w: int(v) for w, v in found["units"].items()},
        scales={w: int(v) for w, v in found["scales"].items()},
        ordinals={w: int(v) for w, v in found["ordinals"].items()},
        joiners=frozenset(found["joiners"]),
        points=frozenset(found["point"]),
    )


def spell_out(text: str) -> str:
    """``text`` (folded) with each run of two or more number words replaced by its value."""
    w = _words()
    matches = list(_WORD_RE.finditer(text))
    if not any(m.group() in w.units or m.group() in w.scales for m in matches):
        return clock_times(text)
    out: list[str] = []
    at = 0
    i = 0
    while i < len(matches):
        end, value = _read(matches, i, text, w)
        if end - i >= 2 and value is not None:
            out.append(text[at : matches[i].start()])
            out.append(value)
            at = matches[end - 1].end()
            i = end
        else:
            i += 1
    out.append(text[at:])
    return clock_times("".join(out))


def clock_times(text: str) -> str:
    """``text`` with each time said in hours and minutes (and seconds) written as a clock does."""
    if _SHORT_DURATION_RE.search(text):
        text = _SHORT_DURATION_RE.sub(lambda m: f"{m[1]}:{m[2]}" + (f":{m[3]}" if m[3] else ""), text)
    if "hour" not in text and "hora" not in text and "hr" not in text:
        return text
    units = _words().units

    def amount(said: str | None, most: int) -> int | None:
        if said is None:
            return 0
        value = 1 if said in _ONE else int(said) if said.isdigit() else units.get(said)
        return value if value is not None and value <= most else None

    def clock(m: re.Match[str]) -> str:
        h, mins, secs = amount(m.group("h"), 23), amount(m.group("m"), 59), amount(m.group("s"), 59)
        if h is None or mins is None or secs is None or not h:
            return m.group()
        return f"{h}:{mins:02d}" + (f":{secs:02d}" if m.group("s") else "")

    return _DURATION_RE.sub(clock, text)


def _read(matches: list[re.Match[str]], i: int, text: str, w: _Words) -> tuple[int, str | None]:
    """The longest number starting at word ``i``: (index after it, its digits) or (i, None)."""
    words: list[str] = []
    j = i
    while j < len(matches):
        word = matches[j].group()
        between = text[matches[j - 1].end() : matches[j].start()] if j > i else ""
        if between.strip(" -"):
            break  # punctuation ends a number
        if word in w.units or word in w.scales or word in w.joiners or word in w.points or word in w.ordinals:
            words.append(word)
            j += 1
            continue
        break
    while words and (words[-1] in w.joiners or words[-1] in w.points):
        words.pop()  # "twenty and": the joiner belongs to what follows
    for size in range(len(words), 1, -1):
        value = _value(words[:size], w)
        if value is not None:
            return i + size, value
    return i, None


def _value(words: list[str], w: _Words) -> str | None:
    """The digits ``words`` say, or None when they are no single number ("one two three")."""
    groups: list[int] = []  # year-style groups: "nineteen | ninety-six"
    total = current = 0
    decimals = ""
    in_decimals = scaled = False
    ordinal = False
    for k, word in enumerate(words):
        if word in w.ordinals and word not in w.units:
            # "twenty-ninth": only as the last word after a round ten ("one second" is no 3rd)
            if k != len(words) - 1 or current < 20 or current % 10:
                return None
            current += w.ordinals[word]
            ordinal = True
        elif word in w.joiners:
            # "two thousand and eight", "noventa y seis": after a scale or a round ten only
            after_scale = k > 0 and words[k - 1] in w.scales
            after_ten = current >= 20 and current % 10 == 0 and current % 100 != 0
            if not (after_scale or after_ten):
                return None
        elif word in w.points:
            if in_decimals or not current:
                return None
            in_decimals = True
        elif word in w.scales:
            scale = w.scales[word]
            if in_decimals:
                number = float(f"{current}.{decimals}") * scale
                if number != int(number):
                    return None
                total, current, decimals, in_decimals = total + int(number), 0, "", False
            elif scale >= 1000:
                total, current = (total + (current or 1)) * scale, 0
            else:
                current = (current or 1) * scale
            scaled = True
        else:
            value = w.units[word]
            if in_decimals:
                if value > 9:
                    return None
                decimals += str(value)
                continue
            adds = (current % 100 == 0 and value < 100 and (current or total or not groups)) or (
                current >= 20 and current % 10 == 0 and current % 100 != 0 and value < 10
            )
            if current == 0 and not groups:
                current = value
            elif adds and current:
                current += value
            elif not scaled and 10 <= current < 100 and value >= 10:
                groups.append(current)  # "nineteen ninety…": a year said in two halves
                current = value
            elif total and current == 0:
                current = value
            else:
                return None
    if in_decimals:
        return None
    if groups:
        if len(groups) != 1 or scaled or current >= 100:
            return None
        return f"{groups[0] * 100 + current}"
    number = total + current
    return f"{number}{_suffix(number)}" if ordinal else str(number)


def _suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
