"""What the matcher returns: one of answered, ambiguous, unknown or smalltalk, with scores."""

from __future__ import annotations

from enum import StrEnum

from bot.core.facts import Fact
from bot.core.record import Frozen

__all__ = ["Candidate", "MatchResult", "Status"]


class Status(StrEnum):
    ANSWERED = "answered"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"
    SMALLTALK = "smalltalk"


class Candidate(Frozen):
    """A fact and how confident the matcher is that it answers the question (0–1)."""

    _fields = ("fact", "confidence")
    __slots__ = _fields
    fact: Fact
    confidence: float

    def __init__(self, fact: Fact, confidence: float) -> None:
        _set = object.__setattr__
        _set(self, "fact", fact)
        _set(self, "confidence", confidence)


class MatchResult(Frozen):
    """The matcher's verdict on one question.

    ``answers`` holds the answered facts (one, or several for a question asking several things);
    ``suggestions`` the closest candidates when ambiguous (up to 3) or unknown (may be empty).
    ``smalltalk`` names the kind of small talk (greeting, thanks, identity, help).
    ``truncated`` is true when the input was longer than the limit and was cut.
    """

    _fields = (
        "question",
        "status",
        "lang",
        "confidence",
        "answers",
        "suggestions",
        "smalltalk",
        "truncated",
        "topic",
        "verdict",
        "derived",
    )
    __slots__ = _fields
    question: str
    status: Status
    lang: str
    confidence: float
    answers: tuple[Candidate, ...]
    suggestions: tuple[Candidate, ...]
    smalltalk: str | None
    truncated: bool
    # The topic words a follow-up may lean on (canonical tokens, question words left out).
    topic: tuple[str, ...]
    # A claim or yes/no check answered from the fact: "yes" it holds, "no" it does not, "" the
    # fact settles it without one word saying which (None: not a check).
    verdict: str | None
    # A value worked out from the answered facts ("12 years passed between them"), already in
    # ``lang``, marked as derived in its wording; "" when there is none.
    derived: str

    def __init__(
        self,
        question: str,
        status: Status,
        lang: str,
        confidence: float = 0.0,
        answers: tuple[Candidate, ...] = (),
        suggestions: tuple[Candidate, ...] = (),
        smalltalk: str | None = None,
        truncated: bool = False,
        topic: tuple[str, ...] = (),
        verdict: str | None = None,
        derived: str = "",
    ) -> None:
        _set = object.__setattr__
        _set(self, "question", question)
        _set(self, "status", status)
        _set(self, "lang", lang)
        _set(self, "confidence", confidence)
        _set(self, "answers", answers)
        _set(self, "suggestions", suggestions)
        _set(self, "smalltalk", smalltalk)
        _set(self, "truncated", truncated)
        _set(self, "topic", topic)
        _set(self, "verdict", verdict)
        _set(self, "derived", derived)

    @property
    def fact(self) -> Fact | None:
        """The first answered fact, if any."""
        return self.answers[0].fact if self.answers else None

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every answered fact, in the order shown."""
        return tuple(c.fact for c in self.answers)

    def declined(self, offer: bool = True) -> MatchResult:
        """Not answered after all: a near miss, its answers offered as suggestions instead (or
        nothing offered), with no value worked out and no yes or no."""
        suggestions = self.answers if offer else ()
        return self.replace(status=Status.UNKNOWN, answers=(), suggestions=suggestions, derived="", verdict=None)

    def answer_text(self) -> str | None:
        """The answered facts' text in the question's language, or None."""
        if not self.answers:
            return None
        texts = [c.fact.text(self.lang) for c in self.answers]
        return " ".join([self.derived, *texts] if self.derived else texts)
