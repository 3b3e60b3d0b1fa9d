"""The one place that sends, edits and responds — always with ``AllowedMentions.none()``.

Whatever a question contains (``@everyone``, ``<@&role>``, ``<@user>``), nothing the bot posts can
ping anyone. Where the bot may not embed links it falls back to plain text; where it may not reply
(no Read Message History) it posts without the reference; where it may not send at all it logs.
"""

from __future__ import annotations

import logging

import discord

from bot.core.render import Reply
from bot.discord.embeds import MAX_CONTENT, to_embed, to_text, trim
from bot.discord.rest import single_attempt

__all__ = [
    "NO_MENTIONS",
    "Sent",
    "edit",
    "edit_in_place",
    "jump_url",
    "post",
    "post_to",
    "remove_view",
    "reply_to",
    "respond",
    "withdraw_deferral",
]

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


class Sent:
    """Where a reply went: enough to link back to it and to edit it later."""

    __slots__ = ("channel_id", "guild_id", "message", "message_id")

    def __init__(
        self, guild_id: int | None, channel_id: int | None, message_id: int | None, message: discord.Message | None
    ) -> None:
        self.guild_id = guild_id
        self.channel_id = channel_id
        self.message_id = message_id
        self.message = message

    @property
    def link(self) -> str | None:
        if self.channel_id is None or self.message_id is None:
            return None
        return jump_url(self.guild_id, self.channel_id, self.message_id)


def jump_url(guild_id: int | None, channel_id: int, message_id: int) -> str:
    return f"https://discord.com/channels/{guild_id or '@me'}/{channel_id}/{message_id}"


def _body(reply: Reply, embed_ok: bool, also: tuple[int, ...] = ()) -> dict:
    """The message's fields; ``also`` names more askers the reply answers (no ping: no mentions allowed)."""
    names = " ".join(f"<@{user_id}>" for user_id in also)
    if embed_ok:
        return {"embed": to_embed(reply), **({"content": names} if names else {})}
    if not names:
        return {"content": to_text(reply)}
    return {"content": trim(f"{names}\n{reply.as_text()}", MAX_CONTENT)}


def interaction_can_embed(interaction: discord.Interaction, ephemeral: bool) -> bool:
    """Ephemeral messages and DMs can always embed; in a server, the bot needs Embed Links there."""
    if ephemeral or interaction.guild_id is None:
        return True
    return interaction.app_permissions.embed_links


async def respond(
    interaction: discord.Interaction,
    reply: Reply,
    *,
    ephemeral: bool = False,
    view: discord.ui.View | None = None,
) -> Sent:
    """Answer an interaction (or follow up if it was already answered)."""
    kwargs = _body(reply, interaction_can_embed(interaction, ephemeral))
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        message = await interaction.followup.send(
            **kwargs, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, wait=True
        )
        return Sent(interaction.guild_id, interaction.channel_id, message.id, message)
    response = await interaction.response.send_message(**kwargs, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    resource = response.resource if isinstance(response.resource, discord.InteractionMessage) else None
    return Sent(interaction.guild_id, interaction.channel_id, response.message_id, resource)


async def withdraw_deferral(interaction: discord.Interaction) -> None:
    """Delete the public "thinking…" of a deferred interaction, so what follows can be ephemeral.

    After a deferral, Discord makes the first follow-up *replace* the "thinking…" message, public
    or not as the deferral was; once that message is deleted, a follow-up is a new message with
    its own flags. Fine if it is already gone.
    """
    try:
        await interaction.delete_original_response()
    except discord.HTTPException as exc:
        log.info("could not delete the deferred response to interaction %s: %s", interaction.id, exc)


async def edit_in_place(interaction: discord.Interaction, reply: Reply, *, view: discord.ui.View | None = None) -> None:
    """Turn the message a component belongs to into ``reply`` (for buttons)."""
    embed_ok = interaction_can_embed(interaction, ephemeral=False)
    if embed_ok:
        kwargs: dict = {"content": None, "embed": to_embed(reply)}
    else:
        kwargs = {"content": to_text(reply), "embed": None}
    await interaction.response.edit_message(**kwargs, view=view, allowed_mentions=NO_MENTIONS)


async def edit(
    message: discord.Message | discord.PartialMessage, reply: Reply, *, view: discord.ui.View | None, embed: bool = True
) -> None:
    """Rewrite a message the bot posted (a quiz countdown, its reveal); ``view=None`` takes the buttons off."""
    kwargs: dict = {"content": None, "embed": to_embed(reply)} if embed else {"content": to_text(reply), "embed": None}
    await message.edit(**kwargs, view=view, allowed_mentions=NO_MENTIONS)


async def remove_view(message: discord.Message | discord.PartialMessage | None) -> None:
    """Take the buttons off a message (a view timed out); fine if the message is gone."""
    if message is None:
        return
    try:
        await message.edit(view=None, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:  # deleted, or no longer allowed: nothing to clean up
        log.info("could not remove buttons from message %s: %s", message.id, exc)


def _channel_permissions(channel: discord.abc.Messageable) -> discord.Permissions | None:
    """The bot's permissions in a server channel; None in DMs (where everything we need is allowed)."""
    if not isinstance(channel, discord.abc.GuildChannel | discord.Thread):
        return None
    me = channel.guild.me
    return channel.permissions_for(me) if me is not None else None


def _can_send(channel: discord.abc.Messageable, perms: discord.Permissions | None) -> bool:
    if perms is None:
        return True
    return perms.send_messages_in_threads if isinstance(channel, discord.Thread) else perms.send_messages


async def post(
    channel: discord.abc.Messageable,
    reply: Reply,
    *,
    view: discord.ui.View | None = None,
    reference: discord.Message | None = None,
    nonce: str | None = None,
    also: tuple[int, ...] = (),
) -> Sent | None:
    """Post ``reply`` in ``channel`` (as a reply to ``reference`` when allowed).

    Embeds become plain text without Embed Links; the reply link is dropped without Read Message
    History; without Send Messages nothing is sent, a warning is logged and None is returned.
    ``nonce`` is sent with ``enforce_nonce``, so Discord returns the first message instead of
    creating a second. discord.py already gives each call a random one, which covers retries of
    that call (the REST layer retries 5xx, and a 5xx may come after Discord applied it); a nonce
    derived from the question also covers a second *call* for it (a redelivered event).
    """
    perms = _channel_permissions(channel)
    guild = getattr(channel, "guild", None)
    if not _can_send(channel, perms):
        log.warning("no permission to send messages in channel %s (guild %s)", getattr(channel, "id", "?"), guild)
        return None
    kwargs = _body(reply, perms is None or perms.embed_links, also)
    if view is not None:
        kwargs["view"] = view
    if reference is not None and (perms is None or perms.read_message_history):
        kwargs["reference"] = reference.to_reference(fail_if_not_exists=False)
        kwargs["mention_author"] = False
    if nonce is not None:  # discord.py sends it with ``enforce_nonce``
        kwargs["nonce"] = nonce
    sent = await channel.send(**kwargs, allowed_mentions=NO_MENTIONS)
    return Sent(guild.id if guild else None, sent.channel.id, sent.id, sent)


async def reply_to(
    message: discord.Message,
    reply: Reply,
    *,
    view: discord.ui.View | None = None,
    kind: str = "r",
    also: tuple[int, ...] = (),
) -> Sent | None:
    """Answer a message in its channel, as a reply when allowed; None when the bot may not post.

    ``also``: other askers the same reply answers, named in it. The nonce is ``kind`` + the
    question's id (Discord allows 25 characters): one reply of each kind per question, however
    often the request is retried or the question redelivered."""
    return await post(message.channel, reply, view=view, reference=message, nonce=f"{kind}{message.id}", also=also)


async def post_to(
    channel: discord.abc.Messageable,
    reply: Reply,
    *,
    embed_ok: bool = True,
    nonce: str | None = None,
    view: discord.ui.View | None = None,
) -> discord.Message:
    """Post ``reply`` on the bot's own initiative (the scheduled posts), not as an answer.

    ``nonce`` with discord.py's ``enforce_nonce`` makes Discord return the first message instead of
    creating a second one if the same post is re-sent within a few minutes. Not retried underneath
    (:func:`bot.discord.rest.single_attempt`): a scheduled post has its own recovery, which must
    see an unknown outcome to check the channel's history before trying again.
    """
    kwargs = _body(reply, embed_ok)
    if nonce is not None:
        kwargs["nonce"] = nonce
    if view is not None:
        kwargs["view"] = view
    with single_attempt():
        return await channel.send(**kwargs, allowed_mentions=NO_MENTIONS)
