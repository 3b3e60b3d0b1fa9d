"""Discord's mention syntax, read in one place: users, roles, channels, custom emoji, @everyone/@here.

Pure text (no discord import): the curation log blanks mentions out of what it keeps, the message
listener removes the bot's own mention from a question, and the fact lint refuses mention syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ANY_MENTION", "EVERYONE", "MENTION", "SNOWFLAKE", "scrub", "strip_mentions"]

MENTION = re.compile(r"<(?P<kind>@[!&]?|#)(?P<id>\d+)>")  # <@user> <@!user> <@&role> <#channel>
EVERYONE = re.compile(r"@(?:everyone|here)\b", re.IGNORECASE)
SNOWFLAKE = re.compile(r"\b\d{15,21}\b")  # a raw Discord id
# Anything that renders as a mention or a custom emoji, complete or cut short (``<@``, ``<#1``).
ANY_MENTION = re.compile(r"<[@#][!&]?\d*>|<a?:\w+:\d+>|@(?:everyone|here)\b", re.IGNORECASE)


def strip_mentions(text: str, user_ids: Iterable[int] = (), role_ids: Iterable[int] = ()) -> str:
    """``text`` without the mentions of the given users and roles, whitespace collapsed."""
    users, roles = {str(i) for i in user_ids}, {str(i) for i in role_ids}

    def drop(match: re.Match[str]) -> str:
        kind, ident = match["kind"], match["id"]
        if (kind in ("@", "@!") and ident in users) or (kind == "@&" and ident in roles):
            return " "
        return match[0]

    return " ".join(MENTION.sub(drop, text).split())


def scrub(text: str) -> str:
    """Blank out anything that identifies someone: mentions (of anyone) and raw Discord ids."""
    text = MENTION.sub(lambda m: "#channel" if m["kind"] == "#" else "@someone", text)
    text = EVERYONE.sub("@someone", text)
    text = SNOWFLAKE.sub("<id>", text)
    return " ".join(text.split())
