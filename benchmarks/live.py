"""The real ``perezbot run`` as a subprocess against a fake Discord in this process (for benchmarks).

The fake's own bookkeeping stays out of the bot's measurements (memory, CPU): only the
subprocess is the bot, talking HTTP and websocket to 127.0.0.1 as it would to Discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.fake_discord import FakeDiscord  # noqa: E402


def rss_kib(pid: int | str = "self") -> int:
    """Resident set size in KiB (Linux ``/proc``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS (not Linux?)")


async def spawn(fake: FakeDiscord, tmp: Path, **env: str) -> asyncio.subprocess.Process:
    """Start ``perezbot run`` pointed at ``fake`` with its data in ``tmp``."""
    facts = tmp / "facts"
    if not facts.exists():
        shutil.copytree(REPO / "facts", facts)
    full = fake.process_env(tmp, FACTS_DIR=str(facts), LOG_LEVEL="ERROR", **env)
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=full, cwd=tmp,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip


async def ready(fake: FakeDiscord, timeout: float = 30.0) -> None:
    """Until the bot has identified and its guilds are sent (plus a moment for GUILD_CREATE)."""
    await fake.wait_until(lambda: fake.identifies, timeout=timeout, what="IDENTIFY")
    await asyncio.sleep(0.5)


@contextlib.asynccontextmanager
async def live_bot(
    fake: FakeDiscord | None = None, **env: str
) -> AsyncIterator[tuple[FakeDiscord, asyncio.subprocess.Process]]:
    """A started fake and a ready bot process; both stopped afterwards."""
    fake = fake or FakeDiscord()
    await fake.start()
    tmp = Path(tempfile.mkdtemp(prefix="perezbot-bench-"))
    proc = await spawn(fake, tmp, **env)
    try:
        await ready(fake)
        yield fake, proc
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()
        await fake.stop()
        shutil.rmtree(tmp, ignore_errors=True)
