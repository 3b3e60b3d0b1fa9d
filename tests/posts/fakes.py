"""A fake :class:`bot.anniversary.scheduler.Poster`: an in-memory Discord with failure knobs."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from dataclasses import dataclass, field

from bot.anniversary.scheduler import PostRefused
from bot.core.render import Reply


class Crash(BaseException):
    """Raised from inside a send to simulate the process dying there (schedulers don't catch it)."""


@dataclass
class Sent:
    channel_id: int
    message_id: int
    reply: Reply
    nonce: str


@dataclass
class FakePoster:
    channels: dict[int, int] = field(default_factory=dict)  # channel id → guild id
    sent: list[Sent] = field(default_factory=list)
    refuse: dict[int, str] = field(default_factory=dict)  # channel id → error text
    crash_before: set[int] = field(default_factory=set)  # die after the claim, before Discord has it
    crash_after: set[int] = field(default_factory=set)  # die after Discord has it, before recording
    hang_after: set[int] = field(default_factory=set)  # Discord has it but the answer never comes
    unverifiable: set[int] = field(default_factory=set)  # history cannot be read
    languages: dict[int, str] = field(default_factory=dict)  # guild id → its Discord language
    yields: int = 3  # awaits inside post(), so concurrent ticks really interleave
    ids: itertools.count = field(default_factory=lambda: itertools.count(1_000_000_000_000_000_001))

    def guild_of(self, channel_id: int) -> int | None:
        return self.channels.get(channel_id)

    def language_of(self, guild_id: int) -> str | None:
        return self.languages.get(guild_id)

    async def post(self, channel_id: int, reply: Reply, nonce: str) -> int:
        for _ in range(self.yields):
            await asyncio.sleep(0)
        if channel_id in self.crash_before:
            raise Crash
        if channel_id in self.refuse:
            raise PostRefused(self.refuse[channel_id])
        message = Sent(channel_id, next(self.ids), reply, nonce)
        self.sent.append(message)
        if channel_id in self.crash_after:
            raise Crash
        if channel_id in self.hang_after:
            raise TimeoutError
        return message.message_id

    async def find_post(self, channel_id: int, since: dt.datetime, reply: Reply) -> int | None:
        await asyncio.sleep(0)
        if channel_id in self.unverifiable:
            raise PermissionError("Missing Access: Read Message History")
        for message in self.sent:
            if message.channel_id == channel_id and message.reply.title == reply.title:
                return message.message_id
        return None

    def posts_in(self, channel_id: int) -> list[Sent]:
        return [m for m in self.sent if m.channel_id == channel_id]
