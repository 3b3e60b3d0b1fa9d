"""Reading a question about two things: whether it pits two, asks a span or an order, and the
ways to cut it into two topics."""

from __future__ import annotations

import pytest

from bot.core.comparisons import (
    alternatives,
    asks_age_gap,
    asks_ages,
    asks_birth,
    asks_end,
    asks_span,
    asks_times,
    asks_unit,
    contraries,
    contrary_stems,
    cuts,
    either_order,
    kinds_compared,
    pits_two,
    says_a_contrary,
    sooner_or_later,
)
from bot.core.fold import fold


@pytest.mark.parametrize(
    ("text", "pits", "span", "times"),
    [
        ("which was longer, the pilgrimage or the olympic race?", True, False, False),
        ("¿qué medalla fue mejor, la de 1996 o la de 2008?", True, False, False),
        ("how many years between his gold and his silver", False, True, False),
        ("¿cuántos años entre su oro y su plata?", False, True, False),
        ("how many times longer was the olympic walk than his first races", True, False, True),
        ("how many times did he go to the olympics", False, False, False),  # a count, not a ratio
        ("what did he do after retiring?", False, False, False),
        ("so the russian dude who beat him got busted or what", False, False, False),  # a tag, not a choice
        ("¿se retiró en 2008 o no?", False, False, False),
        # a difference asked between two things, or one set against the other
        ("what's the difference between the old bridge and the new one?", True, False, False),
        ("¿cuántos goles marcó frente a cuántos partidos jugó?", True, False, False),
        # A span asked in two parts: an amount of years, then a word setting two times apart.
        ("how many years were there between the two medals", False, True, False),
        ("how many years separated his gold from his silver", False, True, False),
        ("how many years lay between the first race and the last", False, True, False),
        ("how many years from his debut to his farewell", False, True, False),
        ("¿cuántos años transcurrieron desde su debut hasta su retiro?", False, True, False),
        ("how much time went by before he raced again", False, True, False),
        # An amount of time that does not pass between two dates is a margin or a distance.
        ("how much time separated him from the winner", False, False, False),
        ("how long was the walk from the capital to his town", False, False, False),
        ("¿cuántos años tenía cuando ganó?", False, False, False),
    ],
)
def test_what_a_two_topic_question_asks(text: str, pits: bool, span: bool, times: bool) -> None:
    folded = fold(text)
    assert (pits_two(folded), asks_span(folded), asks_times(folded)) == (pits, span, times)


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("did he retire before the beijing olympics", -1),
        ("¿fue el bronce antes que el oro?", -1),
        ("was the pilgrimage after beijing", 1),
        ("was the junior bronze before or after the junior gold", 0),
        ("where did he win gold", 0),
    ],
)
def test_which_order_is_checked(text: str, way: int) -> None:
    assert sooner_or_later(fold(text)) == way


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("which was longer", {"distance", "time"}),
        ("who was faster", {"time"}),
        ("¿cuál fue mejor?", {"medal"}),
        ("which came first", set()),
        ("¿hizo mejor tiempo en atlanta o en pekín?", {"time"}),  # what is measured is named: times
        ("did he have a better time in atlanta or beijing", {"time"}),
    ],
)
def test_what_each_fact_must_hold_to_settle_a_comparison(text: str, kinds: set[str]) -> None:
    assert kinds_compared(fold(text)) == kinds


def test_the_last_two_clauses_are_the_first_cut_and_values_borrow_the_head() -> None:
    clauses = (("better", "olympics"), ("1996",), ("2008",))
    found = list(cuts(clauses, lambda t: t == "better", str.isdigit))
    assert found[0] == (("1996", "olympics"), ("2008", "olympics"))


def test_a_single_clause_is_cut_at_every_word_and_connectives_belong_to_neither_topic() -> None:
    found = list(cuts((("retire", "earlier", "beijing", "olympics"),), lambda t: t == "earlier", lambda t: False))
    assert found == [(("retire",), ("beijing", "olympics")), (("retire", "beijing"), ("olympics",))]


def test_a_place_alone_borrows_only_from_a_parallel_topic() -> None:
    value = {"beijing", "1996", "2008"}.__contains__
    assert next(cuts((("retire", "earlier", "beijing"),), lambda t: t == "earlier", value)) == (
        ("retire",),
        ("beijing",),
    )
    clauses = (("1996", "olympics"), ("2008",))
    assert next(cuts(clauses, lambda t: False, value)) == (("1996", "olympics"), ("2008", "olympics"))


def test_how_many_more_is_a_count_not_a_comparison() -> None:
    assert not pits_two(fold("after atlanta, how many more olympics did he compete in?"))


@pytest.mark.parametrize(
    ("text", "end", "birth"),
    [
        ("if the contract started in 2010, when would it run out?", True, False),
        ("si la sanción empezó en 2015, ¿cuándo termina?", True, False),
        ("when did the contract end", False, False),  # no start to count from
        ("what year was she born", False, True),
        ("¿en qué año nació?", False, True),
        ("where was she born", False, False),
    ],
)
def test_what_a_question_asks_worked_out(text: str, end: bool, birth: bool) -> None:
    folded = fold(text)
    assert (asks_end(folded), asks_birth(folded)) == (end, birth)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("what is her best time converted into seconds", "seconds"),
        ("that race in miles?", "miles"),
        ("pasa la distancia a millas", "miles"),
        ("how many seconds behind was she", "seconds"),
        ("what was her time", None),
    ],
)
def test_the_unit_a_value_is_asked_in(text: str, unit: str | None) -> None:
    assert asks_unit(fold(text)) == unit


@pytest.mark.parametrize(
    ("text", "either"),
    [
        ("was it before or after the final", True),
        ("¿fue antes o después?", True),
        ("was it before the final", False),
        ("which came first, the bridge or the tower?", True),  # asking which came first asks the order
        ("¿qué pasó primero, la boda o la mudanza?", True),
    ],
)
def test_a_question_asking_which_way_two_things_are_ordered(text: str, either: bool) -> None:
    assert either_order(fold(text)) is either


def test_two_values_of_different_kinds_name_their_event_and_borrow_nothing() -> None:
    kinds = {"beijing": "place", "silver": "medal", "3": "number"}
    found = next(cuts((("3", "titles"), ("beijing", "silver")), lambda t: False, kinds.get))
    assert found == (("3", "titles"), ("beijing", "silver"))


def test_a_measure_is_no_count_to_compare() -> None:
    from tests.coredata import shipped_engine

    result = shipped_engine().matcher.match("¿quién es más alto, pérez o bernardo segura?")
    assert "4800" not in (result.derived or "")  # the altitude of a walk is no count of anything


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("was the river wider in may or in june?", ("was the river wider in may", "in june")),
        ("¿quién es más alta, ana o lucía?", ("ana", "lucia")),  # within the clause of the "o"
        ("which is older, the bridge vs the tower", ("the bridge", "the tower")),
        ("did the shop close, or not?", None),  # a tag offers nothing
        ("¿abrió en 1990 o no?", None),
        ("when did the shop close", None),
    ],
)
def test_the_two_alternatives_a_question_offers(text: str, offered: tuple[str, str] | None) -> None:
    assert alternatives(fold(text)) == offered


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("who was older when they married, ana or luis?", True),
        ("¿quién era más joven, ana o luis?", True),
        ("who was faster, ana or luis?", False),
    ],
)
def test_a_comparison_of_ages(text: str, ages: bool) -> None:
    assert asks_ages(fold(text)) is ages


def test_a_spanish_superlative_sets_nothing_side_by_side() -> None:
    # "el más joven de los tres" ranks within one group; "más joven que Segura" compares two.
    assert not pits_two(fold("era el más joven de los tres"))
    assert pits_two(fold("era más joven que segura"))


def test_opposites_are_read_both_ways() -> None:
    assert ("oldest", "youngest") in contraries() and ("youngest", "oldest") in contraries()


def test_a_text_saying_an_opposite_is_told_cheaply() -> None:
    assert says_a_contrary(fold("was he the oldest of the three?"))
    assert not says_a_contrary(fold("when did he retire?"))
    assert "oldest" in contrary_stems() and "senior" in contrary_stems()


def test_a_gap_in_ages_is_asked_by_how_much_younger_or_older() -> None:
    assert asks_age_gap(fold("how much younger was he than markov"))
    assert asks_age_gap(fold("¿cuántos años mayor era segura?"))
    assert not asks_age_gap(fold("was he younger than markov"))
