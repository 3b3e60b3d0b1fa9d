"""The real entry point, ``perezbot run``, as a subprocess against the fake Discord.

Checks what only the whole process shows: JSON logs on stderr with one line per question and no
token anywhere, SIGHUP reloading the facts (valid and invalid), SIGTERM stopping cleanly.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import sys
from pathlib import Path

import pytest

from bot.core.facts import default_facts_dir
from tests.fake_discord import FakeDiscord
from tests.test_reload import fact_yaml

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")


class Process:
    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.lines: list[str] = []
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.proc.stderr is not None
        async for raw in self.proc.stderr:
            self.lines.append(raw.decode("utf-8", "replace"))

    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.lines]

    async def wait_for(self, predicate, what: str, timeout: float = 10.0) -> dict:
        async with asyncio.timeout(timeout):
            while True:
                for record in self.records():
                    if predicate(record):
                        return record
                if self.proc.returncode is not None:
                    raise AssertionError(
                        f"perezbot exited ({self.proc.returncode}) before {what}:\n{''.join(self.lines)}"
                    )
                await asyncio.sleep(0.02)


@pytest.fixture
async def process(fake: FakeDiscord, tmp_path: Path):
    facts = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), facts)
    env = fake.process_env(tmp_path, FACTS_DIR=str(facts), LOG_FORMAT="json", LOG_LEVEL="DEBUG")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=env,
        cwd=tmp_path,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    running = Process(proc)
    running.facts = facts  # type: ignore[attr-defined]
    try:
        await running.wait_for(lambda r: r["message"].startswith("ready as"), "ready")
        yield running
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        await running.reader


async def test_run_logs_json_reloads_on_sighup_and_stops_on_sigterm(process: Process, fake: FakeDiscord):
    # A question: answered, and one JSON log line for it.
    interaction = await fake.slash("ask", question="when did jefferson perez retire")
    assert (await fake.response_to(interaction)).json["type"] == 4
    line = await process.wait_for(lambda r: r.get("event") == "question", "the question's log line")
    assert line["status"] == "answered" and line["shard"] == 0 and line["latency_ms"] >= 0

    # SIGHUP with a broken fact file: rejected, file:line in the log, answers unchanged.
    (process.facts / "broken.yaml").write_text("- id: Not An Id\n", "utf-8")  # type: ignore[attr-defined]
    process.proc.send_signal(signal.SIGHUP)
    await process.wait_for(lambda r: "broken.yaml:1:" in r["message"], "the rejection")
    (process.facts / "broken.yaml").unlink()  # type: ignore[attr-defined]

    # SIGHUP with a new fact: swapped in, and answered without a restart.
    phrasing = "what size shoes does perez wear"
    (process.facts / "extra.yaml").write_text(fact_yaml("shoe-size", question=phrasing), "utf-8")  # type: ignore[attr-defined]
    process.proc.send_signal(signal.SIGHUP)
    await process.wait_for(lambda r: r["message"].startswith("reloaded") and "+1 ~0 −0" in r["message"], "reload")
    interaction = await fake.slash("ask", question=phrasing)
    (embed,) = (await fake.response_to(interaction)).json["data"]["embeds"]
    assert embed["title"] == "shoe-size title"

    # SIGTERM: a clean stop.
    process.proc.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(process.proc.wait(), 10) == 0
    await process.reader
    output = "".join(process.lines)
    assert fake.token not in output
    assert str(fake.human.id) not in output, "no user id in the log, even at DEBUG"
    assert "when did jefferson perez retire" not in output, "no question wording in the log"
    assert all(isinstance(r, dict) for r in process.records()), "every stderr line is a JSON object"


async def test_run_refuses_at_start_up_the_facts_a_reload_would_refuse(fake: FakeDiscord, tmp_path: Path):
    """The first load runs the reload's checks on the bot clock's day in TIMEZONE: a fact dated
    1 January 2026 is in the future at 03:00 UTC that day in Ecuador, so nothing connects."""
    facts = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), facts)
    (facts / "dated.yaml").write_text(
        fact_yaml("new-year", "On 1 January 2026.", answer_es="El 1 de enero de 2026.", date="2026-01-01"), "utf-8"
    )
    clock = tmp_path / "clock"
    clock.write_text("2026-01-01T03:00:00+00:00", "utf-8")
    env = fake.process_env(
        tmp_path, FACTS_DIR=str(facts), TIMEZONE="America/Guayaquil", PEREZBOT_TEST_CLOCK=str(clock)
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 2, stderr.decode()
    assert "dated.yaml:8: date 2026-01-01 is in the future (today is 2025-12-31)" in stderr.decode()
    assert not fake.identifies, "the bot connected with facts a reload would have refused"
