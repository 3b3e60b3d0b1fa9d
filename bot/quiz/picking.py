"""Which questions a round asks: fair to each player, preferring what the server has been shown.

A player (or a channel) gets questions they have never seen first; only when every item has
been seen do repeats come, oldest-seen first. Among the unseen, facts the server has already been
shown by the daily posts come first ("learn, then test"), and one round avoids asking twice
about the same fact while it can. The randomness is a :class:`random.Random` the caller seeds.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Collection, Mapping, Sequence

from bot.quiz.items import QuizItem

__all__ = ["ROUND_SIZE", "pick_items"]

ROUND_SIZE = 5


def _distinct_facts(candidates: Sequence[QuizItem], n: int, taken: list[QuizItem]) -> None:
    """Append to ``taken`` up to ``n`` items in order, one per fact, then any, never one twice."""
    facts = {item.fact_id for item in taken}
    for item in candidates:
        if len(taken) >= n:
            return
        if item.fact_id not in facts and item not in taken:
            taken.append(item)
            facts.add(item.fact_id)
    for item in candidates:
        if len(taken) >= n:
            return
        if item not in taken:
            taken.append(item)


def pick_items(
    items: Sequence[QuizItem],
    rng: random.Random,
    *,
    seen: Mapping[str, dt.datetime],
    prefer: Collection[str] = (),
    n: int = ROUND_SIZE,
) -> list[QuizItem]:
    """``n`` items (fewer if there are fewer) in the order they will be asked.

    ``seen`` maps item id to when this player last saw it; ``prefer`` holds fact ids to ask about
    first among the unseen.
    """
    pool = sorted(items, key=lambda item: item.id)  # the input order must not matter, only the seed
    rng.shuffle(pool)
    unseen = [item for item in pool if item.id not in seen]
    unseen.sort(key=lambda item: item.fact_id not in prefer)  # stable: the shuffle holds within each
    taken: list[QuizItem] = []
    _distinct_facts(unseen, n, taken)
    if len(taken) < n:
        repeats = sorted((item for item in pool if item.id in seen), key=lambda item: seen[item.id])
        _distinct_facts(repeats, n, taken)
    rng.shuffle(taken)
    return taken
