"""``python -m bot`` does what the ``perezbot`` command does."""

from bot.cli import entry_point

entry_point()
