"""The Discord-side operations helpers, without a connection."""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest

from bot.config import Settings
from bot.core.engine import Engine
from bot.core.facts import default_facts_dir
from bot.core.render import Reply, render_reload
from bot.discord.feedback import VoteButton, feedback_view
from bot.discord.ops import format_latency, format_uptime, observe, reload_facts, shard_for, uptime
from tests.test_reload import fact_yaml


def test_shard_for_follows_discords_formula():
    guild = 81384788765712384
    assert shard_for(SimpleNamespace(shard_count=None), guild) == 0
    assert shard_for(SimpleNamespace(shard_count=2), guild) == (guild >> 22) % 2
    assert shard_for(SimpleNamespace(shard_count=2), None) == 0
    assert {shard_for(SimpleNamespace(shard_count=4), g << 22) for g in range(8)} == {0, 1, 2, 3}


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0m 0s"), (65, "1m 5s"), (3 * 3600 + 120, "3h 2m"), (2 * 86400 + 3600 + 60, "2d 1h 1m"), (-5, "0m 0s")],
)
def test_format_uptime(seconds, text):
    assert format_uptime(dt.timedelta(seconds=seconds)) == text


def test_uptime_unknown_before_start():
    assert format_uptime(uptime(SimpleNamespace(started_at=None, clock=lambda: None))) == "—"


def test_format_latency():
    assert format_latency(0.0423) == "42 ms"
    assert format_latency(math.nan) == "—" and format_latency(math.inf) == "—"


def test_observe_survives_a_broken_database(caplog):
    store = mock.Mock()
    store.record.side_effect = RuntimeError("disk full")
    bot = SimpleNamespace(question_log=store, clock=lambda: dt.datetime(2026, 1, 1, tzinfo=dt.UTC), shard_count=None)
    result, _ = Engine.load().ask("when did jefferson perez retire")
    observe(bot, result, latency=0.001, guild_id=None)  # no exception
    assert "could not record a handled question" in caplog.text


async def test_reloads_never_overlap_and_swap_only_valid_facts(tmp_path: Path):
    import shutil

    facts = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), facts)
    bot = SimpleNamespace(engine=Engine.load(facts), settings=Settings(facts_dir=facts))
    (facts / "extra.yaml").write_text(fact_yaml("shoe-size"), "utf-8")
    first, second = await asyncio.gather(reload_facts(bot), reload_facts(bot))
    assert first.ok and first.diff.added == ("shoe-size",)
    assert second.ok and not second.diff, "the second reload saw the first one's engine"
    good = bot.engine
    (facts / "broken.yaml").write_text("- id: Bad\n", "utf-8")
    rejected = await reload_facts(bot)
    assert not rejected.ok and bot.engine is good


def test_feedback_view_only_for_answers():
    answer = Reply(status="answered", lang="en", body="x", fact_ids=("atlanta-gold", "other"))
    view = feedback_view(answer)
    assert view is not None and view.timeout is None
    assert [item.item.custom_id for item in view.children] == [
        "perezbot:vote:up:atlanta-gold",
        "perezbot:vote:down:atlanta-gold",
    ]
    assert feedback_view(Reply(status="unknown", lang="en", body="x")) is None
    assert feedback_view(Reply(status="answered", lang="en", body="x")) is None
    assert feedback_view(Reply(status="answered", lang="en", body="x", fact_ids=("x" * 90,))) is None


async def test_vote_button_parses_its_custom_id():
    match = VoteButton.__discord_ui_compiled_template__.fullmatch("perezbot:vote:down:atlanta-gold")
    button = await VoteButton.from_custom_id(mock.Mock(), mock.Mock(), match)
    assert (button.helpful, button.fact_id) == (False, "atlanta-gold")
    assert VoteButton.__discord_ui_compiled_template__.fullmatch("perezbot:vote:maybe:x") is None


def test_render_reload_words_and_limits():
    ok = render_reload("en", ok=True, count=12, changes=["+a", "~b", "−c"], problems=[])
    assert ok.body == "Reloaded 12 facts. Changes:\n```\n+a\n~b\n−c\n```"
    same = render_reload("es", ok=True, count=12, changes=[], problems=[])
    assert same.body == "Recargados 12 datos: nada cambió."
    many = [f"facts/a.yaml:{i}: a problem described at some length" for i in range(500)]
    bad = render_reload("en", ok=False, count=12, changes=[], problems=many)
    assert bad.body.startswith("Nothing changed: the fact base has 500 problem(s).")
    assert len(bad.body) < 4096 and bad.body.rstrip().endswith("more")
    assert bad.status == "notice"
