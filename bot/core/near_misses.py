"""Near misses: a fact close to the question that does not hold what it asks.

"Where were the 1990 championships" is not answered by the 1992 fact that mentions 1990, nor
"who won the bronze in 1996" by his gold, nor "who's the best ecuadorian footballer" by anything:
each check here says why a close fact is no answer, so the matcher declines and offers it instead.
"""

from __future__ import annotations

import re

from bot.core.arithmetic import durations_in, measures_in
from bot.core.claim_checks import PLACE_OF
from bot.core.comparisons import asks_age_gap, contrary_stems
from bot.core.derived import AGES
from bot.core.event_checks import EventChecks
from bot.core.fold import fold
from bot.core.follow_ups import WHO
from bot.core.heads import head_noun
from bot.core.index import about_other, is_year
from bot.core.lazyre import lazy
from bot.core.results import Candidate, MatchResult, Status
from bot.core.scoring import PIVOT_RANK, Scored
from bot.core.text import ABOUT_HIM, Analysis

__all__ = ["ASKED_KINDS", "NearMisses"]

# What a question word asks for, which the answering fact must hold (read from its answer text).
ASKED_KINDS = {"q_where": "place", "q_time": "time", "q_days": "days"}
PASSING = 0.2  # a word this peripheral to a fact (few of its phrasings use it) is mentioned in passing
DEFINING = 0.8  # …while a fact whose keywords or title hold it is about it
AGE = "q_age"  # the question word of an age
ONGOING = "ongoing"  # the lexicon's concept of what still goes on ("still", "sigue")
RETIRE = "retire"  # the lexicon's concept of retiring: the end of what went on
SAYS = "say"  # the lexicon's concept for saying: with no question word, his words are asked
MEDAL, WIN = "medal", "win"  # the lexicon's kind of value for medals, and its concept of winning
GOLD = "gold"  # the winner's medal
PLACE, PERSON = "place", "person"  # the lexicon's concept of a placing ("puesto"), its kind of value for people
_ORDINAL_RE = lazy(r"\d+(?:st|nd|rd|th)")


# "after 1996", "since 2008", "antes de 1992": a bare year the question's period starts or ends at
# (an event, "after the 2008 Games", may fall within its own year: only bare years are read).
_PERIOD_RE = lazy(
    r"\b(after|since|post|following|despues de|desde|tras|luego de|before|prior to|antes de)"
    r"\s+(?:(?:the )?year |(?:el )?ano )?((?:19|20)\d\d)\b(?! ?(?:olympic|games|world|juegos|mundial))"
)
_BEFORE = frozenset({"before", "prior to", "antes de"})
# "did he win any medals after 2008?", "has Ecuador won one since?": a yes/no question (not a claim),
# which a fact of that year cannot settle either way.
_YES_NO_RE = lazy(
    r"^\W*(?:(?:so|and|but|ok|okay|hey|yo|wait|y|pero|oye)\W+)*"
    r"(?:did|does|do|has|have|had|was|were|is|are|can|could|will)\b"
)
# Him in a question, by pronoun or name ("who beat him", "who was his coach", "¿quién le ganó?").
_HIM_RE = lazy(r"\b(?:he|him|his|himself|perez|jefferson|jeff|le|les|su|sus|lo(?! que))\b")
# "who is he", "who was Jefferson Pérez", "¿quién es este tipo?": who asked of him, not of another.
_WHO_HE_IS_RE = lazy(
    r"\b(?:who|quien)\s*(?:is|was|s|es|era|fue)\s+(?:this |that |este |ese |el )?"
    r"(?:he|him|jefferson|perez|jeff|guy|dude|man|tipo)\b(?!\s*s\b)"
)
# "When are the next Olympics?", "¿cuándo es el próximo mundial?": the next one from now, in the
# present or future tense (no past verb: "what was his next race" counts from then, not now).
_NEXT_RE = lazy(r"\b(?:next|upcoming|proxim[oa]s?)\b")
_NOW_RE = lazy(
    r"\b(?:is|are|will|gonna|going to|es|son|sera|seran|va a|van a|habra)\b|\b(?:when|where|what|who)\s*'?s\b"
)
_THEN_RE = lazy(r"\b(?:was|were|did|had|would|d|fue|fueron|era|eran|iba|hizo|tuvo|gano|dijo)\b")
TERSE = 4  # words: a message this short names what it asks and little else
_WINNER_RE = lazy(r"\b(?:winners?|champions?|gold medall?ists?|ganador(?:a|es)?|campeon(?:a|es)?)\b")
_CHOICE_RE = lazy(r"\b(?:or|o|u)\b")  # alternatives offered: the question picks among them
FIRST = "1st"  # "first": a placing, or the first of a series
PLACED = "place"  # the lexicon's concept of how he placed ("how did he do", "¿cómo quedó?")
# A span of years: "from 1992 to 2008", "1992–2008", "between 1992 and 2008".
_RANGE_RE = lazy(
    r"\bbetween ((?:19|20)\d\d) and ((?:19|20)\d\d)\b|\b((?:19|20)\d\d)(?:\s*[–-]\s*| to | until )((?:19|20)\d\d)\b"
)
# How long something lasted: "cuánto duró", "cuánto tiempo le tomó", "how long did it last / take".
_LASTED_RE = lazy(
    r"\b(?:how long|how much time|cuanto|cuanta)\b(?:\W+\w+){0,3}?\W+"
    r"(?:lasted|last|take|took|takes|duro|duraron|dura|tiempo|tardo|tomo|demoro)\b"
    r"|\b(?:duration|duracion)\b"
    # "how many years did he train under Chocho?": a length in years (not an age, nor a gap between two)
    r"|\bhow many (?:years|decades)\b(?!\s+(?:old|older|younger|between|apart|after|before|later|earlier"
    r"|ago|separat|passed|went|did it take to))"
    r"|(?<!con )(?<!de )\bcuantos anos\b(?!\s+(?:tenia|tiene|tuvo|tendria|mas|menos|entre|despues|antes"
    r"|de diferencia|pasaron|separan|hay))"
)
# "who is the fastest…", "who was the tallest…": the holder of a record asked
_RECORD_HOLDER_RE = lazy(r"\bwho(?:s|'s| is| was| are| were) the (?:\w+ )?([a-z]{3,}est)\b")
# "after Atlanta", "antes de Pekín": a named event the question's period starts or ends at.
_ANCHOR_RE = lazy(
    r"\b(after|since|following|despues de|desde|tras|luego de|before|prior to|antes de)\s+"
    r"(?:the |el |la |los |las )?([a-z]{4,})\b"
)
_YEARS_RE = re.compile(r"\b(?:19|20)\d\d\b")
# "the first Olympic medal Ecuador ever won": a first with nothing like it before, as the answer
# says it (not "his first victory outside South America", which leaves room for others).
_FIRST_EVER_RE = lazy(r"\bfirst\b[^.;—]*\bever\b")
# "after Luis Chocho", "besides Borchin", "aparte de Markov": a person set aside from what is asked.
_EXCLUDED_RE = lazy(
    r"\b(?:after|besides|other than|apart from|aside from|except|instead of|before|despues de|ademas de|"
    r"aparte de|excepto|salvo|en vez de|antes de)\s+(?:the |el |la |don |mr |senor )?([a-z]+)"
)


class NearMisses(EventChecks):
    """The checks of what a question asks against what a fact holds."""

    def _candidate(self, s: Scored) -> Candidate:
        """A scored fact as an answer or suggestion, its rank read as a confidence."""
        return Candidate(self.facts.facts[s.index], round(min(1.0, s.rank / 1.6), 4))

    def _holds_what_is_asked(self, index: int, analysis: Analysis) -> bool:
        """A question asking where, when, how long… needs a fact whose answer holds a place, a
        year, a time…; a fact that does not is a near miss (offered as a suggestion, not answered)."""
        kinds = self._fact_kinds[index]
        asked = [t for t in analysis.tokens if t in ASKED_KINDS]
        if not self._holds_kinds_asked(index, analysis):
            return False
        if (
            len(analysis.clauses) == 1
            and SAYS in analysis.tokens
            and SAYS not in analysis.soft  # "he says …, i said …, how far behind was he?": chatter
            and not analysis.confirming
            and not set(analysis.tokens) & self._intents
            and "quote" not in kinds
        ):
            return False  # "what did he say when he announced it": his words, not where he said them
        if analysis.unknown_measure and not analysis.confirming:
            return False  # "how hot was it in Atlanta": no fact measures what no fact names
        if set(analysis.asks_name) & self._unnamed[index]:
            return False  # "what's the cathedral called": the fact says "the cathedral", never its name
        if analysis.asks_name and set(analysis.asks_name) <= analysis.unknown:
            return False  # "name the photographer": no fact so much as mentions what is to be named
        if analysis.confirming and not analysis.hypothetical and set(analysis.tokens) & self._unrealised[index]:
            return False  # "has the gold been given to him?": the fact says only that it was called for
        if self.leaves_unsaid(index, self._checked_values_aside(index, analysis)):
            return False  # "did Borchin appeal his ban?": the fact never says so of him
        if self._of_someone_else(index, analysis):
            return False  # "why did Pérez get banned?": the ban fact is about Borchin, whom it never asks
        if self._medal_unsaid_of_other(index, analysis):
            return False  # "what did Segura win in Atlanta?": the fact names him, but no medal
        asks = not analysis.confirming and bool(set(analysis.tokens) & self._intents)  # a question, not a claim
        if asks and self._states_the_opposite(index, analysis):
            return False  # "where did he win his first senior world title": the fact is of his junior ones
        if not analysis.confirming and self._names_other_medal(index, analysis):
            return False  # "who won bronze in 1996": the gold fact says nothing of the bronze
        if not analysis.confirming and self._other_places_event(index, analysis):
            return False  # "how many watched the Beijing race": the crowd the fact counts is Atlanta's
        if asks and self._other_distance(index, analysis) and not self._his_race_misnamed(analysis):
            return False  # "who won the 50 km walk at the Beijing Olympics": his race there was the 20 km
        if not analysis.confirming and self._unheard_year(analysis):
            return False  # "how many medals did Ecuador win at the 2019 Pan Am Games": not in the article
        return not (asked and (self._other_years_event(index, analysis) or self._mentions_in_passing(index, analysis)))

    def _states_ages(self, index: int) -> bool:
        """Does fact ``index`` state two ages, so that it can tell how far apart they are?"""
        return sum(t.isdigit() and int(t) in AGES for t in self._answer_tokens[index]) >= 2

    def _holds_kinds_asked(self, index: int, analysis: Analysis) -> bool:
        """Does the fact's answer hold each kind of value the question asks by its own words
        (where, what time, how many days)?"""
        kinds = self._fact_kinds[index]
        return all(ASKED_KINDS[t] in kinds for t in analysis.tokens if t in ASKED_KINDS)

    def _checked_values_aside(self, index: int, analysis: Analysis) -> Analysis:
        """A claim's values of a kind the fact's answer states ("Reuters reported Borchin's ban in
        2016", "was Chocho a coach from Quito?") are checked against its own (2015, Cuenca), not
        details it leaves unsaid: set aside, as context, when asking what it says of someone."""
        if not analysis.confirming:
            return analysis
        said = self._said_kinds(index) - {None}
        checked = {t for t in analysis.tokens if self._value_kind(t) in said}
        return analysis.replace(soft=analysis.soft | checked) if checked else analysis

    def _mentions_in_passing(self, index: int, analysis: Analysis) -> bool:
        """ "Where did he win his junior bronze" answered by the 1992 gold fact, whose answer
        recalls "his 1990 bronze" in passing: the place it holds is its own event's. A medal or
        year the question names that the fact only mentions (its phrasings never ask about it),
        while another fact is about it, makes the question that other fact's."""
        values = self.facts.lexicon.values
        central = self._centrality[index]
        # the clause that asks where or how long: "he won bronze in 1990, and where did he win gold?"
        asking = {t for clause in analysis.clauses if set(clause) & ASKED_KINDS.keys() for t in clause}
        for token in (asking or set(analysis.tokens)) - analysis.soft:
            if values.get(token) != "medal" and not is_year(token):
                continue
            if central.get(token, 0.0) < PASSING and any(
                other.get(token, 0.0) >= DEFINING for j, other in enumerate(self._centrality) if j != index
            ):
                return True
        return False

    def _of_someone_else(self, index: int, analysis: Analysis) -> bool:
        """Is a question (not a claim) whose subject is him ("why was Pérez…") matched to a fact about
        someone else (most of its phrasings name them), whom it never names? What that person did
        is not what he did: a false premise the fact cannot settle."""
        own = self._subjects[index]
        # a claim that he did it ("it was Pérez who got banned, right?") is corrected by the fact
        asks = set(analysis.tokens) & self._intents - {WHO}  # "was it Pérez who…?" checks who did it
        if not asks or analysis.confirming or ABOUT_HIM not in analysis.subjects:
            return False
        return bool(own) and not own & (set(analysis.tokens) | analysis.subjects)

    def _medal_unsaid_of_other(self, index: int, analysis: Analysis) -> bool:
        """A question about someone else asking what they won ("did Segura ever win gold?")
        needs a fact whose answer says some medal: its phrasings' medals are his. A claim of a
        wrong colour is corrected only from an answer holding one. A placing ("¿qué puesto sacó
        Markov?") is a medal's kind; a question naming another person, with him not its subject,
        is about that person however its verb comes first."""
        values = self.facts.lexicon.values
        named = ABOUT_HIM not in analysis.subjects and any(values.get(t) == PERSON for t in analysis.tokens)
        if not named and not any(about_other(t) for t in analysis.subjects):
            return False

        def placing(t: str) -> bool:
            return values.get(t) == MEDAL or t in (MEDAL, PLACE) or _ORDINAL_RE.fullmatch(t) is not None

        # "his first coach": an ordinal in a question counts things, not only placings
        asked = {t for t in set(analysis.tokens) - analysis.soft if values.get(t) == MEDAL or t in (MEDAL, PLACE, WIN)}
        return bool(asked) and not any(placing(t) for t in self._answer_tokens[index])

    def _names_other_medal(self, index: int, analysis: Analysis) -> bool:
        """Does a question (not a check) name a medal the fact never mentions? It asks about that
        medal — who won it, when — which this fact cannot say (a check of a wrong colour, "did he
        win bronze in Atlanta?", is corrected instead: it is confirming)."""
        held = self._vocab[index] | self._answer_tokens[index]
        values = self.facts.lexicon.values
        medals = {t for t in analysis.tokens if values.get(t) == "medal" and t not in analysis.soft}
        return any(t not in held for t in medals)

    def _states_the_opposite(self, index: int, analysis: Analysis) -> bool:
        """Does the question say a word no fact knows whose opposite the fact states ("senior" of
        a "junior" title, "the oldest" of "the youngest")? Then the fact is of the other thing."""
        asked = set(analysis.tokens) - analysis.soft
        if not asked & contrary_stems():
            return False  # none of the words: the opposites need not be worked out
        return any(said <= asked and opposite <= self._answer_tokens[index] for said, opposite in self._opposites)

    def _other_distance(self, index: int, analysis: Analysis) -> bool:
        """Does the question name a race by a distance the fact's answer does not state, while it
        states another ("the 50 km walk" of a 20 km race)? Then it asks of another event."""
        named = {t for t in set(analysis.tokens) - analysis.soft if t.endswith("km") and t[:1].isdigit()}
        held = {t for t in measures_in(self.facts.facts[index].answer.get("en", "")) if t.endswith("km")}
        return bool(named) and bool(held) and not named & held

    def _his_race_misnamed(self, analysis: Analysis) -> bool:
        """ "What was Pérez's winning time in the 50 km walk in Atlanta?": a question about his own
        race (no one else's, no "who") that gets its distance wrong is answered by the fact, which
        states the right one — a false premise corrected, not another event asked about."""
        return WHO not in analysis.tokens and not any(about_other(t) for t in analysis.subjects)

    def _unheard_year(self, analysis: Analysis) -> bool:
        """Does the question ask about a year no fact mentions? Whatever happened then, the article
        does not say (a claim with a wrong year is checked instead: it is confirming)."""
        years = {t for t in analysis.tokens if is_year(t) and t not in analysis.soft}
        return any(t not in self._mentioned_years for t in years)

    def _other_places_event(self, index: int, analysis: Analysis) -> bool:
        """ "What was his time in Beijing" answered by the Atlanta time: a fact naming one place
        and not the place the question names tells of another place's event, however close its
        words. Places the message names only as context (soft) are not what it asks about."""
        asked = {t for t in analysis.tokens if t in self._places and t not in analysis.soft}
        held = self._vocab[index] | self._answer_tokens[index]
        return bool(asked) and not asked & held and bool(held & self._places)

    def _other_years_event(self, index: int, analysis: Analysis) -> bool:
        """ "Where were the 1990 championships" answered by the 1992 fact that mentions 1990: the
        place or time it holds belongs to its own year's event, when another fact is that year's."""
        own = self.facts.facts[index].year
        # "and which city hosted it?" after the 1990 juniors: a question of question words alone is
        # about the event its context (soft) names
        bare = all(t in self._intents for t in analysis.tokens if t not in analysis.soft)
        years = {int(t) for t in analysis.tokens if is_year(t) and (bare or t not in analysis.soft)}
        if own is None or not years or own in years:
            return False
        return all(y in self._fact_years for y in years)

    def _unknown_kind(self, text: str, analysis: Analysis, lang: str) -> str | None:
        """The head noun of a "who/what is the …" question when it names a kind of thing no fact
        knows — a word of no fact, and no everyday one — else None."""
        head = head_noun(fold(text))
        if head is None:
            return None
        token, unknown = self.analyzer._canonical(head, lang)
        # …as the analysis read it (a typo of a known word was mended there), and a rare word
        rare = unknown and token in analysis.unknown and analysis.ranks.get(token, 0) > PIVOT_RANK
        return token if rare else None

    def _period_checked(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "What did Segura do after 1996?" asks about a period after (or before) a year: a fact
        whose every year is that year or on the other side of it tells nothing of that period,
        however well its words fit — a near miss, offered as a suggestion. A fact with no year,
        or whose answer itself places it there ("after the 2008 Games"), may answer."""
        folded = fold(text)
        if result.status is not Status.ANSWERED or result.derived:
            return result
        if analysis.confirming and not _YES_NO_RE.search(folded):
            return result  # a claim ("he retired after 2010") is corrected from the fact instead
        if self._about_its_anchor(folded, analysis, result):
            return result.declined()
        found = _PERIOD_RE.search(folded)
        if found is None:
            return result
        before, year = found.group(1) in _BEFORE, int(found.group(2))
        told = [asks for clause, asks in zip(analysis.clauses, analysis.asking, strict=False) if str(year) in clause]
        if len(analysis.clauses) > 1 and not any(told):
            return result  # "so I know he quit after 2008, but why…": the period is context, not asked
        fact = result.answers[0].fact
        answer = fact.answer.get("en", "")
        years = {int(y) for y in _YEARS_RE.findall(answer)} | ({fact.year} if fact.year is not None else set())
        if not years or any(y < year if before else y > year for y in years):
            return result
        if analysis.confirming and (min(years) if before else max(years)) != year:
            return result  # "did he retire after 2010?": it was before — a check the fact corrects
        if before and analysis.confirming and _FIRST_EVER_RE.search(answer):
            return result.replace(verdict="no")  # "had Ecuador won an Olympic medal before 1996?": the first ever
        if re.search(rf"\b{'before' if before else 'after'} (?:the )?{year}\b", answer, re.IGNORECASE):
            return result  # "After the 2008 Games he kept a promise…"
        return result.declined()

    def _other_person_checked(self, text: str, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "Who was the youngest champion before him?", "who did he lose to in Athens?": a "who"
        asked in a question that names him otherwise asks for someone else — a fact naming no
        other person cannot say who (the country where it was held is no who). "Who is he?" asks him."""
        if result.status is not Status.ANSWERED or result.derived or analysis.confirming:
            return result
        asked = set(analysis.tokens) - analysis.soft
        folded = fold(text)
        # "sydney 2000 winner": a terse message naming a winner, and not him, asks who won
        # ("what was the winner's time" asks a time).
        winner_asked = (
            len(asked) <= TERSE
            and not asked & self._intents
            and _WINNER_RE.search(folded) is not None
            and _HIM_RE.search(folded) is None
        )
        if (WHO not in asked and not winner_asked) or asked <= {WHO} | self._profile:
            return result  # "quién es este tal Pérez": who asked of him alone is who he is
        if _CHOICE_RE.search(folded) or _WHO_HE_IS_RE.search(folded) is not None:
            return result  # "who was younger, Pérez or Markov?": which of them, him among them
        indexes = [self.facts.facts.index(c.fact) for c in result.answers]
        if self._names_only_the_excluded(folded, analysis, indexes[0]):
            return result.declined()
        if _HIM_RE.search(folded) is not None:
            if any(PERSON in self._fact_kinds[i] for i in indexes):
                return result
        elif (
            not (WIN in asked or self._results_named(asked))
            or (PERSON in self._fact_kinds[indexes[0]] and not self._results_named(asked) - {GOLD, FIRST})
            or self._won_as_asked(asked, indexes[0])
        ):
            # "who won the 20k walk in Sydney?", "who came third?" may be him — if the fact it reads
            # as says he won (gold) or placed so, not that he came fourth; a fact naming another
            # person tells who won, not who came third; a "who" not about a result is left to the
            # scores.
            return result
        return result.declined()

    def _won_as_asked(self, asked: set[str], index: int) -> bool:
        """Does the fact say he won what a "who won…" asks — the medal or placing named ("who
        won bronze in Atlanta": not his gold; "who came third?"), else the gold?"""
        named = self._results_named(asked) or {GOLD}
        return bool(named & self._answer_tokens[index])

    def _results_named(self, asked: set[str]) -> set[str]:
        """The medals a question names, a placing as its medal or as itself ("third": 3rd and
        bronze); "first" is too often no placing ("his first race") to count."""
        named = asked & self._medal_colours
        for token in asked - {FIRST}:
            if _ORDINAL_RE.fullmatch(token):  # "3rd": a placing, as "bronze" is a medal
                named |= {token, *(colour for colour, place in PLACE_OF.items() if place == token)}
        return named

    def _unsaid_of_other(self, analysis: Analysis, result: MatchResult) -> MatchResult:
        """What the article tells of him alone, asked of someone else: an age ("how old was Markov
        in 1996?" — it gives no one's age but his), or whether they still do something ("is Luis
        Chocho still coaching?" — only a fact saying "still" settles that)."""
        if result.status is not Status.ANSWERED or ABOUT_HIM in analysis.subjects:
            return result
        asked = set(analysis.tokens) - analysis.soft
        if not asked & {AGE, ONGOING}:
            return result
        someone_else = any(about_other(t) for t in analysis.subjects) or bool(
            asked & self.facts.lexicon.people  # "¿Luis Chocho sigue entrenando?" names no subject
        )
        if not someone_else:
            return result
        if AGE not in asked and any(
            ONGOING in self._answer_tokens[self.facts.facts.index(c.fact)] for c in result.answers
        ):
            return result
        return result.declined()

    def _still_checked(self, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "Is he still coaching?" after his coach: whether something still goes on is settled
        only by a fact that says "still" or one that tells of an end (his retirement) — the coach's
        fact, told as of then, cannot say."""
        if result.status is not Status.ANSWERED or ONGOING not in set(analysis.tokens) - analysis.soft:
            return result
        for answer in result.answers:
            told = self._answer_tokens[self.facts.facts.index(answer.fact)]
            if ONGOING in told or RETIRE in told:
                return result
        return result.declined()

    def _names_only_the_excluded(self, folded: str, analysis: Analysis, index: int) -> bool:
        """ "Who coached him after Luis Chocho?", "who else besides Borchin…": a person the question
        sets aside is not who it asks for — a fact naming no one else cannot say who."""
        people = self.facts.lexicon.people
        excluded = set()
        for found in _EXCLUDED_RE.finditer(folded):
            token, _ = self.analyzer._canonical(found.group(1), analysis.lang)
            if token in people:
                excluded.add(token)
        named = self._answer_tokens[index] & people
        return bool(excluded) and bool(named) and named <= excluded

    def _future_checked(self, text: str, result: MatchResult) -> MatchResult:
        """ "When are the next Olympics?" asks about what comes after now; the article ends years
        ago (every fact says what was, as of its date), so no fact holds it however its words fit."""
        if result.status is not Status.ANSWERED or result.derived:
            return result
        folded = fold(text)
        if _NEXT_RE.search(folded) is None or _NOW_RE.search(folded) is None or _THEN_RE.search(folded):
            return result
        return result.declined()

    def _age_gap_checked(self, text: str, result: MatchResult) -> MatchResult:
        """ "How much younger was he than Markov?" asks how far apart two ages are: only a fact
        stating both ages can tell ("the youngest of the three" ranks them, it does not measure)."""
        if result.status is not Status.ANSWERED or result.derived or not asks_age_gap(fold(text)):
            return result
        if any(self._states_ages(self.facts.facts.index(c.fact)) for c in result.answers[:1]):
            return result
        return result.declined()

    def _record_checked(self, text: str, result: MatchResult) -> MatchResult:
        """ "Who is the fastest marathon runner ever?" asks who holds a record: only a fact that
        holds that superlative ("the youngest man ever") can say, however its other words fit."""
        if result.status is not Status.ANSWERED or result.derived:
            return result
        found = _RECORD_HOLDER_RE.search(fold(text))
        if found is None:
            return result
        token, _ = self.analyzer._canonical(found.group(1), "en")
        if token is None or any(token in self._vocab[self.facts.facts.index(c.fact)] for c in result.answers[:1]):
            return result
        return result.declined()

    def _length_of_time_checked(self, text: str, result: MatchResult) -> MatchResult:
        """ "¿Cuánto duró la peregrinación?", "how long did it last?": how long something lasted,
        which a fact holding only a length in kilometres ("459 km") cannot say — it needs a length
        of time (days, a clock time, years)."""
        if result.status is not Status.ANSWERED or result.derived or not _LASTED_RE.search(fold(text)):
            return result
        for answer in result.answers:
            index = self.facts.facts.index(answer.fact)
            if self._fact_kinds[index] & {"days", "time"} or durations_in(answer.fact.answer.get("en", "")):
                return result
        return result.declined()

    def _range_end_checked(self, analysis: Analysis, result: MatchResult) -> MatchResult:
        """ "How did he place at the 1992 Olympics?": a fact that gives 1992 only as the start of
        a span ("five Olympic Games, from 1992 to 2008") dates his career there, and says nothing
        of how that year went — a result asked of it is a near miss."""
        if result.status is not Status.ANSWERED or result.derived or PLACED not in analysis.tokens:
            return result
        years = {t for t in analysis.tokens if is_year(t) and t not in analysis.soft}
        if len(years) != 1 or len(result.answers) != 1:
            return result
        year = years.pop()
        answer = result.answers[0].fact.answer.get("en", "")
        said = [m.start() for m in re.finditer(rf"\b{year}\b", answer)]
        ends = [m.start() for m in _RANGE_RE.finditer(answer) for y in m.groups() if y == year]
        if not said or len(ends) < len(said):
            return result
        return result.declined()

    def _about_its_anchor(self, folded: str, analysis: Analysis, result: MatchResult) -> bool:
        """ "What did Markov do after Atlanta?": a fact about the Atlanta race itself (its keywords
        or title name it) says nothing of what came after it, unless its answer says "after Atlanta"."""
        found = _ANCHOR_RE.search(folded)
        if found is None:
            return False
        token, _ = self.analyzer._canonical(found.group(2), analysis.lang)
        lexicon = self.facts.lexicon
        if token is None or token not in lexicon.entities or token in lexicon.people or token in lexicon.values:
            return False
        fact = result.answers[0].fact
        index = self.facts.facts.index(fact)
        if self._centrality[index].get(token, 0.0) < DEFINING:
            return False
        side = "before" if found.group(1) in _BEFORE else "after"
        answer = fold(fact.answer.get("en", ""))
        if fact.year is not None and any(
            y < fact.year if side == "before" else y > fact.year for y in map(int, _YEARS_RE.findall(answer))
        ):
            return False  # "…in Sydney and Athens (2000 and 2004)": it goes on past its own event
        named = {found.group(2)} | ({str(fact.year)} if fact.year is not None else set())
        return not any(re.search(rf"\b{side} (?:the )?{re.escape(n)}\b", answer) for n in named)
