"""/fact, /facts, /random, /timeline, /onthisday, /about, /help; several servers; shards."""

import datetime as dt

import pytest

from tests.e2e.conftest import Running
from tests.helpers import scripted_engine

EPHEMERAL = 64


@pytest.fixture
async def three(make_bot, tmp_path) -> Running:
    """A bot on the three-fact test base."""
    return await make_bot(engine=scripted_engine(tmp_path / "facts"))


async def embed_of(fake, interaction) -> dict:
    return (await fake.response_to(interaction)).json["data"]["embeds"][0]


async def test_fact_autocomplete_and_show(three: Running):
    fake = three.fake
    typed = await fake.autocomplete("fact", "topic", "atlanta")
    choices = (await fake.response_to(typed)).json["data"]["choices"]
    assert choices[0] == {"name": "Gold in Atlanta 1996", "value": "atlanta-gold"}
    empty = await fake.autocomplete("fact", "topic", "", locale="es-ES")
    names = [c["name"] for c in (await fake.response_to(empty)).json["data"]["choices"]]
    assert "Oro en Atlanta 1996" in names and len(names) == 3
    shown = await fake.slash("fact", topic="atlanta-gold")
    assert (await embed_of(fake, shown))["title"] == "Gold in Atlanta 1996"
    typed_title = await fake.slash("fact", topic="Silver in Beijing")
    assert (await embed_of(fake, typed_title))["title"] == "Silver in Beijing 2008"
    nonsense = await fake.slash("fact", topic="zzzz qqqq")
    data = (await fake.response_to(nonsense)).json["data"]
    assert data["flags"] & EPHEMERAL and "no fact matching" in data["embeds"][0]["description"]


async def test_facts_paginates_with_buttons(make_bot, tmp_path):
    extra = "".join(
        f"""
- id: extra-{i}
  title: {{en: Extra fact {i}, es: Dato extra {i}}}
  answer: {{en: Extra answer {i}., es: Respuesta extra {i}.}}
  questions: {{en: [extra question {i}], es: [pregunta extra {i}]}}
  citation: {{paragraph: 2}}
"""
        for i in range(4)
    )
    from bot.core.engine import Engine
    from tests.helpers import write_facts

    running = await make_bot(engine=Engine.load(write_facts(tmp_path / "facts", extra)))
    fake = running.fake
    interaction = await fake.slash("facts")
    data = (await fake.response_to(interaction)).json["data"]
    assert len(data["embeds"][0]["fields"]) == 5
    assert "Page 1 of 2 · 7 facts" in data["embeds"][0]["footer"]["text"]
    buttons = data["components"][0]["components"]
    assert [b["disabled"] for b in buttons] == [True, False]
    message = fake.message(fake.originals[interaction["token"]])
    press = await fake.press(message, "perezbot:facts:next")
    edit = (await fake.response_to(press)).json["data"]
    assert "Page 2 of 2" in edit["embeds"][0]["footer"]["text"]
    assert len(edit["embeds"][0]["fields"]) == 2
    assert [b["disabled"] for b in edit["components"][0]["components"]] == [False, True]


async def test_random_and_timeline(three: Running):
    fake = three.fake
    shown = await embed_of(fake, await fake.slash("random"))
    assert shown["title"] in {"He retired on 29 September 2008", "Gold in Atlanta 1996", "Silver in Beijing 2008"}
    timeline = await embed_of(fake, await fake.slash("timeline"))
    assert [f["name"] for f in timeline["fields"]] == ["26 July 1996", "16 August 2008", "29 September 2008"]


async def test_onthisday_today_a_given_date_the_next_one_and_a_bad_date(three: Running):
    fake = three.fake
    today = await embed_of(fake, await fake.slash("onthisday"))  # the clock says 29 September 2026
    assert "18 years ago today" in today["description"]
    given = await embed_of(fake, await fake.slash("onthisday", date="07-26", locale="es-ES"))
    assert "Hoy hace 30 años" in given["description"]
    three.clock.now = dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC)
    upcoming = await embed_of(fake, await fake.slash("onthisday"))
    assert "The next entry is on 26 July 2027" in upcoming["description"]
    bad = await fake.slash("onthisday", date="someday")
    data = (await fake.response_to(bad)).json["data"]
    assert data["flags"] & EPHEMERAL and "couldn't read the date" in data["embeds"][0]["description"]


async def test_about_and_help(three: Running):
    fake = three.fake
    about = await embed_of(fake, await fake.slash("about"))
    fields = {f["name"]: f["value"] for f in about["fields"]}
    assert fields["Facts"] == "3" and fields["Servers"] == "1"
    assert "example.org" in fields["Source article"]
    interaction = await fake.slash("help", locale="es-ES")
    data = (await fake.response_to(interaction)).json["data"]
    assert data["flags"] & EPHEMERAL
    names = [f["name"] for f in data["embeds"][0]["fields"]]
    assert "/ask pregunta" in names and "/onthisday [fecha]" in names and "@perezbot" in names


async def test_several_servers(make_bot, fake):
    second = fake.add_guild("Marcha Cuenca")
    running = await make_bot()
    assert {g.id for g in running.bot.guilds} == {fake.guild.id, second.id}
    interaction = await fake.slash("ask", question="when did jefferson perez retire", guild=second)
    assert (await fake.response_to(interaction)).json["type"] == 4


async def test_auto_sharded_bot_on_two_shards(make_bot, fake):
    fake.recommended_shards = 2
    while len({(g.id >> 22) % 2 for g in fake.guilds}) < 2:  # a guild on each shard
        fake.add_guild()
    running = await make_bot(sharded=True)
    assert fake.find("GET", "/gateway/bot")
    assert sorted(tuple(i["shard"]) for i in fake.identifies) == [(0, 2), (1, 2)]
    assert {g.id for g in running.bot.guilds} == {g.id for g in fake.guilds}
    for guild in fake.guilds:
        interaction = await fake.slash("ask", question="when did jefferson perez retire", guild=guild)
        assert (await fake.response_to(interaction)).json["type"] == 4


async def test_a_stale_command_gets_a_reply_not_a_crash(running: Running):
    fake = running.fake
    fake.commands["global"].append({"name": "retired-command", "type": 1, "description": "gone"})
    interaction = await fake.slash("retired-command")
    data = (await fake.response_to(interaction)).json["data"]
    assert data["flags"] & EPHEMERAL and "Something went wrong" in data["embeds"][0]["description"]
    running.alive()
