"""Reading a claim from the text alone: bare statements, relative values, people as values."""

from __future__ import annotations

import pytest

from bot.core.claims import (
    asks_a_value,
    claim_of,
    compares_to_value,
    gives_reason,
    negation_words,
    predicate_people,
    states_a_claim,
)
from bot.core.fold import fold


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("perez retired in 2012 after london", True),
        ("So he was 25 when he won in 96?", True),  # "when" joins, it does not ask
        ("the pilgrimage across ecuador was like 200 km", True),
        ("he did 1:18 flat in Atlanta, that's what I remember", True),  # "what" inside a clause
        ("se retiró en 2012 después de londres no?", True),  # a Spanish past tense is a verb
        ("su entrenador fue Segura", True),
        ("the 1996 olympics", False),  # no verb: a topic, not a statement
        ("his time, what was it?", False),  # a clause asks
        ("when did he retire", False),
        ("he did 20 km in 1:20:07, so roughly how long per kilometre is that", False),  # "how long" asks anywhere
        ("ganó tres oros olímpicos", False),  # no subject opens it
        ("borchin only beat him by like a full minute", True),  # any one word before a verb is a subject
        ("when was his first race", False),  # …but not a question word
        ("he hung it up in 2012", True),
        ("¿cuántas medallas ganó?", False),
    ],
)
def test_a_bare_statement_about_him_is_a_claim(text: str, claim: bool) -> None:
    assert states_a_claim(text) is claim


@pytest.mark.parametrize(
    ("text", "value", "relative"),
    [
        ("he retired after 2005", "2005", True),
        ("the pilgrimage was more than 400 km", "400km", True),
        ("se retiró antes de 2010", "2010", True),
        ("perez retired in 2012 after london", "2012", False),
        ("he only went to 3 olympics", "3", False),  # "only" stresses the value, it compares nothing
    ],
)
def test_a_value_after_a_comparing_word_is_relative(text: str, value: str, relative: bool) -> None:
    from bot.core.numbers import normalise_numbers

    assert compares_to_value(normalise_numbers(fold(text)), value) is relative


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("his coach was segura wasn't it", {"segura"}),
        ("su entrenador fue segura", {"segura"}),
        ("did markov win silver in atlanta", set()),  # Markov is the subject
        ("was segura mexican", set()),
    ],
)
def test_a_person_after_the_verb_is_the_value_checked(text: str, people: set[str]) -> None:
    assert predicate_people(fold(text), frozenset({"markov", "segura", "borchin", "chocho"})) == people


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("my cousin says the walk was 1000 km", "the walk was 1000 km"),
        ("pretty sure he retired in 2010", "he retired in 2010"),
        ("bro claims the race was 50 km", "the race was 50 km"),  # a person noun without "my"
        ("mi abuela dice que era de quito", "era de quito"),
        # the question comes first: what follows the opening is chatter, not the thing asked
        ("what year did he win gold? my friend says 2000", None),
        ("so we got curious what year did he win gold my friend says 2000", None),
        ("when was his last race, my dad says murcia", None),
        ("oye cuando se retiro mi papa dice que en 2010", None),
        ("mi papa dice que se retiro en 2010", "se retiro en 2010"),
        ("i could swear he retired in 2010", "he retired in 2010"),
        ("i reckon the walk was 300 km", "the walk was 300 km"),
        # Spanish openings of belief or memory
        ("juraria que gano en 2001", "gano en 2001"),
        ("si mal no recuerdo, su entrenador fue segura", "su entrenador fue segura"),
        ("tenia entendido que quedo tercero", "quedo tercero"),
        # the general shape: who, a verb of believing, hearing or being told in any person or tense
        ("i've heard she moved to lima", "she moved to lima"),
        ("we were told the bridge opened in 1950", "the bridge opened in 1950"),
        ("i could have sworn the band split in 1999", "the band split in 1999"),
        ("i saw on the news that the mayor resigned", "the mayor resigned"),
        ("my uncle keeps telling me the lake froze twice", "the lake froze twice"),
        ("yo pensaba que el puente era de piedra", "el puente era de piedra"),
        ("me han contado que la tienda cerro en 2001", "la tienda cerro en 2001"),
        ("siempre crei que el rio nacia en bolivia", "el rio nacia en bolivia"),
        ("escuche por ahi que la banda se separo", "la banda se separo"),
        ("estaba segura de que la casa era azul", "la casa era azul"),
        ("supuestamente el museo abrio en 1980", "el museo abrio en 1980"),
        ("no era que el tren llegaba a las ocho?", "el tren llegaba a las ocho?"),
        ("yo creo q el puente era de piedra", "el puente era de piedra"),  # chat "q" for "que"
        ("just to confirm, the museum opened in 1980?", "the museum opened in 1980?"),
        ("corrijanme si me equivoco, pero la tienda cerro en 2001", "la tienda cerro en 2001"),
        ("crazy that the lake froze twice", "the lake froze twice"),
        ("no puedo creer que el rio nacia en bolivia", "el rio nacia en bolivia"),
        # …not a reporting verb inside a question that asks first
        ("en que ciudad conto que se iba a mudar?", None),
        ("que dijo que haria despues?", None),
        # a source, then what it reports
        ("a radio show said he retired in 2010. true?", "he retired in 2010. true?"),
        ("the encyclopedia lists his time as 1:25. right?", "his time as 1:25. right?"),
        ("coach told us the walk was 200 km", "the walk was 200 km"),
        # a quiz's statement to judge
        ("true or false: the museum opened in 1980", "the museum opened in 1980"),
        ("verdadero o falso: el tren llegaba a las ocho", "el tren llegaba a las ocho"),
        # …not a question about who reported, nor words mid-sentence that only look like one
        ("which agency reported the ban", None),
        ("i saw cuenca mentioned somewhere, is that his hometown?", None),
    ],
)
def test_a_claim_is_what_follows_its_opening_unless_a_question_came_first(text: str, claim: str | None) -> None:
    assert claim_of(fold(text)) == claim


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("she left the club because she got bored, right?", True),
        ("she quit cuz of an injury", True),
        ("dejó el club debido a una lesión, ¿no?", True),
        ("i asked because my kid wants to know what distance she ran", False),  # a question word asks that
        ("she left the club in 2010", False),
    ],
)
def test_a_claim_giving_a_reason_is_told(text: str, reason: bool) -> None:
    assert gives_reason(fold(text)) is reason


def test_the_words_that_deny_a_claim_are_general_language() -> None:
    assert {"never", "nunca", "jamas"} <= negation_words()


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("¿A cuántos metros llegó la marcha?", True),  # a preposition before the question word
        ("in which city did he win gold in 1996, right?", True),  # asks a value, a tag after it
        ("so how many medals, 2?", True),  # lead filler before it
        ("de donde es?", True),  # unaccented, but the question word opens the whole question
        ("did he win, and who came second?", True),  # a second clause asks
        ("up to what age did he compete?", True),  # two prepositions carried
        ("when he won in atlanta he was 22, right?", False),  # a subject follows: it tells
        ("cuando ganó en Atlanta tenía 22, ¿verdad?", False),  # unaccented, a clause follows: it tells
        ("ganó por como 14 segundos, ¿no?", False),  # "como" = "like", not "cómo"
        ("what a race, he won gold right?", False),  # an exclamation
        ("¡Qué carrera la de Atlanta!", False),  # an exclamation
        ("do you know whether he won?", False),  # "whether" asks yes or no
        ("did he finish fourth in 2004?", False),
        ("where'd they hold it, somewhere in spain right?", True),  # a contracted auxiliary: it asks
        ("the marathon time what was it", True),  # an inverted question mid-clause
        ("wht city was it, quito?", True),  # a chat spelling of the question word
        ("oye de donde era, de quito no?", True),  # a preposition carried: it asks, accent or not
        ("the man who was her coach was from quito, right?", False),  # a relative clause tells
    ],
)
def test_a_clause_opening_with_a_question_word_asks_a_value(text: str, asks: bool) -> None:
    assert asks_a_value(text) is asks
