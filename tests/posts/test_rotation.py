"""The per-server rotation: pure, deterministic, no repeats, reload-aware."""

from __future__ import annotations

import itertools

import pytest

from bot.posts.rotation import Rotation, fresh, next_fact, position, progress, show

IDS = [f"fact-{i:02d}" for i in range(24)]


def run_days(rotation: Rotation, ids: list[str], days: int) -> tuple[list[str], Rotation]:
    shown = []
    for _ in range(days):
        fact = next_fact(rotation, ids)
        assert fact is not None
        shown.append(fact)
        rotation = show(rotation, ids, fact)
    return shown, rotation


@pytest.mark.parametrize("seed", [1, 2, 3, 123456789012345678, "console"])
def test_each_cycle_shows_every_fact_once_and_reshuffles(seed) -> None:
    shown, rotation = run_days(fresh(seed), IDS, 24 * 5)
    cycles = [shown[i : i + 24] for i in range(0, len(shown), 24)]
    assert all(sorted(cycle) == sorted(IDS) for cycle in cycles)
    assert len({tuple(cycle) for cycle in cycles}) == 5  # a new order each time
    assert rotation.cycle == 5


@pytest.mark.parametrize("seed", range(40))
def test_never_the_same_fact_two_days_running_and_a_fortnight_never_repeats(seed) -> None:
    shown, _ = run_days(fresh(seed), IDS, 24 * 4)
    assert all(a != b for a, b in itertools.pairwise(shown))
    assert all(len(set(shown[i : i + 14])) == 14 for i in range(len(shown) - 13))


def test_servers_get_different_orders_and_one_server_always_the_same() -> None:
    assert run_days(fresh(1), IDS, 24)[0] != run_days(fresh(2), IDS, 24)[0]
    assert run_days(fresh(1), IDS, 24)[0] == run_days(fresh(1), IDS, 24)[0]


def test_the_state_survives_json() -> None:
    _, rotation = run_days(fresh(7), IDS, 30)
    assert Rotation.from_json(rotation.to_json()) == rotation
    assert next_fact(Rotation.from_json(rotation.to_json()), IDS) == next_fact(rotation, IDS)


def test_a_fact_added_by_a_reload_joins_the_current_cycle() -> None:
    shown, rotation = run_days(fresh(3), IDS, 10)
    more = [*IDS, "new-fact"]
    rest, rotation = run_days(rotation, more, 15)
    assert "new-fact" in rest and sorted(shown + rest) == sorted(more)  # the cycle now has 25
    assert progress(rotation, more) == (25, 25)


def test_a_fact_removed_by_a_reload_is_skipped_and_not_counted() -> None:
    shown, rotation = run_days(fresh(4), IDS, 5)
    upcoming = next_fact(rotation, IDS)
    fewer = [i for i in IDS if i != upcoming]
    assert next_fact(rotation, fewer) != upcoming
    rest, rotation = run_days(rotation, fewer, 18)
    assert upcoming not in rest and sorted(shown + rest) == sorted(fewer)
    assert next_fact(rotation, fewer) is not None  # and a new cycle starts


def test_progress_and_position() -> None:
    rotation = fresh(5)
    assert progress(rotation, IDS) == (0, 24) and position(rotation, IDS) == (1, 24)
    _, rotation = run_days(rotation, IDS, 11)
    assert progress(rotation, IDS) == (11, 24) and position(rotation, IDS) == (12, 24)
    _, rotation = run_days(rotation, IDS, 13)
    assert progress(rotation, IDS) == (24, 24) and position(rotation, IDS) == (1, 24)  # the next is a new cycle


def test_edge_cases() -> None:
    assert next_fact(fresh(1), []) is None
    shown, _ = run_days(fresh(1), ["only"], 3)
    assert shown == ["only"] * 3  # one fact: it can only repeat
    shown, _ = run_days(fresh(1), ["a", "b"], 6)
    assert all(a != b for a, b in itertools.pairwise(shown))
