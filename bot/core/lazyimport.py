"""A module imported on first use, not at import.

The fact loader, the word tables and the string catalogs read YAML, but a cached ``perezbot ask``
gets all three from the engine cache (:mod:`bot.core.cache`) and never parses YAML; importing the
parser anyway was about a tenth of its cold start. ``yaml = LazyModule("yaml")`` stands in for
``import yaml`` at module level (import the real module under ``TYPE_CHECKING`` for the types).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["LazyModule"]


class LazyModule:
    """Attribute access on the module ``name``, which is imported the first time one is read."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, imported on first use>"
