"""``perezbot`` itself: usage, bad settings, ``eval``; and real subprocesses for ``python -m bot``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import terminal_width
from tests.cli.clirun import run
from tests.coredata import NO_DOTENV, REPO


def test_no_command_prints_usage() -> None:
    got = run()
    assert got.status == 2
    assert "usage: perezbot" in got.out
    for command in ("ask", "chat", "facts", "check", "eval", "onthisday"):
        assert command in got.out


def test_help_and_version() -> None:
    assert run("--help").status == 0
    got = run("--version")
    assert got.status == 0 and got.out.startswith("perezbot ")


@pytest.mark.parametrize("command", ["chat", "ask", "check", "eval", "onthisday", "daily", "misses", "stats", "run"])
def test_each_command_builds_its_own_arguments_on_demand(command: str) -> None:
    got = run(command, "--help")
    assert got.status == 0 and got.out.startswith(f"usage: perezbot {command}") and got.err == ""
    assert "Jefferson" not in got.out  # the subcommand's help, not the top-level one


def test_help_wraps_at_the_terminal_width_from_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {}
    for columns in (50, 120):
        monkeypatch.setenv("COLUMNS", str(columns))
        assert terminal_width() == columns
        pages[columns] = run("--help").out.splitlines()
        assert max(map(len, pages[columns])) <= columns
    assert len(pages[50]) > len(pages[120])  # narrower: wrapped onto more lines


def test_a_bad_columns_value_falls_back_to_a_width() -> None:
    assert terminal_width({"COLUMNS": "wide"}) >= 1 and terminal_width({"COLUMNS": "0"}) >= 1


def test_unknown_command_is_a_usage_error() -> None:
    got = run("dance")
    assert got.status == 2 and "invalid choice" in got.err


@pytest.mark.parametrize("command", [["ask", "hi"], ["chat"], ["facts"], ["onthisday"], ["check"]])
def test_bad_settings_exit_2_naming_the_key(command: list[str]) -> None:
    got = run(*command, env={"TIMEZONE": "Nowhere/City", "SHARD_COUNT": "lots"})
    assert got.status == 2
    assert "TIMEZONE" in got.err and "SHARD_COUNT" in got.err
    assert got.out == ""


def test_settings_come_from_the_dotenv_named_in_the_environment(tmp_path: Path) -> None:
    dotenv = tmp_path / "custom.env"
    dotenv.write_text("LOG_LEVEL=LOUD\n", encoding="utf-8")
    got = run("facts", env={"PEREZBOT_DOTENV": str(dotenv)})
    assert got.status == 2 and "LOG_LEVEL" in got.err


# ---------------------------------------------------------------------------------------------- eval

TINY_SET = """\
- q: when did he retire
  expect: [["29 september", "29 de septiembre"], ["2008"]]
  lang: en
  style: plain
- q: ¿cuándo se retiró?
  expect: [["29 de septiembre"]]
  lang: es
  style: spanish
- q: is he married
  expect: null
  lang: en
  style: out_of_scope
- q: what is his height
  expect: [["180 cm"]]
  lang: en
  style: plain
"""


def test_eval_prints_table_rates_and_misses(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY_SET, encoding="utf-8")
    got = run("eval", str(path))
    assert got.status == 0, got.err
    assert "misses (1):" in got.out and "'what is his height'" in got.out
    assert "style" in got.out and "score" in got.out
    assert any(line.split()[:3] == ["plain", "1", "2"] for line in got.out.splitlines())
    assert any(line.split()[:3] == ["spanish", "1", "1"] for line in got.out.splitlines())
    assert any(line.split()[:3] == ["out_of_scope", "1", "1"] for line in got.out.splitlines())
    assert "in-scope right:        2/3" in got.out
    assert "out-of-scope declined: 1/1 100.0%" in got.out


@pytest.mark.parametrize("text", ["just a string\n", "- q: missing expect\n"])
def test_eval_bad_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    got = run("eval", str(path))
    assert got.status == 2 and "perezbot eval:" in got.err


def test_eval_missing_file(tmp_path: Path) -> None:
    assert run("eval", str(tmp_path / "absent.yaml")).status == 2


# ---------------------------------------------------------------------------------------------- subprocess


def subprocess_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FACTS_", "LOG_"))}
    return {**env, **NO_DOTENV}


def test_python_m_bot_ask() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "when did he retire"],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "29 September 2008" in done.stdout


def test_python_m_bot_chat_from_a_pipe() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="when did he retire\n",
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "29 September 2008" in done.stdout


def test_the_ask_path_never_imports_discord() -> None:
    code = "import bot.cli.answer, bot.core.engine, sys; assert not any(m.startswith('discord') for m in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=subprocess_env(), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_running_ask_and_chat_never_imports_discord() -> None:
    code = (
        "import io, sys\n"
        "from bot.cli import main\n"
        "env = {'PEREZBOT_DOTENV': '/nonexistent'}\n"
        "out = io.StringIO()\n"
        "assert main(['ask', 'when did he retire'], stdout=out, env=env) == 0\n"
        "assert main(['chat'], stdin=io.StringIO('hola\\n'), stdout=out, env=env) == 0\n"
        "assert main(['ask', '--json', '-'], stdin=io.StringIO('hi\\n'), stdout=out, env=env) == 0\n"
        "bad = [m for m in sys.modules if m == 'discord' or m.startswith('discord.')]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=subprocess_env(), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_ask_imports_only_its_own_command_module() -> None:
    code = (
        "import io, sys\n"
        "from bot.cli import main\n"
        "env = {'PEREZBOT_DOTENV': '/nonexistent'}\n"
        "assert main(['ask', 'when did he retire'], stdout=io.StringIO(), env=env) == 0\n"
        "heavy = ('asyncio', 'sqlite3', 'bot.store', 'bot.cli.opscmds', 'bot.cli.posts', 'bot.cli.evaluate',\n"
        "         'bot.cli.factcmds', 'bot.cli.runner', 'bot.posts', 'bot.quiz')\n"
        "bad = [m for m in sys.modules if m.startswith(heavy)]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=subprocess_env(), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------------------------------------- argument errors


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["eval", "--misses", "-1", "x.yaml"], "argument --misses: must be at least 0, got -1"),
        (["onthisday", "--date", "2026-02-30"], "argument --date: no such date: 2026-02-30"),
        (["onthisday", "--date", ""], "argument --date: expected a date as YYYY-MM-DD, got ''"),
        (["stats", "--since", "2025-02-29"], "argument --since: no such date: 2025-02-29"),
        (["misses", "--top", "many"], "argument --top: expected a whole number, got 'many'"),
        (["ask", "--lang", "fr", "hi"], "argument --lang: invalid choice: 'fr'"),
    ],
)
def test_every_argument_error_is_one_line_with_the_reason_and_exit_2(argv: list[str], reason: str) -> None:
    got = run(*argv)
    assert got.status == 2 and got.out == ""
    assert got.err.count("\n") == 1 and f"perezbot {argv[0]}: error: {reason}" in got.err


def test_an_empty_question_is_a_usage_error() -> None:
    got = run("ask", "")
    assert got.status == 2 and "give a question" in got.err


def test_eval_on_a_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- q: fine\n  expect: null\n- q: [unclosed\n", encoding="utf-8")
    got = run("eval", str(path))
    assert got.status == 2 and got.err.startswith(f"perezbot eval: {path}:") and "bad YAML" in got.err
    assert got.err.count("\n") == 1


def test_help_goes_to_the_given_stream_and_the_parser_never_exits_the_process() -> None:
    got = run("ask", "--help")
    assert got.status == 0 and "usage: perezbot ask" in got.out and got.err == ""


def test_the_dispatcher_is_a_table_of_functions() -> None:
    from bot.cli import COMMANDS

    assert all(callable(command.run) for command in COMMANDS.values())
    assert {"ask", "chat", "check", "doctor", "eval", "facts", "misses", "run", "stats", "sync"} <= set(COMMANDS)


def test_no_private_argparse_or_string_imports_in_the_cli() -> None:
    source = (REPO / "bot" / "cli" / "__init__.py").read_text(encoding="utf-8")
    for private in ("._subparsers", "_print_message", "__import__", "_group_actions", "argparse._"):
        assert private not in source


@pytest.mark.parametrize("expect", ["5", "[2008]", "[[2008]]", "'2008'"])
def test_eval_on_a_malformed_expect_is_one_line(tmp_path: Path, expect: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(f"- q: when did he retire\n  expect: {expect}\n", encoding="utf-8")
    got = run("eval", str(path))
    assert got.status == 2
    assert got.err == f"perezbot eval: {path}: item 1: expect must be null or a list of lists of text\n"
