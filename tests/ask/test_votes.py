"""The 👍/👎 buttons: only under answers, and their custom id carries the vote."""

from __future__ import annotations

from unittest import mock

from bot.ask.votes import VoteButton, feedback_view
from bot.core.render import Kind, Reply


def test_feedback_view_only_for_answers():
    answer = Reply(kind=Kind.ANSWERED, lang="en", body="x", fact_ids=("atlanta-gold", "other"))
    view = feedback_view(answer)
    assert view is not None and view.timeout is None
    assert [item.item.custom_id for item in view.children] == [
        "perezbot:vote:up:atlanta-gold",
        "perezbot:vote:down:atlanta-gold",
    ]
    assert feedback_view(Reply(kind=Kind.UNKNOWN, lang="en", body="x")) is None
    assert feedback_view(Reply(kind=Kind.ANSWERED, lang="en", body="x")) is None
    assert feedback_view(Reply(kind=Kind.ANSWERED, lang="en", body="x", fact_ids=("x" * 90,))) is None


async def test_vote_button_parses_its_custom_id():
    match = VoteButton.__discord_ui_compiled_template__.fullmatch("perezbot:vote:down:atlanta-gold")
    button = await VoteButton.from_custom_id(mock.Mock(), mock.Mock(), match)
    assert (button.helpful, button.fact_id) == (False, "atlanta-gold")
    assert VoteButton.__discord_ui_compiled_template__.fullmatch("perezbot:vote:maybe:x") is None
