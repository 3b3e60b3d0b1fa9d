"""The one accent folding of the project: matcher, evaluation, misses and scripts all use it."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["fold"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


@lru_cache(maxsize=16)  # small on purpose: it serves the steps of one question, not a results cache
def fold(text: str) -> str:
    """Casefold and strip accents (``Pérez`` → ``perez``); quotes made plain. Memoised: one
    question is folded by several steps."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES).casefold())
    if text.isascii():
        return text
    return "".join(ch for ch in text if not unicodedata.combining(ch))
