"""What a date's post says: the 29 September story, dated entries, a rotation fact; related facts."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.posts.content import (
    Pick,
    pick_for,
    project,
    related_facts,
    render_next_entry,
    render_onthisday,
    render_pick,
    render_related,
    render_story,
)
from bot.posts.rotation import fresh
from tests.coredata import shipped_facts

SEPT29 = dt.date(2026, 9, 29)


def test_the_story_in_english() -> None:
    reply = render_story(shipped_facts(), SEPT29, "en")
    assert reply is not None and reply.title == "On this day, 29 September: Jefferson Pérez retires"
    body = reply.body
    assert body.startswith("**18 years ago today** — 29 September 2008: Jefferson Pérez retired from race walking.")
    for piece in (
        "Nine days before",
        "Murcia, Spain",
        "finished third",
        "“My heart wants to go on, but my body can’t take another four years of work.”",
        "Atlanta 1996, at just 22",
        "Ecuador’s first Olympic medal",
        "silver in Beijing 2008",
        "three world titles in a row (2003, 2005, 2007)",
        "459 km pilgrimage",
        "Cuenca",
    ):
        assert piece in body, piece
    assert reply.footer == (
        "Source: “On this day in Latinx history: Olympian Jefferson Pérez retires”, ¶2, ¶3, ¶4, ¶5, ¶6, ¶10"
    )
    assert reply.fact_ids == ("retirement-date",)


def test_the_story_in_spanish() -> None:
    reply = render_story(shipped_facts(), SEPT29, "es")
    assert reply.title == "Un día como hoy, 29 de septiembre: Jefferson Pérez se retira"
    assert reply.body.startswith("**Hoy hace 18 años** — 29 de septiembre de 2008: Jefferson Pérez se retiró")
    assert "Murcia" in reply.body and "terminó tercero" in reply.body
    assert "«Mi corazón quiere seguir, pero mi cuerpo no aguanta otros cuatro años de trabajo»" in reply.body
    assert reply.footer.startswith("Fuente: ")


@pytest.mark.parametrize(
    ("day", "en", "es"),
    [
        (dt.date(2008, 9, 29), "**Today**", "**Hoy**"),
        (dt.date(2009, 9, 29), "**1 year ago today**", "**Hoy hace 1 año**"),
        (dt.date(2027, 9, 29), "**19 years ago today**", "**Hoy hace 19 años**"),
    ],
)
def test_the_story_counts_the_years(day, en, es) -> None:
    assert render_story(shipped_facts(), day, "en").body.startswith(en)
    assert render_story(shipped_facts(), day, "es").body.startswith(es)


def test_onthisday_is_the_story_on_29_september_and_the_entry_on_20_september() -> None:
    facts = shipped_facts()
    assert render_onthisday(facts, SEPT29, "en") == render_story(facts, SEPT29, "en")
    announcement = render_onthisday(facts, dt.date(2026, 9, 20), "en")
    assert announcement.title == "On this day: 20 September" and "Murcia" in announcement.body
    assert "**18 years ago today** (20 September 2008, the 18th anniversary)" in announcement.body
    es = render_onthisday(facts, dt.date(2026, 9, 20), "es")
    assert "**Hoy hace 18 años** (20 de septiembre de 2008, el 18.º aniversario)" in es.body
    assert render_onthisday(facts, dt.date(2026, 9, 28), "en") is None
    assert render_story(facts, dt.date(2007, 9, 29), "en") is None  # before the event: no story


def test_next_entry() -> None:
    facts = shipped_facts()
    reply = render_next_entry(facts, dt.date(2026, 10, 1), dt.date(2027, 9, 20), "en")
    assert reply.body.startswith("Nothing on 1 October. The next entry is on 20 September 2027.")
    assert render_next_entry(facts, dt.date(2026, 10, 1), None, "es").body == "No hay efemérides con fecha."


def test_what_each_date_shows() -> None:
    facts = shipped_facts()
    rotation = fresh(9)
    assert pick_for(facts, SEPT29, rotation) == Pick("story", "retirement-date")
    assert pick_for(facts, dt.date(2026, 9, 20), rotation) == Pick("dated", "retirement-announcement")
    ordinary = pick_for(facts, dt.date(2026, 3, 1), rotation)
    assert ordinary.content == "fact" and (ordinary.n, ordinary.total) == (1, len(facts))


def test_a_fact_post_has_title_fact_count_and_source() -> None:
    facts = shipped_facts()
    reply = render_pick(facts, dt.date(2026, 3, 1), Pick("fact", "coach", 12, 24), "en")
    coach = facts.get("coach")
    assert (reply.title, reply.body) == (coach.name("en"), coach.text("en"))
    assert (
        reply.footer == "Fact 12 of 24 · Source: “On this day in Latinx history: Olympian Jefferson Pérez retires”, ¶7"
    )
    es = render_pick(facts, dt.date(2026, 3, 1), Pick("fact", "coach", 12, 24), "es")
    assert es.footer.startswith("Dato 12 de 24 · Fuente:") and es.body == coach.text("es")
    assert render_pick(facts, dt.date(2026, 3, 1), Pick("fact", "removed-by-reload", 1, 24), "en") is None


def test_projection_skips_dated_days_and_skipped_days() -> None:
    facts = shipped_facts()
    start = dt.date(2026, 9, 18)
    seq = [project(facts, fresh(1), start, start + dt.timedelta(days=d)) for d in range(14)]
    assert seq[2].content == "dated" and seq[11].content == "story"  # 20 and 29 September
    plain = [p.fact_id for p in seq if p.content == "fact"]
    assert len(plain) == len(set(plain)) == 12
    skipped = project(facts, fresh(1), start, start + dt.timedelta(days=1), skip=[start])
    assert skipped.fact_id == seq[0].fact_id  # a skipped day uses nothing up


def test_related_facts_share_a_topic() -> None:
    facts = shipped_facts()
    related = related_facts(facts, "atlanta-gold")
    assert related and len(related) <= 5 and all("atlanta" in f.tags for f in related)
    assert all(f.id != "atlanta-gold" for f in related)
    reply = render_related(facts, "atlanta-gold", "es")
    assert reply.title.startswith("Relacionado con «") and len(reply.fields) == len(related)
    assert render_related(facts, "no-such-fact", "en").body == "No other fact is related to this one."
