"""Claims are questions: "my cousin says the pilgrimage was like 1000 km" asks to be checked.

The openings that make a statement a claim ("i heard", "pretty sure", "me dijeron que") live in
``data/claims.txt``; the words that compare or check a value ("longer", "before", "más") in
``data/compare.txt``. Both are general language, read once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["claim_of", "comparison_words"]

_DATA = Path(__file__).with_name("data")
_ASKS_AFTER = re.compile(r"(?:^|[,;:]\s*)(?:what|how|who|where|why|which|que|como|quien|donde|cual|por que)\b")
_OPENING_WITHIN = 60  # the opening must start within this many characters of the message's start


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{line})" for line in _lines("claims.txt"))
    return re.compile(rf"^(?P<pre>.{{0,{_OPENING_WITHIN}}}?)\b(?:{alternatives})\b[\s,:]*(?:that\b|que\b)?\s*")


@lru_cache(maxsize=1)
def comparison_words() -> frozenset[str]:
    """Folded words that compare or check a value."""
    return frozenset(word for line in _lines("compare.txt") for word in line.split())


def claim_of(folded: str) -> str | None:
    """The claim a message checks ("the pilgrimage was like 1000 km"), or None when it has no
    opening such as "my cousin says" or "pretty sure". ``folded`` is lowercase, accents stripped."""
    found = _opening().search(folded)
    if found is None:
        return None
    claim = folded[found.end() :].strip()
    if _ASKS_AFTER.search(claim):
        return None  # "according to the caption, what happened …": a question with a source, not a claim
    return claim if len(claim.split()) >= 2 else None
