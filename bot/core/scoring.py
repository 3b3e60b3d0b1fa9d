"""Scoring: how well each fact explains a question (coverage, evidence, similarity).

* **coverage** — the share of the question's inverse-document-frequency weight that the fact's
  vocabulary (phrasings and keywords; its answer counts less) explains. A place, person, year,
  medal colour or question word the fact lacks counts double; a word no fact knows weighs by its
  general-language frequency (an everyday word is filler, a rare one a topic the article lacks);
* **similarity** — an idf-weighted Jaccard with the fact's closest phrasing, blended with
  rapidfuzz's token-sort ratio for the leading facts: the tie-breaker between close facts.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

from rapidfuzz import fuzz, process

from bot.core.index import FactIndex, about_other
from bot.core.irregular import irregular_base
from bot.core.numbers import is_small_number
from bot.core.record import Frozen
from bot.core.text import ABOUT_HIM, RARE_RANK, Analysis

__all__ = ["PIVOT_RANK", "Scored", "Scorer"]

STRONG_MULTIPLIER = 2.0  # entities, numbers, question words missing from a fact
DOMAIN_MULTIPLIER = 1.0  # other words some other fact knows, missing from this one
UNKNOWN_WORD_WEIGHT = 1.1  # a word no fact knows, of middling frequency (could be filler, could be off-topic)
PIVOT_RANK = 3000  # …the frequency rank at which an unknown word weighs UNKNOWN_WORD_WEIGHT
MIN_UNKNOWN_WEIGHT, MAX_UNKNOWN_WEIGHT = 0.3, 3.0  # …the bounds of that weight
# …and how steeply it grows with rarity: "stuff" lighter, "footballer" heavier than a log scale.
# Leave-one-set-out (scripts/fit_decision.py --full), fc* sets: power 1 → 91.7/97.0/1.8 (in-scope /
# declined / wrong %), 1.5 → 91.9/97.0/1.8, 2 → 92.1/97.0/1.7, 3 → 92.1/97.2/1.7.
RARITY_POWER = 2.0
DOMAIN_MISS_WEIGHT = 3.0  # a known concept no fact covers ("nowadays", "weather")
TOPIC_DISCOUNT = 0.5  # how much of a topic word a phrasing lacks is forgiven in its closeness
SOFT_MISS = 0.25  # how much an unexplained context word of a rambling message counts
RATIO_FACTS = 3  # how many leading facts get the (costlier) rapidfuzz ratio
LIGHT_RANK = 100  # words commoner than this ("take", "make") keep a fact's weight for them (see _miss_weight)
UNSAID_RANK = 300  # of a question about someone else, a word rarer than this is a detail asked
RELATED_CREDIT = 1.0  # how much of an unknown word's weight a fact explains with its thesaurus concept
ANSWER_EXPLAINS = 0.7  # how much of a word's weight a fact explains with its answer alone
# Question words a fact's answer explains when it holds the kind of value asked, though no phrasing
# of the fact asks that way ("which years did he win medals"). A count, a clock time or a date
# is not: any number or year would pass for it (measured: more near misses answered).
ANSWERABLE = frozenset({"q_when"})
# The kind of value a question word asks for; a fact whose answer holds none of it is a near miss.
ASKS_FOR = {
    "q_when": "year",
    "q_date": "date",  # "on what date", "what day": a month named, not a year alone
    "q_count": "number",
    "q_age": "number",
    "q_time": "time",
    "q_where": "place",
    "q_days": "days",
}


class Scored(Frozen):
    """One fact's score for one question (exposed for tests, eval and the misses log)."""

    _fields = ("index", "coverage", "evidence", "unexplained", "similarity", "strong_missing", "matched", "focus")
    __slots__ = _fields
    index: int
    coverage: float
    evidence: float  # the idf weight of the question words the fact explains
    unexplained: float
    similarity: float
    strong_missing: float
    matched: int
    focus: float  # how central the matched words are to the fact (0–1)

    def __init__(
        self,
        index: int,
        coverage: float,
        evidence: float,
        unexplained: float,
        similarity: float,
        strong_missing: float = 0.0,
        matched: int = 0,
        focus: float = 0.0,
    ) -> None:
        _set = object.__setattr__
        _set(self, "index", index)
        _set(self, "coverage", coverage)
        _set(self, "evidence", evidence)
        _set(self, "unexplained", unexplained)
        _set(self, "similarity", similarity)
        _set(self, "strong_missing", strong_missing)
        _set(self, "matched", matched)
        _set(self, "focus", focus)

    @property
    def rank(self) -> float:
        return self.coverage + 0.25 * self.focus + 0.35 * self.similarity


class Scorer(FactIndex):
    """Scores questions against the fact index."""

    def _is_strong(self, token: str) -> bool:
        """Entities, numbers, question words and known concepts no fact covers."""
        return (
            token in self._strong
            or (token[:1].isdigit() and not is_small_number(token))
            or token.startswith("about_")
            or (token in self._concepts and token not in self._idf)
        )

    def _miss_weight(self, token: str, analysis: Analysis, *, strict: bool = False) -> float:
        """How much a question token the fact does not explain counts against it.

        ``strict`` (a question about someone else, "Markov's time") makes every missing domain
        word count as much as a missing entity: the fact must say exactly that about them.
        """
        if is_small_number(token):
            return UNKNOWN_WORD_WEIGHT  # "like 4 olympics": a small count is often a wrong guess, not a topic
        if token in self._idf:
            weight = self._idf[token]
            strong = strict or self._is_strong(token)
            if not strong and token not in self._concepts and analysis.ranks.get(token, RARE_RANK) >= LIGHT_RANK:
                # "where were the Olympics held": a fact's everyday word ("held") is no topic of its
                # own; missing, it weighs no more than a word no fact knows of its frequency. The
                # commonest words ("take", "come") mean what they govern ("take him to"): kept whole.
                weight = min(weight, self._rarity(token, analysis))
            return weight * (STRONG_MULTIPLIER if strong else DOMAIN_MULTIPLIER)
        if token in self._concepts or token[:1].isdigit() or token.startswith("about_"):
            return DOMAIN_MISS_WEIGHT
        if token in analysis.unknown_pairs:
            return DOMAIN_MISS_WEIGHT  # a name or two unknown words in a row: a new thing ("prize money")
        weight = self._rarity(token, analysis)
        if token in analysis.manner:
            weight = min(weight, UNKNOWN_WORD_WEIGHT)  # "articulate", "precise": how it is asked
        return weight * (STRONG_MULTIPLIER if strict else 1.0)

    @staticmethod
    def _rarity(token: str, analysis: Analysis) -> float:
        """An unknown word's weight from its general-language frequency: "stuff" is filler,
        "cathedral" a topic no fact covers. UNKNOWN_WORD_WEIGHT at the pivot rank, a power of the log rank."""
        rank = analysis.ranks.get(token, RARE_RANK)
        weight = UNKNOWN_WORD_WEIGHT * (math.log(1 + rank) / math.log(1 + PIVOT_RANK)) ** RARITY_POWER
        return min(MAX_UNKNOWN_WEIGHT, max(MIN_UNKNOWN_WEIGHT, weight))

    def lacks_kind_asked(self, index: int, analysis: Analysis) -> bool:
        """Does the question ask a kind of value (a year, a number, a time, a place) that fact
        ``index``'s answer does not hold? A sign the fact shares only the question's topic."""
        kinds = self._fact_kinds[index]
        return any(ASKS_FOR[t] not in kinds for t in analysis.tokens if t in ASKS_FOR and t not in analysis.soft)

    def leaves_unsaid(self, index: int, analysis: Analysis) -> bool:
        """A question about someone else ("did Borchin appeal his ban?", "what methods did Chocho
        use?") asks what the fact says of them word for word: a word of what it asks that the fact
        never uses — a name, a number, or any word rarer than everyday language ("come out" is
        not) — is a detail the article does not give about them. Preambles (clauses that ask
        nothing) are exempt; question words are what the kinds of value check."""
        if not any(about_other(t) for t in analysis.subjects):
            return False
        asking = [c for c, asks in zip(analysis.clauses, analysis.asking, strict=False) if asks] or [analysis.tokens]
        held = self._vocab[index] | self._topic | self._intents  # how it asks is the kinds' business
        for token in {t for clause in asking for t in clause} - held - analysis.soft:
            if is_small_number(token):
                continue
            # An irregular form is as everyday as its verb: "what reason was given" asks no detail.
            base = irregular_base(token)
            rank = min(analysis.ranks.get(token, RARE_RANK), self.analyzer.rank_of(base) if base else RARE_RANK)
            if self._is_strong(token) or rank > UNSAID_RANK:
                return True
        return False

    def score(self, analysis: Analysis) -> list[Scored]:
        """Every fact's score for an analysed question, best first."""
        if not analysis.tokens:
            return []
        query = set(analysis.tokens) | (analysis.subjects - {ABOUT_HIM})
        # Sums of floats in one fixed order: a set's order varies with the hash seed, and a sum in
        # another order can tip a near tie between two facts (a different answer per process).
        ordered = sorted(query)
        about_him = ABOUT_HIM in analysis.subjects
        weights = {t: self._idf.get(t, 0.0) for t in ordered}
        about_someone_else = any(about_other(t) for t in ordered)
        misses = {t: self._miss_weight(t, analysis, strict=about_someone_else) for t in ordered}
        for token in analysis.soft & query:
            misses[token] *= SOFT_MISS  # context from a rambling message: a fact need not explain it
        # Phrasing similarity: idf-weighted Jaccard with each phrasing sharing a token (inverted
        # index), blended with rapidfuzz's token-sort ratio over the canonical token strings.
        best_sim = [0.0] * len(self._vocab)
        q_weight = sum(weights.values()) + sum(misses[t] for t in ordered if weights[t] == 0.0)
        shared: dict[int, float] = defaultdict(float)
        shared_topic: dict[int, float] = defaultdict(float)
        postings = self._postings
        topic = self._topic
        for token in ordered:
            weight = weights[token]
            if weight:
                holding = postings.get(token, ())
                for j in holding:
                    shared[j] += weight
                if token in topic:
                    for j in holding:
                        shared_topic[j] += weight
        # A word about him at large ("athletics", "the walker") that a phrasing lacks costs its
        # closeness nothing: "¿cuándo se retiró del deporte?" is as close as "when did he retire".
        topic_weight = sum(weights[t] for t in ordered if t in topic)
        phrasing_weight, owners = self._phrasing_weight, self._phrasing_owner
        no_topic_shared = q_weight - TOPIC_DISCOUNT * topic_weight
        for j, common in shared.items():
            topical = shared_topic.get(j)
            own = no_topic_shared if topical is None else q_weight - TOPIC_DISCOUNT * (topic_weight - topical)
            sim = common / (own + phrasing_weight[j] - common)  # > 0: common is part of both
            owner = owners[j]
            if sim > best_sim[owner]:
                best_sim[owner] = sim
        # rapidfuzz's token-sort ratio against the phrasings of the few facts that lead so far:
        # the plain ratio, since both sides are their tokens sorted and joined by one space.
        ratio = [0.0] * len(self._vocab)
        text = " ".join(sorted(query))
        leaders = heapq.nlargest(RATIO_FACTS, range(len(best_sim)), key=best_sim.__getitem__)
        for i in leaders:
            if best_sim[i] > 0:
                found = process.extractOne(text, self._fact_phrasings[i], scorer=fuzz.ratio, processor=None)
                ratio[i] = found[1] / 100 if found else 0.0
        # A name no fact knows ("the Tokyo Olympics") is as specific as a missing place or person.
        strong_tokens = {t for t in ordered if self._is_strong(t) or t in analysis.unknown_pairs} - analysis.soft
        # Per question word, once: its weight, its cost when missing, and what kind of word it is.
        words = [
            (
                t,
                weights[t],
                misses[t],
                t in strong_tokens,
                t in self._topic,
                t not in self._intents and not is_small_number(t),  # what is asked about, not how
            )
            for t in ordered
        ]
        related = analysis.related
        candidates = sorted({i for t in ordered for i in self._fact_postings.get(t, ())})
        scored = []
        for i in candidates:  # a fact sharing no word with the question has nothing to say
            central = self._centrality[i]
            answer_only = self._answer_only[i]
            kinds = self._fact_kinds[i]
            explained = evidence = unexplained = strong = 0.0
            matched = 0
            for token, weight, miss, is_strong, is_topic, countable in words:
                c = central.get(token)
                if c is None:
                    if is_topic:
                        continue  # "the Ecuadorian walker" is him: never held against a fact
                    if token in ANSWERABLE and ASKS_FOR[token] in kinds:
                        # "which years did he win medals": a fact whose answer holds years answers
                        # "when" though no phrasing of it asks so; its answer alone explains it.
                        explained += weight * ANSWER_EXPLAINS
                        unexplained += weight * (1.0 - ANSWER_EXPLAINS)
                        continue
                    if related.get(token, "") in central:
                        explained += miss * RELATED_CREDIT  # "annum" to a fact with a year
                        unexplained += miss * (1.0 - RELATED_CREDIT)
                        continue
                    unexplained += miss
                    if is_strong:
                        strong += miss
                    continue
                if token in answer_only:
                    explained += weight * ANSWER_EXPLAINS
                    unexplained += weight * (1.0 - ANSWER_EXPLAINS)
                else:
                    explained += weight
                    matched += countable
                evidence += weight * c
            if about_him and self._subjects[i] and not self._subjects[i] & query:
                # "did Pérez ever test positive" is not answered by a fact about Borchin.
                unexplained += DOMAIN_MISS_WEIGHT
                strong += DOMAIN_MISS_WEIGHT
            total = explained + unexplained
            coverage = explained / total if total else 0.0
            focus = evidence / explained if explained else 0.0
            similarity = 0.7 * best_sim[i] + 0.3 * ratio[i]
            scored.append(Scored(i, coverage, explained, unexplained, similarity, strong, matched, focus))
        scored.sort(key=lambda s: s.rank, reverse=True)
        return scored
