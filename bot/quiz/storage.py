"""The quiz's tables: plain functions of a connection, run off the event loop by ``Store.run``.

``quiz_seen`` (who saw which item, when: fairness and the no-points-for-repeats rule),
``quiz_players`` (each server's records for the leaderboard) and ``quiz_rounds`` (channel rounds
in progress, so a restart can end them cleanly). Times are aware UTC datetimes, stored as ISO text.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bot.quiz.scoring import MIN_ANSWERS, PlayerStats, counts, rank

__all__ = [
    "OpenRound",
    "channel_player",
    "claim_round",
    "end_round",
    "leaderboard",
    "mark_seen",
    "open_rounds",
    "record_answers",
    "seen_by",
    "set_round_message",
    "user_player",
]


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction (joined if the caller already opened one): all of it or none of it."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def user_player(user_id: int) -> str:
    return f"u:{user_id}"


def channel_player(channel_id: int) -> str:
    return f"c:{channel_id}"


def seen_by(conn: sqlite3.Connection, player: str) -> dict[str, dt.datetime]:
    """Item id → when ``player`` last saw it."""
    rows = conn.execute("SELECT item_id, seen_at FROM quiz_seen WHERE player = ?", (player,))
    return {row[0]: dt.datetime.fromisoformat(row[1]) for row in rows}


def seen_many(conn: sqlite3.Connection, players: Iterable[str], item_id: str) -> dict[str, dt.datetime]:
    """Player → when they last saw ``item_id`` (players who never did are left out)."""
    players = list(players)
    if not players:
        return {}
    marks = ",".join("?" * len(players))
    rows = conn.execute(
        f"SELECT player, seen_at FROM quiz_seen WHERE item_id = ? AND player IN ({marks})", (item_id, *players)
    )
    return {row[0]: dt.datetime.fromisoformat(row[1]) for row in rows}


def mark_seen(conn: sqlite3.Connection, players: Iterable[str], item_id: str, at: dt.datetime) -> None:
    """Remember that ``players`` saw ``item_id`` at ``at``."""
    with _transaction(conn):
        conn.executemany(
            "INSERT INTO quiz_seen (player, item_id, seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (player, item_id) DO UPDATE SET seen_at = excluded.seen_at",
            [(player, item_id, at.isoformat()) for player in players],
        )


def _stats(row: sqlite3.Row | tuple) -> PlayerStats:
    return PlayerStats(int(row[0]), str(row[1]), int(row[2]), int(row[3]), int(row[4]), int(row[5]))


_COLUMNS = "user_id, name, answered, correct, streak, best_streak"


def player_stats(conn: sqlite3.Connection, guild_id: int, user_id: int) -> PlayerStats | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM quiz_players WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
    ).fetchone()
    return _stats(row) if row else None


def record_answers(
    conn: sqlite3.Connection,
    guild_id: int,
    item_id: str,
    answers: Iterable[tuple[int, str, bool]],
    at: dt.datetime,
) -> dict[int, bool]:
    """Score (user id, name, right?) answers to ``item_id`` and mark it seen by each user.

    Returns user id → whether the answer scored (False: a repeat inside a week). Reading the last
    sighting and writing the new one happen in one transaction, so a double press can't score twice.
    """
    answers = list(answers)
    scored: dict[int, bool] = {}
    with _transaction(conn):
        seen = seen_many(conn, (user_player(u) for u, _, _ in answers), item_id)
        for user_id, name, correct in answers:
            scored[user_id] = counts(seen.get(user_player(user_id)), at)
            before = player_stats(conn, guild_id, user_id) or PlayerStats(user_id, name)
            after = before.after(correct, name=name, scored=scored[user_id])
            conn.execute(
                "INSERT INTO quiz_players (guild_id, user_id, name, answered, correct, streak, best_streak, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, user_id) DO UPDATE SET"
                " name = excluded.name, answered = excluded.answered, correct = excluded.correct,"
                " streak = excluded.streak, best_streak = excluded.best_streak, updated_at = excluded.updated_at",
                (
                    guild_id,
                    user_id,
                    after.name,
                    after.answered,
                    after.correct,
                    after.streak,
                    after.best_streak,
                    at.isoformat(),
                ),
            )
        mark_seen(conn, [user_player(u) for u, _, _ in answers], item_id, at)
    return scored


def leaderboard(
    conn: sqlite3.Connection, guild_id: int, *, min_answers: int = MIN_ANSWERS, limit: int = 10
) -> list[PlayerStats]:
    """The server's top players (see :func:`bot.quiz.scoring.rank`)."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM quiz_players WHERE guild_id = ? AND answered >= ?", (guild_id, min_answers)
    )
    return rank((_stats(row) for row in rows), min_answers=min_answers, limit=limit)


@dataclass(frozen=True, slots=True)
class OpenRound:
    """A channel round the database says is running."""

    channel_id: int
    guild_id: int
    lang: str
    started_at: dt.datetime
    message_id: int | None


def claim_round(conn: sqlite3.Connection, channel_id: int, guild_id: int, lang: str, at: dt.datetime) -> bool:
    """Start a round in ``channel_id``; False if one is already running there."""
    with _transaction(conn):
        cursor = conn.execute(
            "INSERT OR IGNORE INTO quiz_rounds (channel_id, guild_id, lang, started_at) VALUES (?, ?, ?, ?)",
            (channel_id, guild_id, lang, at.isoformat()),
        )
    return cursor.rowcount == 1


def set_round_message(conn: sqlite3.Connection, channel_id: int, message_id: int | None) -> None:
    with _transaction(conn):
        conn.execute("UPDATE quiz_rounds SET message_id = ? WHERE channel_id = ?", (message_id, channel_id))


def end_round(conn: sqlite3.Connection, channel_id: int) -> None:
    with _transaction(conn):
        conn.execute("DELETE FROM quiz_rounds WHERE channel_id = ?", (channel_id,))


def open_rounds(conn: sqlite3.Connection) -> list[OpenRound]:
    rows = conn.execute("SELECT channel_id, guild_id, lang, started_at, message_id FROM quiz_rounds")
    return [
        OpenRound(int(r[0]), int(r[1]), str(r[2]), dt.datetime.fromisoformat(r[3]), r[4] if r[4] is None else int(r[4]))
        for r in rows
    ]
