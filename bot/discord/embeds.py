"""The one place that turns a core :class:`~bot.core.render.Reply` into a :class:`discord.Embed`.

Discord's limits (title 256, description 4096, 25 fields of 256/1024, footer 2048, 6000 in all)
are respected here by folding and trimming, so a growing fact base can never make a send fail.
"""

from __future__ import annotations

import discord

from bot.core.reply import Kind, Reply

__all__ = ["COLOURS", "MAX_CONTENT", "to_embed", "to_text", "trim"]

MAX_CONTENT = 2000
YELLOW, BLUE, GREY = 0xFFD100, 0x034EA2, 0x99AAB5  # Ecuador's yellow and blue; Discord's grey
COLOURS: dict[Kind, int] = {
    Kind.ANSWERED: YELLOW,
    Kind.ONTHISDAY: YELLOW,
    Kind.AMBIGUOUS: BLUE,
    Kind.FACTS: BLUE,
    Kind.TIMELINE: BLUE,
    Kind.UNKNOWN: GREY,
    Kind.SMALLTALK: BLUE,
    Kind.ABOUT: BLUE,
    Kind.HELP: BLUE,
    Kind.NOTICE: GREY,
    Kind.CONFIRMATION: BLUE,
    Kind.QUIZ: YELLOW,
}


def trim(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _suggestion_lines(reply: Reply) -> str:
    return "\n".join(f"{i}. {s.label}" for i, s in enumerate(reply.suggestions, 1))


def to_embed(reply: Reply) -> discord.Embed:
    """The reply as an embed: title, body, fields (folded into the body past 25), citation footer."""
    body = reply.body
    if reply.suggestions:
        body = f"{body}\n\n{_suggestion_lines(reply)}".strip()
    fields = list(reply.fields)
    if len(fields) > 25:  # too many for fields: list them in the body instead
        body = "\n".join([body, *(f"**{name}** — {value}" for name, value in fields)]).strip()
        fields = []
    title = trim(reply.title, 256) if reply.title else None
    footer = trim(reply.footer, 1024) if reply.footer else None
    budget = 6000 - len(title or "") - len(footer or "")
    description = trim(body, min(4096, budget)) if body else None
    budget -= len(description or "")
    embed = discord.Embed(title=title, description=description, colour=COLOURS[reply.kind])
    for name, value in fields:
        name, value = trim(name, 256) or "\u200b", trim(value, 1024) or "\u200b"
        if len(name) + len(value) > budget:
            break
        embed.add_field(name=name, value=value, inline=False)
        budget -= len(name) + len(value)
    if footer:
        embed.set_footer(text=footer)
    return embed


def to_text(reply: Reply) -> str:
    """The reply as plain message content (for channels where the bot may not embed links)."""
    return trim(reply.as_text(), MAX_CONTENT)
