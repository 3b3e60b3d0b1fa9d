"""The real ``perezbot run`` as a subprocess against the fake Discord, with a moved clock.

The clock contract for a real process (tests only): ``PEREZBOT_TEST_CLOCK`` names a file holding
the bot's "now" as ISO 8601, rewritten by the test to move time; ``PEREZBOT_TEST_TICK_SECONDS``
makes the post ticker tick every fraction of a second so a move is seen at once. Everything else
is the production path: ``DAILY_CHANNEL_ID``, ``ANNOUNCE_CHANNEL_ID`` and ``TIMEZONE`` from the
environment, the database in ``DATA_DIR``, restarts on the same database.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import signal
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.test_run_process import Process
from tests.fake_discord import FakeDiscord

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="POSIX signals")

GUAYAQUIL = ZoneInfo("America/Guayaquil")
STORY = "On this day, 29 September: Jefferson Pérez retires"


def at_local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=GUAYAQUIL).astimezone(dt.UTC)  # type: ignore[misc]


class Bot:
    """Starts and stops ``perezbot run`` processes on one data directory and one clock file."""

    def __init__(self, fake: FakeDiscord, tmp_path: Path) -> None:
        self.fake = fake
        self.clock = tmp_path / "clock.txt"
        self.cwd = tmp_path
        self.env = fake.process_env(
            tmp_path,
            PEREZBOT_TEST_CLOCK=str(self.clock),
            PEREZBOT_TEST_TICK_SECONDS="0.05",
            LOG_FORMAT="json",
            TIMEZONE="America/Guayaquil",
            DAILY_CHANNEL_ID=str(fake.guild.channel.id),
            ANNOUNCE_CHANNEL_ID=str(fake.guild.channel.id),  # the yearly post to the same channel
        )
        self.process: Process | None = None

    def set_clock(self, moment: dt.datetime) -> None:
        self.clock.write_text(moment.isoformat(), "utf-8")

    async def start(self) -> Process:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            env=self.env,
            cwd=self.cwd,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        self.process = Process(proc)
        await self.process.wait_for(lambda r: r["message"].startswith("ready as"), "ready", timeout=20)
        return self.process

    async def stop(self) -> None:
        assert self.process is not None
        self.process.proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(self.process.proc.wait(), 10) == 0
        await self.process.reader
        self.process = None

    async def kill(self) -> None:
        if self.process is not None and self.process.proc.returncode is None:
            self.process.proc.kill()
            await self.process.proc.wait()
            await self.process.reader

    def posts(self) -> list:
        return self.fake.find("POST", rf"/channels/{self.fake.guild.channel.id}/messages")

    async def ticks(self, n: int = 10) -> None:
        """Let the process tick a few times (50 ms apart) at the current clock."""
        await asyncio.sleep(0.05 * n)


@pytest.fixture
async def bot(fake: FakeDiscord, tmp_path: Path):
    runner = Bot(fake, tmp_path)
    try:
        yield runner
    finally:
        await runner.kill()


async def test_perezbot_run_posts_a_fact_a_day_and_one_story_on_29_september(bot: Bot):
    bot.set_clock(at_local(2027, 2, 1, 8, 59))
    await bot.start()
    await bot.ticks()
    assert bot.posts() == []  # not before 09:00

    titles = []
    for offset, day in enumerate((dt.date(2027, 2, 1), dt.date(2027, 2, 2), dt.date(2027, 2, 3))):
        bot.set_clock(at_local(day.year, day.month, day.day, 9, 0))
        await bot.fake.wait_until(lambda n=offset: len(bot.posts()) == n + 1, what=f"the post of {day}")
        await bot.ticks()
        assert len(bot.posts()) == offset + 1  # once
        [embed] = bot.posts()[-1].json["embeds"]
        titles.append(embed["title"])
        assert embed["footer"]["text"].startswith(f"Fact {offset + 1} of ")
    assert len(set(titles)) == 3

    # A restart later the same day: nothing more.
    await bot.stop()
    bot.set_clock(at_local(2027, 2, 3, 18, 30))
    await bot.start()
    await bot.ticks(20)
    assert len(bot.posts()) == 3

    # 29 September: the yearly and the daily post share the channel — one post, the story.
    bot.set_clock(at_local(2027, 9, 29, 9, 0))
    await bot.fake.wait_until(lambda: len(bot.posts()) == 4, what="the 29 September post")
    await bot.ticks(20)
    await bot.stop()
    bot.set_clock(at_local(2027, 9, 29, 21, 0))
    await bot.start()
    await bot.ticks(20)
    await bot.stop()
    assert len(bot.posts()) == 4
    [embed] = bot.posts()[-1].json["embeds"]
    assert embed["title"] == STORY and embed["description"].startswith("**19 years ago today**")
