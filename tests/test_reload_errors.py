"""A reload with any kind of YAML mistake is rejected with ``file:line`` pointing at the mistake.

Run against both YAML parsers (libyaml's and the pure-Python one): they word and place errors
differently, and the bot uses whichever PyYAML was built with.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core import facts
from bot.core.engine import Engine
from bot.reload import reload_engine
from tests.coredata import fact_yaml, line_of, write_fact_base

BASE = fact_yaml()


def _with(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new, 1)


# (kind, broken file text, the line the error must point at, a word the message must contain)
SAMPLE = line_of(BASE, "A sample")
KINDS = [
    ("unterminated double quote", _with("en: A sample fact", 'en: "A sample fact'), SAMPLE, "quoted"),
    ("unterminated single quote", _with("en: A sample fact", "en: 'A sample fact"), SAMPLE, "quoted"),
    ("unclosed bracket", _with("[retired]", "[retired"), line_of(BASE, "keywords"), "flow sequence"),
    ("unclosed brace", _with("{paragraph: 4}", "{paragraph: 4"), line_of(BASE, "citation"), "flow mapping"),
    ("over-indented key", _with("  answer:", "   answer:"), line_of(BASE, "answer:"), ""),
    ("tab indentation", _with("  keywords:", "\tkeywords:"), line_of(BASE, "keywords"), ""),
    ("duplicate top-level key", _with("  keywords: [retired]", "  keywords: [retired]\n  keywords: [x]"),
     line_of(BASE, "keywords") + 1, "duplicate"),
    ("duplicate nested key", _with("    en: A sample fact", "    en: A sample fact\n    en: other"),
     SAMPLE + 1, "duplicate"),
    ("colon inside a plain value", _with("en: A sample fact", "en: A: sample fact"), SAMPLE, ""),
    ("undefined alias", _with("en: A sample fact", "en: *nowhere"), SAMPLE, "alias"),
    ("second document", BASE + "---\n- id: x\n", len(BASE.splitlines()) + 1, "document"),
    ("control character", _with("A sample fact", "A sample\x07fact"), SAMPLE, "#x0007"),
]


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML built without libyaml")
        monkeypatch.setattr(facts, "_LOADER", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(facts, "_LOADER", yaml.SafeLoader)
    return str(request.param)


@pytest.mark.parametrize(("kind", "text", "line", "word"), KINDS, ids=[k[0] for k in KINDS])
def test_every_yaml_error_kind_carries_file_and_line(
    tmp_path: Path, parser: str, kind: str, text: str, line: int, word: str
) -> None:
    directory = write_fact_base(tmp_path / "facts")
    current = Engine.load(directory)
    (directory / "facts.yaml").write_text(text, encoding="utf-8")
    result = reload_engine(current, directory)
    assert not result.ok and result.engine is current
    lines = result.problem_lines(directory)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"facts.yaml:{line}: "), (kind, lines)
    assert word.lower() in lines[0].lower() and "\n" not in lines[0]


def test_a_file_that_is_not_utf8_points_at_the_line(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path / "facts")
    current = Engine.load(directory)
    (directory / "facts.yaml").write_bytes(BASE.replace("A sample fact", "A s\xe9mple fact").encode("latin-1"))
    lines = reload_engine(current, directory).problem_lines(directory)
    assert lines == [f"facts.yaml:{SAMPLE}: not UTF-8 text (byte 0xe9); save the file as UTF-8"]
