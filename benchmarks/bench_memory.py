"""Resident memory over a long run: RSS after 100 and after 10,000 questions.

Two measurements (``make chaos`` runs both; ``--questions`` and ``--skip-discord`` make it shorter):

* **engine** — in this process, ``Engine.ask`` on varied questions (every fact's phrasings in both
  languages, with and without typos and extra words, and questions it cannot answer), so any cache
  keyed by wording would show.
* **discord** — the real ``perezbot run`` as a subprocess against the fake Discord (which runs in
  this process, so its own bookkeeping is not counted): ``/ask`` and @mentions from many users in
  several channels, in batches that wait for their replies; the bot's ``VmRSS`` is read from
  ``/proc``.

The issue's bar: RSS after 10,000 within 20 % of RSS after 100. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import random
from collections.abc import Iterator
from typing import Any

from live import REPO, live_bot, rss_kib

from bot.core.engine import Engine
from bot.core.facts import LANGS

CHECKPOINTS = (100, 1_000, 10_000)
FILLERS = ("please", "hey bot", "quick one:", "¿sabes", "tell me", "por favor", "lol", "??")
UNKNOWN = ("how do I bake sourdough", "what is the capital of mongolia", "quién ganó el mundial 1998", "asdf qwerty")


def questions(engine: Engine, seed: int = 7) -> Iterator[str]:
    """An endless, varied stream: phrasings, typos, fillers, numbers, misses."""
    rng = random.Random(seed)
    phrasings = [q for fact in engine.facts for lang in LANGS for q in fact.questions.get(lang, ())]
    n = 0
    while True:
        n += 1
        roll = rng.random()
        if roll < 0.15:
            yield f"{rng.choice(UNKNOWN)} {n}"
            continue
        text = rng.choice(phrasings)
        if roll < 0.45 and len(text) > 4:  # a typo: swap two letters
            i = rng.randrange(len(text) - 1)
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        if roll > 0.7:
            text = f"{rng.choice(FILLERS)} {text} {n % 997}"
        yield text


def replies(fake: Any, after: int) -> int:
    """Replies posted since ``after``: interaction callbacks and channel messages."""
    return sum(1 for r in fake.requests[after:] if r.method == "POST" and r.path.endswith(("/callback", "/messages")))


def bench_engine(total: int) -> dict[int, int]:
    engine = Engine.load()
    out: dict[int, int] = {}
    stream = questions(engine)
    for n in range(1, total + 1):
        engine.ask(next(stream))
        if n in CHECKPOINTS:
            out[n] = rss_kib()
    return out


async def bench_discord(total: int) -> dict[int, int]:
    from tests.fake_discord import FakeDiscord, FakeUser

    out: dict[int, int] = {}
    fake = FakeDiscord()
    channels = [fake.guild.channel, *(fake.guild.add_channel(f"general-{i}") for i in range(3))]
    async with live_bot(fake) as (fake, proc):
        stream = questions(Engine.load(REPO / "facts"), seed=11)
        sent, batch = 0, 50
        while sent < total:
            mark = fake.mark()
            size = min(batch, total - sent)
            for i in range(size):
                user = FakeUser(f"user{sent + i}")
                channel = channels[(sent + i) % len(channels)]
                if (sent + i) % 4 == 3:  # a DM (a server channel drops replies past 10 waiting)
                    await fake.say(next(stream), author=user, guild=None)
                else:
                    await fake.slash("ask", question=next(stream)[:300], user=user, channel=channel)
            await fake.wait_until(lambda mark=mark, size=size: replies(fake, mark) >= size, timeout=60, what="replies")
            sent += size
            # The fake keeps every request and message; drop them so this process stays small.
            for kept in (fake.requests, fake.messages, fake.interactions, fake.originals):
                kept.clear()
            for checkpoint in CHECKPOINTS:
                if sent - size < checkpoint <= sent:
                    await asyncio.sleep(0.2)
                    out[checkpoint] = rss_kib(proc.pid)
    return out


def report(name: str, rss: dict[int, int]) -> None:
    first, last = rss[min(rss)], rss[max(rss)]
    cells = "  ".join(f"after {n:>6,}: {kib / 1024:6.1f} MiB" for n, kib in sorted(rss.items()))
    print(f"{name:8} {cells}  growth {100 * (last - first) / first:+.1f} %")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--skip-discord", action="store_true")
    args = parser.parse_args()
    report("engine", bench_engine(args.questions))
    if not args.skip_discord:
        report("discord", asyncio.run(bench_discord(args.questions)))


if __name__ == "__main__":
    main()
