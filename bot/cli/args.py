"""Argument definitions for each subcommand (kept apart so parsing imports nothing heavy)."""

from __future__ import annotations

import argparse


def none(parser: argparse.ArgumentParser) -> None:
    """No arguments."""


def chat(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "es"), help="force the reply language")


def ask(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", nargs="*", help="the question, or - to read one per line")
    parser.add_argument("--json", action="store_true", help="one JSON object per question")
    parser.add_argument("--lang", choices=("en", "es"), help="force the reply language")


def check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", help="fact directory (default: FACTS_DIR or facts/)")


def evaluate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="question set (YAML list of {q, expect, lang, style})")
    parser.add_argument("--misses", type=int, default=50, help="how many misses to list")


def onthisday(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", help="YYYY-MM-DD (default: today)")
    parser.add_argument("--lang", choices=("en", "es"), default="en")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def misses(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="only questions asked from that day (in TIMEZONE)")
    parser.add_argument("--top", type=_positive, default=20, metavar="N", help="how many groups to list (20)")
    parser.add_argument("--json", action="store_true", help="one JSON object per group")
    parser.add_argument(
        "--forget",
        action="store_true",
        help="erase the recorded wording of misses (before --before, else all); counts are kept",
    )
    parser.add_argument("--before", metavar="YYYY-MM-DD", help="with --forget: only wording older than that day")


def stats(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="only questions asked from that day (in TIMEZONE)")
    parser.add_argument("--top", type=_positive, default=10, metavar="N", help="how many facts to list (10)")
    parser.add_argument("--json", action="store_true", help="one JSON object")
