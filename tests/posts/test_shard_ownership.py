"""With several processes each running some shards, a server is ticked only where its shard runs."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.posts.discord_poster import DiscordPoster
from bot.posts.scheduler import PostResult, Scheduler
from bot.posts.settings import DAILY, YEARLY, GuildSettings, save_guild
from bot.store.db import connect
from tests.posts.factories import facts_on, local
from tests.posts.fakes import FakePoster, InlineStore

SEPT29 = dt.date(2026, 9, 29)
GUILDS = [(k << 22) | k for k in range(1, 7)]  # shard (id >> 22) % 2: 1, 0, 1, 0, 1, 0


@dataclass
class ShardPoster(FakePoster):
    shards: tuple[int, ...] = ()
    count: int = 2

    def handles(self, guild_id: int) -> bool:
        return (guild_id >> 22) % self.count in self.shards


@pytest.mark.parametrize("kind", [YEARLY, DAILY])
def test_two_processes_each_post_only_their_shards_servers(tmp_path: Path, kind: str):
    path = tmp_path / "db.sqlite3"
    conn = connect(path)
    for i, guild in enumerate(GUILDS):
        save_guild(conn, GuildSettings(guild, 1000 + i, dt.time(9), "UTC"), local("UTC", 2026, 1, 1), kind)
    conn.close()
    channels = {1000 + i: guild for i, guild in enumerate(GUILDS)}
    posters = [ShardPoster(channels=dict(channels), shards=(0,)), ShardPoster(channels=dict(channels), shards=(1,))]
    schedulers = [Scheduler(InlineStore(path), lambda: facts_on(dt.date(2008, 9, 29)), p) for p in posters]
    # The yearly post on 29 September; the daily one on an ordinary day.
    now = local("UTC", 2026, 9, 29, 9, 0) if kind == YEARLY else local("UTC", 2026, 3, 2, 9, 0)

    async def both():
        return await asyncio.gather(*(s.tick(now) for s in schedulers))

    outcomes = asyncio.run(both())
    for shard, (poster, results) in enumerate(zip(posters, outcomes, strict=True)):
        mine = [g for g in GUILDS if (g >> 22) % 2 == shard]
        assert sorted(o.guild_id for o in results if o.result is PostResult.POSTED) == mine
        assert sorted(channels[s.channel_id] for s in poster.sent) == mine
        assert all(o.guild_id in mine for o in results), "the other shard's servers are not even looked at"


def test_a_poster_without_handles_ticks_every_server(tmp_path: Path):
    path = tmp_path / "db.sqlite3"
    conn = connect(path)
    save_guild(conn, GuildSettings(GUILDS[0], 1000, dt.time(9), "UTC"), local("UTC", 2026, 1, 1))
    poster = FakePoster(channels={1000: GUILDS[0]})
    outcomes = asyncio.run(
        Scheduler(InlineStore(conn), lambda: facts_on(dt.date(2008, 9, 29)), poster).tick(local("UTC", 2026, 9, 29, 9))
    )
    assert [o.result for o in outcomes] == [PostResult.POSTED]


def test_discord_poster_knows_which_servers_are_its_own():
    guild_on_1 = (3 << 22) | 5
    guild_on_0 = (4 << 22) | 5
    everything = DiscordPoster(SimpleNamespace(shard_count=2, shard_ids=None))
    assert everything.handles(guild_on_0) and everything.handles(guild_on_1)
    only_one = DiscordPoster(SimpleNamespace(shard_count=2, shard_ids=[1]))
    assert only_one.handles(guild_on_1) and not only_one.handles(guild_on_0)
    plain_client_shard_0 = DiscordPoster(SimpleNamespace(shard_count=2, shard_id=0))
    assert plain_client_shard_0.handles(guild_on_0) and not plain_client_shard_0.handles(guild_on_1)
    unsharded = DiscordPoster(SimpleNamespace(shard_count=None, shard_id=None))
    assert unsharded.handles(guild_on_0) and unsharded.handles(guild_on_1)
