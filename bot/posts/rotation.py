"""A server's daily fact rotation: shuffled, nothing repeated until every fact has been shown.

Pure and deterministic: a :class:`Rotation` is a value (stored as JSON per server), and every
function takes the fact ids that exist *now*, so a reload is handled where it matters:

* a fact added by a reload joins the current cycle (it is appended to its order);
* a fact removed by a reload is skipped (and no longer counted);
* when every live fact of the cycle has been shown, the next cycle is a fresh shuffle (seeded by
  the server and the cycle number) that keeps the facts shown last away from its start, so the
  same fact never comes two days running, not even across a reshuffle.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

__all__ = ["Rotation", "fresh", "next_fact", "position", "progress", "show"]


@dataclass(frozen=True, slots=True)
class Rotation:
    seed: str
    cycle: int = 0  # 0: not started
    order: tuple[str, ...] = ()  # this cycle's order
    shown: tuple[str, ...] = ()  # shown in this cycle, in order
    last: str | None = None  # the last fact shown (any cycle)

    def to_json(self) -> str:
        return json.dumps(
            {"seed": self.seed, "cycle": self.cycle, "order": self.order, "shown": self.shown, "last": self.last}
        )

    @classmethod
    def from_json(cls, text: str) -> Rotation:
        data = json.loads(text)
        return cls(
            seed=str(data["seed"]),
            cycle=int(data.get("cycle", 0)),
            order=tuple(data.get("order", ())),
            shown=tuple(data.get("shown", ())),
            last=data.get("last"),
        )


def fresh(seed: str | int) -> Rotation:
    """A server's rotation before its first post."""
    return Rotation(seed=str(seed))


def _shuffle(seed: str, cycle: int, ids: Sequence[str], before: Sequence[str]) -> tuple[str, ...]:
    """A seeded shuffle of ``ids`` that keeps facts shown late in the previous cycle (``before``)
    away from the start of this one: a fact comes back no sooner than about two thirds of a
    cycle later, so a fortnight of posts never repeats and no fact comes two days running."""
    pool = sorted(ids)
    random.Random(f"{seed}:{cycle}").shuffle(pool)
    gap = max(2, (2 * len(pool)) // 3)
    since = {fact: len(before) - i for i, fact in enumerate(before)}  # 1: shown last
    order: list[str] = []
    while pool:
        position = len(order)
        chosen = next((f for f in pool if position + since.get(f, gap) >= gap), pool[0])
        pool.remove(chosen)
        order.append(chosen)
    return tuple(order)


def _ready(rotation: Rotation, ids: Sequence[str]) -> Rotation:
    """The rotation with the live facts merged in, on a cycle that still has something to show."""
    live = set(ids)
    if rotation.cycle > 0:
        joined = tuple(sorted(live - set(rotation.order)))
        if joined:  # added by a reload: they join this cycle, in a seeded order
            extra = list(joined)
            random.Random(f"{rotation.seed}:{rotation.cycle}:joined:{len(rotation.order)}").shuffle(extra)
            rotation = replace(rotation, order=rotation.order + tuple(extra))
        if any(i in live and i not in rotation.shown for i in rotation.order):
            return rotation
    cycle = rotation.cycle + 1
    before = rotation.shown or ((rotation.last,) if rotation.last else ())
    return replace(rotation, cycle=cycle, order=_shuffle(rotation.seed, cycle, ids, before), shown=())


def next_fact(rotation: Rotation, ids: Sequence[str]) -> str | None:
    """The fact the next post shows (None when there are no facts at all)."""
    if not ids:
        return None
    ready = _ready(rotation, ids)
    live = set(ids)
    return next(i for i in ready.order if i in live and i not in ready.shown)


def show(rotation: Rotation, ids: Sequence[str], fact_id: str) -> Rotation:
    """The rotation after ``fact_id`` was posted (normally :func:`next_fact`'s answer)."""
    if not ids:
        return replace(rotation, last=fact_id)
    ready = _ready(rotation, ids)
    if fact_id in ready.order and fact_id not in ready.shown:
        ready = replace(ready, shown=(*ready.shown, fact_id))
    return replace(ready, last=fact_id)


def progress(rotation: Rotation, ids: Sequence[str]) -> tuple[int, int]:
    """(shown, total) in the current cycle, counting only live facts: "12 of 24 facts shown"."""
    live = set(ids)
    if rotation.cycle == 0:
        return 0, len(live)
    return min(sum(1 for i in rotation.shown if i in live), len(live)), len(live)


def position(rotation: Rotation, ids: Sequence[str]) -> tuple[int, int]:
    """(n, total) for the fact the next post shows: "Fact n of total"."""
    ready = _ready(rotation, ids) if ids else rotation
    live = set(ids)
    return sum(1 for i in ready.shown if i in live) + 1, len(live)
