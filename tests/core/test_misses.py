"""Grouping of near-identical misses: pure, deterministic, no database."""

from __future__ import annotations

import random

from bot.core.misses import Miss, group_misses, normalise


def miss(text: str, at: str = "2026-11-01T10:00:00Z", *, lang: str = "en", best: str | None = None, score=None):
    return Miss(text, lang, "unknown", best, score, at)


def test_normalise_drops_case_accents_and_punctuation():
    assert normalise("¿Cuándo NACIÓ Jefferson?") == "cuando nacio jefferson"
    assert normalise("  when_was   he born?!") == "when was he born"
    assert normalise("?!") == ""


def test_typos_punctuation_and_word_order_fall_in_one_group():
    groups = group_misses(
        [
            miss("When was he born?"),
            miss("when was he born"),
            miss("when was he born"),
            miss("when was he borm"),
            miss("he was born when"),
            miss("how tall is he"),
        ]
    )
    assert [(g.text, g.count) for g in groups] == [("when was he born", 5), ("how tall is he", 1)]
    assert set(groups[0].variants) == {"When was he born?", "when was he borm", "he was born when"}


def test_containment_alone_does_not_join_groups():
    groups = group_misses([miss("born"), miss("when was jefferson perez born")])
    assert len(groups) == 2


def test_largest_group_first_then_most_recent():
    groups = group_misses(
        [
            miss("how old is he", "2026-11-01T00:00:00Z"),
            miss("what shoes does he wear", "2026-11-03T00:00:00Z"),
            miss("does he have children", "2026-11-02T00:00:00Z"),
            miss("does he have children?", "2026-11-04T00:00:00Z"),
        ]
    )
    assert [g.text for g in groups] == ["does he have children", "what shoes does he wear", "how old is he"]
    assert groups[0].first_seen == "2026-11-02T00:00:00Z"
    assert groups[0].last_seen == "2026-11-04T00:00:00Z"


def test_the_most_frequent_wording_represents_the_group():
    groups = group_misses([miss("whens his birthday"), miss("when's his birthday"), miss("when's his birthday")])
    assert groups[0].text == "when's his birthday"
    assert groups[0].variants == ("whens his birthday",)


def test_best_candidate_is_the_most_common_with_its_top_score():
    groups = group_misses(
        [
            miss("when did he win gold", best="atlanta-gold", score=0.61),
            miss("when did he win gold?", best="atlanta-gold", score=0.7),
            miss("when did he win the gold", best="world-titles", score=0.9),
        ]
    )
    assert groups[0].best_fact_id == "atlanta-gold"
    assert groups[0].best_score == 0.7


def test_languages_and_statuses_are_counted():
    items = [
        Miss("cuando nacio", "es", "unknown", None, None, "2026-11-01T00:00:00Z"),
        Miss("cuándo nació", "es", "ambiguous", "birth", 0.5, "2026-11-01T00:00:00Z"),
        Miss("cuando nacio?", "en", "unknown", None, None, "2026-11-01T00:00:00Z"),
    ]
    (group,) = group_misses(items)
    assert group.langs == ("es", "en")
    assert group.statuses == (("unknown", 2), ("ambiguous", 1))


def test_empty_and_punctuation_only_inputs():
    assert group_misses([]) == []
    assert group_misses([miss("???"), miss("   ")]) == []


def test_result_does_not_depend_on_input_order():
    items = [miss(t) for t in ["a b c d", "when was he born", "when was he borm", "how tall", "how tall?"] * 3]
    expected = group_misses(items)
    rng = random.Random(5)
    for _ in range(5):
        rng.shuffle(items)
        assert group_misses(items) == expected
