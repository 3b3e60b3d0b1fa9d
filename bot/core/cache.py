"""A built engine, cached on disk: ``perezbot ask`` starts without rebuilding the index.

The cache file is keyed by a hash of the fact base's files, the matcher's code and data files and
the Python version, so any change to any of them builds afresh. It lives in a directory the caller
gives (the CLI uses ``DATA_DIR/cache``) — never the working directory — and is written atomically;
an unreadable or stale file is ignored and replaced. Only perezbot writes it: it is a pickle, so the
directory must not be writable by anyone the bot does not trust (same as its database).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_key", "cached"]

_CODE = Path(__file__).resolve().parent  # bot/core: the matcher's code and its data files
T = TypeVar("T")


def cache_key(facts_dir: Path) -> str:
    """A hash of every fact file, every file of ``bot/core`` (code and data) and the Python version."""
    digest = hashlib.sha256(sys.version.encode())
    roots = [(facts_dir, "*.yaml"), (_CODE, "*.py"), (_CODE / "data", "*")]
    for root, pattern in roots:
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def cached(facts_dir: Path, cache_dir: Path, build: Callable[[], T]) -> T:
    """The engine for ``facts_dir`` from ``cache_dir`` if it is there and current, else ``build()``
    (and keep it for next time). Never fails because of the cache: any problem just builds."""
    try:
        path = cache_dir / f"engine-{cache_key(facts_dir)}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as fh:
            loaded: T = pickle.load(fh)  # written by perezbot itself: see the module docstring
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("engine-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".engine-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
