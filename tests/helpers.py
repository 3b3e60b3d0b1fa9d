"""Shared test helpers: a tiny fact base, a scriptable matcher, and spec'd fakes of discord types.

The fakes are built on the real discord.py classes with ``unittest.mock`` autospec, so using an
attribute or method the real class does not have fails the test instead of passing silently.
"""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

import discord

from bot.config import Settings
from bot.core.conversation import Turn
from bot.core.engine import Engine
from bot.core.facts import load_facts
from bot.core.matcher import Matcher
from bot.core.results import Candidate, MatchResult, Status

if TYPE_CHECKING:
    from bot.discord.client import PerezBot

__all__ = [
    "FIXED_NOW",
    "ScriptedMatcher",
    "fake_bot",
    "fake_interaction",
    "fake_message",
    "scripted_engine",
    "write_facts",
]

FIXED_NOW = dt.datetime(2026, 9, 29, 14, 0, tzinfo=dt.UTC)
_ids = itertools.count(900_000_000_000_000_000)

SOURCE_YAML = """\
title: "On this day in Latinx history: Olympian Jefferson Pérez retires"
url: "https://example.org/perez"
paragraphs: 10
"""

FACTS_YAML = """\
- id: retirement-date
  title: {en: He retired on 29 September 2008, es: Se retiró el 29 de septiembre de 2008}
  answer:
    en: Jefferson Pérez retired from race walking on 29 September 2008.
    es: Jefferson Pérez se retiró de la marcha el 29 de septiembre de 2008.
  questions:
    en: [when did jefferson perez retire]
    es: [cuándo se retiró jefferson pérez]
  citation: {paragraph: 4}
  date: 2008-09-29
- id: atlanta-gold
  title: {en: Gold in Atlanta 1996, es: Oro en Atlanta 1996}
  answer:
    en: He won the 20 km walk at the 1996 Atlanta Olympics.
    es: Ganó los 20 km marcha en los Juegos Olímpicos de Atlanta 1996.
  questions:
    en: [what did he win in atlanta]
    es: [qué ganó en atlanta]
  citation: {paragraph: 1}
  date: 1996-07-26
- id: beijing-silver
  title: {en: Silver in Beijing 2008, es: Plata en Pekín 2008}
  answer:
    en: He took silver in the 20 km walk at the 2008 Beijing Olympics.
    es: Obtuvo la plata en los 20 km marcha en Pekín 2008.
  questions:
    en: [what did he win in beijing]
    es: [qué ganó en pekín]
  citation: {paragraph: 3}
  date: 2008-08-16
"""


def write_facts(directory: Path, extra: str = "") -> Path:
    """A three-fact base in ``directory`` (same format as ``facts/``); returns the directory."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "source.yaml").write_text(SOURCE_YAML, encoding="utf-8")
    (directory / "facts.yaml").write_text(FACTS_YAML + textwrap.dedent(extra), encoding="utf-8")
    return directory


class ScriptedMatcher(Matcher):
    """The real matcher, except questions starting with a scripted prefix get a scripted verdict.

    ``ambiguous: …`` → ambiguous between the first three facts; ``boom: …`` → raises (error paths).
    """

    def match(self, question: str, *, lang: str | None = None, previous: Turn | None = None) -> MatchResult:
        text = question.strip().lower()
        if text.startswith("ambiguous:"):
            cands = tuple(Candidate(f, 0.5 - i / 10) for i, f in enumerate(self.facts.facts[:3]))
            return MatchResult(question, Status.AMBIGUOUS, lang or "en", 0.5, suggestions=cands)
        if text.startswith("boom:"):
            raise RuntimeError("scripted matcher failure")
        if text.startswith("atlanta:"):
            fact = self.facts.get("atlanta-gold")
            assert fact is not None
            return MatchResult(question, Status.ANSWERED, lang or "en", 0.95, (Candidate(fact, 0.95),))
        return super().match(question, lang=lang, previous=previous)


def scripted_engine(directory: Path) -> Engine:
    facts = load_facts(write_facts(directory))
    return Engine(facts, ScriptedMatcher(facts))


# --------------------------------------------------------------------------- spec'd discord fakes


def fake_bot(engine: Engine, data_dir: Path, *, clock=lambda: FIXED_NOW, settings: Settings | None = None) -> PerezBot:
    """A real (unconnected) PerezBot: cogs get the genuine services, nothing is sent anywhere.

    Its database lives in ``data_dir`` (a temporary directory), opened on first use.
    """
    from bot.discord.client import build_bot

    settings = (settings or Settings()).replace(data_dir=data_dir)
    return build_bot(settings, engine, clock=clock)


def fake_user(user_id: int | None = None, *, bot: bool = False) -> mock.NonCallableMagicMock:
    user = mock.create_autospec(discord.User, instance=True, spec_set=False)
    user.id = user_id or next(_ids)
    user.bot = bot
    return user


def fake_interaction(
    *, locale: str = "en-US", guild_id: int | None = 1, channel_id: int = 2, user_id: int = 3, embed_links: bool = True
) -> mock.NonCallableMagicMock:
    """An autospec'd Interaction whose response/followup record what the cog sent."""
    interaction = mock.create_autospec(discord.Interaction, instance=True)
    interaction.locale = discord.Locale(locale)
    interaction.guild_id = guild_id
    interaction.channel_id = channel_id
    interaction.user = fake_user(user_id)
    interaction.app_permissions = discord.Permissions(embed_links=embed_links, send_messages=True)
    interaction.created_at = dt.datetime.now(dt.UTC)  # just arrived: the backlog answers it directly
    response = mock.create_autospec(discord.InteractionResponse, instance=True)
    response.is_done.return_value = False
    callback = mock.create_autospec(discord.InteractionCallbackResponse, instance=True)
    callback.message_id = next(_ids)
    callback.resource = None
    response.send_message.return_value = callback
    interaction.response = response
    interaction.followup = mock.create_autospec(discord.Webhook, instance=True)
    return interaction


def sent_kwargs(interaction: mock.NonCallableMagicMock) -> dict:
    """The keyword arguments of the one ``response.send_message`` call."""
    interaction.response.send_message.assert_awaited_once()
    return interaction.response.send_message.await_args.kwargs


def fake_message(
    content: str,
    *,
    me: Any,
    mentions: tuple = (),
    guild: bool = True,
    author_bot: bool = False,
    reference_author_id: int | None = None,
    message_type: discord.MessageType = discord.MessageType.default,
) -> mock.NonCallableMagicMock:
    """An autospec'd Message as the gateway would deliver it."""
    message = mock.create_autospec(discord.Message, instance=True)
    message.content = content
    message.id = next(_ids)
    message.type = message_type
    message.author = fake_user(bot=author_bot)
    message.mentions = list(mentions)
    message.raw_role_mentions = []
    if guild:
        message.guild = mock.create_autospec(discord.Guild, instance=True)
        message.guild.self_role = None
    else:
        message.guild = None
    if reference_author_id is None:
        message.reference = None
    else:
        referenced = mock.create_autospec(discord.Message, instance=True)
        referenced.author = fake_user(reference_author_id)
        message.reference = mock.create_autospec(discord.MessageReference, instance=True)
        message.reference.resolved = referenced
    return message
