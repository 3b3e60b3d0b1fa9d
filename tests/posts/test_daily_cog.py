"""The /daily cog with spec'd fakes (callbacks called directly): its shape, its Spanish, its guard."""

from __future__ import annotations

import datetime as dt

import discord
import pytest

from bot.posts.daily_cog import Daily
from bot.posts.settings import DAILY, get_guild
from tests.posts.interactions import Clock, command_strings, make_bot, make_guild, make_interaction, sent


@pytest.fixture
async def cog(tmp_path):
    bot = make_bot(tmp_path, Clock(dt.datetime(2027, 2, 1, 12, 0, tzinfo=dt.UTC)))
    cog = Daily(bot)
    await cog.cog_load()
    yield cog
    await cog.cog_unload()
    bot.store.close()


async def test_daily_is_a_guild_only_group_of_six_for_server_managers(cog) -> None:
    group = cog.app_command
    assert group.name == "daily" and group.guild_only is True
    assert group.default_permissions == discord.Permissions(manage_guild=True)
    assert sorted(c.name for c in group.commands) == ["disable", "history", "preview", "setup", "skip", "status"]
    setup = next(c for c in group.commands if c.name == "setup")
    assert [(p.name, p.required) for p in setup.parameters] == [
        ("channel", True),
        ("time", False),
        ("timezone", False),
        ("language", False),
    ]


async def test_every_daily_string_has_spanish(cog) -> None:
    from bot.discord.translator import SPANISH

    strings = command_strings(cog.app_command)
    missing = [text for text in strings if text not in SPANISH]
    assert not missing
    assert all(1 <= len(SPANISH[text]) <= 100 and len(text) <= 100 for text in strings)


async def test_setup_stores_the_local_time_and_zone_never_an_instant(cog) -> None:
    guild, channel = make_guild()
    interaction = make_interaction(guild, locale=discord.Locale.latin_american_spanish)
    await cog.setup_command.callback(cog, interaction, channel, "7:05", "europe/madrid", None)
    text, ephemeral = sent(interaction)
    assert ephemeral and "Cada día irá un dato a" in text and "07:05 (Europe/Madrid), en español" in text
    stored = cog.bot.store.call(get_guild, guild.id, DAILY)
    assert (stored.channel_id, stored.post_time, stored.timezone, stored.language) == (
        channel.id,
        dt.time(7, 5),
        "Europe/Madrid",
        "es",
    )
    assert cog.bot.store.call(get_guild, guild.id) is None  # the yearly settings are untouched


async def test_every_subcommand_needs_manage_server(cog) -> None:
    guild, channel = make_guild()
    for call in (
        lambda i: cog.setup_command.callback(cog, i, channel, None, None, None),
        lambda i: cog.status_command.callback(cog, i),
        lambda i: cog.preview_command.callback(cog, i),
        lambda i: cog.skip_command.callback(cog, i),
        lambda i: cog.disable_command.callback(cog, i),
        lambda i: cog.history_command.callback(cog, i),
    ):
        interaction = make_interaction(guild, manage=False)
        await call(interaction)
        assert sent(interaction)[0] == "\nYou need the Manage Server permission to use /daily."
    assert cog.bot.store.call(get_guild, guild.id, DAILY) is None


async def test_skip_with_nothing_set_up_says_so(cog) -> None:
    guild, _ = make_guild()
    interaction = make_interaction(guild)
    await cog.skip_command.callback(cog, interaction)
    assert "daily posts are not set up here" in sent(interaction)[0]
