"""The engine cache: reused when nothing changed, rebuilt when a fact file changes, never fatal."""

from __future__ import annotations

import io
import os
import pickle
import sys
import time
from pathlib import Path

import pytest

from bot.core import cache
from bot.core.cache import KEEP, Ranks, cache_key, current_key, user_cache_dir
from bot.core.engine import Engine
from bot.core.wordlists import word_ranks
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


# ---------------------------------------------------------------------------------------------- what is cached


def _packed_tables(engine: Engine) -> list[Ranks]:
    """Every :class:`Ranks` reachable from ``engine`` (found by walking it as pickle does)."""
    found: list[Ranks] = []
    model_index = getattr(engine.matcher.ngram_model, "index", None)

    class Spy(pickle.Pickler):
        def persistent_id(self, obj: object) -> str | None:
            if isinstance(obj, Ranks) and obj is not model_index:  # the n-gram model keeps its own
                found.append(obj)
                return "ranks"
            return None

    Spy(io.BytesIO()).dump(engine)
    return found


def test_the_cached_engine_keeps_the_word_ranks_packed_and_they_answer_like_the_dict(tmp_path: Path) -> None:
    facts = write_fact_base(tmp_path / "facts")
    built = Engine.load(facts, cache_dir=tmp_path / "cache")
    assert _packed_tables(built) == []  # a built engine holds the plain dict
    loaded = Engine.load(facts, cache_dir=tmp_path / "cache")
    tables = _packed_tables(loaded)
    assert tables and all(table is tables[0] for table in tables)  # one table, packed once
    ranks, table = tables[0], word_ranks()
    for word in ("the", "retired", "walking", "caminata", "zzzzqx", "", "re tired", "the\t1"):
        assert ranks.get(word, -1) == table.get(word, -1)
        assert (word in ranks) == (word in table)


@pytest.mark.parametrize("limit", [2, 1000])
def test_ranks_behave_as_a_read_only_mapping_before_and_after_building_the_dict(limit: int) -> None:
    table = {"the": 1, "of": 2, "walk": 900, "caminar": 1200}
    ranks = Ranks(Ranks.pack(table), limit=limit)
    for word in ["walk", "nope", "of", "caminar", "the", "nope", "wal", "alk", "he"]:
        assert ranks.get(word) == table.get(word)
        assert (word in ranks) == (word in table)
        if word in table:
            assert ranks[word] == table[word]
        else:
            with pytest.raises(KeyError):
                ranks[word]
    assert dict(ranks) == table and len(ranks) == len(table)
    assert pickle.loads(pickle.dumps(ranks)).get("walk") == 900
    with pytest.raises(ValueError):
        Ranks.pack({"two words": 1})


@pytest.mark.parametrize(
    "table",
    [
        {},
        {"walk": 3},
        {"walk": 3, "walker": 9, "walks": 5, "wal": 40, "a": 1, "zz": 7, "ñandú": 80, "año": 12},
        {f"w{n:03d}": n for n in range(1, 300)},  # many lines: every probe path of the search
    ],
    ids=["empty", "one", "prefixes", "many"],
)
def test_a_packed_table_finds_each_word_and_nothing_else(table: dict[str, int]) -> None:
    ranks = Ranks(Ranks.pack(table), limit=10**6)
    near = {w[:-1] for w in table} | {w + "a" for w in table} | {w + "\x00" for w in table}
    for word in [*table, *near, "", "0", "~", "zzz", "\t", "a\tb"]:
        assert ranks.get(word) == table.get(word), word
    assert dict(ranks) == table


# ---------------------------------------------------------------------------------------------- what invalidates it


def test_a_change_of_code_or_python_version_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    facts = write_fact_base(tmp_path / "facts")
    code = tmp_path / "core"
    (code / "data").mkdir(parents=True)
    (code / "matcher.py").write_text("THRESHOLD = 0.5\n", encoding="utf-8")
    (code / "data" / "words.txt").write_text("walk\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_CODE", code)
    keys = {cache_key(facts)}
    (code / "matcher.py").write_text("THRESHOLD = 0.6\n", encoding="utf-8")
    keys.add(cache_key(facts))
    (code / "data" / "words.txt").write_text("walks\n", encoding="utf-8")
    keys.add(cache_key(facts))
    (code / "scoring.py").write_text("", encoding="utf-8")
    keys.add(cache_key(facts))
    (code / "strings").mkdir()  # the core's string catalog is kept with the engine (bot.core.kept)
    (code / "strings" / "en.yaml").write_text("words: {}\n", encoding="utf-8")
    keys.add(cache_key(facts))
    monkeypatch.setattr(sys, "version", "3.99.0 (imaginary)")
    keys.add(cache_key(facts))
    (facts / "more.yaml").write_text(fact_yaml("another-fact", q_en="where was he born"), encoding="utf-8")
    keys.add(cache_key(facts))
    assert len(keys) == 7


def test_an_edited_fact_file_is_answered_from_the_new_text_not_the_cache(tmp_path: Path) -> None:
    facts = write_fact_base(tmp_path / "facts")
    cache_dir = tmp_path / "cache"
    assert "29 September 2008" in Engine.load(facts, cache_dir=cache_dir).ask("when did he retire")[1].as_text()
    edited = fact_yaml().replace("He retired on 29 September 2008.", "He retired on 30 September 2008.")
    (facts / "facts.yaml").write_text(edited, encoding="utf-8")
    assert "30 September 2008" in Engine.load(facts, cache_dir=cache_dir).ask("when did he retire")[1].as_text()


def test_a_directory_keeps_only_the_most_recent_cache_files(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    for n in range(KEEP + 2):
        facts = write_fact_base(tmp_path / f"facts{n}", {"facts.yaml": fact_yaml(q_en=f"when did he retire {n}")})
        Engine.load(facts, cache_dir=cache_dir)
    assert len(list(cache_dir.glob("engine-*.pickle"))) == KEEP
    assert not list(cache_dir.glob(".engine-*"))  # no temporary file left behind


def test_an_unwritable_cache_still_answers(tmp_path: Path) -> None:
    facts = write_fact_base(tmp_path / "facts")
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result, _ = Engine.load(facts, cache_dir=blocker / "cache").ask("when did he retire")
    assert result.fact is not None and result.fact.id == "sample-fact"


# ---------------------------------------------------------------------------------------------- where it lives


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"}, Path("/x/cache/perezbot")),
        ({"XDG_CACHE_HOME": "relative/cache", "HOME": "/home/u"}, Path("/home/u/.cache/perezbot")),
        ({"HOME": "/home/u"}, Path("/home/u/.cache/perezbot")),
        ({"HOME": "relative"}, None),
        ({}, None),
    ],
)
def test_the_user_cache_dir_is_never_the_working_directory(env: dict[str, str], expected: Path | None) -> None:
    assert user_cache_dir(env) == expected


# ---------------------------------------------------------------------------------------------- the stamp


def _age(folder: Path, seconds: int = 60) -> None:
    """Make every file of ``folder`` look ``seconds`` old (as a checkout's files usually are)."""
    past = time.time_ns() - seconds * 1_000_000_000
    for path in folder.iterdir():
        os.utime(path, ns=(past, past))


@pytest.fixture
def settled_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for ``bot/core`` whose files are a minute old (the real ones may be fresher); the
    files' change times (set to now by any write or utime) count as settled at once."""
    code = tmp_path / "core"
    (code / "data").mkdir(parents=True)
    (code / "matcher.py").write_text("THRESHOLD = 0.5\n", encoding="utf-8")
    (code / "data" / "words.txt").write_text("walk\n", encoding="utf-8")
    _age(code)
    _age(code / "data")
    monkeypatch.setattr(cache, "_CODE", code)
    monkeypatch.setattr(cache, "SETTLED", 0)
    return code


@pytest.mark.usefixtures("settled_code")
def test_settled_files_are_not_reread_while_their_stamp_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    facts = write_fact_base(tmp_path / "facts")
    _age(facts)
    cache_dir = tmp_path / "cache"
    key = current_key(facts, cache_dir)
    assert key == cache_key(facts) and (cache_dir / "stamp").is_file()

    def no_hashing(_: Path) -> str:
        raise AssertionError("the contents were hashed although no file changed")

    monkeypatch.setattr(cache, "cache_key", no_hashing)
    assert current_key(facts, cache_dir) == key


@pytest.mark.usefixtures("settled_code")
def test_a_same_size_edit_with_its_old_mtime_put_back_is_still_seen(tmp_path: Path) -> None:
    facts = write_fact_base(tmp_path / "facts")
    _age(facts)
    cache_dir = tmp_path / "cache"
    before = current_key(facts, cache_dir)
    path = facts / "facts.yaml"
    st = path.stat()
    time.sleep(0.05)  # past the file system's clock tick, so the edit's change time differs
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("29 September 2008", "28 September 2008"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime: only ctime tells
    assert path.stat().st_size == st.st_size
    after = current_key(facts, cache_dir)
    assert after != before and after == cache_key(facts)


def test_files_changed_a_moment_ago_are_hashed_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    facts = write_fact_base(tmp_path / "facts")  # just written: not settled
    cache_dir = tmp_path / "cache"
    assert current_key(facts, cache_dir) == cache_key(facts)
    assert not (cache_dir / "stamp").exists()
    calls: list[Path] = []
    real = cache.cache_key
    monkeypatch.setattr(cache, "cache_key", lambda d: calls.append(d) or real(d))
    current_key(facts, cache_dir)
    assert calls == [facts]


@pytest.mark.usefixtures("settled_code")
def test_a_garbled_stamp_file_is_ignored(tmp_path: Path) -> None:
    facts = write_fact_base(tmp_path / "facts")
    _age(facts)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "stamp").write_bytes(b"\xff\xfe not a stamp")
    assert current_key(facts, cache_dir) == cache_key(facts)
