"""``/ask`` and questions by message, called directly with spec'd fakes: no network."""

import discord
import pytest

from bot.ask.cog import Ask
from bot.ask.messages import question_in
from bot.ask.views import AmbiguousView
from tests.helpers import fake_bot, fake_interaction, fake_message, fake_user, scripted_engine, sent_kwargs


@pytest.fixture
def bot(tmp_path):
    return fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data")


async def test_ask_answers_with_an_embed_and_no_mentions(bot):
    interaction = fake_interaction()
    await Ask.ask.callback(Ask(bot), interaction, "when did jefferson perez retire")
    kwargs = sent_kwargs(interaction)
    assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
    assert kwargs["ephemeral"] is False
    assert "29 September 2008" in kwargs["embed"].description

async def test_ask_without_embed_links_sends_text(bot):
    interaction = fake_interaction(embed_links=False)
    await Ask.ask.callback(Ask(bot), interaction, "when did jefferson perez retire")
    kwargs = sent_kwargs(interaction)
    assert "embed" not in kwargs and "29 September 2008" in kwargs["content"]

async def test_ask_ambiguous_attaches_buttons_for_the_asker(bot):
    interaction = fake_interaction(user_id=77)
    await Ask.ask.callback(Ask(bot), interaction, "ambiguous: which one")
    view = sent_kwargs(interaction)["view"]
    assert isinstance(view, AmbiguousView) and view.owner_id == 77
    assert [c.custom_id for c in view.children] == [
        "perezbot:pick:retirement-date",
        "perezbot:pick:atlanta-gold",
        "perezbot:pick:beijing-silver",
    ]
    view.stop()

async def test_ask_too_long_is_answered_from_its_first_500_characters_and_says_so(bot):
    interaction = fake_interaction(locale="es-ES")
    await Ask.ask.callback(Ask(bot), interaction, "cuándo se retiró jefferson pérez " + "x" * 501)
    kwargs = sent_kwargs(interaction)
    assert kwargs["ephemeral"] is False
    description = kwargs["embed"].description
    assert description.startswith("Ese mensaje es demasiado largo: solo leí sus primeros 500 caracteres.")
    assert "29 de septiembre de 2008" in description

async def test_ask_autocomplete_never_fails(bot, monkeypatch, caplog):
    cog = Ask(bot)
    interaction = fake_interaction()
    assert len(await Ask.ask_autocomplete(cog, interaction, "")) <= 25

    def broken(*args, **kwargs):
        raise RuntimeError("matcher broke")

    monkeypatch.setattr(bot.engine.matcher, "suggest_phrasings", broken)
    assert await Ask.ask_autocomplete(cog, interaction, "retire") == []
    assert "autocomplete for /ask failed" in caplog.text

def test_question_in_messages(bot):
    me = fake_user(42, bot=True)
    mention = fake_message("<@42> when did he retire", me=me, mentions=(me,))
    assert question_in(mention, me) == "when did he retire"
    assert question_in(fake_message("when did he retire", me=me), me) is None
    assert question_in(fake_message("hola", me=me, guild=False), me) == "hola"
    assert question_in(fake_message("<@42> hi", me=me, mentions=(me,), author_bot=True), me) is None
    reply = fake_message("and in 1996?", me=me, reference_author_id=42, mentions=(me,))
    assert question_in(reply, me) == "and in 1996?"
    assert question_in(fake_message("", me=me, reference_author_id=42), me) is None  # content withheld
    assert question_in(fake_message("x", me=me, reference_author_id=7), me) is None
    joined = fake_message("", me=me, guild=False, message_type=discord.MessageType.new_member)
    assert question_in(joined, me) is None
