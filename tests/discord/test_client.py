"""The bot's declared services: one store, off the event loop; reloads that never overlap."""

from __future__ import annotations

import asyncio
import logging
import shutil
import sqlite3
from pathlib import Path

from bot.ask.cog import Ask
from bot.config import Settings
from bot.core.engine import Engine
from bot.core.facts import default_facts_dir
from bot.discord.client import PerezBot
from tests.helpers import fake_bot, fake_interaction, scripted_engine, sent_kwargs
from tests.test_reload import fact_yaml

QUESTION = "when did jefferson perez retire"


def test_services_are_declared_on_the_class():
    declared = PerezBot.__annotations__
    for name in ("settings", "engine", "clock", "store", "questions", "voter_salt", "started_at", "reload_lock"):
        assert name in declared, name


async def test_open_services_migrates_and_loads_the_salt(tmp_path: Path):
    bot = fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data")
    assert bot.started_at is None and bot.uptime() is None
    await bot.open_services()
    assert bot.started_at is not None and len(bot.voter_salt) >= 16
    assert (tmp_path / "data" / "perezbot.sqlite3").exists()
    await asyncio.to_thread(bot.store.close)


async def test_a_locked_database_does_not_stall_ask(tmp_path: Path):
    bot = fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data")
    await bot.open_services()
    # Another process holds the database: the bot's INSERT waits (up to busy_timeout) on its worker.
    other = sqlite3.connect(bot.settings.database_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    try:
        interaction = fake_interaction()
        await asyncio.wait_for(Ask.ask.callback(Ask(bot), interaction, QUESTION), 5)
        assert "29 September 2008" in sent_kwargs(interaction)["embed"].description
        assert len(bot.questions._pending) == 1, "answered while the write is still waiting for the lock"
    finally:
        other.execute("COMMIT")
        other.close()
    await bot.questions.flush()
    count = await bot.store.run(lambda conn: conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0])
    assert count == 1, "the queued write landed once the lock was released"
    await asyncio.to_thread(bot.store.close)


async def test_a_broken_database_never_breaks_an_answer(tmp_path: Path, caplog, monkeypatch):
    bot = fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data")

    async def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(bot.store, "run", broken)
    interaction = fake_interaction()
    with caplog.at_level(logging.ERROR):
        await Ask.ask.callback(Ask(bot), interaction, QUESTION)
        await bot.questions.flush()
    assert "29 September 2008" in sent_kwargs(interaction)["embed"].description
    assert "could not record a handled question" in caplog.text


async def test_reloads_never_overlap_and_swap_only_valid_facts(tmp_path: Path):
    facts = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), facts)
    bot = fake_bot(Engine.load(facts), tmp_path / "data", settings=Settings(facts_dir=facts))
    (facts / "extra.yaml").write_text(fact_yaml("shoe-size"), "utf-8")
    first, second = await asyncio.gather(bot.reload_facts(), bot.reload_facts())
    assert first.ok and first.diff.added == ("shoe-size",)
    assert second.ok and not second.diff, "the second reload saw the first one's engine"
    good = bot.engine
    (facts / "broken.yaml").write_text("- id: Bad\n", "utf-8")
    rejected = await bot.reload_facts()
    assert not rejected.ok and bot.engine is good


def test_build_bot_shards_when_shard_count_is_set(tmp_path):
    from bot.config import Settings
    from bot.discord.client import PerezBot, ShardedPerezBot, build_bot

    engine = scripted_engine(tmp_path / "facts")
    sharded = build_bot(Settings(shard_count=2), engine)
    assert isinstance(sharded, ShardedPerezBot) and sharded.shard_count == 2
    assert type(build_bot(Settings(), engine)) is PerezBot
