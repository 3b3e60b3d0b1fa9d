"""REST pacing and in-deadline retries, without a network: a fake clock and a scripted handler."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
from yarl import URL

from bot.discord.rest import DISCORD_EPOCH, Pacer, RestPolicy, deadline_for, single_attempt


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def snowflake_at(seconds: float) -> int:
    return int((seconds - DISCORD_EPOCH) * 1000) << 22


def test_pacer_spaces_requests_evenly() -> None:
    clock = Clock(0.0)
    pacer = Pacer(limit=4, window=1.0, clock=clock)
    assert pacer.delay() == 0.0
    assert pacer.delay() == pytest.approx(0.25)  # not recorded: the caller waits and asks again
    clock.now = 0.25
    assert pacer.delay() == 0.0


def test_pacer_never_lets_more_than_the_limit_into_a_window() -> None:
    clock = Clock(0.0)
    pacer = Pacer(limit=2, window=1.0, clock=clock)
    pacer.spacing = 0.0  # only the window
    assert [pacer.delay(), pacer.delay()] == [0.0, 0.0]
    clock.now = 0.4
    assert pacer.delay() == pytest.approx(0.6)
    clock.now = 1.0
    assert pacer.delay() == 0.0


async def test_no_one_second_window_exceeds_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(0.0)

    async def sleep(seconds: float) -> None:
        clock.now += seconds * 1.3  # a busy loop wakes tasks late

    monkeypatch.setattr(asyncio, "sleep", sleep)
    pacer = Pacer(limit=45, clock=clock)
    pacer.spacing = 0.0  # the window alone holds the line
    sent = []
    for _ in range(300):
        await pacer.acquire()
        sent.append(clock.now)
    assert max(sum(1 for t in sent if s <= t < s + 1) for s in sent) <= 45


def test_an_interaction_callback_must_land_within_three_seconds_of_its_creation() -> None:
    created = 1_800_000_000.0
    path = f"/api/v10/interactions/{snowflake_at(created)}/tok/callback"
    assert deadline_for(path, created + 1.0, budget=8) == pytest.approx(created + 2.75, abs=0.01)
    assert deadline_for("/api/v10/channels/1/messages", created, budget=8) == created + 8


def unpaced() -> Pacer:
    pacer = Pacer(limit=10**6)
    pacer.spacing = 0.0
    return pacer


class Scripted:
    """A handler answering statuses from a script (or raising), advancing the clock as sleeps would."""

    def __init__(self, statuses: list[int | Exception]) -> None:
        self.statuses = statuses
        self.calls = 0

    async def __call__(self, request: Any) -> Any:
        outcome = self.statuses[min(self.calls, len(self.statuses) - 1)]
        self.calls += 1
        if isinstance(outcome, Exception):
            raise outcome
        return FakeResponse(outcome)


class FakeResponse:
    def __init__(self, status: int) -> None:
        self.status = status
        self.released = False

    def release(self) -> None:
        self.released = True


class Request:
    def __init__(self, path: str, method: str = "POST") -> None:
        self.url = URL(f"http://127.0.0.1{path}")
        self.method = method


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    return slept


async def test_server_errors_are_retried_with_growing_delays(no_sleep: list[float]) -> None:
    policy = RestPolicy(unpaced(), wall=Clock())
    handler = Scripted([503, 502, 200])
    response = await policy(Request("/api/v10/channels/1/messages"), handler)  # type: ignore[arg-type]
    assert response.status == 200 and handler.calls == 3
    assert [d for d in no_sleep if d >= 0.1] == [0.1, 0.2]
    assert policy.retried == {"503": 1, "502": 1}


async def test_client_errors_are_not_retried(no_sleep: list[float]) -> None:
    handler = Scripted([404])
    response = await RestPolicy(unpaced(), wall=Clock())(Request("/api/v10/channels/1/messages"), handler)  # type: ignore[arg-type]
    assert response.status == 404 and handler.calls == 1


async def test_retries_stop_at_the_deadline_and_discord_py_gets_the_last_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock()

    async def sleep(seconds: float) -> None:
        clock.now += seconds

    monkeypatch.setattr(asyncio, "sleep", sleep)
    handler = Scripted([503])
    response = await RestPolicy(unpaced(), wall=clock, budget=1.0)(Request("/api/v10/channels/1/messages"), handler)  # type: ignore[arg-type]
    assert response.status == 503
    assert handler.calls == 4  # at 0, 0.1, 0.3, 0.7 s; the next (1.5 s) would be past the 1 s budget


async def test_an_expired_interaction_is_not_retried(no_sleep: list[float]) -> None:
    clock = Clock()
    path = f"/api/v10/interactions/{snowflake_at(clock.now - 2.9)}/tok/callback"
    handler = Scripted([503, 200])
    response = await RestPolicy(unpaced(), wall=clock)(Request(path), handler)  # type: ignore[arg-type]
    assert response.status == 503 and handler.calls == 1


async def test_a_broken_connection_is_retried(no_sleep: list[float]) -> None:
    error = aiohttp.ServerDisconnectedError()
    handler = Scripted([error, 200])
    response = await RestPolicy(unpaced(), wall=Clock())(Request("/api/v10/users/@me", "GET"), handler)  # type: ignore[arg-type]
    assert response.status == 200 and handler.calls == 2


async def test_interaction_routes_are_not_paced(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(0.0)
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    monkeypatch.setattr(asyncio, "sleep", sleep)
    policy = RestPolicy(Pacer(limit=1, clock=clock), wall=Clock())
    for _ in range(5):
        await policy(Request("/api/v10/webhooks/1/tok"), Scripted([200]))  # type: ignore[arg-type]
    assert slept == []
    for _ in range(3):
        await policy(Request("/api/v10/channels/1/messages"), Scripted([200]))  # type: ignore[arg-type]
    assert slept == [pytest.approx(1.0), pytest.approx(1.0)]


async def test_a_single_attempt_is_not_retried(no_sleep: list[float]) -> None:
    handler = Scripted([503, 200])
    with single_attempt():
        response = await RestPolicy(unpaced(), wall=Clock())(Request("/api/v10/channels/1/messages"), handler)  # type: ignore[arg-type]
    assert response.status == 503 and handler.calls == 1
