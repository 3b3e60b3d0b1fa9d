"""Clause boundaries in run-on messages: chat often has no punctuation at all.

"so my teacher mentioned him today what year did he win gold my friend says 2000 idk" is three
thoughts: chatter, a question, more chatter. Without a boundary the question's words drown in the
rest, and its question word, no longer first in its clause, reads as a relative ("the race where
he…"). This marks where a new thought plausibly starts, from word classes of general language
(``data/runon.yaml``): a direct question's opening (a question word then an auxiliary, "what year
did…", "how many … did"), an inverted yes/no question ("… did he win in sydney"), a chat
interjection ("lol", "jaja"), and a new statement by the asker after a question ("… i need it
for class"). The matcher then reads the clauses as it reads punctuated ones: a clause that asks,
with the others as soft context.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from bot.core.record import Frozen

__all__ = ["BOUNDARY", "split_run_ons"]

BOUNDARY = "|"
MIN_BEFORE = 2  # words a thought needs before another may start
MEASURE_GAP = 1  # "how many olympics did": words allowed between the measure and the auxiliary


class _Classes(Frozen):
    _fields = (
        "openers",
        "measures",
        "auxiliaries",
        "subjects",
        "carried",
        "markers",
        "first_person",
        "binders",
        "possessive",
        "inverted",
    )
    __slots__ = _fields
    openers: frozenset[str]
    measures: frozenset[str]
    auxiliaries: frozenset[str]
    subjects: frozenset[str]
    carried: frozenset[str]
    markers: frozenset[str]
    first_person: frozenset[str]
    binders: frozenset[str]
    possessive: frozenset[str]
    inverted: frozenset[str]  # openers of languages that invert ("what did he"): English

    def __init__(self, **classes: frozenset[str]) -> None:
        for name in self._fields:
            object.__setattr__(self, name, classes[name])


@lru_cache(maxsize=1)
def _classes() -> _Classes:
    data = yaml.safe_load((Path(__file__).parent / "data" / "runon.yaml").read_text(encoding="utf-8"))
    merged: dict[str, set[str]] = {}
    for lang_data in data.values():
        for key, words in lang_data.items():
            merged.setdefault(key, set()).update(str(w) for w in words or ())
    return _Classes(
        **{k: frozenset(v) for k, v in merged.items()},
        inverted=frozenset(str(w) for w in data.get("en", {}).get("openers", ())),
    )


def split_run_ons(words: list[str]) -> list[str]:
    """``words`` (folded, in order; ``|`` marks existing boundaries) with a ``|`` before each word
    where a new thought starts. Punctuated text passes through unchanged but for interjections."""
    c = _classes()
    out: list[str] = []
    since = 0  # words since the last boundary
    asked = False  # the current thought holds a direct question
    for i, word in enumerate(words):
        if word == BOUNDARY or word.startswith(BOUNDARY):
            out.append(word)
            since, asked = 0, False
            continue
        start = _starts_question(words, i, since, asked, c)
        if word in c.markers or (start and since >= MIN_BEFORE):
            _cut(out, words, i, c, carry=start)
            since, asked = 0, False
        elif asked and word in c.first_person and since >= MIN_BEFORE and not _continues(word, words[i - 1], c):
            _cut(out, words, i, c)
            since, asked = 0, False
        out.append(word)
        since += 1
        if word in c.markers:
            out.append(BOUNDARY)  # "lol" is a thought of its own
            since, asked = 0, False
        asked = asked or start
    return out


def _continues(word: str, previous: str, c: _Classes) -> bool:
    """Does ``word`` (the asker speaking) carry on the thought ``previous`` opened ("before i…",
    "for my…")?"""
    return previous in c.binders or (word in c.possessive and previous in c.carried)


def _cut(out: list[str], words: list[str], i: int, c: _Classes, *, carry: bool = False) -> None:
    """Put a boundary before word ``i``; with ``carry``, a question's preposition goes along
    with it ("… in what year did he")."""
    if carry and out and out[-1] != BOUNDARY and words[i - 1] in c.carried and len(out) >= 2:
        out.insert(len(out) - 1, BOUNDARY)
    elif out and out[-1] != BOUNDARY:
        out.append(BOUNDARY)


def _starts_question(words: list[str], i: int, since: int, asked: bool, c: _Classes) -> bool:
    """Does a direct question open at word ``i``?"""
    word = words[i]
    after = words[i + 1 : i + 3 + MEASURE_GAP]
    if word in c.inverted:
        if after and after[0] in c.auxiliaries:
            return True  # "what did…", "when was…"
        if after and after[0] in c.measures:  # "how many olympics did…", "what year was…"
            return any(w in c.auxiliaries for w in after[1 : 2 + MEASURE_GAP])
        return False
    if word in c.auxiliaries and not asked and since >= MIN_BEFORE:
        # "… did he win in sydney": inverted before its subject, after words that asked nothing
        # ("how much prize money did he…" is one question: its question word came first).
        lead = words[max(0, i - since) : i]
        return (
            bool(after)
            and after[0] in c.subjects
            and words[i - 1] not in c.binders
            and not any(w in c.openers or w in c.binders for w in lead)
        )
    return False
