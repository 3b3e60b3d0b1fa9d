"""What /anniversary and /daily say and accept: pure, no Discord."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.facts import load_facts
from bot.posts.ledger import Failure, LedgerEntry
from bot.posts.present import (
    discord_time,
    parse_time,
    render_history,
    render_saved,
    render_status,
    resolve_timezone,
    timezone_choices,
)
from bot.posts.scheduler import PostStatus, Target
from bot.posts.words import posts_catalog

UTC = dt.UTC
TARGET = Target(1, 11, dt.time(9, 0), "America/Guayaquil", "en", True, True)
NEXT = dt.datetime(2027, 9, 29, 14, 0, tzinfo=UTC)


def posted(day: dt.date, state: str = "posted", fact: str | None = None, kind: str = "yearly") -> LedgerEntry:
    at = dt.datetime.combine(day, dt.time(14), tzinfo=UTC)
    content = "fact" if fact else "story"
    return LedgerEntry(1, 11, day, kind, state, content, fact, "t", at, 1234 if state == "posted" else None, at)


def test_every_posts_word_exists_in_both_languages() -> None:
    tables = {lang: posts_catalog().tables[lang]["words"] for lang in ("en", "es")}
    assert set(tables["en"]) == set(tables["es"])
    for key, english in tables["en"].items():
        if len(english) > 40:
            assert tables["es"][key] != english, key  # really translated


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("guayaquil", "America/Guayaquil"),
        ("America/Guay", "America/Guayaquil"),
        ("kiritimati", "Pacific/Kiritimati"),
        ("pago", "Pacific/Pago_Pago"),
        ("new york", "America/New_York"),
        ("utc", "UTC"),
        ("", "UTC"),
    ],
)
def test_timezone_autocomplete(query: str, first: str) -> None:
    choices = timezone_choices(query)
    assert choices[0] == first
    assert len(choices) <= 25
    assert all(len(name) <= 100 for name in choices)


def test_timezone_autocomplete_never_exceeds_25_and_can_be_empty() -> None:
    assert len(timezone_choices("a")) == 25
    assert timezone_choices("zzzz-nowhere") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("America/Guayaquil", "America/Guayaquil"),
        ("america/guayaquil", "America/Guayaquil"),
        (" Europe/Madrid ", "Europe/Madrid"),
        ("America/New York", "America/New_York"),
        ("UTC", "UTC"),
        ("Guayaquil", None),
        ("Mars/Olympus_Mons", None),
        ("../../etc/passwd", None),
        ("", None),
    ],
)
def test_resolve_timezone(value: str, expected: str | None) -> None:
    assert resolve_timezone(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("09:00", dt.time(9)), ("9:05", dt.time(9, 5)), ("23:59", dt.time(23, 59)), ("00:00", dt.time(0))],
)
def test_parse_time_accepts_hh_mm(value, expected) -> None:
    assert parse_time(value) == expected


@pytest.mark.parametrize("value", ["24:00", "9am", "9", "09:60", "09:00:00", "", "nueve"])
def test_parse_time_refuses_the_rest(value) -> None:
    assert parse_time(value) is None


def test_discord_time() -> None:
    assert discord_time(NEXT) == "<t:1822226400:F> (<t:1822226400:R>)"


def test_saved_message_in_both_languages() -> None:
    en = render_saved("<#11>", dt.time(9), "America/Guayaquil", "es", "en").body
    assert en == "Saved. The “on this day” post will go to <#11> at 09:00 (America/Guayaquil), in Spanish."
    es = render_saved("<#11>", dt.time(9), "America/Guayaquil", "es", "es").body
    assert "a las 09:00 (America/Guayaquil), en español" in es


def test_status_with_a_posted_entry_and_a_jump_link() -> None:
    status = PostStatus(TARGET, dt.date(2026, 10, 1), NEXT, posted(dt.date(2026, 9, 29)), None, False)
    link = "https://discord.com/channels/1/11/1234"
    reply = render_status(status, "en", channel="<#11>", last_link=link, timezone_default=True)
    fields = dict(reply.fields)
    assert fields["Next post"] == "<t:1822226400:F> (<t:1822226400:R>)"
    assert fields["Last post"] == f"29 September 2026: {link}"
    assert fields["Time zone"] == "America/Guayaquil (default)"
    assert fields["Post time"] == "09:00"
    assert fields["Permissions"] == "OK: I can post and embed in <#11>."
    assert "Problem" not in fields


def test_status_shows_a_failure_and_missing_permissions_in_spanish() -> None:
    failure = Failure(1, 11, dt.date(2026, 9, 29), 2, "PostRefused: 403 Forbidden: Missing Permissions", None)
    status = PostStatus(TARGET, dt.date(2026, 9, 29), NEXT, None, failure, False)
    reply = render_status(
        status, "es", channel="<#11>", missing=["send_messages"], recommended=["read_message_history"]
    )
    fields = dict(reply.fields)
    assert fields["Problema"] == "29 de septiembre de 2026, intento 2: PostRefused: 403 Forbidden: Missing Permissions"
    assert "Falta en <#11>: Enviar mensajes." in fields["Permisos"]
    assert "Recomendado: Leer el historial de mensajes" in fields["Permisos"]
    assert fields["Última publicación"] == "ninguna todavía"


def test_status_gave_up_and_unknown_and_resolved() -> None:
    day = dt.date(2026, 9, 29)
    failure = Failure(1, 11, day, 5, "PostRefused: Unknown Channel", None)
    gave_up = PostStatus(TARGET, day, NEXT, None, failure, True)
    assert "gave up after 5 attempts" in dict(render_status(gave_up, "en", channel=None).fields)["Problem"]
    unknown = posted(day, "unknown")
    status = PostStatus(TARGET, day, NEXT, unknown, failure, False)
    assert "not re-sent" in dict(render_status(status, "en", channel=None).fields)["Last post"]
    resolved = PostStatus(TARGET, day, NEXT, posted(day), failure, False)
    assert "Problem" not in dict(render_status(resolved, "en", channel=None).fields)


def test_status_without_channel_or_next_post() -> None:
    target = Target(1, None, dt.time(9), "UTC", "en", False, False)
    status = PostStatus(target, dt.date(2026, 9, 29), None, None, None, False)
    fields = dict(render_status(status, "en", channel=None).fields)
    assert fields["State"] == "off"
    assert fields["Channel"] == "none — run /anniversary setup"
    assert fields["Next post"] == "none scheduled"
    assert "Permissions" not in fields


def test_daily_status_shows_the_next_dates_the_rotation_and_a_missed_day() -> None:
    target = Target(1, 11, dt.time(9), "UTC", "en", True, True, kind="daily")
    day = dt.date(2026, 10, 2)
    nxt = tuple(day + dt.timedelta(days=i) for i in range(5))
    missed = posted(dt.date(2026, 10, 1), "missed", kind="daily")
    status = PostStatus(target, day, NEXT, missed, None, False, nxt, (12, 24), (dt.date(2026, 10, 1),))
    reply = render_status(status, "en", channel="<#11>")
    fields = dict(reply.fields)
    assert reply.title == "Daily posts"
    assert fields["Next dates"].startswith("2 October 2026, 3 October 2026") and fields["Next dates"].count(",") == 4
    assert fields["Rotation"] == "12 of 24 facts shown"
    assert fields["Last post"] == "1 October 2026: missed (I was offline all that day)"
    assert fields["Missed days"].startswith("1 October 2026 (I was offline all day")
    es = dict(render_status(status, "es", channel="<#11>").fields)
    assert es["Rotación"] == "12 de 24 datos mostrados"


def test_history_lists_posts_with_links_misses_and_skips() -> None:
    facts = load_facts()
    rows = [
        posted(dt.date(2026, 10, 3), fact="coach", kind="daily"),
        posted(dt.date(2026, 10, 2), "skipped", kind="daily"),
        posted(dt.date(2026, 10, 1), "missed", kind="daily"),
        posted(dt.date(2026, 9, 29), kind="daily"),
    ]
    links = {(11, 1234): "https://discord.com/channels/1/11/1234"}
    body = render_history(rows, facts, "en", links).body.splitlines()
    assert body[0] == f"• 3 October 2026: https://discord.com/channels/1/11/1234 — {facts.get('coach').name('en')}"
    assert body[1:3] == ["• 2 October 2026: skipped", "• 1 October 2026: missed (I was offline all that day)"]
    assert body[3].endswith("— the 29 September story")
    assert render_history([], facts, "es").body == "Todavía no hay publicaciones diarias."
