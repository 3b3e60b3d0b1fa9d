"""Discord permission names in the reader's language (``discord.Permissions`` attribute → words).

No discord import: the words are in ``bot/discord/strings``, so pure code (the anniversary
status, the post's refusal reasons) can name a missing permission.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.catalog import catalog

__all__ = ["permission_names"]


def permission_names(keys: Iterable[str], lang: str) -> str:
    """``View Channel, Embed Links`` for ``("view_channel", "embed_links")``."""
    return ", ".join(catalog("bot.discord").word(lang, f"perm_{key}") for key in keys)
