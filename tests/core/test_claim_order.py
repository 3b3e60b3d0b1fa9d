"""Who a check says came first ("did he beat Borchin?", "he lost to Borchin", "¿le ganó a Borchin?")."""

from __future__ import annotations

import pytest

from bot.core.claim_checks import claimed_ahead
from bot.core.fold import fold

PEOPLE = frozenset({"borchin", "markov", "segura", "chocho"})


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("did he beat borchin in beijing?", ("him", "borchin")),
        ("did pérez really beat valeriy borchin?", ("him", "borchin")),
        ("perez finished ahead of markov", ("him", "markov")),
        ("did he finish in front of borchin?", ("him", "borchin")),
        ("markov beat him in atlanta right?", ("markov", "him")),
        ("he lost to borchin", ("borchin", "him")),
        ("segura was beaten by perez", ("perez", "segura")),
        ("¿le ganó pérez a borchin en pekín?", ("him", "borchin")),
        ("borchin le ganó a jefferson", ("borchin", "him")),
        ("en pekín le ganó a borchin por 14 segundos, ¿no?", ("him", "borchin")),  # the subject unsaid
        ("did he win gold in atlanta?", None),  # no one beaten
        ("he beat himself up about it", None),  # no one named after the verb
    ],
)
def test_the_order_a_check_claims(text: str, order: tuple[str, str] | None) -> None:
    expected = None if order is None else tuple("him" if n == "perez" else n for n in order)
    assert claimed_ahead(fold(text), PEOPLE) == expected
