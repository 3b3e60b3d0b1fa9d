"""The daily-posts tie-in: which facts a server has already been shown ("learn, then test").

The quiz asks about those facts first. The cog depends only on the small contract
:class:`ShownFacts` (any ``f(conn, guild_id) -> frozenset of fact ids``); by default it is
:func:`shown_by_daily_posts`, which reads the posts' ledger (``bot/posts/ledger.py``).
:func:`none_shown` says nothing has been shown: the quiz then picks from every fact.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

from bot.posts import ledger

__all__ = ["ShownFacts", "none_shown", "shown_by_daily_posts"]


class ShownFacts(Protocol):
    """Fact ids the server ``guild_id`` has been shown (by daily posts, say)."""

    def __call__(self, conn: sqlite3.Connection, guild_id: int, /) -> frozenset[str]: ...


def none_shown(conn: sqlite3.Connection, guild_id: int, /) -> frozenset[str]:
    """No daily posts known: no preference."""
    return frozenset()


def shown_by_daily_posts(conn: sqlite3.Connection, guild_id: int, /) -> frozenset[str]:
    """The facts this server's daily posts have shown: posted (not merely claimed, skipped or missed)."""
    return frozenset(
        entry.fact_id for entry in ledger.entries(conn, guild_id) if entry.state == "posted" and entry.fact_id
    )
