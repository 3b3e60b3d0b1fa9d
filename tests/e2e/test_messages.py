"""Mentions, replies to the bot and DMs are answered like /ask; everything else is ignored."""

import asyncio

from tests.e2e.conftest import Running
from tests.fake_discord import FakeUser

QUESTION = "when did jefferson perez retire"


async def nothing_posted(fake, after: int) -> bool:
    await asyncio.sleep(0.15)
    return not fake.find("POST", r"/channels/\d+/messages", after=after)


async def test_mention_is_answered_as_a_reply_that_pings_nobody(running: Running):
    fake = running.fake
    asked = await fake.say(f"{fake.bot_user.mention} {QUESTION}", mentions=[fake.bot_user])
    sent = await fake.wait_for_request("POST", rf"/channels/{fake.guild.channel.id}/messages")
    assert str(sent.json["message_reference"]["message_id"]) == asked["id"]
    assert sent.json["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert running.retirement() in sent.json["embeds"][0]["description"]
    running.alive()


async def test_everyone_and_role_mentions_in_a_question_ping_nobody(running: Running):
    fake = running.fake
    text = f"{fake.bot_user.mention} @everyone <@&{fake.guild.id}> <@{fake.human.id}> {QUESTION}"
    await fake.say(text, mentions=[fake.bot_user, fake.human])
    sent = await fake.wait_for_request("POST", r"/channels/\d+/messages")
    assert sent.json["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_mentioning_the_bots_role_counts_as_a_mention(running: Running):
    fake = running.fake
    await fake.say(f"<@&{fake.guild.bot_role_id}> {QUESTION}")
    sent = await fake.wait_for_request("POST", r"/channels/\d+/messages")
    assert running.retirement() in sent.json["embeds"][0]["description"]


async def test_a_dm_is_answered(running: Running):
    fake = running.fake
    await fake.say("¿cuándo se retiró jefferson pérez?", guild=None)
    dm = fake.dm_channel(fake.human)
    sent = await fake.wait_for_request("POST", rf"/channels/{dm.id}/messages")
    assert sent.json["embeds"]
    assert sent.json["allowed_mentions"]["parse"] == []


async def test_a_reply_to_the_bot_is_answered(running: Running):
    fake = running.fake
    await fake.say(f"{fake.bot_user.mention} {QUESTION}", mentions=[fake.bot_user])
    first = await fake.wait_for_request("POST", r"/channels/\d+/messages")
    answer = fake.message(next(iter(m for m in fake.messages if fake.messages[m]["author"]["bot"])))
    assert answer["id"]
    mark = fake.mark()
    running.clock.advance(120)  # not a repeat
    # Replying with the ping on: Discord lists the bot in mentions and delivers the content.
    await fake.say(QUESTION, reply_to=answer, mentions=[fake.bot_user])
    second = await fake.wait_for_request("POST", r"/channels/\d+/messages", after=mark)
    assert second.json["message_reference"]["message_id"] != first.json["message_reference"]["message_id"]


async def test_plain_messages_bots_and_everyone_pings_are_ignored(running: Running):
    fake = running.fake
    mark = fake.mark()
    await fake.say(QUESTION)
    await fake.say(f"@everyone {QUESTION}")
    await fake.say(f"<@{fake.human.id}> {QUESTION}", mentions=[fake.human])
    for author in (FakeUser("otherbot", bot=True), fake.bot_user):
        await fake.say(f"{fake.bot_user.mention} {QUESTION}", mentions=[fake.bot_user], author=author)
    assert await nothing_posted(fake, mark)
    running.alive()


async def test_a_mention_without_a_question_gets_help(running: Running):
    fake = running.fake
    await fake.say(fake.bot_user.mention, mentions=[fake.bot_user])
    sent = await fake.wait_for_request("POST", r"/channels/\d+/messages")
    assert "How to use perezbot" in sent.json["embeds"][0]["title"]


async def test_cooldown_by_message_warns_once(running: Running):
    fake = running.fake
    for i in range(7):
        await fake.say(f"{fake.bot_user.mention} how do I bake sourdough bread {i}", mentions=[fake.bot_user])
    await fake.wait_until(lambda: len(fake.find("POST", r"/channels/\d+/messages")) >= 6, what="6 replies")
    await asyncio.sleep(0.1)
    posts = fake.find("POST", r"/channels/\d+/messages")
    assert len(posts) == 6, "five answers and one cooldown notice; the 7th is not answered"
    # The notice needs no matching, so it may overtake the answers still being matched.
    assert sum("ask again in" in p.json["embeds"][0]["description"] for p in posts) == 1


async def test_without_embed_links_or_history_the_reply_degrades(make_bot, fake):
    channel = fake.guild.channel
    channel.overwrites.append((fake.guild.bot_role_id, 0, 0, 16384 | 65536))  # deny Embed Links, Read History
    running = await make_bot()
    await fake.say(f"{fake.bot_user.mention} {QUESTION}", mentions=[fake.bot_user])
    sent = await fake.wait_for_request("POST", rf"/channels/{channel.id}/messages")
    assert "embeds" not in sent.json or not sent.json["embeds"]
    assert running.retirement() in sent.json["content"]
    assert "message_reference" not in sent.json
    running.alive()


async def test_without_send_messages_nothing_is_attempted(make_bot, fake):
    channel = fake.guild.channel
    channel.overwrites.append((fake.guild.bot_role_id, 0, 0, 2048))
    running = await make_bot()
    mark = fake.mark()
    await fake.say(f"{fake.bot_user.mention} {QUESTION}", mentions=[fake.bot_user])
    assert await nothing_posted(fake, mark)
    running.alive()


async def test_ambiguous_by_message_offers_buttons_only_the_asker_can_use(make_bot, tmp_path):
    from tests.helpers import scripted_engine

    running = await make_bot(engine=scripted_engine(tmp_path / "facts"))
    fake = running.fake
    await fake.say(f"{fake.bot_user.mention} ambiguous: medal?", mentions=[fake.bot_user])
    sent = await fake.wait_for_request("POST", r"/channels/\d+/messages")
    assert sent.json["components"]
    message = next(m for m in fake.messages.values() if m["author"]["bot"])
    press = await fake.press(message, "perezbot:pick:beijing-silver")
    edit = (await fake.response_to(press)).json
    assert edit["type"] == 7 and "Beijing" in edit["data"]["embeds"][0]["description"]


async def test_buttons_on_a_message_reply_expire_cleanly(make_bot, tmp_path):
    from tests.helpers import scripted_engine

    running = await make_bot(engine=scripted_engine(tmp_path / "facts"), view_timeout=0.2)
    fake = running.fake
    await fake.say(f"{fake.bot_user.mention} ambiguous: medal?", mentions=[fake.bot_user])
    await fake.wait_for_request("POST", r"/channels/\d+/messages")
    message = next(m for m in fake.messages.values() if m["author"]["bot"])
    edit = await fake.wait_for_request("PATCH", rf"/channels/\d+/messages/{message['id']}")
    assert edit.json["components"] == []
    assert edit.json["allowed_mentions"] == {"parse": []}
