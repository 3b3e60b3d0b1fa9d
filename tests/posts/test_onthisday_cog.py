"""``/onthisday``, called directly with spec'd fakes."""

import datetime as dt

import pytest

from bot.posts.onthisday_cog import OnThisDay
from tests.helpers import fake_bot, fake_interaction, scripted_engine, sent_kwargs


@pytest.fixture
def bot(tmp_path):
    return fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data")


async def test_onthisday_uses_the_bot_clock_in_the_bot_time_zone(tmp_path):
    from bot.config import Settings

    # 03:00 UTC on 30 September is still 29 September in Guayaquil (UTC-5).
    clock = lambda: dt.datetime(2026, 9, 30, 3, 0, tzinfo=dt.UTC)  # noqa: E731
    settings = Settings(timezone="America/Guayaquil")
    bot = fake_bot(scripted_engine(tmp_path / "facts"), tmp_path / "data", clock=clock, settings=settings)
    interaction = fake_interaction()
    await OnThisDay.onthisday.callback(OnThisDay(bot), interaction, None)
    assert "18 years ago today" in sent_kwargs(interaction)["embed"].description


async def test_onthisday_bad_date(bot):
    interaction = fake_interaction()
    await OnThisDay.onthisday.callback(OnThisDay(bot), interaction, "31/02")
    kwargs = sent_kwargs(interaction)
    assert kwargs["ephemeral"] is True and "31/02" in kwargs["embed"].description
