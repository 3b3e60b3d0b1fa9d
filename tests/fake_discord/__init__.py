"""A fake Discord for end-to-end tests: ``FakeDiscord`` (REST + gateway on 127.0.0.1)."""

from tests.fake_discord.faults import Faults, RateLimits
from tests.fake_discord.payloads import BOT_PERMISSIONS, FakeChannel, FakeGuild, FakeUser, snowflake
from tests.fake_discord.server import FakeDiscord, GatewaySession, Recorded

__all__ = [
    "BOT_PERMISSIONS",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeUser",
    "Faults",
    "GatewaySession",
    "RateLimits",
    "Recorded",
    "snowflake",
]
