"""Discord permission names in the reader's language (``discord.Permissions`` attribute → words).

No discord import: the words are in ``bot/discord/strings``, so pure code (the anniversary
status, the post's refusal reasons) can name a missing permission.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from bot.core.catalog import Catalog

__all__ = ["discord_catalog", "permission_names"]


@functools.cache
def discord_catalog() -> Catalog:
    """The Discord side's own words (``bot/discord/strings``)."""
    return Catalog.load("bot.discord")


def permission_names(keys: Iterable[str], lang: str) -> str:
    """``View Channel, Embed Links`` for ``("view_channel", "embed_links")``."""
    return ", ".join(discord_catalog().word(lang, f"perm_{key}") for key in keys)
