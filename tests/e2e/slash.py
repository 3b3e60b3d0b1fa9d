"""Helpers the end-to-end tests share: a slash subcommand sent to the fake Discord, its ephemeral
embed reply, the posts in a channel, local times, the posts ticker."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from tests.e2e.conftest import Running

GUAYAQUIL = ZoneInfo("America/Guayaquil")
EPHEMERAL = 64
MANAGE_GUILD = 1 << 5


def at_local(*args: int, tz: ZoneInfo = GUAYAQUIL) -> dt.datetime:
    return dt.datetime(*args, tzinfo=tz).astimezone(dt.UTC)  # type: ignore[misc]


def posts(fake, channel_id: int, after: int = 0):
    return fake.find("POST", rf"/channels/{channel_id}/messages", after=after)


def post_ticker(running: Running):
    """The posts ticker (it makes both the yearly and the daily post)."""
    cog = running.bot.get_cog("PostTicker")
    assert cog is not None
    return cog


def setup_options(channel_id: int, **strings: str) -> list[dict]:
    """The options of ``/anniversary setup`` or ``/daily setup``: the channel, then ``time``,
    ``timezone``, ``language`` as given."""
    return [{"name": "channel", "type": 7, "value": str(channel_id)}] + [
        {"name": name, "type": 3, "value": value} for name, value in strings.items()
    ]


async def subcommand(
    fake,
    group: str,
    sub: str,
    *,
    guild=None,
    options=(),
    locale: str = "en-US",
    manage: bool = False,
    user=None,
) -> dict:
    """``/<group> <sub>`` as a member (with Manage Server when ``manage``); the fake's ``slash``
    helper does not build subcommands."""
    guild = guild or fake.guild
    data = {
        "id": fake._command_id(group, guild),
        "name": group,
        "type": 1,
        "guild_id": str(guild.id),
        "options": [{"name": sub, "type": 1, "options": list(options)}],
    }
    resolved = {}
    for option in options:
        if option["type"] == 7:
            channel = next(c for c in guild.channels if c.id == int(option["value"]))
            payload = channel.payload()
            payload["permissions"] = str(guild.bot_channel_permissions(channel))
            resolved[str(channel.id)] = payload
    if resolved:
        data["resolved"] = {"channels": resolved}
    interaction = fake._interaction(2, data, guild=guild, channel=None, user=user, locale=locale)
    if manage:
        interaction["member"]["permissions"] = str(int(interaction["member"]["permissions"]) | MANAGE_GUILD)
    await fake.dispatch("INTERACTION_CREATE", interaction, guild_id=guild.id)
    return interaction


async def response_embed(fake, interaction: dict) -> dict:
    """The one embed of the ephemeral reply to ``interaction`` (mentions off)."""
    body = (await fake.response_to(interaction)).json
    assert body["type"] == 4
    assert body["data"]["flags"] & EPHEMERAL
    assert body["data"]["allowed_mentions"] == {"parse": []}
    [embed] = body["data"]["embeds"]
    return embed
