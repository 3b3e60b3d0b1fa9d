"""The README's example outputs are what the program prints: each is run here and found verbatim.

(Examples that show the time, a machine's paths or a database's history — ``doctor``, ``misses``,
the log line — were also taken from real runs, but cannot be replayed exactly.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.clirun import run
from tests.coredata import REPO, SHIPPED_FACTS

README = (REPO / "README.md").read_text(encoding="utf-8")


def _shown(output: str) -> None:
    assert output.strip(), "the command printed nothing"
    assert output.rstrip("\n") in README, f"the README no longer shows what the program prints:\n{output}"


@pytest.mark.parametrize(
    "argv",
    [("daily", "--date", "2027-03-05"), ("onthisday", "--date", "2027-09-29")],
    ids=["daily", "onthisday"],
)
def test_the_scheduled_post_examples(argv: tuple[str, ...]) -> None:
    got = run(*argv)
    assert got.status == 0
    _shown(got.out)


def test_the_quick_start_answer() -> None:
    got = run("ask", "when did he retire")
    assert got.status == 0
    _shown(got.out)


def test_the_quiz_example_up_to_its_first_feedback() -> None:
    got = run("quiz", "--lang", "es", "--seed", "4", stdin="2\n")
    _shown(got.out[: got.out.index("\n\n**Pregunta 2 de 5**")])  # the README elides the rest


def test_the_check_example(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(SHIPPED_FACTS, facts)
    retirement = facts / "retirement.yaml"
    text = retirement.read_text(encoding="utf-8")
    assert text.count("\n  date: 2008-09-29\n") == 1
    retirement.write_text(text.replace("\n  date: 2008-09-29\n", "\n  date: 2008-09-28\n"), encoding="utf-8")
    got = run("check", env={"FACTS_DIR": str(facts)})
    assert got.status == 1
    _shown(got.out.replace(str(facts), "/tmp/perezbot/facts"))
