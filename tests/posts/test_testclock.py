"""The test-only file clock never jumps to the real time once it has read a moved one."""

import datetime as dt
from pathlib import Path

from bot.posts.testclock import FileClock, clock_from_env

MOVED = dt.datetime(2027, 2, 3, 14, 0, tzinfo=dt.UTC)


def test_reads_the_instant_the_file_holds(tmp_path: Path) -> None:
    path = tmp_path / "clock.txt"
    path.write_text(MOVED.isoformat(), "utf-8")
    assert FileClock(path)() == MOVED


def test_a_naive_instant_is_utc(tmp_path: Path) -> None:
    path = tmp_path / "clock.txt"
    path.write_text("2027-02-03T14:00:00", "utf-8")
    assert FileClock(path)() == MOVED


def test_a_half_written_or_missing_file_keeps_the_last_instant(tmp_path: Path) -> None:
    path = tmp_path / "clock.txt"
    path.write_text(MOVED.isoformat(), "utf-8")
    clock = FileClock(path)
    assert clock() == MOVED
    path.write_text("", "utf-8")  # caught between truncation and write
    assert clock() == MOVED
    path.write_text("2027-02-0", "utf-8")
    assert clock() == MOVED
    path.unlink()
    assert clock() == MOVED


def test_the_real_time_until_the_file_is_first_read(tmp_path: Path) -> None:
    before = dt.datetime.now(dt.UTC)
    now = FileClock(tmp_path / "missing.txt")()
    assert before <= now <= dt.datetime.now(dt.UTC)


def test_only_when_the_environment_names_a_file(tmp_path: Path) -> None:
    assert clock_from_env({}) is None
    clock = clock_from_env({"PEREZBOT_TEST_CLOCK": str(tmp_path / "c"), "PEREZBOT_TEST_TICK_SECONDS": "0.05"})
    assert clock is not None and clock.tick_seconds == 0.05
