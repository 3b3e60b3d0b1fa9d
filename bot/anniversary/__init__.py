"""The 29 September anniversary post: scheduling service (no discord.py); the cog lives with the Discord layer."""
