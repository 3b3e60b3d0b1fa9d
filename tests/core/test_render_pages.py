"""Core render: the fact list pages and "the next entry is on…" (EN and ES)."""

import datetime as dt

from bot.core.facts import load_facts
from bot.core.render import render_facts_page
from bot.posts.content import render_next_entry
from tests.helpers import write_facts


def test_facts_page_clamps_and_counts(tmp_path):
    facts = load_facts(write_facts(tmp_path / "facts"))
    reply = render_facts_page(facts, page=7, per_page=2, lang="es")
    assert reply.footer == "Página 2 de 2 · 3 datos"
    assert len(reply.fields) == 1


def test_next_entry_names_the_date_and_what_happened(tmp_path):
    facts = load_facts(write_facts(tmp_path / "facts"))
    reply = render_next_entry(facts, dt.date(2026, 10, 1), dt.date(2027, 7, 26), "en")
    assert "The next entry is on 26 July 2027" in reply.body
    assert "Gold in Atlanta 1996" in reply.body
    assert reply.fact_ids == ("atlanta-gold",)
    assert render_next_entry(facts, dt.date(2026, 10, 1), None, "es").body == "No hay efemérides con fecha."
