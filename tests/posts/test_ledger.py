"""The ledger's claim → record protocol, missed/skipped days, the settings and rotation tables."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from bot.posts import ledger
from bot.posts.ledger import CLAIM_LEASE
from bot.posts.rotation import fresh, next_fact
from bot.posts.rotation_store import load_rotation, record_post
from bot.posts.settings import DAILY, GuildSettings, all_guilds, get_guild, save_guild
from bot.store.db import connect

DAY = dt.date(2026, 9, 29)
NOW = dt.datetime(2026, 9, 29, 14, 0, tzinfo=dt.UTC)


@pytest.fixture
def conn(tmp_path) -> sqlite3.Connection:
    return connect(tmp_path / "db.sqlite3")


def test_one_claim_per_channel_and_local_date(conn, tmp_path) -> None:
    other = connect(tmp_path / "db.sqlite3")
    claim = ledger.claim(conn, 1, 11, DAY, NOW)
    assert claim is not None and not claim.takeover
    assert ledger.claim(conn, 1, 11, DAY, NOW, kind="daily") is None  # the other kind, same channel: no
    assert ledger.claim(other, 1, 11, DAY, NOW) is None  # another connection (process) too
    assert ledger.claim(conn, 1, 12, DAY, NOW) is not None  # another channel of the same server
    assert ledger.claim(conn, 2, 22, DAY, NOW) is not None  # another server
    assert ledger.claim(conn, 1, 11, DAY.replace(year=2027), NOW) is not None  # another year


def test_the_unique_constraint_itself_refuses_a_second_row(conn) -> None:
    ledger.claim(conn, 1, 11, DAY, NOW)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO post_ledger (guild_id, channel_id, local_date, state, claim_token, claimed_at) "
            "VALUES (1, 11, '2026-09-29', 'posted', 'x', 'y')"
        )


def test_record_only_by_the_claim_holder(conn) -> None:
    claim = ledger.claim(conn, 1, 11, DAY, NOW)
    stale = ledger.entry(conn, 11, DAY)
    taken = ledger.take_over(conn, stale, NOW + CLAIM_LEASE)
    assert taken is not None and taken.takeover and taken.claimed_at == claim.claimed_at
    assert ledger.record(conn, claim, 5, NOW) is False  # the old holder lost it
    assert ledger.record(conn, taken, 6, NOW) is True
    entry = ledger.entry(conn, 11, DAY)
    assert (entry.state, entry.message_id) == ("posted", 6)
    assert ledger.last_entry(conn, 1) == entry


def test_take_over_needs_a_stale_sending_claim_and_only_one_taker_wins(conn) -> None:
    ledger.claim(conn, 1, 11, DAY, NOW)
    entry = ledger.entry(conn, 11, DAY)
    assert ledger.take_over(conn, entry, NOW + CLAIM_LEASE - dt.timedelta(seconds=1)) is None
    assert ledger.take_over(conn, entry, NOW + CLAIM_LEASE) is not None
    assert ledger.take_over(conn, entry, NOW + CLAIM_LEASE) is None  # same snapshot: token already changed


def test_release_drops_the_claim_and_counts_in_one_go(conn) -> None:
    for attempt in (1, 2):
        claim = ledger.claim(conn, 1, 11, DAY, NOW)
        failure = ledger.release(conn, claim, "403 Forbidden", NOW)
        assert failure.attempts == attempt and failure.last_error == "403 Forbidden"
        assert ledger.entry(conn, 11, DAY) is None
    assert ledger.last_failure(conn, 1).attempts == 2


def test_an_unknown_outcome_blocks_claims_until_its_check_is_due(conn) -> None:
    ledger.claim(conn, 1, 11, DAY, NOW)
    taken = ledger.take_over(conn, ledger.entry(conn, 11, DAY), NOW + CLAIM_LEASE)
    retry = NOW + CLAIM_LEASE + dt.timedelta(minutes=2)
    assert ledger.mark_unknown(conn, taken, "could not check", NOW + CLAIM_LEASE, retry)
    unknown = ledger.entry(conn, 11, DAY)
    assert (unknown.state, unknown.checks, unknown.next_check) == ("unknown", 1, retry)
    assert ledger.claim(conn, 1, 11, DAY, NOW + CLAIM_LEASE) is None
    assert ledger.failure(conn, 11, DAY).last_error == "could not check"
    assert ledger.take_over(conn, unknown, retry - dt.timedelta(seconds=1)) is None  # not yet
    again = ledger.take_over(conn, unknown, retry)
    assert again is not None and again.takeover and ledger.entry(conn, 11, DAY).state == "sending"


def test_missed_days_are_filled_in_only_after_a_first_post_and_never_before_setup(conn) -> None:
    assert ledger.mark_missed(conn, 1, 11, DAY, NOW) == []  # a new channel missed nothing
    ledger.record(conn, ledger.claim(conn, 1, 11, DAY, NOW), 5, NOW)
    later = DAY + dt.timedelta(days=4)
    assert ledger.mark_missed(conn, 1, 11, later, NOW) == [DAY + dt.timedelta(days=d) for d in (1, 2, 3)]
    assert ledger.mark_missed(conn, 1, 11, later, NOW) == []  # once
    assert ledger.entry(conn, 11, DAY + dt.timedelta(days=2)).state == "missed"
    assert ledger.mark_missed(conn, 1, 11, later + dt.timedelta(days=3), NOW, since=later + dt.timedelta(days=2)) == [
        later + dt.timedelta(days=2)
    ]


def test_a_skipped_date_takes_the_slot(conn) -> None:
    assert ledger.skip(conn, 1, 11, DAY, NOW)
    assert ledger.claim(conn, 1, 11, DAY, NOW) is None
    assert not ledger.skip(conn, 1, 11, DAY, NOW)
    assert ledger.claim(conn, 1, 11, DAY + dt.timedelta(days=1), NOW) is not None


def test_dates_from_lists_the_channels_rows_from_a_day_on(conn) -> None:
    ledger.skip(conn, 1, 11, DAY - dt.timedelta(days=1), NOW)  # before: not listed
    ledger.skip(conn, 1, 11, DAY + dt.timedelta(days=2), NOW)
    ledger.claim(conn, 1, 11, DAY, NOW)
    ledger.skip(conn, 2, 22, DAY + dt.timedelta(days=3), NOW)  # another channel
    assert ledger.dates_from(conn, 11, DAY) == {DAY, DAY + dt.timedelta(days=2)}


def test_recording_a_rotation_fact_marks_it_shown_in_the_same_transaction(conn) -> None:
    ids = ["a", "b", "c"]
    first = next_fact(fresh(1), ids)
    claim = ledger.claim(conn, 1, 11, DAY, NOW, kind="daily", content="fact", fact_id=first)
    assert load_rotation(conn, 1) == fresh(1)  # claiming uses nothing up
    assert record_post(conn, claim, 5, NOW, ids)
    rotation = load_rotation(conn, 1)
    assert rotation.shown == (first,) and rotation.last == first
    assert next_fact(rotation, ids) != first


def test_guild_settings_round_trip(conn) -> None:
    saved = save_guild(conn, GuildSettings(5, 55, dt.time(7, 30), "America/Guayaquil", "es", False), NOW)
    assert saved.updated_at == "2026-09-29T14:00:00+00:00"
    assert get_guild(conn, 5) == saved
    save_guild(conn, GuildSettings(5), NOW)
    assert get_guild(conn, 5) == GuildSettings(5, updated_at=saved.updated_at)
    assert [g.guild_id for g in all_guilds(conn)] == [5]
    assert get_guild(conn, 6) is None
    assert get_guild(conn, 5, DAILY) is None  # the daily settings are their own table
    save_guild(conn, GuildSettings(5, 66, dt.time(8, 0), "Europe/Madrid"), NOW, DAILY)
    assert get_guild(conn, 5, DAILY).channel_id == 66 and get_guild(conn, 5).channel_id is None


def test_language_is_checked_by_the_schema(conn) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        save_guild(conn, GuildSettings(5, language="fr"), NOW)


def test_version_1_ledger_rows_survive_the_migration(tmp_path) -> None:
    from bot.store import db

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    for statement in db.MIGRATIONS[0].split(";"):
        if statement.strip():
            old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO guild_settings (guild_id, channel_id, updated_at) VALUES (1, 11, 'x')")
    old.execute(
        "INSERT INTO post_ledger (guild_id, local_date, channel_id, state, claim_token, claimed_at, message_id) "
        "VALUES (1, '2025-09-29', 11, 'posted', 't', '2025-09-29T14:00:00+00:00', 77)"
    )
    old.close()
    conn = connect(path)
    entry = ledger.entry(conn, 11, dt.date(2025, 9, 29))
    assert (entry.guild_id, entry.kind, entry.state, entry.message_id) == (1, "yearly", "posted", 77)
