"""Questions about two things: "which was longer, the pilgrimage or the Olympic race?", "did he
retire before the Beijing Olympics?", "how many years between his gold and his silver?".

Such a question names two topics; each is answered by its own fact, the one asked first shown
first. This module only reads the question: whether it pits two things against each other, and
the ways its content words may be cut into the two topics (the matcher scores each cut). The
words that pit two things live on the ``pair:`` line of ``data/compare.txt``; the words that ask
for a span of time between them on its ``span:`` line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from bot.core.lazyre import lazy

__all__ = [
    "Cut",
    "age_words",
    "alternatives",
    "asks_age_gap",
    "asks_ages",
    "asks_birth",
    "asks_end",
    "asks_span",
    "asks_times",
    "asks_unit",
    "asks_when_over",
    "compares_more",
    "connective_words",
    "contraries",
    "contrary_stems",
    "cuts",
    "either_order",
    "kinds_compared",
    "order_words",
    "pits_two",
    "says_a_contrary",
    "sooner_or_later",
]

_FILE = Path(__file__).with_name("data") / "compare.txt"
Cut = tuple[tuple[str, ...], tuple[str, ...]]  # the first topic's tokens, the second's
MAX_CUT_WORDS = 10  # content words beyond which a question is cut at its clauses only


@lru_cache(maxsize=1)
def _lines() -> tuple[str, ...]:
    """The lines of ``data/compare.txt``, read once."""
    return tuple(_FILE.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=64)
def _words(prefix: str) -> re.Pattern[str]:
    lines = _lines()
    found = [line[len(prefix) :].strip() for line in lines if line.startswith(prefix)]
    # A line of phrases separates them with "|"; a line of words with spaces.
    words = [w.strip() for line in found for w in (line.split("|") if "|" in line else line.split())]
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b")


def pits_two(folded: str) -> bool:
    """Does the (folded) question set two things side by side ("longer", "or", "vs")? A tag
    ("… got busted or what", "¿… o no?") sets nothing against anything."""
    return bool(_words("pair:").search(_SUPERLATIVE_RE.sub(" ", _words("tag:").sub(" ", folded))))


# "el más joven de los tres": an article before "más" makes a superlative, which ranks within one
# group rather than setting two things side by side.
_SUPERLATIVE_RE = lazy(r"\b(?:el|la|los|las|lo) (?:mas|menos)\b")


_CLAUSE = re.compile(r"[,;:.!?¿¡]")


def alternatives(folded: str) -> tuple[str, str] | None:
    """The two things a (folded) question offers as alternatives ("faster in atlanta or in
    beijing?", "¿perez o segura?"): the words of its clause before and after the first word of
    the ``alt:`` line of ``data/compare.txt`` — or of its ``than:`` line after a word of its
    ``more:`` line ("faster in Beijing than in Atlanta"); None when it offers none, or only a
    tag ("… or not?", "¿… o no?")."""
    cleared = _words("tag:").sub(lambda m: " " * len(m.group()), folded)
    found = _words("alt:").search(cleared)
    if found is None:  # "faster in beijing than in atlanta", "más rápido en pekín que en atlanta"
        more = _words("more:").search(cleared)
        found = _words("than:").search(cleared, more.end()) if more else None
    if found is None:
        return None
    start = max((m.end() for m in _CLAUSE.finditer(cleared, 0, found.start())), default=0)
    end = next((m.start() for m in _CLAUSE.finditer(cleared, found.end())), len(cleared))
    left, right = cleared[start : found.start()].strip(), cleared[found.end() : end].strip()
    return (left, right) if left and right else None


SPAN_REACH = 8  # words between "how many years" and the word that sets two times apart


@lru_cache(maxsize=16)  # small on purpose: several checks of one question ask it, no results cache
def asks_span(folded: str) -> bool:
    """Does it ask how much time lies between two things ("how many years between", "how long
    after", "cuántos años entre")? Also asked in two parts: an amount of years, then within a few
    words one that sets two times apart ("how many years were there between", "how many years
    separated") or runs from one to another ("how many years from his first to his last"); an
    amount of time only when it passes ("how much time went by"), since "how much time separated
    him from the winner" asks a margin and "how long from Quito to Cuenca" a distance."""
    if _words("span:").search(folded):
        return True
    for ask in _words("span-years:").finditer(folded):
        tail = " ".join(folded[ask.end() :].split()[:SPAN_REACH])
        if _words("span-link:").search(tail):
            return True
        opened = _words("span-range:").search(tail)
        if opened and _words("span-to:").search(tail[opened.end() :]):
            return True
    return any(
        _words("span-pass:").search(" ".join(folded[ask.end() :].split()[:SPAN_REACH]))
        for ask in _words("span-time:").finditer(folded)
    )


def asks_ages(folded: str) -> bool:
    """Does it compare ages ("who was older", "¿quién era más joven?")?"""
    return bool(_words("ages:").search(folded))


def asks_age_gap(folded: str) -> bool:
    """Does it ask how far apart two ages are ("how much younger", "¿cuántos años mayor?")?"""
    return bool(_words("age-gap:").search(folded))


def compares_more(folded: str) -> bool:
    """Does it compare with a word of the ``more:`` line ("more", "fewer", "más")?"""
    return bool(_words("more:").search(folded))


def age_words() -> tuple[str, ...]:
    """The words of ``data/compare.txt``'s ``ages:`` line."""
    lines = _lines()
    return tuple(w for line in lines if line.startswith("ages:") for w in line[5:].split())


@lru_cache(maxsize=1)
def contraries() -> tuple[tuple[str, str], ...]:
    """The (said, opposite) pairs of ``data/compare.txt``'s ``contrary:`` lines, both ways."""
    lines = _lines()
    pairs = [tuple(line[len("contrary:") :].strip().split("|")) for line in lines if line.startswith("contrary:")]
    return tuple((a, b) for said, opposite in pairs for a, b in ((said, opposite), (opposite, said)))


@lru_cache(maxsize=1)
def contrary_stems() -> frozenset[str]:
    """Each word of the ``contrary:`` pairs, whole and stemmed in either language: a cheap test of
    whether a question's tokens may say one, before the opposites are worked out."""
    from bot.core.expand import stem  # the stemmer, not the analyzer: no index needed

    words = {w for pair in contraries() for side in pair for w in side.split()}
    return frozenset(words | {stem(w, lang) for w in words for lang in ("en", "es")})


def says_a_contrary(folded: str) -> bool:
    """Does a (folded) text hold a word of the ``contrary:`` pairs?"""
    return bool(_words("contrary:").search(folded))


def asks_birth(folded: str) -> bool:
    """Does it ask when he was born ("what year was he born", "¿en qué año nació?")?"""
    return bool(_words("born:").search(folded)) and bool(_words("born-when:").search(folded))


def asks_end(folded: str) -> bool:
    """Does it ask when something that began at a given time ends ("if the ban began in 2015,
    when would it run out?", "si empezó en 2015, ¿cuándo termina?")? Both words must be there:
    "when did his career end" gives no start to count from."""
    return asks_when_over(folded) and bool(_words("begins:").search(folded))


def asks_when_over(folded: str) -> bool:
    """Does it name the end of something ("end", "expire", "termina")?"""
    return bool(_words("ends:").search(folded))


def asks_times(folded: str) -> bool:
    """Does it ask how many times one measure is another ("how many times longer", "cuántas
    veces más largo")? A count of times alone ("how many times did he…") does not."""
    return bool(_words("times:").search(folded)) and pits_two(folded)


def asks_by_how_much(folded: str) -> bool:
    """Does it ask by how much one measure exceeds another ("how much longer was the pilgrimage
    than the Olympic race?", "¿y por cuántos km?")?"""
    return bool(_words("by-how-much:").search(folded)) and pits_two(folded)


def asks_unit(folded: str) -> str | None:
    """The unit a question asks a value in: "pace" (per kilometre), "seconds", "minutes" or "miles"."""
    return next((unit for unit in UNITS if _words(f"{unit}:").search(folded)), None)


UNITS = ("pace", "seconds", "minutes", "miles")


def sooner_or_later(folded: str) -> int:
    """-1 when it asks whether the first thing came before the second ("did he retire before
    Beijing?"), +1 for after, 0 when it asks neither or both ("before or after")."""
    before = bool(_words("before:").search(folded))
    after = bool(_words("after:").search(folded))
    return 0 if before == after else (-1 if before else 1)


def either_order(folded: str) -> bool:
    """Does it ask which way two things are ordered ("before or after", "¿antes o después?",
    "which came first, …?", "¿qué pasó antes, …?")?"""
    both = bool(_words("before:").search(folded)) and bool(_words("after:").search(folded))
    return both or bool(_words("first-asked:").search(folded))


def order_words() -> tuple[str, ...]:
    """The words of ``data/compare.txt``'s before and after lines."""
    lines = _lines()
    return tuple(w for line in lines if line.startswith(("before:", "after:")) for w in line.split(":", 1)[1].split())


def kinds_compared(folded: str) -> frozenset[str]:
    """The kinds of value a comparison needs each fact to hold ("longer": a distance or a time),
    from the ``holds …:`` lines of ``data/compare.txt``; empty when it names none."""
    found: set[str] = set()
    measured: set[str] = set()
    for prefix, kinds, pattern in _kinds_lines():
        if pattern.search(folded):
            (found if prefix == "holds " else measured).update(kinds)
    if measured and found & RESULT_WORDS_KINDS:
        return frozenset(measured)  # "a better time": the times compared, not the medals
    return frozenset(found)


@lru_cache(maxsize=1)
def _kinds_lines() -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """The ``holds …:`` and ``measured …:`` lines: (prefix, kinds, a pattern of their words)."""
    found = []
    for line in _lines():
        for prefix in ("holds ", "measured "):
            if line.startswith(prefix) and ":" in line:
                kinds, words = line[len(prefix) :].split(":", 1)
                pattern = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words.split())})\b")
                found.append((prefix, tuple(kinds.split()), pattern))
    return tuple(found)


RESULT_WORDS_KINDS = frozenset({"medal", "height"})  # what "better", "higher" compare when nothing is named


def connective_words() -> tuple[str, ...]:
    """Every word and phrase of ``data/compare.txt``'s pair, span, span-apart, before, after,
    times, approx and holds lines."""
    lines = _lines()
    # The holds lines' words name what is compared ("más largo", "más rápido"): no topic either.
    prefixes = ("pair:", "span:", "span-apart:", "before:", "after:", "times:", "approx:", "holds ")
    found = [line.split(":", 1)[1].strip() for line in lines if line.startswith(prefixes)]
    return tuple(dict.fromkeys(w.strip() for line in found for w in (line.split("|") if "|" in line else line.split())))


def cuts(
    clauses: tuple[tuple[str, ...], ...], connective: Callable[[str], bool], value: Callable[[str], object]
) -> Iterator[Cut]:
    """The ways to cut a question's content into two topics, most likely first: its last two
    clauses ("…, the pilgrimage or the Olympic race"), then every cut of its words in order.
    ``connective`` tells the words that only join or compare ("longer", "q_when"), left out of
    both topics; ``value`` the kind of the words that only pick among events (a year, a place, a
    person). A topic of values alone borrows the other words: "1996 or 2008 Olympics" is "1996 Olympics" or
    "2008 Olympics"."""
    content = [tuple(t for t in clause if not connective(t)) for clause in clauses]
    content = [c for c in content if c]
    heads = tuple(t for c in content[:-2] for t in c)
    candidates: list[Cut] = [(content[-2], content[-1])] if len(content) >= 2 else []
    flat = [t for c in content for t in c]
    if len(flat) <= MAX_CUT_WORDS:  # a long message is cut at its clauses only
        candidates.extend((tuple(flat[:k]), tuple(flat[k:])) for k in range(1, len(flat)))
    seen: set[Cut] = set()
    for first, second in candidates:
        cut = (_borrow(first, second, heads, value), _borrow(second, first, heads, value))
        if set(cut[0]) != set(cut[1]) and cut not in seen:
            seen.add(cut)
            yield cut


def _borrow(
    side: tuple[str, ...], other: tuple[str, ...], heads: tuple[str, ...], value: Callable[[str], object]
) -> tuple[str, ...]:
    """A topic of values alone ("1996") takes the other words of the question's head, and of the
    other topic when that one holds a value too, in parallel ("the 1996 Olympics or 2008" → "2008
    Olympics"); "did he retire before Beijing?" lends Beijing nothing."""
    if not all(value(t) for t in side) or len({value(t) for t in side}) > 1:
        return side  # words of its own, or values of two kinds ("his Beijing silver"): it names its event
    lenders = (*heads, *other) if any(value(t) for t in other) else heads
    extra = (t for t in lenders if not value(t) and t not in side)
    return side + tuple(dict.fromkeys(extra))
