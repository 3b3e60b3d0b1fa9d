"""Long messages: a preamble, chatter around the question, two questions in one.

When the whole message is not answered, its parts are tried: the tail that is itself a clear
question, the asking clauses with the rest as soft context (or alone, when the rest names
nothing the answer lacks), and a second clause's answer added when each clause is clear. A
question that names no year, place or person of its own ("how far behind was he in that one?")
is read with those the story before it named; the asker's own words after the last question
("… i need it for a slide") are an afterthought, no context.
"""

from __future__ import annotations

from bot.core.fold import fold
from bot.core.followup import years_away
from bot.core.index import is_year
from bot.core.near_misses import NearMisses
from bot.core.results import Candidate, MatchResult, Status
from bot.core.scoring import ASKS_FOR, LIGHT_RANK, PIVOT_RANK, Scored
from bot.core.text import RARE_RANK, Analysis
from bot.core.thresholds import COMMON_IDF, MARGIN, MIN_EVIDENCE, PART_MIN_COVERAGE

__all__ = ["TAIL_MIN_CONFIDENCE", "LongMessages"]

TAIL_CLAUSES = 3  # how many of the last clauses may start the tail that is tried
TAIL_MIN_CONFIDENCE = 0.8  # the end of a long message must be a clear question by itself


class LongMessages(NearMisses):
    """The fallbacks for a message whose whole is not answered."""

    def _focus_on_tail(self, analysis: Analysis, question: str, truncated: bool) -> MatchResult | None:
        """In a long, chatty message the question is usually at the end: try the last clauses.

        "my dad watched the race with me last night…, so what was his time in Atlanta?" is
        answered from its shortest tail that is itself a clear question. A tail may also start at a
        question embedded mid-clause ("…nobody could agree on when he hung it up. what's the date?",
        "what i want to know is what year he won"), when what comes before it in its clause is
        everyday words only ("the weather in the city where he won" names its own topic).
        """
        clauses = analysis.clauses
        starts: list[tuple[int, int, str]] = []  # (token index, clause, question word to prepend)
        at = 0
        for k, clause in enumerate(clauses):
            starts.append((at, k, ""))
            starts.extend((pos, k, wh) for pos, wh in analysis.embedded if at < pos < at + len(clause))
            at += len(clause)
        first_clause = max(0, len(clauses) - TAIL_CLAUSES)
        asides = analysis.asides or (False,) * len(clauses)
        for pos, k, wh in sorted(starts, reverse=True):
            if k < first_clause or (pos == 0 and not wh):
                continue  # the whole message was tried already
            if asides[k] and not wh and not any(analysis.asking[k:]):
                continue  # "… i promised i would find out": the asker's own words are no question
            head = analysis.tokens[sum(len(c) for c in clauses[:k]) : pos]
            if head and not all(self._everyday_word(t, analysis) for t in head):
                continue
            own = analysis.tokens[pos:]
            # "… watching the Sydney replay … where did he end up in that race": a question naming
            # no year, place or person of its own is about those the message named before it.
            refs = self._referents(own, analysis, k)
            tail = analysis.part(((wh,) if wh else ()) + own + refs)
            if len(set(tail.tokens)) < 2 or not set(tail.tokens) - self._intents - self._topic:
                continue  # "who won them" is too vague to stand for the whole message
            result = self._decide(question, tail, truncated)
            if self._answers_about(result, refs):
                # The clauses left out that ask with a question word of their own ("who won…").
                dropped = [t for c in clauses[:k] if set(c) & self._intents for t in c]
                if self._names_what_fact_lacks(dropped, result):
                    return None  # "who won gold in Sydney, and what was the winning time?": Sydney was asked
                # "In which cities were the 2003, | 2005 and 2007 worlds staged": a list cut the
                # question from its question word — a clause of a question word and years only.
                cut_off = [
                    t
                    for c in clauses[:k]
                    if set(c) & self._intents and all(t in self._intents or t.isdigit() for t in c)
                    for t in c
                ]
                index = self.facts.facts.index(result.answers[0].fact)
                if cut_off and self.lacks_kind_asked(index, analysis.part(tuple(cut_off))):
                    return None
                if dropped and self.leaves_unsaid(
                    self.facts.facts.index(result.answers[0].fact), analysis.part(tuple(dropped))
                ):
                    return None  # "who was faster in the final, Markov or Segura?": not said of them
                return result
        return None

    def _referents(self, asked: tuple[str, ...], analysis: Analysis, before: int) -> tuple[str, ...]:
        """What a question that names no year, place, person or medal of its own ("how long was
        that ban?", "¿cuál fue su tiempo en esa carrera?") refers back to: the years and names the
        story told before clause ``before`` (its statements; a clause that asks is its own question)."""
        if any(is_year(t) or t in self._entities for t in asked) or set(analysis.tokens) & self._declines:
            return ()  # its own topic, or an order to the bot ("roleplay as Borchin and confess")
        told = [t for k, c in enumerate(analysis.clauses[:before]) if not analysis.asking[k] for t in c]
        if any(t[:1].isdigit() and not t.isdigit() for t in told):
            return ()  # "he did 20 km in 1:20:07, so how long per km is that": it asks of those measures
        values = self.facts.lexicon.values
        # A nationality describes ("a Spanish-speaking friend"); a year, a place or a person is what
        # the story was about.
        return tuple(dict.fromkeys(t for t in told if is_year(t) or (t in self._names and values.get(t) != "nation")))

    def _answers_about(self, result: MatchResult, referents: tuple[str, ...]) -> bool:
        """Is ``result`` a clear answer and, when the question borrowed what it is about from the
        story, about one of those (else the borrowing was wrong: "he did 20 km in Atlanta, so how
        long per kilometre is that" asks a sum, not another fact)?"""
        if result.status is not Status.ANSWERED or result.answers[0].confidence < TAIL_MIN_CONFIDENCE:
            return False
        return not referents or self._holds_any(self.facts.facts.index(result.answers[0].fact), referents)

    def _holds_any(self, index: int, tokens: tuple[str, ...]) -> bool:
        """Does fact ``index`` name any of ``tokens`` (in its phrasings, keywords or answer)?"""
        held = self._vocab[index] | self._answer_tokens[index]
        return any(t in held for t in tokens)

    def _everyday_word(self, token: str, analysis: Analysis) -> bool:
        """A word of everyday language that names nothing of the domain ("nobody", "agree",
        "want"): no place, person, number, question word or concept no fact covers."""
        return not self._is_strong(token) and analysis.ranks.get(token, RARE_RANK) <= PIVOT_RANK

    def _told_by(self, whole: MatchResult, asked: tuple[str, ...]) -> bool:
        """Does the message's answer already hold each kind of value these question words ask?"""
        if not whole.answers:
            return False
        kinds = self._fact_kinds[self.facts.facts.index(whole.answers[0].fact)]
        wanted = [ASKS_FOR[t] for t in asked if t in ASKS_FOR]
        # A year or a place the answer names is the one asked; any number is no age or time.
        return bool(wanted) and all(kind in ("year", "place") and kind in kinds for kind in wanted)

    def _light_word(self, token: str, analysis: Analysis) -> bool:
        """One of the commonest words ("come", "get", "take"), no concept of the domain: it means
        what it governs, and alone names nothing."""
        return (
            token not in self._concepts
            and not self._is_strong(token)
            and analysis.ranks.get(token, RARE_RANK) < LIGHT_RANK
        )

    def _names_what_fact_lacks(self, tokens: list[str], result: MatchResult) -> bool:
        """Does a dropped question name a place, person or year the answering fact never mentions?"""
        index = self.facts.facts.index(result.answers[0].fact)
        held = self._vocab[index] | self._answer_tokens[index]
        return any((t in self._proper or is_year(t)) and t not in held for t in tokens)

    def _focus_on_questions(self, analysis: Analysis, question: str, truncated: bool) -> MatchResult | None:
        """A rambling message: answer its asking clauses, the rest being soft context that helps a
        fact which explains it and costs little otherwise ("my dad watched Atlanta '96 with me…,
        anyway what was his time?")."""
        if len(analysis.clauses) < 2 or not any(analysis.asking) or all(analysis.asking):
            return None
        asked: list[str] = []
        context: list[str] = []
        last = max(k for k, asks in enumerate(analysis.asking) if asks)
        asides = analysis.asides or (False,) * len(analysis.clauses)
        for k, (clause, asks) in enumerate(zip(analysis.clauses, analysis.asking, strict=True)):
            if asks:
                asked.extend(clause)
            elif k < last or not asides[k]:
                # the asker's own words after the last question ("… i need it for a slide", "my
                # cousin says 200km") are an afterthought, no topic
                context.extend(t for t in clause if t not in analysis.unknown and t not in self._intents)
        if not asked:
            return None
        refs = self._referents(tuple(asked), analysis, last)
        asked.extend(refs)
        soft = frozenset(context) - frozenset(asked)
        focus = analysis.part(tuple(asked + context), soft)
        result = self._decide(question, focus, truncated)
        if self._answers_about(result, refs):
            return result
        # The chatter around it may only blur a clear question ("… what was his time in atlanta
        # thanks in advance"): the asking clauses alone, unless the chatter names a place, person
        # or year that the answer does not hold ("in 2008, | what medal did he win").
        result = self._decide(question, analysis.part(tuple(asked)), truncated)
        if self._answers_about(result, refs) and not self._names_what_fact_lacks(context, result):
            return result
        return None

    def _clear_part(self, part: Analysis) -> Scored | None:
        """The best fact for a clause when it is clear on its own: explains enough of it, with
        evidence, ahead of the runner-up."""
        scored = self.score(part)
        if not scored:
            return None
        best = scored[0]
        runner = scored[1] if len(scored) > 1 else None
        clear = (
            best.coverage >= PART_MIN_COVERAGE
            and best.evidence >= MIN_EVIDENCE
            and (runner is None or best.rank - runner.rank >= MARGIN)
        )
        return best if clear else None

    def _add_clauses(self, analysis: Analysis, whole: MatchResult) -> MatchResult:
        """A message asking two things gets both answers, when each clause is clear on its own."""
        if len(analysis.clauses) < 2:
            return whole
        seen = {c.fact.id for c in whole.answers}
        found: list[Candidate] = []
        asides = analysis.asides or (False,) * len(analysis.clauses)
        # The years the message names (a place may be a hometown, not an event).
        years = tuple(dict.fromkeys(t for t in analysis.tokens if is_year(t)))
        # "…in 1990, and two years later?": a step in years from the one year the message names
        shift = years_away(fold(whole.question)) if len(years) == 1 else None
        # The places asked about: in a question of more than the place ("de donde es, ¿de quito?"
        # guesses; "my dad is from cuenca" tells).
        places = tuple(
            dict.fromkeys(
                t
                for clause, asks in zip(analysis.clauses, analysis.asking, strict=True)
                if asks and any(t not in self._places for t in clause)
                for t in clause
                if t in self._places
            )
        )
        for clause, aside, asks in zip(analysis.clauses, asides, analysis.asking, strict=True):
            if aside:
                continue  # "…, i always forget": the asker's own words ask nothing of him
            # "more world golds or olympic golds?": the comparing words say how, not what; a clause
            # left with only question words and words most facts share ("which happened first",
            # "¿dónde le fue mejor") names nothing to answer.
            rest = tuple(t for t in clause if t not in self._compare)
            if len(rest) < len(clause) and all(t in self._intents or self._idf.get(t, 0.0) < COMMON_IDF for t in rest):
                continue
            clause = rest or clause
            named = [t for t in clause if t not in self._intents]
            if named and all(self._light_word(t, analysis) for t in named):
                continue  # "…and when did that come out?": a clause of "come" names nothing to answer
            if not named and self._told_by(whole, clause):
                continue  # "what medals did he win and when": the medals' answer tells when
            base = found[-1] if found else next(iter(whole.answers), None)
            if shift and base is not None and base.fact.year is not None and not any(is_year(t) for t in clause):
                # "…at the 1990 world juniors and what did he get two years later?": the fact of
                # that many years after the one just answered
                step = self._neighbour(base.fact.year, 1 if shift > 0 else -1, analysis, whole, shift, None)
                if step is not None and step.status is Status.ANSWERED:
                    found += [base, step.answers[0]] if not found else [step.answers[0]]  # in the order asked
                    continue
            best = None
            if asks and places and not any(is_year(t) or t in self._places for t in clause):
                # "¿cuántos años tenía en Atlanta y cuánto tiempo hizo?": a clause naming no year
                # or place of its own asks of the place another question names
                best = self._clear_part(analysis.part(clause + places, frozenset(places)))
            best = best or self._clear_part(analysis.part(clause))
            if best is None and asks and years and not any(is_year(t) for t in clause):
                # "…in Atlanta in 96 … Was that Pérez, and what did he win?": a clause asking with
                # no year of its own is about the year the message names elsewhere.
                best = self._clear_part(analysis.part(clause + years, frozenset(years)))
            if best is not None:
                found.append(self._candidate(best))
        if whole.status is not Status.ANSWERED and len({c.fact.id for c in found}) < 2:
            return whole
        if not {c.fact.id for c in found} - seen:
            return whole
        answers: list[Candidate] = []  # in the order the message asks them
        for cand in (*found, *whole.answers):
            if all(c.fact.id != cand.fact.id for c in answers):
                answers.append(cand)
        confidence = min(c.confidence for c in answers)
        return MatchResult(
            whole.question,
            Status.ANSWERED,
            whole.lang,
            confidence,
            answers=tuple(answers[:3]),
            truncated=whole.truncated,
        )
