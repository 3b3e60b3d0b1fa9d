"""The pure manners helpers: fixed datetimes, no sleeping, no mocks."""

import datetime as dt

import pytest

from bot.ask.manners import Cooldown, RecentAnswers

T0 = dt.datetime(2026, 9, 29, 12, 0, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_cooldown_allows_five_in_thirty_seconds_then_says_how_long_to_wait():
    cooldown = Cooldown(rate=5, per=30)
    assert [cooldown.hit(1, at(i)) for i in range(5)] == [None] * 5
    assert cooldown.hit(1, at(10)) == pytest.approx(20)
    assert cooldown.hit(2, at(10)) is None  # per user
    assert cooldown.hit(1, at(30)) is None  # the first question has left the window


def test_cooldown_refusals_do_not_extend_the_wait():
    cooldown = Cooldown(rate=1, per=30)
    assert cooldown.hit(1, at(0)) is None
    for second in range(1, 30):
        assert cooldown.hit(1, at(second)) is not None
    assert cooldown.hit(1, at(30)) is None


def test_cooldown_warns_once_per_wait():
    cooldown = Cooldown(rate=1, per=30)
    cooldown.hit(1, at(0))
    assert cooldown.hit(1, at(1)) is not None
    assert cooldown.warn_once(1, at(1)) is True
    assert cooldown.warn_once(1, at(2)) is False
    assert cooldown.hit(1, at(31)) is None
    cooldown.hit(1, at(32))
    assert cooldown.warn_once(1, at(32)) is True


def test_cooldown_memory_is_bounded():
    cooldown = Cooldown(rate=5, per=30, max_users=100)
    for user in range(1000):
        cooldown.hit(user, at(user * 31))
    assert len(cooldown._hits) <= 101


def test_recent_answers_point_back_within_a_minute_in_the_same_channel_only():
    recent = RecentAnswers()
    recent.remember(10, ("retirement-date",), "https://discord.com/channels/1/10/99", at(0))
    found = recent.earlier(10, ("retirement-date",), at(59))
    assert found is not None and found.link.endswith("/99")
    assert recent.earlier(11, ("retirement-date",), at(5)) is None
    assert recent.earlier(10, ("other",), at(5)) is None
    assert recent.earlier(10, ("retirement-date",), at(61)) is None
    assert recent.earlier(10, (), at(1)) is None


def test_recent_answers_memory_is_bounded():
    recent = RecentAnswers(max_entries=10)
    for i in range(100):
        recent.remember(i, ("f",), "link", at(0))
    assert len(recent._seen) <= 10


def test_cooldown_forgets_users_whose_window_passed_long_before_its_bound() -> None:
    cooldown = Cooldown(rate=5, per=30.0, max_users=10_000)
    start = dt.datetime(2026, 9, 29, tzinfo=dt.UTC)
    for user in range(2_500):
        cooldown.hit(user, start)
    later = start + dt.timedelta(seconds=60)
    for user in range(10_000, 11_000):  # a sweep every 1,000 new askers
        cooldown.hit(user, later)
    assert len(cooldown._hits) <= 1_000  # the first 2,500 are long past their 30 s window
