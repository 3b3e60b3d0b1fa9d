"""Questions in words: ``/ask``, a mention or reply to the bot, or a DM.

- ``cog``       the slash command and the message listener (the extension ``bot.ask.cog``);
- ``handling``  one question's way through limits, cooldown, the engine and repeats (no I/O);
- ``manners``   the per-user cooldown and the per-channel memory of recent answers (pure);
- ``messages``  which messages ask the bot something, and what they ask;
- ``views``     the "did you mean…" buttons; ``votes`` the 👍/👎 buttons under answers.
"""
