"""The Discord side: thin cogs that turn interactions into core calls and core replies into embeds.

Importing this package imports nothing from discord.py; ``bot.discord.client`` does.
"""
