"""The quiz's pure modules never import discord: only the cog and its views do."""

from __future__ import annotations

import pytest

from tests.coredata import REPO
from tests.test_architecture import imported_modules, is_forbidden

QUIZ = REPO / "bot" / "quiz"
DISCORD_SIDE = {"cog.py", "views.py"}
PURE = sorted(p for p in QUIZ.glob("*.py") if p.name not in DISCORD_SIDE)


def test_the_quiz_has_its_parts():
    assert {p.stem for p in PURE} >= {"items", "picking", "scoring", "rounds", "strings", "storage", "shown"}


@pytest.mark.parametrize("path", PURE, ids=lambda p: p.name)
def test_pure_quiz_module_never_imports_discord(path):
    bad = sorted(m for m in imported_modules(path) if is_forbidden(m) or m.startswith("bot.quiz.cog"))
    assert bad == [], f"{path.name} imports {bad}"
