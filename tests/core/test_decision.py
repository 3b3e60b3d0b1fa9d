"""The decision rule and the near-miss signs it sees (bot/core/decision.py, scoring.near_miss)."""

from __future__ import annotations

import pytest

from bot.core import decision
from bot.core.decision import Evidence, probability
from tests.coredata import shipped_engine


def _evidence(**changes: float) -> Evidence:
    base = {
        "coverage": 0.9,
        "gap": 0.5,
        "evidence": 6.0,
        "strong_missing": 0.0,
        "matched": 2,
        "similarity": 0.7,
        "strict": False,
        "kind_missing": False,
    }
    base.update(changes)
    return Evidence(**base)  # type: ignore[arg-type]


def test_one_weight_per_feature() -> None:
    assert len(decision.WEIGHTS) == len(decision.FEATURES) == len(_evidence().vector())


def test_asking_a_kind_of_value_the_fact_lacks_lowers_the_confidence() -> None:
    assert probability(_evidence(kind_missing=True)) < probability(_evidence())


def test_a_fact_explaining_more_of_the_question_is_more_likely_right() -> None:
    assert probability(_evidence(coverage=0.95)) > probability(_evidence(coverage=0.6))


def _lacks_kind(question: str) -> bool:
    matcher = shipped_engine().matcher
    analysis = matcher.analyzer.analyze(question)
    best = matcher.score(analysis)[0]
    return matcher.lacks_kind_asked(best.index, analysis)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("what year was his coach born", True),  # the coach fact holds no year
        ("who was his coach", False),
        ("when did he retire", False),
    ],
)
def test_kind_of_value_asked_against_what_the_fact_holds(question: str, missing: bool) -> None:
    assert _lacks_kind(question) is missing


def test_a_short_word_is_not_dropped_as_a_stop_words_stem() -> None:
    # "pana" (a Spanish stop word) stems to "pan": "pan" itself is a word of its own.
    analysis = shipped_engine().matcher.analyzer.analyze("does he have a gold from the pan am games?")
    assert "pan" in analysis.tokens


def test_a_claimed_state_of_today_is_no_place_to_correct() -> None:
    # "today" is a known concept, but not a place a claim could name wrongly: the Borchin fact
    # (January 2015) cannot say whether he is still banned.
    result = shipped_engine().matcher.match("is borchin still banned today")
    assert result.status != "answered"


@pytest.mark.parametrize(
    "question",
    [
        "Did Borchin appeal his ban?",
        "is luis chocho still alive?",
        "I'm a coach myself and curious: what training methods did Luis Chocho use?",
        "Did Bernardo Segura win a medal in Atlanta?",
    ],
)
def test_a_detail_asked_about_someone_else_that_the_fact_never_says_is_declined(question: str) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status != "answered"
    assert result.suggestions  # the related fact is offered instead


@pytest.mark.parametrize(
    "question",
    [
        "what month and year did the report about borchin's ban come out?",  # "come out": everyday
        "I run a small podcast about doping scandals. What exactly was Borchin suspended for?",  # preamble
        "Which country did Ilya Markov represent?",
    ],
)
def test_what_the_fact_does_say_about_someone_else_is_answered(question: str) -> None:
    assert shipped_engine().matcher.match(question).status == "answered"


def test_a_claim_about_a_year_after_the_facts_as_of_date_is_not_settled_by_it() -> None:
    # The Borchin fact is "as of January 2015": it cannot say what happened in 2019.
    matcher = shipped_engine().matcher
    late = matcher.match("someone told me he officially got borchin's gold handed over to him in 2019")
    assert late.status != "answered"
    # A fact with no as_of date still corrects a wrong year: he retired in 2008.
    settled = matcher.match("he retired in 2016 right?")
    assert settled.status == "answered" and settled.verdict == "no"


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Has Borchin's gold medal been officially given to Pérez?", False),
        ("so did he ever actually get borchin's gold handed over to him?", False),
        ("will perez be given the gold medal from 2008?", True),
        ("should perez get the beijing gold?", True),
        ("is there a call to give perez the beijing gold?", True),
        ("was borchin banned for doping?", True),
    ],
)
def test_a_fact_that_only_reports_a_call_does_not_say_it_happened(question: str, answered: bool) -> None:
    assert (shipped_engine().matcher.match(question).status == "answered") is answered


def test_unrealised_words_are_read_from_the_call_not_the_rest_of_the_answer() -> None:
    from bot.core.index import proposed_text

    proposed, rest = proposed_text("He was banned. The ban led to calls to take the gold and award it to him.")
    assert "award" in proposed and "banned" in rest and "award" not in rest
    proposed, _ = proposed_text("His heart wanted to keep going but his body could not take more.")
    assert "body" not in proposed


@pytest.mark.parametrize(
    "question",
    [
        "who was faster in the atlanta final, markov or segura?",
        "who was closer to pérez at the line in 96, markov or segura?",
    ],
)
def test_a_choice_between_two_others_on_a_measure_no_fact_gives_is_declined(question: str) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status != "answered"


def test_which_country_each_rival_was_from_is_still_answered() -> None:
    result = shipped_engine().matcher.match("which countries were markov and segura from?")
    assert result.status == "answered" and result.fact is not None and result.fact.id == "atlanta-rivals"


def test_the_confidence_shown_keeps_the_rules_order_and_stays_a_probability() -> None:
    chances = [0.5, 0.7, 0.8, 0.9, 0.99]
    shown = [decision.shown(c) for c in chances]
    assert shown == sorted(shown) and all(0.0 < s < 1.0 for s in shown)


def test_an_answer_carries_the_calibrated_confidence() -> None:
    result = shipped_engine().matcher.match("when did he retire")
    assert result.status == "answered"
    assert result.confidence == result.answers[0].confidence


def test_the_rule_is_fit_on_the_fact_the_matcher_weighs_after_reranking() -> None:
    # Asked for his words, the best-scoring fact (the announcement) holds no quote; the matcher
    # weighs the close sibling that does, so the rule must be fit on that sibling's evidence too.
    matcher = shipped_engine().matcher
    question = "what were his words when he quit racing"
    analysis = matcher.analyzer.analyze(question)
    first = matcher.score(analysis)[0].index
    _, index = matcher.evidence_for(question)
    assert index is not None and index != first
    weighed = matcher.match(question)
    shown = weighed.answers or weighed.suggestions
    assert shown[0].fact.id == matcher.facts.facts[index].id


def _fit_script() -> object:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "fit_decision.py"
    spec = importlib.util.spec_from_file_location("fit_decision", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_held_out_set_is_fit_without_the_questions_it_shares_with_the_others() -> None:
    script = _fit_script()
    shared, own, other = ((1.0, 0.9), 1, "when did he retire"), ((1.0, 0.2), 0, "how tall is he"), ((1.0, 0.8), 1, "x")
    data = {
        "a": [shared],
        "b": [shared, own, other, ((1.0, 0.1), 0, "y")],
    }
    held = script.held_out_fit("a", data)  # type: ignore[attr-defined]
    assert held == script.fit([(own[0], own[1]), (other[0], other[1]), ((1.0, 0.1), 0)])  # type: ignore[attr-defined]
    assert held != script.fit([(x, y) for x, y, _ in data["b"]])  # type: ignore[attr-defined]
