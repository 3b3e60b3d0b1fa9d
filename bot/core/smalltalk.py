"""Small talk: greetings, thanks, "who are you", "help" — a message that is only that."""

from __future__ import annotations

import re

from bot.core.fold import fold
from bot.core.text import Analysis

__all__ = ["smalltalk_kind"]

_SMALLTALK = (
    ("thanks", re.compile(r"^(thanks?( you)?|thank u|thx|ty|tysm|cheers|gracias|muchas gracias|mil gracias)\b")),
    (
        "identity",
        re.compile(r"^(who|what) are you\b|^(quien|que) eres\b|^what is perezbot|^are you a bot|^eres un bot"),
    ),
    ("help", re.compile(r"^(help|ayuda|commands|comandos|how do i use (you|this)|what can you do|que puedes hacer)\b")),
    (
        "greeting",
        re.compile(
            r"^(hi+|hello+|hey+|hola+|buenas|buenos dias|buenas tardes|buenas noches|good (morning|afternoon|evening)"
            r"|howdy|sup|yo|hiya|greetings|saludos|que tal|ola)\b"
        ),
    ),
)
_SMALLTALK_FILLER = frozenset(
    (
        "hi hello hey hola buenas there bot perezbot thanks thank you thx ty so much a lot gracias muchas mil "
        "who what are you is eres quien que help ayuda commands comandos good morning afternoon evening day "
        "dias tardes noches howdy sup yo hiya greetings saludos tal ola everyone all guys man bro amigo "
        "please pls can do use how i this cheers tysm perez jefferson a bot best great awesome amazing cool nice goat "
        "crack genio the youre re ur u r very lol xd"
    ).split()
)


def smalltalk_kind(question: str, analysis: Analysis | None = None) -> str | None:
    """greeting / thanks / identity / help when the message is only that, else None.

    "thanks crack" and "hola amigos!!" are small talk: after the greeting, nothing the fact
    base knows is asked.
    """
    text = " ".join(re.findall(r"[a-z0-9]+", fold(question)))
    for kind, pattern in _SMALLTALK:
        if pattern.search(text):
            rest = [w for w in text.split() if w not in _SMALLTALK_FILLER]
            if not rest:
                return kind
            known = set(analysis.tokens) - analysis.unknown if analysis is not None else {None}
            if not known and len(rest) <= 3:
                return kind
    return None
