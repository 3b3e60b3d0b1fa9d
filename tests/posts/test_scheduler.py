"""The scheduler over a real SQLite file and a fake Discord: restarts, races, crashes, failures."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.facts import load_facts
from bot.posts import ledger
from bot.posts.content import render_onthisday
from bot.posts.ledger import CLAIM_LEASE
from bot.posts.scheduler import (
    BACKOFF,
    MAX_ATTEMPTS,
    Defaults,
    PostResult,
    Scheduler,
    post_nonce,
)
from bot.posts.settings import DAILY, GuildSettings, get_guild, save_guild
from bot.posts.timing import post_instant
from bot.store.db import connect
from tests.posts.factories import local, utc
from tests.posts.fakes import Crash, FakePoster, FilePoster, InlineStore, tick_in_processes

FACTS = load_facts()
NINE = dt.time(9, 0)
SEPT29 = dt.date(2026, 9, 29)
MINUTE = dt.timedelta(minutes=1)
# guild id → (channel id, time zone)
SERVERS = {
    1: (11, "America/Guayaquil"),
    2: (22, "Europe/Madrid"),
    3: (33, "Pacific/Kiritimati"),
    4: (44, "Pacific/Pago_Pago"),
    5: (55, "Pacific/Auckland"),
    6: (66, "UTC"),
}
EPOCH = utc(2026, 1, 1)
STORY = "On this day, 29 September: Jefferson Pérez retires"
# 20:00 UTC on 29 Sept: 09:00 in Pago Pago, afternoon or evening of the 29th in Guayaquil, Madrid and UTC;
# already the 30th in Kiritimati and Auckland.
EVENING = utc(2026, 9, 29, 20, 0)
DUE_AT_EVENING = [11, 22, 44, 66]


def due(tz: str, day: dt.date = SEPT29) -> dt.datetime:
    return post_instant(day, NINE, ZoneInfo(tz))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "perezbot.sqlite3"
    conn = connect(path)
    for guild, (channel, tz) in SERVERS.items():
        save_guild(conn, GuildSettings(guild, channel, NINE, tz, "en"), EPOCH)
    conn.close()
    return path


@pytest.fixture
def discord() -> FakePoster:
    return FakePoster(channels={channel: guild for guild, (channel, _) in SERVERS.items()})


def start(db_path: Path, poster: FakePoster, **kw) -> Scheduler:
    """A fresh process: a new connection and a new scheduler over the same database."""
    return Scheduler(InlineStore(db_path), FACTS, poster, **kw)


def status_of(scheduler: Scheduler, guild: int, now: dt.datetime, kind: str = "yearly"):
    return asyncio.run(scheduler.status(guild, now, kind))


async def run_minutes(db_path: Path, poster: FakePoster, begin: dt.datetime, end: dt.datetime, *, restart: bool):
    scheduler = start(db_path, poster)
    outcomes = []
    moment = begin
    while moment <= end:
        if restart:
            scheduler.store.close()
            scheduler = start(db_path, poster)
        outcomes += [(moment, o) for o in await scheduler.tick(moment)]
        moment += MINUTE
    scheduler.store.close()
    return outcomes


def test_the_post_is_the_onthisday_text_with_a_stable_nonce(db_path, discord) -> None:
    scheduler = start(db_path, discord)
    outcomes = asyncio.run(scheduler.tick(due("UTC")))
    assert {o.guild_id for o in outcomes if o.result is PostResult.POSTED} == {
        2,
        3,
        5,
        6,
    }  # 11:00 Madrid, 23:00 Kiritimati, 22:00 NZ
    [message] = discord.posts_in(66)
    expected = render_onthisday(FACTS, SEPT29, "en")
    assert message.reply == expected
    assert "18 years ago today" in message.reply.as_text()
    assert message.reply.title == "On this day, 29 September: Jefferson Pérez retires"
    assert message.nonce == post_nonce(66, SEPT29) and len(message.nonce) <= 25
    assert post_nonce(66, SEPT29) != post_nonce(66, dt.date(2027, 9, 29)) != post_nonce(77, SEPT29)
    assert message.marker == "perezbot:post:2026-09-29:retirement-date"
    entry = ledger.entry(scheduler.store.conn, 66, SEPT29)
    assert entry is not None and entry.state == "posted" and entry.message_id == message.message_id


def test_language_is_the_servers(db_path, discord) -> None:
    conn = connect(db_path)
    save_guild(conn, GuildSettings(6, 66, NINE, "UTC", "es"), EPOCH)
    asyncio.run(Scheduler(InlineStore(conn), FACTS, discord).tick(due("UTC")))
    assert discord.posts_in(66)[0].reply == render_onthisday(FACTS, SEPT29, "es")
    assert "Hoy hace 18 años" in discord.posts_in(66)[0].reply.as_text()


@pytest.mark.parametrize("restart", [True, False], ids=["restart-every-minute", "one-process"])
def test_every_minute_0855_to_0910_local_gives_exactly_one_post_per_server(db_path, discord, restart) -> None:
    # Every server's own 08:55–09:10 on 29 Sept, all ticks in time order, (re)starting before each.
    minutes = sorted({due(tz) + offset * MINUTE for _, tz in SERVERS.values() for offset in range(-5, 11)})
    outcomes = asyncio.run(run_minutes(db_path, discord, minutes[0], minutes[-1], restart=restart))
    for guild, (channel, tz) in SERVERS.items():
        assert len(discord.posts_in(channel)) == 1, tz
        [(when, _)] = [(m, o) for m, o in outcomes if o.guild_id == guild and o.result is PostResult.POSTED]
        assert when == due(tz), tz  # at its own 09:00, not before, not on a later restart


def test_restart_at_each_minute_after_a_missed_post_time_posts_once_late(db_path, discord) -> None:
    # Down from 08:00 to 13:37 local: the first tick back posts late, later restarts post nothing.
    begin = local("Europe/Madrid", 2026, 9, 29, 13, 37)
    asyncio.run(run_minutes(db_path, discord, begin, begin + 30 * MINUTE, restart=True))
    assert len(discord.posts_in(22)) == 1


def test_down_all_day_posts_nothing_that_year_nor_on_30_september(db_path, discord) -> None:
    begin = local("Pacific/Pago_Pago", 2026, 9, 30, 0, 0)  # the last zone to leave the 29th
    asyncio.run(run_minutes(db_path, discord, begin, begin + 36 * 60 * MINUTE, restart=False))
    assert discord.sent == []
    status = status_of(start(db_path, discord), 1, begin)
    assert status.next_post == due("America/Guayaquil", dt.date(2027, 9, 29))
    assert status.last is None


def test_next_year_posts_again(db_path, discord) -> None:
    asyncio.run(run_minutes(db_path, discord, due("UTC"), due("UTC") + MINUTE, restart=False))
    nxt = due("UTC", dt.date(2027, 9, 29))
    asyncio.run(run_minutes(db_path, discord, nxt, nxt + MINUTE, restart=False))
    assert [m.reply.title for m in discord.posts_in(66)] == [STORY] * 2
    assert "19 years ago today" in discord.posts_in(66)[1].reply.body


def test_overlapping_ticks_in_one_process_post_once(db_path, discord) -> None:
    scheduler = start(db_path, discord)
    now = EVENING

    async def go():
        return await asyncio.gather(*(scheduler.tick(now) for _ in range(5)))

    results = asyncio.run(go())
    assert sorted(m.channel_id for m in discord.sent) == DUE_AT_EVENING
    busy = [o for batch in results for o in batch if o.result is PostResult.BUSY]
    assert len(busy) == 4 * len(DUE_AT_EVENING)  # the other four ticks found each claim taken


def test_two_schedulers_on_one_database_at_once_post_once(db_path, discord) -> None:
    a, b = start(db_path, discord), start(db_path, discord)
    now = EVENING

    async def go():
        await asyncio.gather(a.tick(now), b.tick(now), a.tick(now + MINUTE), b.tick(now))

    asyncio.run(go())
    assert sorted(m.channel_id for m in discord.sent) == DUE_AT_EVENING


def test_several_processes_on_one_database_post_once(db_path, tmp_path) -> None:
    out = tmp_path / "sent.txt"
    out.touch()
    poster = FilePoster(channels={channel: guild for guild, (channel, _) in SERVERS.items()}, out_path=str(out))
    tick_in_processes(db_path, EVENING, FACTS, poster)  # each with the real Store: its own thread and connection
    assert sorted(int(line) for line in out.read_text().split()) == DUE_AT_EVENING


class TestCrashBetweenClaimAndRecord:
    """The process dies mid-post. Nothing is ever sent twice; the ledger settles it after the lease."""

    def test_dies_after_discord_got_it_then_restarts_finds_the_post(self, db_path, discord) -> None:
        now = due("UTC")
        discord.crash_after.add(66)
        with pytest.raises(Crash):
            asyncio.run(start(db_path, discord).tick(now))
        discord.crash_after.clear()
        # Restarts within the lease: the claim may still be live, so nobody touches it.
        for minute in range(1, 3):
            outcomes = asyncio.run(start(db_path, discord).tick(now + minute * MINUTE))
            assert [o.result for o in outcomes if o.guild_id == 6] == [PostResult.BUSY]
        # After the lease: taken over and verified — the post is there, so it is recorded, not re-sent.
        after = now + CLAIM_LEASE
        outcomes = asyncio.run(start(db_path, discord).tick(after))
        assert [o.result for o in outcomes if o.guild_id == 6] == [PostResult.RECOVERED]
        asyncio.run(run_minutes(db_path, discord, after, after + 60 * MINUTE, restart=True))
        assert len(discord.posts_in(66)) == 1
        entry = ledger.entry(connect(db_path), 66, SEPT29)
        assert entry.state == "posted" and entry.message_id == discord.posts_in(66)[0].message_id

    def test_dies_before_discord_got_it_then_posts_once_after_the_lease(self, db_path, discord) -> None:
        now = due("UTC")
        discord.crash_before.add(66)
        with pytest.raises(Crash):
            asyncio.run(start(db_path, discord).tick(now))
        discord.crash_before.clear()
        outcomes = asyncio.run(run_minutes(db_path, discord, now + MINUTE, now + 30 * MINUTE, restart=True))
        assert len(discord.posts_in(66)) == 1
        results = [o.result for _, o in outcomes if o.guild_id == 6]
        assert PostResult.RETRY in results and results.count(PostResult.POSTED) == 1

    def test_cannot_verify_means_no_resend_and_status_says_so(self, db_path, discord) -> None:
        now = due("UTC")
        discord.crash_before.add(66)
        discord.unverifiable.add(66)
        with pytest.raises(Crash):
            asyncio.run(start(db_path, discord).tick(now))
        discord.crash_before.clear()
        asyncio.run(run_minutes(db_path, discord, now + MINUTE, now + 120 * MINUTE, restart=True))
        assert discord.posts_in(66) == []
        status = status_of(start(db_path, discord), 6, now + 120 * MINUTE)
        assert status.last.state == "unknown"
        assert "could not check the channel" in status.failure.last_error

    def test_send_with_no_answer_is_settled_by_verification_not_resent(self, db_path, discord) -> None:
        now = due("UTC")
        discord.hang_after.add(66)
        outcomes = asyncio.run(start(db_path, discord).tick(now))
        assert [o.result for o in outcomes if o.guild_id == 6] == [PostResult.UNCERTAIN]
        discord.hang_after.clear()
        asyncio.run(run_minutes(db_path, discord, now + MINUTE, now + 30 * MINUTE, restart=True))
        assert len(discord.posts_in(66)) == 1
        assert ledger.entry(connect(db_path), 66, SEPT29).state == "posted"


class TestFailures:
    def test_a_failing_server_does_not_stop_the_others_and_status_shows_it(self, db_path, discord) -> None:
        discord.refuse[11] = "403 Forbidden (error code: 50013): Missing Permissions"
        now = EVENING
        scheduler = start(db_path, discord)
        outcomes = {o.guild_id: o for o in asyncio.run(scheduler.tick(now))}
        assert outcomes[1].result is PostResult.REFUSED
        assert sorted(m.channel_id for m in discord.sent) == [22, 44, 66]
        status = status_of(scheduler, 1, now)
        assert status.failure.attempts == 1 and "Missing Permissions" in status.failure.last_error
        assert status.last is None
        assert status.next_post == now  # still due today

    def test_retries_are_bounded_and_backed_off(self, db_path, discord) -> None:
        discord.refuse[11] = "404 Not Found (error code: 10003): Unknown Channel"
        begin = due("America/Guayaquil")
        outcomes = asyncio.run(run_minutes(db_path, discord, begin, begin + 14 * 60 * MINUTE, restart=False))
        attempts = [m for m, o in outcomes if o.guild_id == 1 and o.result is PostResult.REFUSED]
        assert len(attempts) == MAX_ATTEMPTS
        gaps = [b - a for a, b in itertools.pairwise(attempts)]
        assert gaps == [BACKOFF[min(i, len(BACKOFF) - 1)] for i in range(MAX_ATTEMPTS - 1)]
        scheduler = start(db_path, discord)
        status = status_of(scheduler, 1, begin + 14 * 60 * MINUTE)
        assert status.gave_up and status.failure.attempts == MAX_ATTEMPTS
        assert status.next_post == due("America/Guayaquil", dt.date(2027, 9, 29))

    def test_fixing_the_permission_lets_the_next_retry_post(self, db_path, discord) -> None:
        discord.refuse[11] = "403 Forbidden: Missing Permissions"
        begin = due("America/Guayaquil")
        asyncio.run(run_minutes(db_path, discord, begin, begin + 3 * MINUTE, restart=False))
        del discord.refuse[11]
        asyncio.run(run_minutes(db_path, discord, begin + 4 * MINUTE, begin + 60 * MINUTE, restart=True))
        assert len(discord.posts_in(11)) == 1

    def test_a_broken_server_row_is_isolated(self, db_path, discord) -> None:
        conn = connect(db_path)
        conn.execute("UPDATE guild_settings SET timezone = 'Mars/Olympus_Mons' WHERE guild_id = 2")
        outcomes = {o.guild_id: o for o in asyncio.run(Scheduler(InlineStore(conn), FACTS, discord).tick(EVENING))}
        assert outcomes[2].result is PostResult.ERROR and "Mars" in outcomes[2].error
        assert sorted(m.channel_id for m in discord.sent) == [11, 44, 66]


class TestSettingsAndDefaults:
    def test_disabled_server_gets_nothing(self, db_path, discord) -> None:
        conn = connect(db_path)
        save_guild(conn, GuildSettings(6, 66, NINE, "UTC", "en", enabled=False), EPOCH)
        outcomes = {o.guild_id: o for o in asyncio.run(Scheduler(InlineStore(conn), FACTS, discord).tick(due("UTC")))}
        assert outcomes[6].result is PostResult.SKIPPED and discord.posts_in(66) == []
        assert status_of(Scheduler(InlineStore(conn), FACTS, discord), 6, due("UTC")).next_post is None

    def test_announce_channel_id_serves_an_unconfigured_server(self, tmp_path) -> None:
        conn = connect(tmp_path / "db.sqlite3")
        poster = FakePoster(channels={777: 7})
        defaults = Defaults(channel_id=777, post_time=dt.time(8, 30), timezone="America/Guayaquil")
        scheduler = Scheduler(InlineStore(conn), FACTS, poster, defaults)
        [target] = asyncio.run(scheduler.targets())
        assert (target.guild_id, target.channel_id, target.configured) == (7, 777, False)
        when = post_instant(SEPT29, dt.time(8, 30), ZoneInfo("America/Guayaquil"))
        asyncio.run(scheduler.tick(when - MINUTE))
        assert poster.sent == []
        asyncio.run(scheduler.tick(when))
        assert [m.channel_id for m in poster.sent] == [777]

    def test_the_announce_channel_server_posts_in_its_own_language(self, tmp_path) -> None:
        conn = connect(tmp_path / "db.sqlite3")
        poster = FakePoster(channels={777: 7}, languages={7: "es"})
        scheduler = Scheduler(InlineStore(conn), FACTS, poster, Defaults(channel_id=777))
        asyncio.run(scheduler.tick(due("UTC")))
        assert poster.sent[0].reply.lang == "es"
        save_guild(conn, GuildSettings(7, language="en"), EPOCH)  # its own choice wins
        assert asyncio.run(scheduler.target(7)).language == "en"

    def test_server_values_override_defaults_and_unset_ones_inherit(self, tmp_path) -> None:
        conn = connect(tmp_path / "db.sqlite3")
        poster = FakePoster(channels={777: 7, 888: 8})
        defaults = Defaults(channel_id=777, post_time=dt.time(8, 30), timezone="Europe/Madrid")
        save_guild(conn, GuildSettings(7, None, None, "Asia/Tokyo", "es"), EPOCH)  # channel from env
        save_guild(conn, GuildSettings(8, 888), EPOCH)  # time + zone from env; not the env channel's server
        save_guild(conn, GuildSettings(9), EPOCH)  # nothing: the env channel is not in server 9
        scheduler = Scheduler(InlineStore(conn), FACTS, poster, defaults)
        targets = {t.guild_id: t for t in asyncio.run(scheduler.targets())}
        assert (targets[7].channel_id, targets[7].post_time, targets[7].timezone) == (777, dt.time(8, 30), "Asia/Tokyo")
        assert (targets[8].channel_id, targets[8].timezone) == (888, "Europe/Madrid")
        assert targets[9].channel_id is None
        assert get_guild(conn, 8).post_time is None

    def test_disabling_the_default_server(self, tmp_path) -> None:
        conn = connect(tmp_path / "db.sqlite3")
        poster = FakePoster(channels={777: 7})
        save_guild(conn, GuildSettings(7, enabled=False), EPOCH)
        scheduler = Scheduler(InlineStore(conn), FACTS, poster, Defaults(channel_id=777))
        asyncio.run(scheduler.tick(due("UTC")))
        assert poster.sent == []

    def test_facts_can_be_swapped_between_ticks(self, tmp_path) -> None:
        from tests.posts.factories import facts_on

        conn = connect(tmp_path / "db.sqlite3")
        save_guild(conn, GuildSettings(1, 11, NINE, "UTC"), EPOCH)
        current = {"facts": facts_on()}
        poster = FakePoster(channels={11: 1})
        scheduler = Scheduler(InlineStore(conn), lambda: current["facts"], poster)
        asyncio.run(scheduler.tick(due("UTC")))
        assert poster.sent == []
        current["facts"] = FACTS
        asyncio.run(scheduler.tick(due("UTC") + MINUTE))
        assert len(poster.sent) == 1


def test_naive_now_is_refused(db_path, discord) -> None:
    with pytest.raises(ValueError, match="aware"):
        asyncio.run(start(db_path, discord).tick(dt.datetime(2026, 9, 29, 9, 0)))


def test_database_is_left_consistent(db_path, discord) -> None:
    asyncio.run(start(db_path, discord).tick(EVENING))
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    states = conn.execute("SELECT state, count(*) FROM post_ledger GROUP BY state").fetchall()
    assert states == [("posted", len(DUE_AT_EVENING))]


def test_other_dated_entries_go_to_the_daily_post_not_the_yearly_one(tmp_path) -> None:
    from tests.posts.factories import facts_on

    facts = facts_on(dt.date(2008, 9, 20), dt.date(2008, 9, 29))
    conn = connect(tmp_path / "db.sqlite3")
    save_guild(conn, GuildSettings(1, 11, NINE, "UTC"), EPOCH)
    poster = FakePoster(channels={11: 1, 12: 1})
    asyncio.run(Scheduler(InlineStore(conn), facts, poster).tick(utc(2026, 9, 20, 9, 0)))
    assert poster.sent == []  # the yearly post is for 29 September only
    save_guild(conn, GuildSettings(1, 12, NINE, "UTC"), EPOCH, DAILY)
    asyncio.run(Scheduler(InlineStore(conn), facts, poster).tick(utc(2026, 9, 20, 9, 0)))
    assert [m.reply.title for m in poster.sent] == ["On this day: 20 September"]
    assert poster.sent[0].channel_id == 12


def test_a_lease_shorter_than_a_send_is_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match="lease"):
        Scheduler(InlineStore(tmp_path / "db.sqlite3"), FACTS, FakePoster(), send_timeout=120, lease=CLAIM_LEASE)
