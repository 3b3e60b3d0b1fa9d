"""``perezbot facts`` and ``check``."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.clirun import run
from tests.coredata import REPO, SHIPPED_FACTS, fact_yaml, line_of, shipped_facts, write_fact_base


def test_facts_lists_every_fact() -> None:
    got = run("facts")
    assert got.status == 0
    lines = got.out.splitlines()
    assert lines[-1] == f"{len(shipped_facts())} facts"
    for fact in shipped_facts():
        assert any(line.startswith(fact.id + " ") and fact.citation.label() in line for line in lines)


def test_facts_of_another_base(tmp_path: Path) -> None:
    got = run("facts", env={"FACTS_DIR": str(write_fact_base(tmp_path))})
    assert got.status == 0 and "sample-fact" in got.out and got.out.endswith("1 facts\n")


def test_check_shipped_facts() -> None:
    got = run("check")
    assert got.status == 0
    assert got.out.startswith("ok: ") and str(SHIPPED_FACTS) in got.out
    assert run("check", str(SHIPPED_FACTS)).status == 0


def test_check_a_broken_directory(tmp_path: Path) -> None:
    third = fact_yaml("third-fact", q_en="how old was he", q_es="qué edad tenía", extra="colour: red")
    third = third.replace("en: He retired on 29 September 2008.", "en: Ask @everyone.")
    text = fact_yaml() + fact_yaml("sample-fact", q_en="where is he from", q_es="de dónde es") + third
    directory = write_fact_base(tmp_path, {"facts.yaml": text})
    got = run("check", str(directory))
    assert got.status == 1
    lines = got.out.splitlines()
    located = [line for line in lines if re.match(rf"{re.escape(str(directory / 'facts.yaml'))}:\d+: ", line)]
    assert len(located) == 3, got.out  # unknown field, mention, duplicate id
    assert f"facts.yaml:{line_of(text, 'colour: red')}: unknown field 'colour'" in got.out
    assert lines[-1] == f"3 problem(s) in {directory}"


def test_check_bad_yaml(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, {"facts.yaml": "- id: [unclosed\n"})
    got = run("check", str(directory))
    assert got.status == 1 and re.search(r"facts\.yaml:\d+: bad YAML", got.out)


def test_a_broken_facts_dir_setting_stops_ask(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, {"facts.yaml": fact_yaml(extra="colour: red")})
    got = run("ask", "hi", env={"FACTS_DIR": str(directory)})
    assert got.status == 2 and "unknown field 'colour'" in got.err


def test_missing_facts_dir_setting() -> None:
    got = run("facts", env={"FACTS_DIR": "/nonexistent/facts"})
    assert got.status == 2 and "FACTS_DIR" in got.err


def test_facts_of_an_empty_base_does_not_crash(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, {"facts.yaml": ""})
    assert run("facts", env={"FACTS_DIR": str(directory)}).status != 0


def test_check_a_file_says_it_is_not_a_directory() -> None:
    got = run("check", str(REPO / "README.md"))
    assert got.status == 2 and "is not a directory" in got.err


def test_check_catches_a_future_date_and_a_yml_file(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED_FACTS, tmp_path / "facts")
    retirement = tmp_path / "facts" / "retirement.yaml"
    text = retirement.read_text(encoding="utf-8").replace("date: 2008-09-29", "date: 2208-09-29")
    retirement.write_text(text, encoding="utf-8")
    (tmp_path / "facts" / "extra.yml").write_text("- id: x\n", encoding="utf-8")
    got = run("check", str(tmp_path / "facts"))
    assert got.status == 1
    line = line_of(text, "date: 2208-09-29")
    assert f"{retirement}:{line}: date 2208-09-29 is in the future" in got.out
    assert f"{retirement}:{line}: date 2208-09-29 disagrees with the answer (en, es)" in got.out
    assert f"{tmp_path / 'facts' / 'extra.yml'}:1: not read" in got.out
    assert got.out.rstrip().endswith(f"3 problem(s) in {tmp_path / 'facts'}")


def test_check_a_missing_directory_is_one_line_exit_2(tmp_path: Path) -> None:
    got = run("check", str(tmp_path / "absent"))
    assert got.status == 2 and got.out == "" and got.err.count("\n") == 1 and "does not exist" in got.err


@pytest.mark.parametrize(
    "argv", [("facts",), ("quiz", "--seed", "1"), ("daily", "--date", "2027-03-01"), ("onthisday",)]
)
def test_every_command_that_reads_the_facts_names_their_problems(tmp_path: Path, argv: tuple[str, ...]) -> None:
    directory = write_fact_base(tmp_path, {"facts.yaml": fact_yaml(extra="colour: red")})
    got = run(*argv, env={"FACTS_DIR": str(directory), "DATA_DIR": str(tmp_path / "data")})
    assert got.status == 1, got
    assert "the fact base has problems" in got.err and "unknown field 'colour'" in got.err


# 03:00 UTC on 1 January 2026: already 1 January on a machine in Tokyo, still 31 December 2025 in
# Ecuador. A fact dated 1 January 2026 is in the future only on the Ecuadorian day.
NEW_YEAR = dt.datetime(2026, 1, 1, 3, 0, tzinfo=dt.UTC)
NEW_YEAR_FACT = """\
- id: new-year-walk
  title: {en: A walk, es: Una marcha}
  answer: {en: He walked on 1 January 2026., es: Marchó el 1 de enero de 2026.}
  questions: {en: [when was the new year walk], es: [cuándo fue la marcha de año nuevo]}
  citation: {paragraph: 1}
  date: 2026-01-01
"""


@pytest.fixture
def machine_in_tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's local zone (what ``dt.date.today()`` follows) set to Tokyo for the test."""
    if not hasattr(time, "tzset"):
        pytest.skip("no time.tzset on this platform")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("machine_in_tokyo")
def test_check_judges_dates_on_today_in_timezone_not_the_machines_date(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED_FACTS, tmp_path / "facts")
    (tmp_path / "facts" / "dated.yaml").write_text(NEW_YEAR_FACT, encoding="utf-8")
    assert NEW_YEAR.astimezone().date() == dt.date(2026, 1, 1), "the machine's local date at that moment"

    got = run("check", str(tmp_path / "facts"), env={"TIMEZONE": "America/Guayaquil"}, at=NEW_YEAR)
    assert got.status == 1
    assert "dated.yaml:6: date 2026-01-01 is in the future (today is 2025-12-31)" in got.out
    settings = {"TIMEZONE": "America/Guayaquil", "FACTS_DIR": str(tmp_path / "facts")}
    via_setting = run("check", env=settings, at=NEW_YEAR)
    assert via_setting.status == 1 and "(today is 2025-12-31)" in via_setting.out

    assert run("check", str(tmp_path / "facts"), env={"TIMEZONE": "Asia/Tokyo"}, at=NEW_YEAR).status == 0
