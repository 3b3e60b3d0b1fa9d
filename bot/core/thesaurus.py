"""Reading a word no fact knows through a general thesaurus: "annum" is a year, "preceptor" a
teacher, "valediction" a farewell. The table (``data/thesaurus-en.txt.gz``, built from WordNet 3.0
by ``scripts/build_thesaurus.py``) lists, for each English word, the synonyms of its commonest
senses and what its commonest sense is a kind of, most common first. A word whose related words
include a form of a lexicon concept stands for that concept: the curator writes the domain's
words once, and the thesaurus reaches the rarer words for the same things.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from bot.core.irregular import irregular_base

__all__ = ["THESAURUS", "base_forms", "related_concepts"]

THESAURUS = Path(__file__).with_name("data") / "thesaurus-en.txt.gz"
# Inflections back to a headword ("editions" → edition, "culminating" → culminate).
_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""))


def base_forms(word: str) -> Iterator[str]:
    """The word itself, then the headwords an inflection of it may come from."""
    yield word
    irregular = irregular_base(word)
    if irregular is not None:
        yield irregular  # "withdrew" → withdraw
    for suffix, ending in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            yield word[: -len(suffix)] + ending


def related_concepts(concept_of: Callable[[str], str | None], path: Path = THESAURUS) -> dict[str, str]:
    """Each thesaurus word (that is no lexicon form itself) → the concept of its first related
    word that is a lexicon form."""
    import gzip  # only when the engine is built: never on a cached start

    found: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, *related = line.split()
            if concept_of(word) is not None:
                continue
            for other in related:
                concept = concept_of(other)
                if concept is not None:
                    found[word] = concept
                    break
    return found
