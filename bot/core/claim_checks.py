"""Settling a claim or a yes/no check against what a fact states: "He won bronze in Beijing,
right?", "my cousin says the pilgrimage was 1000 km", "did he win the last race of his career?".
The claimed values are slots, not topic: the fact holding the right value answers, with a verdict
("yes", "no", or "" when the fact alone cannot say). The matcher decides what a message asks; this
module has one job: whether the fact it lands on confirms or corrects what the message claims —
including a denied claim ("he never…", said with no bare yes or no), a place no fact knows ("won
in Tokyo"), an amount of time ("by a full minute", "a decade"), a year before or after, the first
or last of a series, two events checked one by one, and a choice between values ("2008 or 2009?")
— the last four in :mod:`bot.core.event_checks`.
The fixed bounds it shares with the matcher live in :mod:`bot.core.thresholds`.
"""

from __future__ import annotations

import math
import re
from functools import cached_property

from rapidfuzz.distance import OSA

from bot.core import decision
from bot.core.arithmetic import measures_in
from bot.core.claims import claimed_part, compares_to_value, exact_words, gives_reason, negation_words, predicate_people
from bot.core.comparisons import contraries, says_a_contrary, sooner_or_later
from bot.core.follow_ups import FollowUps
from bot.core.index import about_other, is_year
from bot.core.lazyre import lazy
from bot.core.measures import (
    direction_of,
    measure,
    settles,
)
from bot.core.numbers import is_small_number, normalise_numbers
from bot.core.respell import sound_key
from bot.core.results import Candidate, MatchResult, Status
from bot.core.scoring import PIVOT_RANK, UNSAID_RANK
from bot.core.text import RARE_RANK, Analysis, fold
from bot.core.thresholds import COMMON_IDF, MARGIN, MIN_COVERAGE, MIN_EVIDENCE, PART_MIN_COVERAGE, RERANK_WITHIN
from bot.core.two_topics import TIMELINE
from bot.core.wordlists import tables

__all__ = [
    "ClaimChecks",
]

# The kind of value a question word asks for, which a fact's answer must hold to settle a claim.
INTENT_KINDS = {"q_time": "time", "q_when": "year", "q_date": "date", "q_age": "number", "q_count": "number"}
MEDAL = "medal"  # the lexicon's concept for a medal of any colour
WHY = "q_why"  # the lexicon's concept for "why", "por qué", "porque"
PODIUM = frozenset({"1st", "2nd", "3rd"})
PLACE_OF = {"gold": "1st", "silver": "2nd", "bronze": "3rd"}  # the lexicon's medal colours as places
WIN = "win"  # the lexicon's concept for winning: a placing below first says no
ANCHOR_KINDS = ("place", "year")  # what a claim is about, rather than the value it checks
# Rare unknown words a claim may carry beside a wrong value ("retired in 2012 after london"); everyday
# ones ("half empty") up to as many as the words of its topic we know.
MAX_UNVERIFIED = 1
# The lexicon's words of losing or falling short ("lost the gold", "missed the bronze", "finished
# behind the winner"): a medal named with one is the medal at stake, maybe the one he did not get.
LOSING = frozenset({"beat", "miss", "behind"})


CONTRARY = "contrary"  # the kind of a value claimed by its opposite ("the oldest" of a fact's "the youngest")
_ACCENTED = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uú]"}


def _said_pattern(words: str) -> re.Pattern[str]:
    """``words`` as typed, any case, accented or not ("mas viejo" finds "Más viejo")."""
    return re.compile(r"\b" + "".join(_ACCENTED.get(ch, re.escape(ch)) for ch in words) + r"\b", re.IGNORECASE)


# "of the three", "de los tres", "among the two": a number naming a group one is picked from.
_PARTITIVE_RE = lazy(r"\b(?:of|de|among|entre) (?:the|los|las) (\w+)\b")


_EVENT_NOUNS = frozenset({"olympics", "worlds", "event"})  # the lexicon's games, championships, races


def _is_age(token: str) -> bool:
    """A bare number a person's age could be (10–60): "pretty sure he was 25 when he won"."""
    return token.isdigit() and 10 <= int(token) <= 60


def _is_time(token: str) -> bool:
    """A clock time ("1:18", "1:20:07"): "he did 1:18 flat in atlanta" asks his time."""
    return ":" in token and token.replace(":", "").isdigit()


_ORDINAL_RE = lazy(r"\d+(?:st|nd|rd|th)")
_PLACE_BEFORE = r"\b(?:in|at|from|en|desde|de)\s+"  # a preposition that places what follows
_EVENT_BEFORE = r"\b(?:in|at|en|a)\s+(?:the|el|la|los|las)\s+"  # "at the …", "en los …": an event named
MAX_NAME_EDITS = 2  # a claimed place this close to a name the facts know is that name misspelt


def _placed_word(folded: str, token: str) -> str | None:
    """The word a token (a word's stem) stands for right after a preposition of place, if any."""
    if len(token) < 3 or not token.isalpha():
        return None  # "d" (for "de"), a number: no name
    found = re.search(rf"{_PLACE_BEFORE}({re.escape(token)}\w*)\b", folded)
    return found.group(1) if found else None


# A nationality's forms, by language ("Peruvian", "Chinese", "Korean"; "ucraniano", "peruano",
# "costarricense", "panameño"), and the trades, creeds and states that share an ending
# ("politician", "vegetarian", "Christian", "Episcopalian", "obese"; "anciano", "cristiano").
# Spanish names trades with no article ("era campesino"): its -ano/-ino endings are left out.
_DEMONYM = {  # a short message's language is a guess: the Spanish endings no English word has count in both
    "en": lazy(r"(?:ian|ean|ese|iano|iana|uano|uana)$"),
    "es": lazy(r"(?:ian|ean|ese|iano|iana|uano|uana|ense|eno|ena)$"),
}
_NOT_DEMONYM = lazy(r"(?:ician|arian|christian|palian|obese|cian[oa]|cristian[oa])$")
# …and in a question, with its subject after it ("was he Colombian?", "¿era él peruano?").
_COPULA = (
    r"(?:\b(?:was|is|were|be|been|era|es|fue|eran|son|sea)\s+(?:(?:he|she|they|el|ella|perez|jefferson)\s+)?"
    r"|\b(?:he|she|perez|jefferson)[’']s\s+)"  # "he's Colombian"
)
_NAME_OF_NATION = lazy(r"(?=\b(\w+) of (\w+)\b)")  # "Markov of Russia" (overlapping: "a of b of c")
_NATION_NAME = lazy(r"(?=\b(\w+)(?:'s)? (?:\w+ )?(\w+)\b)")  # "Russia's Valeriy Borchin", "Russian Borchin"
# "finished first", "came first", "first place": a first that places him, not the first of a series.
_PLACED_FIRST_RE = lazy(r"\b(?:finish\w*|came|placed|ended)\s+first\b|\bfirst place\b", re.IGNORECASE)
# "did he ever…", "at any Olympics", "en algún Mundial": whether it happened at any time
_EVER = lazy(r"\b(?:ever|at any|in any|alguna vez|algun dia|jamas|en algun[oa]?s?)\b")
# "the oldest gold medallist ever", "the first ever": "ever" stresses a superlative, asks no "ever".
_SUPERLATIVE_EVER = lazy(r"\bthe\s+(?:\w+est|first|only|last|most\s+\w+)\b(?:\s+\w+){0,4}?\s+ever\b")
COUNTRY = "country"  # the lexicon's concept for a nation or nationality
# A nationality said of him: "is he Mexican", "he was Russian", "¿era él ruso?", "perez is from Peru";
# or the country he stood for: "did he represent Mexico?", "Jefferson representaba a México".
_HIS_NATION = lazy(
    r"\b(?:(?:he|perez|jefferson)\s+(?:was|is|s|era|es|fue)|(?:was|is|era|es|fue)\s+(?:he|perez|jefferson|el)"
    r"|(?:he|perez|jefferson)\s+(?:represent|compet\w*\s+for|compit\w*\s+por)\w*)"
    r"(?:\s+(?:a|an|un|like|really|actually|even|from|de))*\s+\w+\s*(?:[?!.,]|$)"
)


# "no" denying inside a claim, not a closing tag "…, ¿no?" nor an opening one ("¿no era que…?", "¿no que…?")
TIME, COUNT = "q_time", "q_count"  # the lexicon's concepts for a clock time and a count
METRES = "m"  # the canonical unit token of "meters", "metros" (kept apart from its number)


def _times_counted(folded: str) -> bool:
    """ "four times in a row", "tres veces", "twice": a count of times, not a clock time."""
    words = "|".join(sorted(tables().numbers, key=len, reverse=True))
    return bool(re.search(rf"\b(?:\d+|{words}|several|many|varias|muchas)\s+(?:times|veces)\b|\btwice\b", folded))


_SPANISH_NO = lazy(
    r"\bno\b(?![\s?!.¿¡]*$)(?!\s+(?:(?:era|fue|es|seria|sera|habia\s+sido)\s+(?:cierto\s+|verdad\s+)?)?que\b)"
)


# Who a check says came first: "did he beat Borchin", "Pérez finished ahead of Markov", "he lost
# to Borchin", "¿le ganó Pérez a Borchin?". Him by pronoun or name; the others by surname.
_HIM_NAMES = ("he", "him", "perez", "jefferson", "jeff", "el")
_AHEAD = (
    r"(?:beat|defeated|outpaced|outwalked|edged(?: out)?|pipped|nipped|topped|won against|win against"
    r"|(?:(?:finish(?:ed)?|came|was|crossed the line)\s+)?(?:ahead of|in front of))"
)
_BEHIND = r"(?:lost to|lose to|losing to|(?:was |got )?beaten by|(?:(?:finish(?:ed)?|came|was)\s+)?behind)"
_WON_OVER = r"(?:gano|vencio|derroto|supero)"


def claimed_ahead(folded: str, people: frozenset[str]) -> tuple[str, str] | None:
    """(who came first, who came behind) as a (folded) check says it — "him" or a surname — or
    None when it says no such thing."""
    names = "|".join(sorted({*_HIM_NAMES, *people}))
    one, other = rf"(?P<a>{names})", rf"(?P<b>{names})"
    forms = (
        rf"\b{one}\b(?:\s+\w+)?\s+{_AHEAD}\s+(?:\w+\s+)?{other}\b",
        rf"\b{other}\b(?:\s+\w+)?\s+{_BEHIND}\s+(?:\w+\s+)?{one}\b",
        rf"\b(?:le\s+)?{_WON_OVER}\s+{one}\s+a\s+(?:\w+\s+)?{other}\b",
        rf"\b{one}\s+(?:le\s+)?{_WON_OVER}\s+a\s+(?:\w+\s+)?{other}\b",
    )
    for form in forms:
        found = re.search(form, folded)
        if found is not None:
            ahead, behind = ("him" if n in _HIM_NAMES else n for n in (found["a"], found["b"]))
            return (ahead, behind) if ahead != behind else None
    # "en Pekín le ganó a Borchin": Spanish leaves him, the subject, unsaid.
    found = re.search(rf"\ble\s+{_WON_OVER}\s+a\s+(?:\w+\s+)?{other}\b", folded)
    if found is not None and found["b"] not in _HIM_NAMES:
        return "him", found["b"]
    return None


def _only_recalled(colour: str, text: str) -> bool:
    """Is a medal colour said in ``text`` only as another event's, dated ("two years after his
    1990 bronze, … he won gold")?"""
    before = re.findall(rf"(\w+)\s+{re.escape(colour)}\b", text, re.IGNORECASE)
    return bool(before) and all(is_year(word) for word in before)


def _asks_ever(folded: str) -> bool:
    """Does a check ask whether something ever happened ("did he ever win…", "¿alguna vez…?"),
    not only stress a superlative ("the youngest champion ever")?"""
    return _EVER.search(_SUPERLATIVE_EVER.sub(" ", folded)) is not None


class ClaimChecks(FollowUps):
    """Claims and yes/no checks settled by a fact (mixed into :class:`bot.core.matcher.Matcher`)."""

    def _confirmed_by_all(self, analysis: Analysis, result: MatchResult) -> MatchResult | None:
        """ "Was Borchin Russian?": two facts tie, and each states every value the check names
        (Russia, Borchin) — the tie does not matter, either says yes. The closest answers."""
        if not analysis.confirming or result.status is Status.SMALLTALK:
            return None
        values = {t for t in analysis.tokens if self._value_kind(t) is not None}
        scored = self.score(analysis)[:2]
        if not values or len(scored) < 2 or set(analysis.tokens) & self._compare:
            return None
        for s in scored:
            if s.coverage < PART_MIN_COVERAGE or s.evidence < MIN_EVIDENCE:
                return None
            if not values <= self._answer_tokens[s.index]:
                return None
            if any(t not in self._vocab[s.index] | self._answer_tokens[s.index] | self._topic for t in analysis.tokens):
                return None  # a word the fact never uses is checked too, and the fact cannot confirm it
        top = Candidate(self.facts.facts[scored[0].index], max(result.confidence, decision.ANSWER_AT))
        contrary = self._contrary_said(result.question, analysis)
        # "Is Cuenca a big city?": the fact names Cuenca, but calls it small.
        verdict = "no" if contrary is not None and contrary[2] <= self._answer_tokens[scored[0].index] else "yes"
        return MatchResult(result.question, Status.ANSWERED, result.lang, top.confidence, (top,), verdict=verdict)

    def _placing_checked(self, analysis: Analysis, result: MatchResult) -> MatchResult | None:
        """ "Did he win the last race of his career?": of close facts, the one that says where he
        placed settles a check of whether he won (third in Murcia → No)."""
        if not analysis.confirming or WIN not in analysis.tokens:
            return None
        scored = self.score(analysis)[:3]
        if not scored or scored[0].coverage < MIN_COVERAGE:
            return None
        close = [s for s in scored if scored[0].rank - s.rank < RERANK_WITHIN and s.coverage >= MIN_COVERAGE]
        placed = [s for s in close if self._placings[s.index]]
        if len(placed) != 1 or len(close) < 2:
            return None
        top = Candidate(self.facts.facts[placed[0].index], decision.ANSWER_AT)
        verdict = "yes" if "1st" in self._placings[placed[0].index] else "no"
        return MatchResult(result.question, Status.ANSWERED, result.lang, top.confidence, (top,), verdict=verdict)

    def _correct_premise(self, analysis: Analysis, question: str, truncated: bool) -> MatchResult | None:
        """ "He won bronze in Beijing, right?", "my cousin says the pilgrimage was 1000 km" — a claim
        or yes/no check is answered by the fact holding the right value, when all that fact lacks
        are the values being checked: a value of a kind it holds (a medal colour, a number, a
        nation, a person) or a comparing word ("longer", "before"). A year being
        checked asks "when". "What was his time in Beijing" asks, not checks."""
        if not analysis.confirming:
            return None
        flipped: frozenset[str] = frozenset()
        contrary = self._contrary_reading(question, analysis)
        if contrary is not None:
            question, analysis, flipped = contrary
        # The claimed values are slots, not topic: "his coach was Segura" is about his coach, and
        # Segura is the value checked. An unknown word ("after london") is a detail no fact can
        # check: it may ride along only when a value it comes with is wrong (then the answer is no).
        # A rare word no fact knows after "in", "from", "en" is a place claimed ("won in Tokyo"):
        # a value to check against the place the fact holds, not a detail no fact can check.
        # Only when it is the one value checked: "retired in 2012 after London" checks the year.
        # So is a rare word of a nationality's form said of someone ("he was Peruvian", "era
        # ucraniano"): a nation claimed, checked against the nation the fact holds.
        # A nationality is said of a person, who may be named ("Markov was Ukrainian").
        claimed_kinds: dict[str, str] = {}
        kinds = {self._value_kind(t) for t in analysis.tokens} - {None}
        if not kinds - {"person"}:
            claimed_kinds = {t: "nation" for t in self._claimed_nations(question, analysis)}
        if not kinds:
            claimed_kinds |= {t: "place" for t in self._claimed_places(question, analysis)}
        # A bare number said with hours or minutes ("in like 1 hour 25") is part of a time claimed,
        # checked against the fact's time, not a count ("4 times" is a count: no time is asked then).
        # A number with a unit of length after it is a distance ("took him up to 5,800 m").
        if TIME in analysis.tokens:
            claimed_kinds |= {
                t: "time"
                for t, after in zip(analysis.tokens, (*analysis.tokens[1:], ""), strict=True)
                if self._value_kind(t) == "number" and after != METRES
            }
        claimed_kinds |= {t: CONTRARY for t in flipped}
        claimed = frozenset(claimed_kinds)

        grouped = self._partitive_numbers(fold(question), analysis.lang)

        def kind_of(t: str) -> str | None:
            if t in grouped:
                return None  # "the oldest of the three": a group picked from, not a count claimed
            return claimed_kinds.get(t) or self._value_kind(t)

        def checkable(t: str, i: int) -> bool:
            if t in flipped:
                return t in self._answer_tokens[i]
            return claimed_kinds[t] in self._said_kinds(i) if t in claimed else self._checkable(t, i)

        values = {t for t in analysis.tokens if kind_of(t) is not None}
        unverified = set(analysis.unknown) - self._compare - claimed
        rare = {t for t in unverified if analysis.ranks.get(t, RARE_RANK) > PIVOT_RANK}
        known = {t for t in analysis.tokens if t not in unverified and t not in self._topic}
        known -= {t for t in known if kind_of(t) is not None}
        if len(rare) > MAX_UNVERIFIED or len(unverified) > max(len(known), MAX_UNVERIFIED):
            return None  # a claim made mostly of words no fact knows is not one we understand
        # A rare word no fact knows, placed by "at the", "en los": where the claim happened, an event
        # or place no fact knows — with a year or place that differs, the claim is about another event.
        folded = fold(question)
        elsewhere = {t for t in rare - claimed if re.search(rf"{_EVENT_BEFORE}{re.escape(t)}", folded)}
        # …and so is a name no fact knows given to games, championships or a race ("the Pan American
        # Games", "los Juegos Panamericanos"); a place alone ("London 2012") is checked by its year.
        tokens = analysis.tokens
        elsewhere |= {
            t
            for k, t in enumerate(tokens)
            if t in analysis.unknown_pairs
            and t in unverified
            and t not in claimed
            and _EVENT_NOUNS & set(tokens[max(0, k - 2) : k + 3])
        }
        people = {f"about_{t}" for t in predicate_people(fold(question), self.facts.lexicon.people)}
        analysis = analysis.replace(subjects=analysis.subjects - people)
        query = set(analysis.tokens) - unverified
        claimed_values = {kind_of(t) for t in values} - {None, *ANCHOR_KINDS}
        if TIME in query and claimed_values and "time" not in claimed_values:
            # "the pilgrimage took him up to 5,800 m": a height is claimed, and "took" asks no time
            # ("con qué marca ganó el título de 2001" claims no value: it asks the time).
            query.discard(TIME)
        asks = self._implied({t for t in query if claimed_kinds.get(t) != "time"})
        if "nation" in claimed_kinds.values() and COUNTRY in self._idf:
            asks += (COUNTRY,)  # a nation claimed asks which country
        slots = {t for t in values if kind_of(t) not in ANCHOR_KINDS}
        topic = tuple(t for t in analysis.tokens if t not in slots and t not in unverified) + asks
        leading = [s.index for s in self.score(analysis.part(analysis.tokens + asks))[:3]]
        by_topic = {s.index: s.rank for s in self.score(analysis.part(topic))[:3]}
        leading += [i for i in by_topic if i not in leading]

        # The fact holding most of the claim first: it lacks the fewest of the values checked.
        # Of two facts lacking as many, the one lacking a value (a medal, a number) over the one lacking
        # the event's place or year: "he finished second in Atlanta" checks the Atlanta medal.
        def filler(t: str) -> bool:
            # "went up to", "a full minute": an everyday word no concept names says nothing a fact must hold.
            # A word no fact uses says something none holds ("carried the flag"), unless it is one of the
            # commonest, light verbs that only carry a claimed value ("took silver", "gave a time").
            if t in self._concepts or kind_of(t) is not None or t in self._compare:
                return False
            rank = analysis.ranks.get(t, RARE_RANK)
            return rank <= PIVOT_RANK if t in self._idf else rank <= UNSAID_RANK

        def missing_from(i: int) -> set[str]:
            # A value is checked against what the fact states, not its phrasings ("was he at three
            # olympics" is a phrasing of the fact that says five).
            stated = {t for t in values - self._answer_tokens[i] if kind_of(t) not in ANCHOR_KINDS}
            held = values & self._answer_tokens[i]  # "was his time 1:20:07?": stated, though no phrasing says it
            lacking = {t for t in query - self._vocab[i] - self._topic - held if not filler(t)}
            return lacking | (stated & query) | (flipped & query)

        def shape(t: str) -> str | None:  # "2nd" is checked against an ordinal ("the first medal") first
            return "ordinal" if _ORDINAL_RE.fullmatch(t) else kind_of(t)

        def lacks(i: int) -> tuple[int, int, int, float]:
            missing = missing_from(i)
            held = {shape(t) for t in self._answer_tokens[i]}
            unlike = sum(shape(t) not in held for t in missing if kind_of(t) is not None)
            anchors = sum(kind_of(t) in ANCHOR_KINDS for t in missing)
            counted = len(missing - self._compare)  # "different", "more": how, not what, a fact must hold
            return counted, anchors, unlike, -by_topic.get(i, 0.0)  # then the best fit without the values

        if any(about_other(t) for t in analysis.subjects) and any(not missing_from(i) for i in leading[:2]):
            return None  # a leading fact states the whole claim about him: none may correct it ("¿Borchin era ruso?")
        others = {s.removeprefix("about_") for s in analysis.subjects if about_other(s)}
        for i in sorted(leading, key=lacks):
            missing = missing_from(i)
            if not missing or not all(checkable(t, i) for t in missing):
                continue
            if others and (others - self._answer_tokens[i] or any(kind_of(t) in ANCHOR_KINDS for t in missing)):
                # "did Markov finish 10 seconds behind him in Atlanta?": what another person did is
                # settled only by a fact that names them, at the event the claim names.
                continue
            if sum(kind_of(t) in ANCHOR_KINDS for t in missing) + bool(elsewhere) > 1:
                # "won in Seoul at the 1988 Olympics" is not about the Atlanta fact: its event differs;
                # so is "gold at the Commonwealth Games in 1995": an event no fact knows, in another year.
                continue
            named = (query - missing - self._topic) | (set(asks) & self._vocab[i])
            if not any(self._idf.get(t, 0.0) >= COMMON_IDF for t in named) and (
                self._joint_idf(named | (query - missing)) < COMMON_IDF or _asks_ever(fold(question))
            ):
                # Nothing but the values and words that half the facts share together: no event to check
                # against. Common words may name one together ("olympic" + "win": the Atlanta gold; "walked"
                # + "km" + "Ecuador", words of the topic, the pilgrimage),
                # unless the check asks whether it ever happened: one event's value cannot say never.
                continue
            if not any(kind_of(t) is not None or t in self._intents for t in missing):
                continue  # "any tips to get better at race walking?": a comparing word alone checks nothing
            implied = self._implied({t for t in missing if claimed_kinds.get(t) != "time"})
            # The values being checked are what the fact settles, not words it must contain; the
            # fact's own value of that kind stands in for them (silver claimed → the gold it holds).
            kinds = {kind_of(t) for t in missing} - {None, *ANCHOR_KINDS}
            own = tuple(t for t in sorted(self._answer_tokens[i]) if kind_of(t) in kinds and t in self._vocab[i])
            kept = tuple(t for t in analysis.tokens if t not in missing and t in query) + implied
            plain_best = self.score(analysis.part(kept))[:1]
            if (
                own
                and not flipped & missing  # the opposite stands for a word the claim said, not a value
                and plain_best
                and plain_best[0].index != i
                and plain_best[0].rank - self._rank_of(i, kept, analysis) > MARGIN
            ):
                own = ()  # another fact fits the claim's other words better ("the 50k world title")
            result = self._decide(question, analysis.part(kept + own), truncated)
            if own and result.status is Status.ANSWERED:
                # The stand-in found the fact; the confidence is what the claim's own words earn.
                plain = self._decide(question, analysis.part(kept), truncated).confidence
                confidence = round(min(result.confidence, max(plain, decision.ANSWER_AT)), 4)
                top = Candidate(result.answers[0].fact, confidence)
                result = result.replace(confidence=confidence, answers=(top,))
            fact = self.facts.facts[i]
            if result.status is Status.AMBIGUOUS and result.suggestions and result.suggestions[0].fact is fact:
                # Close siblings, but only this one holds the kind of value the claim checks.
                top = Candidate(fact, result.confidence)
                result = result.replace(status=Status.ANSWERED, answers=(top,), suggestions=())
            tied = result.suggestions[:2]
            if (
                result.status is Status.UNKNOWN
                and own
                and len(tied) == 2
                and tied[0].fact is fact
                and all(set(own) <= self._answer_tokens[self.facts.facts.index(c.fact)] for c in tied)
            ):
                # "Borchin was Mexican right?": two facts tie, each stating the right value (Russia):
                # either sets it right.
                top = Candidate(fact, decision.ANSWER_AT)
                result = result.replace(status=Status.ANSWERED, answers=(top,), suggestions=())
                result = result.replace(confidence=top.confidence)
            if result.status is Status.ANSWERED and result.fact is fact:
                values = {t for t in missing if kind_of(t) is not None}
                # "" = checked, but the fact alone cannot say yes or no (a compared or unmeasured value).
                claim = claimed_part(fold(question))  # "i was under the impression…" compares nothing
                direction = direction_of(claim)
                text = normalise_numbers(claim)
                relative = any(compares_to_value(text, t) for t in values)
                verdict = "no" if values and not relative and not direction else ""
                if not direction and relative and len(values) == 1 and all(is_year(t) for t in values):
                    # "he retired after 2012": a year compared in time, settled by the fact's year.
                    direction = sooner_or_later(claim)
                if direction and any(claimed_kinds.get(t) == "time" for t in values):
                    verdict = ""  # "under 1 hour 25": only part of the time is a number here
                elif direction and len(values) == 1:  # "was his time under 1:20?": arithmetic settles it
                    held = sorted(self._answer_tokens[i])
                    settled = settles(next(iter(values)), held, direction)
                    verdict = verdict if settled is None else ("yes" if settled else "no")
                if flipped & values:
                    verdict = "no"  # the fact states the opposite of what is claimed
                if unverified and verdict != "no":
                    return None  # "he won gold after london": nothing here can check london
                return self._medal_elsewhere(analysis, result.replace(verdict=verdict))
        return None

    def _partitive_numbers(self, folded: str, lang: str) -> frozenset[str]:
        """The number tokens of a (folded) text that name a group picked from, not a count."""
        words = " ".join(_PARTITIVE_RE.findall(folded))
        return (
            frozenset(t for t in self.analyzer.analyze(words, lang).tokens if is_small_number(t))
            if words
            else frozenset()
        )

    def _contrary_reading(self, question: str, analysis: Analysis) -> tuple[str, Analysis, frozenset[str]] | None:
        """ "Was he the oldest of the three?" where a fact says "the youngest of the three": the
        claim read with the opposite said, and the opposite's tokens (a value the fact settles, and
        denies). Only of him, and only for a word no fact knows whose opposite a fact states."""
        said = self._contrary_said(question, analysis)
        if said is None:
            return None
        pattern, opposite, tokens = said
        reread = pattern.sub(opposite, question)
        return reread, self.analyzer.analyze(reread, analysis.lang), tokens

    def _contrary_said(self, question: str, analysis: Analysis) -> tuple[re.Pattern[str], str, frozenset[str]] | None:
        """The word a claim about him says whose opposite a fact states: (its pattern, the
        opposite, the opposite's tokens), or None."""
        if any(about_other(s) for s in analysis.subjects):
            return None  # "was Markov the oldest": the fact only says who was youngest
        if not says_a_contrary(fold(question)):
            return None  # the opposites are worked out only for a question that says one of the words
        for pattern, opposite, tokens, _ in self._contraries[analysis.lang]:
            if pattern.search(question):
                return pattern, opposite, tokens
        return None

    @cached_property
    def _opposites(self) -> list[tuple[frozenset[str], frozenset[str]]]:
        """(the tokens of a word no fact knows, the tokens of its opposite that a fact states):
        "senior" of "junior", "oldest" of "youngest", in either language."""
        return [(said, tokens) for found in self._contraries.values() for _, _, tokens, said in found if said]

    @cached_property
    def _contraries(self) -> dict[str, list[tuple[re.Pattern[str], str, frozenset[str], frozenset[str]]]]:
        """By language, the opposites that can be read: (the word said, as a pattern; its
        opposite; the opposite's tokens; the word said's own) — when no fact knows the word said
        and a fact states its opposite."""
        found: dict[str, list[tuple[re.Pattern[str], str, frozenset[str], frozenset[str]]]] = {}
        for lang in ("en", "es"):
            found[lang] = []
            for said, opposite in contraries():
                said_tokens = set(self.analyzer.analyze(said, lang).tokens)
                tokens = frozenset(self.analyzer.analyze(opposite, lang).tokens) - said_tokens
                if not tokens or any(t in self._idf for t in said_tokens - tokens):
                    continue
                if any(tokens <= answer for answer in self._answer_tokens):
                    found[lang].append((_said_pattern(said), opposite, tokens, frozenset(said_tokens - tokens)))
        return found

    def _claimed_places(self, question: str, analysis: Analysis) -> frozenset[str]:
        """The rare words no fact knows that a claim places something in ("won in Tokyo", "he's
        from Guayaquil", "ganó en Tokio"): after a preposition of place, and rarer than everyday
        words ("in trouble", "in secret" are not places)."""
        folded = fold(question)
        found = set()
        for t in analysis.unknown:
            word = _placed_word(folded, t) if analysis.ranks.get(t, RARE_RANK) > PIVOT_RANK else None
            if word is not None and not self._misspelt_name(word):
                found.add(t)
        return frozenset(found)

    def _claimed_nations(self, question: str, analysis: Analysis) -> frozenset[str]:
        """The rare words no fact knows that a claim gives as someone's nationality: said right
        after a copula, with no article ("was Peruvian", "era ucraniano"; "was a comedian" names a
        trade), in a demonym's form."""
        folded = fold(question)
        found = set()
        for t in analysis.unknown:
            if analysis.ranks.get(t, RARE_RANK) <= PIVOT_RANK or len(t) < 3 or not t.isalpha():
                continue
            said = re.search(rf"{_COPULA}({re.escape(t)}\w*)\b", folded)
            demonym = _DEMONYM.get(analysis.lang, _DEMONYM["en"])
            if said and demonym.search(said.group(1)) and not _NOT_DEMONYM.search(said.group(1)):
                found.add(t)
        return frozenset(found)

    def _misspelt_name(self, word: str) -> bool:
        """Is ``word`` a name the facts know, misspelt or spelled by ear ("atens", "kuenka")?"""
        key = sound_key(word)
        return any(sound_key(n) == key or OSA.distance(word, n) <= MAX_NAME_EDITS for n in self._names)

    def _joint_idf(self, words: set[str]) -> float:
        """The idf of a set of words held together: rare when few facts hold them all."""
        held = sum(1 for vocab in self._vocab if words <= vocab) if words else len(self._vocab)
        return math.log(1 + len(self._vocab) / held) if held else math.inf

    def _rank_of(self, index: int, tokens: tuple[str, ...], analysis: Analysis) -> float:
        return next((s.rank for s in self.score(analysis.part(tokens)) if s.index == index), 0.0)

    def _implied(self, values: set[str]) -> tuple[str, ...]:
        """What claimed values ask: "retired in 2010" asks when, "he was 25 when he won" how old,
        "he won like 3 olympic golds" how many."""
        return tuple(
            intent
            for intent, claimed in (
                ("q_when", is_year),
                ("q_age", _is_age),
                ("q_count", is_small_number),
                ("q_time", _is_time),
            )
            if any(claimed(t) for t in values) and intent in self._idf
        )

    def _checkable(self, token: str, index: int) -> bool:
        """Can ``token``, missing from fact ``index``, be a value the question checks?"""
        kind = self._value_kind(token)
        until = self._known_until[index]
        if kind == "year" and until is not None and int(token) > until:
            return False  # "handed over to him in 2019": the fact stops in 2015, it cannot say
        if kind == "year":
            # A fact telling two years ("2008 … reported in 2015") cannot say which one is claimed,
            # unless it is a series dated by its first year ("five Olympics, 1992–2008") and the
            # claimed year falls outside it ("did he go to the 2012 Olympics?").
            years = sorted(int(t) for t in self._answer_tokens[index] if is_year(t))
            if len(years) == 1:
                return True
            return self._is_series(index) and not years[0] <= int(token) <= years[-1]
        if kind is not None:  # the fact's answer must hold a value of that kind to set it right
            return kind in self._said_kinds(index)
        if token in self._intents:  # "lost by a whole minute": a time, checked against the fact's time
            return INTENT_KINDS.get(token, "") in self._fact_kinds[index]
        return token in self._compare

    @cached_property
    def _denials(self) -> frozenset[str]:
        """The canonical tokens of the words that deny a claim ("never", "nunca")."""
        words = negation_words()
        return frozenset(t for w in words for lang in ("en", "es") for t in self.analyzer.analyze(w, lang).tokens)

    def _without_denial(self, text: str, analysis: Analysis) -> tuple[Analysis, bool]:
        """A claim's topic without the words that deny it, and whether it was denied: "he never
        won the world title more than once" is checked as "he won the world title more than once"
        — the fact settles either, and "never" is no word a fact must hold. A denied claim gets no
        bare yes or no (which would be ambiguous: "Yes — he won it three times"), only the fact.
        A Spanish "no" inside the claim denies it too ("no ganó en Sídney, ¿verdad?"); a closing
        "¿no?" is a tag."""
        if not analysis.confirming:
            return analysis, False
        asks = set(analysis.tokens) & self._intents
        if WHY in self._intents and not asks and gives_reason(fold(text)) and analysis.clauses:
            # "he quit because he got bored, right?": a reason claimed asks why, as "porque" does;
            # a message asking something else ("… because she asked what distance") asks that.
            first = (*analysis.clauses[0], WHY)
            analysis = analysis.replace(tokens=(*analysis.tokens, WHY), clauses=(first, *analysis.clauses[1:]))
        if TIME in analysis.tokens and COUNT in self._intents and _times_counted(fold(text)):
            # "he won it four times in a row", "tres veces": a count of times, not a clock time
            swap = {TIME: COUNT}
            analysis = analysis.replace(
                tokens=tuple(swap.get(t, t) for t in analysis.tokens),
                clauses=tuple(tuple(swap.get(t, t) for t in c) for c in analysis.clauses),
            )
        spanish_no = analysis.lang == "es" and bool(_SPANISH_NO.search(fold(text)))
        if not set(analysis.tokens) & self._denials:
            return analysis, spanish_no
        tokens = tuple(t for t in analysis.tokens if t not in self._denials)
        # A clause that was only a denial ("i can never remember") goes, with its flags.
        rows = [
            (kept, k) for k, c in enumerate(analysis.clauses) if (kept := tuple(t for t in c if t not in self._denials))
        ]
        clauses = tuple(kept for kept, _ in rows)
        asking = tuple(analysis.asking[k] for _, k in rows)  # Analysis keeps a flag per clause
        asides = tuple(analysis.asides[k] for _, k in rows) if analysis.asides else ()
        changed = analysis.replace(
            tokens=tokens, clauses=clauses, asking=asking, asides=asides, unknown=analysis.unknown - self._denials
        )
        return changed, True

    @cached_property
    def _exact(self) -> frozenset[str]:
        """The canonical tokens of words that stress a value without comparing it ("only")."""
        words = exact_words()
        return frozenset(t for w in words for lang in ("en", "es") for t in self.analyzer.analyze(w, lang).tokens)

    def _verdict(self, analysis: Analysis, result: MatchResult) -> MatchResult:
        """A yes/no check gets "yes" when the answered fact holds every value it checks, "no" when
        a value is missing and the fact holds another of that kind (gold asked, silver won)."""
        if not analysis.confirming or result.verdict is not None or result.fact is None:
            return result
        if len(result.answers) > 1 or set(analysis.tokens) & (self._compare - self._exact):
            return result  # "before or after", two facts: the facts say it, not one word ("only 3" is checked)
        index = self.facts.facts.index(result.fact)
        contrary = self._contrary_said(result.question, analysis)
        if contrary is not None and contrary[2] <= self._answer_tokens[index]:
            return result.replace(verdict="no")  # "the oldest of the three?" — the fact says the youngest
        values = {t for t in analysis.tokens if self._value_kind(t) is not None}
        answer = self._answer_tokens[index]
        placings = self._placings[index]
        claimed = {PLACE_OF.get(t, t) for t in values if self._value_kind(t) == "medal"}
        if claimed and set(analysis.tokens) & LOSING:
            # "did he lose the gold by seconds?" (silver: yes), "did he beat them for gold?" (no if
            # silver): which way the medal is claimed, the words of losing cannot tell.
            return result.replace(verdict="")
        if MEDAL in analysis.tokens and placings and not placings & PODIUM:
            return result.replace(verdict="no")  # "did he medal in Athens?" — fourth both times
        if (
            WIN in analysis.tokens
            and MEDAL not in analysis.tokens
            and not claimed
            and placings
            and "1st" not in placings
        ):
            return result.replace(verdict="no")  # "did he win the final in Murcia?" — third
        if claimed and placings and not claimed & placings:
            # "bronze in Sydney?" — fourth, "just missing the bronze"; "gold in Sydney?" — no, and
            # the gold was in Atlanta: the event that holds the claimed medal goes first.
            return self._medal_elsewhere(analysis, result.replace(verdict="no"))
        if not values:
            if "place" in self._said_kinds(index) and self._claimed_places(result.question, analysis):
                return result.replace(verdict="no")  # "announced it in Madrid": the fact's own place corrects it
            return result
        if self._other_measure_claimed(result.question, index):
            return result.replace(verdict="no")  # "bronze in the 20 km?": the fact's bronze was in the 10 km
        if values <= answer and self._said_of_another(analysis, index, values):
            # "Markov was Mexican?": the fact's Mexico is Segura's. "Is he Mexican?": the fact
            # telling his own country corrects it better than the one naming Segura's.
            return self._own_country_told(analysis, index, result).replace(verdict="no")
        if values <= answer:
            # An answer holding another medal colour too ("two years after his 1990 bronze, …
            # gold in Seoul") may hold the claimed one in passing: no "Yes" to "bronze in Seoul".
            colours = self._medal_colours
            rival = bool(values & colours) and bool((answer - values) & colours)
            # "Was Borchin banned for life?": a word the fact never uses ("life") is checked too,
            # and the fact cannot confirm it.
            held = self._vocab[index] | answer | self._topic | self._intents
            unsaid = any(t not in held for t in analysis.tokens)
            return result.replace(verdict="" if rival or unsaid else "yes")
        # "No" only when the answer itself holds another value of that kind ("did Markov win silver"
        # is not settled by a fact that names Markov but no medal of his).
        said = self._said_kinds(index)
        if all(self._value_kind(t) in said for t in values - answer):
            return result.replace(verdict="no")
        return result

    def _order_checked(self, result: MatchResult) -> MatchResult:
        """A "yes" to a check of an order the answer states the other way round is a "no": who
        came ahead (:meth:`_ahead_checked`), which way a route went (:meth:`_route_checked`)."""
        return self._route_checked(self._ahead_checked(result))

    def _route_checked(self, result: MatchResult) -> MatchResult:
        """ "He walked from Cuenca to Quito": the fact's route runs from Quito to Cuenca — no."""
        if result.verdict != "yes":
            return result
        claimed = self._route(fold(result.question))
        if claimed is None:
            return result
        for candidate in result.answers:
            told = self._route(fold(candidate.fact.answer.get("en", "")))
            if told is not None and told == claimed[::-1]:
                return result.replace(verdict="no")
        return result

    def _route(self, folded: str) -> tuple[str, str] | None:
        """(where from, where to) a text says something went: "from the cathedral in Quito … to
        his hometown, Cuenca", "de Cuenca a Quito"; the places as tokens."""
        found = self._route_pattern.search(folded)
        if found is None:
            return None
        start, end = (self._place_forms[found[k]] for k in ("a", "b"))
        return (start, end) if start != end else None

    @cached_property
    def _place_forms(self) -> dict[str, str]:
        """Each one-word form (folded) the lexicon gives a place a fact names ("pekin" → beijing)."""
        concepts = self.facts.lexicon.concepts
        forms = {fold(f): p for p in self._places for f in concepts.get(p, ()) if fold(f).isalpha()}
        return forms | {p: p for p in self._places}

    @cached_property
    def _route_pattern(self) -> re.Pattern[str]:
        places = "|".join(sorted(map(re.escape, self._place_forms), key=len, reverse=True))
        near = r"(?:[\w,]+\s+){0,3}?"  # "from the cathedral in Quito", "to his hometown, Cuenca"
        return re.compile(
            rf"\b(?:from|de|desde)\s+{near}(?P<a>{places})\b[^.?!]*?\b(?:to|a|hasta)\s+{near}(?P<b>{places})\b"
        )

    def _ahead_checked(self, result: MatchResult) -> MatchResult:
        """A "yes" to a check of who came ahead is a "no" when the answer says the other way round:
        "did he beat Borchin in Beijing?" (14 seconds behind him), "¿le ganó Pérez a Borchin?",
        "Markov beat him in Atlanta, right?" (he won, the fact naming Markov among those he left)."""
        if result.verdict != "yes" or result.fact is None:
            return result
        ahead = claimed_ahead(fold(result.question), self.facts.lexicon.people)
        if ahead is None:
            return result
        index = self.facts.facts.index(result.fact)
        if ahead[0] == "him":
            wrong = self._placed_behind(index, ahead[1])
        else:
            wrong = ahead[1] == "him" and self._placed_ahead(index, ahead[0])
        return result.replace(verdict="no") if wrong else result

    def _placed_ahead(self, index: int, person: str) -> bool:
        """Does fact ``index`` tell of a race he won, naming ``person`` in it?"""
        answer = self._answer_tokens[index]
        return person in answer and "1st" in self._placings[index] and not self._placed_behind(index, person)

    def _placed_behind(self, index: int, person: str) -> bool:
        """Does fact ``index``'s answer place him behind ``person`` ("14 seconds behind Russia's
        Valeriy Borchin", "Borchin, who beat him")?"""
        answer = fold(self.facts.facts[index].answer.get("en", ""))
        name = re.escape(person)
        return bool(re.search(rf"\bbehind\b[^.;]*\b{name}\b|\b{name}\b[^.;]*\bbeat him\b", answer))

    def _own_country_told(self, analysis: Analysis, index: int, result: MatchResult) -> MatchResult:
        """For a nation claimed of him ("is he Mexican?", "he was Russian"), ``result`` answered by
        the fact telling his own country. "The Russian who beat him" names someone else."""
        if any(about_other(s) for s in analysis.subjects) or COUNTRY not in self._idf:
            return result
        if not _HIS_NATION.search(fold(result.question)):
            return result
        scored = self.score(analysis.part((COUNTRY,)))
        if not scored or scored[0].index == index:
            return result
        return result.replace(answers=(Candidate(self.facts.facts[scored[0].index], result.confidence),))

    def _said_of_another(self, analysis: Analysis, index: int, values: set[str]) -> bool:
        """Does the fact tie a claimed nation to someone other than the person the claim is about
        ("Markov was Mexican": "Markov of Russia and Segura of Mexico")? Him, when no one else is named."""
        others = {s.removeprefix("about_") for s in analysis.subjects if about_other(s)}
        if len(others) > 1:
            return False
        person = next(iter(others), None)
        holders = self._nation_holders[index]
        return any(holders.get(t, person) != person for t in values if self._value_kind(t) == "nation")

    @cached_property
    def _nation_holders(self) -> list[dict[str, str]]:
        """Per fact, the nations its English answer says of a named person, read from the two
        constructions that tie them: "NAME of NATION" and "NATION('s) [first name] NAME"."""
        people = self.facts.lexicon.people

        def token(word: str) -> str | None:
            tokens = self.analyzer.analyze(word, "en").tokens
            return tokens[0] if len(tokens) == 1 else None

        found: list[dict[str, str]] = []
        for fact in self.facts.facts:
            text = fold(fact.answer.get("en", ""))
            held: dict[str, str] = {}
            pairs = [(m.group(1), m.group(2)) for m in _NAME_OF_NATION.finditer(text)]
            pairs += [(m.group(2), m.group(1)) for m in _NATION_NAME.finditer(text)]
            for name, nation in pairs:
                who, where = token(name), token(nation)
                if who in people and where is not None and self._value_kind(where) == "nation":
                    held.setdefault(where, who)
            found.append(held)
        return found

    def _medal_elsewhere(self, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "His Olympic gold was in Sydney": the Sydney fact says fourth, and the one event of the
        same kind (the fact's tags that name no place or year: "olympics", "junior") where he took
        that medal says where it really was — shown first, the claimed event's fact after it."""
        if result.verdict != "no" or len(result.answers) != 1 or result.fact is None:
            return result
        facts = self.facts.facts
        index = facts.index(result.fact)
        # A colour names a medal; an ordinal may count something else ("Ecuador's second medal").
        claimed = {PLACE_OF[t] for t in analysis.tokens if t in PLACE_OF}
        anchors = {t for t in analysis.tokens if self._value_kind(t) in ANCHOR_KINDS}
        if len(claimed) != 1 or not anchors or claimed & self._placings[index]:
            return result

        def kinds(i: int) -> set[str]:
            return {t for t in facts[i].tags if t != TIMELINE and not t.isdigit() and self._value_kind(t) is None}

        event = kinds(index)
        found = [
            i
            for i, f in enumerate(facts)
            if i != index
            and TIMELINE in f.tags
            and event <= kinds(i)
            and not self._is_series(i)
            and claimed <= self._placings[i]
            and not anchors & (self._answer_tokens[i] | {str(f.year)})
        ]
        if not event or len(found) != 1:
            return result
        where = Candidate(facts[found[0]], result.confidence)
        return result.replace(answers=(where, *result.answers))

    def _other_measure_claimed(self, question: str, index: int) -> bool:
        """Does a check state a distance or time ("in the 20 km", "en 1:22:07") where fact
        ``index``'s answer states another of that kind? The event's own name ("the 20 km walk")
        is read as the event, so the measure is read from the words as written."""
        claimed = measures_in(normalise_numbers(claimed_part(fold(question))))
        if len(claimed) != 1:
            return False  # none, or a choice between two ("5 km or 20 km?") that the fact settles as asked
        answer = self.facts.facts[index].answer.get("en", "")
        kinds_told = {kind for kind, _ in filter(None, map(measure, measures_in(answer)))}
        said = normalise_numbers(fold(answer)).replace(" ", "")  # every measure it says, a height too ("4,800 m")
        found = measure(claimed[0])
        return found is not None and found[0] in kinds_told and claimed[0] not in said

    @cached_property
    def _placings(self) -> list[frozenset[str]]:
        """Per fact, where its answer places him: its ordinals ("fourth both times"), else its
        medal colours as places (a "silver" is second) — an ordinal wins over a colour mentioned as
        missed. "His first competition", "the first medal Ecuador won" are the first of a series,
        no placing: "first" places him only when he finished or came first."""
        found = []
        for fact, answer in zip(self.facts.facts, self._answer_tokens, strict=True):
            text = fact.answer.get("en", "")
            ordinals = {t for t in answer if _ORDINAL_RE.fullmatch(t)}
            if not _PLACED_FIRST_RE.search(text):
                ordinals.discard("1st")
            colours = {t for t in answer if t in PLACE_OF and not _only_recalled(t, text)}
            found.append(frozenset(ordinals or {PLACE_OF[t] for t in colours}))
        return found

    def _said_kinds(self, index: int) -> set[str | None]:
        """The kinds of value fact ``index``'s answer itself holds (not its phrasings)."""
        text = self._said[index]  # read from the text: "20 km" may join a phrase
        return {self._value_kind(t) for t in self._answer_tokens[index]} | set(text)

    def _value_kind(self, token: str) -> str | None:
        """medal / nation / person (the lexicon's values), year, time, distance or number. An
        ordinal placing is a medal's kind: "second in Atlanta" is checked against the gold."""
        if _ORDINAL_RE.fullmatch(token):
            return "medal"
        if not token[:1].isdigit():
            if token in self._places:
                return "place"  # a named place or body a claim may get wrong ("announced it in Beijing")
            return self.facts.lexicon.values.get(token)
        if is_year(token):
            return "year"
        if ":" in token:
            return "time"
        return "distance" if token.endswith(("km", "m")) else "number"
