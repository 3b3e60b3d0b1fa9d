"""SHARD_COUNT and SHARD_IDS: how many shards in all, and which this process runs."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings


def settings(**env: str):
    return load_settings(env, dotenv=None)


def test_defaults_to_one_connection():
    s = settings()
    assert s.shard_count is None and s.shard_ids is None


def test_shard_ids_are_parsed_sorted_and_deduplicated():
    s = settings(SHARD_COUNT="4", SHARD_IDS=" 3, 1,1 ")
    assert s.shard_count == 4 and s.shard_ids == (1, 3)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SHARD_IDS": "0"}, "needs SHARD_COUNT"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "2"}, "from 0 to 1"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,x"}, "from 0 to 1"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": ","}, "from 0 to 1"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "-1"}, "from 0 to 1"),
    ],
)
def test_bad_shard_ids_are_named(env, message):
    with pytest.raises(ConfigError) as caught:
        settings(**env)
    assert message in caught.value.problems["SHARD_IDS"]


def test_a_bad_shard_count_is_reported_once():
    with pytest.raises(ConfigError) as caught:
        settings(SHARD_COUNT="zero", SHARD_IDS="0")
    assert set(caught.value.problems) == {"SHARD_COUNT"}


def test_build_bot_runs_only_the_given_shards():
    from bot.core.engine import Engine
    from bot.discord.client import ShardedPerezBot, build_bot

    bot = build_bot(settings(SHARD_COUNT="3", SHARD_IDS="2"), Engine.load())
    assert isinstance(bot, ShardedPerezBot)
    assert (bot.shard_count, bot.shard_ids) == (3, [2])
