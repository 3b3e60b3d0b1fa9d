"""The vocabulary lint behind ``perezbot check``: contradictions and dead forms are reported."""

from __future__ import annotations

from pathlib import Path

from bot.core.facts import load_facts
from bot.core.lexicon_lint import lint_vocabulary
from tests.coredata import SHIPPED_FACTS, fact_yaml, write_fact_base

LEXICON = """\
stopwords:
  en: [the, when, quit]
concepts:
  retire: [retire, quit, hang up, retire]
  leave: [leave, hang up]
"""


def test_the_shipped_vocabulary_is_clean() -> None:
    assert lint_vocabulary(load_facts(SHIPPED_FACTS)) == []


def test_each_kind_of_problem_is_reported(tmp_path: Path) -> None:
    fact = fact_yaml(q_en="when did he retire").replace(
        "- when did he retire\n", "- when did he retire\n      - When did he retire?\n"
    )
    fact = fact.replace("keywords: [retired]", "keywords: [retired, Retired]")
    base = load_facts(write_fact_base(tmp_path / "facts", {"f.yaml": fact}, lexicon=LEXICON))
    messages = "\n".join(p.message for p in lint_vocabulary(base))
    assert "form 'retire' is listed twice" in messages
    assert "form 'hang up' is under two concepts: 'retire' and 'leave'" in messages
    assert "form 'quit' is a stop word" in messages
    assert "phrasing 'When did he retire?' (en) twice" in messages
    assert "keyword 'Retired' twice" in messages
