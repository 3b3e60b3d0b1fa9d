"""The quiz's replies, English and Spanish, shared by Discord and the console.

Everything returns a :class:`~bot.core.reply.Reply` (the console prints ``as_text()``, Discord
makes an embed). The words are in ``bot/quiz/strings/<lang>.yaml``; every key exists in both
languages with the same placeholders (a test checks), so no English reaches a Spanish reply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.catalog import catalog
from bot.core.facts import Fact, Source
from bot.core.render import source_footer
from bot.core.reply import Kind, Reply
from bot.quiz.items import QuizItem
from bot.quiz.scoring import REPEAT_WINDOW, PlayerStats, RoundScore

__all__ = [
    "CATALOG",
    "button_label",
    "render_feedback",
    "render_leaderboard",
    "render_notice",
    "render_question",
    "render_reveal",
    "render_score",
    "render_starting",
    "render_summary",
    "text",
]

CATALOG = "bot.quiz"  # the words: bot/quiz/strings/<lang>.yaml

_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]])")


def text(lang: str, key: str, **kwargs: object) -> str:
    """One string of the quiz's catalog in ``lang`` (English for an unknown language)."""
    return catalog(CATALOG).word(lang, key, **kwargs)


def _plain(name: str) -> str:
    """A display name as literal text: no Markdown from it."""
    return _MARKDOWN.sub(r"\\\1", name)


def button_label(number: int, option: str) -> str:
    return f"{number}. {option}"


def render_notice(lang: str, key: str, **kwargs: object) -> Reply:
    return catalog(CATALOG).notice(lang, key, **kwargs)


def render_question(
    item: QuizItem,
    lang: str,
    number: int,
    total: int,
    *,
    seconds_left: int | None = None,
    answers: int | None = None,
) -> Reply:
    """A question with its four numbered options; in a channel, the countdown in the footer."""
    question = item.question(lang)
    lines = [question.text, "", *(button_label(i, o) for i, o in enumerate(question.options, 1))]
    footer = None
    if seconds_left is not None:
        footer = text(lang, "time_left", seconds=seconds_left, answers=answers or 0)
    return Reply(
        kind=Kind.QUIZ,
        lang=lang,
        title=text(lang, "question", number=number, total=total),
        body="\n".join(lines),
        footer=footer,
        fact_ids=(item.fact_id,),
    )


def _fact_lines(fact: Fact | None, lang: str) -> list[str]:
    return ["", fact.text(lang)] if fact is not None else []


def _footer(fact: Fact | None, source: Source, lang: str) -> str | None:
    return source_footer(source, [fact], lang) if fact is not None else None


def render_feedback(
    item: QuizItem, lang: str, chosen: int, fact: Fact | None, source: Source, *, scored: bool = True
) -> Reply:
    """Right or wrong, the right answer, the fact it comes from and its paragraph."""
    question = item.question(lang)
    correct = chosen == question.right
    lines = [question.text, ""]
    if not correct:
        lines.append(text(lang, "your_answer", answer=question.options[chosen]))
    lines.append(text(lang, "the_answer", answer=question.answer))
    lines.extend(_fact_lines(fact, lang))
    if not scored:
        lines.extend(["", text(lang, "repeat", days=REPEAT_WINDOW.days)])
    return Reply(
        kind=Kind.QUIZ,
        lang=lang,
        title=text(lang, "right" if correct else "wrong"),
        body="\n".join(lines),
        footer=_footer(fact, source, lang),
        fact_ids=(item.fact_id,),
    )


def render_score(score: RoundScore, lang: str) -> Reply:
    """The end of a solo round: "4 of 5"."""
    lines = [text(lang, "score", right=score.right, total=score.total)]
    if score.repeats:
        lines.append(text(lang, "score_repeats", count=score.repeats, days=REPEAT_WINDOW.days))
    return Reply(kind=Kind.QUIZ, lang=lang, title=text(lang, "score_title"), body="\n".join(lines))


def render_reveal(
    item: QuizItem,
    lang: str,
    number: int,
    total: int,
    tally: Sequence[int],
    fact: Fact | None,
    source: Source,
) -> Reply:
    """A closed channel question: each option (original order) with how many chose it, the right one marked."""
    question = item.question(lang)
    lines = [question.text, ""]
    for i, (option, count) in enumerate(zip(question.options, tally, strict=True)):
        mark = "✅" if i == question.right else "▫️"
        label = f"**{button_label(i + 1, option)}**" if i == question.right else button_label(i + 1, option)
        lines.append(f"{mark} {label}: {count}")
    lines.extend(_fact_lines(fact, lang))
    return Reply(
        kind=Kind.QUIZ,
        lang=lang,
        title=text(lang, "reveal", number=number, total=total),
        body="\n".join(lines),
        footer=_footer(fact, source, lang),
        fact_ids=(item.fact_id,),
    )


def render_summary(standings: Sequence[tuple[str, RoundScore]], total: int, lang: str) -> Reply:
    """The end of a channel round: everyone who answered, best first."""
    if not standings:
        body = text(lang, "summary_nobody")
    else:
        body = "\n".join(
            text(lang, "summary_line", place=place, name=_plain(name), right=score.right, total=total)
            for place, (name, score) in enumerate(standings, 1)
        )
    return Reply(kind=Kind.QUIZ, lang=lang, title=text(lang, "summary_title"), body=body)


def render_leaderboard(players: Sequence[PlayerStats], lang: str, *, min_answers: int) -> Reply:
    """The server's best players by accuracy, with their counts and best streak."""
    if not players:
        body = text(lang, "leaderboard_empty", min=min_answers)
    else:
        body = "\n".join(
            text(
                lang,
                "leaderboard_line",
                place=place,
                name=_plain(p.name),
                accuracy=p.accuracy,
                correct=p.correct,
                answered=p.answered,
                best=p.best_streak,
            )
            for place, p in enumerate(players, 1)
        )
    return Reply(
        kind=Kind.QUIZ,
        lang=lang,
        title=text(lang, "leaderboard_title"),
        body=body,
        footer=text(lang, "leaderboard_footer", min=min_answers),
    )


def render_starting(lang: str, count: int, seconds: int) -> Reply:
    return Reply(
        kind=Kind.QUIZ,
        lang=lang,
        title=text(lang, "starting_title"),
        body=text(lang, "starting", count=count, seconds=seconds),
    )
