"""Shared helpers for the core tests: the shipped fact base (loaded once) and temp fact bases.

Plain functions rather than conftest fixtures, so other suites' conftests never collide with them.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.facts import FactBase, load_facts

REPO = Path(__file__).resolve().parents[1]
SHIPPED_FACTS = REPO / "facts"
# The public dev set: a copy kept in the repository, so `make eval` and its floor work from any clone.
DEV_SET = REPO / "tests" / "eval" / "questions-dev.yaml"
# Where the copy comes from, when a checkout has it beside the clone.
SHARED_DEV_SET = REPO / ".." / "shared" / "eval" / "questions-dev.yaml"
TUNE_SET = REPO / "tests" / "eval" / "questions-tune.yaml"
BLIND_SET = REPO / "tests" / "eval" / "questions-blind.yaml"
# A question the matcher alone got right that the n-gram second opinion gets wrong (it answers a
# near miss worded like a fact, or is sure of "no fact" for a question the matcher read right): kept
# as a strict expected failure, so each known cost of the trade-off stays listed and a fix shows.
SECOND_OPINION_MISS = pytest.mark.xfail(strict=True, reason="a known miss of the n-gram second opinion")
# An environment for the CLI that never reads a real .env.
NO_DOTENV = {"PEREZBOT_DOTENV": "/nonexistent/perezbot.env"}

SOURCE_YAML = 'title: "A test article"\nparagraphs: 10\n'


@lru_cache(maxsize=1)
def shipped_facts() -> FactBase:
    return load_facts(SHIPPED_FACTS)


@lru_cache(maxsize=1)
def shipped_engine() -> Engine:
    """The shipped engine; immutable, so one instance serves every test."""
    return Engine.load(SHIPPED_FACTS)


def fact_yaml(
    fact_id: str = "sample-fact",
    *,
    q_en: str = "when did he retire",
    q_es: str = "cuándo se retiró",
    extra: str = "",
) -> str:
    """One valid fact as a YAML list item (``extra`` lines are appended inside the mapping)."""
    text = f"""\
    - id: {fact_id}
      title:
        en: A sample fact
        es: Un dato de ejemplo
      answer:
        en: He retired on 29 September 2008.
        es: Se retiró el 29 de septiembre de 2008.
      questions:
        en:
          - {q_en}
        es:
          - {q_es}
      keywords: [retired]
      citation: {{paragraph: 4}}
    """
    text = textwrap.dedent(text)
    if extra:
        text += textwrap.indent(textwrap.dedent(extra).strip("\n"), "  ") + "\n"
    return text


def write_fact_base(
    directory: Path,
    files: dict[str, str] | None = None,
    *,
    source: str | None = SOURCE_YAML,
    lexicon: str | None = None,
) -> Path:
    """Write a fact base: ``source.yaml``, optional ``lexicon.yaml`` and the given fact files."""
    directory.mkdir(parents=True, exist_ok=True)
    if source is not None:
        (directory / "source.yaml").write_text(source, encoding="utf-8")
    if lexicon is not None:
        (directory / "lexicon.yaml").write_text(lexicon, encoding="utf-8")
    for name, text in (files if files is not None else {"facts.yaml": fact_yaml()}).items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the ``occurrence``-th line containing ``needle``."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found")
