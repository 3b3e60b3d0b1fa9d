"""Multi-word expressions: replacing "hang up his shoes", "stepping away", "¿de dónde es?" by the
lexicon concept they stand for, matched on stems and past hedges or an object pronoun inside them.

An expression also matches with any synonym of its words and any article or possessive: the
lexicon's "dejó el deporte" is "dejó el atletismo" and "dejar la competición" as well, because
"atletismo" is a form of the same concept as "deporte". A curator writes one wording of an idiom,
not each of its synonyms' combinations. Kept apart from the analyzer: the tables (the lexicon's
phrases by stems and by concepts) and the search over them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.core.expand import stem

_OBJECT_PRONOUNS = frozenset({"it", "them", "lo", "la", "los", "las"})  # "hung it up", "lo dejó"


class Phrases:
    """The lexicon's multi-word expressions, by their words' stems in either language."""

    def __init__(
        self,
        phrases: Iterable[tuple[str, str]],
        hedges: frozenset[str],
        word_class: Callable[[str, str], str] | None = None,
        markers: frozenset[str] = frozenset(),
        stopwords: frozenset[str] = frozenset(),
    ) -> None:
        """``phrases``: (expanded phrase, concept); ``hedges``: words passed over inside one;
        ``word_class``: a word's class in a language ("§concept" for a lexicon form, else its stem);
        ``markers``: articles and possessives, which an expression matches whichever is written;
        ``stopwords``: words too common to anchor an expression matched on classes."""
        phrases = list(phrases)
        # Phrases match on stems, so "stepping away", "grew up" and "going to bed" all count.
        self._phrase_stems: dict[tuple[str, ...], str] = {}
        for phrase, concept in phrases:
            for lg in ("en", "es"):
                self._phrase_stems.setdefault(tuple(stem(w, lg) for w in phrase.split()), concept)
        self._phrase_lengths: dict[str, int] = {}  # first stem → the longest phrase it starts
        for key in self._phrase_stems:
            self._phrase_lengths[key[0]] = max(self._phrase_lengths.get(key[0], 0), len(key))
        self._hedges = hedges
        self._word_class = word_class
        self._markers = markers
        # …and on classes: each word that is a form of a concept stands for all its forms, so long
        # as one word stays itself (the verb of "dejó el deporte"): a run of concepts only is a
        # run of words that say each its own thing ("world" "gold"). A key two concepts'
        # expressions share says neither, and is dropped.
        self._class_keys: dict[tuple[str, ...], str] = {}
        clashing: set[tuple[str, ...]] = set()
        if word_class is not None:

            def key_word(word: str, lang: str) -> bool:  # a word that stays itself in a key
                return word_class(word, lang)[:1] != "§"

            for phrase, concept in phrases:
                for lg in ("en", "es"):
                    key = self._class_key(phrase.split(), lg)
                    anchored = any(w not in stopwords and w not in markers for w in phrase.split() if key_word(w, lg))
                    if len(key) < 2 or not any(k[:1] == "§" for k in key) or not anchored:
                        continue  # no word with synonyms (the stems say it all) or no word without
                    if self._class_keys.setdefault(key, concept) != concept:
                        clashing.add(key)
        for key in clashing:
            del self._class_keys[key]
        self._class_lengths: dict[str, int] = {}  # first class → the longest key it starts
        for key in self._class_keys:
            self._class_lengths[key[0]] = max(self._class_lengths.get(key[0], 0), len(key))

    def _class_key(self, words: list[str], lang: str) -> tuple[str, ...]:
        assert self._word_class is not None
        return tuple(self._word_class(w, lang) for w in words if w not in self._markers)

    def join(self, words: list[str], lang: str) -> list[tuple[str, str]]:
        """Replace the longest known multi-word expressions by their concept (``§concept``):
        (token, the first word it was written with) — "where did he place" still opens with "where"."""
        out: list[tuple[str, str]] = []
        stems = [stem(w, lang) for w in words]
        classes = self._classes(words, lang)
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
                by_class = self._by_class(words, classes, i)
                if by_class is not None:  # "dejó el atletismo" as the lexicon's "dejó el deporte"
                    out.append(("§" + by_class[0], words[i]))
                    i = by_class[1]
                    continue
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

    def _classes(self, words: list[str], lang: str) -> list[str]:
        """Each word's class, "" for a marker (or when no expression can start on a class)."""
        if self._word_class is None or not self._class_keys:
            return []
        return ["" if w in self._markers else self._word_class(w, lang) for w in words]

    def _by_class(self, words: list[str], classes: list[str], i: int) -> tuple[str, int] | None:
        """The longest expression starting at ``i`` matched on classes, markers passed over:
        (concept, index after it)."""
        if not classes or not classes[i]:
            return None
        longest = self._class_lengths.get(classes[i], 0)
        if not longest:
            return None
        kept: list[int] = []
        j = i
        while j < len(words) and len(kept) < longest and words[j][:1] != "|":
            if classes[j]:
                kept.append(j)
            j += 1
        for length in range(len(kept), 1, -1):
            concept = self._class_keys.get(tuple(classes[k] for k in kept[:length]))
            if concept is not None:
                return concept, kept[length - 1] + 1
        return None

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
