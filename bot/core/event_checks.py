"""Checks of a claim about events: an amount of time ("beat him by a full minute", "a decade"),
the first or last of a series ("was Atlanta his first Olympics?"), two events checked one by one
("did he medal in both 1996 and 2008?") and a choice between values ("2008 or 2009?").

Each settles, from the facts' dates, places and amounts, what the claim checks when the matcher has
already found the fact; none picks a fact by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core import decision
from bot.core.arithmetic import durations_in
from bot.core.claim_checks import ANCHOR_KINDS, INTENT_KINDS, LOSING, MEDAL, PLACE_OF, WIN, ClaimChecks
from bot.core.claims import asks_a_value, claimed_part
from bot.core.comparisons import alternatives
from bot.core.index import is_year
from bot.core.lazyre import lazy
from bot.core.measures import amount_phrases, direction_of, gap_seconds, points_both_ways, vague_gap, years_said
from bot.core.results import Candidate, MatchResult, Status
from bot.core.scoring import PIVOT_RANK
from bot.core.text import RARE_RANK, Analysis, fold
from bot.core.thresholds import MIN_COVERAGE, MIN_EVIDENCE

__all__ = ["EventChecks"]

FIRST, LAST = "1st", "last"  # the lexicon's tokens for "first"/"primer" and "last"/"último"
TIMELINE = "timeline"  # the tag of the fact that stands for its year's event
EACH_AT_LEAST = 2  # events named in one check to be checked one by one
AMOUNT_ASKS = frozenset({"duration", "q_count"})  # the lexicon's "how long", "how many": the amount asked
_CHOICE = lazy(r"\b(?:or|o|u|vs|versus)\b")  # "2008 or 2009", "¿2008 o 2009?"
# "his last race", "su última competencia", "la carrera final": the last of all his races, which
# the series of any one kind of event (his Games, his world titles) does not end.
_LAST_RACE = lazy(
    r"\b(?:last|final|ultim[oa])\s+(?:race|competition|event|meet|carrera|competencia|prueba|evento)s?\b"
    r"|\b(?:carrera|competencia|prueba) final\b"
)


def _years_held(text: str) -> list[float]:
    return [float(n) for n in durations_in(text)]


# How an amount of time is said in a message, and how a fact states it: seconds or minutes ("a
# full minute", "14 seconds behind"), or years ("a decade", "for eight years").
AMOUNT_READERS: tuple[tuple[Callable[[str], list[float]], Callable[[str], list[float]]], ...] = (
    (gap_seconds, gap_seconds),
    (years_said, _years_held),
)
# The kinds of value a question word asks, which a guess offered with it may be ("how long, 1:30?").
GUESS_KINDS = {**{t: (k,) for t, k in INTENT_KINDS.items()}, "duration": ("time", "number")}
GAP_AMONG = 3  # how many of the closest facts may hold the gap a claim checks


class EventChecks(ClaimChecks):
    """The claim checks that need more than one value of a fact (mixed into the matcher)."""

    def _gap_checked(self, analysis: Analysis, question: str, result: MatchResult) -> MatchResult | None:
        """ "Borchin only beat him by like a full minute", "was he more than 10 seconds behind?",
        "how many years was the ban, a full decade?": an amount of time claimed — seconds or
        minutes, or years — is checked against the one such amount a close fact states ("14
        seconds behind", "for eight years"), up or down when the claim compares, else as stated.
        A question asking the amount may offer its guess too."""
        if result.status is Status.SMALLTALK:
            return None
        folded = claimed_part(fold(question))  # the claim, not the opening reporting it
        asks_amount = bool(set(analysis.tokens) & AMOUNT_ASKS)
        for said_in, held_in in AMOUNT_READERS:
            claimed = said_in(folded)
            if len(claimed) == 1 and (analysis.confirming or asks_amount):
                return self._amount_checked(analysis, question, result, (claimed[0],) * 2, held_in)
        vague = vague_gap(folded)  # "by a few seconds": any amount of seconds under a minute
        if vague is not None and analysis.confirming and not asks_amount:
            return self._amount_checked(analysis, question, result, vague, gap_seconds)
        return None

    def _amount_checked(
        self,
        analysis: Analysis,
        question: str,
        result: MatchResult,
        claimed: tuple[float, float],
        held_in: Callable[[str], list[float]],
    ) -> MatchResult | None:
        """The amount a close fact states checked against the one claimed (``claimed``: the
        lowest and highest it may be; one amount when said exactly)."""
        folded = claimed_part(fold(question))  # the claim, not the opening reporting it
        # The amount claimed is the value checked, not topic: "by like a full minute" leaves "beat".
        said = set(self.analyzer.analyze(" ".join(amount_phrases(folded)), analysis.lang).tokens)
        topic = tuple(t for t in analysis.tokens if t not in said and not t.isdigit() and t not in self._compare)
        held = [
            (s, amounts[0])
            for s in self.score(analysis.part(topic))[:GAP_AMONG]
            if len(amounts := held_in(fold(self.facts.facts[s.index].answer.get("en", "")))) == 1
        ]
        if not held:
            return None
        scored, amount = held[0]
        fact = self.facts.facts[scored.index]
        if result.fact is not fact and (scored.coverage < MIN_COVERAGE or scored.evidence < MIN_EVIDENCE):
            return None  # unless the message is answered by it anyway, the amount's fact must be clear
        known = self._answer_tokens[scored.index] | self._vocab[scored.index]
        if any(self._value_kind(t) is not None and t not in known for t in topic):
            return None  # "did Markov finish 10 seconds behind in Atlanta": another race's gap
        if result.status is Status.ANSWERED and result.fact is not fact:
            return None  # the message is about something else that its words pick clearly
        direction = direction_of(folded)
        low, high = claimed
        up, down = amount > high, amount < low
        right = (up if direction > 0 else down) if direction else low <= amount <= high
        confidence = max(result.confidence, decision.ANSWER_AT)
        top = Candidate(fact, confidence)
        lang, truncated = result.lang, result.truncated
        vague_compared = bool(direction) and low != high  # "more than a few seconds": no amount to compare
        verdict = "" if points_both_ways(folded) or vague_compared else "yes" if right else "no"
        found = MatchResult(question, Status.ANSWERED, lang, confidence, (top,), truncated=truncated)
        colours = {PLACE_OF.get(t, t) for t in topic if self._value_kind(t) == MEDAL}
        placings = self._placings[scored.index]
        if verdict == "yes" and colours and placings and not colours & placings and not set(topic) & LOSING:
            # The gap is one value the claim checks; the medal it names must hold too ("won gold in
            # Beijing by 14 seconds": the gap is right, the medal is not).
            verdict = "no"
        return found.replace(verdict=verdict)

    def _ordinal_checked(self, analysis: Analysis, result: MatchResult) -> MatchResult | None:
        """ "Was Atlanta his first Olympics?", "was 2005 his last world title?": whether an event
        is the first or last of his series of that kind is settled by the fact listing the series
        (five Olympics, 1992–2008), not by the event's own fact — the widest series of the kind
        named, and the event's year (a year, or a place the timeline dates)."""
        if not analysis.confirming or (FIRST in analysis.tokens) == (LAST in analysis.tokens):
            return None
        anchors = [t for t in analysis.tokens if self._value_kind(t) in ANCHOR_KINDS]
        if len(anchors) != 1:
            return None
        if LAST in analysis.tokens and _LAST_RACE.search(fold(result.question)):
            if self._compares_alternatives(result.question):
                return None  # "in his last race did he do better or worse than in Beijing?"
            # "was his last race at the Beijing Olympics?": the fact that tells his last race (by
            # its phrasings alone) settles it, when it states a value of the kind the claim names.
            races = self.score(analysis.part((LAST,)))
            if not races or self._value_kind(anchors[0]) not in self._fact_kinds[races[0].index]:
                return None
            best, right = races[0].index, anchors[0] in self._answer_tokens[races[0].index]
            # "did he win his last race, in Murcia?", "he came second in it": the place is right,
            # the placing is not (third).
            placings = self._placings[best]
            claimed = {PLACE_OF.get(t, t) for t in analysis.tokens if self._value_kind(t) == "medal"}
            claimed |= {"1st"} if WIN in analysis.tokens else set()
            right = right and not (claimed and placings and not claimed & placings)
        else:
            rest = [t for t in analysis.tokens if t not in (FIRST, LAST, anchors[0]) and not self._is_connective(t)]
            kinds = {t for t in rest if any(t in k for k in self._tag_tokens)}
            series = self._widest_series(rest)
            year = self._anchor_year(anchors[0], kinds)
            if year is None or series is None:
                return None
            years = self._event_years(series)
            best, right = series, year == (min(years) if FIRST in analysis.tokens else max(years))
        confidence = max(result.confidence, decision.ANSWER_AT)
        top = Candidate(self.facts.facts[best], confidence)
        lang, truncated, verdict = result.lang, result.truncated, "yes" if right else "no"
        answers = (top,)
        return MatchResult(
            result.question, Status.ANSWERED, lang, confidence, answers, truncated=truncated, verdict=verdict
        )

    def _each_event_checked(self, analysis: Analysis, result: MatchResult) -> MatchResult | None:
        """ "Did he medal at both 1996 and 2008?", "¿ganó oro en Atlanta y en Pekín?": a check
        naming two events of one kind (two years, two places) is checked at each, by the fact of
        that event; yes only when it holds at every one. None when one fact holds them all ("fourth
        in both Sydney and Athens") or an event has no fact of its own."""
        if not analysis.confirming or result.status is Status.SMALLTALK or self._compares_alternatives(result.question):
            return None  # "faster in Atlanta or Beijing?" compares the two, it checks neither
        kinds = {self._value_kind(t) for t in analysis.tokens} & set(ANCHOR_KINDS)
        if len(kinds) != 1:
            return None
        (kind,) = kinds
        anchors = list(dict.fromkeys(t for t in analysis.tokens if self._value_kind(t) == kind))
        if len(anchors) < EACH_AT_LEAST:
            return None
        rest = tuple(t for t in analysis.tokens if t not in anchors)
        picked: list[int] = []
        for anchor in anchors:
            dated = [s for s in self.score(analysis.part((*rest, anchor))) if self._dates(s.index, anchor)]
            if not dated or dated[0].index in picked:
                return None
            picked.append(dated[0].index)
        verdicts = []
        for anchor, index in zip(anchors, picked, strict=True):
            one = MatchResult(
                result.question, Status.ANSWERED, result.lang, 1.0, (Candidate(self.facts.facts[index], 1.0),)
            )
            verdicts.append(self._verdict(analysis.replace(tokens=(*rest, anchor)), one).verdict)
        verdict = "no" if "no" in verdicts else "yes" if all(v == "yes" for v in verdicts) else ""
        if alternatives(fold(result.question)) is not None:
            verdict = ""  # "gold in Atlanta or in Beijing?": each fact says which, a bare yes or no neither
        confidence = max(result.confidence, decision.ANSWER_AT)
        answers = tuple(Candidate(self.facts.facts[i], confidence) for i in picked)
        lang, truncated = result.lang, result.truncated
        return MatchResult(
            result.question, Status.ANSWERED, lang, confidence, answers, truncated=truncated, verdict=verdict
        )

    def _choice_checked(self, question: str, analysis: Analysis, result: MatchResult) -> MatchResult | None:
        """ "Did he retire in 2008 or 2009?", "¿fue 2008 o 2009?": a choice between values of one
        kind is answered by the fact holding the value, with no yes or no (which would answer
        neither choice). Declined as a whole, it is tried without the choices, asking what they
        are values of (a year asks when)."""
        if result.derived or len(result.answers) > 1:
            return None
        if not _CHOICE.search(claimed_part(fold(question))):
            return self._guess_checked(question, analysis, result)
        if self._compares_alternatives(question):
            return None  # "faster in Atlanta or Beijing?": a comparison, not a choice between values
        by_kind: dict[str, set[str]] = {}
        for t in analysis.tokens:
            kind = self._value_kind(t)
            if kind is not None:
                by_kind.setdefault(kind, set()).add(t)
        offered = [values for values in by_kind.values() if len(values) >= EACH_AT_LEAST]
        if len(offered) != 1:
            return None
        choices = offered[0]
        if result.status is Status.ANSWERED:
            return result.replace(verdict="") if result.verdict in ("yes", "no") else None
        # The choices and the everyday words around them ("tengo un bet con mi primo") aside.
        everyday = {t for t in analysis.unknown if analysis.ranks.get(t, RARE_RANK) <= PIVOT_RANK}
        rest = tuple(t for t in analysis.tokens if t not in choices and t not in everyday) + self._implied(choices)
        found = self._decide(question, analysis.part(rest), result.truncated)
        if found.status is not Status.ANSWERED or found.fact is None:
            return None
        held = choices & self._answer_tokens[self.facts.facts.index(found.fact)]
        return found.replace(lang=result.lang) if len(held) == 1 else None

    def _guess_checked(self, question: str, analysis: Analysis, result: MatchResult) -> MatchResult | None:
        """ "What was his time in Atlanta, 1:27 something?", "¿qué edad tenía, 25?": a question
        asking a value that offers one guess of that kind, declined as a whole, is asked without
        the guess — the fact answering it shows the value, whatever the guess."""
        if result.status is not Status.UNKNOWN or not asks_a_value(question):
            return None
        asked = {kind for t in analysis.tokens for kind in GUESS_KINDS.get(t, ())}
        guesses = {t for t in analysis.tokens if self._value_kind(t) in asked}
        if len(guesses) != 1:
            return None
        rest = tuple(t for t in analysis.tokens if t not in guesses)
        found = self._decide(question, analysis.part(rest), result.truncated)
        return found.replace(lang=result.lang) if found.status is Status.ANSWERED else None

    def _anchor_year(self, anchor: str, kinds: set[str]) -> int | None:
        """The year an event value stands for: a year itself, or the one year of the timeline
        facts of the kind named that name the place (none when a series names it: "Sydney and
        Athens")."""
        if is_year(anchor):
            return int(anchor)
        found = {
            f.year
            for i, f in enumerate(self.facts.facts)
            if TIMELINE in f.tags
            and kinds <= self._tag_tokens[i]
            and anchor in self._answer_tokens[i]
            and not self._is_series(i)
        }
        return found.pop() if len(found) == 1 and None not in found else None
