"""``bot/core`` is pure: no module in it imports discord (checked on the syntax tree, not by grep)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.coredata import REPO

CORE = REPO / "bot" / "core"
FORBIDDEN = ("discord",)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports: import / from-import statements and literal dynamic imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                found.add(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("__import__", "import_module") and node.args and isinstance(node.args[0], ast.Constant):
                found.add(str(node.args[0].value))
    return found


def is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN) or module.startswith(
        "bot.discord"
    )


CORE_FILES = sorted(CORE.rglob("*.py"))


def test_core_has_modules() -> None:
    assert {p.stem for p in CORE_FILES} >= {"facts", "text", "matcher", "engine", "render"}


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_core_module_never_imports_discord(path: Path) -> None:
    bad = sorted(m for m in imported_modules(path) if is_forbidden(m))
    assert bad == [], f"{path.relative_to(REPO)} imports {bad}"


def test_the_checker_sees_every_kind_of_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import discord\nimport discord.ext.commands as c\nfrom discord import Embed\n"
        "import importlib\nimportlib.import_module('discord.ui')\n__import__('discord')\n"
        "def f():\n    from bot.discord import embeds\n",
        encoding="utf-8",
    )
    modules = imported_modules(sample)
    assert {"discord", "discord.ext.commands", "discord.ui", "bot.discord"} <= modules
    assert all(is_forbidden(m) for m in modules - {"importlib"})
