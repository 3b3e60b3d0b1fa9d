"""Every test runs in its own temporary working directory, so nothing lands in the checkout.

Settings default to ``DATA_DIR=data`` and ``.env`` in the working directory: in a checkout that is
also a deployment, that is the live database. Here they resolve inside ``tmp_path``, and a test
that still writes ``./data`` (or ``.env``) into the repository fails by name. ``HOME`` and
``XDG_CACHE_HOME`` point into ``tmp_path`` too (the engine cache of a bare checkout lives there),
so no test can reach the real per-user cache. (Comparing the real cache before and after each test
was tried and dropped: any other perezbot process on the machine, such as ``make run`` in another
clone, changed it and failed every test that followed.)
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from tests.coredata import REPO

# Hypothesis keeps an example database and caches in the working directory by default: no
# database, and the caches go to a temporary directory (below).
settings.register_profile("perezbot", database=None)
settings.load_profile("perezbot")
# Set at import, before any test module is collected (Hypothesis caches constants while collecting).
_HYPOTHESIS_HOME = Path(tempfile.mkdtemp(prefix="perezbot-hypothesis-"))
set_hypothesis_home_dir(_HYPOTHESIS_HOME)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_HYPOTHESIS_HOME, ignore_errors=True)


WATCHED = ("data", ".env", ".hypothesis")
_PRESENT_AT_START = {name for name in WATCHED if (REPO / name).exists()}


@pytest.fixture(autouse=True)
def _work_in_a_temporary_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    for key in ("DATA_DIR", "FACTS_DIR", "DISCORD_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("PEREZBOT_DOTENV", str(work / ".env"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    yield
    leaked = [name for name in WATCHED if name not in _PRESENT_AT_START and (REPO / name).exists()]
    assert not leaked, f"this test wrote {leaked} into the repository"
