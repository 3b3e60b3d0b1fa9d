"""What the start-up integrity check costs: ``PRAGMA quick_check`` vs ``integrity_check`` by database size.

Run: ``.venv/bin/python benchmarks/bench_store.py`` (writes only to a temporary directory).
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from bot.store.db import connect


def build(path: Path, questions: int) -> None:
    conn = connect(path)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO questions (asked_at, status, lang, fact_id, best_fact_id, score, text)"
        " VALUES (?, 'unknown', 'en', NULL, 'retirement-date', 0.4, ?)",
        ((f"2026-09-{1 + n % 28:02d}T12:{n % 60:02d}:00Z", f"question {n} " * 4) for n in range(questions)),
    )
    conn.execute("COMMIT")
    conn.close()


def timed(path: Path, pragma: str) -> float:
    conn = sqlite3.connect(path)
    start = time.perf_counter()
    conn.execute(f"PRAGMA {pragma}").fetchall()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for questions in (1_000, 100_000, 1_000_000):
            path = Path(tmp) / f"db-{questions}.sqlite3"
            build(path, questions)
            size = path.stat().st_size / 2**20
            quick = min(timed(path, "quick_check") for _ in range(3))
            full = min(timed(path, "integrity_check") for _ in range(3))
            print(
                f"{questions:>9} questions {size:7.1f} MiB"
                f"  quick_check {quick * 1000:8.1f} ms  integrity_check {full * 1000:8.1f} ms"
            )


if __name__ == "__main__":
    main()
