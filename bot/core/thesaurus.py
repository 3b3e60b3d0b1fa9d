"""Reading a word no fact knows through a general thesaurus: "annum" is a year, "preceptor" a
teacher, "valediction" a farewell. The table (``data/thesaurus-en.txt.gz``, built from WordNet 3.0
by ``scripts/build_thesaurus.py``) lists, for each English word, the synonyms of its commonest
senses and what its commonest sense is a kind of, most common first. A word whose related words
include a form of a lexicon concept stands for that concept: the curator writes the domain's
words once, and the thesaurus reaches the rarer words for the same things.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from bot.core.irregular import irregular_base

__all__ = ["THESAURUS", "base_forms", "is_manner_word", "related_concepts"]

THESAURUS = Path(__file__).with_name("data") / "thesaurus-en.txt.gz"
# Words whose commonest sense is no concrete thing (``scripts/build_word_kinds.py``, from WordNet).
MANNER = Path(__file__).with_name("data") / "manner-en.txt.gz"
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


@lru_cache(maxsize=1)
def _manner_words() -> frozenset[str]:
    import gzip  # on the first unknown word only

    with gzip.open(MANNER, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if not line.startswith("#"))


def is_manner_word(word: str) -> bool:
    """Is an English word's commonest sense no concrete thing (a verb, an adjective, an abstract
    noun: "articulate", "precise", "magnitude")? Such a word no fact knows says how a question is
    put more often than what it asks; "shoes", "cathedral", "salary" are things, and are not."""
    words = _manner_words()
    return any(base in words for base in base_forms(word))
