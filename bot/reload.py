"""Validated hot reload: re-read ``facts/``, check it like ``perezbot check``, build a new Engine.

The checks are exactly the CLI's (:func:`bot.core.facts.check_facts`), the dated-fact lint
included (no date in the future, the date agrees with the answer): the caller passes ``today``
from its own clock. :func:`build_engine` is the one way the bot gets an engine: ``perezbot run``
calls it at start-up and :func:`reload_engine` on every reload, so both refuse the same facts.

:func:`reload_engine` never mutates anything. It returns a :class:`ReloadResult` holding the
Engine to use from now on: the new one with a :class:`FactDiff` when the fact base is valid, or
the *current* one, untouched, with every ``file:line`` problem when it is not. The caller swaps
its single reference (``bot.engine = result.engine``), which is atomic for every reader.
Synchronous and blocking (it reads files): the Discord side runs it in a thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from bot.core.engine import Engine
from bot.core.facts import FactBase, FactBaseError, Problem

__all__ = ["FactDiff", "ReloadResult", "build_engine", "diff_facts", "reload_engine"]

log = logging.getLogger("perezbot.reload")


@dataclass(frozen=True, slots=True)
class FactDiff:
    """What a reload changed, by fact id (each tuple sorted)."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    source_changed: bool = False

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.source_changed)

    def lines(self) -> list[str]:
        """``+new-fact`` / ``~edited-fact`` / ``−gone-fact`` lines (``−`` is a minus sign)."""
        out = [f"+{i}" for i in self.added] + [f"~{i}" for i in self.changed] + [f"−{i}" for i in self.removed]
        if self.source_changed:
            out.append("~source.yaml")
        return out

    def summary(self) -> str:
        """``+2 ~1 −0`` — for log lines."""
        return f"+{len(self.added)} ~{len(self.changed)} −{len(self.removed)}"


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """The Engine to keep using, and what happened."""

    engine: Engine
    ok: bool
    diff: FactDiff = FactDiff()
    problems: tuple[Problem, ...] = ()

    def problem_lines(self, relative_to: Path | None = None) -> list[str]:
        """``file:line: message`` lines; paths shortened to ``relative_to`` when inside it."""
        out = []
        for problem in self.problems:
            path = problem.path
            if relative_to is not None and path.is_relative_to(relative_to) and path != relative_to:
                path = path.relative_to(relative_to)
            out.append(f"{path}:{problem.line}: {problem.message}")
        return out


def diff_facts(old: FactBase, new: FactBase) -> FactDiff:
    """Compare two fact bases by id. Moving a fact within or between files is not a change."""
    before = {f.id: f for f in old}
    after = {f.id: f for f in new}
    return FactDiff(
        added=tuple(sorted(after.keys() - before.keys())),
        changed=tuple(sorted(i for i in before.keys() & after.keys() if before[i] != after[i])),
        removed=tuple(sorted(before.keys() - after.keys())),
        source_changed=old.source != new.source,
    )


def build_engine(directory: Path, *, today: dt.date | None) -> Engine:
    """The fact base in ``directory``, checked as ``perezbot check`` does on ``today``, with its matcher.

    Raises :class:`FactBaseError` with every ``file:line`` problem; a matcher that cannot be built
    is one more problem (logged with its traceback), never a crash. ``today`` None skips the lint
    of dated facts (test fixtures only: the bot always passes its clock's day).
    """
    try:
        return Engine.load(directory, today=today)
    except FactBaseError:
        raise
    except Exception as exc:  # a matcher that cannot be built must not take the bot down
        log.exception("could not build the engine from %s", directory)
        problem = Problem(directory, 1, f"could not build the matcher: {type(exc).__name__}: {exc}")
        raise FactBaseError([problem]) from exc


def reload_engine(current: Engine, directory: Path | None = None, *, today: dt.date | None = None) -> ReloadResult:
    """Build a new Engine from ``directory`` (default: where ``current`` was loaded from),
    checked like ``perezbot check`` on ``today``."""
    directory = Path(directory) if directory is not None else current.facts.directory
    try:
        engine = build_engine(directory, today=today)
    except FactBaseError as exc:
        log.warning("reload rejected: %d problem(s) in %s; keeping the current facts", len(exc.problems), directory)
        return ReloadResult(current, ok=False, problems=tuple(exc.problems))
    diff = diff_facts(current.facts, engine.facts)
    log.info("reloaded %d facts from %s (%s)", len(engine.facts), directory, diff.summary())
    return ReloadResult(engine, ok=True, diff=diff)
