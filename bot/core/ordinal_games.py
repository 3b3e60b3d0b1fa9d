"""His n-th Olympics, or the Games after or before another, named by its year: "how did he do at
his second Olympics?" is about 1996, "the Olympics before Beijing" about 2004.

The article dates his Olympic career by its ends and its count ("five Olympic Games, from 1992 to
2008"); the Games in between follow the four-year cycle. A question counting his Games ("his third
Olympics", "sus segundos Juegos Olímpicos", "his second-to-last Games") is read as the one naming
that year, so the fact about that year answers it — not the fact the ordinal's words lean to
(without this, "second" drew his silver). A count of medals or titles ("his first Olympic medal")
is no count of Games and is left as written. So are the Games next to another: "the next Olympics
after his gold", "the Games right before Beijing", "los Juegos después de Atlanta" — when the other
names one Games (a year, a place, the medal won there).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.lazyre import lazy

__all__ = ["GAMES", "OLYMPIC_CYCLE", "games_named", "olympic_years"]

OLYMPIC_CYCLE = 4  # years between two Summer Games

# Which of his Games an ordinal picks (from 0; -2 the one before the last). "First" and "last" are
# not here: the series' own fact answers those ("was Atlanta his first Olympics?" checks 1992).
_PICKS = (
    (r"second[- ]to[- ]last|penultimate|pen[uú]ltim[oa]s?", -2),
    (r"second|2nd|segund[oa]s?", 1),
    (r"third|3rd|tercer[oa]?s?", 2),
    (r"fourth|4th|cuart[oa]s?", 3),
    (r"fifth|5th|quint[oa]s?", 4),
)
# The Games named as events ("Olympics", "Games", "Juegos", "olimpics"), not a word for a medal
# or an event ("an Olympic medal", "the Olympic walk"); written or folded.
GAMES = r"(?:olympic\s+games|ol[iy]mpics|olympiads?|games|juegos(?:\s+ol[ií]mpicos)?|olimpiadas?|ol[ií]mpicos)"
# What a count of something else names after the Games' word ("his first Olympic medal").
_NOT_GAMES = (
    r"(?!\s+(?:medals?|golds?|silvers?|titles?|wins?|victor(?:y|ies)|podiums?|races?|finals?|medallas?|oros?|platas?))"
)
_ORDINAL_GAMES_RE = lazy(
    r"\b(?P<ordinal>" + "|".join(f"(?:{p})" for p, _ in _PICKS) + r")\s+" + f"(?P<games>{GAMES})\\b{_NOT_GAMES}",
    re.IGNORECASE,
)
_ARTICLE = r"(?:(?:the|his|that|el|la|los|las|su|sus)\s+)?"
_AFTER = r"after|following|despu[eé]s\s+de(?:l)?|tras"
_BEFORE = r"before|antes\s+de(?:l)?"
# "the next Olympics after his gold", "los siguientes Juegos después de Atlanta"
_NEXT_RE = lazy(
    r"\b(?:next|following|subsequent|siguientes?|pr[oó]xim[oa]s?)\s+" + f"(?P<games>{GAMES})"
    + rf"(?:\s+(?:siguientes?|pr[oó]xim[oa]s?))?\s+(?:{_AFTER})\s+{_ARTICLE}(?P<other>[\w']+)",
    re.IGNORECASE,
)
# "the Olympics (right) before Beijing", "the Games that came after Atlanta"
_BESIDE_RE = lazy(
    f"(?P<games>{GAMES})" + r"\s+(?:(?:that\s+|which\s+)?(?:came|come|were|was|que\s+vinieron)\s+)?"
    r"(?:right\s+|just\s+|immediately\s+|justo\s+|inmediatamente\s+)?"
    + rf"(?P<side>{_AFTER}|{_BEFORE})\s+{_ARTICLE}(?P<other>[\w']+)",
    re.IGNORECASE,
)
# Words before the Games that make them several ("his Olympics after Atlanta", "the two Games").
_PLURAL = frozenset("his all both two three four 2 3 4 sus todos todas ambos dos tres cuatro".split())
_COUNTING_RE = lazy(r"\b(?:how many|counting|count|cu[aá]nt[oa]s)\b", re.IGNORECASE)
_AFTER_RE = lazy(rf"^(?:{_AFTER})$", re.IGNORECASE)
# Words without which no Games are named: most messages need no pattern at all.
_GAMES_STEMS = ("olymp", "olimp", "olímp", "games", "juegos")
_PICK_RES = tuple((lazy(f"^(?:{p})$", re.IGNORECASE), k) for p, k in _PICKS)


def _pick(ordinal: str) -> int:
    """Which of his Games ``ordinal`` names (0 the first; -2 the one before the last)."""
    return next(k for pattern, k in _PICK_RES if pattern.match(ordinal))


def games_named(text: str, years: tuple[int, ...], year_of: Callable[[str], int | None] = lambda _: None) -> str:
    """``text`` with each ordinal of his Games replaced by the Games' year ("his third Olympics" →
    "his 2000 Olympics"), and each Games named as next to another whose year ``year_of`` tells
    ("the Olympics before Beijing" → "2004 Olympics"); unchanged when it names none or ``years``
    is empty."""
    lowered = text.lower()
    if not years or not any(stem in lowered for stem in _GAMES_STEMS):
        return text

    def counted(match: re.Match[str]) -> str:
        k = _pick(match.group("ordinal"))
        if not -len(years) <= k < len(years):
            return match.group(0)  # "his sixth Olympics": he went to five
        return f"{years[k]} {match.group('games')}"

    def beside(step: int) -> Callable[[re.Match[str]], str]:
        def named(match: re.Match[str]) -> str:
            before = match.string[: match.start()].lower().split()[-3:]
            if _PLURAL.intersection(before):
                return match.group(0)  # "all three of his Olympics after Atlanta": every one, not the next
            other = year_of(match.group("other"))
            if other not in years:
                return match.group(0)
            k = years.index(other) + (step or (1 if _AFTER_RE.match(match.group("side")) else -1))
            return f"{years[k]} {match.group('games')}" if 0 <= k < len(years) else match.group(0)

        return named

    text = _ORDINAL_GAMES_RE.sub(counted, text)
    text = _NEXT_RE.sub(beside(1), text)
    if _COUNTING_RE.search(text):
        return text  # "how many Olympics after his gold": every one of them, not the next
    return _BESIDE_RE.sub(beside(0), text)


def olympic_years(first: int, last: int) -> tuple[int, ...]:
    """Every Summer Games year from ``first`` to ``last``, by the four-year cycle."""
    return tuple(range(first, last + 1, OLYMPIC_CYCLE))
