"""Spanish (es-ES and es-419) for slash command descriptions, option names and option descriptions.

Command names stay fixed in every language (``/ask`` is ``/ask`` everywhere), so people can tell
each other which command to use. The English text is the command's own docstring or
``describe``; this table maps it to Spanish. A test checks every string the tree uses has an entry.
"""

from __future__ import annotations

import discord
from discord import app_commands

__all__ = ["SPANISH", "SPANISH_LOCALES", "PerezTranslator", "spanish"]

SPANISH_LOCALES = frozenset({discord.Locale.spain_spanish, discord.Locale.latin_american_spanish})

SPANISH: dict[str, str] = {
    # /ask
    "Ask a question about Jefferson Pérez, in English or Spanish.": (
        "Haz una pregunta sobre Jefferson Pérez, en español o en inglés."
    ),
    "question": "pregunta",
    "Your question, e.g. when did he retire?": "Tu pregunta, p. ej. ¿cuándo se retiró?",
    # /fact
    "Show one fact about Jefferson Pérez.": "Muestra un dato sobre Jefferson Pérez.",
    "topic": "tema",
    "Start typing to pick a fact.": "Empieza a escribir para elegir un dato.",
    # /facts, /random, /timeline
    "Browse everything I know about Jefferson Pérez.": "Explora todo lo que sé sobre Jefferson Pérez.",
    "A random fact about Jefferson Pérez.": "Un dato al azar sobre Jefferson Pérez.",
    "Jefferson Pérez's career, in order.": "La carrera de Jefferson Pérez, en orden.",
    # /onthisday
    "What happened on this day (or a date you give) in Jefferson Pérez's career.": (
        "Qué pasó un día como hoy (o en la fecha que indiques) en la carrera de Jefferson Pérez."
    ),
    "date": "fecha",
    "A date such as 2026-09-29, 09-29 or 29/09 (default: today).": (
        "Una fecha como 2026-09-29, 09-29 o 29/09 (por defecto: hoy)."
    ),
    # /about, /help
    "What this bot is, where its answers come from and how it matches.": (
        "Qué es este bot, de dónde salen sus respuestas y cómo las encuentra."
    ),
    "How to ask me things.": "Cómo hacerme preguntas.",
    # /anniversary setup|status|preview|disable
    "The 29 September “on this day” post in this server.": (
        "La publicación «un día como hoy» del 29 de septiembre en este servidor."
    ),
    "Post the “on this day” entry in a channel, at a local time.": (
        "Publica la efeméride «un día como hoy» en un canal, a una hora local."
    ),
    "channel": "canal",
    "Where to post.": "Dónde publicar.",
    "time": "hora",
    "Local time, 24-hour HH:MM (default 09:00).": "Hora local, HH:MM en formato de 24 horas (por defecto 09:00).",
    "timezone": "zona_horaria",
    "IANA time zone, e.g. America/Guayaquil (default UTC).": (
        "Zona horaria IANA, p. ej. America/Guayaquil (por defecto UTC)."
    ),
    "language": "idioma",
    "Language of the post.": "Idioma de la publicación.",
    "English": "Inglés",
    "Español": "Español",
    "When the next post goes out, the last one, and any problem.": (
        "Cuándo sale la próxima publicación, la última y cualquier problema."
    ),
    "Show exactly what the next post will say (only you see it).": (
        "Muestra exactamente lo que dirá la próxima publicación (solo tú la ves)."
    ),
    "Stop the anniversary post in this server.": "Detiene la publicación de aniversario en este servidor.",
    # /daily setup|status|preview|skip|disable|history
    "A fact about Jefferson Pérez every day in this server.": (
        "Un dato sobre Jefferson Pérez cada día en este servidor."
    ),
    "Post a fact every day in a channel, at a local time.": "Publica un dato cada día en un canal, a una hora local.",
    "The next post and dates, the last post or problem, permissions, the rotation's progress.": (
        "Próxima publicación y fechas, la última o el problema, permisos y avance de la rotación."
    ),
    "Show the next daily post (only you see it; it uses nothing up).": (
        "Muestra la próxima publicación diaria (solo tú la ves; no gasta nada)."
    ),
    "Skip the next daily post.": "Omite la próxima publicación diaria.",
    "Stop the daily post in this server (setup again resumes the rotation).": (
        "Detiene la publicación diaria en este servidor (setup de nuevo retoma la rotación)."
    ),
    "The last ten posts with their dates and links.": "Las últimas diez publicaciones con sus fechas y enlaces.",
    # /admin
    "Bot owner tools.": "Herramientas para quien administra el bot.",
    "Re-read the facts, check them and swap them in if valid (bot owner only).": (
        "Relee los datos, los revisa y los usa si son válidos (solo quien administra el bot)."
    ),
}


def spanish(text: str) -> str:
    """The Spanish for an English description (the English itself when there is none)."""
    return SPANISH.get(text, text)


class PerezTranslator(app_commands.Translator):
    """Translates descriptions and option names for Spanish locales; leaves command names alone."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale not in SPANISH_LOCALES:
            return None
        if context.location in (
            app_commands.TranslationContextLocation.command_name,
            app_commands.TranslationContextLocation.group_name,
        ):
            return None
        return SPANISH.get(string.message)
