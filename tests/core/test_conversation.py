"""Conversation memory and follow-ups: resolved against the previous answer, never bending a
question that stands alone; the memory forgets after its ttl (injected clock)."""

from __future__ import annotations

import pytest

from bot.core.conversation import Conversations, Turn
from bot.core.followup import (
    comes_later,
    has_question_word,
    leans_on_previous,
    named_for_pronoun,
    next_one,
    ordinal_swapped,
    points_at_many,
    relative_year,
    the_other,
    years_away,
)
from bot.core.results import Status
from bot.core.text import fold
from bot.evaluation import ask_in_context
from tests.coredata import shipped_engine


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_memory_keeps_the_last_turn_per_key_and_forgets_after_the_ttl() -> None:
    clock = FakeClock()
    memory = Conversations(clock, ttl=300)
    memory.remember(("u1", "c1"), Turn(("win",), "atlanta-gold", 1996))
    memory.remember(("u2", "c1"), Turn(("retire",), "retirement-date", 2008))
    assert memory.previous(("u1", "c1")).fact_id == "atlanta-gold"
    assert memory.previous(("u1", "c2")) is None  # another channel is another conversation
    memory.remember(("u1", "c1"), None)  # a decline keeps the topic
    assert memory.previous(("u1", "c1")).fact_id == "atlanta-gold"
    clock.now = 301
    assert memory.previous(("u1", "c1")) is None


@pytest.mark.parametrize(
    ("text", "leans", "step"),
    [
        ("how old was he then?", True, 0),
        ("and the year after?", True, 1),
        ("what about the year before", True, -1),
        ("y el año siguiente?", True, 1),
        ("and then?", True, 1),  # only that: what came next
        ("¿y luego?", True, 1),
        ("¿dónde fue eso?", True, 0),
        ("when did he retire", False, 0),
        ("how old was he when he won gold", False, 0),
        ("and how old was she?", True, 0),  # a short continuation leans on what came before
        ("and in which city?", True, 0),
        ("y dónde nació la cantante originalmente?", False, 0),  # a whole question of its own stands alone
        ("and which river runs through her home town?", False, 0),
        ("wait what year was the last one", True, 0),  # one of a series named before
        ("who was the first one who beat him", False, 0),  # "the one who…" names its own
    ],
)
def test_follow_up_markers(text: str, leans: bool, step: int) -> None:
    assert leans_on_previous(fold(text)) is leans
    assert relative_year(fold(text)) == step


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["when did he win the olympics"], "how old was he then?", "atlanta-age"),
        (["when did he win the world junior bronze"], "and what came after that?", "junior-gold"),
        (["when did he win the junior world title"], "where was that?", "junior-gold"),
        (["what happened in beijing"], "who beat him?", "beijing-silver"),
        (["cuándo ganó el oro olímpico"], "¿y cuántos años tenía entonces?", "atlanta-age"),
        (["what medal did he get at the 1990 world juniors"], "and two years later?", "junior-gold"),
        (["how did he do in sydney 2000"], "what about four years later?", "sydney-athens"),
        # a year it names replaces the last question's year: 1996 is no context of "and in 2008"
        (["what did he take home at the 1996 olympics"], "and in 2008?", "beijing-silver"),
    ],
)
def test_a_follow_up_is_resolved_against_the_previous_answer(context: list[str], question: str, fact_id: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.ANSWERED and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("context", "question", "fact_id", "verdict"),
    [
        (["what was his last race?"], "did he win it?", "retirement-announcement", "no"),  # third
        (["how did he do in sydney?"], "did he medal there?", "sydney-athens", "no"),  # fourth
    ],
)
def test_how_it_went_pointing_back_is_checked_against_the_previous_answer(
    context: list[str], question: str, fact_id: str, verdict: str
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["when did he win the olympics"], "when did he retire", "retirement-date"),
        (["what happened in beijing"], "who was his coach", "coach"),
    ],
)
def test_a_question_that_stands_alone_is_not_bent(context: list[str], question: str, fact_id: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.fact is not None and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        # "and …?" with a question of its own: what the conversation cannot settle is answered as asked
        (["¿quién es jefferson pérez?"], "¿y cuándo se retiró?", "retirement-date"),
        # …but "and in Beijing?" after his Atlanta time asks Beijing's time, which is never given
        (["what was his time in atlanta"], "and in beijing?", None),
    ],
)
def test_a_continuation_with_a_question_of_its_own_is_answered_as_asked(
    context: list[str], question: str, fact_id: str | None
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    if fact_id is None:
        assert result.status is not Status.ANSWERED
    else:
        assert result.status is Status.ANSWERED and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("text", "previous", "named"),
    [
        ("where's he from", "who won in beijing?", "where's borchin from"),
        ("what was his time?", "who won in beijing?", "what was borchin's time?"),
        ("¿de dónde es él?", "¿quién ganó en pekín?", "¿de dónde es borchin?"),
        ("¿y ese tipo de dónde era?", "¿quién le ganó a jefferson?", "¿y borchin de dónde era?"),
        ("how old was he?", "who beat him in beijing?", None),  # "he" may be Pérez, pointed at before
        ("how old was jefferson then?", "who won in beijing?", None),  # names Pérez
        ("when did the games start?", "who won in beijing?", None),  # no pronoun ("the" alone)
        ("and how far behind was he?", "who won the 20k walk in beijing?", None),  # he lost to the winner
        ("¿y por cuánto perdió él?", "¿quién ganó en pekín?", None),
    ],
)
def test_a_pronoun_names_the_man_a_who_question_asked_about(text: str, previous: str, named: str | None) -> None:
    assert named_for_pronoun(text, "borchin", previous) == named


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        # "he" after a "who" question about another man is that man
        (["who won the 20 km walk at the beijing olympics?"], "where's he from", "beijing-silver"),  # Russia
        (["who is ilya markov?"], "did he get a medal in 96?", None),  # Markov's medals: never told
        (["¿quién le ganó a jefferson en pekín?"], "¿por qué suspendieron a ese tipo?", "borchin-ban"),
        # …but not when the man was Pérez ("who got silver?": he did), or the "who" question
        # pointed at Pérez too and this one says no "that guy"
        (["who got silver in the beijing 20k walk?"], "where's he from", "hometown"),
        (["who coached him?"], "how old was he when he won in atlanta?", "atlanta-age"),
    ],
)
def test_he_after_a_who_question_is_the_man_asked_about(context: list[str], question: str, fact_id: str | None) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    if fact_id is None:
        assert result.status is not Status.ANSWERED
    else:
        assert result.status is Status.ANSWERED and result.fact.id == fact_id


def test_an_out_of_scope_question_stays_declined_in_a_conversation() -> None:
    result, _ = ask_in_context(shipped_engine(), "what's his favourite food", ["when did he win gold"])
    assert result.status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("and two years later?", 2),
        ("what about 4 years before", -4),
        ("y dos años después?", 2),
        ("and later?", None),
        ("and the year after?", 1),  # the very next year, not the next year with anything told
        ("¿y el año anterior?", -1),
        ("in the years after", None),
    ],
)
def test_spans_of_years(text: str, span: int | None) -> None:
    assert years_away(fold(text)) == span


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (["how old was he when he won in atlanta"], "and how heavy was he?"),
        (["who coached him"], "y sigue casado?"),
        (["where is he from"], "and what does he eat there?"),
    ],
)
def test_a_follow_up_about_something_no_fact_knows_is_not_bent_onto_the_last_answer(
    context: list[str], question: str
) -> None:
    # Half its own words are unknown to every fact: it asks something new, not the last answer again.
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is not Status.ANSWERED


@pytest.mark.parametrize("question", ["was that some kind of record?", "was it a record?"])
def test_a_follow_up_on_a_topic_the_last_answer_lacks_is_not_answered_with_it(question: str) -> None:
    # A record is the age fact's topic, not the time's: the time holds no record, so no answer
    # (the age fact names every topic word but not the "that" the follow-up points at).
    result, _ = ask_in_context(shipped_engine(), question, ["what was his time in atlanta?"])
    assert not (result.status is Status.ANSWERED and result.fact.id == "atlanta-time")


def test_a_follow_up_the_last_answer_cannot_settle_is_declined() -> None:
    context = ["what medal did he win at the 1990 world juniors"]
    result, _ = ask_in_context(shipped_engine(), "who won gold in that race?", context)
    assert result.status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("context", "question"),
    [
        # a placing asked of the race talked about: Beijing's runner-up is no answer after Atlanta
        (["who won the men's 20 km walk at the 1996 olympics?"], "who came second?"),
        (["¿quién ganó la marcha de 20 km en atlanta 96?"], "¿y quién quedó tercero?"),
        (["¿quién ganó la marcha en pekín?"], "¿y quién quedó tercero?"),  # the fact names the winner only
        (["where did he finish at the sydney olympics?"], "who won that race then?"),  # a winner it never names
        (["what was his time in atlanta"], "and what was markov's time"),  # his time only
        (["who were his rivals in atlanta"], "¿y cuántos años tenía Segura?"),  # only his own age is told
    ],
)
def test_what_someone_else_did_is_checked_in_a_follow_up_as_when_asked_outright(
    context: list[str], question: str
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (["how old was perez when he won in atlanta?"], "and how old was segura?"),  # his age alone is told
        (["the pilgrimage was 459 km, right?"], "how long did it take him?"),  # a length in km, no time
        (["¿quién lo entrenó de niño?"], "¿y durante cuántos años lo entrenó?"),  # for how long is not told
        (["¿dónde empezó la peregrinación?"], "¿y cuánto duró?"),  # the last answer itself holds no time
    ],
)
def test_a_follow_up_the_checks_know_as_a_near_miss_is_declined_not_answered_from_the_same_occasion(
    context: list[str], question: str
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is not Status.ANSWERED


def test_how_much_time_separated_two_walkers_asks_the_margin_of_the_race_talked_about() -> None:
    context = ["who won the 20 km walk at the 2008 olympics?"]
    result, _ = ask_in_context(shipped_engine(), "and how much time separated them?", context)
    assert result.fact is not None and result.fact.id == "beijing-silver"  # 14 seconds, not Atlanta's time


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (["what did perez win in 1996?"], "and the year after?"),  # 1997: the article tells nothing of it
        (["en qué año ganó el bronce en el mundial juvenil?"], "y el año siguiente?"),  # 1991, not the 1992 gold
    ],
)
def test_the_year_after_with_nothing_told_of_it_is_declined(context: list[str], question: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is not Status.ANSWERED


@pytest.mark.parametrize("question", ["and the year after?", "and two years after that?", "and 2 years later?"])
def test_without_context_a_bare_follow_up_is_not_answered(question: str) -> None:
    # A step in time from nothing said is no claim of a count ("2") to correct.
    result, _ = ask_in_context(shipped_engine(), question)
    assert result.status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("previous", "question", "swapped"),
    [
        ("who was his first coach", "and the second?", "who was his second coach"),
        ("where was his first race", "what about his last one?", "where was his last race"),
        ("donde fue su primera carrera", "¿y la ultima?", "donde fue su ultima carrera"),
        ("cual fue su primer titulo", "y el tercero", "cual fue su tercero titulo"),
        ("where was his first race", "and the last race?", "where was his last race"),  # its noun repeated
        ("where was his first race", "and the last coach?", None),  # a noun of its own: not the same question
        ("where was his first race", "and the first?", None),  # nothing changed
        ("where did he race", "and the second?", None),  # no ordinal to replace
        ("was his first race before his last one", "and the second?", None),  # which one is ambiguous
        ("where was his first race", "who was second in it?", None),  # asks a question of its own
    ],
)
def test_an_ordinal_alone_repeats_the_previous_question_with_it(
    previous: str, question: str, swapped: str | None
) -> None:
    assert ordinal_swapped(fold(previous), fold(question)) == swapped


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["when did he win his first world title"], "and the last one?", "world-titles"),
        (["when did he win his last olympic medal"], "and the first?", "atlanta-gold"),
    ],
)
def test_an_elliptic_ordinal_follow_up_moves_along_the_series(context: list[str], question: str, fact_id: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.ANSWERED and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("text", "many"),
    [
        ("where did he win them?", True),
        ("were those both in the same event?", True),
        ("¿y en qué años las ganó ellas?", True),
        ("where did he win it?", False),
        ("when was that?", False),
    ],
)
def test_plural_back_references(text: str, many: bool) -> None:
    assert points_at_many(fold(text)) is many


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["how many world titles did he win"], "in what years did he win those?", "world-titles"),
        (["what olympic medals does he have", "are they all his"], "which years did he win them in?", "olympic-medals"),
    ],
)
def test_them_after_a_series_is_the_series(context: list[str], question: str, fact_id: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.ANSWERED and result.fact.id == fact_id


def test_it_after_a_series_is_not_the_series() -> None:
    # A singular pronoun with words of its own asks about one item: the series is not forced on it.
    result, _ = ask_in_context(shipped_engine(), "where did he win gold?", ["what olympic medals did he win"])
    assert result.fact is not None and result.fact.id == "atlanta-gold"


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("and what did she say?", True),
        ("¿y cómo le fue?", True),
        ("what about in the final?", False),  # "what about" only continues
        ("¿y qué tal en la final?", False),
        ("and in the final?", False),
    ],
)
def test_a_question_word_of_its_own(text: str, asks: bool) -> None:
    assert has_question_word(fold(text)) is asks


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (["when did he announce that he was retiring"], "and what did he say at that press conference?"),
        (["¿dónde anunció que se retiraba?"], "¿y qué dijo en esa rueda de prensa?"),
        (["when did he retire"], "and what did he say when he announced it?"),
    ],
)
def test_what_was_said_there_is_answered_with_his_quoted_words(context: list[str], question: str) -> None:
    # The announcement reports the event; the question wants his own words, which other facts quote.
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.ANSWERED
    assert all("“" in c.fact.answer["en"] for c in result.answers)


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("so when did she eventually get it?", True),
        ("¿y cuándo lo logró por fin?", True),
        ("did they finally manage that?", True),
        ("when did he finally retire?", False),  # points at nothing said before
        ("and then?", False),
    ],
)
def test_an_outcome_reached_in_the_end_comes_later(text: str, later: bool) -> None:
    assert comes_later(fold(text)) is later


def test_finally_after_a_lost_occasion_moves_to_a_later_one() -> None:
    result, _ = ask_in_context(
        shipped_engine(), "so when did he eventually win it?", ["what did he get at the 1990 world juniors"]
    )
    assert result.status is Status.ANSWERED and result.fact.id == "junior-gold"


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["what medal did he win in 2008"], "is there a chance he gets upgraded to gold for that?", "borchin-ban"),
        (["what medal did he win in 2008"], "might they hand him the gold for that race someday?", "borchin-ban"),
    ],
)
def test_that_one_is_the_occasion_of_the_last_answer(context: list[str], question: str, fact_id: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.ANSWERED and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (["what medal did he win in 2008"], "what was the weather like that day?"),
        (["what medal did he get at the 1990 world juniors"], "who won gold in that race?"),
    ],
)
def test_the_occasion_does_not_answer_what_no_fact_of_it_holds(context: list[str], question: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("text", "one"),
    [
        ("and in the next one?", True),
        ("what about the one before?", True),
        ("¿y en la siguiente?", True),
        ("¿y los anteriores?", True),
        ("and the year after?", False),  # a step of a year, not of an event
        ("¿y el año siguiente?", False),
        ("what happened next in his life?", False),
    ],
)
def test_the_next_one_names_an_event_by_a_pronoun(text: str, one: bool) -> None:
    assert next_one(fold(text)) is one


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["what place did he finish in sydney"], "and in the next one?", "sydney-athens"),  # Athens, not a 2003 title
        (["what did he do at the beijing games"], "what about the one before?", "sydney-athens"),
    ],
)
def test_the_next_one_is_the_next_event_of_the_same_kind(context: list[str], question: str, fact_id: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.ANSWERED and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("previous", "question", "other"),
    [
        ("what did she win in the final", "and the other one?", True),
        ("what was her first prize", "¿y la otra?", True),
        ("which prize came first", "what about the others?", True),
        ("which prize came first", "and the other prize?", True),  # a noun of the previous question
        ("which prize came first", "and the other coach?", False),  # a noun of its own
        ("which prize came first", "who was the other runner in it?", False),
    ],
)
def test_the_other_one_asks_for_the_rest_of_a_series(previous: str, question: str, other: bool) -> None:
    assert the_other(fold(previous), fold(question)) is other


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["cuál fue su primera medalla olímpica"], "¿y la otra?", "beijing-silver"),
        (["what did he win in atlanta"], "and the other one?", "beijing-silver"),
    ],
)
def test_the_other_one_is_the_other_item_of_the_pair(context: list[str], question: str, fact_id: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.ANSWERED and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (["who coached him"], "what did he say about him?"),  # his only quotes are about retiring
        (["when did he win olympic gold"], "what did he say about it?"),  # no fact quotes him on it
    ],
)
def test_words_said_on_another_occasion_do_not_answer(context: list[str], question: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is not Status.ANSWERED


def test_the_other_ones_of_an_item_no_series_of_its_kind_lists_are_declined() -> None:
    # His junior title is in no list of junior titles: the Olympics, dated that year too, are no "other ones".
    # ("his first world title" alone reads as the senior 2003 one, as every question set takes it.)
    result, _ = ask_in_context(shipped_engine(), "and the other ones?", ["what was his first world junior title"])
    assert result.status is not Status.ANSWERED


def test_what_happened_in_a_year_is_that_year_s_fact_and_a_step_moves_from_it() -> None:
    # The 1992 fact recalls the 1990 bronze; "what happened at the 1990 world juniors" is 1990's.
    engine = shipped_engine()
    first, _ = ask_in_context(engine, "what happened at the 1990 world juniors?")
    assert first.fact.id == "junior-bronze"
    then, _ = ask_in_context(engine, "and two years after that?", ["what happened at the 1990 world juniors?"])
    assert then.fact.id == "junior-gold"


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("is he still coaching?", False),  # the coach's fact is told as of then
        ("is that coach still alive?", False),
        ("is he still competing?", True),  # his retirement says he is not
    ],
)
def test_whether_something_still_goes_on_needs_a_fact_saying_still_or_its_end(question: str, answered: bool) -> None:
    result, _ = ask_in_context(shipped_engine(), question, ["who coached perez as a kid?"])
    assert (result.status is Status.ANSWERED) is answered


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (["how did perez do in athens"], "who got the bronze there?"),
        (["what was perez's last race?"], "who won it?"),
        (["Who beat Pérez in Beijing?"], "did they ever actually give him the gold?"),
    ],
)
def test_a_near_miss_asked_as_a_follow_up_is_declined(context: list[str], question: str) -> None:
    # The conversation alone finds the last answer's fact (or a sibling); the model, reading both
    # questions, is sure no fact holds what this one asks.
    engine = shipped_engine()
    model, engine.matcher.ngram_model = engine.matcher.ngram_model, None
    try:
        assert ask_in_context(engine, question, context)[0].status is Status.ANSWERED
    finally:
        engine.matcher.ngram_model = model
    assert ask_in_context(engine, question, context)[0].status is Status.UNKNOWN


def test_a_short_follow_up_pointing_at_the_fact_is_not_vetoed() -> None:
    # Both questions together read like a near miss ("who won … 1996 … his time"), but "and his
    # time?" alone points at the race time: the model may veto only what neither reading holds.
    context = ["Who won the men's 20 km walk at the 1996 Olympics?"]
    result, _ = ask_in_context(shipped_engine(), "and his time?", context)
    assert result.status is Status.ANSWERED and result.fact is not None and result.fact.id == "atlanta-time"
