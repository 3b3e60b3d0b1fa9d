"""What the matcher returns: one of answered, ambiguous, unknown or smalltalk, with scores."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.core.facts import Fact

__all__ = ["Candidate", "MatchResult", "Status"]


class Status(StrEnum):
    ANSWERED = "answered"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"
    SMALLTALK = "smalltalk"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A fact and how confident the matcher is that it answers the question (0–1)."""

    fact: Fact
    confidence: float


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The matcher's verdict on one question.

    ``answers`` holds the answered facts (one, or several for a question asking several things);
    ``suggestions`` the closest candidates when ambiguous (up to 3) or unknown (may be empty).
    ``smalltalk`` names the kind of small talk (greeting, thanks, identity, help).
    ``truncated`` is true when the input was longer than the limit and was cut.
    """

    question: str
    status: Status
    lang: str
    confidence: float = 0.0
    answers: tuple[Candidate, ...] = ()
    suggestions: tuple[Candidate, ...] = ()
    smalltalk: str | None = None
    truncated: bool = False
    # The topic words a follow-up may lean on (canonical tokens, question words left out).
    topic: tuple[str, ...] = ()
    # A claim or yes/no check answered from the fact: "yes" it holds, "no" it does not, "" the
    # fact settles it without one word saying which (None: not a check).
    verdict: str | None = None

    @property
    def fact(self) -> Fact | None:
        """The first answered fact, if any."""
        return self.answers[0].fact if self.answers else None

    def answer_text(self) -> str | None:
        """The answered facts' text in the question's language, or None."""
        if not self.answers:
            return None
        return " ".join(c.fact.text(self.lang) for c in self.answers)
