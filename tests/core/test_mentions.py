"""Mention syntax, read in one place."""

from bot.core.mentions import ANY_MENTION, scrub, strip_mentions


def test_strip_mentions_keeps_other_mentions_as_text():
    text = strip_mentions("<@42> when did he retire? <@!42> cc <@7> <@&5> <@&9>", user_ids=(42,), role_ids=(9,))
    assert text == "when did he retire? cc <@7> <@&5>"


def test_scrub_blanks_every_mention_and_raw_id():
    text = scrub("<@123> <@!4> <@&5> <#6> @everyone @Here id 123456789012345678")
    assert text == "@someone @someone @someone #channel @someone @someone id <id>"


def test_any_mention_sees_cut_and_complete_forms():
    for text in ("<@>", "<@!12>", "<#9>", "<:wave:123>", "<a:dance:4>", "@here"):
        assert ANY_MENTION.search(text), text
    assert not ANY_MENTION.search("email me at someone@example.com")
