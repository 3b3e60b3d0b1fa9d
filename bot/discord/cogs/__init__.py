"""Cogs: each module defines ``async def setup(bot)`` and is listed in ``bot.discord.client.EXTENSIONS``."""
