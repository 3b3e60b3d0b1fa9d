"""Replies to one channel, under its rate limit: one in flight, a short queue, identical replies folded.

Discord lets a bot post about 5 messages per 5 s in a channel. A burst of questions in one channel
(2,000 over 4 channels, say) cannot each get its own reply in any reasonable time, and queueing
them all only makes every reply later. So, per channel:

- one reply is sent at a time (discord.py waits out the channel's bucket while it is in flight);
- a reply identical to one still waiting (same words: the same answer, the same "asked a moment
  ago") for another asker is **folded** into it: that one message names every asker (``<@id>``,
  never pinging: every send has ``AllowedMentions.none()``), up to :attr:`ChannelLanes.fold_max`;
- at most :attr:`ChannelLanes.depth` different replies wait; past that a reply is **dropped**, and
  every dropped question is logged with its reason (INFO, one line each; a WARNING on the first
  and every 100th so a flood stands out without flooding the log).

DMs (no channel id given) bypass the lanes: each is its own channel with one asker.
Only asyncio: the caller passes the send, so this module never imports discord.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["ChannelLanes", "Delivery"]

log = logging.getLogger("perezbot.lanes")

T = TypeVar("T")


class Delivery(enum.Enum):
    SENT = "sent"  # this question's reply went out (naming any folded askers)
    FOLDED = "folded"  # answered by another asker's identical reply, which names this asker
    DROPPED = "dropped"  # the channel's queue was full: no reply (logged)


class _Waiting(Generic[T]):
    """A reply waiting for its channel: the askers it will name, and its outcome for them."""

    __slots__ = ("askers", "key", "sent")

    def __init__(self, key: Hashable, loop: asyncio.AbstractEventLoop) -> None:
        self.key = key
        self.askers: list[int] = []
        self.sent: asyncio.Future[T | None] = loop.create_future()


class _Lane(Generic[T]):
    __slots__ = ("lock", "waiting")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.waiting: list[_Waiting[T]] = []


class ChannelLanes(Generic[T]):
    """Per-channel reply queues; see the module docstring."""

    def __init__(self, *, depth: int = 10, fold_max: int = 50) -> None:
        self.depth = depth  # different replies waiting per channel at most
        self.fold_max = fold_max  # askers one reply may name at most (50 names: ~1,100 of 2,000 characters)
        self._lanes: dict[int, _Lane[T]] = {}
        self.folded = 0
        self.dropped = 0

    def waiting(self, channel_id: int) -> int:
        lane = self._lanes.get(channel_id)
        return len(lane.waiting) if lane else 0

    async def deliver(
        self,
        channel_id: int | None,
        key: Hashable | None,
        question_id: int,
        asker_id: int,
        send: Callable[[tuple[int, ...]], Awaitable[T | None]],
    ) -> tuple[Delivery, T | None]:
        """Send a reply (``send(also)`` names the folded askers ``also``), fold it, or drop it.

        ``key`` identifies identical replies (None: never fold, e.g. buttons for this asker only).
        Returns what happened and what ``send`` returned for the message that carries the reply.
        """
        if channel_id is None:
            return Delivery.SENT, await send(())
        lane = self._lanes.get(channel_id)
        if lane is None:
            lane = self._lanes[channel_id] = _Lane()
        if key is not None:
            for waiting in lane.waiting:
                if waiting.key == key and len(waiting.askers) < self.fold_max and asker_id not in waiting.askers:
                    waiting.askers.append(asker_id)
                    self.folded += 1
                    return Delivery.FOLDED, await asyncio.shield(waiting.sent)
        if len(lane.waiting) >= self.depth:
            self._drop(channel_id, question_id, len(lane.waiting))
            return Delivery.DROPPED, None
        mine: _Waiting[T] = _Waiting(key, asyncio.get_running_loop())
        mine.askers.append(asker_id)
        lane.waiting.append(mine)
        try:
            async with lane.lock:
                lane.waiting.remove(mine)  # in flight: no more folding into it
                result = await send(tuple(mine.askers[1:]))
        except BaseException as exc:
            if mine in lane.waiting:
                lane.waiting.remove(mine)
            if mine.sent.done():
                pass
            elif isinstance(exc, asyncio.CancelledError):  # the bot is closing
                mine.sent.cancel()
            else:
                mine.sent.set_exception(exc)
                mine.sent.exception()  # the folded askers share it; nobody else need retrieve it
            raise
        finally:
            if not lane.waiting and not lane.lock.locked():
                self._lanes.pop(channel_id, None)
        mine.sent.set_result(result)
        return Delivery.SENT, result

    def _drop(self, channel_id: int, question_id: int, waiting: int) -> None:
        self.dropped += 1
        log.info(
            "no reply to message %s: channel %s has %d different replies waiting for its rate limit",
            question_id,
            channel_id,
            waiting,
        )
        if self.dropped == 1 or self.dropped % 100 == 0:
            log.warning(
                "channel %s is saturated (%d different replies waiting on its rate limit): %d question(s) left"
                " without a reply so far (each logged at INFO)",
                channel_id,
                waiting,
                self.dropped,
            )
