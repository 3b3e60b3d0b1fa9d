"""Sharding (SHARD_COUNT / AutoShardedBot) against the fake Discord, with the anniversary scheduler.

Discord routes each server to shard ``(guild_id >> 22) % shard_count``. These tests check that the
bot sees each server on exactly that shard, answers and logs there, and that the 29 September post
goes out exactly once per server — with one process running both shards, and with two processes
(one shard each) sharing the database, ticking at the same moment.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from zoneinfo import ZoneInfo

import pytest

from bot.discord.client import ShardedPerezBot
from bot.posts.scheduler import PostResult
from bot.posts.settings import GuildSettings, save_guild
from bot.store.db import connect
from tests.e2e.conftest import Running
from tests.fake_discord import FakeDiscord
from tests.fake_discord.payloads import FakeGuild, snowflake

GUAYAQUIL = ZoneInfo("America/Guayaquil")
NINE_AM_29_SEPT = dt.datetime(2026, 9, 29, 9, 0, tzinfo=GUAYAQUIL).astimezone(dt.UTC)


def shard_of(guild_id: int, count: int = 2) -> int:
    return (guild_id >> 22) % count


@pytest.fixture
def servers(fake: FakeDiscord) -> list[FakeGuild]:
    """Four servers, two on each shard (ids chosen so; the fake's own ids could all share a shard)."""
    base = snowflake() >> 22
    fake.guilds = [
        FakeGuild(fake.bot_user, fake.human, name=f"server {k}", id=((base + k) << 22) | (k + 1)) for k in range(4)
    ]
    assert sorted(shard_of(g.id) for g in fake.guilds) == [0, 0, 1, 1]
    return fake.guilds


@pytest.fixture
def sharded_settings(settings, servers, clock):
    """SHARD_COUNT=2, and every server set up for the 09:00 Guayaquil post."""
    conn = connect(settings.database_path)
    for guild in servers:
        save_guild(conn, GuildSettings(guild.id, guild.channel.id, dt.time(9), "America/Guayaquil"), clock())
    conn.close()
    clock.now = NINE_AM_29_SEPT - dt.timedelta(seconds=1)  # the ticker's first tick (on ready) is too early
    return settings.replace(shard_count=2)


@pytest.fixture(autouse=True)
def no_identify_spacing(monkeypatch):
    """discord.py waits 5 s between shards' IDENTIFYs (Discord's rate limit); the fake needs no wait."""

    async def immediately(self, shard_id, *, initial=False):
        return None

    monkeypatch.setattr(ShardedPerezBot, "before_identify_hook", immediately)


def posts(fake: FakeDiscord, guild: FakeGuild) -> list:
    return fake.find("POST", rf"/channels/{guild.channel.id}/messages")


def guild_creates(fake: FakeDiscord) -> dict[int, list[int]]:
    """guild id → the shards whose session delivered its GUILD_CREATE."""
    seen: dict[int, list[int]] = {}
    for session in fake.sessions.values():
        for frame in session.sent:
            if frame.get("t") == "GUILD_CREATE":
                seen.setdefault(int(frame["d"]["id"]), []).append(session.shard[0])
    return seen


async def test_one_process_two_shards_each_server_on_its_shard_and_one_post_each(
    make_bot, sharded_settings, servers, caplog
):
    running: Running = await make_bot(settings=sharded_settings)
    bot, fake = running.bot, running.fake
    assert isinstance(bot, ShardedPerezBot) and bot.shard_count == 2
    assert sorted(tuple(i["shard"]) for i in fake.identifies) == [(0, 2), (1, 2)]
    assert guild_creates(fake) == {g.id: [shard_of(g.id)] for g in servers}
    for guild in servers:
        assert bot.get_guild(guild.id).shard_id == shard_of(guild.id)

    # A question in each server is answered, and its log line names the server's shard.
    caplog.set_level(logging.INFO, logger="perezbot.questions")
    for guild in servers:
        interaction = await fake.slash("ask", guild=guild, question="when did jefferson perez retire")
        assert (await fake.response_to(interaction)).json["type"] == 4
    shards = [r.shard for r in caplog.records if r.name == "perezbot.questions"]
    assert shards == [shard_of(g.id) for g in servers]

    # The anniversary post: overlapping ticks, then another tick, post once per server.
    running.clock.now = NINE_AM_29_SEPT
    cog = bot.get_cog("PostTicker")
    await asyncio.gather(cog.tick_once(), cog.tick_once())
    await cog.tick_once()
    assert {g.name: len(posts(fake, g)) for g in servers} == {g.name: 1 for g in servers}
    running.alive()


async def test_two_processes_one_shard_each_post_once_per_server(make_bot, sharded_settings, servers):
    # Two bots in one event loop stand for two processes: separate clients and gateway sessions,
    # the same database file (as two containers sharing a volume would).
    first: Running = await make_bot(settings=sharded_settings.replace(shard_ids=(0,)))
    second: Running = await make_bot(settings=sharded_settings.replace(shard_ids=(1,)))
    assert first.bot.shard_ids == [0] and second.bot.shard_ids == [1]
    fake = first.fake
    assert {g.id for g in first.bot.guilds} == {g.id for g in servers if shard_of(g.id) == 0}
    assert {g.id for g in second.bot.guilds} == {g.id for g in servers if shard_of(g.id) == 1}
    assert guild_creates(fake) == {g.id: [shard_of(g.id)] for g in servers}

    first.clock.now = NINE_AM_29_SEPT
    outcomes = await asyncio.gather(
        first.bot.get_cog("PostTicker").tick_once(), second.bot.get_cog("PostTicker").tick_once()
    )
    await asyncio.gather(first.bot.get_cog("PostTicker").tick_once(), second.bot.get_cog("PostTicker").tick_once())
    assert {g.name: len(posts(fake, g)) for g in servers} == {g.name: 1 for g in servers}
    posted = [sorted(o.guild_id for o in process if o.result is PostResult.POSTED) for process in outcomes]
    assert posted == [
        sorted(g.id for g in servers if shard_of(g.id) == 0),
        sorted(g.id for g in servers if shard_of(g.id) == 1),
    ], "each server is posted by the process that runs its shard"
    first.alive()
    second.alive()
