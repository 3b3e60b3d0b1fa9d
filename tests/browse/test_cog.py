"""``/fact`` and ``/random``, called directly with spec'd fakes."""

import pytest

from bot.browse.cog import Facts
from tests.helpers import fake_bot, fake_interaction, scripted_engine, sent_kwargs


@pytest.fixture
def bot(tmp_path):
    return fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data")


async def test_fact_unknown_topic_is_ephemeral(bot):
    interaction = fake_interaction()
    await Facts.fact.callback(Facts(bot), interaction, "nothing like it")
    kwargs = sent_kwargs(interaction)
    assert kwargs["ephemeral"] is True and "no fact matching" in kwargs["embed"].description

async def test_random_uses_the_bots_rng(bot):
    import random

    bot.rng = random.Random(3)
    expected = random.Random(3).choice(bot.engine.facts.facts)
    interaction = fake_interaction()
    await Facts.random.callback(Facts(bot), interaction)
    assert sent_kwargs(interaction)["embed"].title == expected.name("en")
