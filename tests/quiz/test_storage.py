"""The quiz tables, on a temporary database, with fixed clocks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.quiz import storage
from bot.store.db import connect
from tests.helpers import FIXED_NOW


@pytest.fixture
def conn(tmp_path: Path):
    connection = connect(tmp_path / "quiz.sqlite3")
    yield connection
    connection.close()


def test_answers_score_unless_seen_within_a_week(conn):
    scored = storage.record_answers(conn, 5, "coach#1", [(1, "Ana", True), (2, "Ben", False)], FIXED_NOW)
    assert scored == {1: True, 2: True}
    later = FIXED_NOW + dt.timedelta(days=3)
    assert storage.record_answers(conn, 5, "coach#1", [(1, "Ana B.", True)], later) == {1: False}
    stats = storage.player_stats(conn, 5, 1)
    assert stats is not None and (stats.name, stats.answered, stats.correct) == ("Ana B.", 1, 1)
    assert storage.seen_by(conn, storage.user_player(1)) == {"coach#1": later}
    week_on = later + dt.timedelta(days=7)
    assert storage.record_answers(conn, 5, "coach#1", [(1, "Ana", False)], week_on) == {1: True}
    stats = storage.player_stats(conn, 5, 1)
    assert stats is not None and (stats.answered, stats.correct, stats.streak, stats.best_streak) == (2, 1, 0, 1)


def test_the_leaderboard_is_per_server_with_a_minimum(conn):
    for n in range(5):
        storage.record_answers(conn, 5, f"item#{n}", [(1, "Ana", n < 4), (2, "Ben", True)], FIXED_NOW)
    storage.record_answers(conn, 5, "item#9", [(3, "Cam", True)], FIXED_NOW)
    storage.record_answers(conn, 6, "item#9", [(4, "Dee", True)], FIXED_NOW)
    board = storage.leaderboard(conn, 5, min_answers=5)
    assert [(p.name, p.answered, p.correct, p.best_streak) for p in board] == [("Ben", 5, 5, 5), ("Ana", 5, 4, 4)]
    assert [p.name for p in storage.leaderboard(conn, 6, min_answers=1)] == ["Dee"]


def test_one_round_per_channel_and_open_rounds_survive_a_reconnect(tmp_path: Path):
    conn = connect(tmp_path / "quiz.sqlite3")
    assert storage.claim_round(conn, 10, 5, "es", FIXED_NOW)
    assert not storage.claim_round(conn, 10, 5, "en", FIXED_NOW)
    storage.set_round_message(conn, 10, 77)
    conn.close()
    conn = connect(tmp_path / "quiz.sqlite3")  # a restart
    assert storage.open_rounds(conn) == [storage.OpenRound(10, 5, "es", FIXED_NOW, 77)]
    storage.end_round(conn, 10)
    assert storage.open_rounds(conn) == [] and storage.claim_round(conn, 10, 5, "en", FIXED_NOW)
    conn.close()


def test_a_failed_write_leaves_nothing_half_done(conn):
    with pytest.raises(Exception):  # noqa: B017 - any database error will do
        storage.record_answers(conn, 5, "x#1", [(1, "Ana", True), (None, "Bad", True)], FIXED_NOW)
    assert storage.player_stats(conn, 5, 1) is None and storage.seen_by(conn, storage.user_player(1)) == {}
