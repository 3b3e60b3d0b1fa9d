"""Picking questions with fixed seeds: unseen first, oldest repeats next, the server's shown facts first."""

from __future__ import annotations

import datetime as dt
import random

from bot.quiz.picking import pick_items
from tests.helpers import FIXED_NOW
from tests.quiz.factories import item

ITEMS = [item(f"fact-{n}") for n in range(8)] + [item("fact-0", 2), item("fact-1", 2)]


def ids(items):
    return [i.id for i in items]


def test_the_same_seed_picks_the_same_round_whatever_the_input_order():
    first = pick_items(ITEMS, random.Random(1), seen={})
    assert ids(first) == ids(pick_items(list(reversed(ITEMS)), random.Random(1), seen={}))
    assert len(first) == 5 and len(set(ids(first))) == 5
    assert ids(first) != ids(pick_items(ITEMS, random.Random(2), seen={}))


def test_one_round_asks_about_five_different_facts_when_it_can():
    for seed in range(20):
        picked = pick_items(ITEMS, random.Random(seed), seen={})
        assert len({i.fact_id for i in picked}) == 5


def test_no_repeat_until_every_item_has_been_seen():
    seen: dict[str, dt.datetime] = {}
    rng = random.Random(7)
    asked: list[str] = []
    for round_number in range(2):  # 10 items, two rounds of 5: all different
        picked = pick_items(ITEMS, rng, seen=seen)
        asked += ids(picked)
        for i in picked:
            seen[i.id] = FIXED_NOW + dt.timedelta(minutes=round_number)
    assert sorted(asked) == sorted(ids(ITEMS))


def test_repeats_come_oldest_seen_first():
    seen = {i.id: FIXED_NOW - dt.timedelta(days=n) for n, i in enumerate(ITEMS)}  # the last is oldest
    del seen[ITEMS[3].id]
    picked = pick_items(ITEMS, random.Random(3), seen=seen)
    oldest = ids(sorted((i for i in ITEMS if i.id in seen), key=lambda i: seen[i.id]))
    assert ITEMS[3].id in ids(picked)
    assert set(ids(picked)) - {ITEMS[3].id} <= set(oldest[:6])


def test_facts_the_server_was_shown_come_first():
    picked = pick_items(ITEMS, random.Random(5), seen={}, prefer={"fact-6", "fact-7"})
    assert {"fact-6#1", "fact-7#1"} <= set(ids(picked))
    assert pick_items(ITEMS[:3], random.Random(5), seen={}, prefer={"nope"}, n=5) != []  # fewer items than asked
    assert len(pick_items(ITEMS[:3], random.Random(5), seen={})) == 3
