"""His n-th Olympics named by its year, so the fact about that year answers it."""

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


def test_no_years_leaves_the_text_alone() -> None:
    assert games_named("his second olympics", ()) == "his second olympics"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("How did he do at his second Olympics?", "atlanta-gold"),
        ("¿Qué pasó en sus terceros Juegos Olímpicos?", "sydney-athens"),
    ],
)
def test_the_matcher_answers_with_the_fact_of_that_year(question: str, fact_id: str) -> None:
    result = shipped_engine().matcher.match(question)
    assert result.status is Status.ANSWERED and result.fact is not None
    assert result.fact.id == fact_id


def test_the_matcher_reads_his_games_from_the_facts() -> None:
    assert shipped_engine().matcher._olympic_years == YEARS
