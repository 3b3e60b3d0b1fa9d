"""Login, READY, intents and the slash command sync payload (only when the tree changed)."""

import json

from bot.discord.client import build_bot
from bot.discord.sync import HASH_FILE
from tests.e2e.conftest import Running

PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content
NAMES = [
    *("about", "admin", "anniversary", "ask", "daily", "fact", "facts", "help"),
    *("onthisday", "quiz", "random", "timeline"),
]


async def test_login_ready_and_no_privileged_intents(running: Running):
    fake = running.fake
    assert running.bot.is_ready()
    assert [g.id for g in running.bot.guilds] == [fake.guild.id]
    identify = fake.identifies[0]
    assert identify["intents"] & PRIVILEGED == 0
    assert identify["intents"] & 1  # guilds


async def test_sync_payload_names_options_and_spanish_localisations(running: Running):
    fake = running.fake
    puts = fake.find("PUT", rf"/applications/{fake.application_id}/commands")
    assert len(puts) == 1
    commands = {c["name"]: c for c in puts[0].json}
    assert sorted(commands) == NAMES
    for command in commands.values():
        assert command["name_localizations"] == {}, "command names stay the same in every language"
        assert set(command["description_localizations"]) == {"es-ES", "es-419"}
        assert 1 <= len(command["description"]) <= 100
    question = commands["ask"]["options"][0]
    assert question["name"] == "question" and question["required"] and question["autocomplete"]
    assert question["name_localizations"] == {"es-ES": "pregunta", "es-419": "pregunta"}
    assert commands["fact"]["options"][0]["autocomplete"]
    date = commands["onthisday"]["options"][0]
    assert date["name"] == "date" and not date["required"]
    assert date["description_localizations"]["es-419"].startswith("Una fecha")


async def test_sync_only_when_the_tree_changed(running: Running, make_bot, settings):
    fake = running.fake
    stored = json.loads((settings.data_dir / HASH_FILE).read_text())
    assert set(stored) == {"global"}
    await running.bot.close()
    again = await make_bot()
    assert len(fake.find("PUT", rf"/applications/{fake.application_id}/commands")) == 1, "unchanged: no sync"
    await again.bot.close()
    # A changed command set syncs again.
    changed = await make_bot(extensions=("bot.ask.cog",))
    puts = fake.find("PUT", rf"/applications/{fake.application_id}/commands")
    assert len(puts) == 2 and [c["name"] for c in puts[-1].json] == ["ask"]
    await changed.bot.close()


async def test_dev_guild_sync_goes_to_that_guild_only(make_bot, settings, fake):
    running = await make_bot(settings=settings.replace(dev_guild_id=fake.guild.id))
    assert not fake.find("PUT", rf"/applications/{fake.application_id}/commands")
    puts = fake.find("PUT", rf"/applications/{fake.application_id}/guilds/{fake.guild.id}/commands")
    assert sorted(c["name"] for c in puts[0].json) == NAMES
    reply = await fake.slash("about")
    assert (await fake.response_to(reply)).json["type"] == 4
    await running.bot.close()


async def test_build_bot_uses_no_mentions_and_no_prefix(settings, engine):
    bot = build_bot(settings, engine)
    assert bot.allowed_mentions is not None
    assert bot.allowed_mentions.to_dict() == {"parse": []}
    assert not bot.intents.message_content and not bot.intents.members and not bot.intents.presences
