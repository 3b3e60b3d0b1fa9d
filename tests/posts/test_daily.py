"""The daily post through the scheduler, over a real SQLite file and a fake Discord, with fixed clocks.

Restarts every day, DST both ways in three zones, two schedulers on one database, crashes between
send and record, unknown outcomes, a lost database, missed days, skips, one post per channel.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import random
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.facts import load_facts
from bot.posts import ledger
from bot.posts.content import fact_ids
from bot.posts.ledger import CLAIM_LEASE
from bot.posts.rotation_store import load_rotation
from bot.posts.scheduler import CHECK_BACKOFF, Defaults, PostResult, Scheduler
from bot.posts.settings import DAILY, YEARLY, GuildSettings, save_guild
from bot.posts.timing import post_instant
from bot.store.store import Store
from tests.posts.factories import local, utc
from tests.posts.fakes import Crash, FakePoster, FilePoster, InlineStore, tick_in_processes

FACTS = load_facts()
IDS = fact_ids(FACTS)
NINE = dt.time(9, 0)
MINUTE = dt.timedelta(minutes=1)
DAY = dt.timedelta(days=1)
GUAYAQUIL = "America/Guayaquil"
EPOCH = utc(2026, 1, 1)
GUILD, CHANNEL = 1, 11


def setup_daily(path: Path, *, tz: str = GUAYAQUIL, post_time: dt.time = NINE, channel: int = CHANNEL) -> None:
    conn = ledger_conn(path)
    save_guild(conn, GuildSettings(GUILD, channel, post_time, tz, "en"), EPOCH, DAILY)
    conn.close()


def ledger_conn(path: Path):
    from bot.store.db import connect

    return connect(path)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "perezbot.sqlite3"
    setup_daily(path)
    return path


@pytest.fixture
def discord() -> FakePoster:
    return FakePoster(channels={CHANNEL: GUILD, 12: GUILD, 22: 2})


def start(db_path: Path, poster: FakePoster, **kw) -> Scheduler:
    """A fresh process: a new connection and a new scheduler over the same database."""
    return Scheduler(InlineStore(db_path), FACTS, poster, **kw)


def tick(scheduler: Scheduler, now: dt.datetime):
    return asyncio.run(scheduler.tick(now))


def fact_of(message) -> str:
    return message.marker.rsplit(":", 1)[-1]


def nine(day: dt.date, tz: str = GUAYAQUIL) -> dt.datetime:
    return post_instant(day, NINE, ZoneInfo(tz))


def test_40_days_with_a_restart_every_day_at_a_random_minute(db_path, discord) -> None:
    rng = random.Random(40)
    first = dt.date(2027, 1, 4)
    scheduler = start(db_path, discord)
    for offset in range(40):
        day = first + offset * DAY
        midnight = local(GUAYAQUIL, day.year, day.month, day.day, 0, 0)
        restart = midnight + rng.randrange(24 * 60) * MINUTE
        # Ticks through the local day (every 20 minutes and the minutes after the restart);
        # the process is replaced by a new one on the same database at the restart minute.
        moments = sorted({midnight + m * MINUTE for m in range(0, 24 * 60, 20)} | {restart, restart + MINUTE})
        for moment in moments:
            if moment == restart:
                scheduler.store.close()
                scheduler = start(db_path, discord)
            tick(scheduler, moment)
    scheduler.store.close()
    posts = discord.posts_in(CHANNEL)
    assert len(posts) == 40
    days = [ledger.entry(ledger_conn(db_path), CHANNEL, first + i * DAY) for i in range(40)]
    assert all(entry.state == "posted" for entry in days)
    facts = [fact_of(m) for m in posts]
    n = len(IDS)
    cycles = [facts[i : i + n] for i in range(0, len(facts), n)]
    assert all(len(set(cycle)) == len(cycle) for cycle in cycles)  # no repeat inside a rotation
    assert all(a != b for a, b in itertools.pairwise(facts))
    assert [m.reply.footer.split(" · ")[0] for m in posts[:2]] == [f"Fact 1 of {n}", f"Fact 2 of {n}"]
    assert posts[n].reply.footer.startswith(f"Fact 1 of {n}")  # the second rotation starts over


# (zone, spring-forward date, fall-back date) in 2027; 02:30 is skipped on the first, doubled on the second.
DST = [
    ("America/New_York", dt.date(2027, 3, 14), dt.date(2027, 11, 7)),
    ("Europe/Madrid", dt.date(2027, 3, 28), dt.date(2027, 10, 31)),
    ("Australia/Sydney", dt.date(2027, 10, 3), dt.date(2027, 4, 4)),
]


@pytest.mark.parametrize(("tz", "spring", "fall"), DST, ids=[z for z, _, _ in DST])
def test_dst_both_ways_a_0230_post_goes_out_once(tmp_path, discord, tz, spring, fall) -> None:
    path = tmp_path / "db.sqlite3"
    setup_daily(path, tz=tz, post_time=dt.time(2, 30))
    zone = ZoneInfo(tz)
    scheduler = start(path, discord)
    for day in (spring, fall):
        begin = dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone).astimezone(dt.UTC)
        posted_at = []
        for minute in range(6 * 60):  # local midnight to 05:00-06:00, every minute
            moment = begin + minute * MINUTE
            for outcome in tick(scheduler, moment):
                if outcome.result is PostResult.POSTED:
                    posted_at.append(moment)
        assert len(posted_at) == 1, (tz, day, posted_at)
        wall = posted_at[0].astimezone(zone)
        assert wall.date() == day
        if day == spring:
            assert (wall.hour, wall.minute) == (3, 30)  # 02:30 does not exist: an hour later, same date
        else:
            assert (wall.hour, wall.minute, wall.fold) == (2, 30, 0)  # the first 02:30, not the second
    assert len(discord.posts_in(CHANNEL)) == 2


def test_two_schedulers_on_one_database_post_once_a_day(db_path, discord, tmp_path) -> None:
    store = Store(db_path)  # one of them on the real store: its own thread and connection
    try:
        a, b = start(db_path, discord), Scheduler(store, FACTS, discord)

        async def go(moment: dt.datetime):
            await asyncio.gather(a.tick(moment), b.tick(moment), a.tick(moment + MINUTE), b.tick(moment))

        first = dt.date(2027, 2, 1)
        for offset in range(5):
            asyncio.run(go(nine(first + offset * DAY)))
    finally:
        store.close()
    facts = [fact_of(m) for m in discord.posts_in(CHANNEL)]
    assert len(facts) == 5 == len(set(facts))
    assert load_rotation(ledger_conn(db_path), GUILD).shown == tuple(facts)


def test_a_crash_between_send_and_record_is_resolved_from_the_channel(db_path, discord) -> None:
    now = nine(dt.date(2027, 2, 1))
    tick(start(db_path, discord), now - DAY)  # a first post, so the database knows the channel
    discord.crash_after.add(CHANNEL)
    with pytest.raises(Crash):
        tick(start(db_path, discord), now)
    discord.crash_after.clear()
    for minute in (1, 2):  # within the lease the claim may be live: nobody touches it
        assert [o.result for o in tick(start(db_path, discord), now + minute * MINUTE)] == [PostResult.BUSY]
    [outcome] = tick(start(db_path, discord), now + CLAIM_LEASE)
    assert outcome.result is PostResult.RECOVERED
    posts = discord.posts_in(CHANNEL)
    assert len(posts) == 2
    rotation = load_rotation(ledger_conn(db_path), GUILD)
    assert rotation.shown == tuple(fact_of(m) for m in posts)  # the recovered post used its fact up
    tick(start(db_path, discord), nine(dt.date(2027, 2, 2)))
    assert fact_of(discord.posts_in(CHANNEL)[-1]) not in rotation.shown


def test_unknown_outcome_and_a_failing_history_check_means_checking_again_not_posting(db_path, discord) -> None:
    now = nine(dt.date(2027, 2, 1))
    tick(start(db_path, discord), now - DAY)
    discord.hang_after.add(CHANNEL)  # Discord made the post but the answer never came
    [outcome] = tick(start(db_path, discord), now)
    assert outcome.result is PostResult.UNCERTAIN
    discord.hang_after.clear()
    discord.history_down.add(CHANNEL)  # …and the channel's history can't be read either
    moment = now + CLAIM_LEASE
    results = []
    for _ in range(8 * 60):  # the rest of the morning, every minute, restarting each time
        results += [o.result for o in tick(start(db_path, discord), moment)]
        moment += MINUTE
    assert len(discord.posts_in(CHANNEL)) == 2  # never re-sent
    looks = results.count(PostResult.UNKNOWN)
    assert 3 <= looks <= len(CHECK_BACKOFF) + 8 * 60 // 30  # checked again with back-off, not every minute
    entry = ledger.entry(ledger_conn(db_path), CHANNEL, dt.date(2027, 2, 1))
    assert entry.state == "unknown" and entry.next_check is not None
    discord.history_down.clear()  # history is back: the post is found and recorded
    moment = entry.next_check
    assert [o.result for o in tick(start(db_path, discord), moment)] == [PostResult.RECOVERED]
    assert ledger.entry(ledger_conn(db_path), CHANNEL, dt.date(2027, 2, 1)).state == "posted"
    assert len(discord.posts_in(CHANNEL)) == 2


def test_unknown_outcome_verified_absent_is_posted_once_the_same_day(db_path, discord) -> None:
    now = nine(dt.date(2027, 2, 1))
    tick(start(db_path, discord), now - DAY)
    discord.crash_before.add(CHANNEL)  # died before Discord had it
    with pytest.raises(Crash):
        tick(start(db_path, discord), now)
    discord.crash_before.clear()
    discord.history_down.add(CHANNEL)
    tick(start(db_path, discord), now + CLAIM_LEASE)
    discord.history_down.clear()
    moment = now + CLAIM_LEASE + MINUTE
    for _ in range(60):
        tick(start(db_path, discord), moment)
        moment += MINUTE
    assert len(discord.posts_in(CHANNEL)) == 2


def test_a_lost_database_never_posts_the_day_twice(tmp_path, discord) -> None:
    path = tmp_path / "db.sqlite3"
    setup_daily(path)
    now = nine(dt.date(2027, 2, 1))
    tick(start(path, discord), now)
    assert len(discord.posts_in(CHANNEL)) == 1
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    setup_daily(path)  # a fresh database: settings again, no ledger, a fresh rotation
    [outcome] = tick(start(path, discord), now + 30 * MINUTE)
    assert outcome.result is PostResult.RECOVERED and len(discord.posts_in(CHANNEL)) == 1
    tick(start(path, discord), nine(dt.date(2027, 2, 2)))
    assert len(discord.posts_in(CHANNEL)) == 2


def test_a_day_missed_entirely_is_recorded_and_not_posted_the_next_day(db_path, discord) -> None:
    tick(start(db_path, discord), nine(dt.date(2027, 2, 1)))
    # Down from 1 February after the post until 3 February 08:00: 2 February never happened here.
    scheduler = start(db_path, discord)
    assert tick(scheduler, nine(dt.date(2027, 2, 3)) - 60 * MINUTE)[0].reason is not None
    assert len(discord.posts_in(CHANNEL)) == 1  # nothing late for the 2nd
    missed = ledger.entry(ledger_conn(db_path), CHANNEL, dt.date(2027, 2, 2))
    assert missed.state == "missed"
    tick(scheduler, nine(dt.date(2027, 2, 3)))
    assert len(discord.posts_in(CHANNEL)) == 2
    status = asyncio.run(scheduler.status(GUILD, nine(dt.date(2027, 2, 3)) + MINUTE, "daily"))
    assert status.last.state == "posted" and status.progress == (2, len(IDS))
    assert status.missed == (dt.date(2027, 2, 2),)  # still shown once a later post went out
    history = [e.state for e in ledger.history(ledger_conn(db_path), GUILD)]
    assert history == ["posted", "missed", "posted"]


def test_a_gone_channel_is_recorded_and_not_retried_every_minute(db_path, discord) -> None:
    discord.refuse[CHANNEL] = "404 Not Found (error code: 10003): Unknown Channel"
    begin = nine(dt.date(2027, 2, 1))
    results = []
    scheduler = start(db_path, discord)
    for minute in range(12 * 60):
        results += [o.result for o in tick(scheduler, begin + minute * MINUTE)]
    assert results.count(PostResult.REFUSED) == 5 and PostResult.GAVE_UP in results
    status = asyncio.run(scheduler.status(GUILD, begin + 12 * 60 * MINUTE, "daily"))
    assert status.gave_up and "Unknown Channel" in status.failure.last_error
    assert load_rotation(ledger_conn(db_path), GUILD).shown == ()  # nothing used up


def test_one_failing_server_does_not_hold_up_the_others(db_path, discord) -> None:
    conn = ledger_conn(db_path)
    save_guild(conn, GuildSettings(2, 22, NINE, GUAYAQUIL), EPOCH, DAILY)
    discord.refuse[CHANNEL] = "403 Forbidden: Missing Permissions"
    outcomes = {o.guild_id: o.result for o in tick(start(db_path, discord), nine(dt.date(2027, 2, 1)))}
    assert outcomes == {GUILD: PostResult.REFUSED, 2: PostResult.POSTED}


def test_yearly_and_daily_in_the_same_channel_make_one_post_on_29_september(db_path, discord) -> None:
    conn = ledger_conn(db_path)
    save_guild(conn, GuildSettings(GUILD, CHANNEL, dt.time(8, 0), GUAYAQUIL, "en"), EPOCH, YEARLY)
    begin = local(GUAYAQUIL, 2027, 9, 29, 7, 0)
    for minute in range(0, 6 * 60, 5):
        tick(start(db_path, discord), begin + minute * MINUTE)
    [post] = discord.posts_in(CHANNEL)
    assert post.reply.title == "On this day, 29 September: Jefferson Pérez retires"
    entry = ledger.entry(conn, CHANNEL, dt.date(2027, 9, 29))
    assert (entry.kind, entry.content) == ("yearly", "story")  # the yearly one came first, at 08:00


def test_yearly_and_daily_in_different_channels_each_post(db_path, discord) -> None:
    conn = ledger_conn(db_path)
    save_guild(conn, GuildSettings(GUILD, 12, NINE, GUAYAQUIL, "en"), EPOCH, YEARLY)
    tick(start(db_path, discord), nine(dt.date(2027, 9, 29)))
    assert len(discord.posts_in(CHANNEL)) == len(discord.posts_in(12)) == 1


def test_the_environment_default_daily_channel(tmp_path) -> None:
    poster = FakePoster(channels={777: 7}, languages={7: "es"})
    scheduler = Scheduler(InlineStore(tmp_path / "db.sqlite3"), FACTS, poster, Defaults(daily_channel_id=777))
    [target] = asyncio.run(scheduler.targets())
    assert (target.kind, target.guild_id, target.channel_id, target.configured) == ("daily", 7, 777, False)
    tick(scheduler, utc(2027, 2, 1, 9, 0))
    [post] = poster.sent
    assert post.reply.lang == "es" and post.reply.footer.startswith("Dato 1 de")
    assert Scheduler(InlineStore(tmp_path / "db2.sqlite3"), FACTS, poster).targets  # unset: nothing
    assert asyncio.run(Scheduler(InlineStore(tmp_path / "db2.sqlite3"), FACTS, poster).targets()) == []


def test_skip_disable_and_resume(db_path, discord) -> None:
    scheduler = start(db_path, discord)
    tick(scheduler, nine(dt.date(2027, 2, 1)))
    next_day = asyncio.run(scheduler.next_day(GUILD, nine(dt.date(2027, 2, 1)) + MINUTE))
    assert next_day == dt.date(2027, 2, 2)
    assert ledger.skip(scheduler.store.conn, GUILD, CHANNEL, next_day, EPOCH)
    after_skip = asyncio.run(scheduler.status(GUILD, nine(dt.date(2027, 2, 1)) + MINUTE, "daily"))
    assert after_skip.next_post == nine(dt.date(2027, 2, 3))
    assert after_skip.next_dates[0] == dt.date(2027, 2, 3)
    tick(scheduler, nine(dt.date(2027, 2, 2)))
    assert len(discord.posts_in(CHANNEL)) == 1  # skipped
    shown = load_rotation(scheduler.store.conn, GUILD)
    save_guild(scheduler.store.conn, GuildSettings(GUILD, CHANNEL, NINE, GUAYAQUIL, enabled=False), EPOCH, DAILY)
    tick(scheduler, nine(dt.date(2027, 2, 3)))
    assert len(discord.posts_in(CHANNEL)) == 1  # disabled
    save_guild(scheduler.store.conn, GuildSettings(GUILD, CHANNEL, NINE, GUAYAQUIL), nine(dt.date(2027, 2, 4)), DAILY)
    tick(scheduler, nine(dt.date(2027, 2, 4)))
    posts = discord.posts_in(CHANNEL)
    assert len(posts) == 2 and posts[1].reply.footer.startswith(f"Fact 2 of {len(IDS)}")  # resumed
    assert load_rotation(scheduler.store.conn, GUILD).shown == (*shown.shown, fact_of(posts[1]))
    states = [e.state for e in ledger.history(scheduler.store.conn, GUILD)]
    assert states == ["posted", "skipped", "posted"]  # disabled days are not "missed"


def test_preview_uses_nothing_up(db_path, discord) -> None:
    scheduler = start(db_path, discord)
    day, pick = asyncio.run(scheduler.upcoming(GUILD, nine(dt.date(2027, 2, 1)) - MINUTE))
    assert day == dt.date(2027, 2, 1) and pick.content == "fact"
    assert asyncio.run(scheduler.upcoming(GUILD, nine(dt.date(2027, 2, 1)) - MINUTE)) == (day, pick)
    tick(scheduler, nine(dt.date(2027, 2, 1)))
    assert fact_of(discord.posts_in(CHANNEL)[0]) == pick.fact_id
    later_day, later = asyncio.run(scheduler.upcoming(GUILD, nine(dt.date(2027, 2, 1)) + MINUTE))
    assert later_day == dt.date(2027, 2, 2) and later.fact_id != pick.fact_id


def test_facts_added_and_removed_by_a_reload(db_path, discord) -> None:
    from dataclasses import replace

    current = {"facts": FACTS}
    scheduler = Scheduler(InlineStore(db_path), lambda: current["facts"], discord)
    tick(scheduler, nine(dt.date(2027, 2, 1)))
    upcoming = asyncio.run(scheduler.upcoming(GUILD, nine(dt.date(2027, 2, 1)) + MINUTE))[1].fact_id
    current["facts"] = replace(FACTS, facts=tuple(f for f in FACTS if f.id != upcoming))
    tick(scheduler, nine(dt.date(2027, 2, 2)))
    assert fact_of(discord.posts_in(CHANNEL)[-1]) != upcoming
    assert discord.posts_in(CHANNEL)[-1].reply.footer.startswith(f"Fact 2 of {len(IDS) - 1}")


def test_four_processes_on_one_database_post_once_a_day(db_path, tmp_path) -> None:
    out = tmp_path / "sent.txt"
    out.touch()
    poster = FilePoster(channels={CHANNEL: GUILD}, out_path=str(out), record="marker")
    for day in (dt.date(2027, 2, 1), dt.date(2027, 2, 2)):
        tick_in_processes(db_path, nine(day), FACTS, poster)
    markers = out.read_text().split()
    assert [m.split(":")[2] for m in markers] == ["2027-02-01", "2027-02-02"]
    facts = [m.rsplit(":", 1)[-1] for m in markers]
    assert facts[0] != facts[1]
    assert load_rotation(ledger_conn(db_path), GUILD).shown == tuple(facts)
