"""/ask end to end: answered, ambiguous (buttons edit in place), unknown, autocomplete, safety."""

import asyncio

import pytest

from tests.e2e.conftest import Running
from tests.fake_discord import FakeUser
from tests.helpers import scripted_engine

EPHEMERAL = 64
QUESTION = "when did jefferson perez retire"


@pytest.fixture
async def scripted(make_bot, tmp_path) -> Running:
    return await make_bot(engine=scripted_engine(tmp_path / "facts"))


async def test_ask_answered_is_an_embed_with_citation(running: Running):
    fake = running.fake
    interaction = await fake.slash("ask", question=QUESTION)
    body = (await fake.response_to(interaction)).json
    assert body["type"] == 4
    data = body["data"]
    assert data["allowed_mentions"] == {"parse": []}
    assert not data.get("flags")
    (embed,) = data["embeds"]
    assert running.retirement() in embed["description"]
    citation = running.bot.engine.facts.get("retirement-date").citation.label()
    assert citation in embed["footer"]["text"] and "%" in embed["footer"]["text"]
    running.alive()


async def test_ask_in_spanish_locale_answers_in_spanish(running: Running):
    fake = running.fake
    interaction = await fake.slash("ask", question=QUESTION, locale="es-419")
    (embed,) = (await fake.response_to(interaction)).json["data"]["embeds"]
    assert running.retirement("es") in embed["description"]
    assert "Fuente" in embed["footer"]["text"]


async def test_ask_unknown_declines_politely_with_examples(running: Running):
    fake = running.fake
    interaction = await fake.slash("ask", question="how do I bake sourdough bread")
    (embed,) = (await fake.response_to(interaction)).json["data"]["embeds"]
    assert "don't know" in embed["description"]
    assert "When did Jefferson Pérez retire?" in embed["description"]


async def test_ask_ambiguous_buttons_edit_the_message_in_place(scripted: Running):
    fake = scripted.fake
    interaction = await fake.slash("ask", question="ambiguous: gold?")
    body = (await fake.response_to(interaction)).json
    buttons = body["data"]["components"][0]["components"]
    assert 1 <= len(buttons) <= 3
    assert next(b["custom_id"] for b in buttons) == "perezbot:pick:retirement-date"
    message_id = fake.originals[interaction["token"]]
    message = fake.message(message_id)

    # Someone else cannot choose: they get an ephemeral note, the message is unchanged.
    stranger = FakeUser("pedro")
    press = await fake.press(message, "perezbot:pick:atlanta-gold", user=stranger)
    note = (await fake.response_to(press)).json
    assert note["type"] == 4 and note["data"]["flags"] & EPHEMERAL
    assert "Only the person who asked" in note["data"]["embeds"][0]["description"]
    assert fake.message(message_id)["components"]

    # The asker's press turns the message into that answer, buttons gone.
    press = await fake.press(message, "perezbot:pick:atlanta-gold")
    edit = (await fake.response_to(press)).json
    assert edit["type"] == 7
    assert edit["data"]["components"] == []
    assert "Atlanta" in edit["data"]["embeds"][0]["description"]
    assert fake.message(message_id)["embeds"][0]["title"] == "Gold in Atlanta 1996"
    scripted.alive()


async def test_ambiguous_buttons_expire_cleanly(make_bot, tmp_path):
    running = await make_bot(engine=scripted_engine(tmp_path / "facts"), view_timeout=0.2)
    fake = running.fake
    interaction = await fake.slash("ask", question="ambiguous: which?")
    await fake.response_to(interaction)
    message_id = fake.originals[interaction["token"]]
    edit = await fake.wait_for_request("PATCH", r"/webhooks/\d+/[^/]+/messages/(@original|\d+)", timeout=3)
    assert edit.json["components"] == []
    assert fake.message(message_id)["embeds"], "the text stays; only the buttons go"


async def test_autocomplete_suggests_phrasings_even_for_empty_input(running: Running):
    fake = running.fake
    for typed in ("", "retire", "x" * 300):
        interaction = await fake.autocomplete("ask", "question", typed)
        body = (await fake.response_to(interaction)).json
        assert body["type"] == 8
        choices = body["data"]["choices"]
        assert len(choices) <= 25
        assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
        if typed == "retire":
            assert any("retire" in c["name"] for c in choices)


async def test_mentions_in_a_question_can_never_ping(running: Running):
    fake = running.fake
    role = "<@&" + str(fake.guild.id) + ">"
    question = f"@everyone @here {role} <@{fake.human.id}> {QUESTION}"
    interaction = await fake.slash("ask", question=question)
    body = (await fake.response_to(interaction)).json
    assert body["data"]["allowed_mentions"] == {"parse": []}


async def test_too_long_is_answered_from_the_first_500_characters_and_says_so(running: Running):
    fake = running.fake
    interaction = await fake.slash("ask", question="why " * 200)
    data = (await fake.response_to(interaction)).json["data"]
    assert not data.get("flags", 0) & EPHEMERAL
    description = data["embeds"][0]["description"]
    assert description.startswith("That message is too long: I read only its first 500 characters.\n\n")


async def test_cooldown_after_five_questions_in_thirty_seconds(running: Running):
    fake = running.fake
    for i in range(5):
        interaction = await fake.slash("ask", question=f"how do I bake sourdough bread {i}")
        assert not (await fake.response_to(interaction)).json["data"].get("flags")
    interaction = await fake.slash("ask", question="one more")
    data = (await fake.response_to(interaction)).json["data"]
    assert data["flags"] & EPHEMERAL
    assert "ask again in 30 s" in data["embeds"][0]["description"]
    running.clock.advance(31)
    interaction = await fake.slash("ask", question="and now?")
    assert not (await fake.response_to(interaction)).json["data"].get("flags")


async def test_same_fact_within_a_minute_points_to_the_earlier_answer(running: Running):
    fake = running.fake
    first = await fake.slash("ask", question=QUESTION)
    await fake.response_to(first)
    first_id = fake.originals[first["token"]]
    running.clock.advance(20)
    second = await fake.slash("ask", question=QUESTION, user=FakeUser("pedro"))
    data = (await fake.response_to(second)).json["data"]
    assert data["flags"] & EPHEMERAL
    assert f"/{fake.guild.channel.id}/{first_id}" in data["embeds"][0]["description"]
    # In another channel, or after a minute, it is answered again.
    other = fake.guild.add_channel("random")
    third = await fake.slash("ask", question=QUESTION, channel=other)
    assert not (await fake.response_to(third)).json["data"].get("flags")
    running.clock.advance(61)
    fourth = await fake.slash("ask", question=QUESTION)
    assert not (await fake.response_to(fourth)).json["data"].get("flags")


async def test_without_embed_links_the_answer_is_plain_text(make_bot, fake):
    fake.guild.bot_permissions &= ~16384
    running = await make_bot()
    interaction = await fake.slash("ask", question=QUESTION)
    data = (await fake.response_to(interaction)).json["data"]
    assert not data.get("embeds")
    assert running.retirement() in data["content"]
    running.alive()


async def test_a_failing_command_gets_a_human_reply_and_others_keep_working(scripted: Running, errors):
    errors.expect("slash command /ask failed")
    fake = scripted.fake
    interaction = await fake.slash("ask", question="boom: please")
    data = (await fake.response_to(interaction)).json["data"]
    assert data["flags"] & EPHEMERAL
    assert "Something went wrong" in data["embeds"][0]["description"]
    assert any("scripted matcher failure" in (r.exc_text or str(r.exc_info)) for r in errors.records)
    ok = await fake.slash("ask", question="atlanta: gold?")
    assert "Atlanta" in (await fake.response_to(ok)).json["data"]["embeds"][0]["description"]
    scripted.alive()


async def test_reconnect_resumes_and_keeps_answering(running: Running):
    fake = running.fake
    session = await fake.reconnect()
    await fake.wait_until(lambda: session.resumes == 1 and session.ws is not None, what="RESUME")
    await asyncio.sleep(0)
    assert len(fake.identifies) == 1, "resumed, not re-identified"
    interaction = await fake.slash("ask", question=QUESTION)
    assert (await fake.response_to(interaction)).json["type"] == 4
    running.alive()


async def test_ask_in_a_dm(running: Running):
    fake = running.fake
    interaction = await fake.slash("ask", question=QUESTION, guild=None)
    data = (await fake.response_to(interaction)).json["data"]
    assert running.retirement() in data["embeds"][0]["description"]
    again = await fake.slash("ask", question=QUESTION, guild=None)
    assert not (await fake.response_to(again)).json["data"].get("flags"), "no repeat pointer in a DM"
