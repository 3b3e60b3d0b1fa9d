"""Answering a question about two things with both facts, the one asked first shown first.

"Which was his better Olympics, 1996 or 2008?" names two topics (:mod:`bot.core.comparisons`
reads how); each must clearly pick its own fact. Then the reply gives both facts, and what the two
facts settle between them: which came first ("did he retire before Beijing?"), how many years lie
between them ("how many years between his gold and his silver?") or how many times one distance
is the other — worked out and marked as derived. When both topics pick the same fact and both are
people ("who was faster, Markov or Segura?"), that fact names them but ranks neither.
"""

from __future__ import annotations

import re
from functools import cached_property

from bot.core import decision
from bot.core.arithmetic import distance_text, held_measure, measures_in, series_year, times
from bot.core.catalog import core_catalog
from bot.core.comparisons import (
    age_words,
    alternatives,
    asks_ages,
    asks_by_how_much,
    asks_span,
    asks_times,
    compares_more,
    connective_words,
    cuts,
    either_order,
    kinds_compared,
    order_words,
    pits_two,
    sooner_or_later,
)
from bot.core.decision import Evidence, probability
from bot.core.index import is_year
from bot.core.lazyre import lazy
from bot.core.measures import direction_of
from bot.core.results import Candidate, MatchResult, Status
from bot.core.scoring import Scored, Scorer
from bot.core.text import Analysis, fold

__all__ = ["TwoTopics"]

_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")  # "3rd": the lexicon's token for "third", "tercer"
# A gap of days said with the order ("the day before he retired", "el mismo día"): days apart.
_DAY_GAPS = (
    (1, lazy(r"\b(?:the|a|one|that|el|un)\s+(?:day|dia)\s+(?:before|after|earlier|later|antes|despues)\b"
             r"|\bthe (?:next|previous) day\b|\b(?:al|el) dia (?:siguiente|anterior)\b")),
    (0, lazy(r"\b(?:the|that) same day\b|\bel mismo dia\b")),
)

SIDE_MIN_COVERAGE = 0.85  # a topic must be this clearly explained by its fact
SIDE_MIN_EVIDENCE = 1.2  # …by at least one reasonably specific word
SIDE_MARGIN = 0.05  # …and beat the runner-up by this much
TIMELINE = "timeline"  # the tag of the fact that stands for its year's event
EVENT_KINDS = ("year", "place")  # what alone names an event ("1996", "Beijing")
MEASURES = frozenset({"distance", "time"})  # kinds compared by a measure the fact must state
TIMED = frozenset({"time"})  # what "faster", "slower" compare
RESULT_KINDS = frozenset({"medal"})  # what an event's timeline fact settles when compared ("better")
LAST, FIRST = "last", "1st"  # the lexicon's tokens for "last"/"último" and "first"/"primer"
# What one race settles between two people in it, as a fact naming them tells it ("14 seconds
# behind", "the youngest of the three", "silver"): not a height.
RACE_SETTLES = frozenset({"time", "number", "medal"})
HIM = "him"  # a side naming him ("Pérez or Segura?", "him or Borchin")
HIM_WORDS = frozenset("he him his himself perez jefferson jeff".split())
PAIRED_KINDS = ("place", "year", "person")  # what two alternatives name that a fact must hold both of


DISTANCE_ASKED = "distance"  # the lexicon's concept for "what distance", "qué distancia"


class TwoTopics(Scorer):
    """The two-topic answers of the matcher (mixed into :class:`bot.core.matcher.Matcher`)."""

    def _value_kind(self, token: str) -> str | None:  # pragma: no cover - ClaimChecks defines it
        raise NotImplementedError

    @cached_property
    def _connectives(self) -> frozenset[str]:
        """The canonical tokens of the words that join or compare two topics."""
        found: set[str] = set()
        for words in connective_words():  # "how many years between" is one concept, "longer" a word
            for lang in ("en", "es"):
                found.update(self.analyzer.analyze(words, lang).tokens)
        return frozenset(found) - self._strong

    @cached_property
    def _order_words(self) -> frozenset[str]:
        """The canonical tokens of the words that order two things in time ("before", "después"),
        whatever else the lexicon makes of them."""
        return frozenset(
            t for w in order_words() for lang in ("en", "es") for t in self.analyzer.analyze(w, lang).tokens
        )

    @cached_property
    def _ages(self) -> frozenset[str]:
        """The canonical tokens of the words that compare ages ("younger", "más joven")."""
        return frozenset(t for w in age_words() for lang in ("en", "es") for t in self.analyzer.analyze(w, lang).tokens)

    def _is_connective(self, token: str) -> bool:
        return token in self._compare or token in self._intents or token in self._connectives or token in self._topic

    def _said_kinds(self, index: int) -> set[str | None]:  # pragma: no cover - ClaimChecks defines it
        raise NotImplementedError

    def _evidence(self, scored: list[Scored], analysis: Analysis) -> Evidence:  # pragma: no cover - the matcher's
        raise NotImplementedError

    def _holds(self, index: int, kinds: frozenset[str], dated: bool) -> bool:
        """Does fact ``index`` hold what the comparison needs: a year to count or order by, a
        value of one of ``kinds`` to compare?"""
        if dated and self.facts.facts[index].year is None:
            return False
        measured = tuple(sorted(kinds & MEASURES))
        if measured:  # a distance or a time stated as one ("1:20:07"), not a gap ("14 seconds behind")
            return held_measure(measures_in(self.facts.facts[index].answer.get("en", "")), measured) is not None
        return not kinds or bool(kinds & self._said_kinds(index))

    def _same_measure(self, one: Scored, two: Scored) -> bool:
        """Do two facts state the same one distance (or time)?"""
        held = [held_measure(measures_in(self.facts.facts[s.index].answer.get("en", ""))) for s in (one, two)]
        return held[0] is not None and held[0] == held[1]

    def _dates(self, index: int, anchor: str) -> bool:
        """Is fact ``index`` of the event ``anchor`` names (its year, or a place its answer names)?"""
        if is_year(anchor):
            return str(self.facts.facts[index].year) == anchor
        return anchor in self._answer_tokens[index]

    def _side_fact(
        self,
        side: tuple[str, ...],
        analysis: Analysis,
        kinds: frozenset[str] = frozenset(),
        dated: bool = False,
        compared: frozenset[str] = frozenset(),
    ) -> tuple[int, float] | None:
        """The fact a topic clearly picks among those holding ``kinds`` (and a year when
        ``dated``), with the decision rule's confidence in it; ``compared`` is what the question
        compares, which an event's fact picked by its year or place alone must settle."""
        part = analysis.part(side)
        scored = [s for s in self.score(part) if self._holds(s.index, kinds, dated)]
        if not scored:
            return None
        best = scored[0]
        runner = scored[1] if len(scored) > 1 else None
        gap = best.rank - runner.rank if runner is not None else best.rank
        chance = probability(self._evidence(scored, part))
        anchors = [t for t in side if self._value_kind(t) in EVENT_KINDS]
        named = len(anchors) == 1 and all(t in anchors or self._value_kind(t) is None for t in side)
        results = bool(compared) and not (kinds | compared) - RESULT_KINDS
        if not (named and results):  # "better in Atlanta or Beijing?" compares the events' results, below
            if best.coverage >= SIDE_MIN_COVERAGE and best.evidence >= SIDE_MIN_EVIDENCE and gap >= SIDE_MARGIN:
                return best.index, chance
            if kinds and runner is not None and best.coverage >= SIDE_MIN_COVERAGE and self._same_measure(best, runner):
                return best.index, chance  # "the world junior race": 10 km in either junior fact, so either settles it
        if named:
            # "1996 or 2008?", "his Beijing result": a year or a place alone names its event, the
            # fact the timeline shows for it — its result, not a measure ("faster in Beijing").
            if (kinds | compared) - RESULT_KINDS:
                return None
            (anchor,) = anchors
            pool = [i for i, f in enumerate(self.facts.facts) if TIMELINE in f.tags and self._dates(i, anchor)]
            # The event's own fact (tagged with the place) over one that names it in passing ("after Atlanta").
            pool = [i for i in pool if anchor in self.facts.facts[i].tags] or pool
            ranks = {s.index: s.rank for s in scored}
            if pool:
                return max(pool, key=lambda i: (ranks.get(i, 0.0), -i)), chance
        return None

    def _side(
        self, side: tuple[str, ...], analysis: Analysis, kinds: frozenset[str], dated: bool
    ) -> tuple[int, float] | None:
        """The fact a topic picks by its words, else among those holding the compared kind
        ("the olympic race" that states a distance); "faster" only by the times facts state."""
        found = None if kinds == TIMED else self._side_fact(side, analysis, dated=dated, compared=kinds)
        if found is None and kinds:
            found = self._side_fact(side, analysis, kinds, dated)
        places = [int(t[:-2]) for t in side if _ORDINAL.fullmatch(t)]
        if found is None and len(places) == 1 and len(side) > 1:
            # "his third world title": the one of a series the fact lists ("2003, 2005 and 2007")
            rest = tuple(t for t in side if not _ORDINAL.fullmatch(t))
            found = self._side(rest, analysis, kinds, dated)
            if found is not None and not (self._is_series(found[0]) and len(self._event_years(found[0])) >= places[0]):
                found = None
        return found

    def _two_topics(self, text: str, analysis: Analysis, question: str, truncated: bool) -> MatchResult | None:
        """Both facts of a question about two things, or None when it is not one (or one topic is
        unclear). An UNKNOWN result: two people the one fact naming them does not rank."""
        folded = fold(text)
        span = asks_span(folded)
        # "did he retire before Beijing?" orders two things; "what did he do after retiring?" asks one.
        ordered = (bool(sooner_or_later(folded)) and analysis.confirming) or either_order(folded)
        if not (span or ordered or pits_two(folded) or asks_times(folded)) or len(analysis.tokens) < 2:
            return None
        kinds, dated = kinds_compared(folded), span or ordered
        if not kinds and not span and DISTANCE_ASKED in analysis.tokens:
            # "which distance did he walk at World Juniors versus the Olympics?": the distance asked
            # of both sides set against each other is what each side's fact must hold
            kinds = frozenset({"distance"})
        either = either_order(folded)
        offered = alternatives(folded) is not None

        def connective(token: str) -> bool:  # "¿antes o después?": "después" asks the order, whatever else it means
            return self._is_connective(token) or (either and token in self._order_words)

        # Two people compared ("who was older, Pérez or Borchin?"), or a count between two events
        # ("more people in Atlanta or in Beijing?"): a fact for each is no answer.
        first_paired = PAIRED_KINDS if not kinds and compares_more(folded) else ("person",)
        unsettled = self._unsettled(folded, analysis, kinds, first_paired)
        if unsettled is not None:
            sides = tuple(Candidate(self.facts.facts[i], 0.0) for i in unsettled)
            return MatchResult(question, Status.UNKNOWN, analysis.lang, 0.0, suggestions=sides, truncated=truncated)
        one: tuple[int, float] | None = None  # the one fact stating both events compared
        unheld: tuple[int, int] | None = None  # two sides' facts, not both stating the measure compared
        # People compared in one race are settled by the fact naming them (the gap), whatever it states.
        choice = alternatives(folded)
        people_named = choice is not None and any(
            self._named_in(side, analysis.lang).get("person", set()) - {HIM} for side in choice
        )
        for first, second in cuts(analysis.clauses, connective, self._value_kind):
            people = {t for t in (*first, *second) if self._value_kind(t) == "person"}
            if len(people) >= 2 and not set(first) & set(second) & people:
                a, b = self._side_fact(first, analysis), self._side_fact(second, analysis)
                if a is not None and b is not None and a[0] == b[0]:
                    if kinds and not self._holds(a[0], kinds, False):  # one fact names them, ranks neither
                        chance = min(a[1], b[1])
                        return MatchResult(question, Status.UNKNOWN, analysis.lang, chance, truncated=truncated)
                    return None  # "segura vs markov, where was each from?": the one fact says both
            # A year to count or order by is a must; a value of the compared kind ("longer": a
            # distance) only settles a topic its words leave unclear ("the olympic race").
            # "Faster" is settled only by times the facts state ("1:20:07"), whatever the words pick.
            a, b = self._side(first, analysis, kinds, dated), self._side(second, analysis, kinds, dated)
            if a is not None and b is not None and a[0] == b[0] and offered and one is None:
                one = self._both_in_one(a, first, second, kinds)
            measured = offered and kinds == TIMED and not people_named  # "longer" may set a span against a distance
            if (
                measured
                and unheld is None
                and not (a and b and self._holds(a[0], kinds, False) and self._holds(b[0], kinds, False))
            ):
                # "were his world title times quicker than his Olympic time?": each side has its
                # fact, but not both state the measure compared
                plain = self._side_fact(first, analysis), self._side_fact(second, analysis)
                if plain[0] is not None and plain[1] is not None and plain[0][0] != plain[1][0]:
                    unheld = (plain[0][0], plain[1][0])
            if a is None or b is None or a[0] == b[0]:
                continue
            if (
                offered
                and kinds
                and not kinds & MEASURES
                and not (self._holds(a[0], kinds, False) and self._holds(b[0], kinds, False))
            ):
                # "who is taller, Pérez or Segura?": two facts, neither holding a height ("longer" may
                # set a span against a distance: each fact tells its own)
                continue

            confidence = round(max(min(a[1], b[1]), decision.ANSWER_AT), 4)
            facts = self.facts.facts
            answers = (Candidate(facts[a[0]], confidence), Candidate(facts[b[0]], confidence))
            result = MatchResult(question, Status.ANSWERED, analysis.lang, confidence, answers, truncated=truncated)
            ordinal = "last" if LAST in analysis.tokens else "first" if FIRST in analysis.tokens else None
            return self._settle(result, folded, span, ordinal)
        unsettled = self._unsettled(folded, analysis, kinds)
        if unsettled is not None:  # "faster in Atlanta or Beijing?": no two facts settled it
            sides = tuple(Candidate(self.facts.facts[i], 0.0) for i in unsettled)
            return MatchResult(question, Status.UNKNOWN, analysis.lang, 0.0, suggestions=sides, truncated=truncated)
        if unheld is not None and one is None:
            sides = tuple(Candidate(self.facts.facts[i], 0.0) for i in unheld)
            return MatchResult(question, Status.UNKNOWN, analysis.lang, 0.0, suggestions=sides, truncated=truncated)
        if one is not None:  # "Sydney or Athens, where did he do better?": fourth both times, one fact says it
            top = Candidate(self.facts.facts[one[0]], round(max(one[1], decision.ANSWER_AT), 4))
            return MatchResult(question, Status.ANSWERED, analysis.lang, top.confidence, (top,), truncated=truncated)
        return None

    def _both_in_one(
        self, found: tuple[int, float], first: tuple[str, ...], second: tuple[str, ...], kinds: frozenset[str]
    ) -> tuple[int, float] | None:
        """The fact both sides pick, when each side names its own event by one value of the same
        kind (two places, two years) and the fact states both, with the compared kind."""
        index = found[0]
        anchors = [[t for t in side if self._value_kind(t) in EVENT_KINDS] for side in (first, second)]
        if any(len(a) != 1 for a in anchors) or anchors[0] == anchors[1]:
            return None
        if self._value_kind(anchors[0][0]) != self._value_kind(anchors[1][0]):
            return None
        held = self._answer_tokens[index] | {str(self.facts.facts[index].year)}
        if not {anchors[0][0], anchors[1][0]} <= held or (kinds and not self._holds(index, kinds, False)):
            return None
        return found

    def _compares_alternatives(self, question: str) -> bool:
        """Does the question compare a measure between two alternatives ("faster in Atlanta or
        Beijing?")? Then it is no check of each, nor a choice between values."""
        folded = fold(question)
        return bool(kinds_compared(folded) or compares_more(folded)) and alternatives(folded) is not None

    def _unsettled(
        self, folded: str, analysis: Analysis, kinds: frozenset[str], paired: tuple[str, ...] = PAIRED_KINDS
    ) -> tuple[int, ...] | None:
        """ "Was he faster in Atlanta or in Beijing?", "who is taller, Pérez or Segura?", "who won
        more medals, him or Markov?": a measure or a count compared between two alternatives
        naming two events (places, years) or two people, which no fact holds for both — two
        facts each telling one side cannot settle it. The facts each side names (to offer as
        suggestions), or None when the question is no such comparison or some fact settles it
        (one fact naming both people in one race: the gap, the placing, "the youngest of the
        three"; two events' results: a fact each)."""
        offered = alternatives(folded)
        counted = not kinds and compares_more(folded)  # "more medals", "más gente": what is counted
        if offered is None or not (kinds or counted):
            return None
        sides = [self._named_in(side, analysis.lang) for side in offered]
        # What a count compares ("medals", "people"): the question's words naming no side
        topic = {t for t in analysis.tokens if self._value_kind(t) is None and not self._is_connective(t)}
        facts = range(len(self.facts.facts))
        for kind in paired:
            left, right = sides[0].get(kind, set()), sides[1].get(kind, set())
            if not left or not right or left == right:
                continue
            named = (left | right) - {HIM}
            if kinds and kind != "person" and not kinds - RESULT_KINDS:
                continue  # "better at Murcia or in Beijing?": each event's own result settles it
            if counted:
                held = {i for i in facts if named | topic <= self._answer_tokens[i]}
            elif kind == "person" and asks_ages(folded):
                # "who was older when they won, Pérez or Borchin?": only a fact naming both that
                # compares their ages ("the youngest of the three") settles it
                held = {i for i in facts if named <= self._answer_tokens[i] and self._ages & self._answer_tokens[i]}
            elif kind == "person" and not kinds - RACE_SETTLES:
                held = {i for i in facts if named <= self._answer_tokens[i]}
            else:
                held = {i for i in facts if named <= self._answer_tokens[i] and self._holds(i, kinds, False)}
            if held:
                return None
            found = (self.score(analysis.part((*side.get(kind, ()), *topic)))[:1] for side in sides)
            return tuple(dict.fromkeys(s[0].index for s in found if s))
        return None

    def _named_in(self, words: str, lang: str) -> dict[str, set[str]]:
        """The places, years and people a stretch of a question names, by kind; him as ``HIM``."""
        named: dict[str, set[str]] = {}
        for t in self.analyzer.analyze(words, lang).tokens:
            kind = self._value_kind(t)
            if kind in PAIRED_KINDS:
                named.setdefault(kind, set()).add(t)
        if HIM_WORDS & set(words.split()):
            named.setdefault("person", set()).add(HIM)
        return named

    def _count_of(self, index: int) -> int | None:
        """The one plain number fact ``index``'s answer states (a count, an age, a gap in seconds:
        "three world titles", "22", "14 seconds"), not a year; None when it states none or several."""
        found = {int(t) for t in self._answer_tokens[index] if t.isdigit() and not is_year(t)}
        if len(found) != 1:
            return None
        count = found.pop()
        # "altitudes of 4,800 m" is a measure, not a count: "who is taller" is not settled by it.
        answer = self.facts.facts[index].answer.get("en", "").replace(",", "")
        return None if re.search(rf"\b{count}\s?(?:m|km|metres|meters|s|seconds|minutes|hours)\b", answer) else count

    def _order_told(self, result: MatchResult, i: int, j: int) -> MatchResult:
        """ "Before or after?": which of the two facts' events came first, the first asked's way
        ("Before: 2003–2007, then 2008"), when all of one's years precede all of the other's."""
        first, second = sorted(self._event_years(i)), sorted(self._event_years(j))
        if not first or not second or first[-1] == second[0] or second[-1] == first[0]:
            return result  # a year shared, or none: the facts give no order
        if first[-1] < second[0]:
            way, early, late = "before", first, second
        elif second[-1] < first[0]:
            way, early, late = "after", second, first
        else:
            return result  # one series straddles the other

        def text(years: list[int]) -> str:
            return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])

        word = core_catalog().word(result.lang, f"order_{way}")
        note = core_catalog().word(result.lang, "derived_order", answer=word, first=text(early), second=text(late))
        return result.replace(derived=note)

    def _is_series(self, index: int) -> bool:
        """Does fact ``index`` list a series dated by its first year ("five Olympics, 1992–2008",
        "world titles in 2003, 2005 and 2007") or by none ("two medals, in 1996 and 2008"), rather
        than one event that mentions another year?"""
        years = sorted(int(t) for t in self._answer_tokens[index] if is_year(t))
        return len(years) > 1 and self.facts.facts[index].year in (None, years[0])

    def _event_years(self, index: int) -> set[int]:
        """The years fact ``index`` stands for: every year of a series it lists, else its own."""
        if self._is_series(index):
            return {int(t) for t in self._answer_tokens[index] if is_year(t)}
        year = self.facts.facts[index].year
        return set() if year is None else {year}

    def _year_of(self, index: int, ordinal: str | None) -> int | None:
        """The year fact ``index`` stands for in a count of years: its own, or for a series the
        first or last as asked."""
        fact = self.facts.facts[index]
        if not self._is_series(index):
            return fact.year
        return series_year(sorted(int(t) for t in self._answer_tokens[index] if is_year(t)), ordinal)

    def _settle(self, result: MatchResult, folded: str, span: bool, ordinal: str | None) -> MatchResult | None:
        """What the two facts settle between them: the years between, how many times one measure
        is the other, which came first. None when the question asks a count the facts cannot give."""
        one, two = (c.fact for c in result.answers)
        i, j = (self.facts.facts.index(f) for f in (one, two))
        told = [measures_in(f.answer.get("en", "")) for f in (one, two)]
        if set(measures_in(folded)) - set(told[0]) - set(told[1]):
            return None  # "the 10-km junior race or his pilgrimage": a side's fact lacks the distance it is given
        a, b = (held_measure(t) for t in told)
        # The two facts' measures of one kind, the greater first ("459 km", "20 km"), when both state one.
        pair = sorted((a, b), key=lambda m: -m[1]) if a is not None and b is not None and a[0] == b[0] else None
        if asks_times(folded):  # "how many times longer is the olympic walk than his first races?"
            if not kinds_compared(folded) & MEASURES or pair is None:
                return None  # "how many times higher": a height, which no length or time settles
            (kind, big), (_, small) = pair
            ratio = times(big, small)
            if ratio is None:
                return None
            big_text, small_text = distance_text(kind, big, result.lang), distance_text(kind, small, result.lang)
            note = core_catalog().word(result.lang, "derived_times", big=big_text, small=small_text, times=ratio)
            return result.replace(derived=note)
        if asks_by_how_much(folded) and kinds_compared(folded) & MEASURES and pair and pair[0][1] != pair[1][1]:
            # "how much longer was the pilgrimage than the Olympic race?": 459 km less 20 km
            (kind, big), (_, small) = pair
            texts = {k: distance_text(kind, v, result.lang) for k, v in (("big", big), ("small", small))}
            difference = distance_text(kind, big - small, result.lang)
            note = core_catalog().word(result.lang, "derived_difference", difference=difference, **texts)
            return result.replace(derived=note)
        if span:
            if ordinal and not (self._is_series(i) or self._is_series(j)):
                return None  # "his first junior worlds": an event the fact may only mention in passing
            years = self._year_of(i, ordinal), self._year_of(j, ordinal)
            if years[0] is None or years[1] is None or years[0] == years[1]:
                return None  # "how many years between …" that the two facts' years cannot count
            first, last = sorted((years[0], years[1]))
            note = core_catalog().word(result.lang, "derived_years", count=last - first, first=first, last=last)
            return result.replace(derived=note)
        if direction_of(folded) and not kinds_compared(folded) - {"number"}:
            # "did he win more world titles than Olympic medals?": the one count each fact states.
            one_count, two_count = self._count_of(i), self._count_of(j)
            if one_count is not None and two_count is not None and one_count != two_count:
                more, fewer = max(one_count, two_count), min(one_count, two_count)
                note = core_catalog().word(result.lang, "derived_more", big=more, small=fewer)
                return result.replace(derived=note)
        way = sooner_or_later(folded)
        if not way and either_order(folded):  # "were his world titles before or after Beijing?"
            return self._order_told(result, i, j)
        if not way or one.year is None or two.year is None:
            return result
        if one.date is not None and two.date is not None and one.date != two.date:
            came_first = one.date < two.date
            said = next((days for days, pattern in _DAY_GAPS if pattern.search(folded)), None)
            if said is not None and said != abs((two.date - one.date).days):
                return result.replace(verdict="no")  # "the day before he retired": nine days before
        elif one.year != two.year:
            came_first = one.year < two.year
        else:
            return result  # the same year, and the facts give no day for one of them
        return result.replace(verdict="yes" if came_first == (way < 0) else "no")
