"""Claims are questions: "my cousin says the pilgrimage was like 1000 km" asks to be checked.

The openings that make a statement a claim ("i heard", "pretty sure", "me dijeron que") live in
``data/claims.txt``; the words that compare or check a value ("longer", "before", "más") in
``data/compare.txt``. Both are general language, read once.

A bare statement about him is a claim too ("perez retired in 2012 after london", "he was 25 when
he won in 96?"): it opens with its subject, says something with a verb, and asks with no question
word. The subjects, fillers and verb shapes are the ``subject:``, ``filler:`` and ``verb:`` lines
of ``data/claims.txt``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from bot.core.fold import fold
from bot.core.irregular import irregular_base
from bot.core.lazyre import lazy
from bot.core.wordlists import tables

__all__ = [
    "asks_a_value",
    "asks_in",
    "claim_of",
    "claimed_part",
    "compares_to_value",
    "comparison_words",
    "exact_words",
    "gives_reason",
    "negation_words",
    "predicate_people",
    "states_a_claim",
]

_DATA = Path(__file__).with_name("data")
_ASKS_AFTER = lazy(r"(?:^|[,;:]\s*)(?:what|how|who|where|why|which|que|como|quien|donde|cual|por que)\b")
# A direct question inside a run-on message: a question word, then an auxiliary ("… i got curious
# what year did he win gold my friend says 2000"): the question came first, the claim is chatter.
# Spanish asks without inversion: any question word before the opening ("cuándo se retiró, mi papá
# dice que en 2010").
_ASKS_WITHIN = lazy(
    r"\b(?:what|when|where|how|who|which|why)(?:\s+[a-z]+)?\s+(?:did|does|do|was|were|is|are|has|had)\s+(?:he|his|it)\b"
    r"|\b(?:cuando|donde|cuanto|cuanta|cuantos|cuantas|quien|quienes|cual|cuales)\b"
)
_OPENING_WITHIN = 60  # the opening must start within this many characters of the message's start


# compare.txt's lines for two-topic questions (bot/core/comparisons.py), not comparing words
_PAIRING = (
    *("pair:", "span:", "span-", "before:", "after:", "holds ", "measured ", "times:", "tag:"),
    *("pace:", "seconds:", "minutes:", "miles:", "born", "ends:", "begins:", "approx:"),
    *("alt:", "more:", "than:", "ages:", "first-asked:", "contrary:", "age-gap:", "by-how-much:"),
)
# the lines of claims.txt that describe a statement
_NAMED = ("subject:", "filler:", "verb:", "asks:", "asking:", "negation:", "reason:")


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [line for line in lines if not line.startswith(_NAMED)]


@cache  # the data file does not change while the bot runs: read once per prefix
def _named(prefix: str) -> str:
    """The alternatives of claims.txt's ``prefix`` lines, as one regular expression."""
    text = (_DATA / "claims.txt").read_text(encoding="utf-8")
    found = [line.strip()[len(prefix) :].strip() for line in text.splitlines() if line.strip().startswith(prefix)]
    return "|".join(f"(?:{alt})" for alt in found)


@lru_cache(maxsize=1)
def _statement() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    opening = re.compile(rf"^\W*(?:(?:{_named('filler:')})\W+)*(?:{_named('subject:')})\b")
    verb = re.compile(rf"(?:{_named('verb:')})")
    # A question word asks at the start of a clause ("his time, what was it?"), not inside one
    # ("that's what i remember").
    # "…, so roughly how long per kilometre is that": some phrases ask wherever they stand.
    asks = re.compile(
        rf"(?:^|[,;:.!?]\s*|\b(?:and|so|but|y|pero)\s+)\W*(?:{_named('asks:')})\b|\b(?:{_named('asking:')})\b"
    )
    return opening, verb, asks


@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{line})" for line in _lines("claims.txt"))
    return re.compile(rf"^(?P<pre>.{{0,{_OPENING_WITHIN}}}?)\b(?:{alternatives})\b[\s,:]*(?:that\b|que\b|q\b)?\s*")


@lru_cache(maxsize=1)
def negation_words() -> frozenset[str]:
    """Folded words that deny what a claim states ("never", "nunca"): its polarity, not its topic."""
    text = (_DATA / "claims.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if line.startswith("negation:") for w in line[9:].split())


def gives_reason(folded: str) -> bool:
    """Does a (folded) claim give a reason ("he quit because he got bored")? Then it asks why —
    unless a question word asks something else ("… because she asked what distance he raced")."""
    if re.search(rf"\b(?:{_named('asks:')})\b", folded):
        return False
    return bool(re.search(rf"\b(?:{_named('reason:')})\b", folded))


@lru_cache(maxsize=1)
def comparison_words() -> frozenset[str]:
    """Folded words that compare or check a value."""
    lines = [line for line in _lines("compare.txt") if not line.startswith(_PAIRING)]
    return frozenset(word for line in lines for word in line.removeprefix("exact:").split())


@lru_cache(maxsize=1)
def exact_words() -> frozenset[str]:
    """Words that stress a value without comparing it ("only 3", "just 200 km"): the value is
    still checked as stated."""
    return frozenset(w for line in _lines("compare.txt") if line.startswith("exact:") for w in line[6:].split())


def compares_to_value(folded: str, value: str) -> bool:
    """Is ``value`` (a canonical number token: "2005", "400km", "1:20") the far side of a
    comparison ("after 2005", "more than 400 km", "antes de 2000")? Then the claim is relative and
    a fact holding another value does not make it wrong. "retired in 2012 after london" is not."""
    digits = re.match(r"\d+", value)
    if digits is None:
        return False
    words = "|".join(sorted(comparison_words() - exact_words()))
    return bool(re.search(rf"\b(?:{words})\b(?:\s+[a-z]+){{0,2}}?\s+{digits.group()}(?!\d)", folded))


@lru_cache(maxsize=16)  # small on purpose: several checks of one question ask it, no results cache
def claim_of(folded: str) -> str | None:
    """The claim a message checks ("the pilgrimage was like 1000 km"), or None when it has no
    opening such as "my cousin says" or "pretty sure". ``folded`` is lowercase, accents stripped."""
    found = _opening().search(folded)
    if found is None:
        return None
    claim = folded[found.end() :].strip()
    pre = found.group("pre")
    if "?" in pre or _ASKS_AFTER.search(pre) or _ASKS_WITHIN.search(pre) or (pre.strip() and asks_a_value(pre)):
        # "what year did he win gold? my friend says 2000", "¿en qué ciudad contó que…?": the
        # question is asked first, and what the opening reports is part of it
        return None
    if _ASKS_AFTER.search(claim):
        return None  # "according to the caption, what happened …": a question with a source, not a claim
    return claim if len(claim.split()) >= 2 else None


def claimed_part(folded: str) -> str:
    """What a (folded) message claims, without the opening that reports it: the words of "i was
    under the impression he…" or "me dijeron que…" compare or deny nothing in the claim."""
    return claim_of(folded) or folded


def asks_in(words: list[str]) -> bool:
    """Do the (folded, mended) words hold a question word? "waht was his tiem…" asks, once read."""
    return bool(_statement()[2].search(" ".join(words)))


def states_a_claim(text: str) -> bool:
    """True when ``text`` (as written: Spanish verb endings need their accents) states something
    about him rather than asking: it opens with its subject ("he", "his coach", "the pilgrimage",
    "se"), has a verb ("was", "retired", "ganó") and no question word ("what", "how", "cuántos").
    "the 1996 olympics" (no verb) and "his time, what was it?" (asks) are not claims."""
    lowered = text.casefold()
    folded = fold(lowered)
    opening, verb, asks = _statement()
    if not opening.search(folded) or asks.search(folded):
        return False
    # An irregular past form is a verb too ("he met his coach in Quito", "he held the record").
    return bool(verb.search(lowered)) or any(_is_irregular_past(w) for w in re.findall(r"[a-z]+", folded))


def _is_irregular_past(word: str) -> bool:
    base = irregular_base(word)
    return base is not None and base != word


def predicate_people(folded: str, people: frozenset[str]) -> frozenset[str]:
    """The people a claim names as its value, not its subject: "his coach was segura" checks who
    his coach was; "did markov win silver" is about Markov."""
    found = set()
    for person in people:
        name = re.escape(person)
        lead = rf"^\W*(?:(?:{_named('filler:')})\W+)*(?:did|does|was|is|were|has|had|fue|era)?\s*(?:\w+\s+)?"
        if re.search(rf"{lead}{name}\b", folded):
            continue  # the person opens the claim: its subject
        if re.search(rf"\b(?:was|is|were|fue|era|es)\s+(?:\w+\s+)?{name}\b", folded):
            found.add(person)
    return frozenset(found)


# A clause's bounds: a sentence mark, a comma, an opening "¿" or "¡".
_CLAUSE_MARK = lazy(r"([.!?;:,¿¡])")
_WORD = lazy(r"[^\W_]+(?:'[^\W_]+)?")
_YES_NO_WORDS = frozenset({"whether", "si"})  # "whether", "si": an embedded question asking yes or no
_MORE_PREPOSITIONS = frozenset({"on", "by", "up", "until", "till", "since", "hasta", "desde", "sobre", "contra"})
_EXCLAIMING = frozenset({"a", "an"})  # "what a race, he won gold right?": an exclamation, not a question
MAX_PREPOSITIONS = 2  # "up to what", "from which", "hasta dónde": prepositions carried before the word


def _word_of(written: str) -> str:
    """A written word as the tables spell it: folded, its chat spelling undone ("wht", "kien"),
    a contraction's ending dropped ("where'd", "what's")."""
    folded = fold(written).split("'")[0]
    return tables().spellings.get(folded, folded).split(" ")[0]


def _leads(words: list[str]) -> tuple[list[str], bool]:
    """A clause's words from where it starts asking: past lead filler and conjunctions ("so",
    "and", "pero") and the prepositions a question word may carry ("a cuántos", "in which");
    and whether a preposition was carried."""
    table = tables()
    skip = table.lead_filler | table.conjunctions
    i = 0
    while i < len(words) and _word_of(words[i]) in skip:
        i += 1
    start = i
    carriers = table.prepositions | _MORE_PREPOSITIONS
    while i < len(words) and i - start < MAX_PREPOSITIONS and _word_of(words[i]) in carriers:
        i += 1
    return words[i:], i > start


# An English question word then an auxiliary and its subject, anywhere ("atlanta time what was it",
# "so the guy, who was he"): a direct question asked inside a clause.
_ASKS_INVERTED = lazy(
    r"\b(?:what|when|where|how|who|which)(?:\s+[a-z]+)?\s+(?:did|does|do|was|were|is|are|has|had)\s+(?:he|his|it|she|they)\b"
    r"|\bcomo se llama(?:ba|n|ban)?\b"  # "…como se llamaba": a name asked, accent or not
)


def asks_a_value(text: str) -> bool:
    """Does a clause of ``text`` (as written) open with a question word, so that it asks for a
    value ("¿A cuántos segundos quedó…?", "in which year did he…, right?", "how many…") — which
    a "Yes"/"No" cannot answer? The word may follow prepositions ("de dónde", "up to what"), or
    ask inverted anywhere ("…time what was it"). Not a question word opening a clause that tells
    ("when he won in Atlanta he was 22, right?": a subject follows it), an exclamation ("what a
    race"), nor "whether" (asks yes or no). An unaccented Spanish word with no preposition
    before it ("cuando", "como") asks only after "¿" or closing the message: the accent is what
    tells "cuándo" from "cuando" and "cómo" from "como" ("like")."""
    table = tables()
    asking = table.asking_words - _YES_NO_WORDS
    lowered = text.casefold()
    if _ASKS_INVERTED.search(fold(lowered)):
        return True
    parts = _CLAUSE_MARK.split(lowered)
    mark = ""
    for n, part in enumerate(parts):
        if n % 2:
            mark = part
            continue
        words, carried = _leads(_WORD.findall(part))
        if not words or _word_of(words[0]) not in asking or mark == "¡":
            continue
        word, after = words[0], _word_of(words[1]) if len(words) > 1 else ""
        if (after in table.subjects and "'" not in word) or (after in _EXCLAIMING and _word_of(word) == "what"):
            continue  # "when he won…" tells; "where'd he…" (a contracted auxiliary) asks
        english = _word_of(word).startswith(("wh", "how"))
        last = not any(_WORD.search(rest) for rest in parts[n + 1 :])
        if english or carried or word != fold(word) or mark == "¿" or last:
            return True
    return False
