"""Multi-word expressions: replacing "hang up his shoes", "stepping away", "¿de dónde es?" by the
lexicon concept they stand for, matched on stems and past hedges or an object pronoun inside them.
Kept apart from the analyzer: one table (the lexicon's phrases by stems) and the search over it.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.expand import stem

_OBJECT_PRONOUNS = frozenset({"it", "them", "lo", "la", "los", "las"})  # "hung it up", "lo dejó"


class Phrases:
    """The lexicon's multi-word expressions, by their words' stems in either language."""

    def __init__(self, phrases: Iterable[tuple[str, str]], hedges: frozenset[str]) -> None:
        """``phrases``: (expanded phrase, concept); ``hedges``: words passed over inside one."""
        # Phrases match on stems, so "stepping away", "grew up" and "going to bed" all count.
        self._phrase_stems: dict[tuple[str, ...], str] = {}
        for phrase, concept in phrases:
            for lg in ("en", "es"):
                self._phrase_stems.setdefault(tuple(stem(w, lg) for w in phrase.split()), concept)
        self._phrase_lengths: dict[str, int] = {}  # first stem → the longest phrase it starts
        for key in self._phrase_stems:
            self._phrase_lengths[key[0]] = max(self._phrase_lengths.get(key[0], 0), len(key))
        self._hedges = hedges

    def join(self, words: list[str], lang: str) -> list[tuple[str, str]]:
        """Replace the longest known multi-word expressions by their concept (``§concept``):
        (token, the first word it was written with) — "where did he place" still opens with "where"."""
        out: list[tuple[str, str]] = []
        stems = [stem(w, lang) for w in words]
        i = 0
        while i < len(words):
            longest = self._phrase_lengths.get(stems[i], 0)  # no phrase starts here: skip the search
            for length in range(min(longest, len(words) - i), 1, -1):
                concept = self._phrase_stems.get(tuple(stems[i : i + length]))
                if concept is not None and not any(w[:1] == "|" for w in words[i : i + length]):
                    out.append(("§" + concept, words[i]))
                    i += length
                    break
            else:
                hedged = self._hedged(words, stems, i, longest)
                if hedged is not None:  # "is he even from": a hedge inside the expression
                    out.append(("§" + hedged[0], words[i]))
                    i = hedged[1]
                    continue
                # "hung it up", "called it quits": a phrasal verb with its object in between.
                if longest and i + 2 < len(words) and words[i + 1] in _OBJECT_PRONOUNS:
                    for length in range(min(longest, len(words) - i - 1), 1, -1):
                        key = (stems[i], *stems[i + 2 : i + 1 + length])
                        concept = self._phrase_stems.get(key)
                        if concept is not None and not any(w[:1] == "|" for w in words[i : i + 1 + length]):
                            out.append(("§" + concept, words[i]))
                            i += 1 + length
                            break
                    else:
                        out.append((words[i], words[i]))
                        i += 1
                    continue
                out.append((words[i], words[i]))
                i += 1
        return out

    def _hedged(self, words: list[str], stems: list[str], i: int, longest: int) -> tuple[str, int] | None:
        """The longest expression starting at ``i`` once hedge words inside it are passed over
        ("what city is he even from", "¿de dónde es realmente?"): (concept, index after it)."""
        if not longest:
            return None
        kept: list[int] = [i]
        j = i + 1
        while j < len(words) and len(kept) < longest and words[j][:1] != "|":
            if words[j] not in self._hedges:
                kept.append(j)
            j += 1
        for length in range(len(kept), 1, -1):
            span = kept[:length]
            if span[-1] - span[0] + 1 == length:
                continue  # no hedge inside: the plain search already tried it
            concept = self._phrase_stems.get(tuple(stems[k] for k in span))
            if concept is not None:
                return concept, span[-1] + 1
        return None
