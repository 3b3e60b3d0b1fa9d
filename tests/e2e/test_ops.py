"""Operations end to end through the fake Discord: the curation log, 👍/👎, /admin reload, SIGHUP, /about, logs."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
import os
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from bot.cli.runner import install_reload_signal, remove_reload_signal
from bot.config import Settings
from bot.core.engine import Engine
from bot.core.facts import default_facts_dir
from bot.logs import setup_logging
from tests.e2e.conftest import Running
from tests.e2e.slash import subcommand
from tests.fake_discord import FakeUser
from tests.test_reload import FUTURE, SILENT, fact_yaml

EPHEMERAL = 64
QUESTION = "when did jefferson perez retire"


@pytest.fixture
def facts_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), directory)
    return directory


@pytest.fixture
def ops_settings(settings: Settings, facts_dir: Path) -> Settings:
    return Settings(discord_token=settings.discord_token, data_dir=settings.data_dir, facts_dir=facts_dir)


@pytest.fixture
async def bot(make_bot, ops_settings: Settings, facts_dir: Path) -> Running:
    return await make_bot(settings=ops_settings, engine=Engine.load(facts_dir))


async def rows(running: Running, table: str = "questions") -> list[sqlite3.Row]:
    """The table's rows once the bot's queued writes are done (an answer never waits for them)."""
    await running.bot.questions.flush()
    conn = sqlite3.connect(running.bot.settings.database_path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


async def eventually(predicate, timeout: float = 3.0) -> None:
    """Poll ``predicate`` (for changes the fake Discord does not see, such as a reload)."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


async def admin_reload(fake, *, user: FakeUser | None = None, locale: str = "en-US") -> dict:
    """``/admin reload``."""
    return await subcommand(fake, "admin", "reload", user=user, locale=locale)


def buttons(body: dict) -> list[dict]:
    return [c for row in body["data"].get("components", []) for c in row["components"]]


# --- the curation log and the question log line ---------------------------------------------------


async def test_answers_are_counted_logged_and_carry_vote_buttons(bot: Running, ops_settings, caplog):
    fake = bot.fake
    caplog.set_level(logging.INFO, logger="perezbot.questions")
    interaction = await fake.slash("ask", question=QUESTION)
    body = (await fake.response_to(interaction)).json
    fact_id = (await rows(bot))[0]["fact_id"]
    assert [b["custom_id"] for b in buttons(body)] == [f"perezbot:vote:up:{fact_id}", f"perezbot:vote:down:{fact_id}"]
    assert [b["emoji"]["name"] for b in buttons(body)] == ["👍", "👎"]
    (row,) = await rows(bot)
    assert (row["status"], row["lang"], row["text"]) == ("answered", "en", None)
    assert fact_id == "retirement-date" and row["score"] > 0
    (record,) = [r for r in caplog.records if r.name == "perezbot.questions"]
    assert (record.status, record.fact_id, record.shard, record.lang) == ("answered", fact_id, 0, "en")
    assert record.latency_ms >= 0 and "jefferson" not in record.getMessage()


async def test_misses_keep_their_wording_and_no_user(bot: Running, ops_settings):
    fake = bot.fake
    question = f"<@{fake.human.id}> what is his favourite colour"
    interaction = await fake.slash("ask", question=question)
    body = (await fake.response_to(interaction)).json
    assert not buttons(body), "no vote buttons on a miss"
    (row,) = await rows(bot)
    assert row["status"] == "unknown"
    assert row["text"] == "@someone what is his favourite colour"
    dump = "\n".join(str(tuple(r)) for r in await rows(bot))
    assert str(fake.human.id) not in dump and "maria" not in dump.lower()


async def test_record_misses_false_keeps_no_wording(make_bot, ops_settings, facts_dir):
    settings = Settings(
        discord_token=ops_settings.discord_token,
        data_dir=ops_settings.data_dir,
        facts_dir=facts_dir,
        record_misses=False,
    )
    running = await make_bot(settings=settings, engine=Engine.load(facts_dir))
    interaction = await running.fake.slash("ask", question="what is his favourite colour")
    await running.fake.response_to(interaction)
    (row,) = await rows(running)
    assert row["status"] == "unknown" and row["text"] is None


async def test_a_locked_database_does_not_stall_answering(bot: Running, ops_settings):
    """Another process holds the database (a long write): /ask and mentions are still answered at once,
    and the questions are recorded once the lock is released."""
    fake = bot.fake
    other = sqlite3.connect(ops_settings.database_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        interaction = await fake.slash("ask", question=QUESTION)
        body = (await fake.response_to(interaction)).json
        assert bot.retirement() in body["data"]["embeds"][0]["description"]
        await fake.say(f"<@{fake.bot_user.id}> {QUESTION}", mentions=[fake.bot_user])
        sent = await fake.wait_for_request("POST", rf"/channels/{fake.guild.channel.id}/messages")
        assert "I answered that here a moment ago" in sent.json["embeds"][0]["description"]
        assert len(bot.bot.questions._pending) == 2, "both answers went out while their writes wait for the lock"
    finally:
        other.execute("COMMIT")
        other.close()
    assert len(await rows(bot)) == 2
    bot.alive()


async def test_questions_by_mention_are_counted_too(bot: Running, ops_settings):
    fake = bot.fake
    channel = fake.guild.channel
    await fake.say(f"<@{fake.bot_user.id}> {QUESTION}", mentions=[fake.bot_user])
    sent = await fake.wait_for_request("POST", rf"/channels/{channel.id}/messages")
    assert [c["custom_id"].split(":")[2] for row in sent.json["components"] for c in row["components"]] == [
        "up",
        "down",
    ]
    (row,) = await rows(bot)
    assert row["status"] == "answered"


# --- 👍/👎 ---------------------------------------------------------------------------------------------


async def test_votes_are_recorded_once_per_person_and_can_change(bot: Running, ops_settings):
    fake = bot.fake
    interaction = await fake.slash("ask", question=QUESTION)
    await fake.response_to(interaction)
    message = fake.message(fake.originals[interaction["token"]])
    fact_id = (await rows(bot))[0]["fact_id"]

    press = await fake.press(message, f"perezbot:vote:up:{fact_id}")
    thanks = (await fake.response_to(press)).json
    assert thanks["data"]["flags"] & EPHEMERAL and "Thanks" in thanks["data"]["embeds"][0]["description"]

    press = await fake.press(message, f"perezbot:vote:down:{fact_id}", locale="es-ES")
    changed = (await fake.response_to(press)).json
    assert "Voto cambiado" in changed["data"]["embeds"][0]["description"]

    press = await fake.press(message, f"perezbot:vote:up:{fact_id}", user=FakeUser("pedro"))
    await fake.response_to(press)

    votes = await rows(bot, "feedback")
    assert sorted(v["helpful"] for v in votes) == [0, 1]
    assert {v["fact_id"] for v in votes} == {fact_id}
    assert all(str(fake.human.id) not in v["voter"] for v in votes)
    assert fake.message(message["id"])["components"], "the buttons stay for everyone else"
    bot.alive()


async def test_vote_buttons_work_after_a_restart(make_bot, ops_settings, facts_dir):
    first = await make_bot(settings=ops_settings, engine=Engine.load(facts_dir))
    fake = first.fake
    interaction = await fake.slash("ask", question=QUESTION)
    await fake.response_to(interaction)
    message = fake.message(fake.originals[interaction["token"]])
    await first.bot.close()

    second = await make_bot(settings=ops_settings, engine=Engine.load(facts_dir))
    press = await fake.press(message, "perezbot:vote:up:retirement-date")
    assert "Thanks" in (await fake.response_to(press)).json["data"]["embeds"][0]["description"]
    assert len(await rows(second, "feedback")) == 1
    second.alive()


# --- /admin reload and SIGHUP -------------------------------------------------------------------------


async def followup(fake, interaction: dict) -> dict:
    sent = await fake.wait_for_request("POST", rf"/webhooks/{fake.application_id}/{interaction['token']}")
    return sent.json


async def test_admin_reload_swaps_in_valid_facts_and_reports_the_diff(bot: Running, facts_dir):
    fake = bot.fake
    old = bot.bot.engine
    (facts_dir / "extra.yaml").write_text(fact_yaml("shoe-size", question="what size shoes does perez wear"), "utf-8")
    interaction = await admin_reload(fake)
    deferred = (await fake.response_to(interaction)).json
    assert deferred["type"] == 5 and deferred["data"]["flags"] & EPHEMERAL
    body = (await followup(fake, interaction))["embeds"][0]["description"]
    assert "+shoe-size" in body and "Changes" in body
    assert bot.bot.engine is not old

    interaction = await fake.slash("ask", question="what size shoes does perez wear")
    (embed,) = (await fake.response_to(interaction)).json["data"]["embeds"]
    assert embed["title"] == "shoe-size title"


async def test_admin_reload_with_errors_changes_nothing_and_lists_file_line(bot: Running, facts_dir):
    fake = bot.fake
    old = bot.bot.engine
    (facts_dir / "broken.yaml").write_text("- id: Not An Id\n  title: {en: x}\n", "utf-8")
    interaction = await admin_reload(fake, locale="es-ES")
    await fake.response_to(interaction)
    body = (await followup(fake, interaction))["embeds"][0]["description"]
    assert body.startswith("No cambió nada")
    assert "broken.yaml:1: id must be lowercase" in body
    assert str(facts_dir) not in body, "paths are shown relative to the facts directory"
    assert bot.bot.engine is old
    interaction = await fake.slash("ask", question=QUESTION)
    assert "29 September 2008" in (await fake.response_to(interaction)).json["data"]["embeds"][0]["description"]


async def test_admin_reload_lints_dates_like_perezbot_check_on_the_bots_day(bot: Running, facts_dir):
    """A fact dated after the bot's today (its clock) is refused, as ``perezbot check`` refuses it;
    once the clock reaches the date, the same file is swapped in."""
    fake = bot.fake
    old = bot.bot.engine
    (facts_dir / "dated.yaml").write_text(FUTURE, "utf-8")
    interaction = await admin_reload(fake)
    await fake.response_to(interaction)
    body = (await followup(fake, interaction))["embeds"][0]["description"]
    assert "dated.yaml:" in body and "date 2027-05-01 is in the future (today is 2026-09-29)" in body
    assert bot.bot.engine is old

    bot.clock.now = dt.datetime(2027, 5, 1, 12, 0, tzinfo=dt.UTC)
    interaction = await admin_reload(fake)
    await fake.response_to(interaction)
    assert "+future-race" in (await followup(fake, interaction))["embeds"][0]["description"]
    assert bot.bot.engine.facts.get("future-race") is not None


async def test_admin_reload_is_for_the_owner_only(bot: Running, facts_dir):
    fake = bot.fake
    old = bot.bot.engine
    (facts_dir / "extra.yaml").write_text(fact_yaml("shoe-size"), "utf-8")
    interaction = await admin_reload(fake, user=FakeUser("pedro"))
    body = (await fake.response_to(interaction)).json
    assert body["type"] == 4 and body["data"]["flags"] & EPHEMERAL
    assert "Only the bot's owner" in body["data"]["embeds"][0]["description"]
    assert bot.bot.engine is old


async def test_admin_reload_is_hidden_from_non_admins(bot: Running):
    fake = bot.fake
    puts = fake.find("PUT", rf"/applications/{fake.application_id}/commands")
    admin = next(c for c in puts[-1].json if c["name"] == "admin")
    assert int(admin["default_member_permissions"]) == 8  # administrator
    assert [o["name"] for o in admin["options"]] == ["reload"]


async def test_sighup_reloads_the_facts(bot: Running, facts_dir):
    old = bot.bot.engine
    loop = asyncio.get_running_loop()
    assert install_reload_signal(bot.bot, loop)
    try:
        (facts_dir / "extra.yaml").write_text(fact_yaml("shoe-size"), "utf-8")
        os.kill(os.getpid(), signal.SIGHUP)
        await eventually(lambda: bot.bot.engine is not old)
        assert bot.bot.engine.facts.get("shoe-size") is not None
    finally:
        remove_reload_signal(loop)


@pytest.mark.parametrize(
    ("name", "content", "logged"),
    [
        ("broken.yaml", "- id: Not An Id\n", "broken.yaml:1:"),
        ("dated.yaml", SILENT, "date 2001-08-10 disagrees"),  # perezbot check's dated-fact lint too
    ],
)
async def test_sighup_with_errors_keeps_the_engine_and_logs_file_line(
    bot: Running, facts_dir, caplog, name, content, logged
):
    old = bot.bot.engine
    loop = asyncio.get_running_loop()
    install_reload_signal(bot.bot, loop)
    try:
        (facts_dir / name).write_text(content, "utf-8")
        os.kill(os.getpid(), signal.SIGHUP)
        await eventually(lambda: any(logged in r.getMessage() for r in caplog.records))
        assert bot.bot.engine is old
    finally:
        remove_reload_signal(loop)


# --- /about and logs ---------------------------------------------------------------------------------


async def test_about_shows_version_uptime_facts_servers_latency(bot: Running):
    from bot import __version__

    fake = bot.fake
    bot.clock.advance(3 * 3600 + 120)
    interaction = await fake.slash("about")
    (embed,) = (await fake.response_to(interaction)).json["data"]["embeds"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Version"] == __version__
    assert fields["Uptime"] == "3h 2m"
    assert fields["Facts"] == str(len(bot.bot.engine.facts))
    assert fields["Servers"] == "1"
    assert fields["Latency"] == "—" or fields["Latency"].endswith(" ms")


async def test_the_token_never_reaches_the_log_even_at_debug(endpoints, make_bot, ops_settings, facts_dir):
    stream = io.StringIO()
    level = logging.getLogger().level
    handler = setup_logging("DEBUG", "json", stream=stream, secrets=[ops_settings.discord_token])
    try:
        running = await make_bot(settings=ops_settings, engine=Engine.load(facts_dir))
        logging.getLogger("perezbot.test").info("configured with %s", ops_settings.discord_token)
        interaction = await running.fake.slash("ask", question=QUESTION)
        await running.fake.response_to(interaction)
        await running.bot.close()
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(level)
        logging.captureWarnings(False)
    output = stream.getvalue()
    assert '"event": "question"' in output and "[redacted]" in output
    assert ops_settings.discord_token not in output
