"""The replies shared by the console and Discord, in English and Spanish.

Everything here returns a :class:`~bot.core.reply.Reply` (title, body, footer, suggestions) that
the console prints with :meth:`Reply.as_text` and the Discord side turns into an embed. The words
come from the core catalog, ``bot/core/strings/<lang>.yaml``; no English text is written here.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.catalog import core_catalog
from bot.core.dates import format_date, format_day, format_month
from bot.core.facts import Fact, FactBase, Source
from bot.core.lazyre import lazy
from bot.core.matcher import MAX_QUESTION_CHARS
from bot.core.reply import Kind, Reply, Suggestion
from bot.core.results import MatchResult, Status
from bot.core.timeline import on_timeline, timeline_key

__all__ = [
    "Kind",
    "Reply",
    "Suggestion",
    "as_of_text",
    "citation_label",
    "fact_body",
    "format_date",
    "format_day",
    "render_about",
    "render_fact",
    "render_facts_page",
    "render_help",
    "render_match",
    "render_notice",
    "render_timeline",
    "source_footer",
    "word",
]

_AS_OF_MONTH = lazy(r"(?P<month>[A-Za-z]+) (?P<year>\d{4})")
_AS_OF_ISO = lazy(r"(?P<year>\d{4})-(?P<month>\d{2})")
_PUBLICATION = frozenset({"publication", "the article's publication"})


def word(lang: str, key: str, **kwargs: object) -> str:
    """One entry of the core catalog (for labels that are not a whole reply)."""
    return core_catalog().word(lang, key, **kwargs)


def _examples(lang: str) -> str:
    return "\n".join(f"• {q}" for q in core_catalog().items(lang, "examples"))


def as_of_text(value: str, lang: str) -> str | None:
    """A fact's "as of" in ``lang``: ``2015-01`` or ``January 2015`` as a month, ``publication`` as
    the article's date; None for anything else (never English words in a Spanish reply)."""
    text = value.strip()
    if text.lower() in _PUBLICATION:
        return word(lang, "as_of", when=word(lang, "publication"))
    if m := _AS_OF_ISO.fullmatch(text):
        month, year = int(m["month"]), int(m["year"])
    elif (m := _AS_OF_MONTH.fullmatch(text)) and m["month"].capitalize() in core_catalog().items("en", "months"):
        month, year = core_catalog().items("en", "months").index(m["month"].capitalize()) + 1, int(m["year"])
    else:
        return text if lang == "en" else None
    if not 1 <= month <= 12:
        return None
    return word(lang, "as_of", when=format_month(year, month, lang))


def citation_label(fact: Fact, lang: str) -> str:
    """``¶4``, or the photo caption in ``lang``."""
    if fact.citation.caption:
        return word(lang, "photo_caption")
    return fact.citation.label(lang)


def source_footer(source: Source, facts: Iterable[Fact], lang: str) -> str:
    """``Source: "On this day…", ¶4`` (several paragraphs joined)."""
    labels: list[str] = []
    for fact in facts:
        for label in citation_label(fact, lang).split(", "):  # a fact citing two paragraphs: each once
            if label not in labels:
                labels.append(label)
    return f"{word(lang, 'source')}: “{source.title}”, {', '.join(labels)}"


def fact_body(fact: Fact, lang: str) -> str:
    """The fact's text, with its "as of" note when it has one."""
    text = fact.text(lang)
    note = as_of_text(fact.as_of, lang) if fact.as_of else None
    return f"{text} ({note})" if note else text


def render_fact(fact: Fact, lang: str, source: Source, confidence: float | None = None) -> Reply:
    """One fact as an answer."""
    footer = source_footer(source, [fact], lang)
    if confidence is not None:
        footer += f" · {word(lang, 'confidence')} {confidence:.0%}"
    return Reply(
        kind=Kind.ANSWERED,
        lang=lang,
        title=fact.name(lang),
        body=fact_body(fact, lang),
        footer=footer,
        fact_ids=(fact.id,),
    )


TITLED_FACTS = 3  # a reply of more facts is titled as a timeline, not by each fact's name


def render_match(result: MatchResult, source: Source) -> Reply:
    """Whatever the matcher decided, in words; a question cut to its first
    :data:`~bot.core.matcher.MAX_QUESTION_CHARS` characters says so first (the length policy)."""
    reply = _render_match(result, source)
    if result.truncated:
        note = word(result.lang, "too_long", limit=MAX_QUESTION_CHARS)
        reply = reply.replace(body=f"{note}\n\n{reply.body}".strip())
    return reply


def _render_match(result: MatchResult, source: Source) -> Reply:
    lang = result.lang
    if result.status is Status.ANSWERED and result.answers:
        if len(result.answers) == 1:
            only = result.answers[0]
            reply = render_fact(only.fact, lang, source, only.confidence)
            # A claim or yes/no check: confirm or correct first; a value worked out from the fact before it.
            return reply.replace(body="\n\n".join(_with_lead(result, [reply.body])))
        facts = [c.fact for c in result.answers]
        footer = source_footer(source, facts, lang)
        footer += f" · {word(lang, 'confidence')} {result.confidence:.0%}"
        return Reply(
            kind=Kind.ANSWERED,
            lang=lang,
            # More facts than a title can name are a stretch of his career, told in order.
            title=" · ".join(f.name(lang) for f in facts) if len(facts) <= TITLED_FACTS else word(lang, "timeline"),
            body="\n\n".join(_with_lead(result, [fact_body(f, lang) for f in facts])),
            footer=footer,
            fact_ids=tuple(f.id for f in facts),
        )
    if result.status is Status.AMBIGUOUS:
        return Reply(
            kind=Kind.AMBIGUOUS,
            lang=lang,
            body=word(lang, "ambiguous"),
            suggestions=tuple(Suggestion(c.fact.id, c.fact.name(lang), c.confidence) for c in result.suggestions[:3]),
        )
    if result.status is Status.SMALLTALK:
        topic = result.smalltalk or "greeting"
        key = f"smalltalk_{topic}" if core_catalog().has(lang, f"smalltalk_{topic}") else "smalltalk_greeting"
        body = word(lang, key)
        return Reply(
            kind=Kind.SMALLTALK,
            lang=lang,
            body=f"{body}\n{word(lang, 'try')}\n{_examples(lang)}",
        )
    return Reply(
        kind=Kind.UNKNOWN,
        lang=lang,
        body=f"{word(lang, 'unknown')}\n{word(lang, 'try')}\n{_examples(lang)}",
    )


def _with_lead(result: MatchResult, bodies: list[str]) -> list[str]:
    """The paragraphs of a reply of several facts: a value worked out from them first (its
    wording says it is derived), and its yes or no before everything."""
    parts = [result.derived, *bodies] if result.derived else list(bodies)
    if result.verdict in ("yes", "no") and parts:
        parts[0] = f"{word(result.lang, 'verdict_' + result.verdict)} {parts[0]}"
    return parts


def render_notice(key: str, lang: str, **kwargs: object) -> Reply:
    """A short notice from the core catalog: ``cooldown``, ``error``, ``repeat``…"""
    return core_catalog().notice(lang, key, **kwargs)


def render_timeline(facts: FactBase, lang: str) -> Reply:
    """His career in order: the dated facts and those tagged ``timeline`` (1990 → 2015)."""
    chosen = sorted(
        (f for f in facts if f.year is not None and on_timeline(f)),
        key=timeline_key,
    )
    fields = tuple((format_date(f.date, lang) if f.date else str(f.year), f.name(lang)) for f in chosen)
    return Reply(
        kind=Kind.TIMELINE,
        lang=lang,
        title=word(lang, "timeline"),
        body="",
        fields=fields,
        footer=source_footer(facts.source, chosen, lang),
    )


def render_about(facts: FactBase, lang: str, extra: Iterable[tuple[str, str]] = ()) -> Reply:
    """What the bot is, where its knowledge comes from, how it matches."""
    body = word(lang, "about_body", count=len(facts), source=facts.source.title)
    return Reply(kind=Kind.ABOUT, lang=lang, title=word(lang, "about"), body=body, fields=tuple(extra))


def render_help(lang: str, commands: Iterable[tuple[str, str]] = ()) -> Reply:
    """How to use the bot: ask in words, or use the commands listed."""
    body = word(lang, "smalltalk_help")
    body += f"\n{word(lang, 'try')}\n{_examples(lang)}"
    return Reply(kind=Kind.HELP, lang=lang, title=word(lang, "help"), body=body, fields=tuple(commands))


def render_facts_page(facts: FactBase, page: int, per_page: int, lang: str) -> Reply:
    """One page of the fact list: each fact's title and its answer (``page`` counts from 0)."""
    items = list(facts)
    pages = max(1, -(-len(items) // per_page))
    page = min(max(page, 0), pages - 1)
    shown = items[page * per_page : (page + 1) * per_page]
    return Reply(
        kind=Kind.FACTS,
        lang=lang,
        title=word(lang, "facts_title"),
        body="",
        fields=tuple((f.name(lang), fact_body(f, lang)) for f in shown),
        footer=word(lang, "page", page=page + 1, pages=pages, count=len(items)),
        fact_ids=tuple(f.id for f in shown),
    )


