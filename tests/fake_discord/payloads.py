"""Discord-shaped JSON for the fake: users, members, guilds, channels, messages, interactions.

Shapes follow Discord's API v10 closely enough for discord.py 2.7 to parse them (the fields it
reads without a default are all present). Ids are snowflakes from :func:`snowflake`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "BOT_PERMISSIONS",
    "FakeChannel",
    "FakeGuild",
    "FakeUser",
    "iso_now",
    "snowflake",
]

# View Channel + Send Messages + Embed Links + Read Message History: what the README's invite asks for.
BOT_PERMISSIONS = 1024 | 2048 | 16384 | 65536
EVERYONE_PERMISSIONS = 1024 | 2048 | 16384 | 65536 | 2147483648  # + Use Application Commands
DISCORD_EPOCH_MS = 1420070400000
_counter = itertools.count(1)


def snowflake() -> int:
    """A fresh, increasing, realistic-looking id."""
    now_ms = int(dt.datetime.now(dt.UTC).timestamp() * 1000)
    return ((now_ms - DISCORD_EPOCH_MS) << 22) | (next(_counter) & 0x3FFFFF)


def iso_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


@dataclass
class FakeUser:
    name: str
    bot: bool = False
    id: int = field(default_factory=snowflake)

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": None if self.bot else self.name.title(),
            "avatar": None,
            "bot": self.bot,
            "system": False,
            "public_flags": 0,
            "flags": 0,
        }

    def self_payload(self) -> dict[str, Any]:
        """As ``GET /users/@me`` and READY describe the bot itself."""
        return {**self.payload(), "verified": True, "mfa_enabled": False, "email": None, "locale": "en-US"}

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"


@dataclass
class FakeChannel:
    name: str = "general"
    type: int = 0  # 0 text, 1 DM
    id: int = field(default_factory=snowflake)
    guild_id: int | None = None
    recipient: FakeUser | None = None  # DMs
    # (id, type 0 role / 1 member, allow, deny)
    overwrites: list[tuple[int, int, int, int]] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        if self.type == 1:
            return {
                "id": str(self.id),
                "type": 1,
                "last_message_id": None,
                "recipients": [self.recipient.payload()] if self.recipient else [],
                "flags": 0,
            }
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": 0,
            "permission_overwrites": [
                {"id": str(i), "type": t, "allow": str(allow), "deny": str(deny)}
                for i, t, allow, deny in self.overwrites
            ],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }


@dataclass
class FakeGuild:
    """A server with one text channel (more can be added), the bot and one human member."""

    bot_user: FakeUser
    human: FakeUser
    name: str = "Pérez fans"
    id: int = field(default_factory=snowflake)
    bot_role_id: int = field(default_factory=snowflake)
    bot_permissions: int = BOT_PERMISSIONS
    channels: list[FakeChannel] = field(default_factory=list)
    locale: str = "en-US"

    def __post_init__(self) -> None:
        if not self.channels:
            self.channels.append(FakeChannel(guild_id=self.id))
        for channel in self.channels:
            channel.guild_id = self.id

    @property
    def channel(self) -> FakeChannel:
        return self.channels[0]

    def add_channel(self, name: str) -> FakeChannel:
        channel = FakeChannel(name=name, guild_id=self.id)
        self.channels.append(channel)
        return channel

    def role_payloads(self) -> list[dict[str, Any]]:
        def role(id_: int, name: str, permissions: int, position: int, tags: dict | None) -> dict:
            data = {
                "id": str(id_),
                "name": name,
                "color": 0,
                "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
                "hoist": False,
                "icon": None,
                "unicode_emoji": None,
                "position": position,
                "permissions": str(permissions),
                "managed": tags is not None,
                "mentionable": False,
                "flags": 0,
            }
            if tags is not None:
                data["tags"] = tags
            return data

        return [
            # @everyone gets nothing the bot relies on: the bot's own role decides its permissions.
            role(self.id, "@everyone", 2147483648 | 1024, 0, None),
            role(self.bot_role_id, "perezbot", self.bot_permissions, 1, {"bot_id": str(self.bot_user.id)}),
        ]

    def member_payload(self, user: FakeUser) -> dict[str, Any]:
        return {
            "user": user.payload(),
            "nick": None,
            "avatar": None,
            "banner": None,
            "roles": [str(self.bot_role_id)] if user.id == self.bot_user.id else [],
            "joined_at": iso_now(),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }

    def bot_channel_permissions(self, channel: FakeChannel) -> int:
        perms = (2147483648 | 1024) | self.bot_permissions
        for target, _type, allow, deny in channel.overwrites:
            if target in (self.id, self.bot_role_id, self.bot_user.id):
                perms = (perms & ~deny) | allow
        return perms

    def create_payload(self) -> dict[str, Any]:
        """GUILD_CREATE."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.human.id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": self.role_payloads(),
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": self.locale,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "unavailable": False,
            "member_count": 2,
            "large": False,
            "lazy": True,
            "joined_at": iso_now(),
            "channels": [c.payload() for c in self.channels],
            "threads": [],
            "members": [self.member_payload(self.bot_user), self.member_payload(self.human)],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }
