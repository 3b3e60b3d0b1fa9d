"""The daily-posts tie-in: facts a server's daily posts have shown, read from the posts' ledger."""

from __future__ import annotations

from pathlib import Path

from bot.quiz.shown import none_shown, shown_by_daily_posts
from bot.store.db import connect
from tests.helpers import FIXED_NOW


def test_only_posted_daily_facts_of_that_server_count(tmp_path: Path):
    conn = connect(tmp_path / "db.sqlite3")
    rows = [
        (5, 10, "2026-09-01", "posted", "fact", "coach"),
        (5, 10, "2026-09-02", "posted", "fact", "hometown"),
        (5, 10, "2026-09-03", "sending", "fact", "sport"),  # not out yet
        (5, 10, "2026-09-04", "skipped", "fact", "pilgrimage"),
        (5, 10, "2026-09-29", "posted", "story", None),
        (6, 11, "2026-09-01", "posted", "fact", "world-titles"),  # another server
    ]
    for guild_id, channel_id, day, state, content, fact_id in rows:
        conn.execute(
            "INSERT INTO post_ledger (guild_id, channel_id, local_date, kind, state, content, fact_id, claim_token,"
            " claimed_at) VALUES (?, ?, ?, 'daily', ?, ?, ?, 't', ?)",
            (guild_id, channel_id, day, state, content, fact_id, FIXED_NOW.isoformat()),
        )
    assert shown_by_daily_posts(conn, 5) == {"coach", "hometown"}
    assert shown_by_daily_posts(conn, 7) == frozenset() == none_shown(conn, 5)
    conn.close()
