"""How the matcher uses the scores: the fixed thresholds the matcher and its claim checks share.

scoring.py weighs words and decision.py is the one fitted rule; these few hand-set bounds say
when a fact explains enough of a question, when the best fact is clear of the runner-up, and
when a sibling or a second clause may answer too. One place, so both read them the same way.
"""

from __future__ import annotations

import math

__all__ = ["COMMON_IDF", "MARGIN", "MIN_COVERAGE", "MIN_EVIDENCE", "PART_MIN_COVERAGE", "RERANK_WITHIN"]

MIN_COVERAGE = 0.72  # share of the question's weight the fact must explain
MIN_EVIDENCE = 1.2  # at least one reasonably specific token must match
MARGIN = 0.05  # the best must beat the runner-up by this much, else ambiguous
PART_MIN_COVERAGE = 0.85  # a second clause must be this clear to add a second answer
RERANK_WITHIN = 0.3  # a sibling this close to the best that holds what is asked answers instead
COMMON_IDF = math.log(3) - 1e-9  # the idf of a word half the facts hold; "win", "race" are commoner
