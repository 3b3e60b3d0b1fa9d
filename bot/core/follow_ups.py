"""Follow-ups answered from the previous answer itself: "how far was it?" after the pilgrimage,
"for how long?" after Borchin's ban, "¿y el último?" after his world titles, "how many years
after his gold was that?" after his retirement, "and the Olympics after that one?" (the next event
of the kind named, from the year of the event the conversation is at). The matcher's
``_follow_up`` decides whether a question leans on the conversation at all; this module, what the
previous answer settles.
"""

from __future__ import annotations

from functools import cached_property

from bot.core import decision
from bot.core.catalog import core_catalog
from bot.core.conversation import Turn
from bot.core.derived import DerivedValues
from bot.core.followup import named_for_pronoun, names_an_item
from bot.core.results import Candidate, MatchResult, Status
from bot.core.text import Analysis

__all__ = ["FOLLOWUP_ASKS", "NEIGHBOUR_CONFIDENCE", "FollowUps"]

WHO = "q_who"  # the lexicon's "who", "quién"
NEIGHBOUR_CONFIDENCE = 0.7  # a follow-up answered from the conversation rather than its own words
# What a question may ask of "the" race without naming it ("what was the winning time?"), which
# the race the conversation is about must then hold.
OF_THE_RACE = frozenset({"q_time"})
EVENT_KINDS = ("place", "year")
TIMELINE = "timeline"  # the tag of the fact that stands for its year's event
SAID = "say"  # the lexicon's concept of saying: "what did he say", "qué dijo"
QUOTATION_MARKS = frozenset('“”«»"')  # an answer quoting someone's own words holds one
SAID_AT_MOST = 2  # the quoted answers shown for "what did he say there?"
SAME_TIME_DAYS = 31  # how close two dated facts are to be "then" of each other
# Nouns that name a recurring event: "the next one" after an Olympics is the next of these.
EVENT_NOUNS = (
    "olympics",
    "games",
    "world championships",
    "worlds",
    "championships",
)
# What a follow-up with no topic of its own asks, which the previous answer must hold to settle it.
# (Not an age, a count or a time: any number or the gap "14 seconds behind" would seem to hold them.)
RESULT_WORDS = frozenset({"win", "medal", "podium", "1st"})  # the lexicon's words of how a race went
FOLLOWUP_ASKS = {
    "q_where": frozenset({"place", "nation"}),
    "q_when": frozenset({"year"}),
    "q_date": frozenset({"date"}),
    "q_who": frozenset({"person"}),
    "distance": frozenset({"distance"}),  # the lexicon's "how far"
    "duration": frozenset({"number", "days", "time"}),  # the lexicon's "how long"
}


class FollowUps(DerivedValues):
    """What the previous answer settles of a follow-up (mixed into :class:`bot.core.matcher.Matcher`)."""

    def _on_previous_fact(
        self, analysis: Analysis, previous: Turn, result: MatchResult, many: bool = False, back: bool = False
    ) -> MatchResult | None:
        """The previous answer, when a follow-up asks only what it holds ("how far was it?" after
        the pilgrimage, "for how long?" after Borchin's ban, "which countries were they from?"),
        or picks from the series it lists ("¿y el último?" after his world titles). A question
        pointing at several things (``many``: "when did he win them?") after a series may repeat
        the series' own words: "them" is that series, not one of its items. A check of how it went
        that points back (``back``: "did he win it?" after his last race) is checked against it."""
        index = self._previous_index(previous)
        if index is None:
            return None
        asked = [t for t in analysis.tokens if t in FOLLOWUP_ASKS]
        held = self._vocab[index] | self._answer_tokens[index] if many and self._is_series(index) else frozenset()
        own = [t for t in analysis.tokens if t not in FOLLOWUP_ASKS and t not in previous.topic and t not in held]
        holds = self._fact_kinds[index] | {k for k in self._said_kinds(index) if k}
        checks_how_it_went = back and analysis.confirming and not asked and bool(own) and set(own) <= RESULT_WORDS
        if checks_how_it_went:
            settles = True
        elif asked and not own:
            settles = all(FOLLOWUP_ASKS[t] & holds for t in asked)
        else:
            settles = not asked and bool(own) and all(t in self._compare for t in own) and self._is_series(index)
        if not settles:
            return None
        top = Candidate(self.facts.facts[index], NEIGHBOUR_CONFIDENCE)
        lang, truncated = result.lang, result.truncated
        found = MatchResult(result.question, Status.ANSWERED, lang, top.confidence, (top,), truncated=truncated)
        return self._verdict(analysis, found) if checks_how_it_went else found

    def _previous_index(self, previous: Turn) -> int | None:
        """The index of the fact the previous answer gave, if any."""
        return next((i for i, f in enumerate(self.facts.facts) if f.id == previous.fact_id), None)

    def _won_as_asked(self, asked: set[str], index: int) -> bool:  # pragma: no cover - NearMisses defines it
        raise NotImplementedError

    def _verdict(self, analysis: Analysis, result: MatchResult) -> MatchResult:  # pragma: no cover - ClaimChecks
        raise NotImplementedError

    def _person_asked_before(self, previous: Turn) -> str | None:
        """The man other than Pérez a "who" question before was about: the one it named ("who
        is Markov?"), else the one its answer names ("who beat him in Beijing?" → Borchin). None
        when it asked no "who", or the answer names no one else, or several."""
        index = self._previous_index(previous)
        if not previous.question or index is None:
            return None
        asked = self.analyzer.analyze(previous.question).tokens
        if WHO not in asked:
            return None
        people = self.facts.lexicon.people
        named = {t for t in asked if t in people}
        if not named:
            if self._won_as_asked(set(asked), index):
                return None  # "who got silver in Beijing?": he did
            named = set(self._answer_tokens[index] & people)
        return next(iter(named)) if len(named) == 1 else None

    def _pronoun_named(self, text: str, previous: Turn) -> str:
        """``text`` with "he", "that guy" naming the man the previous "who" question was about
        ("where's he from?" after "who won in Beijing?" asks where Borchin is from); as written
        when it has no such pronoun, names someone, or its "he" may be Pérez."""
        person = self._person_asked_before(previous)
        if person is None:
            return text
        named = named_for_pronoun(text, person, previous.question)
        if named is None or set(self.analyzer.analyze(text).tokens) & self.facts.lexicon.people:
            return text
        return named

    def _neighbour(
        self,
        year: int,
        step: int,
        analysis: Analysis,
        result: MatchResult,
        span: int | None = None,
        fact_id: str | None = None,
    ) -> MatchResult | None:
        """ "And the year after?": the best-matching fact of the nearest year after (or before);
        "two years later": the fact of exactly that year, or whose answer names it; "how long
        before that…" after a dated fact: the nearest dated fact of the same year on that side."""
        facts = self.facts.facts
        pool: list[int] = []
        day = next((f.date for f in facts if f.id == fact_id), None)
        if day is not None and not span:
            near = [(f.date, i) for i, f in enumerate(facts) if f.date is not None and (f.date - day).days * step > 0]
            near = [(d, i) for d, i in near if d is not None and d.year == day.year]
            if near:
                pool = [min(near, key=lambda found: abs((found[0] - day).days))[1]]
        if span:
            target = year + span
            pool = [i for i, f in enumerate(facts) if f.year == target]
            pool = pool or [i for i, f in enumerate(facts) if str(target) in f.text("en")]
            if not pool:  # "and the year after?" when nothing is told of that year: not the next told
                return result.declined(offer=False)
        if not pool:
            years = sorted({f.year for f in facts if f.year is not None and (f.year - year) * step > 0})
            if not years:
                return None
            target = years[0] if step > 0 else years[-1]
            pool = [i for i, f in enumerate(facts) if f.year == target]
        scores = {s.index: s.rank for s in self.score(analysis)}
        best = max(pool, key=lambda i: (scores.get(i, 0.0), -i))
        top = Candidate(facts[best], NEIGHBOUR_CONFIDENCE)
        return MatchResult(result.question, Status.ANSWERED, result.lang, top.confidence, answers=(top,))

    def _span_from_previous(self, analysis: Analysis, previous: Turn, result: MatchResult) -> MatchResult | None:
        """ "How many years after his olympic gold was that?": the years between the fact this
        question names and the previous answer, worked out and marked as derived."""
        index = self._previous_index(previous)
        own = tuple(t for t in analysis.tokens if not self._is_connective(t))
        found = self._side_fact(own, analysis, dated=True) if own else None
        if index is None or found is None or found[0] == index:
            return None
        one, two = self._year_of(found[0], None), self._year_of(index, None)
        if one is None or two is None or one == two:
            return None
        first, last = sorted((one, two))
        note = core_catalog().word(result.lang, "derived_years", count=last - first, first=first, last=last)
        confidence = round(max(found[1], decision.ANSWER_AT), 4)
        answers = (Candidate(self.facts.facts[found[0]], confidence), Candidate(self.facts.facts[index], confidence))
        return MatchResult(result.question, Status.ANSWERED, result.lang, confidence, answers, derived=note)

    def _moves_event(self, analysis: Analysis, result: MatchResult, previous: Turn, folded: str) -> bool:
        """Does an answer to a question naming no event of its own ("what was the winning time?",
        "who came second?") come from another event than the conversation's (Atlanta's time after
        a Beijing answer, Beijing's runner-up after Atlanta's winner)?"""
        asked = set(analysis.tokens)
        # "who came second?": a placing in a race, whose runner-up only that race's fact can name
        placing = WHO in asked and any(self._value_kind(t) == "medal" for t in asked) and not names_an_item(folded)
        if result.status is not Status.ANSWERED or not (asked & OF_THE_RACE or placing):
            return False
        if any(self._value_kind(t) in EVENT_KINDS for t in analysis.tokens):
            return False  # "what was his time in Atlanta?" names its race
        events = {t for t in previous.topic if self._value_kind(t) in EVENT_KINDS}
        answer = self._vocab[self.facts.facts.index(result.answers[0].fact)]
        return bool(events) and not events & answer

    def _same_time(self, resolved: MatchResult, previous: Turn, analysis: Analysis) -> MatchResult | None:
        """ "What was his last race then?" after his retirement: of the close facts a leaning
        question leaves, the one other than the last answer dated within days of it, when it holds
        what is asked ("who won that race?" after Murcia: the retirement names no winner)."""
        facts = self.facts.facts
        day = next((f.date for f in facts if f.id == previous.fact_id), None)
        others = [c for c in resolved.suggestions if c.fact.id != previous.fact_id]
        asked = [FOLLOWUP_ASKS[t] for t in analysis.tokens if t in FOLLOWUP_ASKS]
        near = [
            c
            for c in others
            if day is not None
            and c.fact.date is not None
            and abs((c.fact.date - day).days) <= SAME_TIME_DAYS
            and all(kinds & self._fact_kinds[facts.index(c.fact)] for kinds in asked)
        ]
        if len(near) != 1 or len(others) < 2:
            return None
        top = Candidate(near[0].fact, NEIGHBOUR_CONFIDENCE)
        return MatchResult(resolved.question, Status.ANSWERED, resolved.lang, top.confidence, (top,))

    def _words_said(self, resolved: MatchResult, previous: Turn, analysis: Analysis) -> MatchResult | None:
        """ "And what did he say there?" after the press conference: a question for someone's
        words wants an answer quoting them. When the close facts it leaves are led by one that
        quotes nothing (the report of the announcement itself), the ones that quote words are the
        answer, the best first — those of the same occasion (sharing a kind of event with the
        last answer: his retirement), not any quote; none of them: left as it is."""
        if SAID not in analysis.tokens:
            return None
        facts = self.facts.facts
        index = self._previous_index(previous)
        if index is None:
            return None
        occasion = self._tag_tokens[index] - self._timeline_tokens  # words said there: of the same occasion
        pool = [c for c in (*resolved.answers, *resolved.suggestions) if c.fact.id != previous.fact_id]
        quoted = [c for c in pool if QUOTATION_MARKS & set(c.fact.answer.get("en", ""))]
        there = [c for c in quoted if occasion & self._tag_tokens[facts.index(c.fact)]]
        led = resolved.answers[0] if resolved.answers else None
        if led is not None and led in quoted and led not in there:
            # Words he said on another occasion (his retirement, after a question on his coach):
            # not what he said about this one — declined.
            return resolved.declined()
        if (
            led is not None
            and not there
            and led not in quoted
            and SAID not in self._answer_tokens[facts.index(led.fact)]
        ):
            # "What did he say about it?" after his gold: no fact quotes or reports him on it, and
            # the best one (his time) says nothing of words — declined rather than answered.
            return resolved.declined()
        if not there or (led is not None and led in there):
            return None
        quoted = there
        answers = tuple(Candidate(c.fact, NEIGHBOUR_CONFIDENCE) for c in quoted[:SAID_AT_MOST])
        return MatchResult(resolved.question, Status.ANSWERED, resolved.lang, NEIGHBOUR_CONFIDENCE, answers)

    def _same_occasion(self, resolved: MatchResult, previous: Turn, analysis: Analysis) -> MatchResult | None:
        """ "Could he still get the gold for that one?" after Beijing: "that one" is the occasion
        of the last answer. A leaning question that leaves one close fact, other than the last
        answer, is settled by it when that fact names the occasion (the last answer's year) and
        holds every known word of the question's own — the pointing back is what it lacked."""
        if resolved.status is not Status.UNKNOWN or len(resolved.suggestions) != 1 or previous.year is None:
            return None
        if SAID in analysis.tokens:
            return None  # words said there: settled by the facts quoting them (``_words_said``)
        found = resolved.suggestions[0]
        index = self.facts.facts.index(found.fact)
        if found.fact.id == previous.fact_id or str(previous.year) not in self._answer_tokens[index]:
            return None
        if self.lacks_kind_asked(index, analysis):
            return None  # "and what was Markov's time?" after Atlanta's: the fact naming him gives no time
        # Words no fact knows ("any chance …") were weighed already: the known ones must be held.
        own = [t for t in analysis.tokens if not self._is_connective(t) and t not in analysis.unknown]
        held = self._answer_tokens[index]  # its answer's own words: what it says, not how it is asked
        if not own or any(t not in held for t in own):
            return None
        top = Candidate(found.fact, NEIGHBOUR_CONFIDENCE)
        return MatchResult(resolved.question, Status.ANSWERED, resolved.lang, top.confidence, (top,))

    def _the_other(self, previous: Turn, result: MatchResult) -> MatchResult | None:
        """ "And the other one?" after his gold: the series the last answer is one item of (his two
        medals, of which the gold is 1996) — the one whose words the conversation used most,
        the shortest on a tie. Of a pair, the other item's own fact (of the same kind of event,
        dated the other year); of a longer series, the series itself. An item no series of its
        kind lists has no "other" to tell: declined, not guessed."""
        facts = self.facts.facts
        index = self._previous_index(previous)
        if index is None or previous.year is None or self._is_series(index):
            return None
        topic = set(previous.topic)
        own_kinds = self._tag_tokens[index] - self._timeline_tokens
        series = [
            i
            for i in range(len(facts))
            if self._is_series(i) and previous.year in self._event_years(i) and own_kinds & self._tag_tokens[i]
        ]  # a series of the same kind of event: not the Olympics after his junior title
        if not series:  # no series holds it: which "other" is meant cannot be told — declined
            return result.declined(offer=False)
        best = max(series, key=lambda i: (len(topic & self._vocab[i]), -len(self._event_years(i)), -i))
        others = self._event_years(best) - {previous.year}
        kinds = own_kinds & self._tag_tokens[best]
        pick = best
        if len(others) == 1:
            year = next(iter(others))
            items = [i for i, f in enumerate(facts) if f.year == year and kinds & self._tag_tokens[i]]
            pick = items[0] if len(items) == 1 else best
        top = Candidate(facts[pick], NEIGHBOUR_CONFIDENCE)
        return MatchResult(result.question, Status.ANSWERED, result.lang, top.confidence, (top,))

    def _tie_to_previous(self, resolved: MatchResult, previous: Turn, analysis: Analysis) -> MatchResult | None:
        """ "And how many medals did he win at them?" after his five Olympics: close facts tie, and
        the conversation's last answer is one of them — it breaks the tie. Not when the question
        moves along ("¿y el último?", "and the first?"): that asks for another one."""
        if resolved.status is not Status.AMBIGUOUS or set(analysis.tokens) & self._compare:
            return None
        found = next((c for c in resolved.suggestions if c.fact.id == previous.fact_id), None)
        if found is None:
            return None
        top = Candidate(found.fact, NEIGHBOUR_CONFIDENCE)
        return MatchResult(resolved.question, Status.ANSWERED, resolved.lang, top.confidence, (top,))

    def _turn_year(self, previous: Turn) -> int | None:
        """The year the conversation is at: the previous fact's, or for a series the year the
        previous question named, or the year of the place it named ("how did he do in Athens?" →
        2004 of "Sydney and Athens, 2000 and 2004"), its places and years paired in order — the
        places no other timeline fact dates ("after Atlanta" is Atlanta's)."""
        index = self._previous_index(previous)
        if index is None or not self._is_series(index):
            return previous.year
        asked = self.analyzer.analyze(previous.question).tokens if previous.question else ()
        years_named = {int(t) for t in asked if t.isdigit() and int(t) in self._event_years(index)}
        if len(years_named) == 1:
            return years_named.pop()  # "how did he do at the 2007 worlds?": 2007 of 2003, 2005 and 2007
        named = [t for t in previous.topic if self._value_kind(t) == "place" and t in self._answer_tokens[index]]
        if len(named) != 1:
            return previous.year
        dated_elsewhere = {
            t
            for i, f in enumerate(self.facts.facts)
            if i != index and TIMELINE in f.tags
            for t in self._answer_tokens[i]
        }
        text = self.facts.facts[index].answer.get("en", "")
        order = self.analyzer.analyze(text, "en").tokens
        places = [t for t in dict.fromkeys(order) if self._value_kind(t) == "place" and t not in dated_elsewhere]
        years = sorted(self._event_years(index))
        if named[0] not in places or len(places) != len(years):
            return previous.year
        return years[places.index(named[0])]

    def _kind_of_previous(self, previous: Turn) -> frozenset[str]:
        """The kinds of event the previous answer is about ("olympics" for Sydney and Athens), of
        the kinds an event may be named by ("the next Olympics", "los siguientes mundiales")."""
        index = self._previous_index(previous)
        return frozenset() if index is None else self._tag_tokens[index] & self._event_nouns

    @cached_property
    def _event_nouns(self) -> frozenset[str]:
        """The canonical tokens of the nouns that name a recurring event."""
        words = " ".join(EVENT_NOUNS)
        return frozenset(self.analyzer.analyze(words, "en").tokens) - self._timeline_tokens

    @cached_property
    def _timeline_tokens(self) -> frozenset[str]:
        """The tag every dated event carries, as a tag token: no kind of event of its own."""
        return frozenset(self.analyzer.analyze(TIMELINE, "en").tokens)

    def _next_of_kind(self, year: int, step: int, analysis: Analysis, result: MatchResult) -> MatchResult | None:
        """ "And the Olympics after that one?": the nearest event of the kind the question names
        (an Olympics, a World Championships) on that side of the conversation's year — not the
        nearest dated fact of any kind. A series counts each year it lists ("Sydney and Athens,
        2000 and 2004"). Nothing of that kind on that side: declined (there was no later Olympics
        for him), not answered with another kind. None when the question names no kind."""
        kinds = {t for t in analysis.tokens if self._value_kind(t) is None and any(t in k for k in self._tag_tokens)}
        if not kinds:
            return None
        pool = [i for i, tags in enumerate(self._tag_tokens) if kinds <= tags]
        side = {y for i in pool for y in self._event_years(i) if (y - year) * step > 0}
        if not side:
            return result.declined(offer=False)
        target = min(side) if step > 0 else max(side)
        held = [i for i in pool if target in self._event_years(i)]
        ranks = {s.index: s.rank for s in self.score(analysis)}
        best = max(held, key=lambda i: (self.facts.facts[i].year == target, ranks.get(i, 0.0), -i))
        top = Candidate(self.facts.facts[best], NEIGHBOUR_CONFIDENCE)
        return MatchResult(result.question, Status.ANSWERED, result.lang, top.confidence, (top,))
