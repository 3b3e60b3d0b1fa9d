"""Matcher latency and accuracy, side by side with a naive rapidfuzz baseline; CLI cold start.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_matcher.py [--rounds N]``).

* Batch latency: every question of the dev set (``tests/eval/questions-dev.yaml``)
  and ``tests/eval/*.yaml``: first seen (after a warm-up on ``--warm`` questions of the other sets), then
  matched ``--rounds`` times more; mean, p50 and p99 per question over the rounds, and the first
  pass's mean (the cost of a question the matcher's memos of words and word pairs have not met).
* Baseline: ``rapidfuzz.process.extractOne`` over every phrasing of every fact
  (``processor=utils.default_process``, ``scorer=fuzz.WRatio``), answering the phrasing's fact when
  the score is at least ``--cutoff``; graded with the same rule as ``perezbot eval``.
* Cold start: the wall time of ``perezbot ask "when did he retire"`` as a subprocess with an empty
  engine cache (it builds the index and caches it under a temporary ``DATA_DIR``), then the median
  with the cache; beside ``python -c "import rapidfuzz, yaml"`` (the issue's yardstick: ≤ 2×),
  ``python -c "import discord"`` (what the ask path avoids) and ``python -c pass``.

Numbers are printed as markdown tables; nothing here is asserted (tests never time anything).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process, utils

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.core.engine import Engine  # noqa: E402
from bot.core.facts import LANGS  # noqa: E402
from bot.evaluation import grade, is_right, load_questions  # noqa: E402

SETS = {
    "dev": REPO / "tests" / "eval" / "questions-dev.yaml",
    "tune": REPO / "tests" / "eval" / "questions-tune.yaml",
    "blind": REPO / "tests" / "eval" / "questions-blind.yaml",
    "blind2": REPO / "tests" / "eval" / "questions-blind2.yaml",
    "blind3": REPO / "tests" / "eval" / "questions-blind3.yaml",
    "blind4": REPO / "tests" / "eval" / "questions-blind4.yaml",
    "fc1": REPO / "tests" / "eval" / "questions-fc1.yaml",
    "fc2": REPO / "tests" / "eval" / "questions-fc2.yaml",
}
COLD_QUESTION = "when did he retire"


class NaiveFaq:
    """The FAQ bot anyone would write first: the closest phrasing by WRatio, answered above a cutoff."""

    def __init__(self, engine: Engine, cutoff: float) -> None:
        self.cutoff = cutoff
        self.choices: list[str] = []
        self.owners: list[tuple[int, str]] = []  # (fact index, phrasing language)
        for i, fact in enumerate(engine.facts):
            for lang in LANGS:
                for phrasing in fact.questions.get(lang, ()):
                    self.choices.append(phrasing)
                    self.owners.append((i, lang))
        self.facts = engine.facts.facts

    def best(self, question: str) -> tuple[str, float, int]:
        return process.extractOne(question, self.choices, processor=utils.default_process, scorer=fuzz.WRatio)

    def answer(self, question: str) -> str | None:
        found = self.best(question)
        if found is None or found[1] < self.cutoff:
            return None
        index, lang = self.owners[found[2]]
        return self.facts[index].text(lang)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def batch_latency(fn, questions: list[str], rounds: int, warm: list[str]) -> tuple[list[float], list[float]]:
    """Per-question wall times in milliseconds: the first pass over ``questions``, never seen by
    ``fn`` (after a warm-up on the other questions ``warm``, as a running bot has answered others),
    then ``rounds`` passes more (its memos of words and word pairs now hold every one of them)."""
    for question in warm:
        fn(question)
    clock = time.perf_counter_ns
    passes: list[list[float]] = []
    for _ in range(1 + rounds):
        times = []
        for question in questions:
            start = clock()
            fn(question)
            times.append((clock() - start) / 1e6)
        passes.append(times)
    return passes[0], [t for times in passes[1:] for t in times]


def other_questions(seen: list[str], limit: int) -> list[str]:
    """Up to ``limit`` questions of the other eval sets (``tests/eval``), none of ``seen``: the
    warm-up, so that the first pass measures questions new to a bot that has answered others."""
    known = set(seen)
    found: list[str] = []
    for path in sorted((REPO / "tests" / "eval").glob("questions-*.yaml")):
        if path in SETS.values():
            continue
        found.extend(q for item in load_questions(path) if (q := str(item["q"])) not in known)
        if len(found) >= limit:
            break
    return found[:limit]


def rates(items: list[dict], answers: list[tuple[str | None, str]]) -> tuple[str, str]:
    ok_in = n_in = ok_out = n_out = 0
    for item, (answer, status) in zip(items, answers, strict=True):
        right = is_right(answer, item["expect"], status)
        if item["expect"] is None:
            n_out, ok_out = n_out + 1, ok_out + right
        else:
            n_in, ok_in = n_in + 1, ok_in + right
    return pct(ok_in, n_in), pct(ok_out, n_out)


def pct(ok: int, total: int) -> str:
    return f"{ok / total:.1%} ({ok}/{total})" if total else "n/a"


def median_wall(argv: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr}")
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="batch passes over the questions (default 5)")
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs per command (default 5)")
    parser.add_argument("--warm", type=int, default=3000, help="other questions answered before the first pass")
    parser.add_argument("--cutoff", type=float, default=80.0, help="baseline answers at this WRatio or above")
    ns = parser.parse_args()

    started = time.perf_counter()
    engine = Engine.load()
    load_ms = (time.perf_counter() - started) * 1000
    naive = NaiveFaq(engine, ns.cutoff)
    sets = {name: load_questions(path) for name, path in SETS.items() if path.is_file()}
    questions = [str(item["q"]) for items in sets.values() for item in items]

    warm = other_questions(questions, ns.warm)
    ours_first, ours = batch_latency(engine.matcher.match, questions, ns.rounds, warm)
    theirs_first, theirs = batch_latency(naive.best, questions, ns.rounds, warm)

    print(
        f"# perezbot matcher benchmark — Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{len(engine.facts)} facts, {len(naive.choices)} phrasings"
    )
    print()
    print(
        f"{len(questions)} questions ({', '.join(f'{k} {len(v)}' for k, v in sets.items())}), "
        f"first seen after a warm-up on {len(warm)} other questions, then {ns.rounds} rounds more; "
        f"engine load {load_ms:.0f} ms."
    )
    if "dev" not in sets:
        print(f"(dev set absent: {SETS['dev'].resolve()})")
    print()
    print(f"| per question, batch | perezbot `Matcher.match` | naive `extractOne` (WRatio ≥ {ns.cutoff:g}) |")
    print("|---|---:|---:|")
    for label, fn in (
        ("mean", statistics.fmean),
        ("p50", lambda t: percentile(t, 0.5)),
        ("p99", lambda t: percentile(t, 0.99)),
    ):
        print(f"| {label} | {fn(ours):.3f} ms | {fn(theirs):.3f} ms |")
    print(f"| mean ratio (ours / naive) | {statistics.fmean(ours) / statistics.fmean(theirs):.2f}× | 1× |")
    first, naive_first = statistics.fmean(ours_first), statistics.fmean(theirs_first)
    print(f"| first seen: mean (ratio) | {first:.3f} ms ({first / naive_first:.2f}×) | {naive_first:.3f} ms |")
    for name, items in sets.items():
        report = grade(engine, items)
        ours_in, ours_out = pct(*report.in_scope), pct(*report.out_of_scope)
        naive_answers = [naive.answer(str(item["q"])) for item in items]
        base_in, base_out = rates(items, [(a, "answered" if a else "unknown") for a in naive_answers])
        print(f"| {name}: in-scope right | {ours_in} | {base_in} |")
        print(f"| {name}: out-of-scope declined | {ours_out} | {base_out} |")
    print()

    data_dir = tempfile.mkdtemp(prefix="perezbot-bench-")  # the engine cache goes here, never the checkout
    env = {**os.environ, "PEREZBOT_DOTENV": "/nonexistent/perezbot.env", "DATA_DIR": data_dir}
    for key in ("DISCORD_TOKEN", "FACTS_DIR"):
        env.pop(key, None)
    script = Path(sys.executable).with_name("perezbot")
    ask = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    print(f"| cold start (median of {ns.runs}) | wall time |")
    print("|---|---:|")
    building = median_wall([*ask, "ask", COLD_QUESTION], 1, env)
    print(f'| `perezbot ask "{COLD_QUESTION}"`, empty cache (builds the index) | {building:.0f} ms |')
    cached = median_wall([*ask, "ask", COLD_QUESTION], ns.runs, env)
    print(f'| `perezbot ask "{COLD_QUESTION}"`, cached index | {cached:.0f} ms |')
    imports = [sys.executable, "-c", "import rapidfuzz, yaml"]
    print(f'| `python -c "import rapidfuzz, yaml"` | {median_wall(imports, ns.runs, env):.0f} ms |')
    try:
        discord_ms = f"{median_wall([sys.executable, '-c', 'import discord'], ns.runs, env):.0f} ms"
    except SystemExit:
        discord_ms = "n/a (discord not installed)"
    print(f'| `python -c "import discord"` | {discord_ms} |')
    print(f"| `python -c pass` | {median_wall([sys.executable, '-c', 'pass'], ns.runs, env):.0f} ms |")


if __name__ == "__main__":
    main()
