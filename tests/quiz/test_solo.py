"""A solo round carried in its buttons' custom ids: pure, no Discord."""

from __future__ import annotations

import pytest

from bot.quiz.picking import ROUND_SIZE
from bot.quiz.scoring import RoundScore
from bot.quiz.solo import ACTIONS, MAX_ITEMS, SoloRound, item_code, parse
from tests.quiz.factories import item

ITEMS = [item(fact) for fact in ("atlanta-gold", "coach", "hometown", "pilgrimage", "beijing-silver")]


def test_a_round_survives_the_round_trip_through_every_button() -> None:
    state = SoloRound.start(123456789012345678, "es", ITEMS)
    assert state.codes == tuple(item_code(i.id) for i in ITEMS) and state.done == 0
    for action in ("0", "1", "2", "3", "again"):
        assert parse(state.custom_id(action)) == (state, action)
    answered = state.after(True, scored=True).after(False, scored=False)
    assert (answered.done, answered.right, answered.repeats) == (2, 1, 1)
    assert answered.score == RoundScore(right=1, total=2, repeats=1)
    assert parse(answered.custom_id("next")) == (answered, "next")


def test_every_custom_id_fits_in_discords_100_characters() -> None:
    assert ROUND_SIZE <= MAX_ITEMS  # a round's items all fit in its custom ids
    state = SoloRound.start(2**64 - 1, "en", ITEMS)  # the longest snowflake
    for _ in ITEMS:
        state = state.after(True, scored=False)
    assert max(len(state.custom_id(action)) for action in ACTIONS) <= 100


def test_the_round_finds_its_items_again_and_notices_one_gone() -> None:
    state = SoloRound.start(7, "en", ITEMS[:3])
    assert state.items(list(reversed(ITEMS))) == ITEMS[:3]  # in the round's order, whatever the base's
    assert state.items(ITEMS[1:]) is None  # a reload removed atlanta-gold#1
    twin = item("atlanta-gold")  # the same id twice: the code no longer says which
    assert state.items([*ITEMS, twin]) is None


@pytest.mark.parametrize(
    ("custom_id", "why"),
    [
        ("perezbot:quiz:1234:0:1", "a channel question's button"),
        ("perezbot:solo:7:fr:aaaaaa:0.0.0:0", "an unknown language"),
        ("perezbot:solo:7:en:aaaaaa:0.0.0:4", "a fifth option"),
        ("perezbot:solo:7:en:aaaaaa:0.0.0:next", "next before any answer"),
        ("perezbot:solo:7:en:aaaaaabbbbbb:1.0.0:finish", "finish before the last answer"),
        ("perezbot:solo:7:en:aaaaaa:1.0.0:0", "an option after the last answer"),
        ("perezbot:solo:7:en:aaaaaabbbbbb:1.2.0:next", "more right than answered"),
        ("perezbot:solo:7:en:aaaaaabbbbbb:3.0.0:again", "more answered than items"),
        ("perezbot:solo:7:en:aaaaa:0.0.0:0", "a cut code"),
    ],
)
def test_custom_ids_the_bot_never_makes_are_refused(custom_id: str, why: str) -> None:
    assert parse(custom_id) is None, why


def test_a_round_has_one_to_five_items() -> None:
    with pytest.raises(ValueError, match="1 to 5"):
        SoloRound.start(7, "en", [])
    with pytest.raises(ValueError, match="1 to 5"):
        SoloRound.start(7, "en", ITEMS + ITEMS[:1])
    with pytest.raises(ValueError, match="unknown solo action"):
        SoloRound.start(7, "en", ITEMS).custom_id("skip")
