"""His n-th Olympics named by its year: "how did he do at his second Olympics?" is about 1996.

The article dates his Olympic career by its ends and its count ("five Olympic Games, from 1992 to
2008"); the Games in between follow the four-year cycle. A question counting his Games ("his third
Olympics", "sus segundos Juegos Olímpicos", "his second-to-last Games") is read as the one naming
that year, so the fact about that year answers it — not the fact the ordinal's words lean to
(without this, "second" drew his silver). A count of medals or titles ("his first Olympic medal")
is no count of Games and is left as written.
"""

from __future__ import annotations

import re

from bot.core.lazyre import lazy

__all__ = ["OLYMPIC_CYCLE", "games_named"]

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
_GAMES = r"(?:olympic\s+games|olympics|olympiads?|games|juegos(?:\s+ol[ií]mpicos)?|olimpiadas?|ol[ií]mpicos)"
# What a count of something else names after the Games' word ("his first Olympic medal").
_NOT_GAMES = (
    r"(?!\s+(?:medals?|golds?|silvers?|titles?|wins?|victor(?:y|ies)|podiums?|races?|finals?|medallas?|oros?|platas?))"
)
_ORDINAL_GAMES_RE = lazy(
    r"\b(?P<ordinal>" + "|".join(f"(?:{p})" for p, _ in _PICKS) + r")\s+" + f"(?P<games>{_GAMES})\\b{_NOT_GAMES}",
    re.IGNORECASE,
)
_PICK_RES = tuple((re.compile(f"^(?:{p})$", re.IGNORECASE), k) for p, k in _PICKS)


def _pick(ordinal: str) -> int:
    """Which of his Games ``ordinal`` names (0 the first; -2 the one before the last)."""
    return next(k for pattern, k in _PICK_RES if pattern.match(ordinal))


def games_named(text: str, years: tuple[int, ...]) -> str:
    """``text`` with each ordinal of his Games replaced by the Games' year ("his third Olympics" →
    "his 2000 Olympics"); unchanged when it counts none or ``years`` is empty."""
    if not years:
        return text

    def named(match: re.Match[str]) -> str:
        k = _pick(match.group("ordinal"))
        if not -len(years) <= k < len(years):
            return match.group(0)  # "his sixth Olympics": he went to five
        return f"{years[k]} {match.group('games')}"

    return _ORDINAL_GAMES_RE.sub(named, text)


def olympic_years(first: int, last: int) -> tuple[int, ...]:
    """Every Summer Games year from ``first`` to ``last``, by the four-year cycle."""
    return tuple(range(first, last + 1, OLYMPIC_CYCLE))
