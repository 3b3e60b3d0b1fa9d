"""Small builders for anniversary tests: synthetic fact bases, a database, fixed instants."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.core.facts import Citation, Fact, FactBase, Source

SOURCE = Source(title="Test article", publisher=None, url=None, paragraphs=10)


def fact(fact_id: str, date: dt.date | None, paragraph: int = 1) -> Fact:
    return Fact(
        id=fact_id,
        title={"en": f"Title {fact_id}", "es": f"Título {fact_id}"},
        answer={"en": f"Answer {fact_id}.", "es": f"Respuesta {fact_id}."},
        questions={"en": (f"question {fact_id}",), "es": (f"pregunta {fact_id}",)},
        keywords=(),
        citation=Citation(paragraph),
        date=date,
    )


def facts_on(*dates: dt.date) -> FactBase:
    """A fact base with one dated fact per date (plus an undated one)."""
    items = [fact(f"f{i}", day) for i, day in enumerate(dates)]
    items.append(fact("undated", None))
    return FactBase(source=SOURCE, facts=tuple(items), directory=Path("."))


def local(tz: str, *args: int, fold: int = 0) -> dt.datetime:
    """An aware local datetime: ``local("Europe/Madrid", 2026, 9, 29, 9, 0)``."""
    return dt.datetime(*args, tzinfo=ZoneInfo(tz), fold=fold)  # type: ignore[misc]


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)  # type: ignore[misc]
