"""Scoring: how much a word no fact knows weighs, by its general-language frequency rank."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.core.scoring import MAX_UNKNOWN_WEIGHT, MIN_UNKNOWN_WEIGHT, PIVOT_RANK, UNKNOWN_WORD_WEIGHT, Scorer
from bot.core.text import Analysis
from tests.coredata import shipped_engine

TOKEN = st.text(alphabet="abcñé_:1", min_size=1, max_size=6)


def weight(rank: int) -> float:
    return Scorer._rarity("w", Analysis(("w",), frozenset({"w"}), "en", ranks={"w": rank}))


def test_an_unknown_word_at_the_pivot_rank_weighs_the_pivot_weight() -> None:
    assert weight(PIVOT_RANK) == pytest.approx(UNKNOWN_WORD_WEIGHT)


@pytest.mark.parametrize(("common", "rare"), [(10, 300), (300, 3000), (3000, 30000)])
def test_a_rarer_word_weighs_more(common: int, rare: int) -> None:
    assert weight(common) < weight(rare)


def test_everyday_words_are_light_and_rare_ones_heavy() -> None:
    """ "stuff" (rank ~300) is filler, well under the pivot; "footballer" (~20,000) sinks a question
    about something else further than a log scale would."""
    assert weight(300) < 0.6 * UNKNOWN_WORD_WEIGHT
    assert weight(20_000) > 1.5 * UNKNOWN_WORD_WEIGHT


def test_the_weight_stays_within_its_bounds() -> None:
    assert weight(1) == MIN_UNKNOWN_WEIGHT
    assert weight(10**9) == MAX_UNKNOWN_WEIGHT


def test_a_topic_word_a_phrasing_lacks_costs_little_closeness() -> None:
    from tests.coredata import shipped_engine

    matcher = shipped_engine().matcher
    plain = matcher.score(matcher.analyzer.analyze("when did he retire"))[0]
    topical = matcher.score(matcher.analyzer.analyze("when did he retire from athletics"))[0]
    assert plain.index == topical.index
    assert topical.similarity > 0.7 * plain.similarity  # 0.66 when the topic word counted in full


def test_an_everyday_word_of_one_fact_is_no_topic_of_its_own() -> None:
    """ "held" is in one fact's text ("a news conference held for the final"); asking where the
    Olympics he won were held is no question about that fact, and the word costs the gold fact
    no more than any everyday word would."""
    result = shipped_engine().matcher.match("where were the olympics he won held?")
    assert result.fact is not None and result.fact.id == "atlanta-gold"


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKEN, max_size=6), st.lists(TOKEN, max_size=6))
def test_the_plain_ratio_of_sorted_tokens_is_their_token_sort_ratio(one: list[str], two: list[str]) -> None:
    """The scorer compares a question's sorted tokens with a phrasing's (the index keeps them
    sorted) by the plain ratio: the token-sort ratio without sorting again."""
    a, b = " ".join(sorted(one)), " ".join(sorted(two))
    assert fuzz.ratio(a, b) == fuzz.token_sort_ratio(a, b)


def test_the_index_keeps_each_phrasing_as_sorted_tokens() -> None:
    scorer = shipped_engine().matcher
    for phrasings in scorer._fact_phrasings:
        assert all(p == " ".join(sorted(p.split(" "))) for p in phrasings)
