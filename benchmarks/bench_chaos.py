"""The issue's load and fault numbers, measured on the real ``perezbot run`` against the fake Discord.

Run with ``make chaos`` (or ``.venv/bin/python benchmarks/bench_chaos.py [--burst N] [--faulty N]``):

* **burst** — N ``/ask`` from N users at once over 4 channels, then N @mentions: the share
  answered within Discord's 3 s window (a first response: the answer or a deferral), p50/p99 of
  that first response, and how many got a reply eventually; ``--runs`` times (min/median);
* **5xx** — 20 % of REST requests answered 5xx: N ``/ask`` and N mentions, how many users saw
  the answer; and 8 starts, how many came up;
* **429** — Discord's rate limits (buckets + the global 50/s): N mentions in DMs, rate-limited
  requests per reply.

Printed, never asserted (the tests in ``tests/e2e/test_chaos.py`` check the outcomes).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import time
from collections.abc import Callable

from live import live_bot

from tests.fake_discord import FakeDiscord, FakeUser, Faults, RateLimits, Recorded

QUESTION = "when did jefferson perez retire"
ANSWER_MARK = "2008"  # in the answer to QUESTION, in both languages


def _says(body: object) -> bool:
    if not isinstance(body, dict):
        return False
    texts = [body.get("content") or ""] + [e.get("description") or "" for e in body.get("embeds") or []]
    data = body.get("data")
    if isinstance(data, dict):
        texts += [data.get("content") or ""] + [e.get("description") or "" for e in data.get("embeds") or []]
    return any(ANSWER_MARK in t for t in texts)


def _ok(rec: Recorded) -> bool:
    return 200 <= rec.status < 300


def _first_responses(fake: FakeDiscord) -> dict[str, Recorded]:
    """Interaction id → its first successful callback."""
    out: dict[str, Recorded] = {}
    for rec in fake.requests:
        if rec.method == "POST" and rec.path.startswith("/interactions/") and _ok(rec):
            out.setdefault(rec.path.split("/")[2], rec)
    return out


def _answered_interactions(fake: FakeDiscord) -> set[str]:
    """Tokens whose user saw a reply: a message callback, or a follow-up (or edit) after a deferral.

    In a busy channel most replies are "I answered that here a moment ago" rather than the answer:
    what counts here is that the user was not left with "the application did not respond".
    """
    seen: set[str] = set()
    for rec in fake.requests:
        if not _ok(rec) or (rec.path.startswith("/interactions/") and (rec.json or {}).get("type") != 4):
            continue
        parts = rec.path.split("/")
        if rec.path.startswith(("/interactions/", "/webhooks/")):
            seen.add(parts[3])
    return seen


def _answered_messages(fake: FakeDiscord) -> dict[str, float]:
    """Message id → when the bot's reply to it arrived (the answer, or "asked a minute ago" in a busy
    channel): a reply referencing it, or naming its author in the same channel (a folded reply)."""
    asked: dict[tuple[str, str], list[str]] = {}  # (channel, author) -> question ids
    for message in fake.messages.values():
        if "webhook_id" not in message and message["author"]["id"] != str(fake.bot_user.id):
            asked.setdefault((message["channel_id"], message["author"]["id"]), []).append(message["id"])
    out: dict[str, float] = {}
    for rec in fake.requests:
        if rec.method == "POST" and rec.path.endswith("/messages") and _ok(rec):
            ref = (rec.json or {}).get("message_reference") or {}
            if ref.get("message_id"):
                out.setdefault(str(ref["message_id"]), rec.at)
            channel = rec.path.split("/")[2]
            for author in re.findall(r"<@(\d+)>", (rec.json or {}).get("content") or ""):
                for question in asked.get((channel, author), ()):
                    out.setdefault(question, rec.at)
    return out


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


async def _settle(fake: FakeDiscord, predicate: Callable[[], bool], timeout: float, idle: float = 5.0) -> None:
    """Until ``predicate()``, or nothing new reached the fake for ``idle`` seconds, or ``timeout``."""
    deadline = time.monotonic() + timeout
    seen, quiet_since = len(fake.requests), time.monotonic()
    while not predicate() and time.monotonic() < deadline:
        await asyncio.sleep(0.25)
        if len(fake.requests) != seen:
            seen, quiet_since = len(fake.requests), time.monotonic()
        elif time.monotonic() - quiet_since > idle:
            return


async def burst(n: int) -> float:
    """One run: N /ask, then N mentions, over 4 channels. Returns the share of /ask responded to within 3 s."""
    fake = FakeDiscord()
    channels = [fake.guild.channel, *(fake.guild.add_channel(f"general-{i}") for i in range(3))]
    async with live_bot(fake) as (fake, _proc):
        sent: list[tuple[float, dict]] = []
        for i in range(n):
            user, channel = FakeUser(f"asker{i}"), channels[i % len(channels)]
            sent.append((time.monotonic(), await fake.slash("ask", question=QUESTION, user=user, channel=channel)))
        await _settle(fake, lambda: len(_answered_interactions(fake)) >= n, 120)
        first = _first_responses(fake)
        latency = [first[i["id"]].at - at for at, i in sent if i["id"] in first]
        within = sum(1 for v in latency if v <= 3.0)
        answered = len(_answered_interactions(fake))
        deferred = sum(1 for rec in first.values() if (rec.json or {}).get("type") == 5)
        busy = sum(1 for rec in first.values() if "moment" in str(rec.json) and "ask again" in str(rec.json))
        print(
            f"burst /ask      {n}: {within / n:6.1%} responded within 3 s (p50 {_pct(latency, 0.5):.2f} s,"
            f" p99 {_pct(latency, 0.99):.2f} s; {deferred} deferred, {busy} told to ask again);"
            f" {answered / n:6.1%} got a reply eventually"
        )
        mark = fake.mark()
        asked: list[tuple[float, dict]] = []
        for i in range(n):
            user, channel = FakeUser(f"mentioner{i}"), channels[i % len(channels)]
            msg = await fake.say(
                f"<@{fake.bot_user.id}> {QUESTION}", author=user, channel=channel, mentions=[fake.bot_user]
            )
            asked.append((time.monotonic(), msg))
        await _settle(fake, lambda: len(_answered_messages(fake)) >= n, 300)
        replies = _answered_messages(fake)
        latency = [replies[m["id"]] - at for at, m in asked if m["id"] in replies]
        messages = len(fake.find("POST", r"/channels/\d+/messages", after=mark))
        print(
            f"burst @mention  {n}: {len(latency) / n:6.1%} answered (p50 {_pct(latency, 0.5):.2f} s,"
            f" p99 {_pct(latency, 0.99):.2f} s) by {messages} messages; {len(fake.requests) - mark} requests"
        )
    return within / n


async def server_errors(n: int, starts: int) -> None:
    fake = FakeDiscord()
    async with live_bot(fake) as (fake, _proc):
        fake.faults = Faults(error_rate=0.2, seed=5)
        asked = [await fake.slash("ask", question=QUESTION, user=FakeUser(f"a{i}")) for i in range(n)]
        for i in range(n):  # in DMs: a busy server channel drops replies past 10 waiting (by design)
            await fake.say(QUESTION, author=FakeUser(f"m{i}"), guild=None)
            await asyncio.sleep(0.01)
        await _settle(fake, lambda: len(_answered_messages(fake)) >= n and len(_answered_interactions(fake)) >= n, 60)
        tokens = _answered_interactions(fake)
        seen_ask = sum(1 for i in asked if i["token"] in tokens)
        print(
            f"20 % 5xx        {n} /ask: {seen_ask} saw the answer; {n} DM questions: {len(_answered_messages(fake))}"
            f" answered ({fake.faults.counts['5xx']} injected 5xx)"
        )
    came_up = 0
    for seed in range(starts):
        fake = FakeDiscord()
        fake.faults = Faults(error_rate=0.2, seed=100 + seed)
        try:
            async with live_bot(fake):
                came_up += 1
        except AssertionError:
            pass
    print(f"20 % 5xx        starts: {came_up}/{starts} came up")


async def rate_limited(n: int) -> None:
    fake = FakeDiscord()
    async with live_bot(fake) as (fake, _proc):
        fake.faults = Faults(limits=RateLimits())
        for i in range(n):
            await fake.say(QUESTION, author=FakeUser(f"dm{i}"), guild=None)
        await _settle(fake, lambda: len(_answered_messages(fake)) >= n, 300)
        answered = len(_answered_messages(fake))
        limited = fake.faults.counts["429"] + fake.faults.counts["429-global"]
        print(
            f"429 flood       {n} DMs: {answered} answered,"
            f" {limited / max(answered, 1):.2f} rate-limited requests per reply"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=2000)
    parser.add_argument("--faulty", type=int, default=300)
    parser.add_argument("--starts", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3, help="burst runs (min/median reported)")
    parser.add_argument("--only", choices=("burst", "5xx", "429"))
    args = parser.parse_args()
    if args.only in (None, "burst"):
        shares = sorted(asyncio.run(burst(args.burst)) for _ in range(args.runs))
        if args.runs > 1:
            print(
                f"burst /ask      {args.runs} runs: within 3 s min {shares[0]:.1%},"
                f" median {statistics.median(shares):.1%}, max {shares[-1]:.1%}"
            )
    if args.only in (None, "5xx"):
        asyncio.run(server_errors(args.faulty, args.starts))
    if args.only in (None, "429"):
        asyncio.run(rate_limited(args.burst))


if __name__ == "__main__":
    main()
