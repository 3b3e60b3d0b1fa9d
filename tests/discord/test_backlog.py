"""The backlog's decisions: answer, defer, or "try again"; follow-up work waits for first responses."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import pytest

from bot.discord.backlog import Backlog, Mode


def test_a_quiet_bot_answers_directly() -> None:
    assert Backlog().mode(age=0.05) is Mode.ANSWER


def test_a_question_that_waited_is_deferred() -> None:
    assert Backlog(defer_age=1.0).mode(age=1.2) is Mode.DEFER


def test_many_first_responses_pending_defer_even_fresh_questions() -> None:
    backlog = Backlog(defer_depth=2)
    with backlog.first_response(), backlog.first_response():
        assert backlog.awaiting_first == 2 and backlog.mode(age=0.0) is Mode.DEFER
    assert backlog.awaiting_first == 0 and backlog.mode(age=0.0) is Mode.ANSWER


def test_a_first_response_counts_once_however_often_it_is_done() -> None:
    backlog = Backlog()
    with backlog.first_response() as first, backlog.first_response():
        first.done()
        first.done()
        assert backlog.awaiting_first == 1 and not first.pending
    assert backlog.awaiting_first == 0


def test_an_answer_mode_question_is_deferred_by_answer_by_after_its_creation() -> None:
    now = dt.datetime(2026, 9, 29, 14, 0, tzinfo=dt.UTC)
    backlog = Backlog(answer_by=1.5, wall=lambda: now)
    assert backlog.time_left(now - dt.timedelta(seconds=0.5)) == pytest.approx(1.0)
    assert backlog.time_left(now - dt.timedelta(seconds=2)) == 0.0


async def test_follow_up_work_waits_until_no_first_response_is_pending() -> None:
    backlog = Backlog(hold=60.0)
    await backlog.quiet()  # nothing pending: at once
    order: list[str] = []

    async def follow_up() -> None:
        await backlog.quiet()
        order.append("follow-up")

    with backlog.first_response() as first:
        waiting = asyncio.ensure_future(follow_up())
        await asyncio.sleep(0)
        assert not waiting.done()
        order.append("first response")
        first.done()
    await waiting
    assert order == ["first response", "follow-up"]


async def test_follow_up_work_is_never_starved() -> None:
    backlog = Backlog(hold=0.0)
    with backlog.first_response():
        await backlog.quiet()  # returns although a first response is still pending


def test_past_the_limit_the_asker_is_told_to_try_again(caplog: pytest.LogCaptureFixture) -> None:
    backlog = Backlog(limit=1)
    with backlog.handling():
        assert backlog.mode(age=0.0) is Mode.BUSY
        with caplog.at_level(logging.WARNING, "perezbot.backlog"):
            for _ in range(3):
                backlog.turn_away()
    assert backlog.turned_away == 3 and len(caplog.records) == 1  # logged once, not per asker
