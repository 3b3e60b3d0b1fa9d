"""The /anniversary cog, the ticker and the Discord poster, with spec'd fakes (callbacks called directly)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from bot.posts.anniversary_cog import Anniversary
from bot.posts.content import render_onthisday
from bot.posts.discord_poster import DiscordPoster, channel_permissions
from bot.posts.scheduler import PostRefused, PostResult, post_marker
from bot.posts.settings import get_guild
from bot.posts.ticker import PostTicker
from tests.posts.interactions import (
    BOT_ID,
    CHANNEL_ID,
    ENGINE,
    GUILD_ID,
    Clock,
    command_strings,
    make_bot,
    make_guild,
    make_interaction,
    sent,
)


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 9, 1, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
async def cog(tmp_path, clock):
    bot = make_bot(tmp_path, clock)
    cog = Anniversary(bot)
    await cog.cog_load()
    yield cog
    await cog.cog_unload()
    bot.store.close()


@pytest.fixture
async def ticker(cog):
    ticker = PostTicker(cog.bot, autostart=False)
    await ticker.cog_load()
    yield ticker
    await ticker.cog_unload()


def settings_of(cog, guild_id: int = GUILD_ID):
    return cog.bot.store.call(get_guild, guild_id)


async def test_commands_are_a_guild_only_group_for_server_managers(cog) -> None:
    group = cog.app_command
    assert group.name == "anniversary"
    assert group.guild_only is True
    assert group.default_permissions == discord.Permissions(manage_guild=True)
    assert sorted(c.name for c in group.commands) == ["disable", "preview", "setup", "status"]


async def test_setup_saves_and_confirms(cog) -> None:
    guild, channel = make_guild()
    interaction = make_interaction(guild)
    await cog.setup_command.callback(cog, interaction, channel, "08:30", "america/guayaquil", "es")
    text, ephemeral = sent(interaction)
    assert ephemeral
    assert f"<#{CHANNEL_ID}> at 08:30 (America/Guayaquil), in Spanish" in text
    assert "Next post: <t:1790688600:F> (<t:1790688600:R>)" in text  # 29 Sept 2026 08:30 −05
    stored = settings_of(cog)
    assert (stored.channel_id, stored.post_time, stored.timezone, stored.language, stored.enabled) == (
        CHANNEL_ID,
        dt.time(8, 30),
        "America/Guayaquil",
        "es",
        True,
    )


async def test_setup_keeps_unspecified_values_as_defaults(cog) -> None:
    guild, channel = make_guild()
    await cog.setup_command.callback(cog, make_interaction(guild), channel, None, None, None)
    stored = settings_of(cog)
    assert (stored.post_time, stored.timezone, stored.language) == (None, None, "en")
    interaction = make_interaction(guild)
    await cog.status_command.callback(cog, interaction)
    text, _ = sent(interaction)
    assert "Post time: 09:00 (default)" in text and "Time zone: UTC (default)" in text


async def test_setup_in_a_spanish_server_defaults_the_post_to_spanish(cog) -> None:
    guild, channel = make_guild()
    interaction = make_interaction(guild, locale=discord.Locale.latin_american_spanish)
    await cog.setup_command.callback(cog, interaction, channel, None, None, None)
    assert settings_of(cog).language == "es"
    text, _ = sent(interaction)
    assert "Guardado." in text and "en español" in text


@pytest.mark.parametrize(
    ("time", "tz", "expected"),
    [
        ("9am", None, "I couldn't read the time '9am'"),
        ("25:00", None, "I couldn't read the time"),
        (None, "Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a time zone I know"),
    ],
)
async def test_setup_validates_time_and_zone(cog, time, tz, expected) -> None:
    guild, channel = make_guild()
    interaction = make_interaction(guild)
    await cog.setup_command.callback(cog, interaction, channel, time, tz, None)
    text, ephemeral = sent(interaction)
    assert expected in text and ephemeral
    assert settings_of(cog) is None


async def test_setup_says_which_permissions_are_missing(cog) -> None:
    guild, channel = make_guild(discord.Permissions(view_channel=True))
    interaction = make_interaction(guild)
    await cog.setup_command.callback(cog, interaction, channel, None, None, None)
    text, _ = sent(interaction)
    assert f"in <#{CHANNEL_ID}> I'm missing Send Messages, Embed Links. Nothing was saved" in text
    assert settings_of(cog) is None


async def test_manage_server_is_required_and_checked_at_run_time(cog) -> None:
    guild, channel = make_guild()
    for call in (
        lambda i: cog.setup_command.callback(cog, i, channel, None, None, None),
        lambda i: cog.status_command.callback(cog, i),
        lambda i: cog.preview_command.callback(cog, i),
        lambda i: cog.disable_command.callback(cog, i),
    ):
        interaction = make_interaction(guild, manage=False)
        await call(interaction)
        assert "You need the Manage Server permission" in sent(interaction)[0]
    assert settings_of(cog) is None


async def test_preview_is_the_exact_post_in_the_servers_language(cog) -> None:
    guild, channel = make_guild()
    await cog.setup_command.callback(cog, make_interaction(guild), channel, None, "Europe/Madrid", "es")
    interaction = make_interaction(guild)
    await cog.preview_command.callback(cog, interaction)
    text, ephemeral = sent(interaction)
    assert ephemeral
    expected = render_onthisday(ENGINE.facts, dt.date(2026, 9, 29), "es")
    embed = interaction.response.send_message.await_args.kwargs["embed"]
    assert (embed.title, embed.description, embed.footer.text) == (expected.title, expected.body, expected.footer)
    assert "Hoy hace 18 años" in text


async def test_disable_then_status(cog) -> None:
    guild, channel = make_guild()
    await cog.setup_command.callback(cog, make_interaction(guild), channel, None, None, None)
    interaction = make_interaction(guild)
    await cog.disable_command.callback(cog, interaction)
    assert "off for this server" in sent(interaction)[0]
    assert settings_of(cog).enabled is False
    interaction = make_interaction(guild)
    await cog.status_command.callback(cog, interaction)
    text, _ = sent(interaction)
    assert "State: off" in text and "Next post: none scheduled" in text


async def test_timezone_autocomplete(cog) -> None:
    choices = await cog._timezone_autocomplete(make_interaction(make_guild()[0]), "guaya")
    assert [c.value for c in choices] == ["America/Guayaquil"]


async def test_tick_uses_the_bots_clock_and_posts_through_the_poster(cog, ticker, clock) -> None:
    guild, channel = make_guild()
    await cog.setup_command.callback(cog, make_interaction(guild), channel, None, None, None)
    cog.bot.get_channel.side_effect = lambda cid: channel if cid == CHANNEL_ID else None
    channel.send = AsyncMock(return_value=SimpleNamespace(id=555))
    clock.now = dt.datetime(2026, 9, 29, 8, 59, 59, tzinfo=dt.UTC)
    channel.history = MagicMock(side_effect=lambda **kw: _empty())
    assert all(o.result is not PostResult.POSTED for o in await ticker.tick_once())
    clock.now += dt.timedelta(seconds=1)
    [outcome] = await ticker.tick_once()
    assert (outcome.result, outcome.message_id) == (PostResult.POSTED, 555)
    assert [o.result for o in await ticker.tick_once()] == [PostResult.SETTLED]
    kwargs = channel.send.await_args.kwargs
    assert kwargs["allowed_mentions"].to_dict()["parse"] == []
    assert kwargs["embed"].title == "On this day, 29 September: Jefferson Pérez retires"
    [button] = kwargs["view"].children
    assert button.custom_id == "perezbot:post:2026-09-29:retirement-date"
    interaction = make_interaction(guild)
    await cog.status_command.callback(cog, interaction)
    text, _ = sent(interaction)
    assert f"Last post: 29 September 2026: https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/555" in text


async def test_tick_survives_a_broken_scheduler(ticker) -> None:
    ticker.scheduler.tick = AsyncMock(side_effect=RuntimeError("boom"))
    assert await ticker.tick_once() == []


class TestDiscordPoster:
    def poster(self, channel):
        bot = MagicMock(spec=discord.ext.commands.Bot)
        bot.get_channel.side_effect = lambda cid: channel if cid == CHANNEL_ID else None
        bot.fetch_channel = AsyncMock(side_effect=discord.NotFound(MagicMock(status=404, reason="Not Found"), "gone"))
        bot.user = SimpleNamespace(id=BOT_ID)
        return DiscordPoster(bot)

    reply = render_onthisday(ENGINE.facts, dt.date(2026, 9, 29), "en")
    marker = post_marker(dt.date(2026, 9, 29), "retirement-date")

    async def test_post_sends_an_embed_with_no_mentions_and_the_nonce(self) -> None:
        _, channel = make_guild()
        channel.send = AsyncMock(return_value=SimpleNamespace(id=42))
        poster = self.poster(channel)
        assert poster.guild_of(CHANNEL_ID) == GUILD_ID and poster.guild_of(1) is None
        assert await poster.post(CHANNEL_ID, self.reply, "123", self.marker) == 42
        kwargs = channel.send.await_args.kwargs
        assert kwargs["nonce"] == "123" and kwargs["allowed_mentions"].to_dict() == {"parse": []}
        assert kwargs["embed"].footer.text == self.reply.footer
        [button] = kwargs["view"].children
        assert (button.custom_id, button.item.label) == (self.marker, "Related facts")
        assert kwargs["view"].timeout is None  # persistent: the button works after a restart

    async def test_language_of_a_server_is_its_preferred_locale(self) -> None:
        guild, channel = make_guild()
        guild.preferred_locale = discord.Locale.spain_spanish
        poster = self.poster(channel)
        poster.bot.get_guild.side_effect = lambda gid: guild if gid == GUILD_ID else None
        assert poster.language_of(GUILD_ID) == "es"
        guild.preferred_locale = discord.Locale.brazil_portuguese
        assert poster.language_of(GUILD_ID) == "en"
        assert poster.language_of(1) is None

    async def test_without_embed_links_it_posts_text(self) -> None:
        _, channel = make_guild(discord.Permissions(view_channel=True, send_messages=True))
        channel.send = AsyncMock(return_value=SimpleNamespace(id=42))
        await self.poster(channel).post(CHANNEL_ID, self.reply, "1", self.marker)
        assert channel.send.await_args.kwargs["content"].startswith(
            "**On this day, 29 September: Jefferson Pérez retires**"
        )

    async def test_refusals(self) -> None:
        _, channel = make_guild(discord.Permissions(view_channel=True))
        with pytest.raises(PostRefused, match="Send Messages"):
            await self.poster(channel).post(CHANNEL_ID, self.reply, "1", self.marker)
        with pytest.raises(PostRefused, match="not found"):
            await self.poster(channel).post(999, self.reply, "1", self.marker)
        _, channel = make_guild()
        channel.send = AsyncMock(side_effect=discord.Forbidden(MagicMock(status=403, reason="Forbidden"), "nope"))
        with pytest.raises(PostRefused):
            await self.poster(channel).post(CHANNEL_ID, self.reply, "1", self.marker)

    async def test_a_server_error_is_not_a_refusal(self) -> None:
        _, channel = make_guild()
        error = discord.DiscordServerError(MagicMock(status=503, reason="Unavailable"), "later")
        channel.send = AsyncMock(side_effect=error)
        with pytest.raises(discord.DiscordServerError):
            await self.poster(channel).post(CHANNEL_ID, self.reply, "1", self.marker)

    async def test_find_post_looks_for_the_bots_own_post_by_its_button(self) -> None:
        _, channel = make_guild()
        button = SimpleNamespace(custom_id=self.marker)
        rows = [SimpleNamespace(children=[button])]
        mine = SimpleNamespace(id=7, author=SimpleNamespace(id=BOT_ID), components=rows)
        other = SimpleNamespace(id=8, author=SimpleNamespace(id=1), components=rows)  # someone else's copy
        plain = SimpleNamespace(id=9, author=SimpleNamespace(id=BOT_ID), components=[])  # an answer, no button

        def history(**kwargs):
            async def gen():
                for message in (other, plain, mine):
                    yield message

            return gen()

        channel.history = MagicMock(side_effect=history)
        assert await self.poster(channel).find_post(CHANNEL_ID, post_marker(dt.date(2026, 9, 29))) == 7
        assert await self.poster(channel).find_post(CHANNEL_ID, post_marker(dt.date(2026, 9, 30))) is None
        channel.history = MagicMock(side_effect=lambda **kw: _empty())
        assert await self.poster(channel).find_post(CHANNEL_ID, post_marker(dt.date(2026, 9, 29))) is None

    async def test_find_post_cannot_verify_without_history_permission(self) -> None:
        _, channel = make_guild(discord.Permissions(view_channel=True, send_messages=True, embed_links=True))
        with pytest.raises(PermissionError):
            await self.poster(channel).find_post(CHANNEL_ID, self.marker)


async def _empty_gen():
    return
    yield  # pragma: no cover


def _empty():
    return _empty_gen()


def test_channel_permissions_in_threads_needs_thread_sending() -> None:
    guild, _ = make_guild()
    thread = MagicMock(spec=discord.Thread)
    thread.guild = guild
    thread.permissions_for.return_value = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
    assert channel_permissions(thread) == (["send_messages_in_threads"], ["read_message_history"])


async def test_every_anniversary_string_has_spanish(cog) -> None:
    from bot.discord.translator import SPANISH

    group = cog.app_command
    strings = command_strings(group)
    missing = [text for text in strings if text not in SPANISH]
    assert not missing
    assert all(1 <= len(SPANISH[text]) <= 100 for text in strings)
    for command in group.commands:
        for param in command.parameters:
            assert SPANISH[param.display_name] == SPANISH[param.display_name].lower()
            assert " " not in SPANISH[param.display_name]
