"""The ledger's claim → record protocol and the per-server settings table."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from bot.store.db import connect
from bot.store.guilds import GuildSettings, all_guilds, get_guild, save_guild
from bot.store.ledger import CLAIM_LEASE, Ledger

DAY = dt.date(2026, 9, 29)
NOW = dt.datetime(2026, 9, 29, 14, 0, tzinfo=dt.UTC)


@pytest.fixture
def conn(tmp_path) -> sqlite3.Connection:
    return connect(tmp_path / "db.sqlite3")


def test_one_claim_per_server_and_local_date(conn, tmp_path) -> None:
    ledger, other = Ledger(conn), Ledger(connect(tmp_path / "db.sqlite3"))
    claim = ledger.claim(1, DAY, 11, NOW)
    assert claim is not None and not claim.takeover
    assert ledger.claim(1, DAY, 11, NOW) is None
    assert other.claim(1, DAY, 12, NOW) is None  # another connection (process) too
    assert ledger.claim(2, DAY, 22, NOW) is not None  # another server
    assert ledger.claim(1, DAY.replace(year=2027), 11, NOW) is not None  # another year


def test_the_unique_constraint_itself_refuses_a_second_row(conn) -> None:
    Ledger(conn).claim(1, DAY, 11, NOW)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO post_ledger (guild_id, local_date, channel_id, state, claim_token, claimed_at) "
            "VALUES (1, '2026-09-29', 11, 'posted', 'x', 'y')"
        )


def test_record_only_by_the_claim_holder(conn) -> None:
    ledger = Ledger(conn)
    claim = ledger.claim(1, DAY, 11, NOW)
    stale = ledger.entry(1, DAY)
    taken = ledger.take_over(stale, NOW + CLAIM_LEASE)
    assert taken is not None and taken.takeover and taken.claimed_at == claim.claimed_at
    assert ledger.record(claim, 5, NOW) is False  # the old holder lost it
    assert ledger.record(taken, 6, NOW) is True
    entry = ledger.entry(1, DAY)
    assert (entry.state, entry.message_id) == ("posted", 6)
    assert ledger.last_post(1) == entry


def test_take_over_needs_a_stale_sending_claim_and_only_one_taker_wins(conn) -> None:
    ledger = Ledger(conn)
    ledger.claim(1, DAY, 11, NOW)
    entry = ledger.entry(1, DAY)
    assert ledger.take_over(entry, NOW + CLAIM_LEASE - dt.timedelta(seconds=1)) is None
    assert ledger.take_over(entry, NOW + CLAIM_LEASE) is not None
    assert ledger.take_over(entry, NOW + CLAIM_LEASE) is None  # same snapshot: token already changed


def test_release_drops_the_claim_and_counts_in_one_go(conn) -> None:
    ledger = Ledger(conn)
    for attempt in (1, 2):
        claim = ledger.claim(1, DAY, 11, NOW)
        failure = ledger.release(claim, "403 Forbidden", NOW)
        assert failure.attempts == attempt and failure.last_error == "403 Forbidden"
        assert ledger.entry(1, DAY) is None


def test_mark_unknown_blocks_further_claims(conn) -> None:
    ledger = Ledger(conn)
    ledger.claim(1, DAY, 11, NOW)
    taken = ledger.take_over(ledger.entry(1, DAY), NOW + CLAIM_LEASE)
    assert ledger.mark_unknown(taken, "could not check", NOW + CLAIM_LEASE)
    assert ledger.entry(1, DAY).state == "unknown"
    assert ledger.claim(1, DAY, 11, NOW + CLAIM_LEASE) is None
    assert ledger.failure(1, DAY).last_error == "could not check"


def test_guild_settings_round_trip(conn) -> None:
    saved = save_guild(conn, GuildSettings(5, 55, dt.time(7, 30), "America/Guayaquil", "es", False), NOW)
    assert saved.updated_at == "2026-09-29T14:00:00+00:00"
    assert get_guild(conn, 5) == saved
    save_guild(conn, GuildSettings(5), NOW)
    assert get_guild(conn, 5) == GuildSettings(5, updated_at=saved.updated_at)
    assert [g.guild_id for g in all_guilds(conn)] == [5]
    assert get_guild(conn, 6) is None


def test_language_is_checked_by_the_schema(conn) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        save_guild(conn, GuildSettings(5, language="fr"), NOW)
