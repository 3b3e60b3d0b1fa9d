"""Run-on messages: where a new thought starts when a message has no punctuation."""

from __future__ import annotations

import pytest

from bot.core.runon import split_run_ons
from tests.coredata import shipped_engine


def thoughts(text: str) -> list[str]:
    parts = " ".join(w if w[:1] != "|" else "|" for w in split_run_ons(text.split())).split("|")
    return [p.strip() for p in parts if p.strip()]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a direct question after chatter: a question word, then an auxiliary or a measure word
        ("my cousin mentioned him what year did he win", ["my cousin mentioned him", "what year did he win"]),
        ("no clue about it how many olympics did he go to", ["no clue about it", "how many olympics did he go to"]),
        ("we were talking at lunch how old was he then", ["we were talking at lunch", "how old was he then"]),
        # its preposition goes with it
        ("this came up in class in what year did he retire", ["this came up in class", "in what year did he retire"]),
        ("we had a bet at work which olympics did he miss", ["we had a bet at work", "which olympics did he miss"]),
        # an inverted yes/no question after a statement
        ("my dad loved watching him did he win in sydney", ["my dad loved watching him", "did he win in sydney"]),
        # chat interjections stand alone
        ("who coached him lol", ["who coached him", "lol"]),
        ("idk much about him who beat him in beijing", ["idk", "much about him who beat him in beijing"]),
        # the asker speaking again after the question
        ("what was his time i need it for class", ["what was his time", "i need it for class"]),
        ("which city is he from we might visit", ["which city is he from", "we might visit"]),
        ("how far did he walk that sounds exhausting", ["how far did he walk", "that sounds exhausting"]),
        ("de donde es el quiero ir a visitar", ["de donde es el", "quiero ir a visitar"]),
        ("cuando se retiro mi profe pregunto", ["cuando se retiro", "mi profe pregunto"]),
        # Spanish: a greeting stands alone; "qué" opens a question at the start of a thought; the
        # asker speaks again with a first-person verb, no pronoun needed ("estoy…")
        ("oye cuantos anos tenia yo creo que 19", ["oye", "cuantos anos tenia", "yo creo que 19"]),
        ("en que ano se retiro estoy haciendo un deber", ["en que ano se retiro", "estoy haciendo un deber"]),
        ("hola que edad tenia en atlanta", ["hola", "que edad tenia en atlanta"]),
        ("hola gente de donde era", ["hola", "gente", "de donde era"]),
        # …but after a word that wants a noun, the greeting word is that noun: one thought
        ("cuanta gente habia en el estadio", ["cuanta gente habia en el estadio"]),
        ("toda la gente lo esperaba", ["toda la gente lo esperaba"]),
        # after a question, someone's claim (a pronoun, or a possessive and its noun, then a verb of
        # saying or believing) is a thought of its own: context, not a second question
        ("where did he grow up she says quito", ["where did he grow up", "she says quito"]),
        ("how many titles did he win his son swears three", ["how many titles did he win", "his son swears three"]),
        ("cuando se retiro alguien dijo que en 2010", ["cuando se retiro", "alguien dijo que en 2010"]),
        # "who" asks after a discourse word ("so", "anyway"), never after a noun
        ("we drove past his town today so who was his coach", ["we drove past his town today so", "who was his coach"]),
        ("we read about him ok who was he racing against", ["we read about him ok", "who was he racing against"]),
        # a Spanish plea for help after the question stands alone, as "porfa" does
        ("cuando gano en atlanta ayudame porfa", ["cuando gano en atlanta", "ayudame", "porfa"]),
        # "whom"/"whose" bind what follows, as "who" does: one question
        ("against whom did he lose in beijing", ["against whom did he lose in beijing"]),
    ],
)
def test_a_new_thought_starts_a_clause(message: str, expected: list[str]) -> None:
    assert thoughts(message) == expected


@pytest.mark.parametrize(
    "message",
    [
        "the race where he won gold",  # a relative clause, not a question
        "the race where the crowd was huge",  # a determiner after the question word: relative too
        "who coached him when he was a kid",  # "when" without inversion: a time, not a question
        "how much prize money did he get",  # one question: its question word came first
        "did he win before i was born",  # "i" after a word that binds it
        "what did he say about his plans for my city",  # "my" after a preposition
        "quien lo entrenaba cuando era nino",  # Spanish has no inversion to tell a question by
        "what did his coach say about the race",  # the question's own subject says, no claim
        "what did the local people say about it",  # an auxiliary shortly before: its subject
        "where was he when he said goodbye",  # "when he said" binds it
        "tell me about the coach who was with him in atlanta",  # "who" after a noun: a relative
    ],
)
def test_one_thought_stays_whole(message: str) -> None:
    assert thoughts(message) == [message]


def test_existing_boundaries_pass_through() -> None:
    assert split_run_ons(["when", "|", "did", "he", "win", "|q"]) == ["when", "|", "did", "he", "win", "|q"]


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("my uncle keeps bringing him up how many olympics did he go to i need it for a quiz", "five-olympics"),
        ("i keep forgetting this what was his time in atlanta thanks in advance", "atlanta-time"),
        ("we argued about it over dinner how far was the walk he did after beijing", "pilgrimage"),
        # a claim after the question is context ("he says four"), not words the answer must hold
        ("my neighbour mentioned him how many olympics did he take part in he thinks six", "five-olympics"),
    ],
)
def test_the_question_in_a_run_on_message_is_answered(message: str, fact: str) -> None:
    result = shipped_engine().matcher.match(message)
    assert result.status.value == "answered"
    assert result.fact is not None and result.fact.id == fact


def test_chatter_naming_what_the_answer_lacks_is_not_dropped() -> None:
    # "2000" in the chatter is a year the Atlanta fact does not hold: not answered from the
    # question alone (the friend may be talking about another race).
    result = shipped_engine().matcher.match("we talked today what year did he win olympic gold my friend says 2000 idk")
    assert result.fact is None or result.fact.id != "sydney-athens"


@pytest.mark.parametrize(
    ("message", "asides"),
    [
        ("whats his hometown again i always forget", (False, True)),
        ("who coached him? my teacher asked", (False, True)),
        ("i would like to know who coached him", (False,)),  # a question word: it asks
        ("i need to know his time in atlanta", (False,)),  # a word of knowing, then what
        ("my coach said he was 22, is that right?", (False,)),  # ends in a question mark
    ],
)
def test_the_askers_own_statements_are_asides(message: str, asides: tuple[bool, ...]) -> None:
    assert shipped_engine().matcher.analyzer.analyze(message).asides == asides


def test_an_aside_is_never_a_second_answer() -> None:
    result = shipped_engine().matcher.match("did he ever win the world championships my coach brought it up once")
    assert [c.fact.id for c in result.answers] == ["world-titles"]


def test_a_request_to_tell_asks() -> None:
    analysis = shipped_engine().matcher.analyzer.analyze("tell me when he won the junior worlds, my teacher wants it")
    assert analysis.asking[0]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # after a question, "because" gives the asker's reason: an aside, its conjunction dropped
        ("cuanto tiempo hizo en atlanta por que no me acuerdo", ["cuanto tiempo hizo en atlanta", "no me acuerdo"]),
        ("when did he retire because my teacher asked", ["when did he retire", "my teacher asked"]),
        # no question before it: "por que" asks why
        ("y por que se retiro", ["y por que se retiro"]),
        ("quiero saber por que se retiro", ["quiero saber por que se retiro"]),
    ],
)
def test_a_reason_after_a_question_is_an_aside(message: str, expected: list[str]) -> None:
    assert thoughts(message) == expected


def test_the_clause_after_because_is_the_askers_own() -> None:
    analysis = shipped_engine().matcher.analyzer.analyze("what was his time in atlanta because my cousin said 1:30")
    assert analysis.asides == (False, True)
