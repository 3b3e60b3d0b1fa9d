"""Per-language string catalogs: the words live in ``strings/<lang>.yaml`` beside the code that uses them.

A package that says things to users keeps one YAML file per language in its ``strings/`` folder
(shipped as package data) and loads them with :meth:`Catalog.load`. Each file has a ``words``
table (``key: text with {placeholders}``) and may have lists (``months``, ``examples``). A test
checks that every catalog's languages have the same keys and the same placeholders, so a Spanish
reply can never fall back to English text.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.core.kept import kept
from bot.core.reply import Kind, Reply

__all__ = ["LANGUAGES", "Catalog", "catalog", "core_catalog", "placeholders"]

LANGUAGES: tuple[str, ...] = ("en", "es")


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a text expects (conversions and format specs included, e.g. ``value!r``)."""
    import string  # only for this check (the module compiles a pattern at import)

    out = set()
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            out.add(f"{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}")
    return out


class Catalog:
    """One package's words in every language. Unknown languages read as English."""

    def __init__(self, tables: Mapping[str, Mapping[str, Any]], name: str = "?") -> None:
        self.name = name
        self.tables = {lang: dict(table) for lang, table in tables.items()}

    @classmethod
    def load(cls, package: str) -> Catalog:
        """Read ``<package>/strings/<lang>.yaml`` for every language in :data:`LANGUAGES` (beside the
        package's code, as shipped; not through importlib.resources, ~5 ms of a cold start)."""
        import yaml  # only when a catalog is read (the core's comes with a cached engine: core_catalog)

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10× faster to start
        folder = Path(importlib.import_module(package).__path__[0]) / "strings"
        tables = {}
        for lang in LANGUAGES:
            data = yaml.load(folder.joinpath(f"{lang}.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
            if not isinstance(data, dict):
                raise ValueError(f"{package}/strings/{lang}.yaml: expected a mapping at the top")
            tables[lang] = data
        return cls(tables, name=package)

    def _table(self, lang: str) -> Mapping[str, Any]:
        return self.tables.get(lang) or self.tables["en"]

    def word(self, lang: str, key: str, **kwargs: object) -> str:
        """The text for ``key`` in ``lang``, with its placeholders filled."""
        text: str = self._table(lang)["words"][key]
        return text.format(**kwargs)

    def has(self, lang: str, key: str) -> bool:
        return key in self._table(lang).get("words", {})

    def items(self, lang: str, key: str) -> tuple[str, ...]:
        """A list entry (``months``, ``examples``…) in ``lang``."""
        return tuple(self._table(lang)[key])

    def notice(self, lang: str, key: str, /, **values: object) -> Reply:
        """A short notice (``Kind.NOTICE``): the one way a notice is built from words.

        (A notice with a title: ``catalog.notice(...).replace(title=...)``.)
        """
        return Reply(kind=Kind.NOTICE, lang=lang, body=self.word(lang, key, **values))


@functools.cache
def catalog(package: str) -> Catalog:
    """``package``'s catalog, loaded once: ``catalog("bot.ask").notice("es", "cooldown", seconds=3)``."""
    return Catalog.load(package)


@kept  # a cached start restores it with the engine: no YAML read
def core_catalog() -> Catalog:
    """The core's words (``bot/core/strings``): every reply the console and Discord share."""
    return catalog("bot.core")
