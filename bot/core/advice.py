"""Requests for advice to the asker ("how do I get into race walking?", "any tips?", "recomiéndame…"),
and for speculation: what might have been ("would he have won if…?") or the bot's opinion — a
message asking either is declined whole (its condition, "if Markov had caught him in Atlanta", is
no question of its own).

The article tells what he did, never what the asker should do: such a request is, like an order to
the bot (:mod:`bot.core.instructions`), a thing no fact explains. The matcher reads it as one, so it
is declined unless a clear question about him follows. The patterns live in ``data/advice.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["asks_advice", "speculates"]

_DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=2)
def _pattern(name: str) -> re.Pattern[str]:
    lines = [ln.strip() for ln in (_DATA / name).read_text(encoding="utf-8").splitlines()]
    return re.compile("|".join(f"(?:{ln})" for ln in lines if ln and not ln.startswith("#")))


def asks_advice(folded: str) -> bool:
    """True when the (folded) message asks advice for the asker."""
    return bool(_pattern("advice.txt").search(folded))


# Words without which no pattern of ``speculation.txt`` can match: most messages need none read.
_SPECULATION_WORDS = ("if ", "si ", "habri", "hubie", "opinion", "right call", "would ", "'d ", "ganaria")


def speculates(folded: str) -> bool:
    """True when the (folded) message asks what might have been, or the bot's opinion
    (``data/speculation.txt``): no fact tells either."""
    if not any(word in folded for word in _SPECULATION_WORDS):
        return False
    return bool(_pattern("speculation.txt").search(folded))
