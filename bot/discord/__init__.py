"""The Discord side: thin cogs that turn interactions into core calls and core replies into embeds.

Importing this package imports nothing from discord.py; ``bot.discord.client`` does.

Layout:

- ``client``     :func:`~bot.discord.client.build_bot` (the one place the bot is built) and
                 ``EXTENSIONS``, the cogs loaded in ``setup_hook``;
- ``embeds``     the one place a core ``Reply`` becomes a ``discord.Embed`` (or plain text);
- ``send``       the one place anything is sent, edited or responded (``AllowedMentions.none()``,
                 permission fallbacks);
- ``asking``     one question's journey (limits, cooldown, engine, repeats) without I/O;
- ``etiquette``  pure helpers with injected time (cooldown, repeats, dates, mentions);
- ``views``      buttons (did-you-mean, fact pages) only their owner may press;
- ``translator`` Spanish for command descriptions and option names;
- ``sync``       command sync only when the tree's hash changed;
- ``cogs/``      one module per feature, each with ``async def setup(bot)``.

Adding a feature: write ``bot/discord/cogs/<name>.py`` with a ``commands.Cog`` and
``async def setup(bot): await bot.add_cog(...)``, add ``"bot.discord.cogs.<name>"`` to
``EXTENSIONS`` (or pass ``extensions=`` to ``build_bot``), read ``bot.engine`` and ``bot.clock()``
at call time, reply with ``send.respond`` / ``send.post``, and put every user-visible word in
``bot.core.render`` (EN + ES) and every command string in ``translator.SPANISH``.
"""
