"""Grade a question set (the ``shared/eval`` schema) against an :class:`Engine`.

Schema: a YAML list of ``{q, expect, lang, style}`` and an optional ``context``: the earlier
messages of the same conversation, asked first, so that ``q`` may be a follow-up. ``expect`` is a
list of groups: the answer (lowercased, accents stripped) must contain one alternative of every
group; ``null`` means out of scope: the bot must not answer.

Besides the right shares, a report gives the WRONG-answer rate (of all questions, the share
answered with a fact that is not right) and a calibration table (confidence bucket → share right).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import yaml

from bot.core.conversation import Turn
from bot.core.engine import Engine
from bot.core.fold import fold
from bot.core.render import Reply
from bot.core.results import MatchResult, Status

__all__ = ["CALIBRATION_BUCKETS", "Graded", "Report", "ask_in_context", "grade", "load_questions"]

CALIBRATION_BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # lower bounds; the last closes 90–100 %


@dataclass(frozen=True, slots=True)
class Graded:
    question: str
    style: str
    in_scope: bool
    ok: bool
    status: str
    fact_ids: tuple[str, ...]
    answer: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Report:
    graded: tuple[Graded, ...]

    def _rate(self, in_scope: bool) -> tuple[int, int]:
        rows = [g for g in self.graded if g.in_scope == in_scope]
        return sum(g.ok for g in rows), len(rows)

    @property
    def in_scope(self) -> tuple[int, int]:
        return self._rate(True)

    @property
    def out_of_scope(self) -> tuple[int, int]:
        return self._rate(False)

    def by_style(self) -> dict[str, tuple[int, int]]:
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for g in self.graded:
            table[g.style][0] += g.ok
            table[g.style][1] += 1
        return {k: (v[0], v[1]) for k, v in table.items()}

    def misses(self) -> list[Graded]:
        return [g for g in self.graded if not g.ok]

    @property
    def wrong(self) -> tuple[int, int]:
        """Questions answered with a fact that is not right, of all questions."""
        return sum(g.status == Status.ANSWERED and not g.ok for g in self.graded), len(self.graded)

    def calibration(self) -> list[tuple[float, float, int, int]]:
        """(low, high, right, answered) per confidence bucket of the answered questions."""
        rows = []
        for low, high in pairwise(CALIBRATION_BUCKETS):
            inside = [g for g in self.graded if g.status == Status.ANSWERED and low <= g.confidence < high]
            rows.append((low, min(high, 1.0), sum(g.ok for g in inside), len(inside)))
        return rows


def load_questions(path: Path) -> list[dict]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of questions")
    for i, item in enumerate(data):
        if not isinstance(item, dict) or "q" not in item or "expect" not in item:
            raise ValueError(f"{path}: item {i + 1} needs q and expect")
        context = item.get("context")
        if context is not None and not isinstance(context, list):
            raise ValueError(f"{path}: item {i + 1}: context must be a list of earlier messages")
    return data


def ask_in_context(engine: Engine, question: str, context: Iterable[object] = ()) -> tuple[MatchResult, Reply]:
    """Ask the earlier messages of a conversation in order, then ``question`` as their follow-up."""
    previous: Turn | None = None
    for earlier in context:
        result, _ = engine.ask(str(earlier), previous=previous)
        previous = engine.turn(result) or previous
    return engine.ask(question, previous=previous)


def is_right(answer: str | None, expect: list[list[str]] | None, status: str) -> bool:
    """The grading rule: in scope needs every group matched; out of scope needs no answer."""
    if expect is None:
        return status != Status.ANSWERED
    if status != Status.ANSWERED or not answer:
        return False
    folded = fold(answer)
    return all(any(fold(alt) in folded for alt in group) for group in expect)


def grade(engine: Engine, questions: Iterable[dict]) -> Report:
    graded = []
    for item in questions:
        result, _ = ask_in_context(engine, str(item["q"]), item.get("context") or ())
        answer = result.answer_text()
        graded.append(
            Graded(
                question=str(item["q"]),
                style=str(item.get("style", "")),
                in_scope=item["expect"] is not None,
                ok=is_right(answer, item["expect"], result.status),
                status=str(result.status),
                fact_ids=tuple(c.fact.id for c in result.answers) or tuple(c.fact.id for c in result.suggestions[:1]),
                answer=answer,
                confidence=result.confidence,
            )
        )
    return Report(tuple(graded))
