"""Run ``perezbot`` in-process through ``main(argv, stdin=, stdout=, stderr=, env=)``."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from bot.cli import main
from tests.coredata import NO_DOTENV


@dataclass
class Run:
    status: int
    out: str
    err: str


def run(*argv: str, stdin: str = "", env: dict[str, str] | None = None, at: dt.datetime | None = None) -> Run:
    """``perezbot ARGV`` with ``stdin`` (at the moment ``at``, else now); the environment never
    includes a real ``.env``."""
    out, err = io.StringIO(), io.StringIO()
    env = {**NO_DOTENV, **(env or {})}
    clock = (lambda: at) if at is not None else None
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err, env=env, clock=clock)
    return Run(status, out.getvalue(), err.getvalue())
