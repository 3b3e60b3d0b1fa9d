"""The real ``perezbot run`` / ``perezbot sync`` entry points, as subprocesses, against the fake."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.fake_discord import FakeDiscord


def bot_env(fake: FakeDiscord, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "SHARD_"))}
    env.update(
        DISCORD_TOKEN=fake.token,
        DATA_DIR=str(tmp_path / "data"),
        PEREZBOT_DOTENV=str(tmp_path / "no.env"),
        PEREZBOT_DISCORD_API=fake.api_base,
        PEREZBOT_GATEWAY_URL=fake.gateway_url,
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


async def spawn(*args: str, env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finish(proc: asyncio.subprocess.Process, timeout: float = 15) -> tuple[int, str, str]:
    out, err = await asyncio.wait_for(proc.communicate(), timeout)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_perezbot_run_answers_and_stops_cleanly_on_a_signal(fake: FakeDiscord, tmp_path: Path, stop):
    proc = await spawn("run", env=bot_env(fake, tmp_path), cwd=tmp_path)
    try:
        await fake.wait_ready(timeout=20)
        interaction = await fake.slash("ask", question="when did jefferson perez retire")
        body = (await fake.response_to(interaction, timeout=10)).json
        assert body["type"] == 4 and body["data"]["allowed_mentions"] == {"parse": []}
    finally:
        if proc.returncode is None:
            proc.send_signal(stop)
    status, _out, err = await finish(proc)
    assert status == 0, err
    assert "Traceback" not in err and " ERROR " not in err
    assert "closing the connection to Discord" in err
    assert (tmp_path / "data" / "command-tree.json").is_file()


async def test_perezbot_run_with_a_rejected_token_exits_with_a_clear_message(fake: FakeDiscord, tmp_path: Path):
    env = bot_env(fake, tmp_path, DISCORD_TOKEN="x" * 59)
    status, _out, err = await finish(await spawn("run", env=env, cwd=tmp_path))
    assert status == 2
    assert "Discord rejected DISCORD_TOKEN" in err
    assert "Traceback" not in err
    assert not fake.identifies


async def test_perezbot_sync_syncs_even_when_unchanged(fake: FakeDiscord, tmp_path: Path):
    env = bot_env(fake, tmp_path)
    for _ in range(2):
        status, out, err = await finish(await spawn("sync", env=env, cwd=tmp_path))
        assert status == 0, err
        assert "synced 12 slash commands to all servers (global)" in out
    assert len(fake.find("PUT", rf"/applications/{fake.application_id}/commands")) == 2
    assert not fake.identifies, "sync never connects to the gateway"


async def test_perezbot_run_switches_to_sharding_when_discord_requires_it(fake: FakeDiscord, tmp_path: Path):
    fake.require_sharding = True
    fake.recommended_shards = 2
    proc = await spawn("run", env=bot_env(fake, tmp_path), cwd=tmp_path)
    try:
        await fake.wait_ready(timeout=20)
        assert tuple(fake.identifies[0]["shard"]) == (0, 2)
    finally:
        proc.send_signal(signal.SIGTERM)
    status, _out, err = await finish(proc)
    assert status == 0, err
    assert "Discord requires sharding" in err
    assert "Traceback" not in err and " ERROR " not in err


def test_run_without_a_token_names_every_bad_key(tmp_path: Path):
    import io

    out, err = io.StringIO(), io.StringIO()
    env = {"PEREZBOT_DOTENV": str(tmp_path / "none.env"), "LOG_LEVEL": "LOUD", "DATA_DIR": str(tmp_path)}
    status = main(["run"], stdout=out, stderr=err, env=env)
    assert status == 2
    text = err.getvalue()
    assert "DISCORD_TOKEN: missing" in text and "LOG_LEVEL" in text
    assert "Traceback" not in text


def test_start_without_a_token_is_the_console_chat(tmp_path: Path):
    import io

    out, err = io.StringIO(), io.StringIO()
    env = {"PEREZBOT_DOTENV": str(tmp_path / "none.env"), "DATA_DIR": str(tmp_path)}
    status = main(["start"], stdin=io.StringIO("when did jefferson perez retire\n"), stdout=out, stderr=err, env=env)
    assert status == 0, err.getvalue()
    assert "2008" in out.getvalue()
