"""The curation log: what is stored, what never is, and the aggregates read back."""

from __future__ import annotations

import datetime as dt
import stat

import pytest

from bot.core.facts import Citation, Fact
from bot.core.mentions import scrub
from bot.core.results import Candidate, MatchResult, Status
from bot.store.db import connect
from bot.store.questions import (
    forget_text,
    load_salt,
    read_misses,
    read_stats,
    record_question,
    record_vote,
    stamp,
    voter_hash,
)

T0 = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)


def fact(fact_id: str) -> Fact:
    return Fact(
        id=fact_id,
        title={"en": fact_id, "es": fact_id},
        answer={"en": "yes", "es": "sí"},
        questions={"en": ("q",), "es": ("p",)},
        keywords=(),
        citation=Citation(1),
    )


def answered(q: str, fact_id: str = "retirement-date", conf: float = 0.93, lang: str = "en") -> MatchResult:
    return MatchResult(q, Status.ANSWERED, lang, conf, (Candidate(fact(fact_id), conf),))


def unknown(q: str, best: str | None = None, conf: float = 0.4, lang: str = "en") -> MatchResult:
    suggestions = (Candidate(fact(best), conf),) if best else ()
    return MatchResult(q, Status.UNKNOWN, lang, 0.0, suggestions=suggestions)


def ambiguous(q: str) -> MatchResult:
    cands = (Candidate(fact("a"), 0.7), Candidate(fact("b"), 0.68))
    return MatchResult(q, Status.AMBIGUOUS, "es", 0.7, suggestions=cands)


@pytest.fixture
def conn(tmp_path):
    c = connect(tmp_path / "db.sqlite3")
    yield c
    c.close()


def rows(conn):
    return [dict(r) for r in conn.execute("SELECT * FROM questions ORDER BY id")]


def test_answers_are_counted_without_their_words(conn):
    record_question(conn, answered("when did he retire, my name is Ana"), at=T0)
    (row,) = rows(conn)
    assert row["text"] is None
    assert (row["status"], row["lang"], row["fact_id"], row["best_fact_id"]) == (
        "answered",
        "en",
        *["retirement-date"] * 2,
    )
    assert row["score"] == pytest.approx(0.93)
    assert row["asked_at"] == "2026-11-01T12:00:00Z"


def test_misses_keep_wording_best_candidate_and_score(conn):
    record_question(conn, unknown("what is his favourite food", best="diet", conf=0.41), at=T0)
    record_question(conn, ambiguous("¿y la medalla?"), at=T0)
    record_question(conn, unknown("asdf"), at=T0)
    unknown_row, ambiguous_row, bare = rows(conn)
    assert unknown_row["text"] == "what is his favourite food"
    assert (unknown_row["best_fact_id"], unknown_row["score"], unknown_row["fact_id"]) == ("diet", 0.41, None)
    assert (ambiguous_row["status"], ambiguous_row["lang"], ambiguous_row["best_fact_id"]) == ("ambiguous", "es", "a")
    assert bare["best_fact_id"] is None


def test_smalltalk_is_counted_without_words(conn):
    record_question(conn, MatchResult("hi there", Status.SMALLTALK, "en", 1.0, smalltalk="greeting"), at=T0)
    assert rows(conn)[0]["text"] is None


def test_record_misses_false_keeps_no_wording_at_all(conn):
    record_question(conn, unknown("what is his favourite food"), at=T0, keep_text=False)
    record_question(conn, ambiguous("¿y la medalla?"), at=T0, keep_text=False)
    assert [r["text"] for r in rows(conn)] == [None, None]
    assert [r["status"] for r in rows(conn)] == ["unknown", "ambiguous"]  # anonymous counts still work
    assert read_misses(conn) == []


def test_there_is_no_column_for_who_asked(conn):
    columns = {r[1] for r in conn.execute("PRAGMA table_info(questions)")}
    assert not columns & {"user_id", "author", "user", "guild_id", "channel_id", "name"}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<@123456789012345678> when was he born", "@someone when was he born"),
        ("ask <@!123456789012345678> or <@&223456789012345678>", "ask @someone or @someone"),
        ("see <#323456789012345678>", "see #channel"),
        ("my id is 423456789012345678 ok", "my id is <id> ok"),
        ("@everyone  when\n did he retire", "@someone when did he retire"),
        ("he won in 1996 by 26 seconds", "he won in 1996 by 26 seconds"),
    ],
)
def test_scrub_blanks_out_mentions_and_ids(raw, clean):
    assert scrub(raw) == clean


def test_recorded_miss_is_scrubbed(conn):
    record_question(conn, unknown("<@123456789012345678> what about his kids"), at=T0)
    assert rows(conn)[0]["text"] == "@someone what about his kids"


def test_read_misses_filters_by_time_and_status(conn):
    record_question(conn, unknown("old one"), at=T0 - dt.timedelta(days=10))
    record_question(conn, unknown("new one", best="x", conf=0.5), at=T0)
    record_question(conn, answered("answered one"), at=T0)
    assert [m.text for m in read_misses(conn)] == ["old one", "new one"]
    (recent,) = read_misses(conn, since=T0 - dt.timedelta(days=1))
    assert (recent.text, recent.lang, recent.status, recent.best_fact_id, recent.score) == (
        "new one",
        "en",
        "unknown",
        "x",
        0.5,
    )


def test_stamp_is_utc_and_sortable():
    quito = dt.timezone(dt.timedelta(hours=-5))
    assert stamp(dt.datetime(2026, 11, 1, 7, 0, tzinfo=quito)) == "2026-11-01T12:00:00Z"
    assert stamp(dt.datetime(2026, 11, 1, 12, 0)) == "2026-11-01T12:00:00Z"


def test_feedback_one_vote_per_person_per_message_and_it_can_change(conn):
    salt = b"s" * 32
    ana, ben = voter_hash(salt, 900, 111), voter_hash(salt, 900, 222)
    assert record_vote(conn, message_id=900, voter=ana, fact_id="f", helpful=True, at=T0) is True
    assert record_vote(conn, message_id=900, voter=ana, fact_id="f", helpful=False, at=T0) is False
    assert record_vote(conn, message_id=900, voter=ben, fact_id="f", helpful=True, at=T0) is True
    votes = conn.execute("SELECT voter, helpful FROM feedback ORDER BY helpful").fetchall()
    assert [tuple(v) for v in votes] == [(ana, 0), (ben, 1)]


def test_voter_hash_hides_the_user_and_unlinks_messages():
    salt = b"k" * 32
    h = voter_hash(salt, 900, 123456789012345678)
    assert "123456789012345678" not in h and len(h) == 32
    assert voter_hash(salt, 901, 123456789012345678) != h  # same person, other message: unlinkable
    assert voter_hash(b"j" * 32, 900, 123456789012345678) != h  # needs the salt to recompute
    assert voter_hash(salt, 900, 123456789012345678) == h


def test_salt_is_created_once_and_private(tmp_path):
    salt = load_salt(tmp_path / "data")
    assert len(salt) == 32
    assert load_salt(tmp_path / "data") == salt
    mode = (tmp_path / "data" / "voter-salt").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


def test_forget_text(conn):
    record_question(conn, unknown("old"), at=T0 - dt.timedelta(days=40))
    record_question(conn, unknown("new"), at=T0)
    assert forget_text(conn, before=T0 - dt.timedelta(days=30)) == 1
    assert [m.text for m in read_misses(conn)] == ["new"]
    assert forget_text(conn) == 1
    assert read_misses(conn) == []


def test_stats_rates_top_facts_and_helpfulness(conn):
    for _ in range(3):
        record_question(conn, answered("q", "atlanta-gold"), at=T0)
    record_question(conn, answered("q", "retirement-date", lang="es"), at=T0)
    record_question(conn, unknown("x"), at=T0)
    record_question(conn, ambiguous("y"), at=T0)
    salt = b"s" * 32
    record_vote(conn, message_id=1, voter=voter_hash(salt, 1, 7), fact_id="atlanta-gold", helpful=True, at=T0)
    record_vote(conn, message_id=1, voter=voter_hash(salt, 1, 8), fact_id="atlanta-gold", helpful=True, at=T0)
    record_vote(conn, message_id=2, voter=voter_hash(salt, 2, 7), fact_id="retirement-date", helpful=False, at=T0)
    stats = read_stats(conn)
    assert stats.total == 6
    assert stats.rate("answered") == pytest.approx(4 / 6)
    assert stats.rate("unknown") == pytest.approx(1 / 6)
    assert stats.rate("smalltalk") == 0
    assert stats.by_lang == {"en": 4, "es": 2}
    assert [(f.fact_id, f.answered, f.helpful, f.unhelpful) for f in stats.top_facts] == [
        ("atlanta-gold", 3, 2, 0),
        ("retirement-date", 1, 0, 1),
    ]
    assert (stats.helpful, stats.unhelpful) == (2, 1)
    assert stats.helpfulness == pytest.approx(2 / 3)


def test_stats_since_and_empty(conn):
    record_question(conn, answered("q"), at=T0 - dt.timedelta(days=3))
    assert read_stats(conn, since=T0).total == 0
    assert read_stats(conn, since=T0).helpfulness is None
    assert read_stats(conn, since=T0).rate("answered") == 0.0
    assert read_stats(conn).total == 1
