"""The bot under load and faults: bursts, server errors, rate limits (fault injection in the fake).

Short by default (part of ``make test``); ``make chaos`` sets ``PEREZBOT_CHAOS=long`` for the
issue's sizes. Each test checks outcomes (every question gets a visible reply, few 429s), never
time; latency is measured by ``benchmarks/bench_chaos.py``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.e2e.conftest import Running
from tests.fake_discord import FakeDiscord, FakeUser, Faults, RateLimits, Recorded

LONG = os.environ.get("PEREZBOT_CHAOS") == "long"
QUESTION = "when did jefferson perez retire"
BUSY = "ask again in a moment"  # past the backlog's bound: a visible "try again", never silence
MENTION = re.compile(r"<@(\d+)>")  # askers named in a reply folded for several of them


def scale(short: int, long: int) -> int:
    return long if LONG else short


def ok(rec: Recorded) -> bool:
    return 200 <= rec.status < 300


def says_text(body: dict | None) -> str:
    """A message body's words: content and embed descriptions."""
    body = body or {}
    return "\n".join([body.get("content") or ""] + [e.get("description") or "" for e in body.get("embeds") or []])


def says(body: dict | None, text: str) -> bool:
    """Whether a message body (content or embeds) contains ``text``."""
    return text in says_text(body)


def answered_tokens(fake: FakeDiscord, answer: str) -> set[str]:
    """Tokens of the interactions whose user saw ``answer``: in the callback, or in a follow-up
    (or the edited original) after a deferral. One pass over the requests: bursts are thousands."""
    direct: set[str] = set()
    deferred: set[str] = set()
    followed: set[str] = set()
    for rec in fake.requests:
        if not ok(rec) or rec.method not in ("POST", "PATCH"):
            continue
        parts = rec.path.split("/")
        if rec.path.startswith("/interactions/") and rec.path.endswith("/callback"):
            if rec.json["type"] == 4 and says(rec.json.get("data"), answer):
                direct.add(parts[3])
            elif rec.json["type"] == 5:
                deferred.add(parts[3])
        elif rec.path.startswith("/webhooks/") and says(rec.json, answer):
            followed.add(parts[3])
    return direct | (deferred & followed)


def answered_messages(fake: FakeDiscord, answer: str) -> set[str]:
    """Ids of the messages the bot answered with ``answer``: a 2xx POST replying to them, or naming
    their author (``<@id>``) in the same channel — a reply folded for several askers."""
    asked: dict[tuple[str, str], set[str]] = {}  # (channel, author) -> question ids
    for message in fake.messages.values():
        if "webhook_id" not in message and message["author"]["id"] != str(fake.bot_user.id):
            asked.setdefault((message["channel_id"], message["author"]["id"]), set()).add(message["id"])
    out: set[str] = set()
    for rec in fake.requests:
        if rec.method == "POST" and ok(rec) and rec.path.endswith("/messages") and says(rec.json, answer):
            reference = (rec.json or {}).get("message_reference") or {}
            if reference.get("message_id"):
                out.add(str(reference["message_id"]))
            channel = rec.path.split("/")[2]
            for author in MENTION.findall((rec.json or {}).get("content") or ""):
                out |= asked.get((channel, author), set())
    return out


def replies_to(fake: FakeDiscord, message: dict) -> list[dict]:
    """The bot's messages in the fake that reply to ``message``."""
    refs = {key: str((m.get("message_reference") or {}).get("message_id")) for key, m in fake.messages.items()}
    return [fake.messages[key] for key, ref in refs.items() if ref == message["id"]]


def interaction_visible(fake: FakeDiscord, interaction: dict, answer: str) -> bool:
    return interaction["token"] in answered_tokens(fake, answer)


def message_visible(fake: FakeDiscord, message: dict, answer: str) -> bool:
    return message["id"] in answered_messages(fake, answer)


async def settle(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll ``predicate`` (a few times a second: re-checking on every request is quadratic in a burst)."""
    try:
        async with asyncio.timeout(timeout):
            while not predicate():
                await asyncio.sleep(0.2)
    except TimeoutError:
        raise AssertionError(f"timed out after {timeout} s waiting for {what}") from None


def users(n: int) -> list[FakeUser]:
    """Distinct askers, so the per-user cooldown never hides a reply."""
    return [FakeUser(f"asker{i}") for i in range(n)]


async def test_a_burst_of_ask_is_answered_in_full(running: Running) -> None:
    fake = running.fake
    answer = running.retirement()
    n = scale(60, 2000)
    # In DMs: in a server, the same answer twice within a minute becomes "answered a moment ago".
    sent = [await fake.slash("ask", question=QUESTION, user=user, guild=None) for user in users(n)]
    await settle(
        lambda: {i["token"] for i in sent} <= answered_tokens(fake, answer) | answered_tokens(fake, BUSY),
        scale(20, 180),
        "replies",
    )
    running.alive()


async def test_a_burst_of_ask_in_busy_channels_leaves_no_notice_in_public(running: Running) -> None:
    fake = running.fake
    answer = running.retirement()
    channels = [fake.guild.channel, *(fake.guild.add_channel(f"burst-{i}") for i in range(3))]
    n = scale(60, 2000)
    sent = [
        await fake.slash("ask", question=QUESTION, user=user, channel=channels[i % len(channels)])
        for i, user in enumerate(users(n))
    ]
    await settle(
        lambda: {i["token"] for i in sent} <= answered_tokens(fake, answer) | answered_tokens(fake, "a moment ago"),
        scale(20, 180),
        "the answer or a pointer to it for every asker",
    )
    public = [says_text(m) for m in fake.public_messages()]
    assert not any("a moment ago" in text for text in public)  # pointers went to their askers only
    assert not any(text == "" for text in public)  # no "thinking…" left behind
    assert 1 <= sum(answer in text for text in public) <= len(sent)
    running.alive()


async def test_every_question_gets_a_visible_reply_under_server_errors(running: Running, errors) -> None:
    fake = running.fake
    answer = running.retirement()
    errors.expect("")  # the bot may log what it retried; what matters is what the users saw
    fake.faults = Faults(error_rate=0.2, seed=13)
    n = scale(30, 300)
    asked = [await fake.slash("ask", question=QUESTION, user=user, guild=None) for user in users(n)]
    mentioned = [await fake.say(QUESTION, author=user, guild=None) for user in users(n)]
    await settle(
        lambda: (
            {i["token"] for i in asked} <= answered_tokens(fake, answer) | answered_tokens(fake, BUSY)
            and {m["id"] for m in mentioned} <= answered_messages(fake, answer) | answered_messages(fake, BUSY)
        ),
        scale(30, 120),
        "a visible reply to every question",
    )
    assert fake.faults.counts["5xx"] > 0
    fake.faults = None
    running.alive()


async def test_a_flood_under_rate_limits_costs_few_429s(running: Running, errors) -> None:
    fake = running.fake
    answer = running.retirement()
    errors.expect("")
    fake.faults = Faults(limits=RateLimits())
    n = scale(120, 2000)
    asked = [await fake.say(QUESTION, author=user, guild=None) for user in users(n)]  # DMs: one channel each
    await settle(lambda: {m["id"] for m in asked} <= answered_messages(fake, answer), scale(30, 300), "replies")
    limited = fake.faults.counts["429"] + fake.faults.counts["429-global"]
    print(f"\n429s per reply: {limited / n:.2f} ({dict(fake.faults.counts)} for {n} replies)")
    assert limited / n <= 0.1, f"{limited} rate-limited requests for {n} replies"
    fake.faults = None
    running.alive()


async def test_a_burst_of_mentions_in_busy_channels_folds_replies_instead_of_dropping(
    running: Running, errors, caplog: pytest.LogCaptureFixture
) -> None:
    fake = running.fake
    answer = running.retirement()
    errors.expect("")
    caplog.set_level(logging.INFO, "perezbot.lanes")
    fake.faults = Faults(limits=RateLimits())  # 5 messages per 5 s per channel, as on Discord
    channels = [fake.guild.channel, *(fake.guild.add_channel(f"busy-{i}") for i in range(scale(1, 3)))]
    n = scale(40, 2000)
    asked = []
    for i, user in enumerate(users(n)):
        channel = channels[i % len(channels)]
        text = f"<@{fake.bot_user.id}> {QUESTION}"
        asked.append(await fake.say(text, author=user, channel=channel, mentions=[fake.bot_user]))
    lanes = running.bot.lanes

    def seen() -> set[str]:
        return answered_messages(fake, answer) | answered_messages(fake, "a moment ago")

    await settle(lambda: len(seen()) + lanes.dropped >= n, scale(30, 120), "a reply or a logged drop for each")
    replies = [r for r in fake.find("POST", r"/channels/\d+/messages") if ok(r)]
    print(
        f"\n{n} mentions in {len(channels)} channels: {len(seen())} answered by {len(replies)} messages,"
        f" {lanes.dropped} dropped, 429s {dict(fake.faults.counts)}"
    )
    assert {m["id"] for m in asked} - seen() == set() or LONG  # short: every one answered
    assert len(seen()) >= 0.9 * n  # folding answers (nearly) all; dropping "most" is gone
    assert len(replies) <= n / 4  # a few messages, each naming many askers
    for message in asked:  # every question not answered is logged with its reason
        if message["id"] not in seen():
            assert f"no reply to message {message['id']}" in caplog.text
    fake.faults = None
    running.alive()


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_a_reply_survives_one_server_error(running: Running, errors, status: int) -> None:
    fake = running.fake
    answer = running.retirement()
    errors.expect("")
    fake.faults = Faults(error_rate=1.0, error_statuses=(status,), routes=r"POST /channels/\d+/messages")
    message = await fake.say(f"<@{fake.bot_user.id}> {QUESTION}", mentions=[fake.bot_user])
    await fake.wait_until(lambda: fake.faults.counts["5xx"] >= 1, what="the failed reply")
    fake.faults = None
    await fake.wait_until(lambda: message_visible(fake, message, answer), timeout=10, what="the retried reply")


async def test_a_backlog_defers_first_and_answers_in_the_follow_up(running: Running) -> None:
    fake = running.fake
    running.bot.backlog.defer_depth = 0  # as if many questions were ahead of this one
    interaction = await fake.slash("ask", question=QUESTION)
    assert (await fake.response_to(interaction)).json["type"] == 5  # "thinking…" within the window
    await fake.wait_until(lambda: interaction_visible(fake, interaction, running.retirement()), what="the follow-up")


async def test_past_its_bound_the_bot_asks_to_try_again(running: Running, errors) -> None:
    fake = running.fake
    errors.expect("")
    running.bot.backlog.limit = 0
    interaction = await fake.slash("ask", question=QUESTION, locale="es-ES")
    body = (await fake.response_to(interaction)).json
    assert body["type"] == 4 and body["data"]["flags"] & 64  # only the asker sees it
    assert "momento" in says_text(body["data"])
    message = await fake.say(f"<@{fake.bot_user.id}> {QUESTION}", mentions=[fake.bot_user])
    reply = await fake.wait_for_request("POST", rf"/channels/{message['channel_id']}/messages")
    assert "moment" in says_text(reply.json)
    assert running.bot.backlog.turned_away == 2


async def test_a_saturated_channel_drops_the_reply_with_a_logged_reason(
    running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    fake = running.fake
    caplog.set_level(logging.INFO, "perezbot.lanes")
    running.bot.lanes.depth = 0  # as if its rate limit already held back as many replies as it may
    message = await fake.say(f"<@{fake.bot_user.id}> {QUESTION}", mentions=[fake.bot_user])
    for _ in range(250):  # nothing reaches the fake to wake a wait: poll the bot
        if running.bot.lanes.dropped:
            break
        await asyncio.sleep(0.02)
    assert running.bot.lanes.dropped == 1 and "saturated" in caplog.text
    assert f"no reply to message {message['id']}" in caplog.text  # each dropped question, with its reason
    assert not fake.find("POST", r"/channels/\d+/messages")


async def _spawn_run(fake: FakeDiscord, tmp_path: Path) -> asyncio.subprocess.Process:
    env = fake.process_env(tmp_path, LOG_LEVEL="INFO")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def _stop(proc: asyncio.subprocess.Process) -> str:
    if proc.returncode is None:
        proc.terminate()
    _, err = await asyncio.wait_for(proc.communicate(), 20)
    return err.decode("utf-8", "replace")


async def test_a_start_that_cannot_reach_discord_keeps_trying(fake: FakeDiscord, tmp_path: Path) -> None:
    fake.faults = Faults(error_rate=1.0, error_statuses=(503,), routes=r"GET /users/@me")
    proc = await _spawn_run(fake, tmp_path)
    try:
        await fake.wait_until(lambda: fake.faults.counts["5xx"] >= 2, timeout=20, what="two failed logins")
        assert proc.returncode is None, "the bot exited instead of trying again"
        fake.faults = None
        await fake.wait_until(lambda: fake.identifies, timeout=20, what="the bot coming up")
    finally:
        log = await _stop(proc)
    assert "could not reach Discord" in log and "trying again" in log
    assert proc.returncode == 0


async def test_every_start_comes_up_under_server_errors(fake: FakeDiscord, tmp_path: Path) -> None:
    starts = scale(2, 8)
    for seed in range(starts):
        fake.faults = Faults(error_rate=0.2, seed=seed)
        fake.identifies.clear()
        (tmp_path / f"start{seed}").mkdir()
        proc = await _spawn_run(fake, tmp_path / f"start{seed}")
        try:
            await fake.wait_until(lambda: fake.identifies, timeout=60, what=f"start {seed} coming up")
        finally:
            await _stop(proc)
    fake.faults = None


class HeldMatching(ThreadPoolExecutor):
    """The bot's matching thread, holding every question until :attr:`release` is set (a slow match)."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.release = threading.Event()

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        def held():  # type: ignore[no-untyped-def]
            self.release.wait(30)
            return fn(*args, **kwargs)

        return super().submit(held)


async def test_an_answer_not_ready_in_time_is_deferred_then_followed_up(running: Running) -> None:
    fake, bot = running.fake, running.bot
    held = HeldMatching()
    bot.matching, bot.backlog.answer_by = held, 0.0  # answer mode, but its time is already up
    try:
        interaction = await fake.slash("ask", question=QUESTION)
        assert (await fake.response_to(interaction)).json["type"] == 5  # "thinking…" while it matches
        assert bot.backlog.awaiting_first == 0
        held.release.set()
        await fake.wait_until(lambda: interaction_visible(fake, interaction, running.retirement()), what="the answer")
    finally:
        held.release.set()
        held.shutdown()


async def test_a_deferred_ask_whose_outcome_is_a_notice_stays_private(running: Running) -> None:
    fake = running.fake
    answer = running.retirement()
    running.bot.backlog.defer_depth = 0  # every question deferred first, as in a burst
    first = await fake.slash("ask", question=QUESTION, user=FakeUser("ana"))
    await fake.wait_until(lambda: interaction_visible(fake, first, answer), what="the answer")
    again = await fake.slash("ask", question=QUESTION, user=FakeUser("ben"))  # same channel, a moment later
    assert (await fake.response_to(again)).json["type"] == 5
    notice = await fake.wait_for_request("POST", rf"/webhooks/\d+/{again['token']}")
    assert "a moment ago" in says_text(notice.json) and notice.json["flags"] & 64
    assert fake.find("DELETE", rf"/webhooks/\d+/{again['token']}/messages/@original")  # the "thinking…" went
    public = [says_text(m) for m in fake.public_messages()]
    assert sum(answer in text for text in public) == 1  # the answer, once, in public
    assert not any("a moment ago" in text or text == "" for text in public)  # no notice, no stale "thinking…"


async def test_a_cooldown_notice_is_private_even_in_a_burst(running: Running) -> None:
    fake = running.fake
    running.bot.backlog.defer_depth = 0  # every question that needs matching is deferred first
    five = [await fake.slash("ask", question=QUESTION, guild=None) for _ in range(5)]  # 5 in 30 s are allowed
    sixth = await fake.slash("ask", question=QUESTION, guild=None)
    body = (await fake.response_to(sixth)).json
    assert body["type"] == 4 and body["data"]["flags"] & 64  # at once, for the asker only: never after "thinking…"
    assert "ask again in" in says_text(body["data"])
    answer = running.retirement()
    await fake.wait_until(lambda: all(interaction_visible(fake, i, answer) for i in five), what="the five answers")


async def test_a_reply_applied_but_answered_503_is_not_doubled_by_its_retry(running: Running, errors) -> None:
    fake = running.fake
    answer = running.retirement()
    errors.expect("")
    fake.faults = Faults(lost_rate=1.0, lost_max=1, routes=r"POST /channels/\d+/messages")
    message = await fake.say(f"<@{fake.bot_user.id}> {QUESTION}", mentions=[fake.bot_user])
    await fake.wait_until(lambda: message_visible(fake, message, answer), timeout=10, what="the retried reply")
    posts = fake.find("POST", rf"/channels/{message['channel_id']}/messages")
    assert [p.status for p in posts] == [503, 200] and fake.faults.counts["lost"] == 1  # applied, lost, retried
    assert {(p.json["nonce"], p.json["enforce_nonce"]) for p in posts} == {(f"r{message['id']}", True)}
    replies = replies_to(fake, message)
    assert len(replies) == 1  # Discord refused the retry as a duplicate and returned the first


async def test_a_question_delivered_twice_gets_one_reply(running: Running) -> None:
    fake = running.fake
    message = await fake.say(f"<@{fake.bot_user.id}> {QUESTION}", mentions=[fake.bot_user])
    await fake.wait_until(lambda: message_visible(fake, message, running.retirement()), what="the reply")
    await fake.dispatch("MESSAGE_CREATE", message, guild_id=int(message["guild_id"]))  # e.g. replayed on a resume
    await fake.wait_until(lambda: len(fake.find("POST", r"/channels/\d+/messages")) == 2, what="the second send")
    replies = replies_to(fake, message)
    assert len(replies) == 1  # same nonce: Discord returned the first reply


async def test_every_request_path_goes_through_the_rest_policy(running: Running) -> None:
    """The policy sits on discord.py's private session (no public hook can retry): if an upgrade
    renames that session or sends interactions through another one, this fails."""
    fake, bot = running.fake, running.bot
    session = bot.http._HTTPClient__session  # type: ignore[attr-defined]
    assert bot.rest in session._middlewares
    bot.backlog.defer_depth = 0  # a callback, then a follow-up through the interaction's webhook
    fake.faults = Faults(error_rate=1.0, error_statuses=(503,), routes=r"POST /(interactions|webhooks)/.*")
    interaction = await fake.slash("ask", question=QUESTION, guild=None)
    await fake.wait_until(lambda: fake.faults.counts["5xx"] >= 1, what="a failed callback")
    fake.faults = None
    await fake.wait_until(lambda: interaction_visible(fake, interaction, running.retirement()), timeout=10, what="it")
    assert bot.rest.retried["503"] >= 1


async def test_a_deferred_ask_that_fails_tells_only_the_asker(
    running: Running, errors, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = running.fake
    errors.expect("slash command /ask failed")
    running.bot.backlog.defer_depth = 0  # deferred first, as in a burst

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the matcher broke")

    monkeypatch.setattr(type(running.bot.engine), "ask", broken)  # restored after the test
    interaction = await fake.slash("ask", question=QUESTION)
    assert (await fake.response_to(interaction)).json["type"] == 5
    notice = await fake.wait_for_request("POST", rf"/webhooks/\d+/{interaction['token']}")
    assert "went wrong" in says_text(notice.json) and notice.json["flags"] & 64
    assert not any("went wrong" in says_text(m) or not says_text(m) for m in fake.public_messages())
