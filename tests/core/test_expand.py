"""Expansion before lookup: contractions opened, clause boundaries marked, stems per language."""

import pytest

from bot.core.analysis import Lexicon
from bot.core.expand import detect_language, expand, stem
from tests.coredata import shipped_engine


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She's here, isn't she?", "she is here |  is not she |q "),
        ("I can't say. Maybe", "i can not say |  maybe"),
        ("Mr. Smith walked", "mr. smith walked"),  # a title's dot ends no clause
        # "compete for" is for whom (his country), but not in a span nor in "for the last time"
        ("how long did he compete for", "how long did he compete"),
        ("where did he race for the last time", "where did he race the last time"),
        ("which country did he compete for", "which country did he compete for"),
        ("what year was markov born", "what year was markov birth"),  # when, not where: his birth
        ("where was markov born", "where was markov born"),
        # a day or year pointed at is "then": no day or year asked about
        ("how old was he that day", "how old was he then"),
        ("y que paso ese mismo ano", "y que paso then"),
        ("how many days did it take", "how many days did it take"),
    ],
)
def test_expand_opens_contractions_and_marks_clause_boundaries(text: str, expected: str) -> None:
    assert expand(text) == expected


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [("running", "en", "run"), ("corriendo", "es", "corr"), ("2004", "en", "2004"), ("ran", "en", "ran")],
)
def test_stem_by_language_keeps_numbers_and_short_words(word: str, lang: str, expected: str) -> None:
    assert stem(word, lang) == expected


@pytest.mark.parametrize(
    ("folded", "written"),
    [("suspendio", "suspendió"), ("nacio", "nació"), ("perdio", "perdió"), ("recibio", "recibió")],
)
def test_a_folded_preterite_in_io_stems_as_its_accented_form(folded: str, written: str) -> None:
    assert stem(folded, "es") == stem(written, "es")


@pytest.mark.parametrize("word", ["podio", "estadio", "medio", "premio"])
def test_a_word_in_io_of_its_own_keeps_its_stem(word: str) -> None:
    """ "podio" is no preterite of "poder": the list of unaccented words holds it."""
    assert stem(word, "es") == word[:-1]


def test_shared_words_mark_no_language() -> None:
    """ "a" is as Spanish as English: "quien suspendio a borchin" reads as Spanish."""
    assert shipped_engine().matcher.analyzer.analyze("quien suspendio a borchin?").lang == "es"


def test_detect_language_weighs_marks_and_marker_words() -> None:
    lexicon = Lexicon(spanish_markers=frozenset({"cuando"}), english_markers=frozenset({"when", "did"}))
    assert detect_language("¿cuándo ganó?", lexicon) == "es"
    assert detect_language("when did it start", lexicon) == "en"


def test_the_accent_of_his_name_marks_no_spanish() -> None:
    lexicon = Lexicon(spanish_markers=frozenset({"cuando"}), english_markers=frozenset({"what"}))
    assert detect_language("Kindly inform me on what date Mr. Pérez formally withdrew.", lexicon) == "en"
    assert detect_language("¿Cuándo se retiró Pérez?", lexicon) == "es"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("how long did the ban last", False),  # the verb: how long it went on
        ("how long did his last race last?", True),  # the first "last" is his last race
        ("how long was his last race", True),
        ("what was his last race", True),
    ],
)
def test_last_as_the_verb_of_how_long_is_dropped(text: str, kept: bool) -> None:
    assert ("last" in expand(text).split()) is kept


@pytest.mark.parametrize("text", ["In which U.S. state did he win", "Did Mr. Pérez win", "was it approx. 20 km"])
def test_the_dot_of_an_initial_or_title_ends_no_clause(text: str) -> None:
    assert "|" not in expand(text)


@pytest.mark.parametrize(
    ("text", "future"),
    [
        ("what was he going to focus on instead", True),
        ("he said he was going to work with kids", True),
        ("was he going to the olympics in 2012", False),  # going somewhere: a determiner follows
        ("going to 5 olympics is a lot", False),
    ],
)
def test_going_to_before_a_verb_is_the_future(text: str, future: bool) -> None:
    assert ("gonna" in expand(text)) is future


@pytest.mark.parametrize(
    ("agent", "thing"), [("photographer", "photograph"), ("supporters", "support"), ("marathoner", "marathon")]
)
def test_an_agent_noun_keeps_its_er_apart_from_its_thing(agent: str, thing: str) -> None:
    assert stem(agent, "en") != stem(thing, "en")
    assert stem(agent, "en") == stem(agent.removesuffix("s"), "en")  # its plural is still the same word


def test_a_word_whose_stem_is_no_word_is_stemmed_as_before() -> None:
    assert stem("december", "en") == "decemb"  # "decemb" is no word: no agent noun to keep apart
