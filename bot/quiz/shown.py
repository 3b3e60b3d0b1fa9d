"""The daily-posts tie-in: which facts a server has already been shown ("learn, then test").

The quiz asks about those facts first. It depends only on this small contract, not on the posts
feature: any ``f(conn, guild_id) -> frozenset of fact ids`` will do; :func:`none_shown` (the
default) says nothing has been shown, and the quiz then picks from every fact.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

__all__ = ["ShownFacts", "none_shown"]


class ShownFacts(Protocol):
    """Fact ids the server ``guild_id`` has been shown (by daily posts, say)."""

    def __call__(self, conn: sqlite3.Connection, guild_id: int, /) -> frozenset[str]: ...


def none_shown(conn: sqlite3.Connection, guild_id: int, /) -> frozenset[str]:
    """No daily posts known: no preference."""
    return frozenset()
