"""His n-th Olympics, or the Games next to another, named by its year, so the fact about that year answers it."""

from __future__ import annotations

import pytest

from bot.core.ordinal_games import games_named, olympic_years
from bot.core.results import Status
from tests.coredata import shipped_engine

YEARS = (1992, 1996, 2000, 2004, 2008)


def test_the_games_between_the_ends_follow_the_four_year_cycle() -> None:
    assert olympic_years(1992, 2008) == YEARS


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("how did he do at his second Olympics?", "how did he do at his 1996 Olympics?"),
        ("his 3rd olympic games", "his 2000 olympic games"),
        ("¿Qué pasó en sus terceros Juegos Olímpicos?", "¿Qué pasó en sus 2000 Juegos Olímpicos?"),
        ("su cuarta olimpiada", "su 2004 olimpiada"),
        ("who beat him in his second-to-last Olympics", "who beat him in his 2004 Olympics"),
        ("his fifth Games", "his 2008 Games"),
        # a count of medals, not of Games
        ("his second olympic medal", "his second olympic medal"),
        # first and last are the series' own fact's to answer ("was Atlanta his first Olympics?")
        ("was atlanta his first olympics", "was atlanta his first olympics"),
        ("his last olympics", "his last olympics"),
        # he went to five
        ("his sixth olympics", "his sixth olympics"),
    ],
)
def test_an_ordinal_of_his_games_becomes_its_year(text: str, named: str) -> None:
    assert games_named(text, YEARS) == named


PLACES = {"atlanta": 1996, "beijing": 2008, "gold": 1996, "96": 1996}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("what happened at the next olympics after his gold", "what happened at the 2000 olympics"),
        ("how did he do at the olympics before beijing", "how did he do at the 2004 olympics"),
        ("which olympics came right after atlanta", "which 2000 olympics"),
        ("¿cómo le fue en los Juegos después de Atlanta?", "¿cómo le fue en los 2000 Juegos?"),
        ("where were the games before atlanta", "where were the 1992 games"),
        # every Games after it, not the next one
        ("did he medal at all three of his olympics after atlanta?", "all three of his olympics after atlanta?"),
        # a Games the words do not name alone, or none after the last
        ("the olympics after sydney", "the olympics after sydney"),
        ("the olympics after beijing", "the olympics after beijing"),
    ],
)
def test_the_games_next_to_another_become_their_year(text: str, named: str) -> None:
    assert games_named(text, YEARS, lambda word: PLACES.get(word.lower())).endswith(named)


def test_no_years_leaves_the_text_alone() -> None:
    assert games_named("his second olympics", ()) == "his second olympics"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("How did he do at his second Olympics?", "atlanta-gold"),
        ("¿Qué pasó en sus terceros Juegos Olímpicos?", "sydney-athens"),
        ("what happened at the next olympics after his gold", "sydney-athens"),
        ("how did he do at the olympics before beijing", "sydney-athens"),
    ],
)
def test_the_matcher_answers_with_the_fact_of_that_year(question: str, fact_id: str) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status is Status.ANSWERED and result.fact is not None
    assert result.fact.id == fact_id


def test_the_matcher_reads_his_games_from_the_facts() -> None:
    matcher = shipped_engine().matcher
    assert matcher._olympic_years == YEARS
    assert [matcher._olympic_year_of(w) for w in ("Atlanta", "pekín", "silver", "'08", "sydney", "1990")] == [
        1996,
        2008,
        2008,
        2008,
        None,  # Sydney's fact tells two Games
        None,  # no Games that year
    ]
