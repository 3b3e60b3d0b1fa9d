"""``perezbot misses``, ``stats`` and ``doctor`` through ``main`` (no real stdio or environment)."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from bot.core.facts import Citation, Fact, default_facts_dir
from bot.core.results import Candidate, MatchResult, Status
from bot.store.db import SCHEMA_VERSION, connect
from bot.store.questions import record_question, record_vote, voter_hash

TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"
T0 = dt.datetime(2026, 11, 10, 15, 0, tzinfo=dt.UTC)


def run(env: dict[str, str], *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(), stdout=out, stderr=err, env=env)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"PEREZBOT_DOTENV": str(tmp_path / "no.env"), "DATA_DIR": str(tmp_path / "data")}


def fact(fact_id: str) -> Fact:
    return Fact(fact_id, {"en": fact_id, "es": fact_id}, {"en": "a", "es": "a"}, {"en": (), "es": ()}, (), Citation(1))


def seed(env: dict[str, str]) -> None:
    conn = connect(Path(env["DATA_DIR"]) / "perezbot.sqlite3")
    near = (Candidate(fact("birth-date"), 0.62),)
    for i, text in enumerate(["when was he born", "When was he born?", "when was he borm", "when was he born"]):
        result = MatchResult(text, Status.UNKNOWN, "en", 0.0, suggestions=near)
        record_question(conn, result, at=T0 + dt.timedelta(hours=i))
    record_question(conn, MatchResult("¿tiene hijos?", Status.UNKNOWN, "es", 0.0), at=T0 - dt.timedelta(days=5))
    gold = (Candidate(fact("atlanta-gold"), 0.95),)
    for _ in range(3):
        record_question(conn, MatchResult("atlanta", Status.ANSWERED, "en", 0.95, gold), at=T0)
    record_question(conn, MatchResult("medalla", Status.AMBIGUOUS, "es", 0.6, suggestions=gold), at=T0)
    salt = b"s" * 32
    record_vote(conn, message_id=5, voter=voter_hash(salt, 5, 1), fact_id="atlanta-gold", helpful=True, at=T0)
    record_vote(conn, message_id=5, voter=voter_hash(salt, 5, 2), fact_id="atlanta-gold", helpful=False, at=T0)
    record_vote(conn, message_id=6, voter=voter_hash(salt, 6, 1), fact_id="atlanta-gold", helpful=True, at=T0)
    conn.close()


# --- misses -------------------------------------------------------------------------------------


def test_misses_groups_and_ranks(env):
    seed(env)
    status, out, _ = run(env, "misses")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "6 unanswered question(s) in 3 group(s); the top 3:"
    assert lines[1] == "4×  “when was he born”"
    assert "en · unknown · closest: birth-date 0.62 · last 2026-11-10" in lines[2]
    assert "also: “When was he born?”, “when was he borm”" in lines[3]
    assert "“¿tiene hijos?”" in out and "“medalla”" in out
    assert "perezbot check" in lines[-1]


def test_misses_top_and_since(env):
    seed(env)
    status, out, _ = run(env, "misses", "--top", "1", "--since", "2026-11-08")
    assert status == 0
    assert out.splitlines()[0] == "5 unanswered question(s) since 2026-11-08 in 2 group(s); the top 1:"
    assert "tiene hijos" not in out and "medalla" not in out


def test_misses_since_is_a_day_in_the_configured_time_zone(env):
    seed(env)
    # 2026-11-10 15:00Z is still 10:00 on the 10th in Guayaquil; nothing of the 11th local.
    _, out, _ = run({**env, "TIMEZONE": "America/Guayaquil"}, "misses", "--since", "2026-11-11")
    assert out.startswith("No unanswered questions recorded since 2026-11-11.")


def test_misses_json(env):
    seed(env)
    status, out, _ = run(env, "misses", "--json", "--top", "2")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(records) == 2
    assert records[0]["text"] == "when was he born" and records[0]["count"] == 4
    assert records[0]["best_fact_id"] == "birth-date"


def test_misses_without_a_database_does_not_create_one(env):
    status, out, _ = run(env, "misses")
    assert status == 0 and out.startswith("Nothing recorded yet")
    assert not Path(env["DATA_DIR"]).exists()


def test_misses_empty_says_when_recording_is_off(env):
    connect(Path(env["DATA_DIR"]) / "perezbot.sqlite3").close()
    _, out, _ = run({**env, "RECORD_MISSES": "false"}, "misses")
    assert "RECORD_MISSES=false" in out


@pytest.mark.parametrize("argv", [("misses", "--since", "yesterday"), ("stats", "--since", "2026-13-01")])
def test_bad_since_is_a_usage_error(env, argv):
    connect(Path(env["DATA_DIR"]) / "perezbot.sqlite3").close()
    status, out, err = run(env, *argv)
    assert status == 2 and "argument --since:" in err and len(err.splitlines()) == 1 and out == ""


def test_bad_top_is_a_usage_error(env):
    status, out, err = run(env, "misses", "--top", "0")
    assert status == 2 and "perezbot misses: error: argument --top: must be at least 1, got 0" in err
    assert len(err.splitlines()) == 1
    assert out == ""


# --- stats --------------------------------------------------------------------------------------


def test_stats_rates_top_facts_and_helpfulness(env):
    seed(env)
    status, out, _ = run(env, "stats")
    assert status == 0
    assert "9 question(s) (2026-11-05 to 2026-11-10)" in out
    assert "answered        3   33.3%" in out
    assert "ambiguous       1   11.1%" in out
    assert "unknown         5   55.6%" in out
    assert "Helpfulness: 67% of 3 vote(s) (👍 2 · 👎 1)" in out
    assert "atlanta-gold      3 answered  👍 2 👎 1" in out


def test_stats_json(env):
    seed(env)
    _, out, _ = run(env, "stats", "--json")
    record = json.loads(out)
    assert record["total"] == 9 and record["rates"]["answered"] == pytest.approx(0.3333)
    assert record["helpfulness"] == pytest.approx(2 / 3)
    assert record["top_facts"][0]["fact_id"] == "atlanta-gold"


def test_stats_empty(env):
    connect(Path(env["DATA_DIR"]) / "perezbot.sqlite3").close()
    status, out, _ = run(env, "stats", "--since", "2026-01-01")
    assert status == 0 and out == "No questions recorded since 2026-01-01.\n"


def test_bad_settings_exit_2_for_misses(env):
    status, _, err = run({**env, "RECORD_MISSES": "maybe"}, "misses")
    assert status == 2 and "RECORD_MISSES" in err


# --- doctor -------------------------------------------------------------------------------------


@pytest.fixture
def healthy(env, tmp_path) -> dict[str, str]:
    facts = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), facts)
    return {**env, "DISCORD_TOKEN": TOKEN, "FACTS_DIR": str(facts), "TIMEZONE": "America/Guayaquil"}


def test_doctor_all_good_before_first_start(healthy):
    status, out, _ = run(healthy, "doctor")
    assert status == 0, out
    assert "ok    token      DISCORD_TOKEN is set (value not shown)" in out
    assert "will be created at start" in out
    assert "America/Guayaquil" in out
    assert out.rstrip().endswith("All checks passed.")
    assert TOKEN not in out and TOKEN[:10] not in out
    assert not Path(healthy["DATA_DIR"]).exists()  # doctor changes nothing


def test_doctor_all_good_with_a_migrated_database(healthy):
    connect(Path(healthy["DATA_DIR"]) / "perezbot.sqlite3").close()
    status, out, _ = run(healthy, "doctor")
    assert status == 0 and f"is writable and at schema v{SCHEMA_VERSION}" in out


def test_doctor_reads_the_dotenv_file(healthy, tmp_path):
    dotenv = tmp_path / "real.env"
    dotenv.write_text(f"DISCORD_TOKEN={TOKEN}\n", encoding="utf-8")
    env = {k: v for k, v in healthy.items() if k != "DISCORD_TOKEN"} | {"PEREZBOT_DOTENV": str(dotenv)}
    status, out, _ = run(env, "doctor")
    assert status == 0 and f"the environment and {dotenv}" in out and TOKEN not in out


def test_doctor_lists_every_problem_and_fails(healthy, tmp_path):
    facts = Path(healthy["FACTS_DIR"])
    (facts / "broken.yaml").write_text("- id: Not An Id\n", encoding="utf-8")
    env = {**healthy, "DISCORD_TOKEN": "", "LOG_LEVEL": "LOUD", "POST_TIME": "25:00"}
    status, out, _ = run(env, "doctor")
    assert status == 1
    assert "FAIL  settings   2 bad setting(s)" in out
    assert "LOG_LEVEL: expected one of" in out and "POST_TIME: expected HH:MM" in out
    assert "FAIL  token      DISCORD_TOKEN is not set" in out
    assert f"{facts / 'broken.yaml'}:1:" in out
    assert "4 problem(s): settings, token, facts, time zone." in out  # a bad POST_TIME: no posts


def test_doctor_rejects_a_malformed_token_without_printing_it(healthy):
    bad = "not a token at all, but secret-ish"
    status, out, _ = run({**healthy, "DISCORD_TOKEN": bad}, "doctor")
    assert status == 1 and "does not look like a bot token" in out and bad not in out


def test_doctor_unknown_time_zone(healthy):
    status, out, _ = run({**healthy, "TIMEZONE": "Mars/Olympus_Mons"}, "doctor")
    assert status == 1 and "TIMEZONE: unknown IANA time zone 'Mars/Olympus_Mons'" in out


def test_doctor_unknown_server_time_zone_in_the_database(healthy):
    conn = connect(Path(healthy["DATA_DIR"]) / "perezbot.sqlite3")
    conn.execute(
        "INSERT INTO guild_settings (guild_id, timezone, updated_at) VALUES (1, 'Atlantis/Capital', 'x'),"
        " (2, 'Europe/Madrid', 'x')"
    )
    conn.close()
    status, out, _ = run(healthy, "doctor")
    assert status == 1 and "server 1: 'Atlantis/Capital'" in out and "server 2" not in out


def test_doctor_checks_the_daily_posts_time_zones_too(healthy):
    conn = connect(Path(healthy["DATA_DIR"]) / "perezbot.sqlite3")
    conn.execute("INSERT INTO daily_settings (guild_id, timezone, updated_at) VALUES (3, 'Mars/Olympus_Mons', 'x')")
    conn.close()
    status, out, _ = run(healthy, "doctor")
    assert status == 1 and "server 3: 'Mars/Olympus_Mons'" in out


def test_doctor_database_in_a_place_that_cannot_exist(healthy, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    status, out, _ = run({**healthy, "DATA_DIR": str(blocker / "data")}, "doctor")
    assert status == 1 and f"{blocker} is not a directory" in out


def test_doctor_database_that_is_not_sqlite(healthy):
    data = Path(healthy["DATA_DIR"])
    data.mkdir()
    (data / "perezbot.sqlite3").write_text("definitely not sqlite " * 100, encoding="utf-8")
    status, out, _ = run(healthy, "doctor")
    assert status == 1 and "FAIL  database" in out


def test_doctor_old_schema_is_a_warning_newer_is_a_failure(healthy):
    data = Path(healthy["DATA_DIR"])
    data.mkdir()
    sqlite3.connect(data / "perezbot.sqlite3").close()  # schema v0: start migrates it
    status, out, _ = run(healthy, "doctor")
    assert status == 0 and "warn  database" in out and "(1 warning(s))" in out
    conn = sqlite3.connect(data / "perezbot.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    status, out, _ = run(healthy, "doctor")
    assert status == 1 and "newer than this perezbot" in out


def test_doctor_migrated_database_missing_tables(healthy):
    data = Path(healthy["DATA_DIR"])
    data.mkdir()
    conn = sqlite3.connect(data / "perezbot.sqlite3")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.close()
    status, out, _ = run(healthy, "doctor")
    assert status == 1 and "lacks tables" in out and "questions" in out


def test_doctor_mentions_the_privacy_choice(healthy):
    _, out, _ = run({**healthy, "RECORD_MISSES": "false"}, "doctor")
    assert "RECORD_MISSES=false: no question wording is kept" in out


# --- misses --forget ----------------------------------------------------------------------------


def test_forget_erases_wording_but_keeps_counts(env):
    seed(env)
    status, out, _ = run(env, "misses", "--forget", "--before", "2026-11-08")
    assert (
        status == 0
        and out == "Erased the wording of 1 recorded question(s) from before 2026-11-08; the anonymous counts remain.\n"
    )
    _, out, _ = run(env, "misses")
    assert "tiene hijos" not in out and "when was he born" in out
    status, out, _ = run(env, "misses", "--forget")
    assert "Erased the wording of 5 recorded question(s);" in out
    _, out, _ = run(env, "misses")
    assert out.startswith("No unanswered questions recorded.")
    _, out, _ = run(env, "stats")
    assert "9 question(s)" in out
    db = (Path(env["DATA_DIR"]) / "perezbot.sqlite3").read_bytes()
    assert b"when was he born" not in db and b"tiene hijos" not in db


def test_before_without_forget_is_a_usage_error(env):
    status, _, err = run(env, "misses", "--before", "2026-01-01")
    assert status == 2 and "--before goes with --forget" in err


def test_doctor_describes_sharding(healthy):
    _, out, _ = run({**healthy, "SHARD_COUNT": "4", "SHARD_IDS": "0,1"}, "doctor")
    assert "SHARD_COUNT=4, this process runs shard(s) 0,1" in out
    _, out, _ = run(healthy, "doctor")
    assert "one gateway connection" in out


def test_misses_lists_a_candidate_without_a_score(env):
    conn = connect(Path(env["DATA_DIR"]) / "perezbot.sqlite3")
    conn.execute(
        "INSERT INTO questions (asked_at, status, lang, best_fact_id, score, text)"
        " VALUES ('2026-11-01T00:00:00Z', 'unknown', 'en', 'birth-date', NULL, 'born where')"
    )
    conn.close()
    status, out, _ = run(env, "misses")
    assert status == 0 and "closest: birth-date ·" in out


@pytest.mark.parametrize("command", ["misses", "stats"])
def test_json_output_stays_json_without_a_database(env, command):
    status, out, err = run(env, command, "--json")
    assert status == 0 and out == "" and "Nothing recorded yet" in err
