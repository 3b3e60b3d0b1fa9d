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


# --- feature packages: cogs never import cogs, and no module imports itself round a cycle ----------

BOT = REPO / "bot"


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(BOT.rglob("*.py"))}


def defines_cog(path: Path) -> bool:
    """A module with a class deriving from ``commands.Cog`` (or ``Cog``)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                name = base.attr if isinstance(base, ast.Attribute) else base.id if isinstance(base, ast.Name) else ""
                if name == "Cog":
                    return True
    return False


COGS = {name for name, path in MODULES.items() if defines_cog(path)}


def runtime_imports(path: Path) -> set[str]:
    """``bot.*`` modules a module imports at run time, anywhere (a lazy import inside a function
    hides a cycle, it does not remove it); imports under ``if TYPE_CHECKING:`` do not count."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            else:
                for field in ("body", "orelse", "finalbody", "handlers"):
                    visit([n for n in getattr(node, field, []) if isinstance(n, ast.stmt | ast.excepthandler)])

    visit(tree.body)
    return {m for m in found if m in MODULES}


def test_cogs_are_found() -> None:
    assert {"bot.ask.cog", "bot.browse.cog", "bot.info.cog", "bot.admin.cog"} <= COGS


@pytest.mark.parametrize("cog", sorted(COGS))
def test_no_cog_imports_another_cog(cog: str) -> None:
    others = sorted((imported_modules(MODULES[cog]) & COGS) - {cog})
    assert others == [], f"{cog} imports the cog module(s) {others}: move what they share to bot.discord.common"


def test_no_import_cycles() -> None:
    graph = {name: runtime_imports(path) - {name} for name, path in MODULES.items()}
    done: set[str] = set()

    def walk(name: str, stack: list[str]) -> None:
        if name in stack:
            cycle = [*stack[stack.index(name) :], name]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for imported in sorted(graph[name]):
            walk(imported, [*stack, name])
        done.add(name)

    for name in sorted(graph):
        walk(name, [])


def test_the_cycle_checker_sees_a_cycle(tmp_path: Path) -> None:
    sample = tmp_path / "a.py"
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import bot.discord.client\n", "utf-8")
    assert runtime_imports(sample) == set()
    sample.write_text("def f():\n    import bot.discord.client\n", "utf-8")
    assert runtime_imports(sample) == {"bot.discord.client"}


def test_no_type_ignore_comments_in_the_bot() -> None:
    """mypy checks every line of ``bot/``: a value it cannot see is typed (a cast in one helper, a
    subclass), never silenced."""
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted(BOT.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "type: ignore" in line
    ]
    assert found == []
