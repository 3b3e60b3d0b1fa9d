"""The 29 September post end to end: the real client, the real cogs and loop, the fake Discord."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.posts.content import render_onthisday
from bot.posts.settings import GuildSettings, save_guild
from bot.store.db import connect
from tests.e2e.conftest import Running
from tests.e2e.slash import at_local, post_ticker, posts, response_embed, setup_options, subcommand


@pytest.fixture
def single_server(settings, fake):
    """The single-server route: ANNOUNCE_CHANNEL_ID and TIMEZONE from the environment, no setup."""
    return settings.replace(announce_channel_id=fake.guild.channel.id, timezone="America/Guayaquil")


async def test_0859_59_then_0900_posts_exactly_once_and_a_restart_posts_nothing(make_bot, fake, clock, single_server):
    channel = fake.guild.channel.id
    clock.now = at_local(2026, 9, 29, 8, 59, 59)
    running = await make_bot(settings=single_server)
    cog = post_ticker(running)
    await cog.tick_once()
    assert posts(fake, channel) == []
    clock.advance(1)
    await asyncio.gather(cog.tick_once(), cog.tick_once())  # overlapping ticks too
    await cog.tick_once()
    [request] = posts(fake, channel)
    body = request.json
    assert body["allowed_mentions"] == {"parse": []}
    assert body["nonce"] and body["enforce_nonce"] is True
    [embed] = body["embeds"]
    expected = render_onthisday(running.bot.engine.facts, dt.date(2026, 9, 29), "en")
    assert (embed["title"], embed["description"], embed["footer"]["text"]) == (
        expected.title,
        expected.body,
        expected.footer,
    )
    assert "**18 years ago today** — 29 September 2008: Jefferson Pérez retired" in embed["description"]
    [row] = body["components"]
    assert row["components"][0]["custom_id"] == "perezbot:post:2026-09-29:retirement-date"
    running.alive()
    await running.bot.close()

    # Restarts later that day (a new process on the same database): nothing more.
    for minutes in (1, 7, 180):
        clock.now = at_local(2026, 9, 29, 9, 0) + dt.timedelta(minutes=minutes)
        again = await make_bot(settings=single_server)
        await post_ticker(again).tick_once()
        again.alive()
        await again.bot.close()
    assert len(posts(fake, channel)) == 1


async def test_the_cli_prints_the_same_text_the_bot_posts(make_bot, fake, clock, single_server, tmp_path):
    clock.now = at_local(2026, 9, 29, 9, 0)
    running = await make_bot(settings=single_server)
    await post_ticker(running).tick_once()
    [request] = posts(fake, fake.guild.channel.id)
    [embed] = request.json["embeds"]
    out = io.StringIO()
    env = {"PEREZBOT_DOTENV": str(tmp_path / "none.env")}
    assert main(["onthisday", "--date", "2026-09-29"], stdout=out, stderr=io.StringIO(), env=env) == 0
    assert out.getvalue() == f"**{embed['title']}**\n{embed['description']}\n— {embed['footer']['text']}\n"


async def test_the_real_loop_posts_once_and_keeps_ticking(make_bot, fake, clock, single_server):
    channel = fake.guild.channel.id
    clock.now = at_local(2026, 9, 29, 8, 59, 59)
    running = await make_bot(settings=single_server)
    cog = post_ticker(running)
    ticks = asyncio.Condition()
    count = 0
    original = cog.scheduler.tick

    async def counted(now):
        nonlocal count
        result = await original(now)
        async with ticks:
            count += 1
            ticks.notify_all()
        return result

    async def wait_ticks(n: int) -> None:
        target = count + n
        async with ticks:
            await asyncio.wait_for(ticks.wait_for(lambda: count >= target), 3)

    cog.scheduler.tick = counted
    cog.ticker.change_interval(seconds=0.01)
    cog.ticker.restart()
    await wait_ticks(3)
    assert posts(fake, channel) == []
    clock.advance(1)
    await fake.wait_for_request("POST", rf"/channels/{channel}/messages")
    await wait_ticks(5)
    assert len(posts(fake, channel)) == 1
    running.alive()


async def test_a_gateway_reconnect_posts_nothing(make_bot, fake, clock, single_server):
    channel = fake.guild.channel.id
    clock.now = at_local(2026, 9, 29, 9, 30)
    running = await make_bot(settings=single_server)
    await post_ticker(running).tick_once()
    assert len(posts(fake, channel)) == 1
    session = await fake.reconnect()
    await fake.wait_until(lambda: session.resumes >= 1, what="RESUME")
    clock.advance(60)
    await post_ticker(running).tick_once()
    assert len(posts(fake, channel)) == 1
    running.alive()


async def test_each_server_in_its_own_time_zone(make_bot, fake, clock, settings):
    madrid = fake.add_guild("Madrid")
    conn = connect(settings.database_path)
    save_guild(conn, GuildSettings(fake.guild.id, fake.guild.channel.id, dt.time(9), "America/Guayaquil"), clock())
    save_guild(conn, GuildSettings(madrid.id, madrid.channel.id, dt.time(9), "Europe/Madrid", "es"), clock())
    conn.close()
    clock.now = at_local(2026, 9, 29, 9, 0, tz=ZoneInfo("Europe/Madrid"))
    running = await make_bot()
    cog = post_ticker(running)
    await cog.tick_once()
    assert posts(fake, fake.guild.channel.id) == []
    [spanish] = posts(fake, madrid.channel.id)
    assert spanish.json["embeds"][0]["title"] == "Un día como hoy, 29 de septiembre: Jefferson Pérez se retira"
    clock.now = at_local(2026, 9, 29, 9, 0)
    await cog.tick_once()
    assert len(posts(fake, fake.guild.channel.id)) == 1 and len(posts(fake, madrid.channel.id)) == 1


async def test_a_server_that_forbids_posting_does_not_stop_the_others(make_bot, fake, clock, settings, errors):
    blocked = fake.add_guild("Blocked")
    blocked.channel.overwrites.append((blocked.bot_role_id, 0, 0, 2048))  # deny Send Messages
    conn = connect(settings.database_path)
    for guild in (blocked, fake.guild):
        save_guild(conn, GuildSettings(guild.id, guild.channel.id, dt.time(9), "UTC"), clock())
    conn.close()
    clock.now = dt.datetime(2026, 9, 29, 9, 0, tzinfo=dt.UTC)
    running = await make_bot()
    await post_ticker(running).tick_once()
    assert posts(fake, blocked.channel.id) == []  # refused before calling Discord
    assert len(posts(fake, fake.guild.channel.id)) == 1
    interaction = await admin(fake, "status", guild=blocked)
    fields = {f["name"]: f["value"] for f in (await response_embed(fake, interaction))["fields"]}
    assert "missing permission: Send Messages" in fields["Problem"]
    # discord.py (like Discord) treats Embed Links as gone when Send Messages is denied.
    assert fields["Permissions"] == f"Missing in <#{blocked.channel.id}>: Send Messages, Embed Links."


async def admin(fake, sub: str, *, guild=None, options=(), locale: str = "en-US", manage: bool = True) -> dict:
    """``/anniversary <sub>`` as a member with (or without) Manage Server."""
    return await subcommand(fake, "anniversary", sub, guild=guild, options=options, locale=locale, manage=manage)


async def test_setup_status_preview_disable_by_slash_command(make_bot, fake, clock):
    channel = fake.guild.add_channel("aniversario")
    clock.now = at_local(2026, 9, 20, 12, 0)
    running = await make_bot()
    options = setup_options(channel.id, time="08:30", timezone="America/Guayaquil", language="es")
    embed = await response_embed(fake, await admin(fake, "setup", options=options))
    assert f"<#{channel.id}> at 08:30 (America/Guayaquil), in Spanish" in embed["description"]

    clock.now = at_local(2026, 9, 29, 8, 30)
    await post_ticker(running).tick_once()
    [post] = posts(fake, channel.id)
    message_id = next(m for m in fake.messages.values() if m["channel_id"] == str(channel.id))["id"]

    embed = await response_embed(fake, await admin(fake, "status", locale="es-419"))
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    link = f"https://discord.com/channels/{fake.guild.id}/{channel.id}/{message_id}"
    assert fields["Última publicación"] == f"29 de septiembre de 2026: {link}"
    stamp = int(at_local(2027, 9, 29, 8, 30).timestamp())
    assert fields["Próxima publicación"] == f"<t:{stamp}:F> (<t:{stamp}:R>)"
    assert fields["Permisos"].startswith("Bien: puedo publicar")

    embed = await response_embed(fake, await admin(fake, "preview"))
    assert (
        embed["title"]
        == post.json["embeds"][0]["title"]
        == "Un día como hoy, 29 de septiembre: Jefferson Pérez se retira"
    )
    assert "Hoy hace 19 años" in embed["description"]  # the next post is 2027's

    embed = await response_embed(fake, await admin(fake, "disable"))
    assert "off for this server" in embed["description"]
    running.alive()


async def test_admin_commands_need_manage_server(running: Running, fake):
    embed = await response_embed(fake, await admin(fake, "status", manage=False))
    assert embed["description"] == "You need the Manage Server permission to use /anniversary."


async def test_setup_refuses_a_channel_the_bot_cannot_embed_in(make_bot, fake):
    channel = fake.guild.add_channel("no-embeds")
    channel.overwrites.append((fake.guild.bot_role_id, 0, 0, 16384))  # deny Embed Links
    await make_bot()
    options = setup_options(channel.id)
    embed = await response_embed(fake, await admin(fake, "setup", options=options))
    assert embed["description"].startswith(f"I can't post there: in <#{channel.id}> I'm missing Embed Links.")


async def test_single_server_route_posts_in_the_servers_language(make_bot, fake, clock, single_server):
    fake.guild.locale = "es-419"
    clock.now = at_local(2026, 9, 29, 9, 0)
    running = await make_bot(settings=single_server)
    await post_ticker(running).tick_once()
    [request] = posts(fake, fake.guild.channel.id)
    [embed] = request.json["embeds"]
    assert embed["title"] == "Un día como hoy, 29 de septiembre: Jefferson Pérez se retira"
    assert "**Hoy hace 18 años** — 29 de septiembre de 2008: Jefferson Pérez se retiró" in embed["description"]
