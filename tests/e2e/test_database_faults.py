"""A broken database never takes the bot down: at start, while running, and as a restart policy sees it."""

from __future__ import annotations

import itertools
import logging
import os
from pathlib import Path

from bot.config import Settings
from tests.e2e.conftest import ErrorLog, Running, stop_bot
from tests.e2e.test_entry_point import bot_env, finish, spawn
from tests.fake_discord import FakeDiscord, FakeUser

QUESTION = "when did jefferson perez retire"


_askers = itertools.count()


async def ask(running: Running) -> None:
    """One /ask (each from a new user: no cooldown), answered with the answer: questions need no database."""
    user = FakeUser(f"asker{next(_askers)}")
    interaction = await running.fake.slash("ask", question=QUESTION, guild=None, user=user)
    (embed,) = (await running.fake.response_to(interaction)).json["data"]["embeds"]
    assert running.retirement() in embed["description"]
    await running.bot.questions.flush()


def database_errors(errors: ErrorLog) -> list[logging.LogRecord]:
    return [r for r in errors.records if r.name == "perezbot.store"]


async def test_a_garbage_database_at_start_is_moved_aside_three_starts_in_a_row(
    make_bot, settings: Settings, errors: ErrorLog
) -> None:
    errors.expect("corrupt")
    path = settings.database_path
    path.parent.mkdir(parents=True, exist_ok=True)
    for start in range(1, 4):  # what a restart policy does with a bot that crashes on it
        path.write_bytes(os.urandom(32 * 1024))
        running = await make_bot()
        await ask(running)
        assert "corrupt" in (running.bot.store.reset_reason or "")
        await stop_bot(running)
        assert len(list(path.parent.glob(f"{path.name}.corrupt-*"))) == start
    assert len(database_errors(errors)) == 3  # one line per start, naming where the file went


async def test_the_database_deleted_while_running(running: Running, settings: Settings, errors: ErrorLog) -> None:
    errors.expect("deleted")
    await ask(running)
    resets = running.bot.store.resets
    for suffix in ("", "-wal", "-shm"):
        Path(f"{settings.database_path}{suffix}").unlink(missing_ok=True)
    for _ in range(5):
        await ask(running)
    assert len(database_errors(errors)) == 1
    assert running.bot.store.resets == resets + 1 and "deleted" in (running.bot.store.reset_reason or "")
    assert settings.database_path.exists(), "a fresh database took its place"


async def test_the_database_overwritten_while_running(running: Running, settings: Settings, errors: ErrorLog) -> None:
    errors.expect("database")
    await ask(running)
    with open(settings.database_path, "r+b") as handle:
        handle.write(os.urandom(16 * 1024))
    for _ in range(5):
        await ask(running)
    assert 1 <= len(database_errors(errors)) <= 2  # "overwritten", then where the garbage was moved
    assert running.bot.store.reset_reason is not None


async def test_an_unwritable_data_dir_is_one_line_and_exit_2_before_connecting(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    (data / "perezbot.sqlite3").mkdir(parents=True)  # the database path cannot be written as a file
    status, _out, err = await finish(await spawn("run", env=bot_env(fake, tmp_path), cwd=tmp_path))
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1 and "DATA_DIR" in err and "Traceback" not in err
    assert not fake.requests, "nothing was sent to Discord"
