"""The fact base and its matcher, loaded together and swapped together (hot reload)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.core.cache import cached
from bot.core.conversation import Turn
from bot.core.facts import FactBase, load_facts
from bot.core.matcher import Matcher
from bot.core.record import Frozen
from bot.core.render import Reply, render_match
from bot.core.results import MatchResult, Status

__all__ = ["Engine"]


class Engine(Frozen):
    """Immutable: a reload builds a new Engine and replaces the reference in one step."""

    _fields = ("facts", "matcher")
    __slots__ = _fields
    facts: FactBase
    matcher: Matcher

    def __init__(self, facts: FactBase, matcher: Matcher) -> None:
        _set = object.__setattr__
        _set(self, "facts", facts)
        _set(self, "matcher", matcher)

    @classmethod
    def load(
        cls, directory: Path | None = None, *, cache_dir: Path | None = None, today: dt.date | None = None
    ) -> Engine:
        """Load and validate ``directory``; raises FactBaseError listing every problem.

        With ``cache_dir``, a built engine for the same fact files and code is reused from there
        (see :mod:`bot.core.cache`): a cold start without rebuilding the index. ``today`` (the
        caller's clock) adds ``perezbot check``'s lint of dated facts, so the engine is built afresh."""

        def build() -> Engine:
            facts = load_facts(directory, today=today)
            return cls(facts, Matcher(facts))

        if cache_dir is None or directory is None or today is not None:
            return build()
        return cached(directory, cache_dir, build)

    def ask(self, question: str, *, lang: str | None = None, previous: Turn | None = None) -> tuple[MatchResult, Reply]:
        """Match ``question`` (a follow-up of ``previous``, if given) and render the reply."""
        result = self.matcher.match(question, lang=lang, previous=previous)
        return result, render_match(result, self.facts.source)

    @staticmethod
    def turn(result: MatchResult) -> Turn | None:
        """What a conversation remembers of ``result``: its answer, or the one fact a decline
        offered ("tell me about his pilgrimage" → the pilgrimage, so "how far was it?" can lean on
        it); None when there is neither."""
        fact = result.fact
        if fact is None and result.status is Status.UNKNOWN and len(result.suggestions) == 1:
            fact = result.suggestions[0].fact
        if fact is None:
            return None
        return Turn(result.topic, fact.id, fact.year)
