"""Question → answered | ambiguous | unknown | smalltalk. (Placeholder; real matcher follows.)"""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from bot.core.facts import FactBase
from bot.core.results import Candidate, MatchResult, Status

__all__ = ["MAX_QUESTION_CHARS", "Matcher"]

MAX_QUESTION_CHARS = 500


class Matcher:
    """Matches questions against a fact base. Immutable once built; safe to share."""

    def __init__(self, facts: FactBase) -> None:
        self.facts = facts
        self._choices: list[str] = []
        self._owners: list[int] = []
        for i, fact in enumerate(facts.facts):
            for phrasings in fact.questions.values():
                for p in phrasings:
                    self._choices.append(p)
                    self._owners.append(i)

    def match(self, question: str, *, lang: str | None = None) -> MatchResult:
        truncated = len(question) > MAX_QUESTION_CHARS
        question = question[:MAX_QUESTION_CHARS]
        lang = lang or "en"
        best = process.extractOne(question, self._choices, scorer=fuzz.WRatio, processor=utils.default_process)
        if best is None or best[1] < 85:
            return MatchResult(question, Status.UNKNOWN, lang, truncated=truncated)
        fact = self.facts.facts[self._owners[best[2]]]
        cand = Candidate(fact, best[1] / 100)
        return MatchResult(question, Status.ANSWERED, lang, best[1] / 100, (cand,), truncated=truncated)

    def suggest_phrasings(self, text: str, lang: str = "en", limit: int = 25) -> list[str]:
        """Phrasings for autocomplete (never more than ``limit``, never an error on empty input)."""
        if not text.strip():
            return [f.questions[lang][0] for f in self.facts.facts][:limit]
        found = process.extract(text, self._choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit)
        return [choice for choice, _, _ in found]

    def search_titles(self, text: str, lang: str = "en", limit: int = 25) -> list[Candidate]:
        """Facts whose title fuzzily matches ``text`` (all facts, in order, when empty)."""
        facts = self.facts.facts
        if not text.strip():
            return [Candidate(f, 0.0) for f in facts][:limit]
        titles = [f.name(lang) for f in facts]
        found = process.extract(text, titles, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit)
        return [Candidate(facts[i], score / 100) for _, score, i in found]
