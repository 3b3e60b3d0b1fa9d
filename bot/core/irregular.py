"""English irregular verb forms back to their base ("withdrew" → withdraw, "brought" → bring).

A suffix rule reads "retired" as "retire"; no rule reads "withdrew". The table
(``data/irregular-en.txt``, built by ``scripts/build_irregular.py`` from a general verb morphology)
lets the analyzer and the thesaurus read such a form as its base. Loaded on first use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["irregular_base"]

_FILE = Path(__file__).with_name("data") / "irregular-en.txt"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    pairs = (line.split() for line in _FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {form: base for form, base in pairs}


def irregular_base(word: str) -> str | None:
    """The base of an irregular English verb form, else None."""
    return _table().get(word)
