"""Number normalisation, table-driven: each row is what a stranger types → what the matcher sees."""

from __future__ import annotations

import pytest

from bot.core.fold import fold
from bot.core.numbers import normalise_numbers
from tests.coredata import shipped_engine


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50k", "50km km"),  # the 50 km walk (one distance token), not 50000
        ("the 20k walk", "the 20km km walk"),
        ("85k", "85000"),  # too long for a race: thousands
        ("the 20-kilometre walk", "the 20km km walk"),  # a hyphenated measure is the same measure
        ("a 50-km race", "a 50km km race"),
        ("the 4000-metre pass", "the 4000 m pass"),
        ("ages 20-25", "ages 20-25"),  # a range, no unit: untouched
        ("50k people", "50000 people"),  # counting people: thousands
        ("4,800 m", "4800 m"),
        ("4000 meters", "4000 m"),  # the unit as the facts write it
        ("5000 metros", "5000 m"),
        ("85.000 espectadores", "85000 espectadores"),
        ("'96", "1996"),
        ("in 96", "in 1996"),
        ("the 90s", "the 1990"),
        ("1:20:07", "1:20:07"),  # a time stays one token
        ("14 s", "14 seconds"),
        ("10 km", "10km km"),  # one distance token, not the 10 of "10 golds"
        ("10 kilometres", "10km km"),
        ("3rd", "3rd"),
        ("4to lugar", "4th lugar"),
        ("no digits here", "no digits here"),
        # dates in figures: day first as most of the world writes them, unless only month first is a date
        ("29/09/2008", "29 september 2008"),  # not "29/2009/2008": the 09 is no year
        ("9/29/08", "29 september 2008"),
        ("20/9/2008", "20 september 2008"),
        ("2008-09-29", "29 september 2008"),
        ("3-2-1", "3-2-1"),  # no year: untouched
    ],
)
def test_normalise_numbers(text: str, expected: str) -> None:
    assert normalise_numbers(fold(text)) == expected


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("did he win the 50k world title", {"50km"}),
        ("4,800 m", {"4800"}),
        ("1:20:07", {"1:20:07"}),
        ("what happened in '96", {"1996"}),
        ("the 10 km walk", {"10km"}),
    ],
)
def test_numbers_reach_the_analysis(text: str, tokens: set[str]) -> None:
    assert tokens <= set(shipped_engine().matcher.analyzer.analyze(text).tokens)


def test_a_decade_word_is_not_known_for_its_number() -> None:
    assert "nineti" in shipped_engine().matcher.analyzer.analyze("in the early nineties").unknown
