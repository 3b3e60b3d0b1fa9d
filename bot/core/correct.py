"""Word correction: reading a word as the one its writer meant before it is looked up. Chat
spellings ("ikr"), stretched words ("pleasee"), split or joined words, typos of the vocabulary's
words ("wolrd"), rare real words one edit from a domain word ("gould"), and a real word standing
for half of a known expression. Kept apart from the analyzer, which only reads corrected words.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.analysis import NO_CONCEPT
from bot.core.respell import Partners, Respeller, unstretch
from bot.core.subjects import FULL_NAME
from bot.core.wordlists import RARE_RANK, tables

_TABLES = tables()
_NUMBER_WORDS = _TABLES.numbers
_SPELLINGS = _TABLES.spellings  # chat spellings of question words, fixed before anything else
_CONJUNCTIONS = _TABLES.conjunctions
_QUESTION_STARTERS = _TABLES.question_starters
_LEAD_FILLER = _TABLES.lead_filler
_WH_WORDS = _TABLES.wh_words
# The tables' words are words: never typo-corrected into something else ("podría" is no "podio").
_TABLE_WORDS = (
    _CONJUNCTIONS | _QUESTION_STARTERS | _LEAD_FILLER | _WH_WORDS | _TABLES.indirect | _TABLES.polite
    | _TABLES.requests | _TABLES.pleas | _TABLES.courtesy | _TABLES.asking_words | _TABLES.hedges
)
# A real word this rare in general use ("gould", "wold") is likelier a typo of a domain word
# one edit away ("gold", "world") than meant: it may be corrected.
_RARE_REAL_RANK = 20000
_RARE_TARGET_RANK = 5000  # words rarer than this in general use may be rebuilt from split words
SHORT = 3  # a word this short is mended only by a dropped letter of a domain word


class Corrector:
    """Corrects the words of a text against a known vocabulary and the general-language lists."""

    def __init__(
        self,
        known: frozenset[str],
        word_concept: Mapping[str, str],
        ranks: Mapping[str, int],
        dictionary: Collection[str],
        phrases: Iterable[tuple[str, str]],
        stopwords: frozenset[str],
    ) -> None:
        """``known``: the vocabulary's words; ``word_concept``: each one-word form's concept;
        ``ranks``: general-language frequency ranks; ``dictionary``: the common words; ``phrases``:
        (expanded phrase, concept) of the lexicon; ``stopwords``: the lexicon's stop words."""
        self._known = known
        self._word_concept = word_concept
        self._ranks = ranks
        self._dictionary = dictionary
        self._correction_cache: dict[str, str | None] = {}
        # The domain's rare words (names, places, events): what a split or misheard word may be.
        # Function words are no targets: "quien es" is two words, not "quienes".
        function = _QUESTION_STARTERS | _WH_WORDS | _CONJUNCTIONS | _LEAD_FILLER
        self._respeller = Respeller(
            (w for w in self._known if self._ranks.get(w, RARE_RANK) > _RARE_TARGET_RANK and w not in function),
            (w for w in self._word_concept if self._word_concept[w] != NO_CONCEPT and w not in function),
        )
        # Two-word expressions, his name among them: a real word beside one half may be the other.
        pairs = [phrase.split(" ") for phrase, _concept in phrases if phrase.count(" ") == 1]
        stop = stopwords
        both_content = [(a, b) for a, b in pairs if a not in stop and b not in stop]
        self._partners = Partners([*both_content, FULL_NAME])
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self._known - set(_SPELLINGS)):
            if len(word) >= 3 and word.isalpha():
                self._by_initial.setdefault(word[0], []).append(word)

    def spell(self, words: list[str]) -> list[str]:
        """``words`` (of an expanded text) as meant: respelled, chat spellings spelled out,
        typos corrected, a word beside half of an expression read as its other half."""
        plain = [unstretch(w, self._word_rank) for w in words]
        spelled: list[str] = []
        joined = self._respeller.join(plain, self._is_word)
        for word in [w for chat in joined for w in _SPELLINGS.get(chat, chat).split()]:  # "ikr": i know right
            if (
                word not in self._known
                and word not in _TABLE_WORDS
                and not any(ch.isdigit() for ch in word)
            ):
                if not self._is_real(word):
                    word = self._correct(word) or word
                elif self._ranks.get(word, RARE_RANK) > _RARE_REAL_RANK:
                    word = self._correct_rare(word) or word
            spelled.append(word)
        return self._partners.mend(spelled, self._may_mend)

    def _is_real(self, word: str) -> bool:
        """A common English or Spanish word, or an inflection of one: never "corrected"."""
        if word in self._dictionary:
            return True
        # Plurals the frequency list lacks ("premios", "carreras"): the singular is a word.
        return len(word) > 4 and word.endswith("s") and (word[:-1] in self._dictionary or word[:-2] in self._dictionary)

    def _is_word(self, word: str) -> bool:
        """A word as it stands: one the vocabulary knows, or a common English or Spanish word."""
        return word in self._known or self._is_real(word)

    def _may_mend(self, word: str) -> bool:
        """A word that may stand for half of an expression: no form of the vocabulary (which
        means what it says), no word of the tables, no number."""
        fixed = word in self._word_concept or word in _TABLE_WORDS or word in _NUMBER_WORDS
        return word.isalpha() and not fixed

    def _word_rank(self, word: str) -> int | None:
        """A word's general-language frequency rank, None for no word at all; a word only the
        vocabulary knows (a name, "pleasee") after every listed word."""
        if not self._is_word(word):
            return None
        return self._ranks.get(word, RARE_RANK)

    def _correct(self, word: str) -> str | None:
        """The closest known word for an unknown one (same first letter, 1–2 edits; else a rare word
        it sounds like) — memoised."""
        if word not in self._correction_cache:
            if len(self._correction_cache) > 50_000:
                self._correction_cache.clear()
            self._correction_cache[word] = self._correct_uncached(word)
        return self._correction_cache[word]

    def _correct_short(self, word: str) -> str | None:
        """A three-letter non-word missing one letter of a domain word ("wen" → when, "gld" → gold,
        "lng" → long): only when exactly one word of the vocabulary's concepts fits."""
        choices = [w for w in self._by_initial.get(word[0]) or [] if len(w) == SHORT + 1]
        near = process.extract(word, choices, scorer=OSA.distance, score_cutoff=1, processor=None, limit=8)
        concepts = self._word_concept
        fits = {w for w, _d, _i in near if concepts.get(w, NO_CONCEPT) != NO_CONCEPT}
        return fits.pop() if len(fits) == 1 else None

    def _correct_rare(self, word: str) -> str | None:
        """A rare real word read as the domain's word one edit away ("atens" → athens' "atenas",
        "yeras" → years): only a form of the vocabulary's concepts, never a function word."""
        if len(word) < 4 or not word.isalpha():
            return None
        choices = self._by_initial.get(word[0]) or []
        near = process.extract(word, choices, scorer=OSA.distance, score_cutoff=1, processor=None, limit=8)
        concepts = self._word_concept
        forms = [(w, concepts[w]) for w, _d, _i in near if concepts.get(w, NO_CONCEPT) != NO_CONCEPT]
        if len({concept for _w, concept in forms}) != 1:
            return None  # none, or several concepts one edit away ("anios": años or adiós?)
        return forms[0][0]

    def _correct_uncached(self, word: str) -> str | None:
        if len(word) == SHORT and word.isalpha():
            return self._correct_short(word)
        if len(word) < 4 or not word.isalpha():
            return None
        choices = self._by_initial.get(word[0])
        limit = 1 if len(word) <= 6 else 2
        found = (
            process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, processor=None, limit=8)
            if choices
            else None
        )
        if not found:
            # A name spelled by ear may change its first letter ("quenca"): the rare word it sounds like.
            return self._respeller.sounded(word)
        # Fewest edits first; on a tie, a word of the same length ("wolrd" → world, not word).
        return min(found, key=lambda f: (f[1], abs(len(f[0]) - len(word)), f[0]))[0]
