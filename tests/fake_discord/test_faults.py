"""The fake's rate limits model Discord's: the interaction endpoints are outside the global limit."""

from __future__ import annotations

from tests.fake_discord.faults import RateLimits


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_interaction_callbacks_and_follow_ups_are_not_bound_by_the_global_limit() -> None:
    limits = RateLimits(global_per_second=2, clock=Clock())
    assert limits.check("POST", "/channels/1/messages")[1] is None
    assert limits.check("POST", "/channels/2/messages")[1] is None
    limited = limits.check("POST", "/channels/3/messages")[1]
    assert limited is not None and limited["global"]  # the bot's third request in the second
    for i in range(3):  # each its own interaction: its own bucket, and no global limit
        assert limits.check("POST", f"/interactions/{i}/tok{i}/callback")[1] is None
        assert limits.check("POST", f"/webhooks/9/tok{i}")[1] is None
        assert limits.check("DELETE", f"/webhooks/9/tok{i}/messages/@original")[1] is None


def test_a_follow_up_token_has_its_own_bucket() -> None:
    limits = RateLimits(buckets={"webhook": (2, 2.0)}, global_per_second=None, clock=Clock())
    assert [limits.check("POST", "/webhooks/9/tok")[1] is None for _ in range(3)] == [True, True, False]
    assert limits.check("POST", "/webhooks/9/other")[1] is None
