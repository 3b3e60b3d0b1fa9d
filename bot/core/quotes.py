"""His own words, recalled: "he said something like 'if you're famous you can go to…'", "fill in
the blank: 'this is the start of my sports work with ___'". A message that repeats a stretch of a
quotation a fact holds is about that fact, whatever else it asks ("what was the end of it",
"what did he mean"): the words themselves name it, so no vocabulary is needed to find it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.core.fold import fold
from bot.core.lazyre import lazy

__all__ = ["MIN_QUOTED_WORDS", "QuoteFinder", "quotations"]

MIN_QUOTED_WORDS = 5  # a run this long ("famous you can go to") repeats a quotation; "another four years" does not
_QUOTATION_RE = lazy(r"“([^”]+)”|«([^»]+)»")
_NOT_WORD_RE = lazy(r"[^a-z0-9 ]+")


def _plain(text: str) -> str:
    """Folded, apostrophes dropped ("you're" → "youre"), other marks a space, spaces single."""
    return " ".join(_NOT_WORD_RE.sub(" ", fold(text).replace("'", "").replace("’", "")).split())


def quotations(text: str) -> list[str]:
    """The quotations of a text (between “ ” or « »), as plain words."""
    return [_plain(a or b) for a, b in _QUOTATION_RE.findall(text)]


class QuoteFinder:
    """The facts whose answers quote someone's words, and which of them a message repeats."""

    def __init__(self, answers: Iterable[Iterable[str]]) -> None:
        """``answers``: for each fact, its answer texts (one per language)."""
        # Each quotation once, as words (the English words are quoted in the Spanish answer too).
        quoted = ((i, tuple(q.split())) for i, texts in enumerate(answers) for t in texts for q in quotations(t))
        self._quotes = list(dict.fromkeys(quoted))
        # A message repeats a run of MIN_QUOTED_WORDS words of a quotation exactly when it shares
        # one of the quotation's windows of that many words: the facts quoting each window.
        self._windows: dict[tuple[str, ...], set[int]] = {}
        for index, said in self._quotes:
            for window in _windows(said):
                self._windows.setdefault(window, set()).add(index)

    def quoted(self, text: str) -> int | None:
        """The one fact whose quotation ``text`` repeats a run of words from, or None."""
        words = _plain(text).split()
        if len(words) < MIN_QUOTED_WORDS:
            return None
        found = {index for window in _windows(words) for index in self._windows.get(window, ())}
        return found.pop() if len(found) == 1 else None


def _windows(words: Sequence[str]) -> set[tuple[str, ...]]:
    """Every run of MIN_QUOTED_WORDS consecutive words."""
    return {tuple(words[i : i + MIN_QUOTED_WORDS]) for i in range(len(words) - MIN_QUOTED_WORDS + 1)}
