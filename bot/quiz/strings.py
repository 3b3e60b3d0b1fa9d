"""The quiz's words, English and Spanish, shared by Discord and the console.

Everything returns a :class:`~bot.core.render.Reply` (the console prints ``as_text()``, Discord
makes an embed). No English ever reaches a Spanish reply: every key exists in both catalogs
(a test checks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.facts import Fact, Source
from bot.core.render import Reply, source_footer
from bot.quiz.items import QuizItem
from bot.quiz.scoring import REPEAT_WINDOW, PlayerStats, RoundScore

__all__ = [
    "STRINGS",
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

STATUS = "quiz"

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "question": "Question {number} of {total}",
        "reveal": "Question {number} of {total}: the answer",
        "time_left": "⏱ {seconds} s left · {answers} answered · you may change your answer once",
        "time_up": "Time's up · {answers} answered",
        "right": "✅ Right!",
        "wrong": "❌ Not quite",
        "the_answer": "The answer: **{answer}**",
        "your_answer": "You chose: {answer}",
        "repeat": "You saw this one in the last {days} days, so it scores no points.",
        "score_title": "Your score",
        "score": "**{right} of {total}**",
        "score_repeats": "{count} of them were repeats from the last {days} days (no points).",
        "play_again": "Play again",
        "next": "Next question",
        "finish": "See my score",
        "summary_title": "Quiz over",
        "summary_line": "{place}. {name}: {right} of {total}",
        "summary_nobody": "Nobody answered this time.",
        "leaderboard_title": "Quiz leaderboard",
        "leaderboard_line": "{place}. **{name}**: {accuracy:.0%} right ({correct} of {answered}) · best streak {best}",
        "leaderboard_empty": "Nobody has answered {min} questions here yet. Try /quiz play or /quiz start!",
        "leaderboard_footer": "By accuracy, among players with at least {min} scored answers.",
        "starting_title": "Quiz time!",
        "starting": "{count} questions, {seconds} seconds each. Press a button to answer; "
        "you may change your answer once.",
        "recorded": "Got it: {answer}.",
        "changed": "Changed to: {answer}. That was your one change.",
        "same": "That's already your answer: {answer}.",
        "locked": "You've already changed your answer once: it stays {answer}.",
        "closed": "Too late: this question is closed.",
        "running": "A quiz round is already running in this channel. Join in there!",
        "guild_only": "Channel rounds work only in a server. Try /quiz play.",
        "no_items": "There are no quiz questions yet.",
        "interrupted": "The quiz round in this channel was interrupted when I restarted, so it has ended. "
        "Start a new one with /quiz start.",
        "not_yours": "This round is someone else's: start your own with /quiz play.",
        "no_send": "I can't post in this channel, so I can't run a round here.",
        "error": "Something went wrong on my side. Please try again in a moment.",
        "prompt": "Your answer (1-4): ",
        "bad_choice": "Please answer with a number from 1 to 4.",
    },
    "es": {
        "question": "Pregunta {number} de {total}",
        "reveal": "Pregunta {number} de {total}: la respuesta",
        "time_left": "⏱ Quedan {seconds} s · {answers} respondieron · puedes cambiar tu respuesta una vez",
        "time_up": "Se acabó el tiempo · {answers} respondieron",
        "right": "✅ ¡Correcto!",
        "wrong": "❌ No es así",
        "the_answer": "La respuesta: **{answer}**",
        "your_answer": "Elegiste: {answer}",
        "repeat": "Ya viste esta en los últimos {days} días, así que no suma puntos.",
        "score_title": "Tu puntuación",
        "score": "**{right} de {total}**",
        "score_repeats": "{count} eran repetidas de los últimos {days} días (sin puntos).",
        "play_again": "Jugar otra vez",
        "next": "Siguiente pregunta",
        "finish": "Ver mi puntuación",
        "summary_title": "Fin del quiz",
        "summary_line": "{place}. {name}: {right} de {total}",
        "summary_nobody": "Esta vez nadie respondió.",
        "leaderboard_title": "Clasificación del quiz",
        "leaderboard_line": "{place}. **{name}**: {accuracy:.0%} de aciertos ({correct} de {answered}) "
        "· mejor racha {best}",
        "leaderboard_empty": "Aquí nadie ha respondido {min} preguntas todavía. ¡Prueba /quiz play o /quiz start!",
        "leaderboard_footer": "Por porcentaje de aciertos, entre quienes tienen al menos {min} respuestas con puntos.",
        "starting_title": "¡Hora del quiz!",
        "starting": "{count} preguntas, {seconds} segundos cada una. Pulsa un botón para responder; "
        "puedes cambiar tu respuesta una vez.",
        "recorded": "Anotado: {answer}.",
        "changed": "Cambiada a: {answer}. Ese era tu único cambio.",
        "same": "Esa ya es tu respuesta: {answer}.",
        "locked": "Ya cambiaste tu respuesta una vez: se queda en {answer}.",
        "closed": "Demasiado tarde: esta pregunta ya se cerró.",
        "running": "Ya hay una ronda de quiz en este canal. ¡Únete ahí!",
        "guild_only": "Las rondas de canal solo funcionan en un servidor. Prueba /quiz play.",
        "no_items": "Todavía no hay preguntas de quiz.",
        "interrupted": "La ronda de quiz de este canal se interrumpió cuando me reinicié, así que terminó. "
        "Empieza otra con /quiz start.",
        "not_yours": "Esta ronda es de otra persona: empieza la tuya con /quiz play.",
        "no_send": "No puedo publicar en este canal, así que no puedo hacer una ronda aquí.",
        "error": "Algo falló de mi lado. Inténtalo de nuevo en un momento.",
        "prompt": "Tu respuesta (1-4): ",
        "bad_choice": "Responde con un número del 1 al 4.",
    },
}

_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]])")


def text(lang: str, key: str, **kwargs: object) -> str:
    """One string of the catalog in ``lang`` (English for an unknown language)."""
    return STRINGS.get(lang, STRINGS["en"])[key].format(**kwargs)


def _plain(name: str) -> str:
    """A display name as literal text: no Markdown from it."""
    return _MARKDOWN.sub(r"\\\1", name)


def button_label(number: int, option: str) -> str:
    return f"{number}. {option}"


def render_notice(lang: str, key: str, **kwargs: object) -> Reply:
    return Reply(status="notice", lang=lang, body=text(lang, key, **kwargs))


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
        status=STATUS,
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
        status=STATUS,
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
    return Reply(status=STATUS, lang=lang, title=text(lang, "score_title"), body="\n".join(lines))


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
        status=STATUS,
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
    return Reply(status=STATUS, lang=lang, title=text(lang, "summary_title"), body=body)


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
        status=STATUS,
        lang=lang,
        title=text(lang, "leaderboard_title"),
        body=body,
        footer=text(lang, "leaderboard_footer", min=min_answers),
    )


def render_starting(lang: str, count: int, seconds: int) -> Reply:
    return Reply(
        status=STATUS,
        lang=lang,
        title=text(lang, "starting_title"),
        body=text(lang, "starting", count=count, seconds=seconds),
    )
