"""Pure scheduling decisions, with fixed datetimes: zones, DST, the date line, leap years."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.core.facts import load_facts
from bot.posts.timing import (
    ANNIVERSARY_DAYS,
    EVERY_DAY,
    DueReason,
    due_check,
    local_date,
    next_post_day,
    next_post_instant,
    post_instant,
    posts_on,
)
from tests.posts.factories import facts_on, local, utc

NINE = dt.time(9, 0)
REAL = load_facts()  # the shipped fact base: retirement on 2008-09-29
SEPT29 = dt.date(2026, 9, 29)

ZONES = [
    "UTC",
    "America/Guayaquil",
    "America/New_York",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/St_Johns",  # −02:30 in September
    "Europe/Madrid",
    "Europe/London",
    "Africa/Nairobi",
    "Asia/Kolkata",  # +05:30
    "Asia/Kathmandu",  # +05:45
    "Asia/Tokyo",
    "Australia/Lord_Howe",  # half-hour DST
    "Australia/Adelaide",
    "Pacific/Auckland",
    "Pacific/Chatham",  # +12:45 / +13:45
    "Pacific/Kiritimati",  # +14
    "Pacific/Pago_Pago",  # −11
    "Pacific/Apia",
]


def _due(now: dt.datetime, tz: str, *, facts=REAL, post_time=NINE, posted=False, **kw) -> DueReason:
    if facts is not REAL:
        kw.setdefault("days", None)  # synthetic dates: post on every dated entry
    return due_check(now, facts=facts, tz=ZoneInfo(tz), post_time=post_time, posted=posted, **kw).reason


@pytest.mark.parametrize("tz", ZONES)
def test_nine_local_on_29_september_in_every_zone(tz: str) -> None:
    zone = ZoneInfo(tz)
    due = post_instant(SEPT29, NINE, zone)
    assert due.tzinfo is dt.UTC
    assert due.astimezone(zone).replace(tzinfo=None) == dt.datetime(2026, 9, 29, 9, 0)
    second = dt.timedelta(seconds=1)
    assert _due(due - second, tz) is DueReason.NOT_YET
    assert _due(due, tz) is DueReason.DUE
    assert _due(local(tz, 2026, 9, 29, 23, 59, 59), tz) is DueReason.DUE  # late start: still that date
    assert _due(local(tz, 2026, 9, 30, 0, 0), tz) is DueReason.NOTHING_TODAY  # the day is over
    assert _due(local(tz, 2026, 9, 28, 23, 59), tz) is DueReason.NOTHING_TODAY
    assert _due(due, tz, posted=True) is DueReason.RECORDED
    assert _due(due, tz, enabled=False) is DueReason.DISABLED
    assert _due(due, tz, has_channel=False) is DueReason.NO_CHANNEL


def test_now_in_any_zone_means_the_same_instant() -> None:
    instant = utc(2026, 9, 29, 14, 0)  # 09:00 in Guayaquil (−05)
    for view in ("UTC", "Asia/Tokyo", "America/Guayaquil"):
        assert _due(instant.astimezone(ZoneInfo(view)), "America/Guayaquil") is DueReason.DUE
    assert _due(instant - dt.timedelta(microseconds=1), "America/Guayaquil") is DueReason.NOT_YET


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_date(dt.datetime(2026, 9, 29, 9, 0), ZoneInfo("UTC"))


def test_date_line_kiritimati_is_first_and_pago_pago_last() -> None:
    # 09:00 on 29 Sept in Kiritimati (+14) is 19:00 UTC on the 28th; in Pago Pago (−11), 20:00 UTC on the 29th.
    assert post_instant(SEPT29, NINE, ZoneInfo("Pacific/Kiritimati")) == utc(2026, 9, 28, 19, 0)
    assert post_instant(SEPT29, NINE, ZoneInfo("Pacific/Pago_Pago")) == utc(2026, 9, 29, 20, 0)
    at = utc(2026, 9, 28, 19, 0)
    assert _due(at, "Pacific/Kiritimati") is DueReason.DUE
    assert _due(at, "Pacific/Pago_Pago") is DueReason.NOTHING_TODAY  # still the 28th there (08:00)
    at = utc(2026, 9, 29, 20, 0)
    assert _due(at, "Pacific/Pago_Pago") is DueReason.DUE
    assert _due(at, "Pacific/Kiritimati") is DueReason.NOTHING_TODAY  # already the 30th there
    # 25 hours apart on the same calendar date.
    gap = post_instant(SEPT29, NINE, ZoneInfo("Pacific/Pago_Pago")) - post_instant(
        SEPT29, NINE, ZoneInfo("Pacific/Kiritimati")
    )
    assert gap == dt.timedelta(hours=25)


def test_skipped_hour_auckland_spring_forward_on_29_september_2024() -> None:
    # NZ clocks went 02:00 NZST (+12) → 03:00 NZDT (+13) on Sunday 29 September 2024.
    tz = ZoneInfo("Pacific/Auckland")
    due = post_instant(dt.date(2024, 9, 29), dt.time(2, 30), tz)
    assert due == utc(2024, 9, 28, 14, 30)  # 02:30 read with the old offset…
    assert due.astimezone(tz).replace(tzinfo=None) == dt.datetime(2024, 9, 29, 3, 30)  # …is 03:30 NZDT
    assert _due(due - dt.timedelta(seconds=1), "Pacific/Auckland", post_time=dt.time(2, 30)) is DueReason.NOT_YET
    assert _due(due, "Pacific/Auckland", post_time=dt.time(2, 30)) is DueReason.DUE
    # Times around the gap are untouched.
    assert post_instant(dt.date(2024, 9, 29), dt.time(1, 59), tz) == utc(2024, 9, 28, 13, 59)
    assert post_instant(dt.date(2024, 9, 29), dt.time(3, 0), tz) == utc(2024, 9, 28, 14, 0)
    assert post_instant(dt.date(2024, 9, 29), NINE, tz) == utc(2024, 9, 28, 20, 0)


def test_skipped_hour_new_york() -> None:
    tz = ZoneInfo("America/New_York")  # 2026-03-08 02:00 EST → 03:00 EDT
    assert post_instant(dt.date(2026, 3, 8), dt.time(2, 30), tz) == utc(2026, 3, 8, 7, 30)  # 03:30 EDT


@pytest.mark.parametrize(
    ("tz", "day", "wall", "first"),
    [
        ("Europe/London", dt.date(2026, 10, 25), dt.time(1, 30), utc(2026, 10, 25, 0, 30)),  # BST, not GMT
        ("America/New_York", dt.date(2026, 11, 1), dt.time(1, 30), utc(2026, 11, 1, 5, 30)),  # EDT, not EST
        ("Europe/Berlin", dt.date(1991, 9, 29), dt.time(2, 30), utc(1991, 9, 29, 0, 30)),  # fell back on 29 Sept
        ("Australia/Lord_Howe", dt.date(2026, 4, 5), dt.time(1, 45), utc(2026, 4, 4, 14, 45)),  # 30-min repeat
    ],
)
def test_repeated_hour_posts_at_the_first_occurrence_only(tz, day, wall, first) -> None:
    zone = ZoneInfo(tz)
    assert post_instant(day, wall, zone) == first
    facts = facts_on(day.replace(year=1990))
    second = dt.datetime.combine(day, wall, tzinfo=zone).replace(fold=1).astimezone(dt.UTC)
    assert second > first
    assert _due(first - dt.timedelta(seconds=1), tz, facts=facts, post_time=wall) is DueReason.NOT_YET
    assert _due(first, tz, facts=facts, post_time=wall) is DueReason.DUE
    # At the second occurrence the ledger has the date already: nothing more.
    assert _due(second, tz, facts=facts, post_time=wall, posted=True) is DueReason.RECORDED


def test_midnight_post_on_a_day_that_starts_at_one_santiago() -> None:
    tz = ZoneInfo("America/Santiago")  # 2026-09-06: 00:00 −04 → 01:00 −03
    due = post_instant(dt.date(2026, 9, 6), dt.time(0, 0), tz)
    assert due.astimezone(tz).replace(tzinfo=None) == dt.datetime(2026, 9, 6, 1, 0)
    assert local_date(due, tz) == dt.date(2026, 9, 6)


def test_a_local_date_that_never_happens_posts_nothing_apia_2011() -> None:
    # Samoa skipped 30 December 2011 (29 Dec 23:59 −10 → 31 Dec 00:00 +14).
    facts = facts_on(dt.date(2000, 12, 30))
    tz = ZoneInfo("Pacific/Apia")
    moment = utc(2011, 12, 29, 0, 0)
    seen = set()
    while moment < utc(2012, 1, 2, 0, 0):
        seen.add(local_date(moment, tz))
        assert _due(moment, "Pacific/Apia", facts=facts) is not DueReason.DUE
        moment += dt.timedelta(minutes=30)
    assert dt.date(2011, 12, 30) not in seen
    after = next_post_instant(
        utc(2011, 12, 29, 12, 0), facts=facts, tz=tz, post_time=NINE, posted_today=False, days=None
    )
    assert after is not None and after.astimezone(tz).replace(tzinfo=None) == dt.datetime(2012, 12, 30, 9, 0)


def test_leap_day_entries_fall_on_28_february_in_common_years() -> None:
    facts = facts_on(dt.date(2004, 2, 29))
    assert _due(local("UTC", 2026, 2, 28, 9, 0), "UTC", facts=facts) is DueReason.DUE
    assert _due(local("UTC", 2026, 3, 1, 9, 0), "UTC", facts=facts) is DueReason.NOTHING_TODAY
    assert _due(local("UTC", 2028, 2, 28, 9, 0), "UTC", facts=facts) is DueReason.NOTHING_TODAY
    assert _due(local("UTC", 2028, 2, 29, 9, 0), "UTC", facts=facts) is DueReason.DUE
    utc_zone = ZoneInfo("UTC")
    nxt = next_post_instant(utc(2026, 3, 1), facts=facts, tz=utc_zone, post_time=NINE, posted_today=False, days=None)
    assert nxt == utc(2027, 2, 28, 9, 0)
    nxt = next_post_instant(utc(2027, 3, 1), facts=facts, tz=utc_zone, post_time=NINE, posted_today=False, days=None)
    assert nxt == utc(2028, 2, 29, 9, 0)


def test_29_september_in_a_leap_year() -> None:
    assert _due(local("Europe/Madrid", 2028, 9, 29, 9, 0), "Europe/Madrid") is DueReason.DUE
    assert _due(local("Europe/Madrid", 2028, 9, 28, 9, 0), "Europe/Madrid") is DueReason.NOTHING_TODAY


def test_no_entry_before_the_event_year() -> None:
    assert _due(local("UTC", 2007, 9, 29, 9, 0), "UTC") is DueReason.NOTHING_TODAY
    assert _due(local("UTC", 2008, 9, 29, 9, 0), "UTC") is DueReason.DUE


class TestNextPost:
    tz = ZoneInfo("America/Guayaquil")

    def nxt(self, now: dt.datetime, posted: bool = False, facts=REAL) -> dt.datetime | None:
        return next_post_instant(now, facts=facts, tz=self.tz, post_time=NINE, posted_today=posted)

    def test_other_dated_entries_are_not_posting_days(self) -> None:
        # 20 September 2008 (the announcement) is dated, but only 29 September is posted.
        assert self.nxt(local("America/Guayaquil", 2026, 9, 19, 12, 0)) == utc(2026, 9, 29, 14, 0)

    def test_before_the_day(self) -> None:
        assert self.nxt(utc(2026, 6, 1)) == utc(2026, 9, 29, 14, 0)

    def test_on_the_day_before_the_time(self) -> None:
        assert self.nxt(local("America/Guayaquil", 2026, 9, 29, 8, 0)) == utc(2026, 9, 29, 14, 0)

    def test_on_the_day_late_and_unposted_is_now(self) -> None:
        now = local("America/Guayaquil", 2026, 9, 29, 12, 0)
        assert self.nxt(now) == now.astimezone(dt.UTC)

    def test_after_posting_is_next_year(self) -> None:
        assert self.nxt(local("America/Guayaquil", 2026, 9, 29, 9, 1), posted=True) == utc(2027, 9, 29, 14, 0)

    def test_after_the_day(self) -> None:
        assert self.nxt(local("America/Guayaquil", 2026, 9, 30, 0, 0)) == utc(2027, 9, 29, 14, 0)

    def test_no_dated_facts(self) -> None:
        assert self.nxt(utc(2026, 6, 1), facts=facts_on()) is None


def test_only_the_anniversary_is_posted_whatever_else_is_dated() -> None:
    assert {(9, 29)} == ANNIVERSARY_DAYS
    # Like the full fact base: the announcement on 20 Sept 2008 and the retirement on 29 Sept.
    facts = facts_on(dt.date(2008, 9, 20), dt.date(2008, 9, 29), dt.date(1996, 7, 26))
    for month, day in ((9, 20), (9, 29), (7, 26)):
        when = dt.date(2026, month, day)
        assert posts_on(facts, when) is ((month, day) == (9, 29))
        assert posts_on(facts, when, days=None)
        check = due_check(
            local("UTC", 2026, month, day, 12), facts=facts, tz=ZoneInfo("UTC"), post_time=NINE, posted=False
        )
        assert check.reason is (DueReason.DUE if (month, day) == (9, 29) else DueReason.NOTHING_TODAY)
    assert next_post_day(facts, dt.date(2026, 1, 1)) == dt.date(2026, 9, 29)
    assert next_post_day(facts, dt.date(2026, 9, 30)) == dt.date(2027, 9, 29)
    assert next_post_day(facts, dt.date(2026, 1, 1), days=None) == dt.date(2026, 7, 26)
    nxt = next_post_instant(utc(2026, 9, 19), facts=facts, tz=ZoneInfo("UTC"), post_time=NINE, posted_today=False)
    assert nxt == utc(2026, 9, 29, 9, 0)
    assert next_post_day(facts_on(dt.date(2000, 5, 1)), dt.date(2026, 1, 1)) is None


def test_the_shipped_fact_base_posts_on_29_september_only() -> None:
    dated = {(f.date.month, f.date.day) for f in REAL if f.date is not None}
    assert (9, 29) in dated
    for month, day in dated:
        assert posts_on(REAL, dt.date(2026, month, day)) is ((month, day) == (9, 29))


def test_next_post_steps_over_taken_dates_the_scheduler_found_in_the_ledger() -> None:
    facts = facts_on(dt.date(2008, 9, 29))
    tz = ZoneInfo("UTC")
    now = utc(2027, 2, 1, 8, 0)

    def nxt(**kw) -> dt.datetime | None:
        return next_post_instant(now, facts=facts, tz=tz, post_time=NINE, days=EVERY_DAY, **kw)

    assert nxt(posted_today=False) == utc(2027, 2, 1, 9, 0)
    assert nxt(posted_today=True) == utc(2027, 2, 2, 9, 0)
    skipped = {dt.date(2027, 2, 1), dt.date(2027, 2, 2)}  # today's post and tomorrow's skipped
    assert nxt(posted_today=False, taken=skipped) == utc(2027, 2, 3, 9, 0)
