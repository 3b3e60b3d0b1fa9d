"""Conversations in the console: ``chat`` follows up, ``ask --json -`` never does, ``eval`` takes
``context`` and reports the wrong-answer rate and a calibration table."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.clirun import run


def test_chat_resolves_a_follow_up_against_the_last_answer() -> None:
    first = run("chat", stdin="when did he win the olympics\n")
    got = run("chat", stdin="when did he win the olympics\nhow old was he then?\n")
    assert got.status == 0 and "22" not in first.out
    assert "22" in got.out[len(first.out) :]  # the follow-up's reply gives his age at Atlanta


def test_ask_json_treats_every_line_as_a_new_question() -> None:
    got = run("ask", "--json", "-", stdin="when did he win the olympics\nand the year after?\n")
    records = [json.loads(line) for line in got.out.splitlines()]
    assert records[0]["status"] == "answered"
    assert records[1]["status"] != "answered"


def test_eval_asks_the_context_first_and_reports_wrong_answers_and_calibration(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        """\
- q: "how old was he then?"
  context: ["when did he win the olympics"]
  expect: [["22"]]
  lang: en
  style: followup
- q: "when did he retire"
  expect: [["1996"]]
  lang: en
  style: plain
""",
        encoding="utf-8",
    )
    got = run("eval", str(path))
    assert got.status == 0
    assert "followup" in got.out and "in-scope right:        1/2" in got.out
    assert "wrong answers:         1/2" in got.out  # answered, with a fact that is not right
    assert "calibration" in got.out and "90%–100%" in got.out
