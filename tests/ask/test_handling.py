"""The ask feature's notices (its own catalog) and the plan for one question."""

import pytest

from bot.ask.handling import plan_reply_soon
from bot.core.catalog import catalog
from bot.core.reply import Kind
from tests.helpers import fake_bot, scripted_engine


@pytest.mark.parametrize(
    ("key", "values", "en", "es"),
    [
        ("cooldown", {"seconds": 7}, "again in 7 s", "de nuevo en 7 s"),
        ("repeat", {"link": "https://example.org/m/1"}, "https://example.org/m/1", "https://example.org/m/1"),
        ("vote_thanks", {}, "Thanks", "Gracias"),
    ],
)
def test_notices(key: str, values: dict, en: str, es: str) -> None:
    strings = catalog("bot.ask")
    assert en in strings.notice("en", key, **values).body
    assert es in strings.notice("es", key, **values).body
    assert strings.notice("es", key, **values).kind is Kind.NOTICE


async def test_the_sixth_question_in_30_seconds_waits_and_is_told_once(tmp_path):
    bot = fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data")
    ask = dict(user_id=1, channel_id=2, in_guild=True, text="hola", lang="es")
    for _ in range(5):
        assert (await plan_reply_soon(bot, None, **ask)).reply.kind is not Kind.NOTICE
    refused = await plan_reply_soon(bot, None, **ask)
    assert refused.private and refused.notify and "Podrás preguntar de nuevo" in refused.reply.body
    assert (await plan_reply_soon(bot, None, **ask)).notify is False
    await bot.questions.flush()


async def test_a_follow_up_leans_on_the_same_users_last_answer_in_that_channel_for_a_few_minutes(tmp_path):
    import datetime as dt

    from tests.coredata import shipped_engine
    from tests.helpers import FIXED_NOW

    now = [FIXED_NOW]
    bot = fake_bot(shipped_engine(), tmp_path / "data", clock=lambda: now[0])
    first = dict(user_id=1, channel_id=2, in_guild=False, lang=None)
    await plan_reply_soon(bot, None, text="when did he win the olympics", **first)
    assert "22" in (await plan_reply_soon(bot, None, text="how old was he then?", **first)).reply.body
    other_user = dict(first, user_id=9)
    assert "22" not in (await plan_reply_soon(bot, None, text="how old was he then?", **other_user)).reply.body
    await plan_reply_soon(bot, None, text="when did he win the olympics", **first)
    now[0] = FIXED_NOW + dt.timedelta(minutes=6)
    assert "22" not in (await plan_reply_soon(bot, None, text="how old was he then?", **first)).reply.body
    await bot.questions.flush()
