"""Browsing the facts: ``/fact topic:``, ``/facts`` (paginated), ``/random`` and ``/timeline``.

- ``cog``    the commands (the extension ``bot.browse.cog``);
- ``views``  the previous/next buttons of ``/facts``.
"""
