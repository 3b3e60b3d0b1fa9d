"""Near misses: a fact close to the question that does not hold what it asks.

"Where were the 1990 championships" is not answered by the 1992 fact that mentions 1990, nor
"who won the bronze in 1996" by his gold, nor "who's the best ecuadorian footballer" by anything:
each check here says why a close fact is no answer, so the matcher declines and offers it instead.
"""

from __future__ import annotations

from bot.core.event_checks import EventChecks
from bot.core.fold import fold
from bot.core.heads import head_noun
from bot.core.index import is_year
from bot.core.results import Candidate
from bot.core.scoring import PIVOT_RANK, Scored
from bot.core.text import Analysis

__all__ = ["ASKED_KINDS", "NearMisses"]

# What a question word asks for, which the answering fact must hold (read from its answer text).
ASKED_KINDS = {"q_where": "place", "q_time": "time", "q_days": "days"}
SAYS = "say"  # the lexicon's concept for saying: with no question word, his words are asked


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
        if not all(ASKED_KINDS[t] in kinds for t in asked):
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
        if set(analysis.asks_name) & self._unnamed[index]:
            return False  # "what's the cathedral called": the fact says "the cathedral", never its name
        if analysis.confirming and not analysis.hypothetical and set(analysis.tokens) & self._unrealised[index]:
            return False  # "has the gold been given to him?": the fact says only that it was called for
        if self.leaves_unsaid(index, analysis):
            return False  # "did Borchin appeal his ban?": the fact never says so of him
        if not analysis.confirming and self._names_other_medal(index, analysis):
            return False  # "who won bronze in 1996": the gold fact says nothing of the bronze
        if not analysis.confirming and self._unheard_year(analysis):
            return False  # "how many medals did Ecuador win at the 2019 Pan Am Games": not in the article
        return not (asked and self._other_years_event(index, analysis))

    def _names_other_medal(self, index: int, analysis: Analysis) -> bool:
        """Does a question (not a check) name a medal the fact never mentions? It asks about that
        medal — who won it, when — which this fact cannot say (a check of a wrong colour, "did he
        win bronze in Atlanta?", is corrected instead: it is confirming)."""
        held = self._vocab[index] | self._answer_tokens[index]
        values = self.facts.lexicon.values
        medals = {t for t in analysis.tokens if values.get(t) == "medal" and t not in analysis.soft}
        return any(t not in held for t in medals)

    def _unheard_year(self, analysis: Analysis) -> bool:
        """Does the question ask about a year no fact mentions? Whatever happened then, the article
        does not say (a claim with a wrong year is checked instead: it is confirming)."""
        years = {t for t in analysis.tokens if is_year(t) and t not in analysis.soft}
        return any(t not in self._mentioned_years for t in years)

    def _other_years_event(self, index: int, analysis: Analysis) -> bool:
        """ "Where were the 1990 championships" answered by the 1992 fact that mentions 1990: the
        place or time it holds belongs to its own year's event, when another fact is that year's."""
        own = self.facts.facts[index].year
        years = {int(t) for t in analysis.tokens if is_year(t) and t not in analysis.soft}
        if own is None or not years or own in years:
            return False
        return all(y in self._fact_years for y in years)

    def _asks_unknown_kind(self, text: str, analysis: Analysis, lang: str) -> bool:
        """Does a "who/what is the …" question ask about a kind of thing no fact knows — its head
        noun a word of no fact, and no everyday one?"""
        head = head_noun(fold(text))
        if head is None:
            return False
        token, unknown = self.analyzer._canonical(head, lang)
        # …as the analysis read it (a typo of a known word was mended there), and a rare word
        return unknown and token in analysis.unknown and analysis.ranks.get(token, 0) > PIVOT_RANK
