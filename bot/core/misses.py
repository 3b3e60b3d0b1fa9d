"""Group near-identical unanswered questions so a curator sees what people keep asking.

Pure and deterministic: the input is a list of :class:`Miss` records (from the questions log),
the output a list of :class:`MissGroup`, most frequent first. Two misses fall in one group when
their normalised texts are equal or nearly so (a typo, a question mark, swapped words), never
merely because one contains the other ("born" and "when was pérez born" stay apart).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.fold import fold

__all__ = ["DEFAULT_THRESHOLD", "Miss", "MissGroup", "group_misses", "normalise"]

# token_sort_ratio ≥ 85 joins "when was he borm" with "when was he born" (and word swaps) but keeps
# "how tall is he" apart from "how old is he".
DEFAULT_THRESHOLD = 85.0
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Miss:
    """One recorded question the bot could not answer outright."""

    text: str
    lang: str
    status: str  # "unknown" or "ambiguous"
    best_fact_id: str | None = None
    score: float | None = None
    asked_at: str = ""  # ISO 8601, UTC


@dataclass(frozen=True, slots=True)
class MissGroup:
    """Near-identical misses: how often, how they were worded, what came closest."""

    text: str  # the most frequent wording
    count: int
    variants: tuple[str, ...]  # other wordings, most frequent first
    langs: tuple[str, ...]
    statuses: tuple[tuple[str, int], ...]
    best_fact_id: str | None  # the candidate most often closest
    best_score: float | None  # the highest score that candidate reached
    first_seen: str
    last_seen: str


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: ``¿Cuándo NACIÓ?`` → ``cuando nacio``."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).replace("_", " ").split())


@dataclass
class _Bucket:
    key: str
    misses: list[Miss]


def group_misses(misses: Iterable[Miss], *, threshold: float = DEFAULT_THRESHOLD) -> list[MissGroup]:
    """Group ``misses`` by near-identical wording; the largest (then most recent) group first."""
    exact: dict[str, list[Miss]] = {}
    for miss in misses:
        key = normalise(miss.text)
        if key:
            exact.setdefault(key, []).append(miss)
    # The most frequent wording of a cluster becomes its representative: visit frequent ones first.
    order = sorted(exact, key=lambda k: (-len(exact[k]), k))
    buckets: list[_Bucket] = []
    keys: list[str] = []
    for key in order:
        found = process.extractOne(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=threshold) if keys else None
        if found is None:
            buckets.append(_Bucket(key, list(exact[key])))
            keys.append(key)
        else:
            buckets[found[2]].misses.extend(exact[key])
    groups = [_summarise(bucket.misses) for bucket in buckets]
    groups.sort(key=lambda g: (-g.count, _neg(g.last_seen), g.text))
    return groups


def _neg(iso: str) -> tuple[int, ...]:
    """Sort key putting later timestamps first."""
    return tuple(-ord(ch) for ch in iso)


def _summarise(misses: list[Miss]) -> MissGroup:
    wordings = Counter(" ".join(m.text.split()) for m in misses)
    ranked = sorted(wordings, key=lambda w: (-wordings[w], w))
    langs = Counter(m.lang for m in misses)
    statuses = Counter(m.status for m in misses)
    candidates = Counter(m.best_fact_id for m in misses if m.best_fact_id)
    best = min(candidates, key=lambda f: (-candidates[f], f)) if candidates else None
    scores = [m.score for m in misses if m.best_fact_id == best and m.score is not None]
    times = sorted(m.asked_at for m in misses)
    return MissGroup(
        text=ranked[0],
        count=len(misses),
        variants=tuple(ranked[1:]),
        langs=tuple(sorted(langs, key=lambda lang: (-langs[lang], lang))),
        statuses=tuple(sorted(statuses.items(), key=lambda item: (-item[1], item[0]))),
        best_fact_id=best,
        best_score=max(scores) if scores else None,
        first_seen=times[0],
        last_seen=times[-1],
    )
