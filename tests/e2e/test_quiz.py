"""/quiz against the fake Discord: a solo round, a channel round with three players, the
leaderboard, one round per channel, and a round cut short by a restart."""

from __future__ import annotations

import asyncio

import pytest

from bot.quiz import storage
from tests.e2e.conftest import Running
from tests.fake_discord import FakeDiscord
from tests.fake_discord.payloads import FakeUser

EPHEMERAL = 64


class Gate:
    """The quiz's countdown sleep, opened by the test: no real waiting, no timing in assertions."""

    def __init__(self) -> None:
        self.ticks = asyncio.Semaphore(0)
        self.waiting = 0  # how many countdown steps have reached the gate

    async def sleep(self, seconds: float) -> None:
        self.waiting += 1
        await self.ticks.acquire()

    async def reached(self, count: int = 1) -> None:
        async with asyncio.timeout(3):
            while self.waiting < count:
                await asyncio.sleep(0.01)

    def open(self, ticks: int) -> None:
        for _ in range(ticks):
            self.ticks.release()


async def quiz(fake: FakeDiscord, sub: str, *, user: FakeUser | None = None, locale: str = "en-US") -> dict:
    """``/quiz <sub>`` as ``user`` (default: the human) in the fake's server."""
    guild = fake.guild
    data = {
        "id": fake._command_id("quiz", guild),
        "name": "quiz",
        "type": 1,
        "guild_id": str(guild.id),
        "options": [{"name": sub, "type": 1, "options": []}],
    }
    interaction = fake._interaction(2, data, guild=guild, channel=None, user=user, locale=locale)
    await fake.dispatch("INTERACTION_CREATE", interaction, guild_id=guild.id)
    return interaction


def buttons(message: dict) -> list[dict]:
    return [button for row in message["components"] for button in row["components"]]


def cog_of(running: Running):
    return running.bot.get_cog("Quiz")


def right_index(running: Running, embed: dict, lang: str = "en") -> int:
    """Which option is right, found from the question shown (the first line of the embed)."""
    question = embed["description"].split("\n")[0]
    item = next(i for i in cog_of(running)._items[1] if i.question(lang).text == question)
    return item.question(lang).right


async def test_quiz_is_registered_with_exactly_play_start_leaderboard(running: Running):
    [command] = [c for c in running.fake.commands["global"] if c["name"] == "quiz"]
    assert sorted(option["name"] for option in command["options"]) == ["leaderboard", "play", "start"]
    assert command["description_localizations"]["es-ES"] == "Un quiz sobre la carrera de Jefferson Pérez."


async def test_a_solo_round_end_to_end(running: Running):
    fake = running.fake
    interaction = await quiz(fake, "play")
    body = (await fake.response_to(interaction)).json
    assert body["type"] == 4 and body["data"]["flags"] & EPHEMERAL
    assert body["data"]["allowed_mentions"] == {"parse": []}
    message = fake.message(fake.originals[interaction["token"]])
    for number in range(1, 6):
        embed = message["embeds"][0]
        assert embed["title"] == f"Question {number} of 5"
        options = buttons(message)
        assert len(options) == 4 and all(b["label"].startswith(f"{i}. ") for i, b in enumerate(options, 1))
        right = right_index(running, embed)
        pick = right if number != 2 else (right + 1) % 4  # one wrong answer
        press = await fake.press(message, options[pick]["custom_id"])
        assert (await fake.response_to(press)).json["type"] == 7  # the same message, edited
        feedback = message["embeds"][0]
        assert feedback["title"] == ("❌ Not quite" if number == 2 else "✅ Right!")
        answer = options[right]["label"].split(". ", 1)[1]
        assert f"The answer: **{answer}**" in feedback["description"]
        assert feedback["footer"]["text"].startswith("Source: “On this day in Latinx history")
        assert "¶" in feedback["footer"]["text"] or "caption" in feedback["footer"]["text"]
        [step] = buttons(message)
        assert step["label"] == ("See my score" if number == 5 else "Next question")
        await fake.response_to(await fake.press(message, step["custom_id"]))
    assert message["embeds"][0]["title"] == "Your score"
    assert message["embeds"][0]["description"] == "**4 of 5**"
    [again] = buttons(message)
    assert again["label"] == "Play again"
    await fake.response_to(await fake.press(message, again["custom_id"]))
    assert message["embeds"][0]["title"] == "Question 1 of 5" and len(buttons(message)) == 4
    running.alive()


async def test_a_solo_round_in_spanish_from_the_locale(running: Running):
    fake = running.fake
    interaction = await quiz(fake, "play", locale="es-419")
    await fake.response_to(interaction)
    message = fake.message(fake.originals[interaction["token"]])
    embed = message["embeds"][0]
    assert embed["title"] == "Pregunta 1 de 5"
    right = right_index(running, embed, "es")
    await fake.response_to(await fake.press(message, buttons(message)[right]["custom_id"], locale="es-419"))
    feedback = message["embeds"][0]
    assert feedback["title"] == "✅ ¡Correcto!" and "La respuesta: **" in feedback["description"]
    assert feedback["footer"]["text"].startswith("Fuente: ")
    assert buttons(message)[0]["label"] == "Siguiente pregunta"


async def test_a_solo_round_goes_on_after_a_restart(make_bot, fake: FakeDiscord):
    """The round is in its buttons: a bot started after the one that showed them scores a press."""
    first = await make_bot()
    interaction = await quiz(fake, "play")
    await fake.response_to(interaction)
    message = fake.message(fake.originals[interaction["token"]])
    right = right_index(first, message["embeds"][0])
    await fake.response_to(await fake.press(message, buttons(message)[right]["custom_id"]))
    assert message["embeds"][0]["title"] == "✅ Right!"
    [step] = buttons(message)
    await first.bot.close()

    second = await make_bot()  # a new process, as far as the bot can tell: no view survives
    await fake.response_to(await fake.press(message, step["custom_id"]))
    assert message["embeds"][0]["title"] == "Question 2 of 5"
    right = right_index(second, message["embeds"][0])
    press = await fake.press(message, buttons(message)[(right + 1) % 4]["custom_id"])
    assert (await fake.response_to(press)).json["type"] == 7  # scored, and the same message edited
    assert message["embeds"][0]["title"] == "❌ Not quite"
    stats = await second.bot.store.run(storage.player_stats, fake.guild.id, fake.human.id)
    assert (stats.answered, stats.correct) == (2, 1)  # one answer before the restart, one after
    for _ in range(3):  # the rest of the round, on the new process
        [step] = buttons(message)
        await fake.response_to(await fake.press(message, step["custom_id"]))
        right = right_index(second, message["embeds"][0])
        await fake.response_to(await fake.press(message, buttons(message)[right]["custom_id"]))
    [finish] = buttons(message)
    assert finish["label"] == "See my score"
    await fake.response_to(await fake.press(message, finish["custom_id"]))
    assert message["embeds"][0]["description"] == "**4 of 5**"
    second.alive()


@pytest.fixture
def players() -> list[FakeUser]:
    return [FakeUser("ana"), FakeUser("ben"), FakeUser("cam")]


async def test_a_channel_round_with_three_players(running: Running, players: list[FakeUser]):
    fake = running.fake
    gate = Gate()
    cog_of(running).sleep = gate.sleep
    ana, ben, cam = players
    channel = fake.guild.channel
    posts = rf"/channels/{channel.id}/messages"
    mark = fake.mark()
    start = await quiz(fake, "start")
    opening = (await fake.response_to(start)).json
    assert opening["type"] == 4 and not opening["data"].get("flags", 0) & EPHEMERAL
    assert "5 questions, 20 seconds each" in opening["data"]["embeds"][0]["description"]

    task = cog_of(running).rounds[channel.id]
    again = await quiz(fake, "start", user=ana)  # one round per channel
    busy = (await fake.response_to(again)).json["data"]
    assert busy["flags"] & EPHEMERAL and "already running" in busy["embeds"][0]["description"]

    for number in range(1, 6):
        await fake.wait_until(
            lambda n=number: len(fake.find("POST", posts, after=mark)) >= n, what=f"question {number}"
        )
        message = fake.message(_last_message(fake, channel.id))
        embed = message["embeds"][0]
        assert embed["title"] == f"Question {number} of 5"
        assert embed["footer"]["text"].startswith("⏱ 20 s left · 0 answered")
        options = buttons(message)
        right = right_index(running, embed)
        wrong = (right + 1) % 4
        replies = []
        replies.append(await fake.press(message, options[right]["custom_id"], user=ana))
        replies.append(await fake.press(message, options[wrong]["custom_id"], user=ben))
        replies.append(await fake.press(message, options[right]["custom_id"], user=ben))  # the one change
        replies.append(await fake.press(message, options[wrong]["custom_id"], user=cam))
        replies.append(await fake.press(message, options[right]["custom_id"], user=cam))
        replies.append(await fake.press(message, options[(right + 2) % 4]["custom_id"], user=cam))  # no second change
        notes = [(await fake.response_to(r)).json["data"] for r in replies]
        assert all(n["flags"] & EPHEMERAL for n in notes)
        texts = [n["embeds"][0]["description"] for n in notes]
        assert texts[0].startswith("Got it: ") and texts[2].startswith("Changed to: ")
        assert texts[5].startswith("You've already changed your answer once")
        edits = rf"/channels/{channel.id}/messages/{message['id']}"
        before = fake.mark()
        gate.open(1)
        await fake.wait_for_request("PATCH", edits, after=before)
        assert message["embeds"][0]["footer"]["text"].startswith("⏱ 15 s left · 3 answered")
        gate.open(3)
        await fake.wait_until(lambda m=message: not m["components"], what="the reveal")
        reveal = message["embeds"][0]
        assert reveal["title"] == f"Question {number} of 5: the answer"
        lines = [line for line in reveal["description"].split("\n") if line.startswith(("✅", "▫️"))]
        counts = [int(line.rsplit(": ", 1)[1]) for line in lines]
        assert len(lines) == 4 and counts[right] == 3 and sum(counts) == 3  # in the buttons' order
        assert lines[right].startswith("✅ **") and "Source: " in reveal["footer"]["text"]

    summary = await fake.wait_until(lambda: _titled(fake, channel.id, "Quiz over"), what="the summary")
    assert summary["embeds"][0]["description"].split("\n") == ["1. Ana: 5 of 5", "2. Ben: 5 of 5", "3. Cam: 5 of 5"]
    await asyncio.wait_for(task, 3)
    assert not cog_of(running).rounds

    board = await quiz(fake, "leaderboard")
    embed = (await fake.response_to(board)).json["data"]["embeds"][0]
    assert embed["title"] == "Quiz leaderboard"
    assert embed["description"].split("\n")[0] == "1. **Ana**: 100% right (5 of 5) · best streak 5"
    assert "at least 5 scored answers" in embed["footer"]["text"]
    running.alive()


def _last_message(fake: FakeDiscord, channel_id: int) -> int:
    mine = [m for m in fake.messages.values() if m["channel_id"] == str(channel_id) and m["components"]]
    return int(mine[-1]["id"])


def _titled(fake: FakeDiscord, channel_id: int, title: str) -> dict | None:
    for message in fake.messages.values():
        if message["channel_id"] == str(channel_id) and any(e.get("title") == title for e in message["embeds"]):
            return message
    return None


async def test_a_round_cut_short_by_a_restart_is_ended_on_the_next_start(make_bot, fake: FakeDiscord):
    first = await make_bot()
    gate = Gate()
    cog_of(first).sleep = gate.sleep
    channel = fake.guild.channel
    await fake.response_to(await quiz(fake, "start"))
    await fake.wait_until(lambda: _titled(fake, channel.id, "Question 1 of 5"), what="the first question")
    question = _titled(fake, channel.id, "Question 1 of 5")
    assert buttons(question)
    await gate.reached()  # the round is counting down question 1
    await first.bot.close()  # mid-question: the round is left in quiz_rounds

    second = await make_bot()
    notice = await fake.wait_until(lambda: _with_text(fake, channel.id, "interrupted when I restarted"))
    assert notice["embeds"][0]["description"].endswith("Start a new one with /quiz start.")
    assert not question["components"]  # the old buttons are gone
    await fake.response_to(await quiz(fake, "start"))  # and the channel is free again
    assert cog_of(second).rounds


def _with_text(fake: FakeDiscord, channel_id: int, fragment: str) -> dict | None:
    for message in fake.messages.values():
        if message["channel_id"] == str(channel_id) and any(
            fragment in e.get("description", "") for e in message["embeds"]
        ):
            return message
    return None
