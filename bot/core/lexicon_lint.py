"""Lint the vocabulary: the lexicon and the facts' phrasings/keywords, for ``perezbot check``.

Finds what silently does nothing or contradicts itself: a form listed under two concepts (only the
first wins), a single-word form that is also a stop word (the stop word wins: the form is never
seen), a form repeated in one concept, and a phrasing or keyword repeated inside one fact.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.facts import LANGS, FactBase, Problem
from bot.core.fold import fold

__all__ = ["lint_vocabulary"]

_SPACES = re.compile(r"[^\w]+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", fold(text)).strip()


def lint_vocabulary(base: FactBase) -> list[Problem]:
    """Every vocabulary problem of ``base`` (empty when clean)."""
    problems: list[Problem] = []
    lexicon_path = (base.directory or Path(".")) / "lexicon.yaml"
    lexicon = base.lexicon
    owner: dict[str, str] = {}
    stop = {_key(w) for w in lexicon.stopwords}
    for concept, forms in lexicon.concepts.items():
        seen: set[str] = set()
        for form in forms:
            key = _key(form)
            if key in seen:
                problems.append(Problem(lexicon_path, 0, f"concept {concept!r}: form {form!r} is listed twice"))
                continue
            seen.add(key)
            if key in owner and owner[key] != concept:
                problems.append(
                    Problem(lexicon_path, 0, f"form {form!r} is under two concepts: {owner[key]!r} and {concept!r}")
                )
            owner.setdefault(key, concept)
            if " " not in key and key in stop:
                problems.append(
                    Problem(lexicon_path, 0, f"concept {concept!r}: form {form!r} is a stop word, so it is never seen")
                )
    for fact in base:
        where = fact.path or lexicon_path
        for lang in LANGS:
            seen = set()
            for phrasing in fact.questions.get(lang, ()):
                key = _key(phrasing)
                if key in seen:
                    problems.append(
                        Problem(where, fact.line, f"fact {fact.id!r}: phrasing {phrasing!r} ({lang}) twice")
                    )
                seen.add(key)
        seen = set()
        for keyword in fact.keywords:
            key = _key(keyword)
            if key in seen:
                problems.append(Problem(where, fact.line, f"fact {fact.id!r}: keyword {keyword!r} twice"))
            seen.add(key)
    return problems
