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
