"""Shared Discord helpers: reply language, shard ownership."""

import pytest

from bot.discord.common import choices, help_reply, locale_language, reply_language, shard_for


@pytest.mark.parametrize(
    ("locale", "lang"),
    [("es-ES", "es"), ("es-419", "es"), ("en-US", None), ("pt-BR", None), (None, None)],
)
def test_locale_language(locale, lang):
    assert locale_language(locale) == lang
    assert reply_language(locale) == (lang or "en")


def test_shard_for_follows_discords_formula():
    guild = 81384788765712384
    assert shard_for(guild, None) == 0
    assert shard_for(guild, 2) == (guild >> 22) % 2
    assert shard_for(None, 2) == 0
    assert {shard_for(g << 22, 4) for g in range(8)} == {0, 1, 2, 3}


def test_choices_are_unique_short_and_at_most_25():
    texts = ["a" * 150, "a" * 150, "", "  ", *[f"q{i}" for i in range(40)]]
    out = choices(texts)
    assert len(out) == 25
    assert len(out[0].name) == 100 and out[0].name.endswith("…")
    assert len({c.value for c in out}) == 25


def test_help_says_how_to_ask_by_message_in_the_users_language():
    assert help_reply("es").fields[-1] == ("@perezbot", help_reply("es").fields[-1][1])
    assert help_reply("es").fields[-1][1].startswith("Mencióname")
    assert help_reply("en", (("/ask", "ask"),)).fields[0] == ("/ask", "ask")
