"""/quiz called directly with spec'd fakes (tests/helpers.py): no network, a temporary database."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import discord
import pytest

from bot.core.engine import Engine
from bot.quiz import storage
from bot.quiz.cog import Quiz
from bot.quiz.views import SoloButton, SoloView
from tests.helpers import fake_bot, fake_interaction, sent_kwargs


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture
async def cog(engine: Engine, tmp_path: Path):
    bot = fake_bot(engine, tmp_path)
    quiz = Quiz(bot)
    await bot.add_cog(quiz)  # registers the solo buttons; presses find the cog through the bot
    yield quiz
    await bot.remove_cog(quiz.qualified_name)
    bot.store.close()


def press_as(cog: Quiz, **kwargs) -> mock.NonCallableMagicMock:
    """A button press arriving at the cog's bot."""
    press = fake_interaction(**kwargs)
    press.client = cog.bot
    press.user.display_name = "Ana"
    return press


def edited(press: mock.NonCallableMagicMock) -> dict:
    """The keyword arguments the press edited its message with."""
    press.response.edit_message.assert_awaited_once()
    return press.response.edit_message.await_args.kwargs


def text_channel(channel_id: int = 2) -> mock.NonCallableMagicMock:
    channel = mock.create_autospec(discord.TextChannel, instance=True)
    channel.id = channel_id
    return channel


def description(interaction) -> str:
    return sent_kwargs(interaction)["embed"].description


async def test_play_is_an_ephemeral_round_of_five_with_four_buttons(cog: Quiz):
    interaction = fake_interaction(user_id=7)
    await Quiz.play.callback(cog, interaction)
    kwargs = sent_kwargs(interaction)
    assert kwargs["ephemeral"] is True and kwargs["allowed_mentions"].to_dict() == {"parse": []}
    view = kwargs["view"]
    assert isinstance(view, SoloView) and len(view.items) == 5 and view.owner_id == 7
    assert view.timeout is None and all(isinstance(child, SoloButton) for child in view.children)
    labels = [child.item.label for child in view.children]
    assert [label.split(". ", 1)[0] for label in labels] == ["1", "2", "3", "4"]
    assert kwargs["embed"].title == "Question 1 of 5"


async def test_play_speaks_spanish_to_a_spanish_locale(cog: Quiz):
    interaction = fake_interaction(locale="es-ES")
    await Quiz.play.callback(cog, interaction)
    assert sent_kwargs(interaction)["embed"].title == "Pregunta 1 de 5"


async def test_a_press_scores_the_answer_and_shows_the_fact(cog: Quiz):
    interaction = fake_interaction(user_id=7, guild_id=5)
    await Quiz.play.callback(cog, interaction)
    view: SoloView = sent_kwargs(interaction)["view"]
    item = view.items[0]
    right = item.question("en").right
    press = press_as(cog, user_id=7, guild_id=5)
    await view.children[right].callback(press)
    embed = edited(press)["embed"]
    assert embed.title == "✅ Right!" and cog.bot.engine.facts.get(item.fact_id).text("en") in embed.description
    after: SoloView = edited(press)["view"]
    assert [child.item.label for child in after.children] == ["Next question"]
    assert after.state.done == 1 and after.state.right == 1
    stats = cog.bot.store.call(storage.player_stats, 5, 7)
    assert (stats.name, stats.answered, stats.correct, stats.streak) == ("Ana", 1, 1, 1)


async def test_someone_else_cannot_press_your_buttons(cog: Quiz):
    interaction = fake_interaction(user_id=7)
    await Quiz.play.callback(cog, interaction)
    view: SoloView = sent_kwargs(interaction)["view"]
    intruder = press_as(cog, user_id=8)
    assert await view.children[0].interaction_check(intruder) is False
    assert "someone else's" in description(intruder)


async def test_a_round_prefers_the_facts_the_server_was_shown(cog: Quiz):
    cog.shown = lambda conn, guild_id: frozenset({"coach", "hometown"})
    interaction = fake_interaction(guild_id=5)
    await Quiz.play.callback(cog, interaction)
    view: SoloView = sent_kwargs(interaction)["view"]
    assert {"coach", "hometown"} <= {item.fact_id for item in view.items}


async def test_start_and_leaderboard_need_a_server(cog: Quiz):
    for command in (Quiz.start, Quiz.leaderboard):
        interaction = fake_interaction(guild_id=None, locale="es-419")
        await command.callback(cog, interaction)
        assert sent_kwargs(interaction)["ephemeral"] is True
        assert description(interaction).startswith("Las rondas de canal solo funcionan en un servidor")


async def test_start_refuses_a_second_round_in_the_same_channel(cog: Quiz):
    cog.bot.store.call(storage.claim_round, 2, 1, "en", cog.bot.clock())  # a round running (maybe another process)
    interaction = fake_interaction(guild_id=1, channel_id=2)
    interaction.channel = text_channel(2)
    await Quiz.start.callback(cog, interaction)
    assert sent_kwargs(interaction)["ephemeral"] is True
    assert "already running" in description(interaction)
    assert not cog.rounds


async def test_an_empty_leaderboard_says_how_to_get_on_it(cog: Quiz):
    interaction = fake_interaction(guild_id=1)
    await Quiz.leaderboard.callback(cog, interaction)
    assert sent_kwargs(interaction)["embed"].description.startswith("Nobody has answered 5 questions here yet")


async def test_rounds_left_open_in_servers_this_process_does_not_serve_are_left_alone(cog: Quiz):
    cog.bot.store.call(storage.claim_round, 2, 999, "en", cog.bot.clock())  # another shard's server
    assert await cog.end_interrupted_rounds() == 0
    assert [r.channel_id for r in cog.bot.store.call(storage.open_rounds)] == [2]


async def test_a_whole_solo_round_by_its_buttons_then_play_again(cog: Quiz):
    interaction = fake_interaction(user_id=7, guild_id=5)
    await Quiz.play.callback(cog, interaction)
    view: SoloView = sent_kwargs(interaction)["view"]
    for number, item in enumerate(view.items, 1):
        press = press_as(cog, user_id=7, guild_id=5)
        await view.children[item.question("en").right].callback(press)
        [step] = edited(press)["view"].children
        assert step.item.label == ("See my score" if number == 5 else "Next question")
        press = press_as(cog, user_id=7, guild_id=5)
        await step.callback(press)
        view = edited(press)["view"]
    assert edited(press)["embed"].description == "**5 of 5**"
    [again] = view.children
    press = press_as(cog, user_id=7, guild_id=5)
    await again.callback(press)
    assert edited(press)["embed"].title == "Question 1 of 5" and len(edited(press)["view"].children) == 4


async def test_a_round_whose_items_a_reload_removed_offers_a_new_one(cog: Quiz):
    interaction = fake_interaction(user_id=7)
    await Quiz.play.callback(cog, interaction)
    view: SoloView = sent_kwargs(interaction)["view"]
    cog._items = (cog.bot.engine.facts, tuple(view.items[1:]))  # the first item is gone
    press = press_as(cog, user_id=7)
    await view.children[0].callback(press)
    assert "changed since it started" in edited(press)["embed"].description
    [again] = edited(press)["view"].children
    assert again.item.label == "Play again"
    assert cog.bot.store.call(storage.player_stats, 1, 7) is None  # nothing was scored
