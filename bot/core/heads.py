"""What a "who/what is the …" question asks about: the head noun of its noun phrase.

"who's the best ecuadorian footballer ever?" asks about a footballer; "what was the name of the
race…" about a name. When that noun is a word no fact knows (and no everyday one), the question
asks about a kind of thing the article does not cover, however well its other words ("best",
"Ecuador") fit a fact.
"""

from __future__ import annotations

from bot.core.lazyre import lazy

__all__ = ["counted_noun", "head_noun"]

# "who is the (best …) X", "what's the X", "which was the X": up to three modifiers, then the noun,
# ended by a preposition, a relative word, "ever", punctuation or the end.
_HEAD_RE = lazy(
    r"\b(?:who|what|which)\s*(?:is|was|are|were|s|'s)?\s+(?:the|a|an)\s+"
    r"((?:[a-z]+\s+){0,3}?[a-z]+)"
    r"(?=\s+(?:ever|of|in|from|at|on|for|to|who|that|which|he|of all|alive|today|now|right now)\b|\s*[?!.,]|\s*$)"
)


def head_noun(folded: str) -> str | None:
    """The head noun a "who/what is the …" question asks about, or None."""
    found = _HEAD_RE.search(folded)
    return found.group(1).split()[-1] if found else None


# "how many Olympic golds did he win?", "¿cuántas medallas olímpicas tiene?": what is counted is the
# last word before the verb (English) or the first after "cuántos" (Spanish, adjectives follow).
_COUNTED_EN_RE = lazy(
    r"\bhow many\s+((?:[a-z]+\s+){0,2}?[a-z]+)"
    r"(?=\s+(?:did|does|do|was|were|is|are|has|have|had|he|in|at|of|for|from|between)\b|\s*[?!.,]|\s*$)"
)
_COUNTED_ES_RE = lazy(r"\bcuant[oa]s\s+([a-z]+)")


def counted_noun(folded: str) -> str | None:
    """The noun a "how many" question counts ("golds" of "how many Olympic golds…"), or None."""
    found = _COUNTED_EN_RE.search(folded)
    if found is not None:
        return found.group(1).split()[-1]
    found = _COUNTED_ES_RE.search(folded)
    return found.group(1) if found else None
