"""Owner tools: ``/admin reload`` swaps in the fact base after checking it (SIGHUP does the same).

- ``cog``  the command (the extension ``bot.admin.cog``); the reload itself is
  :meth:`bot.discord.client.PerezBot.reload_facts`, shared with the SIGHUP handler.
"""
