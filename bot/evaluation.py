"""Grade a question set (the ``shared/eval`` schema) against an :class:`Engine`.

Schema: a YAML list of ``{q, expect, lang, style}``. ``expect`` is a list of groups: the answer
(lowercased, accents stripped) must contain one alternative of every group; ``null`` means out of
scope: the bot must not answer.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.core.engine import Engine
from bot.core.results import Status

__all__ = ["Graded", "Report", "grade", "load_questions"]


def fold(text: str) -> str:
    """Lowercase and strip accents, as the grading rule says."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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


def load_questions(path: Path) -> list[dict]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of questions")
    for i, item in enumerate(data):
        if not isinstance(item, dict) or "q" not in item or "expect" not in item:
            raise ValueError(f"{path}: item {i + 1} needs q and expect")
    return data


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
        result, _ = engine.ask(str(item["q"]))
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
