"""What a scheduled post (and ``/onthisday``) says on a date — pure, the date is a parameter.

* On a date with a **story** (29 September: the article's own on-this-day entry), the post is
  the story: a headline, how many years ago, a short account in our own words with Pérez's words
  quoted as his, and the source with its paragraphs.
* On another date with a **dated entry** (e.g. 20 September), the entries of that date.
* Otherwise the daily post is the next **fact** of the server's rotation: its title, the fact,
  "Fact 12 of 24" and the source paragraph.

A :class:`Pick` says which of the three a date gets; :func:`render_pick` turns it into a
:class:`~bot.core.render.Reply`. The same functions serve the console (``perezbot daily``,
``perezbot onthisday``) and Discord, so both say the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bot.core.dates import format_date, format_day
from bot.core.facts import Fact, FactBase
from bot.core.render import fact_body, render_fact, source_footer
from bot.core.render import word as core_word
from bot.core.reply import Kind, Reply
from bot.posts.dates import entries_on, ordinal, years_since
from bot.posts.rotation import Rotation, next_fact, position, show
from bot.posts.words import text

__all__ = [
    "STORIES",
    "Pick",
    "pick_for",
    "project",
    "related_facts",
    "render_next_entry",
    "render_onthisday",
    "render_pick",
    "render_related",
    "render_story",
    "source_line",
]

# (month, day) → the story's key in the string catalogs and the article paragraphs it draws on.
STORIES: dict[tuple[int, int], tuple[str, tuple[int, ...]]] = {
    (9, 29): ("0929", (2, 3, 4, 5, 6, 10)),
}
STORY_PARTS = ("announce", "quote", "record", "pilgrimage")


@dataclass(frozen=True, slots=True)
class Pick:
    """What one date's post shows: ``story``, ``dated`` (entries of the date) or ``fact``."""

    content: str
    fact_id: str | None
    n: int = 0  # "Fact n of total" (rotation facts only)
    total: int = 0


def source_line(facts: FactBase, paragraphs: Iterable[int], lang: str) -> str:
    """``Source: “On this day…”, ¶4, ¶5`` for a text drawn from several paragraphs."""
    labels = ", ".join(f"¶{p}" for p in dict.fromkeys(paragraphs))
    return f"{core_word(lang, 'source')}: “{facts.source.title}”, {labels}"


def _ago(years: int, lang: str, *, today: bool) -> str:
    if years == 0:
        return text(lang, "today")
    if years == 1:
        return text(lang, "one_year_ago_today" if today else "one_year_ago")
    return text(lang, "years_ago_today" if today else "years_ago", years=years)


def render_story(facts: FactBase, day: dt.date, lang: str) -> Reply | None:
    """The on-this-day story for ``day``, or None when the date has none (or no entry backs it)."""
    story = STORIES.get((day.month, day.day))
    entries = entries_on(facts, day)
    if story is None or not entries:
        return None
    key, paragraphs = story
    event = entries[0].date
    assert event is not None
    ago = _ago(years_since(event, day), lang, today=True)
    lines = [text(lang, f"story_{key}_when", ago=ago, date=format_date(event, lang))]
    lines += [text(lang, f"story_{key}_{part}") for part in STORY_PARTS]
    return Reply(
        kind=Kind.ONTHISDAY,
        lang=lang,
        title=text(lang, f"story_{key}_title"),
        body="\n\n".join(lines),
        footer=source_line(facts, paragraphs, lang),
        fact_ids=tuple(f.id for f in entries),
    )


def _render_entries(facts: FactBase, day: dt.date, lang: str) -> Reply | None:
    entries = entries_on(facts, day)
    if not entries:
        return None
    lines = []
    for fact in entries:
        assert fact.date is not None
        years = years_since(fact.date, day)
        nth = text(lang, "anniversary", nth=ordinal(years, lang)) if years else ""
        head = f"**{_ago(years, lang, today=True)}** ({format_date(fact.date, lang)}{', ' + nth if nth else ''})"
        lines.append(f"{head}\n{fact_body(fact, lang)}")
    return Reply(
        kind=Kind.ONTHISDAY,
        lang=lang,
        title=f"{text(lang, 'onthisday')}: {format_day(day, lang)}",
        body="\n\n".join(lines),
        footer=source_footer(facts.source, entries, lang),
        fact_ids=tuple(f.id for f in entries),
    )


def render_onthisday(facts: FactBase, day: dt.date, lang: str) -> Reply | None:
    """``/onthisday`` for ``day``: the story when the date has one, else its dated entries, else None."""
    return render_story(facts, day, lang) or _render_entries(facts, day, lang)


def render_next_entry(facts: FactBase, day: dt.date, upcoming: dt.date | None, lang: str) -> Reply:
    """Nothing falls on ``day``: name the next date that has an entry, and what it remembers."""
    if upcoming is None:
        return Reply(kind=Kind.ONTHISDAY, lang=lang, body=text(lang, "nothing"))
    entries = entries_on(facts, upcoming)
    lines = [text(lang, "next", day=format_day(day, lang), next=format_date(upcoming, lang))]
    lines += [f"**{f.name(lang)}**\n{fact_body(f, lang)}" for f in entries]
    return Reply(
        kind=Kind.ONTHISDAY,
        lang=lang,
        title=f"{text(lang, 'onthisday')}: {format_day(day, lang)}",
        body="\n\n".join(lines),
        footer=source_footer(facts.source, entries, lang) if entries else None,
        fact_ids=tuple(f.id for f in entries),
    )


def fact_ids(facts: FactBase) -> list[str]:
    """The facts a rotation draws from: every fact of the base."""
    return [f.id for f in facts]


def pick_for(facts: FactBase, day: dt.date, rotation: Rotation) -> Pick | None:
    """What ``day``'s daily post shows, given the server's rotation (None: an empty fact base)."""
    entries = entries_on(facts, day)
    if entries:
        content = "story" if (day.month, day.day) in STORIES else "dated"
        return Pick(content, entries[0].id)
    ids = fact_ids(facts)
    chosen = next_fact(rotation, ids)
    if chosen is None:
        return None
    n, total = position(rotation, ids)
    return Pick("fact", chosen, n, total)


def render_pick(facts: FactBase, day: dt.date, pick: Pick, lang: str) -> Reply | None:
    """The post for ``pick`` (None if its fact was removed by a reload)."""
    if pick.content == "story":
        return render_story(facts, day, lang) or _render_entries(facts, day, lang)
    if pick.content == "dated":
        return _render_entries(facts, day, lang)
    fact = facts.get(pick.fact_id or "")
    if fact is None:
        return None
    reply = render_fact(fact, lang, facts.source)
    if not pick.total:
        return reply
    return replace(reply, footer=f"{text(lang, 'fact_n_of', n=pick.n, total=pick.total)} · {reply.footer}")


def project(
    facts: FactBase, rotation: Rotation, start: dt.date, day: dt.date, *, skip: Iterable[dt.date] = ()
) -> Pick | None:
    """``day``'s pick when a post goes out every day from ``start`` (rotation as of ``start``).

    Days in ``skip`` post nothing; dated days don't use a rotation fact. Used by ``perezbot
    daily --date`` and ``/daily status`` to look ahead.
    """
    skipped = set(skip)
    ids = fact_ids(facts)
    current = start
    while current < day:
        if current not in skipped:
            pick = pick_for(facts, current, rotation)
            if pick is not None and pick.content == "fact" and pick.fact_id is not None:
                rotation = show(rotation, ids, pick.fact_id)
        current += dt.timedelta(days=1)
    return pick_for(facts, day, rotation)


def related_facts(facts: FactBase, fact_id: str, limit: int = 5) -> list[Fact]:
    """Facts sharing a topic tag (or the paragraph) with ``fact_id``, closest first."""
    base = facts.get(fact_id)
    if base is None:
        return []
    tags = set(base.tags) - {"timeline"}
    scored = []
    for index, other in enumerate(facts):
        if other.id == base.id:
            continue
        score = 2 * len(tags & set(other.tags)) + (other.citation == base.citation)
        if score:
            scored.append((-score, index, other))
    return [other for _, _, other in sorted(scored, key=lambda item: item[:2])[:limit]]


def render_related(facts: FactBase, fact_id: str, lang: str) -> Reply:
    """The private answer to the post's "Related facts" button."""
    base = facts.get(fact_id)
    related = related_facts(facts, fact_id)
    title = text(lang, "related_title", title=base.name(lang)) if base else text(lang, "related")
    if not related:
        return Reply(kind=Kind.NOTICE, lang=lang, title=title, body=text(lang, "no_related"))
    return Reply(
        kind=Kind.FACTS,
        lang=lang,
        title=title,
        body="",
        fields=tuple((f.name(lang), fact_body(f, lang)) for f in related),
        footer=source_footer(facts.source, related, lang),
        fact_ids=tuple(f.id for f in related),
    )
