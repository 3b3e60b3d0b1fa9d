"""The fact base and its matcher, loaded together and swapped together (hot reload).

The matcher's modules are imported when an engine is built or unpickled, not with this module: a
cached engine restores the word tables those modules read at import (:func:`bot.core.cache.kept`)
before it imports them, so a cached start never reads YAML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.cache import cached
from bot.core.conversation import Turn
from bot.core.record import Frozen

if TYPE_CHECKING:
    from bot.core.facts import FactBase
    from bot.core.matcher import Matcher
    from bot.core.render import Reply
    from bot.core.results import MatchResult

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
            from bot.core.facts import load_facts
            from bot.core.matcher import Matcher

            facts = load_facts(directory, today=today)
            return cls(facts, Matcher(facts))

        if cache_dir is None or directory is None or today is not None:
            return build()
        return cached(directory, cache_dir, build)

    def ask(self, question: str, *, lang: str | None = None, previous: Turn | None = None) -> tuple[MatchResult, Reply]:
        """Match ``question`` (a follow-up of ``previous``, if given) and render the reply."""
        from bot.core.render import render_match

        result = self.matcher.match(question, lang=lang, previous=previous)
        return result, render_match(result, self.facts.source)

    @staticmethod
    def turn(result: MatchResult) -> Turn | None:
        """What a conversation remembers of ``result``: its answer, or the one fact a decline
        offered ("tell me about his pilgrimage" → the pilgrimage, so "how far was it?" can lean on
        it); None when there is neither."""
        from bot.core.results import Status

        fact = result.fact
        if fact is None and result.status is Status.UNKNOWN and len(result.suggestions) == 1:
            fact = result.suggestions[0].fact
        if fact is None:
            return None
        return Turn(result.topic, fact.id, fact.year, result.question)
