"""Self-repair: a value said again after "sorry, I mean" replaces the last one of its kind."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.repair import _MARKER_WORDS, _REPAIR_RE, repaired
from bot.core.results import Status
from tests.coredata import shipped_engine

KINDS = {"sydney": "place", "atlanta": "place", "athens": "place", "markov": "person", "2000": "year", "1996": "year"}


def kind_of(word: str) -> str | None:
    return KINDS.get(word.lower())


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("how old was he in sydney, sorry, i meant atlanta, when he won", "how old was he in atlanta, when he won"),
        ("his time in 2000, no wait, it was 1996 wasn't it?", "his time in 1996?"),
        ("¿qué edad tenía en Sydney? perdón, quise decir Atlanta", "¿qué edad tenía en Atlanta?"),
        # a statement after the marker, not a value: left as written
        ("markov in sydney, no wait, markov was atlanta", "markov in sydney, no wait, markov was atlanta"),
        # nothing of its kind before it
        ("when did he retire, sorry, i meant atlanta", "when did he retire, sorry, i meant atlanta"),
        # no marker
        ("was it sydney or atlanta", "was it sydney or atlanta"),
    ],
)
def test_a_repair_replaces_the_last_value_of_its_kind(text: str, meant: str) -> None:
    assert repaired(text, kind_of) == meant


def test_the_matcher_answers_the_repaired_question() -> None:
    result = shipped_engine().matcher.match("how old was he at the beijing games, sorry, i meant atlanta")
    assert result.status is Status.ANSWERED and result.fact is not None
    assert result.fact.id == "atlanta-age"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_regex(_REPAIR_RE.pattern))
def test_every_repair_marker_holds_a_word_looked_for_first(text: str) -> None:
    # repaired() searches only a message holding one of these words: no marker may lack them all.
    assert any(word in text for word in _MARKER_WORDS)
