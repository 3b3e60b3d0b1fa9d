"""Reading raw text before any word is looked up: which language it is in, and its expansion
(folded, contractions opened, numbers normalised, clause boundaries marked) and stemming. Shared
by the analyzer and by the vocabulary it builds, so both see a word the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from bot.core.analysis import Lexicon
from bot.core.fold import fold
from bot.core.lazyre import lazy
from bot.core.numbers import normalise_numbers
from bot.core.spelled import spell_out
from bot.core.wordlists import common_words, tables

_CONTRACTIONS = (
    (lazy(r"\b(can)'?t\b|\b(can)not\b"), r"can not"),
    (lazy(r"\bwon't\b"), "will not"),
    (lazy(r"\b(\w+)n't\b"), r"\1 not"),
    (lazy(r"\b(what|who|where|when|how|why|that|it|he|she|there|here)'s\b"), r"\1 is"),
    (lazy(r"\b(\w+)'re\b"), r"\1 are"),
    (lazy(r"\b(\w+)'ve\b"), r"\1 have"),
    (lazy(r"\b(\w+)'ll\b"), r"\1 will"),
    (lazy(r"\b(\w+)'d\b"), r"\1 would"),
    (lazy(r"\bi'm\b"), "i am"),
)
TOKEN_RE = re.compile(r"[a-z0-9]+(?::[0-9]+)*|§[a-z0-9_]+|\|q?")
_SPANISH_MARKS = re.compile(r"[¿¡ñáéíóú]")
# His name keeps its accent in any language ("Mr. Pérez"): it marks no Spanish.
_NAME_RE = re.compile(r"p[eé]rez")
_NUMBER_WORDS = tables().numbers


_STEMMERS = {"en": snowballstemmer.stemmer("english"), "es": snowballstemmer.stemmer("spanish")}


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a word in a language (numbers and short words stay as they are)."""
    if word.isdigit() or len(word) <= 3:
        return word
    if lang == "es" and word.endswith("io") and len(word) > 4:
        verb = _preterite_verb(word[:-2])
        if verb is not None:
            word = verb  # "suspendio" (suspendió, folded) is a form of "suspender", not a noun in -io
    stemmed = _STEMMERS[lang].stemWord(word)
    if lang == "en" and word[len(stemmed) :] in ("er", "ers") and word.startswith(stemmed) and _is_word(stemmed):
        # "photographer" is no photograph, "supporters" no support: an agent noun keeps its -er
        return stemmed + "er"
    return stemmed


def _is_word(root: str) -> bool:
    """Is ``root`` an English word ("photograph"), not a stem only ("decemb" of "december")?"""
    return root in common_words("en")


def _preterite_verb(root: str) -> str | None:
    """The -er/-ir verb whose preterite "root + ió" is, once folded, "root + io" ("nacio" → nacer);
    None for a word in -io of its own ("podio", "medio": the list of unaccented words holds them)."""
    words = common_words("es")  # read only for such a word
    if root + "io" in words:
        return None
    return next((root + ending for ending in ("er", "ir") if root + ending in words), None)


def detect_language(text: str, lexicon: Lexicon) -> str:
    """``es`` when the text reads as Spanish, else ``en``."""
    folded_words = re.findall(r"[a-z]+", fold(text))
    es = 2 * len(_SPANISH_MARKS.findall(_NAME_RE.sub("perez", text.casefold())))
    es += sum(1 for w in folded_words if w in lexicon.spanish_markers)
    en = sum(1 for w in folded_words if w in lexicon.english_markers)
    return "es" if es > en else "en"


_POSSESSIVE_RE = lazy(r"'s\b")
# A number spelled out before a unit ("twenty k", "five km", "veinte kilómetros").
_SPELLED_UNIT_RE = re.compile(
    r"\b("
    + "|".join(sorted((w for w, v in _NUMBER_WORDS.items() if v.isdigit()), key=len, reverse=True))
    + r")(\s?(?:k|km|kms|kilomet\w*|kilo\b|miles?|m|meters?|metres?|metros?)\b)"
)
# Punctuation and dashes end a clause: "quick q before my exam lol — what year…" (the preamble is
# then a clause of its own). Emoji do not: they often stand for a word ("how many 🏅 does…").
# The dot of a title, an abbreviation or an initial ("Mr. Pérez", "approx. 20 km", "U.S. state") ends nothing.
_BOUNDARY_RE = re.compile(
    r"[,;!¿¡—–]|\s-+\s|:(?!\d)"
    r"|(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bst)(?<!\bsr)(?<!\bsra)(?<!\bjr)(?<!\bvs)(?<!\bapprox)"
    r"(?<!\bnum)(?<!\be\.g)(?<!\bi\.e)(?<!\b[a-z])\.(?!\d)"
)


# "how long did the ban last": "last" is the verb of how long something went on, not the last of a
# series — what "how long" already asks (the lexicon reads "last" as the last race, the last Games).
_LASTED_RE = lazy(
    r"\b(how long (?:did|does|do|will|would|could|can|has|had) (?:[a-z0-9]+ ){1,4}?)last\b(?=\s*(?:$|[?.!,;]|for\b))"
)

# "compete for" is whom he competed for (his country), except in "how long did he compete for" (a
# span) and "for the last time" (which race): there the "for" is read as no part of the verb.
_SPAN_FOR_RE = lazy(
    r"\b(how long (?:[a-z0-9]+ ){1,5}?(?:compete[sd]?|competing|race[sd]?|racing|walk(?:s|ed|ing)?)) for\b"
)
_TIMES_FOR_RE = lazy(r"\bfor (the (?:first|last|final|\d+(?:st|nd|rd|th)) time)\b")

# "When was he born" asks the day he was born, not where: "born" there is his birth, no hometown.
_BORN_WHEN_RE = lazy(
    r"\b((?:when|what year|which year|what date|which date|what day|cuando|que ano|que fecha|que dia)\b"
    r"[^|?.!]*?)\b(?:born|nacio|nacido|nacida)\b"
)

# "how old was he that day?", "¿y qué pasó ese año?": a time pointed at is "then", not a day or a
# year asked about (the facts holding "nine days" or "eight years" are no answer to it).
_THAT_TIME_RE = lazy(
    r"\b(?:(?:on|in|at|during|en) )?(?:that|this|the same|ese|esa|este|aquel|aquella) (?:mismo |misma )?"
    r"(?:day|year|moment|dia|ano|momento)\b"
)

# "what was he going to focus on": "going to" before a verb says what comes next, not where he went
# ("going to the Olympics", "going to Beijing" keep it: a determiner, a name or a number follows).
_FUTURE_RE = lazy(r"\bgoing to (?!(?:the|a|an|his|her|their|its|every|all|both|another|other)\b|\d)")


@lru_cache(maxsize=16)
def expand(text: str) -> str:
    """Folded text with contractions expanded, numbers normalised and clause boundaries marked
    (``|``, ``|q`` after a question mark): what the analyzer splits into words."""
    text = fold(text)
    if "'" in text or "cannot" in text:
        for pattern, repl in _CONTRACTIONS:
            text = pattern.sub(repl, text)
    text = spell_out(text)  # "nineteen ninety-six" → 1996, "two thousand eight" → 2008
    if _SPELLED_UNIT_RE.search(text):  # "twenty k walk" is "20 k walk": spelled, then normalised
        text = _SPELLED_UNIT_RE.sub(lambda m: _NUMBER_WORDS[m.group(1)] + m.group(2), text)
    text = normalise_numbers(text)
    if "last" in text:
        text = _LASTED_RE.sub(r"\1", text)
    if "for" in text:
        text = _TIMES_FOR_RE.sub(r"\1", _SPAN_FOR_RE.sub(r"\1", text))
    if "born" in text or "naci" in text:
        text = _BORN_WHEN_RE.sub(r"\1birth", text)
    if any(word in text for word in ("day", "year", "moment", "dia", "ano", "momento")):
        text = _THAT_TIME_RE.sub("then", text)
    if "going to" in text:
        text = _FUTURE_RE.sub("gonna ", text)
    if "'" in text:
        text = _POSSESSIVE_RE.sub(" ", text).replace("'", " ")
    text = text.replace("?", " |q ")  # a clause that ends in a question mark asks something
    return _BOUNDARY_RE.sub(" | ", text)  # clause boundaries
