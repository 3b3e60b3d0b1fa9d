"""What ``/admin reload`` says: the changed fact ids, or every ``file:line`` problem — pure, in words
from ``bot/admin/strings``."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.catalog import catalog
from bot.core.reply import Kind, Reply

__all__ = ["render_reload"]


def _word(lang: str, key: str, **values: object) -> str:
    return catalog("bot.admin").word(lang, key, **values)


def _block(lines: Sequence[str], lang: str, budget: int = 3600) -> str:
    """``lines`` in a code block (so paths and ids show as written), cut to fit an embed."""
    shown: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > budget:
            break
        shown.append(line.replace("```", "'''"))
        used += len(line) + 1
    rest = len(lines) - len(shown)
    text = "```\n" + "\n".join(shown) + "\n```"
    return text + (f"\n{_word(lang, 'more', count=rest)}" if rest else "")


def render_reload(lang: str, *, ok: bool, count: int, changes: Sequence[str], problems: Sequence[str]) -> Reply:
    """The outcome of a hot reload: the +added/~changed/−removed ids, or every ``file:line`` problem."""
    title = _word(lang, "reload_title")
    if not ok:
        body = f"{_word(lang, 'reload_failed', count=len(problems))}\n{_block(problems, lang)}"
        return Reply(kind=Kind.NOTICE, lang=lang, title=title, body=body)
    if not changes:
        body = _word(lang, "reload_same", count=count)
        return Reply(kind=Kind.CONFIRMATION, lang=lang, title=title, body=body)
    body = f"{_word(lang, 'reload_ok', count=count)}\n{_block(changes, lang)}"
    return Reply(kind=Kind.CONFIRMATION, lang=lang, title=title, body=body)
