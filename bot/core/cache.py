"""A built engine, cached on disk: ``perezbot ask`` starts without rebuilding the index.

The cache file is keyed by a hash of the fact base's files, the matcher's code and data files and
the Python version, so any change to any of them builds afresh. It lives in a directory the caller
gives (the CLI uses ``DATA_DIR/cache``, else the per-user :func:`user_cache_dir`) — never the
working directory — and is written atomically; an unreadable or stale file is ignored and replaced.
Only perezbot writes it: it is a pickle, so the directory must not be writable by anyone the bot
does not trust (same as its database; the per-user one is created private).

Loading must be cheap, since it is most of a cold start: the key comes from the files' stat stamps
when they match the last hashed ones (:func:`current_key`), and the general-language word ranks
(140,000 words, 50 ms to rebuild as a dict) are stored as one string and looked up in it
(:class:`Ranks`). The values of :func:`bot.core.kept.kept` functions (the word tables and the
core's string catalog, read from YAML) are stored ahead of the engine and restored before the engine's modules
import, so a cached start never imports the YAML parser (a tenth of a cold start).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypeVar

from bot.core.kept import kept_values, restore

__all__ = ["KEEP", "SETTLED", "Ranks", "cache_key", "cached", "current_key", "user_cache_dir"]

_CODE = Path(__file__).resolve().parent  # bot/core: the matcher's code and its data files
SETTLED = 2  # seconds since an input's last change before its stamp is trusted (see current_key)
KEEP = 4  # cache files kept in one directory (checkouts sharing the per-user cache don't evict each other)
T = TypeVar("T")


def _scan(facts_dir: Path) -> list[os.DirEntry[str]]:
    """The files the engine is built from: the fact files, ``bot/core``'s code, its data and its
    strings; each directory sorted by name. One directory listing each (``os.scandir``), and an
    entry keeps its ``stat`` for :func:`_stamp`: no second system call per file."""
    found: list[os.DirEntry[str]] = []
    for root, suffix in ((facts_dir, ".yaml"), (_CODE, ".py"), (_CODE / "data", ""), (_CODE / "strings", ".yaml")):
        try:
            with os.scandir(root) as listing:
                files = [entry for entry in listing if entry.name.endswith(suffix) and entry.is_file()]
        except OSError:  # a missing directory holds no input
            continue
        found.extend(sorted(files, key=lambda entry: entry.name))
    return found


def _inputs(facts_dir: Path) -> list[Path]:
    """The paths of :func:`_scan`."""
    return [Path(entry.path) for entry in _scan(facts_dir)]


def cache_key(facts_dir: Path) -> str:
    """A hash of every fact file, every file of ``bot/core`` (code, data and strings) and the Python
    version."""
    import hashlib  # only when the stamp below does not vouch for the files (see current_key)

    digest = hashlib.sha256(sys.version.encode())
    for path in _inputs(facts_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _stamp(facts_dir: Path) -> tuple[str, int]:
    """The inputs' identities (path, size, modification and change times, inode) and the newest
    change time. ``ctime`` changes with every write and cannot be set back, unlike ``mtime``."""
    lines, newest = [sys.version], 0
    for entry in _scan(facts_dir.resolve()):
        st = entry.stat()
        lines.append(f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino} {entry.path}")
        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
    return "\n".join(lines), newest


def current_key(facts_dir: Path, cache_dir: Path) -> str:
    """:func:`cache_key`, without reading every file when none changed since it was last computed.

    ``cache_dir/stamp`` holds the last key and the :func:`_stamp` it was computed for; the same
    stamp means the same files (like git's index). A stamp is recorded only when every input is
    at least :data:`SETTLED` seconds old, so a file written twice within one clock tick, its size
    unchanged, is still re-read. Any problem with the stamp file just hashes the contents.
    """
    stamp, newest = _stamp(facts_dir)
    index = cache_dir / "stamp"
    with contextlib.suppress(OSError, ValueError, UnicodeError):
        key, recorded = index.read_text(encoding="utf-8").split("\n", 1)
        if recorded == stamp:
            return key
    key = cache_key(facts_dir)
    if time.time_ns() - newest > SETTLED * 1_000_000_000:
        with contextlib.suppress(OSError):
            cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp = cache_dir / f".stamp-{os.getpid()}.tmp"
            tmp.write_text(f"{key}\n{stamp}", encoding="utf-8")
            os.replace(tmp, index)
    return key


def user_cache_dir(env: Mapping[str, str]) -> Path | None:
    """The per-user cache: ``$XDG_CACHE_HOME/perezbot``, else ``~/.cache/perezbot`` (from ``env``,
    so tests and callers decide). None when neither is set as an absolute path: no cache, rather
    than one in the working directory."""
    xdg = env.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "perezbot"
    home = env.get("HOME", "")
    if home and Path(home).is_absolute():
        return Path(home) / ".cache" / "perezbot"
    return None


class Ranks(Mapping[str, int]):
    """A read-only ``word → rank`` table kept as one ``"\\nword\\trank\\n…"`` string, sorted by word.

    Unpickling a string is a copy; unpickling the same table as a dict builds 140,000 entries. A
    question looks up a few dozen words, each a binary search in the string (memoised: a word
    the table lacks costs 17 probes, not a scan of its 2 MB); after :attr:`LIMIT` distinct words
    (a batch run) the dict is built once and used from then on.
    """

    LIMIT = 256
    __slots__ = ("_blob", "_full", "_limit", "_seen")

    def __init__(self, blob: str, limit: int = LIMIT) -> None:
        self._blob = blob
        self._limit = limit
        self._seen: dict[str, int | None] = {}
        self._full: dict[str, int] | None = None

    @staticmethod
    def pack(table: Mapping[str, int]) -> str:
        """``table`` as the string a :class:`Ranks` reads: its lines sorted by word (words without
        whitespace, as split from a word list)."""
        if any(not word or word != "".join(word.split()) for word in table):
            raise ValueError("a word with whitespace cannot be packed")
        return "\n" + "".join(f"{word}\t{int(table[word])}\n" for word in sorted(table))

    def _search(self, word: str) -> int | None:
        """Binary search over the lines: ``lo`` is always the ``\\n`` opening a line not yet ruled
        out, ``hi`` the one after the last such line."""
        blob = self._blob
        lo, hi = 0, len(blob) - 1
        while lo < hi:
            line = blob.rfind("\n", lo, (lo + hi) // 2 + 1)  # the line around the middle (blob[lo] is "\n")
            tab = blob.index("\t", line)
            key = blob[line + 1 : tab]
            if key == word:
                return int(blob[tab + 1 : blob.index("\n", tab)])
            if key < word:
                lo = blob.index("\n", tab)
            else:
                hi = line
        return None

    def _find(self, word: str) -> int | None:
        if self._full is not None:
            return self._full.get(word)
        if word in self._seen:
            return self._seen[word]
        rank = self._search(word) if word and word == "".join(word.split()) else None  # no packed word has whitespace
        self._seen[word] = rank
        if len(self._seen) > self._limit:
            self._materialise()
        return rank

    def _materialise(self) -> dict[str, int]:
        if self._full is None:
            lines = (line.split("\t") for line in self._blob.split("\n") if line)
            self._full = {word: int(rank) for word, rank in lines}
            self._seen.clear()
        return self._full

    def __getitem__(self, word: str) -> int:
        rank = self._find(word)
        if rank is None:
            raise KeyError(word)
        return rank

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) is not None

    def get(self, word: str, default: Any = None) -> Any:  # Mapping.get without raising a KeyError
        rank = self._find(word) if isinstance(word, str) else None
        return default if rank is None else rank

    def __iter__(self) -> Iterator[str]:
        return iter(self._materialise())

    def __len__(self) -> int:
        return len(self._materialise())

    def __reduce__(self) -> tuple[Any, ...]:
        return (Ranks, (self._blob,))


def _big_tables() -> tuple[Mapping[str, int], ...]:
    """The tables worth packing: the general-language word ranks the analyzer holds."""
    from bot.core.wordlists import word_ranks

    return (word_ranks(),)


class _Pickler(pickle.Pickler):
    """Stores each big table once, packed as a :class:`Ranks` string."""

    def __init__(self, file: IO[bytes]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._tables = {id(table): table for table in _big_tables()}
        self._packed: set[int] = set()

    def persistent_id(self, obj: object) -> object:
        key = id(obj)
        if key not in self._tables:
            return None
        if key in self._packed:
            return ("ranks", key)
        self._packed.add(key)
        return ("ranks", key, Ranks.pack(self._tables[key]))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: IO[bytes]) -> None:
        super().__init__(file)
        self._tables: dict[int, Ranks] = {}

    def persistent_load(self, pid: Any) -> object:
        if not (isinstance(pid, tuple) and pid and pid[0] == "ranks"):
            raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")
        if len(pid) == 3:
            self._tables[pid[1]] = Ranks(pid[2])
        return self._tables[pid[1]]


def cached(facts_dir: Path, cache_dir: Path, build: Callable[[], T]) -> T:
    """The engine for ``facts_dir`` from ``cache_dir`` if it is there and current, else ``build()``
    (and keep it for next time). Never fails because of the cache: any problem just builds."""
    try:
        path = cache_dir / f"engine-{current_key(facts_dir, cache_dir)}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as fh:
            loaded: T = _load(fh)
        os.utime(path)  # recently used: kept when the directory is pruned
        return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, KeyError):
        pass
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError, ValueError):
        _store(value, cache_dir, path)
    return value


def _load(fh: IO[bytes]) -> Any:
    """Unpickle (written by perezbot itself: see the module docstring) with the cyclic garbage
    collector paused: the engine is tens of thousands of new objects and none of them is garbage.

    The file holds two pickles: the :mod:`bot.core.kept` values, restored first, then the engine, whose
    classes import the modules that use those values at import time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        values = pickle.load(fh)
        if not isinstance(values, dict):
            raise pickle.UnpicklingError("no kept values ahead of the engine")
        restore(values)
        return _Unpickler(fh).load()
    finally:
        if enabled:
            gc.enable()


def _store(value: object, cache_dir: Path, path: Path) -> None:
    """Write ``value`` to ``path`` atomically, keeping the :data:`KEEP` most recently used files."""
    import tempfile  # only when building: not on the cold start's path

    cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".engine-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(kept_values(), fh, protocol=pickle.HIGHEST_PROTOCOL)
            _Pickler(fh).dump(value)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    others = sorted(
        (p for p in cache_dir.glob("engine-*.pickle") if p != path), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in others[KEEP - 1 :]:
        old.unlink(missing_ok=True)
