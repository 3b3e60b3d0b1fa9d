"""Embeds within Discord's limits, Spanish for every command string, and the sync hash."""

import json
import subprocess
import sys

import discord
import pytest

from bot.core.engine import Engine
from bot.core.render import Kind, Reply, Suggestion
from bot.discord.embeds import to_embed, to_text
from bot.discord.sync import tree_payload
from bot.discord.translator import COMMAND_KEYS, SPANISH, PerezTranslator
from tests.helpers import fake_bot


def test_embed_respects_discord_limits():
    reply = Reply(
        kind=Kind.TIMELINE,
        lang="en",
        title="t" * 300,
        body="b" * 5000,
        footer="f" * 3000,
        fields=tuple((f"name {i}" * 40, "v" * 2000) for i in range(10)),
    )
    embed = to_embed(reply)
    assert len(embed.title) == 256 and len(embed.description) == 4096 and len(embed.footer.text) == 1024
    assert len(embed) <= 6000
    assert all(len(f.name) <= 256 and len(f.value) <= 1024 for f in embed.fields)


def test_more_than_25_fields_fold_into_the_description():
    reply = Reply(kind=Kind.TIMELINE, lang="en", body="", fields=tuple((f"{i}", f"fact {i}") for i in range(40)))
    embed = to_embed(reply)
    assert not embed.fields and "**39** — fact 39" in embed.description


def test_suggestions_are_listed_so_the_message_still_reads_after_the_buttons_go():
    reply = Reply(kind=Kind.AMBIGUOUS, lang="en", body="Which?", suggestions=(Suggestion("a", "Gold"),))
    assert to_embed(reply).description == "Which?\n\n1. Gold"
    assert len(to_text(Reply(kind=Kind.ANSWERED, lang="en", body="x" * 5000))) == 2000


@pytest.fixture
async def tree(tmp_path):
    bot = fake_bot(Engine.load(), tmp_path)
    await bot.tree.set_translator(PerezTranslator())
    for extension in bot.extensions_to_load:
        await bot.load_extension(extension)
    return bot.tree


async def test_every_command_string_has_spanish(tree):
    used = set()
    pending = list(tree.get_commands())
    while pending:  # groups (/anniversary, /admin) hold their subcommands
        command = pending.pop()
        used.add(command.description)
        if isinstance(command, discord.app_commands.Group):
            pending.extend(command.commands)
            continue
        for parameter in command.parameters:
            used.update({parameter.display_name, parameter.description})
            used.update(choice.name for choice in parameter.choices)
    missing = sorted(text for text in used if text not in SPANISH)
    assert not missing, f"add Spanish for: {missing}"
    assert not set(SPANISH) - used, "unused entries in the Spanish table"


async def test_payload_is_stable_and_covers_the_translations(tree, monkeypatch):
    first = json.dumps(tree_payload(tree, None), sort_keys=True)
    assert first == json.dumps(tree_payload(tree, None), sort_keys=True)
    assert len(json.loads(first)["commands"]) == len(tree.get_commands())
    monkeypatch.setitem(SPANISH, "question", "consulta")
    assert json.dumps(tree_payload(tree, None), sort_keys=True) != first, "a new translation must trigger a sync"


async def test_the_translated_payload_fits_discords_limits(tree):
    translator = tree.translator
    assert translator is not None
    for command in [await c.get_translated_payload(tree, translator) for c in tree.get_commands()]:
        assert command["description_localizations"].keys() == {"es-ES", "es-419"}
        assert 1 <= len(command["description"]) <= 100
        for option in command.get("options", []):
            assert all(len(v) <= 100 for v in option["description_localizations"].values())
            assert all(v.islower() and " " not in v for v in option["name_localizations"].values())


def test_the_spanish_table_is_the_catalogs_command_strings_only():
    from bot.core.catalog import catalog

    words = catalog("bot.discord")
    assert SPANISH["Where to post."] == words.word("es", "opt_channel_desc") == "Dónde publicar."
    assert "View Channel" not in SPANISH  # a message word (a permission name), not a command string
    assert len(SPANISH) == sum(key.startswith(COMMAND_KEYS) for key in words.tables["en"]["words"])


async def test_translator_leaves_other_locales_and_command_names_alone():
    translator = PerezTranslator()
    context = discord.app_commands.TranslationContext(discord.app_commands.TranslationContextLocation.other, None)
    text = discord.app_commands.locale_str("question")
    assert await translator.translate(text, discord.Locale.french, context) is None
    assert await translator.translate(text, discord.Locale.spain_spanish, context) == "pregunta"
    name = discord.app_commands.TranslationContext(discord.app_commands.TranslationContextLocation.command_name, None)
    assert await translator.translate(text, discord.Locale.spain_spanish, name) is None


def test_console_commands_and_the_core_never_import_discord():
    code = (
        "import sys, io\n"
        "from bot.cli import main\n"
        "import bot.ask.manners, bot.core.mentions\n"
        "main(['ask', 'when did he retire'], stdout=io.StringIO(), stderr=io.StringIO(), env={})\n"
        "assert 'discord' not in sys.modules, sorted(m for m in sys.modules if 'discord' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
