"""About the bot: ``/about`` (what it is, where its answers come from, its figures) and ``/help``.

- ``cog``      the commands (the extension ``bot.info.cog``);
- ``figures``  uptime and latency as short text (pure).
"""
