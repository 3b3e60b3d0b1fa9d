"""The Discord side shared by every feature; importing this package imports nothing from discord.py.

- ``client``      :func:`~bot.discord.client.build_bot` (the one place the bot is built), the bot
                  class with its declared services, and ``EXTENSIONS``, loaded in ``setup_hook``;
- ``common``      reply language, the error reply, autocomplete choices, the shard formula, help;
- ``embeds``      the one place a core ``Reply`` becomes a ``discord.Embed`` (or plain text);
- ``send``        the one place anything is sent, edited or responded (``AllowedMentions.none()``,
                  permission fallbacks);
- ``views``       the base of buttons only their owner may press;
- ``permissions`` permission names in words (``strings/``: the Discord side's own catalog);
- ``translator``  Spanish for command descriptions and option names (from ``strings/``);
- ``sync``        command sync only when the tree's hash changed.

Adding a feature: a package ``bot/<feature>/`` with ``cog.py`` (a ``commands.Cog`` and
``async def setup(bot)``), its pure helpers beside it and its words in ``strings/en.yaml`` +
``strings/es.yaml`` (loaded with :meth:`bot.core.catalog.Catalog.load`); add ``"bot.<feature>.cog"``
to ``EXTENSIONS``. Read ``bot.engine`` and ``bot.clock()`` at call time, run database work with
``await bot.store.run(fn, ...)``, reply with ``send.respond`` / ``send.post``, and put every
command string in ``bot/discord/strings/{en,es}.yaml`` (``cmd_``/``opt_``/``choice_`` keys, the English
exactly as the code says it). Never import another feature's cog.
"""
