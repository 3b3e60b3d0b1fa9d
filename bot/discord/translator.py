"""Spanish (es-ES and es-419) for slash command descriptions, option names and option descriptions.

Command names stay fixed in every language (``/ask`` is ``/ask`` everywhere), so people can tell
each other which command to use. The English text is the command's own docstring or
``describe``; the words live in ``bot/discord/strings/{en,es}.yaml`` (keys ``cmd_``, ``opt_``,
``choice_``), and :data:`SPANISH` maps the English to the Spanish. A test checks every string the
tree uses has an entry and no entry is unused.
"""

from __future__ import annotations

import discord
from discord import app_commands

from bot.core.catalog import Catalog, catalog

__all__ = ["COMMAND_KEYS", "SPANISH", "SPANISH_LOCALES", "PerezTranslator", "command_strings", "spanish"]

SPANISH_LOCALES = frozenset({discord.Locale.spain_spanish, discord.Locale.latin_american_spanish})

# Prefixes of the catalog keys that are slash-command strings (the rest are message words).
COMMAND_KEYS = ("cmd_", "opt_", "choice_")


def command_strings(words: Catalog) -> dict[str, str]:
    """English → Spanish for every slash-command string in ``words`` (``cmd_``/``opt_``/``choice_`` keys)."""
    english, spanish = words.tables["en"]["words"], words.tables["es"]["words"]
    return {english[key]: spanish[key] for key in english if key.startswith(COMMAND_KEYS)}


SPANISH: dict[str, str] = command_strings(catalog("bot.discord"))


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
