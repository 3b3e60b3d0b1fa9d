"""``/help``, called directly with spec'd fakes."""

import pytest

from bot.info.cog import Info
from tests.helpers import fake_bot, fake_interaction, scripted_engine, sent_kwargs


@pytest.fixture
def bot(tmp_path):
    return fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data")


async def test_help_lists_commands_in_spanish(bot):
    for extension in bot.extensions_to_load:
        await bot.load_extension(extension)
    interaction = fake_interaction(locale="es-419")
    await Info.help.callback(bot.get_cog("Info"), interaction)
    fields = {f.name: f.value for f in sent_kwargs(interaction)["embed"].fields}
    assert fields["/ask pregunta"].startswith("Haz una pregunta")
    assert "/facts" in fields
