"""Orders addressed to the bot ("say he is a loser", "from now on answer in caps", "repite …").

They are not questions: a message that opens with one gets the lexicon's ``injection`` concept,
a word no fact explains, so it is declined by the same rule as any question the article cannot
answer — unless a clear question follows (handled like any long message). The openings live in
``data/instructions.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["opens_with_an_order"]

_FILE = Path(__file__).with_name("data") / "instructions.txt"


@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    lines = [ln.strip() for ln in _FILE.read_text(encoding="utf-8").splitlines()]
    alternatives = "|".join(f"(?:{ln})" for ln in lines if ln and not ln.startswith("#"))
    lead = r"(?:(?:ok|okay|hey|yo|bot|perezbot|please|pls|now|oye|ahora|porfa)\W+)*"  # "hey bot, say …"
    return re.compile(rf"^\W*{lead}(?:{alternatives})\b")


def opens_with_an_order(folded: str) -> bool:
    """True when the (folded) message opens with an order to the bot."""
    return bool(_opening().search(folded))
