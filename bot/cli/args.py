"""Argument definitions for each subcommand (kept apart so parsing imports nothing heavy).

Values are checked here, by argparse ``type`` functions, so every bad argument is one line naming
the option and the reason, and exit status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable


def none(parser: argparse.ArgumentParser) -> None:
    """No arguments."""


def iso_date(text: str) -> dt.date:
    """``YYYY-MM-DD`` → a date; an impossible one (2026-02-30) is "no such date", not a format error."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}")
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        raise argparse.ArgumentTypeError(f"no such date: {text.strip()}") from None


def _at_least(lowest: int) -> Callable[[str], int]:
    """A whole number from ``lowest`` up."""

    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < lowest:
            raise argparse.ArgumentTypeError(f"must be at least {lowest}, got {value}")
        return value

    return check


def chat(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "es"), help="force the reply language")


def ask(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", nargs="*", help="the question, or - to read one per line")
    parser.add_argument("--json", action="store_true", help="one JSON object per question")
    parser.add_argument("--lang", choices=("en", "es"), help="force the reply language")


def check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", help="fact directory (default: FACTS_DIR or the shipped facts)")


def evaluate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="question set (YAML list of {q, expect, lang, style})")
    parser.add_argument("--misses", type=_at_least(0), default=50, metavar="N", help="how many misses to list (50)")


def misses(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since", type=iso_date, metavar="YYYY-MM-DD", help="only questions asked from that day (in TIMEZONE)"
    )
    parser.add_argument("--top", type=_at_least(1), default=20, metavar="N", help="how many groups to list (20)")
    parser.add_argument("--json", action="store_true", help="one JSON object per group")
    parser.add_argument(
        "--forget",
        action="store_true",
        help="erase the recorded wording of misses (before --before, else all); counts are kept",
    )
    parser.add_argument(
        "--before", type=iso_date, metavar="YYYY-MM-DD", help="with --forget: only wording older than that day"
    )


def stats(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since", type=iso_date, metavar="YYYY-MM-DD", help="only questions asked from that day (in TIMEZONE)"
    )
    parser.add_argument("--top", type=_at_least(1), default=10, metavar="N", help="how many facts to list (10)")
    parser.add_argument("--json", action="store_true", help="one JSON object")
