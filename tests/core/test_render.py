"""The words of every reply, in English and Spanish; never a mention; the footer cites the paragraph."""

from __future__ import annotations

import pytest

from bot.core.catalog import core_catalog
from bot.core.render import (
    Kind,
    Reply,
    Suggestion,
    as_of_text,
    render_about,
    render_fact,
    render_help,
    render_match,
    render_notice,
    render_timeline,
    source_footer,
)
from bot.core.results import Candidate, MatchResult, Status
from tests.coredata import shipped_engine, shipped_facts

LANGS = ("en", "es")
UNSAFE = ("@everyone", "@here", "<@")


def all_text(reply: Reply) -> str:
    parts = [reply.as_text(), reply.body, reply.title or "", reply.footer or ""]
    parts += [s.label for s in reply.suggestions] + [f"{k} {v}" for k, v in reply.fields]
    return "\n".join(parts)


def every_reply() -> list[Reply]:
    facts = shipped_facts()
    source = facts.source
    engine = shipped_engine()
    replies = []
    for lang in LANGS:
        replies += [render_fact(f, lang, source, 0.9) for f in facts]
        replies += [render_match(engine.ask(q, lang=lang)[0], source) for q in QUESTIONS]
        replies += [render_notice(key, lang, limit=500, seconds=5, link="https://example.org/x") for key in NOTICES]
        replies += [render_timeline(facts, lang), render_about(facts, lang), render_help(lang)]
    return replies


QUESTIONS = [
    "when did he retire",
    "retire",
    "what is his height",
    "hi",
    "thanks",
    "who are you",
    "help",
    "when did he retire and where did he announce it",
    "@everyone <@123> <@&456>",
]
NOTICES = ["too_long", "error"]


def test_no_reply_contains_mention_syntax() -> None:
    for reply in every_reply():
        assert reply is not None
        text = all_text(reply)
        for bad in UNSAFE:
            assert bad not in text, (bad, text)


@pytest.mark.parametrize("lang", LANGS)
def test_render_fact(lang: str) -> None:
    facts = shipped_facts()
    fact = facts.get("retirement-date")
    reply = render_fact(fact, lang, facts.source, 0.87)
    assert reply.kind is Kind.ANSWERED and reply.lang == lang
    assert reply.title == fact.name(lang) and reply.body == fact.text(lang)
    assert reply.fact_ids == ("retirement-date",)
    assert "¶4" in reply.footer and facts.source.title in reply.footer
    assert ("confidence 87%" if lang == "en" else "confianza 87%") in reply.footer
    assert reply.footer.startswith("Source:" if lang == "en" else "Fuente:")


@pytest.mark.parametrize("lang", LANGS)
def test_as_of_is_shown(lang: str) -> None:
    facts = shipped_facts()
    stale = [f for f in facts if f.as_of]
    assert stale, "the shipped base has facts that can go stale"
    reply = render_fact(stale[0], lang, facts.source)
    assert as_of_text(stale[0].as_of, lang) in reply.body
    assert ("as of" if lang == "en" else "según datos de") in reply.body


def test_caption_citation_in_footer() -> None:
    facts = shipped_facts()
    captioned = [f for f in facts if f.citation.caption]
    if not captioned:
        pytest.skip("no fact cites the photo caption")
    assert "photo caption" in source_footer(facts.source, captioned[:1], "en")
    assert "pie de foto" in source_footer(facts.source, captioned[:1], "es")


def test_footer_joins_several_paragraphs_once_each() -> None:
    facts = shipped_facts()
    chosen = [facts.get("retirement-date"), facts.get("retirement-announcement"), facts.get("retirement-reason")]
    footer = source_footer(facts.source, chosen, "en")
    assert footer.count("¶4") == 1 and "¶5" in footer


def test_footer_names_a_paragraph_once_when_one_fact_cites_it_among_others() -> None:
    facts = shipped_facts()
    chosen = [facts.get("five-olympics"), facts.get("olympic-medals")]  # ¶3, then ¶3 and ¶2
    footer = source_footer(facts.source, chosen, "en")
    assert footer.count("¶3") == 1 and "¶2" in footer


@pytest.mark.parametrize(("lang", "date"), [("en", "29 September 2008"), ("es", "29 de septiembre de 2008")])
def test_render_match_answered(lang: str, date: str) -> None:
    _, reply = shipped_engine().ask("when did he retire", lang=lang)
    assert reply.kind is Kind.ANSWERED and date in reply.body and "¶4" in reply.footer


def test_render_match_two_answers() -> None:
    facts = shipped_facts()
    both = (Candidate(facts.get("retirement-date"), 0.9), Candidate(facts.get("retirement-announcement"), 0.8))
    result = MatchResult("q", Status.ANSWERED, "en", 0.8, answers=both)
    reply = render_match(result, facts.source)
    assert reply.fact_ids == ("retirement-date", "retirement-announcement")
    assert "29 September 2008" in reply.body and "Murcia" in reply.body
    assert " · " in reply.title and "confidence 80%" in reply.footer


@pytest.mark.parametrize("lang", LANGS)
def test_render_match_ambiguous_offers_at_most_three(lang: str) -> None:
    facts = shipped_facts()
    five = tuple(Candidate(f, 0.5) for f in facts.facts[:5])
    reply = render_match(MatchResult("q", Status.AMBIGUOUS, lang, 0.5, suggestions=five), facts.source)
    assert reply.kind is Kind.AMBIGUOUS and len(reply.suggestions) == 3
    assert reply.suggestions[0].label == facts.facts[0].name(lang)
    assert ("Did you mean" if lang == "en" else "Quisiste decir") in reply.body


@pytest.mark.parametrize("lang", LANGS)
def test_render_match_unknown_gives_examples(lang: str) -> None:
    reply = render_match(MatchResult("q", Status.UNKNOWN, lang), shipped_facts().source)
    assert reply.kind is Kind.UNKNOWN
    assert ("don't know" if lang == "en" else "no lo sé") in reply.body
    for example in core_catalog().items(lang, "examples"):
        assert example in reply.body


@pytest.mark.parametrize("kind", ["greeting", "thanks", "identity", "help"])
@pytest.mark.parametrize("lang", LANGS)
def test_render_match_smalltalk(kind: str, lang: str) -> None:
    reply = render_match(MatchResult("q", Status.SMALLTALK, lang, 1.0, smalltalk=kind), shipped_facts().source)
    assert reply.kind is Kind.SMALLTALK and "Jefferson Pérez" in reply.body
    assert core_catalog().items(lang, "examples")[0] in reply.body


@pytest.mark.parametrize(
    ("key", "kwargs", "en", "es"),
    [
        ("too_long", {"limit": 500}, "first 500 characters", "primeros 500 caracteres"),
        ("error", {}, "went wrong", "falló"),
    ],
)
def test_render_notice(key: str, kwargs: dict, en: str, es: str) -> None:
    assert en in render_notice(key, "en", **kwargs).body
    assert es in render_notice(key, "es", **kwargs).body


@pytest.mark.parametrize(("lang", "date"), [("en", "20 September 2008"), ("es", "20 de septiembre de 2008")])
def test_render_timeline(lang: str, date: str) -> None:
    reply = render_timeline(shipped_facts(), lang)
    dates = [name for name, _ in reply.fields]
    assert date in dates
    assert dates[0] == "1990" and dates[-1] == "2015"  # his career in order, 1990 → 2015
    assert dates.index(date) < len(dates) - 2  # the announcement comes before the retirement and 2015
    years = [int(d[-4:]) for d in dates]
    assert years == sorted(years)
    assert "¶4" in reply.footer


@pytest.mark.parametrize("lang", LANGS)
def test_render_about_and_help(lang: str) -> None:
    facts = shipped_facts()
    about = render_about(facts, lang, [("uptime", "1 h")])
    assert str(len(facts)) in about.body and facts.source.title in about.body
    assert about.fields == (("uptime", "1 h"),)
    helped = render_help(lang, [("/ask", "ask a question")])
    assert core_catalog().items(lang, "examples")[0] in helped.body and helped.fields == (("/ask", "ask a question"),)
    assert about.title != helped.title


def test_as_text_lists_title_body_fields_suggestions_footer() -> None:
    reply = Reply(
        Kind.ABOUT, "en", "body", title="T", footer="F", suggestions=(Suggestion("a", "A"),), fields=(("k", "v"),)
    )
    assert reply.as_text() == "**T**\nbody\nk: v\n  1. A\n— F"


@pytest.mark.parametrize("lang", LANGS)
def test_a_cut_question_says_so_before_the_answer(lang: str) -> None:
    result = MatchResult("q" * 600, Status.UNKNOWN, lang, truncated=True)
    body = render_match(result, shipped_facts().source).body
    assert body.startswith(render_notice("too_long", lang, limit=500).body + "\n\n")
    untouched = render_match(MatchResult("q", Status.UNKNOWN, lang), shipped_facts().source).body
    assert not untouched.startswith(render_notice("too_long", lang, limit=500).body)
