"""A plain install works: sdist → wheel → a fresh virtual environment answers from the shipped facts.

Built offline with the project environment's setuptools (``--no-build-isolation``, ``--no-index``),
from a copy of the sources in ``tmp_path`` so the checkout gets no ``build/`` or ``*.egg-info``.
The new environment sees the project's installed dependencies through a ``.pth`` line, and perezbot
only from the wheel: a fact base resolved next to the sources would not be found there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.coredata import REPO

SOURCES = ("pyproject.toml", "setup.py", "README.md", "bot", "facts")


def sh(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{argv}: {done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from the sdist (so the sdist is proved complete too)."""
    work = tmp_path_factory.mktemp("build")
    src = work / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=ignore)
        else:
            shutil.copy2(path, src / name)
    build = "from setuptools import build_meta as b; import sys; print(getattr(b, sys.argv[1])(sys.argv[2]))"
    sdist = src / "dist" / sh(sys.executable, "-c", build, "build_sdist", "dist", cwd=src).stdout.splitlines()[-1]
    with tarfile.open(sdist) as archive:
        archive.extractall(work / "sdist", filter="data")
    (unpacked,) = (work / "sdist").iterdir()
    name = sh(sys.executable, "-c", build, "build_wheel", str(work / "wheel"), cwd=unpacked).stdout.splitlines()[-1]
    return work / "wheel" / name


def test_the_wheel_carries_the_fact_base(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in sorted((REPO / "facts").rglob("*.yaml")):
        assert f"bot/facts/{path.relative_to(REPO / 'facts').as_posix()}" in names
    assert "bot/core/data/words-en.txt.gz" in names
    assert "bot/core/data/thesaurus-en.txt.gz" in names
    assert "bot/core/data/ngrams.bin" in names  # without it the matcher decides alone, silently
    assert "bot/core/data/WORDNET-LICENSE.txt" in names  # WordNet's licence travels with the table
    assert not any(name.startswith(("facts/", "tests/")) for name in names)


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("venv")
    sh(sys.executable, "-m", "venv", "--without-pip", root, cwd=root)
    python = root / "bin" / "python"
    purelib = sh(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root).stdout.strip()
    # Dependencies from the project environment (appended after the venv's own site-packages).
    Path(purelib, "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = (sys.executable, "-m", "pip", "--python", python)
    sh(*pip, "install", "--quiet", "--no-deps", "--no-index", wheel, cwd=root)
    return root


def venv_env(venv: Path, home: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR")}
    return {**keep, "PEREZBOT_DOTENV": str(home / "none.env"), "DATA_DIR": str(home / "data")}


def test_the_installed_perezbot_answers_and_checks_its_own_facts(venv: Path, tmp_path: Path) -> None:
    env = venv_env(venv, tmp_path)
    where = sh(venv / "bin" / "python", "-c", "import bot; print(bot.__file__)", cwd=tmp_path, env=env).stdout
    assert Path(where.strip()).is_relative_to(venv), "perezbot must come from the wheel, not the checkout"
    answer = sh(venv / "bin" / "perezbot", "ask", "when did he retire", cwd=tmp_path, env=env).stdout
    assert "29 September 2008" in answer
    check = sh(venv / "bin" / "perezbot", "check", cwd=tmp_path, env=env).stdout
    assert check.startswith("ok: ") and str(venv) in check  # the installed copy, not the checkout's facts/
    assert not (tmp_path / "data").exists()


def test_facts_dir_still_overrides_the_shipped_facts(venv: Path, tmp_path: Path) -> None:
    env = {**venv_env(venv, tmp_path), "FACTS_DIR": str(REPO / "facts")}
    check = sh(venv / "bin" / "perezbot", "check", cwd=tmp_path, env=env).stdout
    assert check.rstrip().endswith(f"in {REPO / 'facts'}")


def test_a_closed_pipe_ends_quietly(venv: Path, tmp_path: Path) -> None:
    """~600 kB of answers into `head -n 1`: far past a pipe's buffer, so perezbot meets the closed pipe."""
    perezbot = venv / "bin" / "perezbot"
    done = subprocess.run(
        ["bash", "-c", f"'{perezbot}' ask --json - | head -n 1; exit ${{PIPESTATUS[0]}}"],
        input="when did he retire\n" * 1000,
        cwd=tmp_path,
        env=venv_env(venv, tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.count("\n") == 1 and '"fact_id": "retirement-date"' in done.stdout
    assert done.stderr == ""  # no BrokenPipeError traceback, no "Exception ignored" at exit
    assert done.returncode == 141  # as a shell reports a process ended by SIGPIPE
