"""What every reply is made of, before it is text or an embed: :class:`Reply` and its :class:`Kind`.

The console prints a reply with :meth:`Reply.as_text`; the Discord side turns it into an embed and
picks its colour from the kind. ``Kind`` says what a reply *is* (an answer, a notice, a page of
facts…), not how the matcher decided (that is :class:`bot.core.results.Status`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Kind", "Reply", "Suggestion"]


class Kind(StrEnum):
    """What a reply is."""

    ANSWERED = "answered"  # one or more facts answer the question
    AMBIGUOUS = "ambiguous"  # "did you mean…" with suggestions
    UNKNOWN = "unknown"  # the article does not say
    SMALLTALK = "smalltalk"  # greeting, thanks, who are you
    NOTICE = "notice"  # a short message about the bot itself: limits, errors, refusals
    CONFIRMATION = "confirmation"  # something the user asked for went through (a reload, a setting)
    ONTHISDAY = "onthisday"  # the entries of a day of the year
    FACTS = "facts"  # a page of the fact list
    TIMELINE = "timeline"  # the career in order
    ABOUT = "about"  # what the bot is
    HELP = "help"  # how to use it
    QUIZ = "quiz"  # a quiz question, its answer, a score or a leaderboard (bot/quiz)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A fact offered as a choice (a button on Discord)."""

    fact_id: str
    label: str
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Reply:
    """A rendered reply: the console prints it, Discord makes it an embed."""

    kind: Kind
    lang: str
    body: str
    title: str | None = None
    footer: str | None = None
    fact_ids: tuple[str, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()

    def as_text(self) -> str:
        """Plain text, for the console and for channels where embeds are not allowed."""
        parts = []
        if self.title:
            parts.append(f"**{self.title}**")
        parts.append(self.body)
        for name, value in self.fields:
            parts.append(f"{name}: {value}")
        for i, suggestion in enumerate(self.suggestions, 1):
            parts.append(f"  {i}. {suggestion.label}")
        if self.footer:
            parts.append(f"— {self.footer}")
        return "\n".join(parts)
