"""Where ``perezbot ask`` keeps its built index: DATA_DIR/cache in a deployment, else the per-user
cache (never the working directory), reused on the next start."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import facts
from tests.cli.clirun import run
from tests.coredata import NO_DOTENV, REPO


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the index was built although a current cache was there")

    monkeypatch.setattr(facts, "load_facts", refuse)  # what building an engine starts with


def test_a_bare_checkout_caches_under_xdg_cache_home_and_reuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}
    first = run("ask", "when did he retire", env=env)
    assert first.status == 0 and "29 September 2008" in first.out
    assert len(list((tmp_path / "xdg" / "perezbot").glob("engine-*.pickle"))) == 1
    assert not (tmp_path / "home").exists() and list(Path.cwd().iterdir()) == []
    _no_building(monkeypatch)
    again = run("ask", "when did he retire", env=env)
    assert again.status == 0 and again.out == first.out


def test_without_xdg_cache_home_the_cache_is_under_home(tmp_path: Path) -> None:
    got = run("ask", "when did he retire", env={"HOME": str(tmp_path / "home")})
    assert got.status == 0
    assert len(list((tmp_path / "home" / ".cache" / "perezbot").glob("engine-*.pickle"))) == 1


def test_a_deployment_caches_in_its_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    env = {"DATA_DIR": str(data), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    assert run("ask", "when did he retire", env=env).status == 0
    assert len(list((data / "cache").glob("engine-*.pickle"))) == 1 and not (tmp_path / "xdg").exists()
    _no_building(monkeypatch)
    assert "29 September 2008" in run("ask", "when did he retire", env=env).out


def test_with_no_home_and_no_cache_dir_nothing_is_written(tmp_path: Path) -> None:
    got = run("ask", "when did he retire", env={})
    assert got.status == 0 and "29 September 2008" in got.out
    assert list(Path.cwd().iterdir()) == []


# A cached `perezbot ask` in a fresh interpreter: which modules did it import?
_FRESH_ASK = """
import gc, io, json, sys
from bot.cli import main
out = io.StringIO()
status = main(["ask", "when did he retire"], stdout=out, env=json.loads(sys.argv[1]), whole_process=True)
done = {"status": status, "out": out.getvalue(), "modules": sorted(sys.modules), "frozen": gc.get_freeze_count()}
print(json.dumps(done))
"""


def test_a_cached_ask_reads_no_yaml_and_answers_like_the_build(tmp_path: Path) -> None:
    """The word tables and strings come with the cached engine (bot.core.kept): the YAML parser,
    a tenth of a cold start, is never imported; nor is the time-zone database."""
    env = {**NO_DOTENV, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}
    built = run("ask", "when did he retire", env=env)
    assert built.status == 0 and list((tmp_path / "xdg" / "perezbot").glob("engine-*.pickle"))
    done = subprocess.run(
        [sys.executable, "-c", _FRESH_ASK, json.dumps(env)], cwd=REPO, capture_output=True, text=True, check=True
    )
    fresh = json.loads(done.stdout)
    assert fresh["status"] == 0 and fresh["out"] == built.out
    imported = set(fresh["modules"])
    assert "bot.core.matcher" in imported  # it did load the engine
    assert not {"yaml", "zoneinfo"} & imported
    assert fresh["frozen"] > 1000  # the engine is left out of garbage collection: it lives until exit


def test_an_ask_inside_a_process_that_goes_on_leaves_garbage_collection_alone(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}
    before = gc.get_freeze_count()
    for _ in range(2):  # building, then from the cache
        assert run("ask", "when did he retire", env=env).status == 0
        assert gc.get_freeze_count() == before
