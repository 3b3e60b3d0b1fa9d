"""What every reply is made of, before it is text or an embed: :class:`Reply` and its :class:`Kind`.

The console prints a reply with :meth:`Reply.as_text`; the Discord side turns it into an embed and
picks its colour from the kind. ``Kind`` says what a reply *is* (an answer, a notice, a page of
facts…), not how the matcher decided (that is :class:`bot.core.results.Status`).
"""

from __future__ import annotations

from enum import StrEnum

from bot.core.record import Frozen

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


class Suggestion(Frozen):
    """A fact offered as a choice (a button on Discord)."""

    _fields = ("fact_id", "label", "confidence")
    __slots__ = _fields
    fact_id: str
    label: str
    confidence: float

    def __init__(self, fact_id: str, label: str, confidence: float = 0.0) -> None:
        _set = object.__setattr__
        _set(self, "fact_id", fact_id)
        _set(self, "label", label)
        _set(self, "confidence", confidence)


class Reply(Frozen):
    """A rendered reply: the console prints it, Discord makes it an embed."""

    _fields = ("kind", "lang", "body", "title", "footer", "fact_ids", "suggestions", "fields")
    __slots__ = _fields
    kind: Kind
    lang: str
    body: str
    title: str | None
    footer: str | None
    fact_ids: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]
    fields: tuple[tuple[str, str], ...]

    def __init__(
        self,
        kind: Kind,
        lang: str,
        body: str,
        title: str | None = None,
        footer: str | None = None,
        fact_ids: tuple[str, ...] = (),
        suggestions: tuple[Suggestion, ...] = (),
        fields: tuple[tuple[str, str], ...] = (),
    ) -> None:
        _set = object.__setattr__
        _set(self, "kind", kind)
        _set(self, "lang", lang)
        _set(self, "body", body)
        _set(self, "title", title)
        _set(self, "footer", footer)
        _set(self, "fact_ids", fact_ids)
        _set(self, "suggestions", suggestions)
        _set(self, "fields", fields)

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
