"""The pure parts of ``bot/posts`` (schedule maths, rotation, content, strings, storage, the
scheduler) never import discord: they are tested with fixed clocks and fakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coredata import REPO
from tests.test_architecture import imported_modules, is_forbidden

POSTS = REPO / "bot" / "posts"
PURE = (
    "timing",
    "dates",
    "rotation",
    "content",
    "words",
    "ledger",
    "settings",
    "rotation_store",
    "scheduler",
    "present",
    "testclock",
)


@pytest.mark.parametrize("name", PURE)
def test_pure_module_never_imports_discord(name: str) -> None:
    path = POSTS / f"{name}.py"
    bad = sorted(m for m in imported_modules(path) if is_forbidden(m))
    assert bad == [], f"{path.relative_to(REPO)} imports {bad}"


def test_every_module_is_classified() -> None:
    discord_side = {"anniversary_cog", "daily_cog", "onthisday_cog", "ticker", "discord_poster", "admin"}
    found = {p.stem for p in POSTS.glob("*.py")} - {"__init__"}
    assert found == set(PURE) | discord_side, found ^ (set(PURE) | discord_side)


def test_the_core_no_longer_has_the_posts_modules() -> None:
    core = {p.stem for p in (REPO / "bot" / "core").glob("*.py")}
    assert not core & {"schedule", "calendar"}
    assert not list((REPO / "bot" / "anniversary").glob("*.py"))  # a stale __pycache__ may linger in a checkout
    assert not Path(REPO / "bot" / "store" / "ledger.py").exists()
