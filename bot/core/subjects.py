"""Whom a question is about: him (by name, pronoun or "the athlete") or someone else named in it.

Questions are about Jefferson Pérez unless they name another person as the subject ("did Segura
win…", "Markov's time"); a fact answers a question about someone else only if its own phrasings
are about that person too. Kept apart from the analyzer: one small set of tables and patterns.
"""

from __future__ import annotations

import re

from bot.core.analysis import Lexicon
from bot.core.fold import fold
from bot.core.wordlists import tables

_TABLES = tables()
# The person every question is about: "is Jefferson Pérez from" reads as "is he from".
FULL_NAME = ("jefferson", "perez")  # "Jefferson Peter": a first name calls for its surname
_HIM = {"jefferson": "he", "perez": "he", "jeff": "he", "perezs": "his", "jeffersons": "his", "peres": "he"}
# His name after one of these is an object ("the man who beat Pérez", "separated Pérez from the
# winner"): "him", so that it joins "beat him", never "he from".
_BEFORE_OBJECT = frozenset(
    "to from of with by against behind than over beat beats beating taught met told saw gave sent let"
    " made about for at ahead like".split()
)
_TITLES = frozenset("mr mister sr senor don jefferson".split())  # "Mr. Pérez": the title says nothing of the role
# "did Pérez…", "was he…": a question whose subject is him (not the man who beat him).
ABOUT_HIM = "about_him"
_HIM_SUBJECT_RE = re.compile(
    r"\b(?:did|does|was|is|has|had|were|will|can|could|ever)\s+(?:jefferson\s+perez|jefferson|perez|he)\b"
    # "Pérez once tested positive": his name, then what he did.
    r"|\b(?:jefferson\s+perez|jefferson|perez)\s+(?:(?:once|ever|also|still|really|actually|never)\s+)?"
    r"(?:was|is|did|does|has|had|got|won|tested|failed|became|went|fue|era|es|gano|dio)\b"
)
# Words after which a name is an object, not the subject of the verb that follows it.
_NOT_SUBJECT = frozenset(
    "behind to than by with from after against beat beats over of and or for ante contra detras de que a".split()
)


def him_of(word: str, before: list[str]) -> str | None:
    """His name as a pronoun ("he", or "him" after a word that takes an object, "his" for a
    possessive), given the words read before it; None for any other word."""
    him = _HIM.get(word)
    if him == "he":
        previous = next((w for w in reversed(before) if w not in _TITLES), "")
        if previous in _BEFORE_OBJECT or previous == "him" or (len(previous) > 4 and previous.endswith("ed")):
            him = "him"
    return him


def him_by_noun(words: list[str]) -> list[str]:
    """ "the athlete", "el atleta" → he: a definite noun for a person, with no relative clause
    or origin after it to make it someone else ("the athlete who beat him"), is him."""
    out: list[str] = []
    for i, word in enumerate(words):
        if (
            word in _TABLES.him_nouns
            and out
            and out[-1] in _TABLES.articles
            and (i + 1 == len(words) or words[i + 1] not in _TABLES.relatives)
        ):
            out[-1] = "he"
            continue
        out.append(word)
    return out


def subject_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """The pattern of another person (or place) as what a question is about, from the lexicon's
    people and entities; None when it names no people."""
    people = "|".join(sorted(re.escape(p) for p in lexicon.people))
    # "Quito's altitude", "Markov's time": what a name's possessive asks is about that place or
    # person, not him (values — medal colours, nations — are no owners: "Russia's agency").
    owners = "|".join(
        sorted(re.escape(e) for e in lexicon.people | (lexicon.entities - set(lexicon.values)) if e.isalpha())
    )
    return (
        re.compile(
            # "the altitude of Quito", "la altura de Cuenca": a measure of that place, not his.
            rf"\b(?:(?:altitude|elevation|height|population|altura|elevacion|poblacion) (?:of|de) "
            rf"(?:the city of |la ciudad de )?(?P<e>{owners})\b"
            rf"|(?P<a>{owners})'s?|(?:did|does|do|was|is|has|had|were|will|can|could|how old is|"
            rf"how old was|where is|where was|what did|what does|quedo|termino|llego|gano|fue|era|tenia|es)"
            rf"\s+(?:\w+\s+)?(?P<b>{people})"
            # "chocho was an olympian", "luis chocho also coached…": named, then what he did or was.
            # "who was faster, Markov or Segura?": a choice between two others is about them.
            rf"|(?P<d>{people})\s+(?:or|o)\s+(?:\w+\s+)?(?:{people})"
            # "Segura le ganó a Pérez": a Spanish object pronoun between the name and its verb.
            rf"|(?P<c>{people})\s+(?:also\s+|ever\s+|still\s+|later\s+|too\s+|le\s+|les\s+|lo\s+|se\s+)?"
            rf"(?:was|is|were|did|does|has|had|won|became|went|coached|trained|walked|raced|fue|era|es|gano))\b"
        )
        if people
        else None
    )


def subjects_of(text: str, subject_re: re.Pattern[str] | None) -> frozenset[str]:
    """Whom a question is about: "Markov's time", "did Segura win" → ``about_markov``;
    "did Pérez…", "was he…" → ``about_him``."""
    folded = fold(text)
    found = {ABOUT_HIM} if _HIM_SUBJECT_RE.search(folded) else set()
    if subject_re is not None:
        for m in subject_re.finditer(folded):
            before = folded[: m.start()].split()[-2:]  # the word before, or before a first name
            if m.group("c") and set(before) & _NOT_SUBJECT:
                continue  # "how far behind (Valery) Borchin was he": Borchin is no subject there
            found.add(f"about_{m.group('a') or m.group('b') or m.group('c') or m.group('d') or m.group('e')}")
    return frozenset(found)
