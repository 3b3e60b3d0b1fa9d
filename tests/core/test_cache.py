"""The engine cache: reused when nothing changed, rebuilt when a fact file changes, never fatal."""

from __future__ import annotations

from pathlib import Path

from bot.core.cache import cache_key
from bot.core.engine import Engine
from tests.coredata import fact_yaml, write_fact_base


def test_a_cached_engine_answers_like_a_built_one_and_a_fact_change_rebuilds(tmp_path: Path) -> None:
    facts = write_fact_base(tmp_path / "facts")
    cache = tmp_path / "cache"
    built = Engine.load(facts, cache_dir=cache)
    files = list(cache.glob("engine-*.pickle"))
    assert len(files) == 1
    cached = Engine.load(facts, cache_dir=cache)
    assert cached.ask("when did he retire")[0].fact == built.ask("when did he retire")[0].fact
    before = cache_key(facts)
    (facts / "facts.yaml").write_text(fact_yaml(q_en="when did he quit racing"), encoding="utf-8")
    assert cache_key(facts) != before
    Engine.load(facts, cache_dir=cache)
    assert [p.name for p in cache.glob("engine-*.pickle")] != [p.name for p in files]  # the stale one is gone


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    facts = write_fact_base(tmp_path / "facts")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"engine-{cache_key(facts)}.pickle").write_bytes(b"not a pickle")
    result, _ = Engine.load(facts, cache_dir=cache).ask("when did he retire")
    assert result.fact is not None and result.fact.id == "sample-fact"
