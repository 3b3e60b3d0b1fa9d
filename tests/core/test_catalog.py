"""String catalogs: every language has the same keys and placeholders; nothing English in Spanish."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.core.catalog import LANGUAGES, Catalog, core_catalog, placeholders
from bot.core.dates import format_date, format_day, format_month
from bot.core.render import as_of_text, render_fact, render_timeline
from bot.posts.content import render_onthisday
from tests.coredata import REPO, shipped_facts

CATALOG_DIRS = sorted(p.parent for p in (REPO / "bot").rglob("strings/en.yaml"))
PACKAGES = [".".join(d.parent.relative_to(REPO).parts) for d in CATALOG_DIRS]


def test_the_core_and_discord_catalogs_are_found() -> None:
    assert {"bot.core", "bot.discord"} <= set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_language_has_the_same_keys_and_placeholders(package: str) -> None:
    catalog = Catalog.load(package)
    en = catalog.tables["en"]
    for lang in LANGUAGES[1:]:
        other = catalog.tables[lang]
        assert en.keys() == other.keys(), f"{package}: sections differ in {lang}"
        assert en.get("words", {}).keys() == other.get("words", {}).keys(), f"{package}: keys differ in {lang}"
        for key, text in en.get("words", {}).items():
            assert placeholders(text) == placeholders(other["words"][key]), f"{package}: {key} placeholders in {lang}"
        for key, value in en.items():
            if isinstance(value, list):
                assert len(value) == len(other[key]), f"{package}: {key} has a different length in {lang}"


def test_placeholders_include_conversions() -> None:
    assert placeholders("I couldn't read {value!r} in {seconds} s") == {"value!r", "seconds"}


def test_a_missing_placeholder_would_be_caught(tmp_path: Path) -> None:
    catalog = Catalog({"en": {"words": {"x": "{a} {b}"}}, "es": {"words": {"x": "{a}"}}})
    assert placeholders(catalog.tables["en"]["words"]["x"]) != placeholders(catalog.tables["es"]["words"]["x"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_use_the_catalog_not_the_process_locale(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    monkeypatch.setattr(locale, "setlocale", lambda *a, **k: "C")  # nothing may depend on it
    day = dt.date(2008, 9, 29)
    expected = {
        "en": ("29 September 2008", "29 September", "January 2015"),
        "es": ("29 de septiembre de 2008", "29 de septiembre", "enero de 2015"),
    }[lang]
    assert (format_date(day, lang), format_day(day, lang), format_month(2015, 1, lang)) == expected
    assert len(core_catalog().items(lang, "months")) == 12


@pytest.mark.parametrize(
    ("value", "en", "es"),
    [
        ("the article's publication", "as of the article's publication", "según datos de la publicación del artículo"),
        ("January 2015", "as of January 2015", "según datos de enero de 2015"),
        ("2015-01", "as of January 2015", "según datos de enero de 2015"),
        ("sometime", "sometime", None),
    ],
)
def test_as_of_in_each_language(value: str, en: str, es: str | None) -> None:
    assert as_of_text(value, "en") == en
    assert as_of_text(value, "es") == es


# Words that are English and never Spanish: if one shows up in a Spanish reply, something fell back.
ENGLISH = re.compile(
    r"\b(the|and|of|as of|source|photo caption|years ago|anniversary|confidence|"
    r"january|february|march|april|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)


QUOTED = re.compile(r"“[^”]*”")  # his own words, quoted as he said them


def english_in(text: str, allowed: str = "") -> list[str]:
    return [m for m in ENGLISH.findall(QUOTED.sub("", text.replace(allowed, ""))) if m]


FACTS = shipped_facts()


@pytest.mark.parametrize("fact", list(FACTS), ids=lambda f: f.id)
def test_every_fact_renders_in_spanish_without_english(fact) -> None:
    reply = render_fact(fact, "es", FACTS.source, confidence=0.9)
    title = FACTS.source.title  # the article's own title is quoted as it is
    for part in (reply.title or "", reply.body, reply.footer or ""):
        assert english_in(part, title) == [], f"{fact.id}: English in {part!r}"
    if fact.as_of:
        assert as_of_text(fact.as_of, "es") is not None, f"{fact.id}: as_of {fact.as_of!r} cannot be said in Spanish"


def test_timeline_and_anniversary_are_spanish_in_spanish() -> None:
    timeline = render_timeline(FACTS, "es")
    assert all(not english_in(f"{name} {value}") for name, value in timeline.fields)
    post = render_onthisday(FACTS, dt.date(2026, 9, 29), "es")
    assert post is not None
    assert english_in(f"{post.title} {post.body}") == []
