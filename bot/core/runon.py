"""Clause boundaries in run-on messages: chat often has no punctuation at all.

"so my teacher mentioned him today what year did he win gold my friend says 2000 idk" is three
thoughts: chatter, a question, more chatter. Without a boundary the question's words drown in the
rest, and its question word, no longer first in its clause, reads as a relative ("the race where
he…"). This marks where a new thought plausibly starts, from word classes of general language
(``data/runon.txt``): a direct question's opening (a question word then an auxiliary, "what year
did…", "how many … did"), an inverted yes/no question ("… did he win in sydney"), a chat
interjection ("lol", "jaja"), a new statement by the asker after a question ("… i need it
for class"), and someone's claim after it ("… he says four"), an aside like the asker's reason.
The matcher then reads the clauses as it reads punctuated ones: a clause that asks, with the
others as soft context.
"""

from __future__ import annotations

from functools import lru_cache

from bot.core.record import Frozen
from bot.core.wordlists import word_classes

__all__ = ["ASIDE", "ASKER", "BOUNDARY", "CARRIED", "split_run_ons"]

BOUNDARY = "|"
ASIDE = "|a"  # a boundary after which the asker gives a reason: the clause is an aside
MIN_BEFORE = 2  # words a thought needs before another may start
MEASURE_GAP = 2  # "how many world titles did": words allowed between the measure and the auxiliary


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
        "contracted",
        "late_markers",
        "determiners",
        "remarks",
        "inverted",
        "reasons",
        "others",
        "reporting",
        "relatives",
        "discourse",
        "articles",
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
    contracted: frozenset[str]
    late_markers: frozenset[str]
    determiners: frozenset[str]
    remarks: frozenset[str]
    inverted: frozenset[str]  # openers of languages that invert ("what did he"): English
    reasons: frozenset[str]  # "because", "porque", "por_que" (two words): the asker's reason follows
    others: frozenset[str]  # who else may hold a claim: "he", "she", "someone", "mi" (of "mi primo")
    reporting: frozenset[str]  # verbs of saying or believing a claim: "says", "swears", "dice", "cree"
    relatives: frozenset[str]  # "who": a question word that as often opens a relative clause
    discourse: frozenset[str]  # "so", "anyway", "ok": after one, a question word opens a question
    articles: frozenset[str]  # "la", "mucha", "the": after one, "gente" is a noun, not a greeting

    def __init__(self, **classes: frozenset[str]) -> None:
        for name in self._fields:
            object.__setattr__(self, name, classes[name])


@lru_cache(maxsize=1)
def _classes() -> _Classes:
    """The word classes of ``data/runon.txt``, both languages merged."""
    merged: dict[str, set[str]] = {name: set() for name in _Classes._fields}
    for lang, name, words in word_classes("runon.txt"):
        merged[name].update(words)
        if lang == "en" and name == "openers":
            merged["inverted"].update(words)  # English inverts: "what did he…"
    return _Classes(**{k: frozenset(v) for k, v in merged.items()})


ASKER = _classes().first_person  # "i", "my", "yo", "mi": a clause they open is the asker's own statement
CARRIED = _classes().carried  # "hasta", "since": a preposition a question word carries ("hasta qué altura…")


def split_run_ons(words: list[str]) -> list[str]:
    """``words`` (folded, in order; ``|`` marks existing boundaries) with a ``|`` before each word
    where a new thought starts. Punctuated text passes through unchanged but for interjections."""
    c = _classes()
    wants_noun = c.articles | c.possessive | c.openers
    out: list[str] = []
    lead: list[str] = []  # the current thought's words so far
    asked = False  # the current thought holds a direct question
    skip = 0  # words of a reason's conjunction still to drop
    for i, word in enumerate(words):
        if word[:1] == BOUNDARY:
            out.append(word)
            lead, asked = [], False
            continue
        if skip:
            skip -= 1
            continue
        reason = _reason_at(words, i, c) if asked and len(lead) >= MIN_BEFORE else 0
        if reason:
            out.append(ASIDE)  # "…what was his time xq no me acuerdo": the reason is the asker's
            lead, asked, skip = [], False, reason - 1
            continue
        if asked and len(lead) >= MIN_BEFORE and _reports_a_claim(words, i, c):
            # "…how many olympics was he in my coach says four": whose claim it is, and the claim,
            # are context for the question, never a second one
            out.append(ASIDE)
            lead, asked = [], False
        start = _starts_question(words, i, lead, c)
        # "cuánta gente", "la gente", "mi gente": after a word that wants a noun, a marker is the noun
        nouned = bool(lead) and lead[-1] in wants_noun
        marker = not nouned and (word in c.markers or (word in c.late_markers and len(lead) > MIN_BEFORE))
        if marker or (start and len(lead) >= MIN_BEFORE):
            _cut(out, words, i, c, carry=start)
            lead, asked = [], False
        elif asked and len(lead) >= MIN_BEFORE and _restarts(words, i, c):
            _cut(out, words, i, c)
            lead, asked = [], False
        out.append(word)
        lead.append(word)
        if marker:
            out.append(BOUNDARY)  # "lol" is a thought of its own
            lead, asked = [], False
        asked = asked or start
    return out


def _reason_at(words: list[str], i: int, c: _Classes) -> int:
    """How many words from ``i`` make a "because" ("because", "porque", "por que": 1 or 2), else 0."""
    if words[i] in c.reasons:
        return 1
    return 2 if i + 1 < len(words) and f"{words[i]}_{words[i + 1]}" in c.reasons else 0


def _reports_a_claim(words: list[str], i: int, c: _Classes) -> bool:
    """Does someone's claim start at word ``i``: "he says…", "my cousin swears…", "mi primo dice…"
    (a pronoun, or a possessive and its noun, then a verb of saying or believing)?"""
    if words[i] not in c.others or words[i - 1] in c.binders or words[i - 1] in c.auxiliaries:
        return False  # "what did his coach say…", "where was he when he said…": the question's own words
    after = words[i + 1 : i + 3]
    return bool(after) and (after[0] in c.reporting or (words[i] in c.possessive and after[-1] in c.reporting))


def _restarts(words: list[str], i: int, c: _Classes) -> bool:
    """After a question, does word ``i`` start a new statement: the asker again ("… i need it",
    "we might visit"), or a remark on it ("… that sounds exhausting")?"""
    word = words[i]
    if word in c.first_person:
        return not _continues(word, words[i - 1], c)
    return word in c.determiners and i + 1 < len(words) and words[i + 1] in c.remarks


def _continues(word: str, previous: str, c: _Classes) -> bool:
    """Does ``word`` (the asker speaking) carry on the thought ``previous`` opened ("before i…",
    "for my…")?"""
    return previous in c.binders or (word in c.possessive and previous in c.carried)


def _cut(out: list[str], words: list[str], i: int, c: _Classes, *, carry: bool = False) -> None:
    """Put a boundary before word ``i``; with ``carry`` (a question starts there), the question's
    preposition goes along with it ("… in what year did he")."""
    if not out or out[-1][:1] == BOUNDARY:
        return
    if carry and words[i - 1] in c.carried and len(out) >= 2:
        out.insert(len(out) - 1, BOUNDARY)
    else:
        out.append(BOUNDARY)


def _starts_question(words: list[str], i: int, lead: list[str], c: _Classes) -> bool:
    """Does a direct question open at word ``i``, after the current thought's ``lead``?"""
    word = words[i]
    after = words[i + 1 : i + 3 + MEASURE_GAP]
    if word in c.contracted:
        return True  # "whats", "wheres": a question word with its auxiliary
    if word in c.openers and word not in c.inverted and all(w in c.carried for w in lead):
        return True  # "cuándo se retiró…": a Spanish question word opening the message asks
    if word in c.inverted:
        if after and after[0] in c.auxiliaries:
            return True  # "what did…", "when was…"
        if after and after[0] in c.measures:  # "how many world titles did…", "what year was…"
            return any(w in c.auxiliaries for w in after[1 : 2 + MEASURE_GAP])
        # "what placing did…", "which olympics was…": a noun, then the auxiliary (never "where
        # the crowd was…" or "when he was…": a determiner or a pronoun makes it a relative clause)
        for k, w in enumerate(after[:MEASURE_GAP]):
            if w in c.determiners:
                return False
            if k and w in c.auxiliaries:
                return True
        return False
    if word in c.relatives and after and after[0] in c.auxiliaries:
        # "…near cuenca so who was his coach": "who" asks at a thought's start or after a discourse
        # word; after a noun it is a relative ("the guy who was…")
        return not lead or words[i - 1] in c.discourse
    if word in c.auxiliaries and after and after[0] in c.subjects:
        # "did he…" opening a thought, or "… did he win in sydney" after words that asked nothing
        # ("how much prize money did he…" is one question: its question word came first).
        return not lead or (words[i - 1] not in c.binders and not any(w in c.openers or w in c.binders for w in lead))
    return False
