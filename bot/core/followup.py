"""Does a question lean on the previous answer? ("how old was he then?", "and the year after?")

Pure text tests on the folded question; the matcher decides what to do with them. A question
that stands alone never counts as a follow-up merely because a conversation is going on.
"""

from __future__ import annotations

import re

from bot.core.fold import fold
from bot.core.lazyre import lazy

__all__ = [
    "comes_later",
    "has_question_word",
    "leans_on_previous",
    "named_for_pronoun",
    "ordinal_swapped",
    "points_at_a_time",
    "points_at_many",
    "points_back",
    "relative_year",
    "years_away",
]

# Words that point back at something said before: "then", "there", "that race", "eso", "ahí".
_BACK_RE = lazy(
    r"\b(?:then|there|that|those|it|this|same|they|them|their|ellos|ellas|entonces|ahi|alli|alla|eso|ese|esa|esos|esas|aquel|aquella|mismo|misma)\b"
)
# A message that continues the previous one: "and in Sydney?", "what about 2008?", "y en Sídney?".
_CONTINUE_RE = lazy(r"^\W*(?:and|also|what about|how about|y que tal|que tal|y|e|tambien)\b")
# "the year after", "next year", "after that", "el año siguiente", "antes de eso".
# An event may be named in the plural ("los juegos siguientes", "the next world championships").
_EVENTS = r"(?:years?|anos?|ones?|olympics|games|juegos|olimpicos|olimpiadas|championships|mundial(?:es)?|worlds)"
_AFTER_RE = lazy(
    rf"\b(?:{_EVENTS} (?:after|later|siguientes?|despues|posteriores?)|(?:next|following|siguientes?|proxim[oa]s?)"
    rf" (?:\w+ )?{_EVENTS}|after that|afterwards|later on|later|despues de eso|luego de eso|mas tarde"
    r"|al ano siguiente)\b"
)
# "and then?", "what next?", "¿y luego?": a message that is only that asks what came next (a
# "then" inside a question — "how old was he then?" — is the time talked about, not the next one).
_WHAT_NEXT_RE = lazy(
    r"^\W*(?:(?:and|so|ok|y|e)\s+)?(?:then(?: what)?|what next|what happened next|what came next|luego|despues"
    r"|(?:y )?que (?:paso|vino) despues)\W*$"
)
_BEFORE_RE = lazy(
    rf"\b(?:{_EVENTS} (?:before|earlier|anteriore?s?|antes|previos?)|(?:previous|prior|anteriore?s?)"
    rf" (?:\w+ )?{_EVENTS}|before that|antes de eso|al ano anterior)\b"
)


_SPAN_RE = lazy(
    r"\b(?P<n>\d+|a|one|two|three|four|five|six|eight|ten|un|uno|dos|tres|cuatro|cinco|seis|ocho|diez)\s+"
    r"(?:years?|anos?)\s+(?P<way>later|after|afterwards|on|before|earlier|prior|ago|despues|mas tarde|antes)\b"
)
_SPAN_NUMBERS = {
    "a": 1, "one": 1, "un": 1, "uno": 1, "two": 2, "dos": 2, "three": 3, "tres": 3, "four": 4, "cuatro": 4,
    "five": 5, "cinco": 5, "six": 6, "seis": 6, "eight": 8, "ocho": 8, "ten": 10, "diez": 10,
}  # fmt: skip


# "the year after", "next year", "el año siguiente": one year on, the very next year — not the
# next year with anything in it.
_ONE_YEAR_RE = lazy(
    r"\b(?:(?:the|that|a) year (?P<after>after|later)|(?:the )?(?:next|following) year"
    r"|(?:el|al|del) ano (?:siguiente|posterior|despues)"
    r"|(?:the|that|a) year (?P<before>before|earlier|prior)|(?:the )?previous year"
    r"|(?:el|al|del) ano (?:anterior|antes))\b"
)


def years_away(folded: str) -> int | None:
    """+2 for "two years later", -4 for "cuatro años antes", +1 for "the year after"; None when no
    span of years is given."""
    found = _SPAN_RE.search(folded)
    if found is None:
        one = _ONE_YEAR_RE.search(folded)
        if one is None:
            return None
        before = one.group("before") or any(w in one.group() for w in ("previous", "anterior", "antes"))
        return -1 if before else 1
    raw = found.group("n")
    n = int(raw) if raw.isdigit() else _SPAN_NUMBERS.get(raw, 0)
    if not 0 < n < 100:
        return None
    return -n if found.group("way") in ("before", "earlier", "prior", "ago", "antes") else n


# "what year was the last one?", "the other one": one of a series named before, by its place in it.
_ONE_OF_THEM_RE = lazy(
    r"\bthe (?:first|last|second|third|next|previous|other|final|latest) ones?\b(?! (?:who|that|which|where|when))"
)


def leans_on_previous(folded: str) -> bool:
    """True when the question points back ("then", "that race", "eso", "the last one") or continues
    ("and …?", "and how old was he?"). A continuation asking a whole question of its own ("and which
    town is he originally from?": a question word and more than ``CONTINUES_WITHIN`` words) stands alone."""
    return bool(
        _BACK_RE.search(folded)
        or _ONE_OF_THEM_RE.search(folded)
        or _continues(folded)
        or relative_year(folded)
        or years_away(folded)
    )


_TIME_BACK_RE = lazy(r"\b(?:then|entonces)\b")


def points_at_a_time(expanded: str) -> bool:
    """Does the question ask of a time said before ("how old was he then?", "¿y ese año?", read
    as "then" by :func:`bot.core.expand.expand`)?"""
    return bool(_TIME_BACK_RE.search(expanded))


def points_back(folded: str) -> bool:
    """Does the question point at something said before ("that race", "then", "eso"), rather than
    only continue ("and when did he retire?")?"""
    return bool(_BACK_RE.search(folded))


CONTINUES_WITHIN = 4  # words after "and": "and in Sydney?", "and how old was he?"
_ASKS_RE = lazy(
    r"\b(?:what|when|where|which|who|whose|how|why"
    r"|que|cuando|donde|cual|cuales|quien|quienes|como|cuanto|cuanta|cuantos|cuantas)\b"
)


def _continues(folded: str) -> bool:
    """ "And …?" that asks nothing of its own, or only in a few words."""
    found = _CONTINUE_RE.search(folded)
    if found is None:
        return False
    rest = folded[found.end() :]
    return not _ASKS_RE.search(rest) or len(rest.split()) <= CONTINUES_WITHIN


def relative_year(folded: str) -> int:
    """+1 for "the year after"/"next year"/"two years later", -1 for "the year before", 0 otherwise."""
    span = years_away(folded)
    if span:
        return 1 if span > 0 else -1
    if _AFTER_RE.search(folded) or _WHAT_NEXT_RE.search(folded):
        return 1
    if _BEFORE_RE.search(folded):
        return -1
    return 0


# Words that pick one item of a series by its place in it: "the first", "la segunda", "the last".
_ORDINALS = (
    r"first|second|third|fourth|fifth|sixth|seventh|last|final|latest|1st|2nd|3rd|4th|5th"
    r"|primer|primero|primera|segundo|segunda|tercer|tercero|tercera|cuarto|cuarta|quinto|quinta"
    r"|sexto|sexta|ultimo|ultima|penultimo|penultima"
)
_ORDINAL_RE = lazy(rf"\b(?:{_ORDINALS})\b")
# "and the second?", "what about his last one?", "¿y la tercera?": an ordinal and nothing to ask.
_ELLIPSIS_RE = lazy(
    r"^\W*(?:(?:and|also|so|what about|how about|and what about|y|e|y que tal|que tal|tambien)\s+)?"
    r"(?:(?:the|his|its|la|el|lo|su|sus)\s+)?"
    rf"(?P<ord>{_ORDINALS})(?:\s+(?P<head>\w+))?\W*$"
)
_PRONOUN_HEADS = frozenset({"one", "ones", "uno", "una", "time", "vez"})


def ordinal_swapped(previous: str, folded: str) -> str | None:
    """ "And the second?" after "what was his first Olympic medal?" is that question with its
    ordinal changed: the previous question (folded) with the follow-up's ordinal in place of its
    one ordinal. None when the follow-up asks anything more than an ordinal (a noun of its own
    that the previous question lacks), or the previous question holds no ordinal or several."""
    found = _ELLIPSIS_RE.match(folded)
    if found is None:
        return None
    head = found.group("head")
    if head and head not in _PRONOUN_HEADS and head not in previous.split():
        return None
    ordinals = _ORDINAL_RE.findall(previous)
    if len(ordinals) != 1 or ordinals[0] == found.group("ord"):
        return None
    return _ORDINAL_RE.sub(found.group("ord"), previous, count=1)


# Plural words that point back: "them", "those", "ellas", "ambos" — at several things said before.
_PLURAL_BACK_RE = lazy(r"\b(?:they|them|those|these|both|ellos|ellas|esos|esas|estos|estas|ambos|ambas)\b")


def points_at_many(folded: str) -> bool:
    """ "When did he win them?": the question points back at several things at once, which only
    an answer listing a series can be."""
    return bool(_PLURAL_BACK_RE.search(folded))


def has_question_word(folded: str) -> bool:
    """Does the text hold a question word ("what", "qué", "how") beyond the opening that only
    continues ("what about …?", "¿y qué tal …?")? A follow-up that does asks a question of its
    own kind, whatever the previous question asked."""
    opening = _CONTINUE_RE.match(folded)
    return bool(_ASKS_RE.search(folded[opening.end() :] if opening else folded))


# Adverbs of an outcome reached in the end: "finally", "eventually", "por fin", "al fin".
# Spanish object pronouns point back too ("¿cuándo lo ganó?"), though too common to mark a
# follow-up by themselves.
_CLITIC_RE = lazy(r"\b(?:lo|los|las)\b")
_IN_THE_END_RE = lazy(r"\b(?:finally|eventually|at last|ultimately|por fin|al fin|finalmente|eventualmente)\b")


def comes_later(folded: str) -> bool:
    """ "When did he finally win it?" after a race he lost: what he reached in the end came after
    the occasion talked about — only when the question points back at it ("it", "that")."""
    return bool(_IN_THE_END_RE.search(folded) and (_BACK_RE.search(folded) or _CLITIC_RE.search(folded)))


# "the next one", "the one before", "¿y en la siguiente?": the next event of the same kind, named
# by a pronoun rather than by a kind or a year.
_NEXT_ONE_RE = lazy(
    r"\b(?:(?:next|following|previous|prior|earlier|later) ones?|ones? (?:after|before)"
    r"|(?:el|la|los|las) (?:siguientes?|anteriore?s?|proxim[oa]s?)(?! (?:ano|anos|year)\b)"
    r"|(?:the|and) (?:next|following)\W*$)"
)


def next_one(folded: str) -> bool:
    """ "And in the next one?" after Sydney: a step to the next event of the kind the
    conversation is about (the next Olympics), not to the next year with anything in it."""
    return bool(_NEXT_ONE_RE.search(folded))


# "and the other one?", "¿y la otra?", "what about the others?": the rest of a pair or series.
_OTHER_RE = lazy(
    r"^\W*(?:(?:and|so|what about|how about|and what about|y|e|y que tal|que tal)\s+)?"
    r"(?:(?:the|his|la|el|los|las|su|sus)\s+)?(?:other|others|otra|otro|otras|otros|demas)"
    r"(?:\s+(?P<head>\w+))?\W*$"
)


def the_other(previous: str, folded: str) -> bool:
    """ "And the other one?" after one item of a pair: the follow-up asks for the rest of the
    pair or series that item belongs to, and nothing more (a noun of its own must repeat one of
    the previous question's)."""
    found = _OTHER_RE.match(folded)
    if found is None:
        return False
    head = found.group("head")
    return not head or head in _PRONOUN_HEADS or head in previous.split()


def without_span(folded: str) -> str:
    """``folded`` with its span of years taken out ("and two years after that?" → "and that?"):
    what is left names the thing the step is taken from, if anything."""
    return _SPAN_RE.sub(" ", folded)


# "He" and the like, written (accents kept: "él" is a pronoun, "el" an article); a possessive
# becomes the name's possessive ("his time" → "borchin's time"). "That guy", "ese tipo" point at
# the man just named; a bare "he" may still mean Pérez.
_THAT_MAN = (
    r"(?:that|this|the) (?:guy|dude|man|russian)"
    r"|(?:ese|este|aquel) (?:tipo|man|señor|senor|wey|güey|vato|chavo|ruso|hombre)"
)
_HE_RE = lazy(rf"\b(?:(?P<his>his)|he|him|él|{_THAT_MAN})\b", re.IGNORECASE)
_PEREZ = r"jefferson|perez|pérez|jeff"
_PEREZ_RE = lazy(rf"\b(?:{_PEREZ})\b", re.IGNORECASE)
_THAT_MAN_RE = lazy(rf"\b(?:{_THAT_MAN})\b", re.IGNORECASE)
# Pérez named or pointed at ("who coached him?", "¿quién le ganó a Jefferson?"): a "he" after it
# is him, whoever the question asked about.
_HIM_RE = lazy(rf"\b(?:{_PEREZ}|he|him|his|él|le|lo|su|sus)\b", re.IGNORECASE)


# The winner asked about before ("who won in Beijing?"), and a "he" said to have lost to him
# ("how far behind was he?"): that "he" is the man who lost, Pérez.
_WINNER_ASKED_RE = lazy(r"\b(?:won|win|wins|winner|beat|gano|ganador|le gano)\b")  # of folded text
_LOSER_RE = lazy(r"\b(?:behind|lose|lost|losing|trail\w*|runner[- ]up|detras|perdio|atras|segundo)\b")


def named_for_pronoun(text: str, name: str, previous: str) -> str | None:
    """ "Where's he from?" after "who won in Beijing?" (Borchin) asks where *Borchin* is from:
    ``text`` with its pronouns for one man replaced by ``name``, the man the ``previous`` question
    asked about. None when it has no such pronoun or names Pérez, or when its "he" may be Pérez
    (the previous question pointed at him too, and this one says no "that guy"; or it asked who
    won, and this "he" lost: "how far behind was he?")."""
    if _HE_RE.search(text) is None or _PEREZ_RE.search(text):
        return None
    if _THAT_MAN_RE.search(text) is None and (
        _HIM_RE.search(previous) or (_WINNER_ASKED_RE.search(fold(previous)) and _LOSER_RE.search(fold(text)))
    ):
        return None
    return _HE_RE.sub(lambda m: f"{name}'s" if m.group("his") else name, text)


# "the second one", "la segunda": an ordinal after a determiner picks an item of a series; bare
# ("who came second?", "¿quién quedó tercero?") it is a placing in a race.
_ITEM_RE = lazy(rf"\b(?:the|his|its|la|el|lo|su|sus|los|las)\s+(?:{_ORDINALS})\b")


def names_an_item(folded: str) -> bool:
    """Does an ordinal in ``folded`` pick an item of a series ("who won the second one?") rather
    than name a placing ("who came second?")?"""
    return bool(_ITEM_RE.search(folded))
