"""Channel lanes: one reply in flight per channel, identical replies folded, a full queue drops with a reason."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.discord.lanes import ChannelLanes, Delivery


class Channel:
    """Sends that finish only when the test says so (a channel held by its rate limit)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, tuple[int, ...]]] = []
        self.gate = asyncio.Event()

    def send(self, text: str):  # type: ignore[no-untyped-def]
        async def go(also: tuple[int, ...]) -> str:
            await self.gate.wait()
            self.sent.append((text, also))
            return f"message for {text}"

        return go


async def test_identical_replies_waiting_are_folded_into_one_that_names_every_asker() -> None:
    lanes: ChannelLanes[str] = ChannelLanes(depth=5)
    channel = Channel()
    first = asyncio.ensure_future(lanes.deliver(7, "answer", 1, 101, channel.send("answer")))
    await asyncio.sleep(0)  # in flight, held
    second = asyncio.ensure_future(lanes.deliver(7, "answer", 2, 102, channel.send("answer")))
    await asyncio.sleep(0)  # waiting behind it
    third = asyncio.ensure_future(lanes.deliver(7, "answer", 3, 103, channel.send("answer")))
    other = asyncio.ensure_future(lanes.deliver(7, "other", 4, 104, channel.send("other")))
    await asyncio.sleep(0)
    channel.gate.set()
    results = await asyncio.gather(first, second, third, other)
    assert channel.sent == [("answer", ()), ("answer", (103,)), ("other", ())]
    assert [r[0] for r in results] == [Delivery.SENT, Delivery.SENT, Delivery.FOLDED, Delivery.SENT]
    assert results[2][1] == "message for answer"  # the folded asker gets the message that names them
    assert lanes.folded == 1 and lanes.dropped == 0 and lanes.waiting(7) == 0


async def test_past_its_depth_a_channel_drops_and_logs_each_question(caplog: pytest.LogCaptureFixture) -> None:
    lanes: ChannelLanes[str] = ChannelLanes(depth=1)
    channel = Channel()
    caplog.set_level(logging.INFO, "perezbot.lanes")
    flying = asyncio.ensure_future(lanes.deliver(7, "a", 1, 101, channel.send("a")))
    await asyncio.sleep(0)
    waiting = asyncio.ensure_future(lanes.deliver(7, "b", 2, 102, channel.send("b")))
    await asyncio.sleep(0)
    assert await lanes.deliver(7, "c", 3, 103, channel.send("c")) == (Delivery.DROPPED, None)
    assert await lanes.deliver(8, "c", 4, 104, lambda also: asyncio.sleep(0, "elsewhere")) == (
        Delivery.SENT,
        "elsewhere",
    )  # another channel is not affected
    channel.gate.set()
    await asyncio.gather(flying, waiting)
    assert lanes.dropped == 1 and "no reply to message 3" in caplog.text and "saturated" in caplog.text


async def test_a_reply_never_folds_without_a_key_or_past_fold_max() -> None:
    lanes: ChannelLanes[str] = ChannelLanes(depth=10, fold_max=2)
    channel = Channel()
    tasks = [asyncio.ensure_future(lanes.deliver(7, "a", 1, 101, channel.send("a")))]
    await asyncio.sleep(0)
    for i in range(2, 6):
        tasks.append(asyncio.ensure_future(lanes.deliver(7, "a", i, 100 + i, channel.send("a"))))
        await asyncio.sleep(0)
    tasks.append(asyncio.ensure_future(lanes.deliver(7, None, 9, 109, channel.send("mine"))))
    await asyncio.sleep(0)
    channel.gate.set()
    await asyncio.gather(*tasks)
    assert channel.sent == [("a", ()), ("a", (103,)), ("a", (105,)), ("mine", ())]


async def test_dms_bypass_the_lanes() -> None:
    lanes: ChannelLanes[str] = ChannelLanes(depth=0)
    assert await lanes.deliver(None, "a", 1, 101, lambda also: asyncio.sleep(0, also)) == (Delivery.SENT, ())


async def test_a_failed_send_fails_its_folded_askers_too_and_frees_the_channel() -> None:
    lanes: ChannelLanes[str] = ChannelLanes()
    gate = asyncio.Event()

    async def broken(also: tuple[int, ...]) -> str:
        await gate.wait()
        raise RuntimeError("503")

    first = asyncio.ensure_future(lanes.deliver(7, "a", 1, 101, broken))
    await asyncio.sleep(0)
    second = asyncio.ensure_future(lanes.deliver(7, "a", 2, 102, broken))
    await asyncio.sleep(0)
    third = asyncio.ensure_future(lanes.deliver(7, "a", 3, 103, broken))
    await asyncio.sleep(0)
    gate.set()
    outcomes = await asyncio.gather(first, second, third, return_exceptions=True)
    assert all(isinstance(o, RuntimeError) for o in outcomes)
    assert lanes.waiting(7) == 0 and not lanes._lanes


async def test_a_cancelled_send_cancels_its_folded_askers() -> None:
    lanes: ChannelLanes[str] = ChannelLanes()
    channel = Channel()
    first = asyncio.ensure_future(lanes.deliver(7, "a", 1, 101, channel.send("a")))
    await asyncio.sleep(0)
    second = asyncio.ensure_future(lanes.deliver(7, "a", 2, 102, channel.send("a")))
    await asyncio.sleep(0)
    third = asyncio.ensure_future(lanes.deliver(7, "a", 3, 103, channel.send("a")))  # folded into the second
    await asyncio.sleep(0)
    first.cancel()
    second.cancel()  # waiting for the channel when the bot closes
    outcomes = await asyncio.gather(first, second, third, return_exceptions=True)
    assert all(isinstance(o, asyncio.CancelledError) for o in outcomes)
    assert not lanes._lanes
