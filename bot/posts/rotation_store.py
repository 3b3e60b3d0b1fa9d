"""Each server's rotation in table ``daily_rotation``, and recording a post together with it.

Plain functions of a connection (run them with ``await store.run(fn, ...)``). A fact counts as
shown only once its post is recorded, in the same transaction, so a refused or interrupted send
never uses a fact up.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence

from bot.posts import ledger
from bot.posts.rotation import Rotation, fresh, show

__all__ = ["load_rotation", "record_post", "save_rotation"]


def load_rotation(conn: sqlite3.Connection, guild_id: int) -> Rotation:
    row = conn.execute("SELECT state FROM daily_rotation WHERE guild_id = ?", (guild_id,)).fetchone()
    return Rotation.from_json(row["state"]) if row else fresh(guild_id)


def save_rotation(conn: sqlite3.Connection, guild_id: int, rotation: Rotation, now: dt.datetime) -> None:
    conn.execute(
        """
        INSERT INTO daily_rotation (guild_id, state, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (guild_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
        """,
        (guild_id, rotation.to_json(), now.astimezone(dt.UTC).isoformat(timespec="seconds")),
    )


def record_post(
    conn: sqlite3.Connection, held: ledger.Claim, message_id: int, now: dt.datetime, fact_ids: Sequence[str]
) -> bool:
    """:func:`bot.posts.ledger.record`, and for a rotation fact, mark it shown — atomically."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        recorded = ledger.record(conn, held, message_id, now)
        if recorded and held.content == "fact" and held.fact_id is not None:
            rotation = load_rotation(conn, held.guild_id)
            save_rotation(conn, held.guild_id, show(rotation, fact_ids, held.fact_id), now)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return recorded
