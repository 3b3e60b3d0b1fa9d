"""The decision rule: is the best-scoring fact the answer? One logistic model, stated here.

Its inputs describe the best fact's score and its lead over the runner-up; its output is the
probability that the best fact is a right answer — the confidence users see. The weights are fit by
``scripts/fit_decision.py`` on every question set we have (leave-one-set-out cross-validation
reported there) and pasted below; nothing else in the matcher decides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["ANSWER_AT", "FEATURES", "Evidence", "probability", "probability_of"]

# Answer when the probability of being right is at least this; below it, decline (and suggest).
ANSWER_AT = 0.7
FEATURES = (
    "bias",
    "coverage",
    "gap",
    "evidence",
    "strong_missing",
    "matched",
    "similarity",
    "unknown",
    "strict",
    "strict_uncovered",
    "strong_any",
)
WEIGHTS = (-7.515, 4.2, 1.49, 0.598, 0.309, 0.662, 3.699, 0.875, -2.014, 1.104, -2.301)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the rule sees of one question's best fact."""

    coverage: float  # share of the question's weight the fact explains
    gap: float  # its rank's lead over the runner-up
    evidence: float  # idf weight of the question words it explains
    strong_missing: float  # weight of places, people, numbers, question words it lacks
    matched: int  # topic words it matches
    similarity: float  # closeness to its nearest phrasing
    unknown: int  # question words no fact knows
    strict: bool  # the question is about someone else, or names a new thing

    def vector(self) -> tuple[float, ...]:
        return (
            1.0,
            self.coverage,
            min(self.gap, 1.0),
            math.log1p(self.evidence),
            min(self.strong_missing, 6.0),
            min(self.matched, 4),
            self.similarity,
            min(self.unknown, 4),
            float(self.strict),
            float(self.strict) * (1.0 - self.coverage),  # a new name the fact leaves unexplained
            float(self.strong_missing > 0),  # any place, person, number or question word it lacks
        )


def probability(evidence: Evidence) -> float:
    """P(the best fact is a right answer)."""
    return probability_of(evidence.vector(), WEIGHTS)  # read at call time: the CV swaps them


def probability_of(vector: tuple[float, ...], weights: tuple[float, ...] = WEIGHTS) -> float:
    z = sum(w * x for w, x in zip(weights, vector, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
