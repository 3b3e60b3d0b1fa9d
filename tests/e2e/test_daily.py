"""The daily post end to end: the real client and cogs against the fake Discord, with a moved clock."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.posts.content import render_related
from tests.e2e.conftest import Running
from tests.e2e.slash import (
    EPHEMERAL,
    MANAGE_GUILD,
    at_local,
    post_ticker,
    posts,
    response_embed,
    setup_options,
    subcommand,
)

STORY = "On this day, 29 September: Jefferson Pérez retires"


@pytest.fixture
def daily_env(settings, fake):
    """DAILY_CHANNEL_ID (and TIMEZONE) from the environment, nothing set up by command."""
    return settings.replace(daily_channel_id=fake.guild.channel.id, timezone="America/Guayaquil")


def button_of(request) -> dict:
    [row] = request.json["components"]
    [button] = row["components"]
    return button


async def test_a_fact_a_day_different_each_day_nothing_more_after_a_restart(make_bot, fake, clock, daily_env):
    channel = fake.guild.channel.id
    titles = []
    for offset in range(4):
        day = dt.date(2027, 2, 1) + dt.timedelta(days=offset)
        clock.now = at_local(day.year, day.month, day.day, 8, 59)
        running = await make_bot(settings=daily_env)
        await post_ticker(running).tick_once()
        assert len(posts(fake, channel)) == offset  # not before 09:00
        clock.now = at_local(day.year, day.month, day.day, 9, 0)
        await post_ticker(running).tick_once()
        await post_ticker(running).tick_once()
        running.alive()
        await running.bot.close()
        # A restart later the same day: nothing more.
        clock.now = at_local(day.year, day.month, day.day, 17, 45)
        again = await make_bot(settings=daily_env)
        await post_ticker(again).tick_once()
        again.alive()
        await again.bot.close()
        requests = posts(fake, channel)
        assert len(requests) == offset + 1
        body = requests[-1].json
        assert body["allowed_mentions"] == {"parse": []} and body["nonce"] and body["enforce_nonce"] is True
        [embed] = body["embeds"]
        titles.append(embed["title"])
        assert embed["footer"]["text"].startswith(f"Fact {offset + 1} of ")
        assert "Source: “On this day in Latinx history" in embed["footer"]["text"]
        button = button_of(requests[-1])
        assert button["label"] == "Related facts"
        assert button["custom_id"].startswith(f"perezbot:post:{day.isoformat()}:")
    assert len(set(titles)) == 4


async def test_on_29_september_exactly_one_post_the_story(make_bot, fake, clock, daily_env):
    channel = fake.guild.channel.id
    both = daily_env.replace(announce_channel_id=channel)  # the yearly post to the same channel too
    for hour, minute in ((9, 0), (9, 1), (13, 30), (23, 59)):
        clock.now = at_local(2027, 9, 29, hour, minute)
        running = await make_bot(settings=both)
        await post_ticker(running).tick_once()
        running.alive()
        await running.bot.close()
    [request] = posts(fake, channel)
    [embed] = request.json["embeds"]
    assert embed["title"] == STORY
    assert embed["description"].startswith("**19 years ago today** — 29 September 2008")
    assert "“My heart wants to go on, but my body can’t take another four years of work.”" in embed["description"]
    assert embed["footer"]["text"].endswith("¶2, ¶3, ¶4, ¶5, ¶6, ¶10")


async def test_the_button_shows_related_facts_privately_even_after_a_restart(make_bot, fake, clock, daily_env):
    clock.now = at_local(2027, 2, 1, 9, 0)
    running = await make_bot(settings=daily_env)
    await post_ticker(running).tick_once()
    await running.bot.close()
    again = await make_bot(settings=daily_env)  # a new process: the view comes from the custom id
    message = next(m for m in fake.messages.values() if m["channel_id"] == str(fake.guild.channel.id))
    pressed = await fake.press(message, message["components"][0]["components"][0]["custom_id"], locale="es-ES")
    body = (await fake.response_to(pressed)).json
    assert body["type"] == 4 and body["data"]["flags"] & EPHEMERAL
    [embed] = body["data"]["embeds"]
    fact_id = message["components"][0]["components"][0]["custom_id"].rsplit(":", 1)[-1]
    expected = render_related(again.bot.engine.facts, fact_id, "es")
    assert embed["title"] == expected.title and embed["title"].startswith("Relacionado con «")
    assert [f["name"] for f in embed.get("fields", [])] == [name for name, _ in expected.fields]
    again.alive()


async def test_daily_is_registered_with_its_six_subcommands(running: Running, fake):
    [daily] = [c for c in fake.commands["global"] if c["name"] == "daily"]
    subcommands = {o["name"]: o for o in daily["options"]}
    assert sorted(subcommands) == ["disable", "history", "preview", "setup", "skip", "status"]
    assert [o["name"] for o in subcommands["setup"]["options"]] == ["channel", "time", "timezone", "language"]
    assert [o["required"] for o in subcommands["setup"]["options"]] == [True, False, False, False]
    assert int(daily["default_member_permissions"]) == MANAGE_GUILD
    [anniversary] = [c for c in fake.commands["global"] if c["name"] == "anniversary"]
    assert sorted(o["name"] for o in anniversary["options"]) == ["disable", "preview", "setup", "status"]


async def daily(fake, sub: str, *, options=(), locale: str = "en-US", manage: bool = True) -> dict:
    """``/daily <sub>`` as a member with (or without) Manage Server."""
    return await subcommand(fake, "daily", sub, options=options, locale=locale, manage=manage)


async def test_setup_status_preview_skip_history_disable_by_slash_command(make_bot, fake, clock):
    channel = fake.guild.add_channel("dato-del-dia")
    clock.now = at_local(2027, 2, 1, 12, 0)
    running = await make_bot()
    options = setup_options(channel.id, time="08:30", timezone="America/Guayaquil", language="es")
    embed = await response_embed(fake, await daily(fake, "setup", options=options))
    assert f"A fact a day will go to <#{channel.id}> at 08:30 (America/Guayaquil), in Spanish." in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Rotation"] == "0 of 24 facts shown"
    # Set up at 12:00, after 08:30: today's post still goes out (a late start, same local day).
    await post_ticker(running).tick_once()
    [first] = posts(fake, channel.id)
    assert first.json["embeds"][0]["footer"]["text"].startswith("Dato 1 de 24")

    preview = await response_embed(fake, await daily(fake, "preview"))
    clock.now = at_local(2027, 2, 2, 8, 30)
    await post_ticker(running).tick_once()
    [_, second] = posts(fake, channel.id)
    assert second.json["embeds"][0]["title"] == preview["title"]  # the preview was the next post

    status = await response_embed(fake, await daily(fake, "status", locale="es-419"))
    fields = {f["name"]: f["value"] for f in status["fields"]}
    stamp = int(at_local(2027, 2, 3, 8, 30).timestamp())
    assert fields["Próxima publicación"] == f"<t:{stamp}:F> (<t:{stamp}:R>)"
    assert fields["Próximas fechas"].startswith("3 de febrero de 2027, 4 de febrero de 2027")
    assert fields["Rotación"] == "2 de 24 datos mostrados"
    assert fields["Última publicación"].startswith("2 de febrero de 2027: https://discord.com/channels/")

    skipped = await response_embed(fake, await daily(fake, "skip"))
    assert skipped["description"] == "Skipped: nothing will be posted on 3 February 2027."
    clock.now = at_local(2027, 2, 3, 8, 30)
    await post_ticker(running).tick_once()
    assert len(posts(fake, channel.id)) == 2

    history = await response_embed(fake, await daily(fake, "history"))
    lines = history["description"].splitlines()
    assert lines[0] == "• 3 February 2027: skipped"
    assert lines[1].startswith("• 2 February 2027: https://discord.com/channels/")

    off = await response_embed(fake, await daily(fake, "disable"))
    assert "Daily posts are off" in off["description"]
    clock.now = at_local(2027, 2, 4, 8, 30)
    await post_ticker(running).tick_once()
    assert len(posts(fake, channel.id)) == 2
    refused = await response_embed(fake, await daily(fake, "status", manage=False))
    assert refused["description"] == "You need the Manage Server permission to use /daily."
    running.alive()


async def test_post_and_history_failing_together_still_make_exactly_one_post(make_bot, fake, clock, daily_env, errors):
    """Issue 13's fault: the post answered 503 (though Discord made it) and the history check failing
    too. The bot never re-posts blindly: it checks again with back-off and records the one post."""
    errors.expect("outcome unknown")
    channel = fake.guild.channel.id
    fake.history_failures = 2  # the first two looks at the channel fail
    fake.post_failures, fake.post_failures_after = 1, True  # the post is made, the answer is a 503
    clock.now = at_local(2027, 2, 1, 9, 0)
    running = await make_bot(settings=daily_env)
    results = []
    for _ in range(20):  # twenty minutes, a tick a minute
        results += [o.result.value for o in await post_ticker(running).tick_once()]
        clock.advance(60)
    made = [m for m in fake.messages.values() if m["channel_id"] == str(channel)]
    assert len(made) == 1, results
    assert "unknown" in results and "uncertain" in results and "recovered" in results
    status = await response_embed(fake, await daily(fake, "status"))
    fields = {f["name"]: f["value"] for f in status["fields"]}
    assert fields["Last post"].endswith(f"/{channel}/{made[0]['id']}")
    running.alive()
