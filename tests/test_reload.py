"""Validated hot reload: a valid fact base gives a new Engine and a diff; a broken one changes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.facts import default_facts_dir
from bot.reload import FactDiff, diff_facts, reload_engine


def fact_yaml(
    fact_id: str,
    answer: str = "An answer.",
    question: str | None = None,
    *,
    answer_es: str = "Una respuesta.",
    date: str | None = None,
) -> str:
    question = question or f"tell me about {fact_id.replace('-', ' ')}"
    return textwrap.dedent(
        f"""\
        - id: {fact_id}
          title: {{en: "{fact_id} title", es: "{fact_id} título"}}
          answer: {{en: "{answer}", es: "{answer_es}"}}
          questions:
            en: ["{question}"]
            es: ["cuéntame de {fact_id.replace("-", " ")}"]
          citation: {{paragraph: 1}}
        """
    ) + (f"  date: {date}\n" if date else "")


def write(directory: Path, name: str, *facts: str) -> None:
    (directory / name).write_text("".join(facts), encoding="utf-8")


@pytest.fixture
def facts_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "facts"
    directory.mkdir()
    shutil.copy(default_facts_dir() / "source.yaml", directory / "source.yaml")
    write(directory, "a.yaml", fact_yaml("first-fact"), fact_yaml("second-fact"))
    write(directory, "b.yaml", fact_yaml("third-fact"))
    return directory


def test_valid_edit_builds_a_new_engine_and_reports_the_diff(facts_dir):
    old = Engine.load(facts_dir)
    write(facts_dir, "a.yaml", fact_yaml("first-fact", answer="A better answer."), fact_yaml("new-fact"))
    result = reload_engine(old)
    assert result.ok and result.problems == ()
    assert result.engine is not old
    assert result.diff == FactDiff(added=("new-fact",), changed=("first-fact",), removed=("second-fact",))
    assert result.diff.lines() == ["+new-fact", "~first-fact", "−second-fact"]
    assert result.diff.summary() == "+1 ~1 −1"
    assert {f.id for f in result.engine.facts} == {"first-fact", "new-fact", "third-fact"}
    # The old engine is immutable and untouched: anyone still holding it keeps consistent answers.
    assert {f.id for f in old.facts} == {"first-fact", "second-fact", "third-fact"}


def test_new_phrasing_is_answered_after_reload(facts_dir):
    old = Engine.load(facts_dir)
    write(facts_dir, "c.yaml", fact_yaml("shoe-size", question="what size shoes does perez wear"))
    result = reload_engine(old)
    outcome, _reply = result.engine.ask("what size shoes does perez wear")
    assert outcome.fact is not None and outcome.fact.id == "shoe-size"


def test_broken_fact_base_keeps_the_old_engine_and_lists_file_line_errors(facts_dir):
    old = Engine.load(facts_dir)
    write(facts_dir, "a.yaml", fact_yaml("first-fact"), fact_yaml("first-fact"))  # duplicate id
    (facts_dir / "b.yaml").write_text("- id: Bad Id\n  title: [unclosed\n", encoding="utf-8")
    result = reload_engine(old)
    assert not result.ok
    assert result.engine is old
    assert result.diff == FactDiff() and not result.diff
    lines = result.problem_lines()
    assert any(line.startswith(f"{facts_dir / 'b.yaml'}:") for line in lines)
    assert any("duplicate id 'first-fact'" in line and f"{facts_dir / 'a.yaml'}:" in line for line in lines)


def test_problems_are_exactly_those_of_perezbot_check(facts_dir):
    from bot.core.facts import check_facts

    old = Engine.load(facts_dir)
    write(facts_dir, "b.yaml", fact_yaml("third-fact", question="tell me about first fact"))
    result = reload_engine(old)
    _, expected = check_facts(facts_dir)
    assert expected and list(result.problems) == expected


def test_unchanged_reload_is_an_empty_diff(facts_dir):
    old = Engine.load(facts_dir)
    result = reload_engine(old)
    assert result.ok and not result.diff and result.diff.lines() == []


def test_moving_a_fact_between_files_is_not_a_change(facts_dir):
    old = Engine.load(facts_dir)
    write(facts_dir, "a.yaml", fact_yaml("first-fact"))
    write(facts_dir, "b.yaml", fact_yaml("second-fact"), fact_yaml("third-fact"))
    assert not reload_engine(old).diff


def test_source_change_is_reported(facts_dir):
    old = Engine.load(facts_dir)
    source = facts_dir / "source.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("paragraphs: 10", "paragraphs: 11"), "utf-8")
    result = reload_engine(old)
    assert result.ok and result.diff.source_changed and result.diff.lines() == ["~source.yaml"]


def test_missing_directory_is_an_error_not_a_crash(facts_dir, tmp_path):
    old = Engine.load(facts_dir)
    result = reload_engine(old, tmp_path / "nowhere")
    assert not result.ok and result.engine is old
    assert "does not exist" in result.problem_lines()[0]


def test_a_matcher_that_fails_to_build_keeps_the_old_engine(facts_dir, monkeypatch):
    old = Engine.load(facts_dir)

    def broken(directory, today=None):
        raise ValueError("lexicon is inconsistent")

    monkeypatch.setattr(Engine, "load", broken)
    result = reload_engine(old)
    assert not result.ok and result.engine is old
    assert "could not build the matcher: ValueError: lexicon is inconsistent" in result.problem_lines()[0]


def test_diff_facts_is_sorted():
    a = Engine.load(default_facts_dir()).facts
    assert diff_facts(a, a) == FactDiff()


FUTURE = fact_yaml(
    "future-race", "He walks on 1 May 2027.", answer_es="Marcha el 1 de mayo de 2027.", date="2027-05-01"
)
SILENT = fact_yaml("silent-date", "He won a race.", answer_es="Ganó una carrera.", date="2001-08-10")


@pytest.mark.parametrize(
    ("fact", "message"),
    [(FUTURE, "date 2027-05-01 is in the future"), (SILENT, "date 2001-08-10 disagrees with the answer")],
)
def test_reload_runs_perezbot_checks_date_lint_on_the_callers_day(facts_dir, fact, message):
    from bot.core.facts import check_facts

    old = Engine.load(facts_dir)
    write(facts_dir, "dated.yaml", fact)
    today = dt.date(2026, 12, 1)
    result = reload_engine(old, today=today)
    assert not result.ok and result.engine is old
    assert [str(p) for p in result.problems] == [str(p) for p in check_facts(facts_dir, today=today)[1]]
    assert any(message in line for line in result.problem_lines())


def test_a_dated_fact_is_accepted_once_its_day_has_come(facts_dir):
    old = Engine.load(facts_dir)
    write(facts_dir, "dated.yaml", FUTURE)
    assert not reload_engine(old, today=dt.date(2027, 4, 30)).ok
    result = reload_engine(old, today=dt.date(2027, 5, 1))
    assert result.ok and result.diff.added == ("future-race",)
