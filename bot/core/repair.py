"""Self-repair: "how old was he at the Sydney Games, sorry, I meant Atlanta, when he won".

People correct themselves mid-message. A repair marker ("no wait", "sorry, I mean", "perdón,
quise decir") followed by a short phrase naming one value (a place, a year, a person, a medal)
replaces the last value of the same kind said before it; the marker and the phrase go. What is
left is the question the asker meant ("how old was he at the Atlanta Games, when he won"). A longer
phrase after the marker ("no wait, Markov was Atlanta") is a statement of its own and is left as
written, as is a repair whose value has nothing of its kind to replace.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.fold import fold
from bot.core.lazyre import lazy

__all__ = ["repaired"]

# The marker, then the repair phrase up to the next break (a comma, a full stop, a question mark).
_REPAIR_RE = lazy(
    r"[,;]?\s*\b(?:(?:no|oh|ah)\s*,?\s*wait|wait\s*,?\s*no|sorry\s*,?\s*(?:i\s+)?(?:mean|meant)|i\s+meant"
    r"|(?:no\s*,?\s*)?i\s+mean|actually\s*,?\s*no|hold\s+on|(?:perdon|perdona|perdon\s*,?\s*no)\s*,?\s*"
    r"(?:quise\s+decir|digo)|quise\s+decir|mejor\s+dicho|no\s*,?\s*espera)\b\s*,?\s*"
    r"(?P<phrase>[^,;.!?]*)"
)
# A word every marker above holds: without one, no marker can match.
_MARKER_WORDS = ("wait", "mean", "actually", "hold", "quise", "digo", "dicho", "espera")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# Words a repair phrase may have besides its value: "it was 1996 wasn't it", "the one in Seoul".
_FILLER = frozenset(
    "it was is the one in at it's its wasnt wasn't isnt isn't right maybe think i fue era el la en"
    " de creo que no".split()
)
MAX_PHRASE_WORDS = 5


def repaired(text: str, kind_of: Callable[[str], str | None]) -> str:
    """``text`` with a self-repair applied (see the module docstring); unchanged when there is
    none. ``kind_of`` gives a word's kind of value ("place", "year", …) or None."""
    folded = fold(text)  # the marker in any case, accents or none ("perdón"); same positions as text
    read = folded if len(folded) == len(text) else text.lower()
    if not any(word in read for word in _MARKER_WORDS):
        return text  # most messages: no marker, and no search through every position for one
    found = _REPAIR_RE.search(read)
    if found is None:
        return text
    phrase = _WORD_RE.findall(text[found.start("phrase") : found.end("phrase")])
    if len(phrase) > MAX_PHRASE_WORDS:
        return text
    kinds = [(w, kind_of(w)) for w in phrase]
    values = [(w, k) for w, k in kinds if k]
    if len(values) != 1 or any(not k and fold(w) not in _FILLER for w, k in kinds):
        return text
    value, kind = values[0]
    before = text[: found.start()]
    said = [m for m in _WORD_RE.finditer(before) if kind_of(m.group()) == kind and fold(m.group()) != fold(value)]
    if not said:
        return text
    last = said[-1]
    return before[: last.start()] + value + before[last.end() :] + text[found.end() :]
