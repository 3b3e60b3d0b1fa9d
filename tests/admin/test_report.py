"""What ``/admin reload`` says (the limits keep it inside an embed)."""

from bot.admin.report import render_reload
from bot.core.reply import Kind


def test_render_reload_words_and_limits():
    ok = render_reload("en", ok=True, count=12, changes=["+a", "~b", "−c"], problems=[])
    assert ok.body == "Reloaded 12 facts. Changes:\n```\n+a\n~b\n−c\n```" and ok.kind is Kind.CONFIRMATION
    same = render_reload("es", ok=True, count=12, changes=[], problems=[])
    assert same.body == "Recargados 12 datos: nada cambió."
    many = [f"facts/a.yaml:{i}: a problem described at some length" for i in range(500)]
    bad = render_reload("en", ok=False, count=12, changes=[], problems=many)
    assert bad.body.startswith("Nothing changed: the fact base has 500 problem(s).")
    assert len(bad.body) < 4096 and bad.body.rstrip().endswith("more")
    assert bad.kind is Kind.NOTICE
