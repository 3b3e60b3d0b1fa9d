"""What a reply says to a claim, a yes/no check, a comparison, an arithmetic question and a
follow-up, English and Spanish, table-driven. Each case exercises a mechanism (a claimed value as a
slot, a bare statement as a claim, two topics, a value worked out from two facts, the previous
answer asked again); the eval sets measure the wordings at large."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.results import Status
from bot.evaluation import ask_in_context
from tests.coredata import SECOND_OPINION_MISS, shipped_engine


def ask(question: str, lang: str | None = None):
    return shipped_engine().matcher.match(question, lang=lang)


def body(question: str, lang: str | None = None) -> str:
    engine: Engine = shipped_engine()
    return engine.ask(question, lang=lang)[1].body


@pytest.mark.parametrize(
    ("question", "fact_id", "verdict"),
    [
        # claims confirmed: the fact holds the claimed value
        ("he was 22 when he won in atlanta", "atlanta-age", "yes"),
        ("so he went to five olympics", "five-olympics", "yes"),
        ("su entrenador fue Luis Chocho", "coach", "yes"),
        ("creo que tenía 22 años cuando ganó en atlanta", "atlanta-age", "yes"),
        # claims corrected: the claimed value sinks neither the topic nor the answer
        ("perez retired in 2012 after london", "retirement-date", "no"),  # one unknown detail rides along
        ("So he was 25 when he won in 96?", "atlanta-age", "no"),
        ("the pilgrimage across ecuador was like 200 km", "pilgrimage", "no"),
        ("pérez only went to 3 olympics", "five-olympics", "no"),  # "only" stresses, does not compare
        ("his coach was Bernardo Segura wasn't it", "coach", "no"),  # the person is the value, not the subject
        ("he did 1:18 flat in Atlanta, that's what I remember", "atlanta-time", "no"),
        ("se retiró en 2012 después de londres no?", "retirement-date", "no"),
        ("was he colombian?", "hometown", "no"),  # a nationality asked with its subject after the verb
        ("Is it true he's Colombian?", "hometown", "no"),  # …or with the verb contracted
        ("was he ecuadorian", "hometown", "yes"),
        ("el jefferson fue a 3 olimpiadas", "five-olympics", "no"),
        # the medals fact says it too ("the 1996 gold was the first Ecuador ever won"), and it holds
        # the count the ordinal is checked against: either fact corrects it; the medals fact leads
        ("his atlanta win was ecuador's second olympic medal ever", "olympic-medals", "no"),
        ("he hung it up in 2012 after london", "retirement-date", "no"),
        ("the atlanta stadium was half empty, maybe 30k people", "atlanta-crowd", "no"),  # everyday unknown words
        ("the pilgrimage went up to 6000 meters", "pilgrimage", "no"),  # "went" is no topic
        ("that pilgrimage was like a 1000 km walk", "pilgrimage", "no"),
        # yes/no: yes
        ("was he at five olympics", "five-olympics", "yes"),
        ("Was Borchin Russian?", "borchin-ban", "yes"),  # two facts tie, each states both: either says yes
        ("¿Borchin era ruso?", "borchin-ban", "yes"),  # never "No" from a fact that names Russia's Markov
        ("Borchin was Mexican right?", "borchin-ban", "no"),  # two facts tie, each states Russia: either corrects
        ("¿Borchin era mexicano?", "borchin-ban", "no"),
        ("¿fue a cinco juegos olímpicos?", "five-olympics", "yes"),
        # yes/no: no
        ("Did he compete at the 2012 Olympics?", "five-olympics", "no"),  # outside the series 1992–2008
        ("¿compitió en los juegos de 2012?", "five-olympics", "no"),
        ("was he at three olympics", "five-olympics", "no"),  # checked against the fact, not its phrasings
        ("Did he win the last race of his career?", "retirement-announcement", "no"),  # of close facts, the placed one
        # "N times" counts occurrences: no clock time is asked
        ("so he won the world title three times running?", "world-titles", "yes"),
        ("me dijeron que fue campeón mundial dos veces seguidas", "world-titles", "no"),
    ],
)
def test_claims_and_checks_are_confirmed_or_corrected(question: str, fact_id: str, verdict: str) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED, result
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("was his last race at the beijing olympics?", "no"),  # the last of his Games was no last race
        ("¿su última carrera fue en pekín?", "no"),
        ("was his final competition in murcia?", "yes"),
        ("was his last race in 2008?", "yes"),
    ],
)
def test_whether_a_race_was_his_last_is_settled_by_the_fact_of_his_last_race(question: str, verdict: str) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == "retirement-announcement"
    assert result.verdict == verdict


def test_a_last_race_compared_with_another_is_no_check_of_which_was_last() -> None:
    assert ask("in his last race did he do better or worse than in beijing?").verdict != "no"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("so he was chilean, right?", "hometown"),  # a nationality no fact names, said of him
        ("perez is brazilian, isn't he?", "hometown"),
        ("¿jefferson era boliviano?", "hometown"),
        ("el era costarricense, ¿verdad?", "hometown"),
        ("markov was canadian wasn't he", "atlanta-rivals"),  # said of a named rival: the fact naming him
        ("borchin era colombiano, ¿no?", "borchin-ban"),  # said of the other rival: the fact naming him
    ],
)
def test_a_nationality_no_fact_names_is_corrected_by_the_nation_the_fact_holds(question: str, fact_id: str) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED, result
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict == "no"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("his olympic win was in the 10k walk, no?", "atlanta-gold"),  # "olympic" + "win" name one event together
        ("i read he walked 900 km through ecuador", "pilgrimage"),  # words of the topic, together: the pilgrimage
        ("me contaron que caminó unos 800 km por ecuador", "pilgrimage"),
    ],
)
def test_common_words_that_together_name_one_event_let_its_value_be_checked(question: str, fact_id: str) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED, result
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict == "no"


@pytest.mark.parametrize(
    "question",
    [
        "has perez ever raced the 35 km walk at an olympics",  # whether it ever happened: one event cannot say never
        "did he ever win the 10 km walk at the olympics?",
    ],
)
def test_whether_a_value_ever_happened_is_not_corrected_by_one_event(question: str) -> None:
    result = ask(question)
    assert result.status is not Status.ANSWERED or result.verdict != "no", result


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("so his atlanta time was about 90 minutes?", "no"),  # a number with minutes is a time claimed
        ("in atlanta he clocked roughly 1 hour 30?", "no"),
        ("he walked atlanta in less than 1 hour 30, right?", "yes"),  # compared: the arithmetic of measures settles it
    ],
)
def test_a_number_said_with_hours_or_minutes_is_a_time_checked_against_the_facts_time(
    question: str, verdict: str
) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED, result
    assert result.fact is not None and result.fact.id == "atlanta-time"
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("markov was mexican right?", "no"),  # "Markov of Russia and Segura of Mexico"
        ("¿markov era mexicano?", "no"),
        ("segura was mexican, wasn't he", "yes"),
        ("was markov russian?", "yes"),
    ],
)
def test_a_nation_the_fact_ties_to_someone_else_does_not_confirm_a_claim(question: str, verdict: str) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED, result
    assert result.fact is not None and result.fact.id == "atlanta-rivals"
    assert result.verdict == verdict


@pytest.mark.parametrize(
    "question",
    [
        "jefferson was mexican, right?",
        "is he mexican",
        "¿era él mexicano?",
        "did he represent mexico?",  # the country he stood for
        "tengo entendido que jefferson representaba a méxico, ¿cierto?",
        pytest.param("did perez compete for mexico?", marks=SECOND_OPINION_MISS),
    ],
)
def test_a_rival_s_nation_claimed_of_him_is_corrected_by_his_own_country(question: str) -> None:
    # The rivals fact's Mexico is Segura's: the fact telling his own country answers the "No".
    result = ask(question)
    assert result.fact is not None and result.fact.id == "hometown"
    assert result.verdict == "no"


@pytest.mark.parametrize(
    "question",
    [
        "he was vegetarian, right?",  # a creed shares the ending: no nation claimed
        "he was christian, wasn't he?",
        "he was obese, right?",
        "el era campesino, ¿no?",  # Spanish names a trade with no article: -ino is no demonym ending here
        "jefferson era cristiano, ¿verdad?",
        "he was a librarian before he walked?",  # an article: a trade, not a nationality
        "he was a musician right?",
        "so he was a comedian too?",
    ],
)
def test_a_trade_or_creed_is_no_nationality_claimed(question: str) -> None:
    result = ask(question)
    assert result.status is not Status.ANSWERED or result.verdict != "no", result


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("in seoul he took bronze, right?", "junior-gold"),  # "took": a light verb carrying the medal
        ("at the 1992 junior worlds he took silver?", "junior-gold"),
        ("he gave a time of 1:25 in atlanta, yeah?", "atlanta-time"),  # "gave" carries the time
    ],
)
def test_a_light_verb_no_fact_uses_does_not_sink_a_claimed_value(question: str, fact_id: str) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED, result
    # The event's own fact corrects it; the event that holds the medal claimed (his 1990 bronze)
    # may go first, as for "gold in Sydney?".
    assert fact_id in [c.fact.id for c in result.answers]
    assert result.verdict == "no"


@pytest.mark.parametrize(
    "question",
    [
        "he carried ecuador's flag in atlanta, right?",  # "carried" is no light verb: a claim no fact holds
        "he took gold at the commonwealth games in 1994, right?",  # an event no fact knows, in another year
        "ganó el oro en los juegos bolivarianos de 1993",
        "did he take gold at the 1999 pan american games?",  # games named by words no fact knows
        "did he walk the 50 km at any olympics?",  # one event's distance cannot say never
        # The topic is clear; London is nothing the article can check.
        pytest.param("he won gold in london", marks=SECOND_OPINION_MISS),
        "pretty sure he carried ecuador's flag at the opening ceremony in 96",  # mostly unknown words
        "i heard borchin's gold was officially handed over to perez in 2016",  # the fact tells two years
        "Creo que Pérez ganó en Seúl en los Juegos Olímpicos de 1988",  # not the Atlanta event: two anchors differ
    ],
)
def test_a_claim_the_article_cannot_check_is_not_confirmed(question: str) -> None:
    result = ask(question)
    assert result.verdict != "yes"
    assert result.status is not Status.ANSWERED or result.fact is None or result.fact.id != "atlanta-gold"


@pytest.mark.parametrize(
    ("question", "lang", "start"),
    [
        ("perez retired in 2012 after london", "en", "No —"),
        ("se retiró en 2012 después de londres no?", "es", "No —"),
        ("was he at five olympics", "en", "Yes —"),
        ("¿fue a cinco juegos olímpicos?", "es", "Sí —"),
    ],
)
def test_the_reply_opens_with_its_yes_or_no_in_the_question_language(question: str, lang: str, start: str) -> None:
    assert body(question, lang).startswith(start)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("he never won a gold medal at the olympics, right?", "atlanta-gold"),
        ("he never went to the sydney olympics, right?", "sydney-athens"),
        ("nunca ganó el oro olímpico, ¿verdad?", "atlanta-gold"),
        ("no se retiró en 2008, ¿cierto?", "retirement-date"),
    ],
)
def test_a_denied_claim_is_checked_by_its_fact_and_answered_without_an_ambiguous_yes_or_no(
    question: str, fact_id: str
) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict not in ("yes", "no")
    assert not body(question).startswith(("Yes", "No", "Sí", "No —"))


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("he grew up in guayaquil, right?", "hometown"),
        ("he won the world junior title in helsinki", "junior-gold"),
        ("ganó el mundial júnior en tokio, ¿no?", "junior-gold"),
        # answered by its words alone, the fact still corrects the place claimed
        ("a blog says he told the press he was retiring in lisbon", "retirement-announcement"),
        ("me dijeron que la peregrinación salió de Loja", "pilgrimage"),
    ],
)
def test_a_place_no_fact_knows_claimed_after_in_or_from_is_corrected_by_the_facts_place(
    question: str, fact_id: str
) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict == "no"


@pytest.mark.parametrize(
    "question",
    [
        "he was 4th in atens, right?",  # a known name misspelt is that name, not another place
        "he was in trouble for doping, right?",  # an everyday word after "in" is no place
    ],
)
def test_a_misspelt_name_or_an_everyday_word_is_not_a_claimed_place(question: str) -> None:
    assert ask(question).verdict != "no"


@pytest.mark.parametrize(
    ("question", "fact_id", "verdict"),
    [
        ("was atlanta his first olympics?", "five-olympics", "no"),  # 1992 was
        ("beijing was his last olympics, right?", "five-olympics", "yes"),
        ("¿fue pekín su último juego olímpico?", "five-olympics", "yes"),
        ("was 2003 his first world title?", "world-titles", "yes"),
        ("was 2005 his last world title?", "world-titles", "no"),  # 2007 was
    ],
)
def test_whether_an_event_was_the_first_or_last_of_its_kind_is_settled_by_the_series(
    question: str, fact_id: str, verdict: str
) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("question", "fact_ids", "verdict"),
    [
        ("did he get a medal at both the 1996 and the 2008 games?", ["atlanta-gold", "beijing-silver"], "yes"),
        ("did he win gold in both atlanta and beijing?", ["atlanta-gold", "beijing-silver"], "no"),  # silver
        ("¿ganó medalla en atlanta y en pekín?", ["atlanta-gold", "beijing-silver"], "yes"),
        ("was he fourth in both sydney and athens?", ["sydney-athens"], "yes"),  # one fact holds both
    ],
)
def test_a_check_naming_two_events_is_checked_at_each(question: str, fact_ids: list[str], verdict: str) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == fact_ids
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"), [("did he win a medal in beijing?", "yes"), ("did he win in beijing?", "no")]
)
def test_winning_a_medal_is_not_winning_the_race(question: str, verdict: str) -> None:
    assert ask(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("did he retire in 2008 or 2009?", "retirement-date"),
        ("was he 22 or 23 when he won in atlanta?", "atlanta-age"),
        pytest.param("did he take silver or bronze in beijing?", "beijing-silver", marks=SECOND_OPINION_MISS),
        ("¿en qué año se retiró, 2008 o 2009? tengo una apuesta con mi primo", "retirement-date"),
    ],
)
def test_a_choice_between_values_is_answered_by_the_fact_holding_one_with_no_yes_or_no(
    question: str, fact_id: str
) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED and result.fact is not None and result.fact.id == fact_id
    assert result.verdict not in ("yes", "no")


@pytest.mark.parametrize(
    ("question", "fact_id", "verdict"),
    [
        ("borchin got a ban of a full decade, right?", "borchin-ban", "no"),  # eight years
        ("how long was borchin's ban, ten years?", "borchin-ban", ""),  # asks how long: the fact, no yes or no
        ("was borchin's suspension longer than five years?", "borchin-ban", "yes"),
        ("his career lasted two decades, right?", "career-length", "yes"),
    ],
)
def test_an_amount_of_years_claimed_is_checked_against_the_length_the_fact_states(
    question: str, fact_id: str, verdict: str
) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict == verdict


def test_a_gap_asked_more_or_less_is_answered_without_a_yes_or_no() -> None:
    result = ask("did borchin beat him by more or less than half a minute in beijing?")
    assert result.fact is not None and result.fact.id == "beijing-silver"
    assert result.verdict not in ("yes", "no")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("borchin beat him by like half a minute in beijing", "no"),
        ("he lost the beijing final by 14 seconds, right?", "yes"),
        ("was he more than 10 seconds behind the winner in beijing?", "yes"),
        ("he was less than ten seconds behind borchin, right?", "no"),
        ("perdió por un minuto entero en pekín, ¿no?", "no"),
    ],
)
def test_a_gap_claimed_in_seconds_or_minutes_is_checked_against_the_gap_the_fact_states(
    question: str, verdict: str
) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == "beijing-silver"
    assert result.verdict == verdict


@pytest.mark.parametrize(
    "question",
    ["he retired because he got injured, right?", "he didn't stop competing because he was bored, did he?"],
)
def test_a_reason_claimed_is_checked_against_the_fact_that_gives_the_reason(question: str) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == "retirement-reason"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("he retired after 2012, didn't he", "no"),
        ("he won his olympic gold before 1995, right?", "no"),
        ("he won olympic gold after 1990, right?", "yes"),
        ("se retiró después de 2012, ¿no?", "no"),
    ],
)
def test_a_year_claimed_before_or_after_is_settled_by_the_facts_year(question: str, verdict: str) -> None:
    assert ask(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("didn't he retire in 2012?", "No —"),  # a negative question: "no" reads as the fact's answer
        ("se retiró en 2008, ¿no?", "Sí —"),  # a closing "¿no?" is a tag, not a denial
    ],
)
def test_a_negative_question_or_a_tag_keeps_its_yes_or_no(question: str, start: str) -> None:
    assert body(question).startswith(start)


@pytest.mark.parametrize(
    ("question", "fact_ids"),
    [
        ("Which was his better Olympics, 1996 or 2008?", ["atlanta-gold", "beijing-silver"]),
        ("¿Qué medalla olímpica fue mejor, la de 1996 o la de 2008?", ["atlanta-gold", "beijing-silver"]),
        ("compare his 1996 and 2008 olympic results", ["atlanta-gold", "beijing-silver"]),
        ("Which was longer, the pilgrimage or the Olympic race?", ["pilgrimage", "atlanta-gold"]),
        ("which was longer, his career or the pilgrimage?", ["career-length", "pilgrimage"]),
        ("Did he retire before the Beijing Olympics?", ["retirement-date", "beijing-silver"]),
        ("how does his beijing result compare with his atlanta one", ["beijing-silver", "atlanta-gold"]),
        # the junior race is either junior fact: both state 10 km, so either settles "longer"
        (
            "which was longer, the races he did as a kid at first or the world junior race?",
            ["first-distances", "junior-gold"],
        ),
        ("¿le fue mejor en sídney o en pekín?", ["sydney-athens", "beijing-silver"]),
        # results compared: a place alone names its event's own fact, not one about it (his age there)
        ("where did he do better, atlanta or beijing?", ["atlanta-gold", "beijing-silver"]),
        # "his third world title": one of the series the world-titles fact lists
        ("which came earlier, his second world title or his 4th place in sydney?", ["world-titles", "sydney-athens"]),
        # Spanish compares with "más" and the adjective, which names what is compared, not a topic
        ("¿qué era más corto, el mundial júnior o la prueba olímpica?", ["junior-gold", "atlanta-gold"]),
        ("¿qué Juegos le salieron mejor, los de Pekín o los de Atlanta?", ["beijing-silver", "atlanta-gold"]),
        # results of two events are settled by a fact each ("placed higher": a placing, not a height)
        (
            "did he place higher in the murcia final or at the sydney games?",
            ["retirement-announcement", "sydney-athens"],
        ),
        (
            "How did his finish at the Murcia final compare with his Beijing result?",
            ["retirement-announcement", "beijing-silver"],
        ),
        # a distance asked of two events set side by side: each side's fact stating one (either
        # junior fact says 10 km)
        ("what distance did he walk at the world juniors compared to the olympics?", ["junior-bronze", "atlanta-gold"]),
        ("¿qué distancia marchó en el mundial juvenil frente a los olímpicos?", ["junior-bronze", "atlanta-gold"]),
    ],
)
def test_a_question_about_two_things_gets_both_facts_the_first_asked_first(question: str, fact_ids: list[str]) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED
    assert [f.id for f in result.facts] == fact_ids


@pytest.mark.parametrize(
    ("question", "fact_ids"),
    [
        # the claimed medal was won at another event of the same kind: that event first, then the one named
        ("i always thought his olympic gold was in athens", ["atlanta-gold", "sydney-athens"]),
        ("he won silver in atlanta, didn't he?", ["beijing-silver", "atlanta-gold"]),
        ("creo que el oro olímpico lo ganó en 2008", ["atlanta-gold", "beijing-silver"]),
        ("me dijeron que la plata la ganó en Atlanta", ["beijing-silver", "atlanta-gold"]),
        # no medal of that colour at an event of that kind: the named event's fact alone corrects it
        ("did he get bronze in athens?", ["sydney-athens"]),
        ("¿ganó la plata en el mundial júnior de 1990?", ["junior-bronze"]),
    ],
)
def test_a_medal_claimed_at_the_wrong_event_is_corrected_by_where_he_won_it(question: str, fact_ids: list[str]) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED
    assert result.verdict == "no"
    assert [f.id for f in result.facts] == fact_ids


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("was the junior bronze before the junior gold?", "yes"),
        ("was the junior gold before the junior bronze?", "no"),
        ("¿fue el bronce júnior antes que el oro júnior?", "yes"),
        ("did he retire after the pilgrimage?", None),  # both 2008, and the pilgrimage has no day: unsettled
        ("pretty sure he quit before Beijing", None),  # Beijing is the Games, not the ban reported in 2015
    ],
)
def test_an_order_check_is_settled_by_the_two_dates(question: str, verdict: str | None) -> None:
    assert ask(question).verdict in ((verdict,) if verdict else (None, ""))


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("was the junior gold before or after his olympic gold?", "Before: 1992 came first, then 1996"),
        ("were his world titles before or after his beijing silver?", "Before: 2003–2007 came first, then 2008"),
        ("was the reuters report on borchin before or after he retired?", "After: 2008 came first, then 2015"),
    ],
)
def test_before_or_after_is_answered_with_the_order_of_the_two_facts_years(question: str, start: str) -> None:
    assert ask(question).derived.startswith(start)


@pytest.mark.parametrize(
    "question",
    ["which came first, his junior gold or his olympic gold?", "¿qué vino primero, el oro júnior o el oro olímpico?"],
)
def test_which_came_first_is_answered_with_the_order_of_the_two_facts_years(question: str) -> None:
    assert "1992" in ask(question).derived  # worked out from the two dates, the earlier named first


def test_before_or_after_is_told_in_spanish() -> None:
    result = ask("¿el bronce júnior fue antes o después del oro júnior?")  # "después" asks the order here
    assert result.derived.startswith("Antes: primero 1990 y luego 1992")


@pytest.mark.parametrize(
    ("question", "lang", "start"),
    [
        ("how old was he at the beijing olympics?", "es", "Unos 34 años"),
        ("how many years between his first world title and his last?", "es", "Entre uno y otro pasaron 4 años"),
        ("¿qué edad tenía en pekín 2008?", "en", "About 34"),
    ],
)
def test_a_worked_out_value_is_worded_in_the_reply_language_asked_for(question: str, lang: str, start: str) -> None:
    assert body(question, lang).startswith(start)  # no English in a Spanish reply, nor the reverse


def test_before_or_after_is_not_told_when_one_series_straddles_the_other() -> None:
    assert not ask("were his five olympics before or after his olympic gold?").derived


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("did he win more world titles than olympic medals?", "3 is more than 2"),
        ("¿ganó más títulos mundiales que medallas olímpicas?", "3 es más que 2"),
    ],
)
def test_more_or_fewer_between_two_facts_compares_the_one_count_each_states(question: str, start: str) -> None:
    assert ask(question).derived.startswith(start)


def test_two_people_one_fact_names_but_does_not_rank_get_no_answer() -> None:
    assert ask("who was faster in the atlanta final, markov or segura?").status is not Status.ANSWERED


@pytest.mark.parametrize(
    "question",
    ["How much faster was he in Beijing than in Atlanta?", "who was faster, perez in atlanta or borchin in beijing?"],
)
def test_a_measure_compared_between_two_events_is_not_settled_by_their_results(question: str) -> None:
    assert len(ask(question).answers) < 2  # a place alone names the event's result, not its time


@pytest.mark.parametrize(
    "question",
    [
        "was he quicker at the atlanta games or at the beijing games?",  # only Atlanta's time is stated
        "¿marchó más rápido en Pekín que en Atlanta o no?",
        "¿en cuál fue más lento, en atlanta o en pekín?",
        "¿tardó más en sídney o en atlanta?",
        "who's taller, him or markov?",  # no fact holds a height
        "¿quién era más alto, Segura o Markov?",
        "who was the younger olympic champion, borchin or pérez?",  # no fact gives Borchin's age
        "is cuenca higher up than quito?",  # no fact gives either city's height
        "who has won more world titles, pérez or segura?",  # a count no fact gives for Segura
        "¿quién tuvo más títulos mundiales, Pérez o Markov?",
        "were there more fans in the stadium in atlanta or in athens?",  # a crowd only Atlanta's fact counts
        "were his junior race times faster than his olympic time?",  # no junior time is stated
        "¿quién era más joven cuando ganó su oro, Borchin o Pérez?",
    ],
)
def test_a_comparison_the_facts_cannot_settle_is_declined_offering_each_sides_fact(question: str) -> None:
    result = ask(question)
    assert result.status is not Status.ANSWERED
    assert not result.answers


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("how long did his olympic win take him, like 1:30?", "atlanta-time"),
        ("¿cuántos años tenía al ganar en Atlanta, unos 30?", "atlanta-age"),
    ],
)
def test_a_question_offering_a_guess_of_the_value_it_asks_is_answered_by_the_value(question: str, fact_id: str) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED
    assert result.facts[0].id == fact_id


@pytest.mark.parametrize(
    "question",
    [
        "athens or sydney, which went better for him?",
        pytest.param("¿le salió mejor 2000 o 2004?", marks=SECOND_OPINION_MISS),
    ],
)
def test_two_events_one_fact_states_both_are_compared_by_that_fact(question: str) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED
    assert [f.id for f in result.facts] == ["sydney-athens"]


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("who was quicker in beijing, borchin or him?", "beijing-silver"),  # the gap settles it
        ("who was younger at the 1996 games, pérez or markov?", "atlanta-rivals"),  # the youngest of the three
    ],
)
def test_two_people_compared_in_one_race_are_not_declined_the_fact_naming_both_answers(
    question: str, fact_id: str
) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED
    assert fact_id in [f.id for f in result.facts]


@pytest.mark.parametrize(
    ("question", "lang", "derived", "fact_ids"),
    [
        (
            "how many years between his olympic gold and his olympic silver",
            "en",
            "12 years",
            ["atlanta-gold", "beijing-silver"],
        ),
        ("how long after his gold did he win silver", "en", "12 years", ["atlanta-gold", "beijing-silver"]),
        (
            "how many years between his junior bronze and his olympic gold?",
            "en",
            "6 years",
            ["junior-bronze", "atlanta-gold"],
        ),
        (
            "how many years between his olympic gold and his last world title?",
            "en",
            "11 years",
            ["atlanta-gold", "world-titles"],
        ),
        ("cuántos años entre su oro olímpico y su plata olímpica", "es", "12 años", ["atlanta-gold", "beijing-silver"]),
        (
            "roughly how many times longer was the pilgrimage than the olympic race he won",
            "en",
            "22.9 times",
            ["pilgrimage", "atlanta-gold"],
        ),
        (
            "how many times longer is the olympic walk he won than the races he started in as a kid",
            "en",
            "4 times",
            ["atlanta-gold", "first-distances"],
        ),
        # by how much: the difference of the two distances the facts state
        ("how much further did he walk on the pilgrimage than in the olympic race?", "en", "439 km more", None),
        ("¿por cuántos km fue más larga la peregrinación que la prueba olímpica que ganó?", "es", "439 km más", None),
    ],
)
def test_arithmetic_is_worked_out_from_the_facts_and_marked_as_derived(
    question: str, lang: str, derived: str, fact_ids: list[str] | None
) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED
    assert [f.id for f in result.facts] == (fact_ids or ["pilgrimage", "atlanta-gold"])
    assert derived in result.derived
    assert ("worked out" if lang == "en" else "calculado") in result.derived
    assert body(question).startswith(result.derived)


@pytest.mark.parametrize(
    "question",
    [
        "how many years after his first junior worlds did he retire",  # "first" may be an event only mentioned
        "how many times higher was the pilgrimage than atlanta?",  # a height: no fact's length settles it
        # a side given as 10 km that its fact (his first 5 km races) does not state: no sum of the wrong one
        "which is longer, the 10-km junior race or his pilgrimage, and by how many km?",
        "how many miles a day did he walk on the pilgrimage?",  # a rate over days it never counts
    ],
)
def test_arithmetic_the_facts_cannot_settle_is_not_worked_out(question: str) -> None:
    assert ask(question).derived == ""


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["what happened to borchin later?"], "for how long?", "borchin-ban"),
        (["where was the pilgrimage"], "how far was it?", "pilgrimage"),
        (["what did he win in 2003"], "and the last one?", "world-titles"),
        (["¿qué ganó en 2003?"], "¿y el último?", "world-titles"),
        (["what did he win in 1996"], "where?", "atlanta-gold"),
        (["¿qué ganó en 1996?"], "¿dónde?", "atlanta-gold"),
    ],
)
def test_a_follow_up_asking_only_what_the_last_answer_holds_gets_it(
    context: list[str], question: str, fact_id: str
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.ANSWERED
    assert result.fact is not None and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("context", "question", "previous"),
    [
        (["when did he win olympic gold"], "how old was he?", "atlanta-gold"),  # an age is not any number
        (["when did he retire?"], "where?", "retirement-date"),  # the retirement fact names no place
    ],
)
def test_a_follow_up_asking_what_the_last_answer_lacks_is_not_bent_to_it(
    context: list[str], question: str, previous: str
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.fact is None or result.fact.id != previous


@pytest.mark.parametrize(
    ("question", "age", "fact_id"),
    [
        ("how old was pérez at the beijing games", "About 34", "beijing-silver"),
        ("how old was he when he won bronze at the 1990 junior worlds", "About 16", "junior-bronze"),
        ("¿qué edad tenía en pekín 2008?", "Unos 34 años", "beijing-silver"),
    ],
)
def test_his_age_at_another_event_is_worked_out_from_the_one_fact_that_states_it(
    question: str, age: str, fact_id: str
) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == [fact_id, "atlanta-age"]
    assert result.derived.startswith(age)


@pytest.mark.parametrize(
    ("context", "question"),
    [
        ([], "how old was he when he retired?"),
        ([], "¿cuántos años tenía cuando se retiró?"),
        ([], "how old was he when he announced his retirement in murcia?"),
        ([], "how old was he when he retired, and how many grandkids does he have?"),
        (["how old was perez when he won in atlanta?"], "and how old was he when he retired?"),
    ],
)
def test_his_age_on_a_day_the_article_dates_is_declined(context: list[str], question: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is Status.UNKNOWN


def test_his_age_on_a_day_asked_roughly_is_worked_out() -> None:
    result = ask("roughly how old was jefferson when he retired?")
    assert result.derived.startswith("About 34")


@pytest.mark.parametrize(
    ("question", "age", "fact_id"),
    [
        ("judging by his age in atlanta, how old was he at the beijing games", "About 34", "beijing-silver"),
        ("from how old he was in atlanta, work out his age at the seoul junior worlds", "About 18", "junior-gold"),
        ("based on his age in atlanta, how old was he at his last world title", "About 33", "world-titles"),
        ("por la edad que tenía en atlanta, ¿qué edad tenía en pekín?", "Unos 34 años", "beijing-silver"),
    ],
)
def test_the_age_facts_own_event_named_as_the_basis_does_not_hide_the_event_asked(
    question: str, age: str, fact_id: str
) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == [fact_id, "atlanta-age"]
    assert result.derived.startswith(age)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("going by how old he was at the atlanta games, what year was he born?", "en"),
        ("he was 22 in 96, so roughly when was he born", "en"),
        ("por la edad que tenía en atlanta, ¿en qué año nació?", "es"),
    ],
)
def test_a_birth_year_asked_from_his_age_is_worked_out_as_one_of_two_years(question: str, lang: str) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == ["atlanta-age"]
    assert result.derived.startswith("1973 o 1974" if lang == "es" else "1973 or 1974")
    assert ("worked out" if lang == "en" else "calculado") in result.derived


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("how many of his olympic games did he leave without a medal?", "3 of the 5"),
        ("at how many olympics did he not medal", "3 of the 5"),
        ("¿en cuántos juegos olímpicos se quedó sin medalla?", "3 de 5"),
    ],
)
def test_a_count_of_events_without_something_is_the_count_less_those_another_fact_lists_with_it(
    question: str, start: str
) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == ["five-olympics", "olympic-medals"]
    assert result.derived.startswith(start)


@pytest.mark.parametrize(
    ("question", "start", "verdict"),
    [
        ("which olympics did he not medal at?", "1992, 2000 and 2004", None),
        ("wich olimpics did perez not medal at", "1992, 2000 and 2004", None),
        ("¿En qué Juegos Olímpicos no ganó medalla?", "1992, 2000 y 2004", None),
        ("did he medal at all three of his olympics after atlanta?", "not in 2000 and 2004", "no"),
        ("¿Ganó medalla en todos sus Juegos Olímpicos?", "en 1992, 2000 y 2004 no", "no"),
    ],
)
def test_the_games_without_a_medal_are_the_series_less_those_with_one(
    question: str, start: str, verdict: str | None
) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == ["sydney-athens", "five-olympics", "olympic-medals"]
    assert result.derived.startswith(start)
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("question", "start", "fact_ids"),
    [
        (
            "how many olympic games did he compete in after winning gold?",
            "3 (2000, 2004 and 2008)",
            ["sydney-athens", "beijing-silver", "five-olympics"],
        ),
        (
            "between the atlanta gold and the beijing silver, how many olympics did he go to?",
            "2 (2000 and 2004)",
            ["sydney-athens", "five-olympics"],
        ),
        ("how many olympics did he go to before atlanta?", "1 (1992)", ["five-olympics"]),
        ("¿cuántos Juegos Olímpicos disputó después de Atlanta?", "3 (2000, 2004 y 2008)", None),
    ],
)
def test_his_games_counted_within_bounds_are_worked_out(question: str, start: str, fact_ids: list[str] | None) -> None:
    result = ask(question)
    assert result.derived.startswith(start)
    assert fact_ids is None or [f.id for f in result.facts] == fact_ids


@pytest.mark.parametrize(
    "question",
    [
        "how many olympics did he compete in?",  # no bounds: the fact counts them
        "how many olympic games did his career take in between 1992 and 2008?",  # all of them
        "how many olympic medals did he win after 2000?",  # medals counted, not Games
    ],
)
def test_his_games_are_not_counted_anew_without_bounds_inside_them(question: str) -> None:
    assert "one every four years" not in ask(question).derived


@pytest.mark.parametrize(
    "question",
    [
        "were all of his olympic medals won in the 20 km walk?",  # all his medals, not all his Games
        "is every olympic medal ecuador has his?",
        "which olympics did he win a medal at?",  # nothing denied
        "which world championships did he not win?",  # no fact counts his championships
    ],
)
def test_the_games_without_a_medal_are_not_worked_out_unless_asked(question: str) -> None:
    assert "one every four years" not in ask(question).derived


@pytest.mark.parametrize(
    "question",
    [
        "how many olympics did he compete in without winning gold?",  # a colour is not any medal
        "how many olympic medals did he win, not just golds?",  # "not just" adds
        "how many world championships did he finish without a medal?",  # no fact counts his championships
        "how many olympics did borchin compete in without a medal?",  # someone else's
    ],
)
def test_a_count_without_something_the_facts_cannot_settle_is_not_worked_out(question: str) -> None:
    assert not ask(question).derived


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("if borchin's suspension started in 2015, when would it be over?", "en"),
        ("si la sanción a borchin empezó en 2015, ¿en qué año termina?", "es"),
    ],
)
def test_the_end_of_a_length_of_time_is_counted_from_the_start_the_question_gives(question: str, lang: str) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == ["borchin-ban"]
    assert result.derived.startswith("En 2023" if lang == "es" else "In 2023")
    assert body(question).startswith(result.derived)


def test_the_end_of_a_length_of_time_is_not_worked_out_without_its_start() -> None:
    assert "2023" not in ask("when did borchin's ban end?").derived


@pytest.mark.parametrize(
    "question", ["when was he born?", "¿cuándo nació jefferson pérez?", "based on his age, when is his birthday?"]
)
def test_a_birth_date_asked_without_leaning_on_his_age_is_not_worked_out(question: str) -> None:
    assert ask(question).status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "age", "fact_id"),
    [
        ("how old was he at his last olympics?", "About 34", "five-olympics"),  # not Atlanta's 22
        ("how old was he at his first olympics?", "About 18", "five-olympics"),
        ("¿qué edad tenía en sus últimos juegos olímpicos?", "Unos 34 años", "five-olympics"),
    ],
)
def test_his_age_at_the_first_or_last_of_a_series_is_worked_out_from_the_series(
    question: str, age: str, fact_id: str
) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == [fact_id, "atlanta-age"]
    assert result.derived.startswith(age)


def test_the_first_win_of_a_kind_is_not_the_first_event_of_that_kind() -> None:
    assert not ask("how old was he at his first olympic win?").derived.startswith("About 18")


@pytest.mark.parametrize(
    "question",
    [
        "how old was he when he won the olympics",  # the age fact itself answers: nothing to work out
        "at exactly what age did he start race walking",  # the article gives no year for it
        "how old was luis chocho when he started coaching jefferson",  # someone else's age
    ],
)
def test_no_age_is_worked_out_without_a_dated_event_of_his(question: str) -> None:
    assert ask(question).derived == ""


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("how many years after beijing did reuters report that borchin got suspended", "7 years"),
        ("¿cuántos años después de pekín informó reuters de la suspensión de borchin?", "7 años"),
    ],
)
def test_a_span_within_one_fact_is_worked_out_from_its_two_years(question: str, years: str) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == ["borchin-ban"]
    assert years in result.derived
    assert body(question).startswith(result.derived)


@pytest.mark.parametrize(
    ("question", "fact_id", "years"),
    [
        ("how many years passed between his first world title and his last one", "world-titles", "4 years"),
        ("how many years separated his first world championship win from his final one", "world-titles", "4 years"),
        ("how many years were there between his first and last olympic medals", "olympic-medals", "12 years"),
        ("¿cuántos años pasaron entre su primer título mundial y el último?", "world-titles", "4 años"),
        # no end named, of a series of two: its two years are the ends
        ("how much time passed between his two olympic medals", "olympic-medals", "12 years"),
        ("how many years apart were his gold and his silver", "olympic-medals", "12 years"),
        ("¿cuántos años separan sus dos medallas olímpicas?", "olympic-medals", "12 años"),
        ("how many years between sydney and athens", "sydney-athens", "4 years"),
        # of a series of two, the second is the last
        ("how many years apart were his first and second olympic medals?", "olympic-medals", "12 years"),
        ("¿cuántos años entre su primera y su segunda medalla olímpica?", "olympic-medals", "12 años"),
    ],
)
def test_a_span_between_the_ends_of_a_series_is_worked_out_from_the_fact_listing_it(
    question: str, fact_id: str, years: str
) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == [fact_id]
    assert years in result.derived


def test_the_second_of_a_longer_series_is_no_end_of_it() -> None:
    assert not ask("how many years between his first and second olympics?").derived  # five Games


def test_a_span_within_a_longer_series_naming_no_ends_is_not_worked_out() -> None:
    result = ask("how many years between his olympics?")
    assert not result.derived  # five Games: which two is not said


def test_a_span_with_one_end_of_a_series_and_another_the_facts_lack_is_not_worked_out() -> None:
    result = ask("how many years between his birth and his first olympics?")
    assert not result.derived  # the five Games, 1992–2008, hold only one end


def test_a_span_from_first_to_last_of_something_no_fact_lists_is_not_worked_out() -> None:
    result = ask("how many years between his first race and his last race")
    assert result.status is not Status.ANSWERED or not result.derived


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["how did he do at the sydney olympics?"], "and the games after that one?", "sydney-athens"),  # Athens
        (["what did he win in atlanta?"], "what about the next olympics?", "sydney-athens"),
        (["how did he do in beijing?"], "and the olympics before that?", "sydney-athens"),
        (["what did he win in 2003?"], "and the next world championships?", "world-titles"),
        (["¿qué ganó en atlanta?"], "¿y en los juegos siguientes?", "sydney-athens"),
        (["how did he do in athens?"], "and the olympics after that?", "beijing-silver"),  # Athens is 2004
        (["¿cómo le fue en atenas?"], "¿y en los juegos siguientes?", "beijing-silver"),
    ],
)
def test_the_next_event_of_the_kind_named_is_the_nearest_of_that_kind_not_of_any(
    context: list[str], question: str, fact_id: str
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert [f.id for f in result.facts] == [fact_id]


def test_no_event_of_the_kind_named_on_that_side_is_declined() -> None:
    result, _ = ask_in_context(shipped_engine(), "and the olympics after that?", ["how did he do in beijing?"])
    assert result.status is not Status.ANSWERED  # Beijing was his last Olympics


def test_before_that_after_a_dated_answer_is_the_nearest_dated_fact_of_that_year() -> None:
    result, _ = ask_in_context(shipped_engine(), "how long before that did he announce it", ["when did he retire?"])
    assert result.fact is not None and result.fact.id == "retirement-announcement"


@pytest.mark.parametrize(
    ("context", "question", "years"),
    [
        (["when did perez retire"], "how many years after his olympic gold was that", "12 years"),
        (["¿cuándo se retiró?"], "¿cuántos años después de su oro olímpico fue eso?", "12 años"),
    ],
)
def test_a_span_follow_up_counts_from_the_previous_answer(context: list[str], question: str, years: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert [f.id for f in result.facts] == ["atlanta-gold", "retirement-date"]
    assert years in result.derived


def test_a_decline_offering_one_fact_is_what_a_follow_up_leans_on() -> None:
    engine = shipped_engine()
    asked = "what was the name of the cathedral the pilgrimage started from"  # its name is not given
    declined, _ = engine.ask(asked)
    assert declined.status is not Status.ANSWERED and len(declined.suggestions) == 1
    turn = engine.turn(declined)
    assert turn is not None and turn.fact_id == "pilgrimage"
    result, _ = ask_in_context(engine, "how far was it?", [asked])
    assert result.fact is not None and result.fact.id == "pilgrimage"


def test_a_decline_offering_several_facts_leaves_the_conversation_as_it_was() -> None:
    engine = shipped_engine()
    declined, _ = engine.ask("who were the other guys at the front in beijing")
    assert len(declined.suggestions) > 1
    assert engine.turn(declined) is None


@pytest.mark.parametrize(
    ("context", "question"),
    [
        (["who finished ahead of perez in beijing"], "what was his winning time?"),
        (["who won the 20 km walk in beijing"], "what was the winning time?"),
        (["¿quién ganó los 20 km en pekín?"], "¿y el tiempo ganador?"),
    ],
)
def test_a_time_asked_of_the_race_the_conversation_is_about_is_not_another_races(
    context: list[str], question: str
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.status is not Status.ANSWERED  # Beijing's winning time: the article does not give it


def test_a_time_asked_after_the_race_that_has_it_is_answered() -> None:
    result, _ = ask_in_context(shipped_engine(), "what was his time?", ["when did he win olympic gold"])
    assert result.fact is not None and result.fact.id == "atlanta-time"


@pytest.mark.parametrize(
    ("question", "derived", "fact_id"),
    [
        ("how many seconds is his atlanta time in total", "4,807 seconds", "atlanta-time"),
        ("¿cuántos segundos fue su tiempo en atlanta?", "4.807 segundos", "atlanta-time"),
        ("what's his pilgrimage distance in miles, roughly", "About 285 miles", "pilgrimage"),
        ("what was his pace per kilometre in atlanta?", "About 4:00 per kilometre", "atlanta-time"),
    ],
)
def test_a_value_asked_in_another_unit_is_worked_out_from_the_fact(question: str, derived: str, fact_id: str) -> None:
    result = ask(question)
    assert [f.id for f in result.facts] == [fact_id]
    assert result.derived.startswith(derived)


@pytest.mark.parametrize(
    "question",
    [
        "how many years passed between his first junior worlds medal and his olympic gold",  # "first": unsure
        "¿cuántos años pasaron entre su primer mundial júnior y su oro olímpico?",
    ],
)
def test_a_span_of_years_no_two_years_count_is_not_answered_with_one_fact(question: str) -> None:
    result = ask(question)
    assert result.status is not Status.ANSWERED or result.derived


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["when did he retire?"], "what was his last race then?", "retirement-announcement"),
        (["¿cuándo se retiró?"], "¿y cuál fue su última carrera entonces?", "retirement-announcement"),
        (["what place did he get in murcia"], "who won that race", None),  # nothing dated near it names a winner
    ],
)
def test_a_leaning_question_left_unclear_takes_the_fact_dated_days_from_the_last_answer(
    context: list[str], question: str, fact_id: str | None
) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert (result.fact.id if result.status is Status.ANSWERED and result.fact else None) == fact_id


@pytest.mark.parametrize(
    ("context", "question", "fact_id"),
    [
        (["how many olympic games did perez go to"], "and how many medals did he win at them", "five-olympics"),
        (["¿en cuántos juegos olímpicos participó?"], "¿y cuántas medallas ganó en ellos?", "five-olympics"),
    ],
)
def test_a_tie_a_follow_up_leaves_is_broken_by_the_last_answer(context: list[str], question: str, fact_id: str) -> None:
    result, _ = ask_in_context(shipped_engine(), question, context)
    assert result.fact is not None and result.fact.id == fact_id


@pytest.mark.parametrize(
    "question",
    [
        "in which city did he win gold in 1996, right?",
        "how many seconds behind Borchin was he, 14 right?",
        "¿Por cuántos segundos le ganó Borchin a Pérez en 2008, verdad?",
        "¿hasta dónde caminó en su peregrinación, verdad?",
    ],
)
def test_a_question_asking_a_value_gets_the_fact_never_a_yes_or_no(question: str) -> None:
    result = ask(question)
    assert result.verdict not in ("yes", "no")
    assert not body(question).startswith(("Yes —", "No —", "Sí —"))


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("did he lose the gold at the 2008 games?", "beijing-silver"),  # silver: he did lose it
        pytest.param("did he miss the bronze in 2004?", "sydney-athens", marks=SECOND_OPINION_MISS),  # fourth: he did
        ("did he come up short of the gold in 2008 by a few seconds?", "beijing-silver"),
    ],
)
def test_a_medal_named_with_a_word_of_losing_is_not_contradicted_by_another_placing(
    question: str, fact_id: str
) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == fact_id
    assert result.verdict != "no"


@pytest.mark.parametrize(
    "question",
    [
        "was markov 20 seconds behind him in 2008?",  # the 2008 fact never names Markov
        "did borchin finish 30 seconds ahead of him in sydney?",  # Borchin's fact is another event
    ],
)
def test_a_check_about_another_person_is_not_settled_by_a_fact_that_does_not_say_it(question: str) -> None:
    assert ask(question).verdict not in ("yes", "no")


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Who coached Pérez later in his career after Luis Chocho?", False),  # Chocho is set aside
        ("who beat him in beijing besides borchin", False),
        ("¿quién lo entrenó además de Luis Chocho?", False),
        ("who coached him as a boy", True),
        ("who beat him in beijing", True),
    ],
)
def test_a_person_set_aside_is_not_who_is_asked(question: str, answered: bool) -> None:
    assert (ask(question).status is Status.ANSWERED) is answered


def test_a_span_the_fact_states_itself_answers_a_how_long_before() -> None:
    """ "How long before X did Y" asks a span: two dated facts count it, or one that states it."""
    result = ask("how long before his retirement did he announce it")
    assert result.status is Status.ANSWERED and result.fact is not None
    assert result.fact.id == "retirement-announcement"


@pytest.mark.parametrize(
    "question",
    ["In which years did Jefferson Pérez win his Olympic medals?", "which years are ecuador's olympic medals from"],
)
def test_results_asked_in_the_plural_get_the_fact_telling_them_all(question: str) -> None:
    result = ask(question)
    assert result.status is Status.ANSWERED
    assert [f.id for f in result.facts] == ["olympic-medals"]


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("in which year did he win his olympic gold", "atlanta-gold"),
        ("what medal did he win in 2008", "beijing-silver"),
    ],
)
def test_one_result_asked_keeps_the_fact_telling_it(question: str, fact_id: str) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == fact_id


def test_a_bare_when_after_an_answer_holding_the_years_adds_no_fact() -> None:
    result = ask("what olympic medals did he win and when")
    assert [f.id for f in result.facts] == ["olympic-medals"]


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [("what date did he retire", "retirement-date"), ("what date did reuters report the ban", "borchin-ban")],
)
def test_a_date_asked_of_a_fact_naming_the_month_is_answered(question: str, fact_id: str) -> None:
    result = ask(question)
    assert result.fact is not None and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # an age asked of someone else: the article gives only his
        ("How old was Ilya Markov at the 1996 Games?", False),
        ("how old was borchin when he won in beijing", False),
        pytest.param("¿qué edad tenía Segura en Atlanta?", False, marks=SECOND_OPINION_MISS),
        ("how old was perez when borchin beat him", True),  # his age, beside someone else
        # whether someone else still does something: only a fact saying "still" settles it
        ("is luis chocho still coaching", False),  # the coach fact tells what he did, not what he does
        ("¿Luis Chocho sigue entrenando?", False),
        ("is he still racing", True),  # his retirement settles it
        # a date asked of a fact telling only a year
        ("on what date did he win gold in atlanta", False),
        ("¿En qué fecha empezó la caminata de Quito a Cuenca?", False),
        # who won: him only where the fact says he won the medal asked (he was fourth in Sydney)
        ("sydney 2000 winner", False),
        ("2000 olympic 20k winner", False),
        ("atlanta 1996 winner", True),
        ("who won bronze in atlanta", False),
        ("who won silver in beijing", True),
    ],
)
def test_a_detail_the_facts_give_is_answered_and_one_they_lack_declined(question: str, answered: bool) -> None:
    assert (ask(question).status is Status.ANSWERED) is answered


def test_how_many_years_apart_joins_the_two_topics_and_belongs_to_neither() -> None:
    result = shipped_engine().matcher.match("how many years apart were his world junior title and his olympic title?")
    assert result.status is Status.ANSWERED
    assert [f.id for f in result.facts] == ["junior-gold", "atlanta-gold"]
    assert "4" in result.derived
