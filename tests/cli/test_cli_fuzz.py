"""Any argument vector gives an exit status, never an exception: no input makes perezbot print a traceback.

Derandomized Hypothesis over every console command with hostile option values; the Discord commands
stop at their settings (no token here), before anything connects.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import COMMANDS
from tests.cli.clirun import run

OPTIONS = ["--date", "--lang", "--since", "--before", "--top", "--misses", "--json", "--forget", "--help", "-"]
VALUES = [
    "",
    " ",
    "-1",
    "0",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "2026-2-3",
    "es",
    "fr",
    "\x00",
    "/",
    "/etc/passwd",
    "README.md",
    "\udcff",
    "1e9",
    "99999999999999999999",
]
WORDS = st.one_of(st.sampled_from(OPTIONS + VALUES), st.text(max_size=12))


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(command=st.sampled_from(sorted(COMMANDS)), words=st.lists(WORDS, max_size=4))
def test_any_arguments_give_a_status_not_an_exception(command: str, words: list[str]) -> None:
    data = Path.cwd() / "state"
    got = run(command, *words, stdin="when did he retire\n", env={"DATA_DIR": str(data)})
    assert got.status in (0, 1, 2), (command, words, got.err)
    if got.status == 2:
        assert got.err.strip(), "an error status comes with a reason"
