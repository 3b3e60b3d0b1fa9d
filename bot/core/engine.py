"""The fact base and its matcher, loaded together and swapped together (hot reload)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bot.core.facts import FactBase, load_facts
from bot.core.matcher import Matcher
from bot.core.render import Reply, render_match
from bot.core.results import MatchResult

__all__ = ["Engine"]


@dataclass(frozen=True, slots=True)
class Engine:
    """Immutable: a reload builds a new Engine and replaces the reference in one step."""

    facts: FactBase
    matcher: Matcher

    @classmethod
    def load(cls, directory: Path | None = None, *, today: dt.date | None = None) -> Engine:
        """Load and validate ``directory``; raises FactBaseError listing every problem.

        ``today`` (the caller's clock) adds ``perezbot check``'s lint of dated facts."""
        facts = load_facts(directory, today=today)
        return cls(facts, Matcher(facts))

    def ask(self, question: str, *, lang: str | None = None) -> tuple[MatchResult, Reply]:
        """Match ``question`` and render the reply."""
        result = self.matcher.match(question, lang=lang)
        return result, render_match(result, self.facts.source)
