"""Values worked out from the answered facts and shown first, worded as derived: his age at
another dated event ("how old was he at the Beijing Games?" → about 34, from the one fact that
states his age) or at the first or last of a series, his birth year when asked from his age, the
years within one fact or from the first to the last of a series, the end of a length of time from
a start the question gives, a count of events without something (five Games less two with a
medal), a fact's value in another unit (seconds, miles, per kilometre). Only values the facts
hold go in (:mod:`bot.core.arithmetic`); a quantity they cannot give is not guessed.
"""

from __future__ import annotations

from functools import cached_property

from bot.core import decision
from bot.core.arithmetic import convert, durations_in, measures_in
from bot.core.catalog import core_catalog
from bot.core.comparisons import asks_birth, asks_end, asks_span, asks_unit, asks_when_over, pits_two
from bot.core.decision import probability
from bot.core.index import about_other, is_year
from bot.core.lazyre import lazy
from bot.core.ordinal_games import GAMES, olympic_years
from bot.core.results import Candidate, MatchResult, Status
from bot.core.text import Analysis, fold
from bot.core.timeline import on_timeline, stretch
from bot.core.two_topics import FIRST, LAST, SIDE_MARGIN, SIDE_MIN_COVERAGE, SIDE_MIN_EVIDENCE, TwoTopics

__all__ = ["DerivedValues"]

AGE = "q_age"  # the lexicon's concept for "how old", "qué edad"
WHEN = "q_when"  # the lexicon's concept for "when", "cuándo"
COUNT = "q_count"  # the lexicon's concept for "how many", "cuántos"
SECOND = "2nd"  # the lexicon's token for "second", "segundo"
DENIED_REACH = 2  # words after "without", "no" that say what was missing
# A word that denies, but not "not just", "no solo": that adds, it does not take away.
_DENIED_RE = lazy(
    r"(?:\b(?:no|not|without|never|zero|sin|ningun|ninguna|ninguno|nunca)\b|n'?t\b)"
    r"(?!\s+(?:just|only|even|merely|solo|solamente|nada mas)\b)"
)
WHERE = "q_where"  # the lexicon's concept for "where": "where was he born" is his hometown
AGES = range(10, 61)  # a number in the age fact's answer that can be his age
COUNTED_AT = 0.85  # a count read off a fact's years needs the fact to be clearly the one asked of
_TIMES_RE = lazy(r"\b(?:how many times|cuantas veces)\b")  # a count of occasions, not of things
# A rate over a span of time ("miles a day", "km por día", "per hour"): no unit the facts convert to.
_PER_TIME_RE = lazy(r"\b(?:a|an|per|each|every|por|al|cada)\s+(?:day|hour|week|dia|hora|semana)\b")
# An age or a value asked roughly ("roughly how old", "más o menos", "aproximadamente").
_ROUGHLY_RE = lazy(
    r"\b(?:roughly|approximately|approx|around|about how|more or less|give or take|estimated?|ballpark"
    r"|aproximadamente|mas o menos|unos|cerca de|aprox)\b"
)
# "Which (of his five) Olympics…", "¿en qué Juegos…?": the Games themselves asked.
_WHICH_RE = lazy(r"\b(?:which|wich|what|en que|que|cual|cuales)(?:\s+\w+){0,4}?\s+" + GAMES + r"\b")
# "At all (three of) his Olympics", "en todos sus Juegos", "every Games he entered".
_EVERY_RE = lazy(r"\b(?:all|every|each|todos|todas|cada)(?:\s+\w+){0,3}?\s+" + GAMES + r"\b")
# "How many (more) Olympic Games…", "¿cuántos Juegos…?": the Games themselves counted.
_GAMES_COUNTED_RE = lazy(r"\b(?:how many|cuant[oa]s)\s+(?:more\s+|other\s+|mas\s+|otr[oa]s\s+)?" + GAMES + r"\b")
_BETWEEN_RE = lazy(r"\b(?:between|entre)\b")
OLYMPICS = "olympics"  # the lexicon's token for the Olympics, a tag of the facts about them
WIN = "win"  # the lexicon's token for winning, "ganar"
RESULTS = frozenset({"medal", WIN})  # the lexicon's tokens for a result each event may have had


def _listed(years: list[int], lang: str) -> str:
    """ "1992, 2000 and 2004" in the reply's language."""
    words = [str(y) for y in years]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {core_catalog().word(lang, 'list_and')} {words[-1]}"


class DerivedValues(TwoTopics):
    """The values the matcher works out from its answer (mixed into :class:`bot.core.matcher.Matcher`)."""

    @cached_property
    def _tag_tokens(self) -> tuple[frozenset[str], ...]:
        """Per fact, the canonical tokens of its tags ("world-championships" → "worlds"): the kinds
        of event it is about."""
        return tuple(
            frozenset(t for tag in f.tags for t in self.analyzer.analyze(tag.replace("-", " "), "en").tokens)
            for f in self.facts.facts
        )

    @cached_property
    def _timeline(self) -> list[int]:
        """The indexes of the timeline's events (:func:`bot.core.timeline.on_timeline`)."""
        return [i for i, f in enumerate(self.facts.facts) if on_timeline(f)]

    @cached_property
    def _olympic_series(self) -> int | None:
        """The fact listing his Olympic Games from first to last ("five Olympic Games, from 1992
        to 2008"): the widest series the answers naming the Olympics list. Read off the answers'
        tokens, which every question's reading has built already, since each message asks for it."""
        series = [i for i in range(len(self.facts.facts)) if OLYMPICS in self._answer_tokens[i] and self._is_series(i)]
        return max(series, key=lambda i: max(self._event_years(i)) - min(self._event_years(i)), default=None)

    @cached_property
    def _olympic_years(self) -> tuple[int, ...]:
        """The years of his Olympic Games: the ends of that series, filled in by the four-year cycle."""
        if self._olympic_series is None:
            return ()
        years = self._event_years(self._olympic_series)
        return olympic_years(min(years), max(years))

    @cached_property
    def _olympic_events(self) -> list[tuple[int, int]]:
        """(fact, year) for each timeline fact about one of his Games (the Atlanta gold, the
        Beijing silver), not about two or about his Games as a whole."""
        return [
            (i, year)
            for i in self._timeline
            if OLYMPICS in self._tag_tokens[i]
            and (year := self.facts.facts[i].year) in self._olympic_years
            and len(self._event_years(i)) == 1
        ]

    def _olympic_year_of(self, word: str) -> int | None:
        """The year of the Games one word names: a year ("96" too), or the place or the medal of
        the one fact about a single Games that holds it ("Beijing", "his gold"); else None."""
        digits = word.strip("'")
        if digits.isdigit() and len(digits) in (2, 4):
            year = int(digits) if len(digits) == 4 else (1900 if int(digits) > 50 else 2000) + int(digits)
            return year if year in self._olympic_years else None
        tokens = self.analyzer.analyze(word).tokens
        held = {y for t in tokens[:1] for i, y in self._olympic_events if t in self._answer_tokens[i]}
        return held.pop() if len(tokens) == 1 and len(held) == 1 else None

    def _widest_series(self, words: tuple[str, ...] | list[str]) -> int | None:
        """The fact listing the most events of the kind ``words`` name ("Olympics": the five
        Games, 1992–2008), when they name only the kind: "his first Olympic win" is not his first
        Olympics. None when they name no kind, or more than one."""
        kinds = {t for t in words if self._value_kind(t) is None and any(t in k for k in self._tag_tokens)}
        if not kinds or set(words) - kinds:
            return None
        pool = [i for i, tags in enumerate(self._tag_tokens) if kinds <= tags and self._is_series(i)]
        return max(pool, key=lambda i: (len(self._event_years(i)), -i)) if pool else None

    def _stated_age(self, analysis: Analysis) -> tuple[int, int] | None:
        """The one dated fact that states his age, and that age ("22 in 1996")."""
        found = self._side_fact((AGE,), analysis, dated=True)
        if found is None:
            return None
        ages = {int(t) for t in self._answer_tokens[found[0]] if t.isdigit() and int(t) in AGES}
        return (found[0], ages.pop()) if len(ages) == 1 else None

    def _born_from_age(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "Going by his age in Atlanta, what year was he born?": the article gives no birth date,
        but a question that points at his age asks it worked out from the fact that states it —
        one of two years, as his birthday is not given. A bare "when was he born" is not asked
        that way and stays declined."""
        if result.derived or WHERE in analysis.tokens or not asks_birth(fold(text)):
            return result
        stated = self._stated_age(analysis)
        if stated is None:
            return result
        index, age = stated
        if AGE not in analysis.tokens and str(age) not in analysis.tokens:
            return result  # the question leans on no age: the article does not say when he was born
        aged = self.facts.facts[index]
        assert aged.year is not None  # _stated_age picks a dated fact
        born = aged.year - age
        note = core_catalog().word(result.lang, "derived_born", born=born, before=born - 1, age=age, year=aged.year)
        top = (Candidate(aged, decision.ANSWER_AT),)
        return MatchResult(
            result.question,
            Status.ANSWERED,
            result.lang,
            top[0].confidence,
            top,
            truncated=result.truncated,
            derived=note,
        )

    def _age_at(self, analysis: Analysis, result: MatchResult) -> MatchResult | None:
        """ "How old was he at the Beijing Games?": the one fact that states his age ("22 in
        1996") and the asked event's year give it — about, since his birthday is not given."""
        if AGE not in analysis.tokens or any(about_other(t) for t in analysis.subjects):
            return None
        if pits_two(fold(result.question)):
            return None  # "which is bigger, his age in Atlanta or …": two values set side by side
        stated = self._stated_age(analysis)
        if stated is None:
            return None
        index, then = stated
        aged = self.facts.facts[index]
        assert aged.year is not None  # _stated_age picks a dated fact
        rest = tuple(t for t in analysis.tokens if t != AGE and not self._is_connective(t))
        # "At his last Olympics": the series of the kind named, even when the age fact answers itself.
        series = self._widest_series(rest) if (FIRST in analysis.tokens) != (LAST in analysis.tokens) else None
        if series is None and result.fact is aged:
            return None
        event = (series, decision.ANSWER_AT) if series is not None else None
        event = event or (self._side_fact(rest, analysis) if rest else None)  # the event the words pick
        if series is None and (event is None or self.facts.facts[event[0]].year == aged.year):
            # "going by his age in Atlanta, how old was he in Beijing?": the age fact's own event is
            # the basis, not the event asked; the other words pick that.
            own = self._answer_tokens[index]
            other = tuple(t for t in rest if t not in analysis.unknown and not (t in own and self._value_kind(t)))
            event = self._side_fact(other, analysis) if other and other != rest else event
        if event is None or event[0] == index:
            return None
        fact = self.facts.facts[event[0]]
        # A series stands for its first or last year as asked ("at his last world title"), else none.
        ordinal = "last" if LAST in analysis.tokens else "first" if FIRST in analysis.tokens else None
        year = self._year_of(event[0], ordinal)
        if year is None:
            return None  # "at what age did he start race walking": the article gives no year for it
        age = then + year - aged.year
        if age not in AGES or year == aged.year:
            return None
        note = core_catalog().word(result.lang, "derived_age", age=age, then=age - year + aged.year, year=aged.year)
        confidence = round(max(event[1], decision.ANSWER_AT), 4)
        answers = (Candidate(fact, confidence), Candidate(aged, confidence))
        return MatchResult(result.question, Status.ANSWERED, result.lang, confidence, answers, derived=note)

    def _age_on_a_day_checked(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "How old was he when he retired?": an event dated to the day asks his age on that day,
        which needs the birthday the article does not give — declined, worked out or not, alone or
        after "how old was he in Atlanta?". At a Games (a year, a season) he was about 34; asked
        roughly ("roughly how old…"), so he was at a day."""
        if result.status is not Status.ANSWERED or AGE not in analysis.tokens or _ROUGHLY_RE.search(fold(text)):
            return result
        # The event its own words name: not the last question's ("and how old was he when he
        # retired?" after Atlanta), nor what no fact knows ("…, and how many grandkids?").
        skip = analysis.soft | analysis.unknown | self._intents
        rest = tuple(t for t in analysis.tokens if t != AGE and t not in skip and not self._is_connective(t))
        event = self._side_fact(rest, analysis) if rest else None
        if event is None or self.facts.facts[event[0]].date is None:
            return result
        return result.declined()

    def _end_unsaid(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "When did Borchin's eight-year ban end?": a length of time the fact states, its end
        asked with no start to count from — the fact that never says when it ended cannot tell."""
        if result.status is not Status.ANSWERED or result.derived or len(result.answers) != 1:
            return result
        if WHEN not in analysis.tokens or not asks_when_over(fold(text)):
            return result
        answer = result.answers[0].fact.answer.get("en", "")
        if len(set(durations_in(answer))) != 1 or asks_when_over(fold(answer)):
            return result
        return result.declined()

    def _span_in_one(self, text: str, result: MatchResult, analysis: Analysis | None = None) -> MatchResult:
        """ "How many years after Beijing did Reuters report the ban?", "how many years from his
        first Olympics to his last?": one fact holding both ends (two years, or a series). A series
        with only one end named ("between his birth and his first Olympics") holds one end only."""
        if result.status is not Status.ANSWERED or len(result.answers) != 1 or result.derived:
            return result
        if not asks_span(fold(text)):
            return result
        index = self.facts.facts.index(result.answers[0].fact)
        years = sorted({int(t) for t in self._answer_tokens[index] if is_year(t)})
        if len(years) < 2 or (len(years) > 2 and not self._is_series(index)):
            return result
        if analysis is not None and self._is_series(index) and (FIRST in analysis.tokens) != (LAST in analysis.tokens):
            return result.declined()
        first, last = years[0], years[-1]
        note = core_catalog().word(result.lang, "derived_years", count=last - first, first=first, last=last)
        return result.replace(derived=note)

    def _span_of_series(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "How many years between his first world title and his last?": both ends are of one
        series, so the fact listing it answers, whichever fact the words alone lean to (his first
        junior title is a "first" too). So are "how many years separated his two Olympic medals?"
        and "how many years apart were his gold and silver?", no end named, of a series of two:
        its two years are the ends. The series is picked among the facts that list one, by the
        words that are neither the span's nor the ordinals', and must be clearly picked."""
        # "his first and second Olympic medals": of a series of two, the second is the last.
        second = FIRST in analysis.tokens and SECOND in analysis.tokens
        ends = (FIRST in analysis.tokens, LAST in analysis.tokens or second)
        if result.derived or ends == (True, False) or ends == (False, True) or not asks_span(fold(text)):
            return result
        ordinals = (FIRST, LAST, SECOND) if second else (FIRST, LAST)
        side = tuple(t for t in analysis.tokens if t not in ordinals and not self._is_connective(t))
        if not side or any(about_other(t) for t in analysis.subjects):
            return result
        overall = self.score(analysis.part(side))
        scored = [s for s in overall if self._is_series(s.index)]
        if not scored:
            return result
        best = scored[0]
        gap = best.rank - scored[1].rank if len(scored) > 1 else best.rank
        if best.coverage < SIDE_MIN_COVERAGE or best.evidence < SIDE_MIN_EVIDENCE or gap < SIDE_MARGIN:
            return result
        fact = self.facts.facts[best.index]
        years = sorted({int(t) for t in self._answer_tokens[best.index] if is_year(t)})
        if second and len(years) != 2:
            return result  # the second of five Olympics is no end of them
        if ends == (False, False) and (len(years) != 2 or overall[0].index != best.index):
            # "how many years between his Olympics?": of five, which two is not said; "how many
            # years after Beijing was the ban reported?": one fact's two years, not a series'
            return result
        first, last = years[0], years[-1]
        note = core_catalog().word(result.lang, "derived_years", count=last - first, first=first, last=last)
        confidence = round(max(probability(self._evidence(scored, analysis.part(side))), decision.ANSWER_AT), 4)
        top = (Candidate(fact, confidence),)
        return MatchResult(
            result.question, Status.ANSWERED, result.lang, confidence, top, truncated=result.truncated, derived=note
        )

    def _end_of_span(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "If the ban began in 2015, when would it end?": the one length of time the answered
        fact states, counted from the year the question gives it to start — worked out and marked,
        since the fact gives no end."""
        if result.status is not Status.ANSWERED or result.derived or not asks_end(fold(text)):
            return result
        years = {int(t) for t in analysis.tokens if is_year(t)}
        # Of the facts answered, the one that lasts: the others matched the question's other words.
        lasting = [(c, set(durations_in(c.fact.answer.get("en", "")))) for c in result.answers]
        lasting = [(c, d) for c, d in lasting if len(d) == 1]
        if len(years) != 1 or len(lasting) != 1:
            return result
        (answer, (span,)), start = lasting[0], years.pop()
        note = core_catalog().word(result.lang, "derived_end", end=start + span, start=start, span=span)
        return result.replace(answers=(answer,), confidence=answer.confidence, derived=note)

    def _count_without(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "Of his five Olympics, how many ended without a medal?": the count one fact states of
        the events of a kind (five Olympics), less the events another fact lists with the thing
        denied (medals in 1996 and 2008: two of them) — worked out and marked."""
        if result.derived or COUNT not in analysis.tokens:
            return result
        found = self._events_without(analysis, self._denied_tokens(text, analysis.lang))
        if found is None:
            return result
        e, w, total, years, _ = found
        note = core_catalog().word(
            result.lang,
            "derived_without",
            rest=total - len(years),
            total=total,
            having=len(years),
            years=", ".join(str(y) for y in sorted(years)),
        )
        facts = self.facts.facts
        answers = (Candidate(facts[e], decision.ANSWER_AT), Candidate(facts[w], decision.ANSWER_AT))
        lang, truncated = result.lang, result.truncated
        return MatchResult(
            result.question, Status.ANSWERED, lang, decision.ANSWER_AT, answers, truncated=truncated, derived=note
        )

    def _which_without(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "Which Olympics did he not medal at?", "¿ganó medalla en todos sus Juegos?": the
        events of the series (five Games, 1992–2008, one every four years) less those another
        fact lists with the thing asked (medals in 1996 and 2008): 1992, 2000 and 2004 — worked
        out and marked, a yes or no for "all of them", and first the fact telling those events
        (fourth in Sydney and Athens). Within the years the question bounds ("after Atlanta")."""
        if result.derived or COUNT in analysis.tokens or OLYMPICS not in analysis.tokens:
            return result
        read = self.as_read(text)  # "wich olimpics…": typos mended
        every = analysis.confirming and _EVERY_RE.search(read) is not None
        if every:  # "did he medal at all his Olympics?": what each had, none denied
            lacked = frozenset(t for t in analysis.tokens if t in RESULTS)
        elif _WHICH_RE.search(read):
            lacked = self._denied_tokens(text, analysis.lang)
        else:
            return result
        found = self._events_without(analysis, lacked)
        if found is None:
            return result
        e, w, total, having, kinds = found
        series = self._series_years(e, total)
        if series is None:
            return result
        bounds = stretch(read, self._years_named(analysis.tokens))
        if bounds is not None:
            series = [y for y in series if bounds[0] <= y <= bounds[1]]
        missing = [y for y in series if y not in having]
        if not missing or len(missing) == len(series):
            return result
        note = core_catalog().word(
            result.lang,
            "derived_not_every" if every else "derived_which_without",
            missing=_listed(missing, result.lang),
            total=total,
            first=min(self._event_years(e)),
            last=max(self._event_years(e)),
            years=_listed(sorted(having), result.lang),
        )
        facts = self.facts.facts
        # The fact telling those events ("fourth in Sydney and in Athens"), when one does.
        telling = [
            i for i in self._timeline if kinds <= self._tag_tokens[i] and set() < self._event_years(i) <= set(missing)
        ]
        shown = [*telling[:1], e, w]
        answers = tuple(Candidate(facts[i], decision.ANSWER_AT) for i in shown)
        return MatchResult(
            result.question,
            Status.ANSWERED,
            result.lang,
            decision.ANSWER_AT,
            answers,
            truncated=result.truncated,
            derived=note,
            verdict="no" if every else None,
        )

    def _games_counted(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "How many Olympics did he go to after his gold?", "between Atlanta and Beijing?": his
        Games (five, 1992–2008, one every four years) within the bounds the Games named set — a
        count worked out and marked, the fact counting them and those telling the Games counted."""
        if result.derived or COUNT not in analysis.tokens or OLYMPICS not in analysis.tokens:
            return result
        read = self.as_read(text)
        if not _GAMES_COUNTED_RE.search(read):
            return result
        years = self._olympic_years
        anchors = sorted({y for t in analysis.tokens if (y := self._olympic_year_of(t)) is not None})
        if anchors == [years[0], years[-1]]:
            return result  # "between 1992 and 2008": all of them, as the fact counting them says
        if len(anchors) == 2 and _BETWEEN_RE.search(read):
            counted = [y for y in years if anchors[0] < y < anchors[1]]
        elif len(anchors) == 1 and (bounds := stretch(read, set(anchors))) is not None and bounds[0] != bounds[1]:
            counted = [y for y in years if bounds[0] <= y <= bounds[1] and y != anchors[0]]
        else:
            return result
        facts = self.facts.facts
        whole = self._olympic_series  # 1992–2008
        assert whole is not None  # the years asked of come from it
        # The facts telling the Games counted: one Games each, or several all counted (Sydney and Athens).
        several = (i for i in self._timeline if i != whole and OLYMPICS in self._tag_tokens[i] and self._is_series(i))
        telling = {i for i, y in self._olympic_events if y in counted} | {
            i for i in several if self._event_years(i) <= set(counted)
        }
        note = core_catalog().word(
            result.lang,
            "derived_games_counted",
            count=len(counted),
            years=_listed(counted, result.lang),
            total=len(years),
            first=years[0],
            last=years[-1],
        )
        shown = [*sorted(telling, key=lambda i: facts[i].year or 0), whole]
        answers = tuple(Candidate(facts[i], decision.ANSWER_AT) for i in shown)
        lang, truncated = result.lang, result.truncated
        return MatchResult(
            result.question, Status.ANSWERED, lang, decision.ANSWER_AT, answers, truncated=truncated, derived=note
        )

    def _events_without(
        self, analysis: Analysis, lacked: frozenset[str]
    ) -> tuple[int, int, int, set[int], set[str]] | None:
        """(the fact counting the events of the kind named, the fact listing those that had
        ``lacked``, the count, their years, the kind) — when both facts are of the kind named and
        the second's years fall within the first's; None otherwise."""
        lacked = (lacked - {WIN}) or lacked  # "no ganó medalla": the medal is what was missing
        if not lacked or any(about_other(t) for t in analysis.subjects):
            return None
        kinds = {t for t in analysis.tokens if t not in lacked and any(t in k for k in self._tag_tokens)}
        kinds = {t for t in kinds if self._value_kind(t) is None}
        pool = [i for i, tags in enumerate(self._tag_tokens) if kinds and kinds <= tags and self._is_series(i)]
        having = [i for i in pool if lacked <= self._answer_tokens[i] | self._vocab[i]]
        if not having:
            return None
        ranks = {s.index: s.rank for s in self.score(analysis.part((*kinds, *lacked)))}
        w = max(having, key=lambda i: (ranks.get(i, 0.0), -i))  # the fact about the events that had it
        years = self._event_years(w)
        events = []
        for i in pool:
            counts = {int(t) for t in self._answer_tokens[i] if t.isdigit() and not is_year(t)}
            span = self._event_years(i)
            if i != w and len(counts) == 1 and min(span) <= min(years) and max(years) <= max(span):
                events.append((i, counts.pop()))
        if len(events) != 1 or events[0][1] <= len(years):
            return None
        (e, total) = events[0]
        if lacked & self._answer_tokens[e] or any(self._value_kind(t) for t in lacked):
            return None  # "without winning gold": the events fact says it won too; a colour is not any medal
        return e, w, total, years, kinds

    def _series_years(self, index: int, total: int) -> list[int] | None:
        """The years of the ``total`` events fact ``index`` counts: those it lists, or for the
        Olympics its first to its last by the four-year cycle; None when they cannot be told."""
        listed = sorted(self._event_years(index))
        if len(listed) == total:
            return listed
        if index == self._olympic_series and len(self._olympic_years) == total:
            return list(self._olympic_years)
        return None

    def _years_named(self, tokens: tuple[str, ...] | list[str]) -> set[int]:
        """The years a question names, a place standing for the year of its event ("after
        Atlanta": 1996; "de Sídney a Pekín": 2000 to 2008)."""
        named = {int(t) for t in tokens if is_year(t)}
        facts = self.facts.facts
        for token in (t for t in tokens if self._value_kind(t) == "place"):
            held = [y for i in self._timeline if token in self._answer_tokens[i] and (y := facts[i].year) is not None]
            if held:
                named.add(min(held))
        return named

    def _times_of_series(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "How many times did he finish fourth at the Olympics?": no phrasing of the fact asks how
        many, yet a fact listing its events by year ("the two Olympics after Atlanta, 2000 and 2004")
        answers it when it states the count its years make. Asked again without the count, clearly."""
        if result.status is Status.ANSWERED or result.derived or not _TIMES_RE.search(fold(text)):
            return result
        if any(about_other(t) for t in analysis.subjects):
            return result
        rest = analysis.part(tuple(t for t in analysis.tokens if t != COUNT))
        found = self._decide(result.question, rest, result.truncated)
        if found.status is not Status.ANSWERED or len(found.answers) != 1 or found.confidence < COUNTED_AT:
            return result
        index = self.facts.facts.index(found.answers[0].fact)
        years = sorted(int(t) for t in self._years_told[index])
        if not self._is_series(index) or len(years) < 2:
            return result
        if str(len(years)) not in self._answer_tokens[index]:
            return result  # the fact must say the count its years make ("the two Olympics after Atlanta")
        return found.replace(question=result.question)

    def _decide(self, question: str, analysis: Analysis, truncated: bool) -> MatchResult:  # pragma: no cover
        raise NotImplementedError  # the matcher defines it

    def as_read(self, text: str) -> str:  # pragma: no cover
        raise NotImplementedError  # the matcher defines it

    def _denied_tokens(self, text: str, lang: str) -> frozenset[str]:
        """The canonical tokens of what a question says was missing ("without a medal", "no
        medalla", "did not medal"): the words right after a word that denies."""
        found: set[str] = set()
        for m in _DENIED_RE.finditer(fold(text)):
            words = " ".join(fold(text)[m.end() :].split()[:DENIED_REACH])
            found.update(t for t in self.analyzer.analyze(words, lang).tokens if not self._is_connective(t))
        return frozenset(found - {COUNT})

    def _in_units(self, text: str, result: MatchResult) -> MatchResult:
        """ "How many seconds is his Atlanta time?", "the pilgrimage in miles?", "how long per
        kilometre?": the one answered fact's value in the unit asked, worked out and marked."""
        if result.status is not Status.ANSWERED or len(result.answers) != 1 or result.derived:
            return result
        unit = asks_unit(fold(text))
        if unit is None:
            return result
        if _PER_TIME_RE.search(fold(text)):
            return result.declined()  # "how many miles a day?": a rate over days the fact never counts
        fields = convert(unit, measures_in(result.answers[0].fact.answer.get("en", "")), result.lang)
        if fields is None:
            return result
        return result.replace(derived=core_catalog().word(result.lang, f"derived_{unit}", **fields))
