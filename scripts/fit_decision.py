"""Fit the decision rule's weights (bot/core/decision.py) on every question set, and report
leave-one-set-out cross-validation: the scores each set gets from weights fit without it.

    .venv/bin/python scripts/fit_decision.py [--write] [--full]

Each question's best-scoring fact (whole message, no fallbacks, after the matcher's own reranking)
is one example, labelled right when its answer passes the grading rule (out-of-scope questions:
never right). Every tests/eval/*.yaml set is read. A set held out is fit without the questions it
shares word for word with the others (the sets repeat some), so its scores are for unseen questions.
The fit is an L2-penalised logistic regression by Newton's method, in pure Python (a dozen weights,
a few thousand examples).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.core import decision  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.core.fold import fold  # noqa: E402
from bot.evaluation import grade, is_right, load_questions  # noqa: E402

L2 = 1.0

Row = tuple[tuple[float, ...], int]
Example = tuple[tuple[float, ...], int, str]  # the rule's inputs, right or not, the question folded


def examples(engine: Engine, path: Path) -> list[Example]:
    rows = []
    matcher = engine.matcher
    for item in load_questions(path):
        if item.get("context"):
            continue  # a follow-up is judged with its conversation, not alone
        evidence, index = matcher.evidence_for(str(item["q"]))
        if evidence is None or index is None:
            continue
        fact = engine.facts.facts[index]
        lang = matcher.analyzer.analyze(str(item["q"])).lang
        right = is_right(fact.text(lang), item["expect"], "answered")
        rows.append((evidence.vector(), int(right), " ".join(re.findall(r"\w+", fold(str(item["q"]))))))
    return rows


def held_out_fit(name: str, data: dict[str, list[Example]]) -> tuple[float, ...]:
    """Weights fit on every set but ``name`` — and without the questions ``name`` asks as well:
    the sets repeat some questions word for word, which would not be unseen."""
    asked = {key for _, _, key in data[name]}
    return fit([(x, y) for other, rows in data.items() if other != name for x, y, key in rows if key not in asked])


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Newton step)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[col][col]:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit(rows: list[Row]) -> tuple[float, ...]:
    k = len(rows[0][0])
    w = [0.0] * k
    for _ in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in rows:
            p = 1 / (1 + math.exp(-max(-30, min(30, sum(a * b for a, b in zip(w, x, strict=True))))))
            for i in range(k):
                grad[i] += (p - y) * x[i]
                for j in range(k):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, k):  # the bias is not penalised
            grad[i] += L2 * w[i]
            hess[i][i] += L2
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return tuple(round(v, 3) for v in w)


def whole_matcher(
    engine: Engine, sets: dict[str, Path], data: dict[str, list[Example]], thresholds: list[float]
) -> tuple[float, float] | None:
    """Grade each set by the whole matcher (every rule), weights fit without it, at each threshold;
    then fit the calibration of the confidence shown on the answers given at the shipped threshold
    (slope and offset on the log-odds) and print its table (confidence bucket → share right)."""
    fitted, answer_at, calibration = decision.WEIGHTS, decision.ANSWER_AT, decision.CALIBRATION
    decision.CALIBRATION = (1.0, 0.0)  # the rule's own probabilities: the calibration is fit on them
    held = {name: held_out_fit(name, data) for name in sets}
    raw: list[tuple[float, bool]] = []
    for threshold in thresholds:
        decision.ANSWER_AT = threshold
        print(f"leave-one-set-out, whole matcher, answer at {threshold}: in-scope / out-of-scope declined / wrong")
        totals = [0, 0, 0, 0, 0, 0]
        blind = [0, 0, 0, 0, 0, 0]  # the first-contact sets (fc*), written by strangers to the matcher
        shown: list[tuple[float, bool]] = []
        for name, path in sets.items():
            decision.WEIGHTS = held[name]
            report = grade(engine, load_questions(path))
            (ok_in, n_in), (ok_out, n_out), (bad, n) = report.in_scope, report.out_of_scope, report.wrong
            totals = [a + b for a, b in zip(totals, (ok_in, n_in, ok_out, n_out, bad, n), strict=True)]
            if name.startswith("fc"):
                blind = [a + b for a, b in zip(blind, (ok_in, n_in, ok_out, n_out, bad, n), strict=True)]
            shown.extend((g.confidence, g.ok) for g in report.graded if g.status == "answered")
            if threshold == decision.ANSWER_AT and threshold == answer_at:
                raw.extend((g.confidence, g.ok) for g in report.graded if g.status == "answered")
            print(f"  {name:<8}{ok_in / n_in:>8.1%}{ok_out / n_out:>8.1%}{bad / n:>8.1%}")
        for label, (ok_in, n_in, ok_out, n_out, bad, n) in (("all", totals), ("fc*", blind)):
            if n_in and n_out:
                print(f"  {label:<8}{ok_in / n_in:>8.1%}{ok_out / n_out:>8.1%}{bad / n:>8.1%}")
        print("  the rule's probability of the answers given → share right")
        calibration_table(shown)
    decision.WEIGHTS, decision.ANSWER_AT = fitted, answer_at
    if not raw:
        decision.CALIBRATION = calibration
        return None
    # Platt scaling of the answers given: log-odds of the rule's probability → right or not.
    logit = [(math.log(min(max(c, 1e-6), 1 - 1e-6) / (1 - min(max(c, 1e-6), 1 - 1e-6))), int(ok)) for c, ok in raw]
    slope, offset = fit([((1.0, z), y) for z, y in logit])[::-1]
    decision.CALIBRATION = (slope, offset)
    print(f"calibration of the confidence shown (slope {slope}, offset {offset}): confidence shown → share right")
    calibration_table([(decision.shown(c), ok) for c, ok in raw])
    decision.CALIBRATION = calibration
    return slope, offset


def calibration_table(rows: list[tuple[float, bool]]) -> None:
    for low, high in ((0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)):
        inside = [(c, ok) for c, ok in rows if low <= c < high]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            right = sum(ok for _, ok in inside) / len(inside)
            print(f"    {low:.0%}–{min(high, 1.0):.0%} (mean {mean:.1%}): {right:.1%} right of {len(inside)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="paste the fitted weights into decision.py")
    parser.add_argument(
        "--full", action="store_true", help="also grade each set by the whole matcher, weights fit without it"
    )
    parser.add_argument(
        "--answer-at", default=str(decision.ANSWER_AT), help="thresholds to grade --full at, comma-separated"
    )
    ns = parser.parse_args()
    engine = Engine.load()
    sets = {p.stem.removeprefix("questions-"): p for p in sorted((REPO / "tests" / "eval").glob("*.yaml"))}
    data = {name: examples(engine, path) for name, path in sets.items()}
    held_out: list[tuple[float, int]] = []
    print(f"{'held out':<10}{'n':>5}{'answered right':>16}{'answered wrong':>16}  (at {decision.ANSWER_AT})")
    for name in data:
        weights = held_out_fit(name, data)
        test = [(x, y) for x, y, _ in data[name]]
        ev = [(decision.probability_of(x, weights), y) for x, y in test]
        held_out.extend(ev)
        n_right = sum(1 for p, y in ev if p >= decision.ANSWER_AT and y)
        n_wrong = sum(1 for p, y in ev if p >= decision.ANSWER_AT and not y)
        print(f"{name:<10}{len(test):>5}{n_right / len(test):>16.1%}{n_wrong / len(test):>16.1%}")
    print("threshold sweep (all held-out predictions): threshold → answered right / wrong")
    for t in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        right = sum(1 for p, y in held_out if p >= t and y) / len(held_out)
        wrong = sum(1 for p, y in held_out if p >= t and not y) / len(held_out)
        print(f"  {t:.1f}: {right:.1%} / {wrong:.1%}")
    print("calibration of the held-out predictions: bucket → share right")
    for low in (0.5, 0.6, 0.7, 0.8, 0.9):
        inside = [y for p, y in held_out if low <= p < low + 0.1 + (0.01 if low == 0.9 else 0)]
        if inside:
            print(f"  {low:.0%}–{low + 0.1:.0%}: {sum(inside) / len(inside):.1%} of {len(inside)}")
    calibration = None
    if ns.full:
        calibration = whole_matcher(engine, sets, data, [float(t) for t in ns.answer_at.split(",")])
    weights = fit([(x, y) for rows in data.values() for x, y, _ in rows])
    print("weights:", dict(zip(decision.FEATURES, weights, strict=True)))
    if ns.write:
        path = REPO / "bot" / "core" / "decision.py"
        text = re.sub(r"^WEIGHTS = .*$", f"WEIGHTS = {weights!r}", path.read_text(encoding="utf-8"), flags=re.M)
        if calibration is not None:
            text = re.sub(r"^CALIBRATION = .*$", f"CALIBRATION = {calibration!r}", text, flags=re.M)
        path.write_text(text, encoding="utf-8")
        print(f"written to {path}")


if __name__ == "__main__":
    main()
