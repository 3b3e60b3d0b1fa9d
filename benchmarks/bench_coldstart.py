"""Cold start of ``perezbot ask`` beside the issue's yardstick, ``python -c "import rapidfuzz, yaml"``.

Run with ``.venv/bin/python benchmarks/bench_coldstart.py [--runs N]`` (part of ``make bench``).

Each run is a fresh process. The two commands alternate (ask, yardstick, ask, …) so a busy machine
slows both alike; the report gives the median wall time and the median CPU time (user + system,
steadier than wall time on a shared machine) of each, and their ratio (the target is ≤ 2×).
``perezbot ask`` runs as on a bare checkout: no DATA_DIR directory, so the built index is cached in
the per-user cache, here a temporary ``XDG_CACHE_HOME`` (never the checkout or the real one). The
first run builds the index; the runs measured after it load it from the cache.

Both commands run from compiled bytecode, as from any install (pip compiles a package's modules
when it installs it): the bytecode goes to a temporary ``PYTHONPYCACHEPREFIX``, written by the
warm-up runs, even when the shell sets ``PYTHONDONTWRITEBYTECODE`` (this machine's environment
does, and an editable checkout then recompiled every module of ``bot`` from source on every run —
about 50 ms — while the yardstick's packages had the bytecode pip wrote). Stale ``__pycache__``
files in the checkout play no part either way.

Numbers are printed as a markdown table; nothing here is asserted (tests never time anything).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUESTION = "when did he retire"


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) milliseconds of one run of ``argv``, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="measured runs of each command (default 20)")
    ns = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="perezbot-coldstart-"))
    try:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DISCORD_", "FACTS_")) and k != "PYTHONDONTWRITEBYTECODE"
        }
        env.update(
            PYTHONPYCACHEPREFIX=str(scratch / "pycache"),  # bytecode for both commands (see above)
            PEREZBOT_DOTENV=str(scratch / "absent.env"),
            DATA_DIR=str(scratch / "no-data-dir"),  # a bare checkout: the per-user cache is used
            XDG_CACHE_HOME=str(scratch / "cache"),
            HOME=str(scratch / "home"),
        )
        script = Path(sys.executable).with_name("perezbot")
        ask = [*([str(script)] if script.exists() else [sys.executable, "-m", "bot"]), "ask", QUESTION]
        yardstick = [sys.executable, "-c", "import rapidfuzz, yaml"]

        building = [timed(ask, env)]  # empty cache: builds the index and caches it
        for _ in range(2):
            shutil.rmtree(scratch / "cache", ignore_errors=True)
            building.append(timed(ask, env))
        for _ in range(3):  # warm-up: file system caches, bytecode
            timed(ask, env)
            timed(yardstick, env)
        cached, base = [], []
        for _ in range(ns.runs):
            cached.append(timed(ask, env))
            base.append(timed(yardstick, env))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    def med(rows: list[tuple[float, float]], i: int) -> float:
        return statistics.median(row[i] for row in rows)

    print(f"# perezbot cold start — Python {platform.python_version()}, {os.cpu_count()} CPUs, {ns.runs} runs each")
    print()
    print("| command | wall (median) | CPU user+sys (median) |")
    print("|---|---:|---:|")
    for label, rows in (
        (f'`perezbot ask "{QUESTION}"`, empty cache (builds)', building),
        (f'`perezbot ask "{QUESTION}"`, cached index', cached),
        ('`python -c "import rapidfuzz, yaml"`', base),
    ):
        print(f"| {label} | {med(rows, 0):.0f} ms | {med(rows, 1):.0f} ms |")
    wall_ratio, cpu_ratio = med(cached, 0) / med(base, 0), med(cached, 1) / med(base, 1)
    print(f"| ratio, cached ask / yardstick (target ≤ 2×) | {wall_ratio:.2f}× | {cpu_ratio:.2f}× |")


if __name__ == "__main__":
    main()
