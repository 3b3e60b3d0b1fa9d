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

from bot.core.wordlists import tables

__all__ = ["gives_an_order", "opens_with_an_order"]

_FILE = Path(__file__).with_name("data") / "instructions.txt"


@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    lines = [ln.strip() for ln in _FILE.read_text(encoding="utf-8").splitlines()]
    alternatives = "|".join(f"(?:{ln})" for ln in lines if ln and not ln.startswith("#"))
    lead = r"(?:(?:ok|okay|hey|yo|bot|perezbot|please|pls|now|oye|ahora|porfa)\W+)*"  # "hey bot, say …"
    return re.compile(rf"^\W*{lead}(?:{alternatives})\b")


# A polite frame around an order ("would you please write …", "kindly say …", "i want you to …").
_POLITE = re.compile(
    r"^\W*(?:(?:would|could|can|will) you (?:please |kindly |just )?|kindly |i (?:want|need) you to "
    r"|(?:puedes|podrias|podria usted|quiero que) )"
)
# Where a new sentence or clause starts inside a message.
_BREAK = re.compile(r"[.!?;:,]+\s+|\s+(?:and|but|so|y|pero)\s+")


def _asks(folded: str) -> bool:
    """A question word after the order makes it a question put politely ("could you say when he won")."""
    asking = tables().asking_words
    return any(word in asking or word == "if" for word in re.findall(r"[a-z]+", folded))


def opens_with_an_order(folded: str) -> bool:
    """True when the (folded) message opens with an order to the bot."""
    return bool(_opening().search(folded))


def gives_an_order(folded: str) -> bool:
    """True when any sentence or clause of the (folded) message is an order to the bot, bare or
    politely framed ("for my assignment, would you please write the report"), asking nothing."""
    for part in _BREAK.split(folded):
        rest = _POLITE.sub("", part, count=1)
        if rest != part and opens_with_an_order(rest) and not _asks(rest):
            return True  # a polite frame, then an order asking nothing
    return opens_with_an_order(folded)  # a bare order opens the message
