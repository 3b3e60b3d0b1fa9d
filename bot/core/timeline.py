"""A timeline asked for: "a timeline of his Olympic Games", "his junior career in order",
"cronología de Sídney a Pekín", "what happened after Beijing, in order?".

No one fact tells a stretch of his career in order; the timeline's facts do, each dated. The
request's words say which stretch: the years and places it names bound it ("from 1990 to 2008",
"de Sídney a Pekín", "after Beijing"), and the topics it names pick the events: the curated tags of
the facts ("Olympic", "junior", "mundiales", "retirement"); with neither, it is his whole
career. The facts are given in the order they happened — the same order the /timeline command
shows. Pure: the facts' years and the words each holds are passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from bot.core.facts import Fact
from bot.core.lazyre import lazy

__all__ = [
    "asks_for_list",
    "asks_for_order",
    "in_order",
    "on_timeline",
    "stretch",
    "timeline_key",
    "without_order_words",
]

# Words asking for events in order: always a request ("his Olympic finishes in order", "year by
# year", "en orden"; "in order to" asks for no order).
_IN_ORDER_RE = lazy(
    r"\b(?:in\s+(?:chronological\s+)?(?:order|sequence)(?!\s+to\b)|chronologically|year\s+by\s+year"
    r"|a[nñ]o\s+(?:por|a)\s+a[nñ]o|en\s+orden(?:\s+cronol\w*)?|por\s+orden)\b",
)
# A timeline named ("a timeline of his Olympic Games", "cronología de…", "línea de tiempo de…"): a
# request unless it is the asker's own ("for my timeline", "i'm making a timeline", "a timeline
# poster") or the message asks a question of its own ("what exact date did he retire? it's for
# the timeline").
_TIMELINE_RE = lazy(r"\b(?:time\s*lines?|chronolog(?:y|ies)|cronologias?|l[ií]nea\s+(?:de|del)\s+tiempo)\b")
_OWN_RE = lazy(
    r"\b(?:my|our|mi|mis|nuestr[oa]s?|doing|making|make|build|building|designing|working on|haciendo|hacer|armando"
    r"|armar|for|para)\s+(?:(?:a|an|the|una|un|la|el|little|quick|big)\s+)?(?:time\s*line|chronolog|cronolog|l[ií]nea)"
    r"|(?:time\s*line|chronology|cronologia|tiempo)\s+(?:poster|project|activity|assignment|slide|proyecto|cartel)",
)
_OWN_QUESTION_RE = lazy(
    r"\b(?:what|when|where|which|who|how|why|que|cuando|donde|cual|cuales|quien|quienes|como|cuanto|cuantos|cuantas)\b",
)
_HAPPENED_RE = lazy(r"\b(?:what\s+(?:happened|did he (?:do|achieve|win))|que\s+(?:paso|hizo|logro|gano))\b")
# "List every Olympics he competed in", "una lista de todos sus mundiales": every event of a topic
# listed, in order too ("list the two Olympics where…" asks for some of them, which a fact tells).
_LIST_RE = lazy(r"\b(?:list|enumerate|lista|enumera|enumerar|enumerame)\b")
_EVERY_RE = lazy(r"\b(?:all|every|each|todos|todas|cada)\b")
_AFTER_RE = lazy(r"\b(?:after|since|following|despues|desde|tras)\b")
_BEFORE_RE = lazy(r"\b(?:before|until|up to|antes|hasta)\b")


# Words without which no request for order can match: most messages need no pattern read.
_ORDER_WORDS = ("order", "orden", "sequence", "year by year", " por ", "ano a ano", "line", "chronolog", "cronolog")


def asks_for_order(folded: str) -> bool:
    """Does the (folded) message ask for events in order?"""
    if not any(word in folded for word in _ORDER_WORDS):
        return False
    if _IN_ORDER_RE.search(folded):
        return True
    if not _TIMELINE_RE.search(folded) or _OWN_RE.search(folded):
        return False
    return not _OWN_QUESTION_RE.search(_HAPPENED_RE.sub(" ", folded))  # "what happened…" asks the timeline


def asks_for_list(folded: str) -> bool:
    """Does the (folded) message ask for a list of every one of something (of events, when it
    names their topic)?"""
    if not ("list" in folded or "enumera" in folded):
        return False
    return _LIST_RE.search(folded) is not None and _EVERY_RE.search(folded) is not None


def without_order_words(text: str) -> str:
    """``text`` without the words asking for order, so what is left names the stretch ("línea de
    tiempo" is no finish line nor a time)."""
    return _LIST_RE.sub(" ", _TIMELINE_RE.sub(" ", _IN_ORDER_RE.sub(" ", text)))


def stretch(folded: str, years: Collection[int]) -> tuple[int, int] | None:
    """The years a request bounds (first, last): two or more named span them; one named is that
    year, or the years after or before it as asked; none bound nothing."""
    if not years:
        return None
    first, last = min(years), max(years)
    if first != last:
        return first, last
    if _AFTER_RE.search(folded):
        return first, 9999
    if _BEFORE_RE.search(folded):
        return 0, first
    return first, first


def in_order(
    timeline: Sequence[int],
    years: Sequence[int | None],
    topics: Sequence[Collection[str]],
    asked: Collection[str],
    bounds: tuple[int, int] | None,
) -> list[int]:
    """The timeline's facts (indexes ``timeline``) in the stretch asked: within ``bounds`` (by
    their own year) and, when the request names topics (``asked``), of one of them (``topics``:
    each fact's)."""
    dated = [i for i in timeline if years[i] is not None]
    if bounds is not None:
        dated = [i for i in dated if bounds[0] <= (years[i] or 0) <= bounds[1]]
    if asked:
        dated = [i for i in dated if set(asked) & set(topics[i])]
    return dated


def on_timeline(fact: Fact) -> bool:
    """Is the fact one of the timeline's events: dated to the day, or tagged ``timeline``?"""
    return fact.date is not None or "timeline" in fact.tags


def timeline_key(fact: Fact) -> tuple[int, dt.date, int, str]:
    """Year first; within a year the undated facts come first (later paragraphs earlier: the
    article tells the Beijing silver after the retirement it preceded), then by date."""
    paragraph = fact.citation.paragraph or 0
    return (fact.year or 0, fact.date or dt.date.min, -paragraph, fact.id)
