"""Sync slash commands only when they changed (Discord allows 200 command creates a day).

Each command's public payload (``to_dict``) and the Spanish translation table are hashed with the
target (global, or the ``DEV_GUILD_ID`` guild, for instant updates while developing) and the
application id; the hashes live in ``DATA_DIR/command-tree.json``. ``perezbot sync`` forces a sync.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot.config import Settings
from bot.discord.translator import SPANISH

__all__ = ["HASH_FILE", "sync_commands", "tree_payload"]

log = logging.getLogger(__name__)

HASH_FILE = "command-tree.json"


def tree_payload(tree: app_commands.CommandTree, guild: discord.abc.Snowflake | None) -> dict[str, Any]:
    """What decides whether a sync is needed: every command's payload and the translations."""
    commands = sorted(
        tree.get_commands(guild=guild),
        key=lambda c: (c.name, c.type.value if isinstance(c, app_commands.ContextMenu) else 1),
    )
    return {"commands": [command.to_dict(tree) for command in commands], "translations": SPANISH}


def _digest(payload: Any, application_id: int | None) -> str:
    text = json.dumps({"application": application_id, "commands": payload}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


async def sync_commands(
    tree: app_commands.CommandTree, settings: Settings, application_id: int | None, *, force: bool = False
) -> bool:
    """Sync when the tree changed since the last sync (or ``force``); True when a sync happened."""
    guild = discord.Object(settings.dev_guild_id) if settings.dev_guild_id else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    target = f"guild:{guild.id}" if guild is not None else "global"
    digest = _digest(tree_payload(tree, guild), application_id)
    path = settings.data_dir / HASH_FILE
    stored = _read(path)
    if not force and stored.get(target) == digest:
        log.info("slash commands unchanged (%s); not syncing", target)
        return False
    synced = await tree.sync(guild=guild)
    stored[target] = digest
    _write(path, stored)
    log.info("synced %d slash command(s) to %s", len(synced), target)
    return True
