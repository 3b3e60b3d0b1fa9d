"""``perezbot eval FILE``: per-style table, in-scope accuracy, out-of-scope refusal, misses."""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from bot.cli.answer import load_engine
from bot.cli.exits import EXIT_CONFIG, EXIT_OK, EXIT_USAGE, CliContext
from bot.evaluation import grade, load_questions

__all__ = ["run_eval"]


def _pct(ok: int, total: int) -> str:
    return f"{ok / total:6.1%}" if total else "   n/a"


def _expect_ok(expect: object) -> bool:
    """``null`` (out of scope) or groups of alternatives: [["29 september", "29 de septiembre"], ["2008"]]."""
    if expect is None:
        return True
    return isinstance(expect, list) and all(
        isinstance(group, list) and all(isinstance(alt, str) for alt in group) for group in expect
    )


def run_eval(ns: argparse.Namespace, ctx: CliContext) -> int:
    engine = load_engine(ctx)
    if engine is None:
        return EXIT_CONFIG
    try:
        questions = load_questions(Path(ns.file))
    except (OSError, ValueError) as exc:
        ctx.err(f"perezbot eval: {exc}")
        return EXIT_USAGE
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{ns.file}:{mark.line + 1}" if mark is not None else ns.file
        ctx.err(f"perezbot eval: {where}: bad YAML: {getattr(exc, 'problem', None) or exc}")
        return EXIT_USAGE
    for number, item in enumerate(questions, 1):
        if not _expect_ok(item["expect"]):
            ctx.err(f"perezbot eval: {ns.file}: item {number}: expect must be null or a list of lists of text")
            return EXIT_USAGE
    report = grade(engine, questions)
    misses = report.misses()
    if misses:
        ctx.out(f"misses ({len(misses)}):")
        for g in misses[: ns.misses]:
            got = ",".join(g.fact_ids) or "-"
            ctx.out(f"  [{g.style}] {g.question!r} -> {g.status} {got} ({g.confidence:.2f})")
        ctx.out()
    ctx.out(f"{'style':<14}{'right':>8}{'total':>7}{'score':>8}")
    for style, (ok, total) in sorted(report.by_style().items()):
        ctx.out(f"{style:<14}{ok:>8}{total:>7}{_pct(ok, total):>8}")
    ok_in, n_in = report.in_scope
    ok_out, n_out = report.out_of_scope
    ctx.out(f"in-scope right:        {ok_in}/{n_in} {_pct(ok_in, n_in)}")
    ctx.out(f"out-of-scope declined: {ok_out}/{n_out} {_pct(ok_out, n_out)}")
    bad, n_all = report.wrong
    ctx.out(f"wrong answers:         {bad}/{n_all} {_pct(bad, n_all)}")
    ctx.out("calibration (confidence → share right of the answered):")
    for low, high, right, answered in report.calibration():
        if answered:
            ctx.out(f"  {low:4.0%}–{high:4.0%} {right:>5}/{answered:<5} {_pct(right, answered)}")
    return EXIT_OK
