"""The pure manners helpers: fixed datetimes, no sleeping, no mocks."""

import datetime as dt

import pytest

from bot.discord.etiquette import Cooldown, RecentAnswers, lang_for_locale, parse_day, strip_bot_mentions

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


@pytest.mark.parametrize(
    ("locale", "lang"),
    [("es-ES", "es"), ("es-419", "es"), ("en-US", None), ("pt-BR", None), (None, None)],
)
def test_lang_for_locale(locale, lang):
    assert lang_for_locale(locale) == lang


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2008-09-29", dt.date(2008, 9, 29)),
        (" 09-29 ", dt.date(2026, 9, 29)),
        ("29/09", dt.date(2026, 9, 29)),
        ("29/9/2008", dt.date(2008, 9, 29)),
        ("02-29", dt.date(2028, 2, 29)),
        ("2026-02-30", None),
        ("13-01", None),
        ("tomorrow", None),
        ("", None),
    ],
)
def test_parse_day(text, day):
    assert parse_day(text, dt.date(2026, 5, 1)) == day


def test_strip_bot_mentions_keeps_other_mentions_as_text():
    text = strip_bot_mentions("<@42> when did he retire? <@!42> cc <@7> <@&5> <@&9>", 42, (9,))
    assert text == "when did he retire? cc <@7> <@&5>"
