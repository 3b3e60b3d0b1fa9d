"""The scheduled posts' words: ``bot/posts/strings/{en,es}.yaml``, read through the core catalogs.

:func:`text` looks a key up in the reader's language (English for an unknown language); a test
checks that both languages have the same keys and placeholders, so a Spanish post never falls
back to English.
"""

from __future__ import annotations

from bot.core.catalog import Catalog, catalog

__all__ = ["posts_catalog", "text"]


def posts_catalog() -> Catalog:
    return catalog("bot.posts")


def text(lang: str, key: str, **kwargs: object) -> str:
    """The catalog entry ``key`` in ``lang``, formatted."""
    return posts_catalog().word(lang, key, **kwargs)
