"""Normalisation: folding, contractions, EN/ES synonyms, typo tolerance, language detection."""

from __future__ import annotations

import subprocess

import pytest

from bot.core.text import Analysis, Analyzer, Lexicon, common_words, detect_language, fold
from tests.coredata import REPO, shipped_engine


def tokens(text: str, lang: str | None = None) -> tuple[str, ...]:
    return shipped_engine().matcher.analyzer.analyze(text, lang).tokens


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Pérez", "perez"), ("PÉREZ", "perez"), ("ÁÉÍÓÚÜÑ", "aeiouun"), ("Pekín", "pekin"), ("what’s", "what's")],
)
def test_fold_strips_case_and_accents(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize("spelling", ["Perez", "PEREZ", "pérez", "Pèrez"])
def test_accents_and_case_do_not_change_the_tokens(spelling: str) -> None:
    assert tokens(f"when did {spelling} retire") == tokens("when did Pérez retire")
    assert tokens("CUÁNDO SE RETIRÓ") == tokens("cuando se retiro")


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("what's his time", "what is his time"),
        ("what’s his time", "what is his time"),  # typographic apostrophe
        ("didn't he win", "did not he win"),
        ("he can't walk", "he can not walk"),
        ("who'd he beat", "who would he beat"),
        ("they're from cuenca", "they are from cuenca"),
    ],
)
def test_contractions_expand(short: str, long: str) -> None:
    assert tokens(short) == tokens(long)


@pytest.mark.parametrize(
    "group",
    [
        [("quit", "en"), ("retire", "en"), ("retired", "en"), ("retirement", "en"), ("retiro", "es")],
        [("coach", "en"), ("trainer", "en"), ("entrenador", "es")],
        [("Olympics", "en"), ("olympic games", "en"), ("olimpiadas", "es"), ("Juegos", "es")],
        [("gold", "en"), ("oro", "es"), ("oros", "es")],  # the plural of a form the stemmer leaves whole
        [("silver", "en"), ("plata", "es"), ("platas", "es")],
    ],
)
def test_synonyms_map_to_the_same_tokens(group: list[tuple[str, str]]) -> None:
    first = tokens(*group[0])
    assert len(first) == 1
    for word, lang in group[1:]:
        assert tokens(word, lang) == first, word


def test_a_phrase_maps_to_the_concept() -> None:
    assert tokens("when did he hang up his shoes")[:2] == tokens("when did he retire")


@pytest.mark.parametrize(
    ("typo", "right"),
    [
        ("when did he retier", "when did he retire"),
        ("how long was the pilgrimmage", "how long was the pilgrimage"),
        ("what was his time in atlnata", "what was his time in atlanta"),
        ("who beat him in beijng", "who beat him in beijing"),
        ("is he from cuneca", "is he from cuenca"),
        ("how many olympcs", "how many olympics"),
    ],
)
def test_a_misspelt_domain_word_maps_to_the_same_tokens(typo: str, right: str) -> None:
    assert tokens(typo) == tokens(right)
    assert not shipped_engine().matcher.analyzer.analyze(typo).unknown


def test_real_words_are_not_corrected_when_the_dictionary_knows_them() -> None:
    lexicon = Lexicon(concepts={"gold": ("gold", "oro")})
    with_dictionary = Analyzer(lexicon, ["start"], dictionary=frozenset({"golf", "star"}))
    without = Analyzer(lexicon, ["start"], dictionary=frozenset())
    assert with_dictionary.analyze("golf", "en").tokens == ("golf",)
    assert with_dictionary.analyze("star", "en").tokens == ("star",)
    # Without the real-word dictionary the same words would be "corrected" into domain words.
    assert without.analyze("golf", "en").tokens == ("gold",)
    assert without.analyze("star", "en").tokens == ("start",)


@pytest.mark.parametrize(("word", "not_this"), [("good", "gold"), ("star", "start"), ("bread", "break")])
def test_shipped_analyzer_keeps_real_words(word: str, not_this: str) -> None:
    assert not_this not in tokens(f"is he {word}")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_word_lists_ship_with_the_package(lang: str) -> None:
    """A fresh clone must have the real-word lists, or typo correction turns 'good' into 'gold'."""
    assert len(common_words(lang)) > 10_000
    if (REPO / ".git").exists():
        tracked = subprocess.run(
            ["git", "ls-files", "--error-unmatch", f"bot/core/data/words-{lang}.txt.gz"], cwd=REPO, capture_output=True
        )
        assert tracked.returncode == 0, f"bot/core/data/words-{lang}.txt.gz is not committed"


def test_short_and_numeric_words_are_corrected_only_by_a_dropped_letter() -> None:
    analyzer = Analyzer(Lexicon(concepts={"gold": ("gold",)}), dictionary=frozenset())
    assert analyzer.analyze("go", "en").tokens == ("go",)  # under three letters: never
    assert analyzer.analyze("gol", "en").tokens == ("gold",)  # three: a dropped letter of one domain word
    assert analyzer.analyze("gok", "en").tokens == ("gok",)  # …not a changed one
    assert analyzer.analyze("g0ld", "en").tokens == ("g0ld",)  # has a digit


@pytest.mark.parametrize(
    "text", ["when did he retire", "who was his coach", "how old was he", "What was his time in Atlanta?"]
)
def test_detect_english(text: str) -> None:
    assert detect_language(text, shipped_engine().facts.lexicon) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "¿Cuándo se retiró?",
        "cuando se retiro",
        "quien fue su entrenador",
        "de donde es",
        "cuál fue su tiempo en atlanta",
    ],
)
def test_detect_spanish(text: str) -> None:
    assert detect_language(text, shipped_engine().facts.lexicon) == "es"


def test_detect_defaults_to_english_without_markers() -> None:
    assert detect_language("", Lexicon()) == "en"
    assert detect_language("1996 ???", Lexicon()) == "en"


def test_analysis_of_empty_and_symbol_only_text_is_empty() -> None:
    for text in ("", "   ", "?!…", "🏃‍♂️🇪🇨", "\u200b\u200f"):
        assert tokens(text) == ()


@pytest.mark.parametrize(
    ("question", "confirming"),
    [
        ("¿cuánta gente había en el estadio en atlanta?", False),  # asks how many: no yes/no
        ("¿quiénes fueron sus rivales en atlanta?", False),
        ("¿ganó el oro en pekín?", True),
        ("so his two medals were gold and bronze?", True),
        ("¿me puede decir quién ganó el bronce en pekín?", False),  # a question embedded in a request
        ("¿sabes cuándo se retiró?", False),
        ("¿es verdad que ganó el oro en pekín?", True),
    ],
)
def test_a_spanish_question_word_asks_rather_than_checks(question: str, confirming: bool) -> None:
    assert shipped_engine().matcher.analyzer.analyze(question).confirming is confirming


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("i heard his coach chocho was an olympian too", "about_chocho"),
        ("pretty sure luis chocho also coached a bunch of other olympians", "about_chocho"),
        ("did borchin get banned", "about_borchin"),
        ("ok so how far behind borchin was he in beijing", None),  # Borchin is the object there
        ("he beat markov and segura", None),
        ("is 4,800 m higher than quito's altitude?", "about_quito"),  # a place's possessive
        ("who was faster in atlanta, markov or segura?", "about_markov"),  # a choice between others
    ],
)
def test_whom_a_question_is_about(text: str, subject: str | None) -> None:
    others = {s for s in shipped_engine().matcher.analyzer.subjects_of(text) if s != "about_him"}
    assert others == ({subject} if subject else set())


@pytest.mark.parametrize(
    ("text", "about_him"),
    [
        ("is it true perez once tested positive for doping?", True),
        ("did perez win gold", True),
        ("who beat perez in beijing", False),
    ],
)
def test_a_question_whose_subject_is_him(text: str, about_him: bool) -> None:
    assert ("about_him" in shipped_engine().matcher.analyzer.subjects_of(text)) is about_him


def test_an_inflection_of_a_known_word_is_not_unknown() -> None:
    """ "takes" is "take" inflected: no new word, so it cannot pair into a name with a neighbour."""
    analysis = shipped_engine().matcher.analyzer.analyze("it takes me almost an hour")
    assert "take" in analysis.tokens
    assert "take" not in analysis.unknown
    assert "take" not in analysis.unknown_pairs


@pytest.mark.parametrize(
    ("text", "paired"),
    [
        ("what was his favourite band", True),  # two unknown words in a row: one new thing
        ("could you refresh my memory", False),  # a word between them: two things, no name
        ("le ruego me diga", False),
    ],
)
def test_unknown_words_pair_only_side_by_side(text: str, paired: bool) -> None:
    assert bool(shipped_engine().matcher.analyzer.analyze(text).unknown_pairs) is paired


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("he was quite happy", ("happi",)),  # "quite" stems to "quit", which is retiring
        ("he was completely happy", ("happi",)),  # "complet": finishing
        ("he was totally happy", ("happi",)),  # "total": a count
        ("estaba bastante feliz", ("feliz",)),
    ],
)
def test_a_degree_adverb_names_nothing(text: str, tokens: tuple[str, ...]) -> None:
    assert shipped_engine().matcher.analyzer.analyze(text).tokens == tokens


@pytest.mark.parametrize(
    ("text", "embedded"),
    [
        # a question word after a word of knowing opens an embedded question, noted with its token
        ("nobody could agree on when exactly he hung it up", "q_when"),
        # a question phrase after "know" is itself a token: noted with ""
        ("what i actually want to know is what year he won his gold", ""),
        ("nadie sabe cuando se retiro", "q_when"),
    ],
)
def test_a_question_embedded_after_a_word_of_knowing_is_noted(text: str, embedded: str) -> None:
    analysis = shipped_engine().matcher.analyzer.analyze(text)
    assert [wh for _, wh in analysis.embedded] == [embedded]
    position = analysis.embedded[0][0]
    assert 0 < position < len(analysis.tokens)


@pytest.mark.parametrize(
    "text", ["what was the race where he won gold", "what did he say when he announced it", "when did he retire"]
)
def test_a_relative_clause_is_no_embedded_question(text: str) -> None:
    assert shipped_engine().matcher.analyzer.analyze(text).embedded == ()


@pytest.mark.parametrize(
    ("request_text", "plain"),
    [
        ("Please state the years he became world champion", "the years he became world champion"),
        ("Could you kindly confirm the date he retired", "the date he retired"),
        ("Indique la distancia de la peregrinación", "la distancia de la peregrinación"),
        # formal openings: politeness, then links that go on with it, then the verb in any tense
        ("Le agradecería que me informara la fecha de su retiro", "la fecha de su retiro"),
        ("Le agradecería mucho que me indicara la distancia", "la distancia"),
        ("¿Tendría usted la amabilidad de indicarme la distancia?", "la distancia"),
        ("I would be most grateful if you could tell me the date he retired", "the date he retired"),
    ],
)
def test_a_request_verb_says_how_it_is_asked_not_what(request_text: str, plain: str) -> None:
    analysis = shipped_engine().matcher.analyzer.analyze(request_text)
    assert analysis.tokens == tokens(plain)
    assert analysis.asking == (True,)  # a request asks, though no question word opens it


def test_a_polite_link_opens_nothing_by_itself() -> None:
    """ "que" goes on with a polite opening; a clause it begins is a question that asks."""
    assert shipped_engine().matcher.analyzer.analyze("que año ganó el oro").asking == (True,)


def test_a_request_verb_later_in_the_clause_is_kept() -> None:
    """Only the verb a request opens with is its framing: "when did he confirm it" keeps it."""
    assert tokens("when did he confirm it") != tokens("when did he")


@pytest.mark.parametrize(
    ("spelled", "digits"),
    [("the twenty k walk", "the 20 k walk"), ("five km races", "5 km races"), ("veinte kilómetros", "20 kilómetros")],
)
def test_a_number_spelled_before_a_unit_reads_as_its_digits(spelled: str, digits: str) -> None:
    assert tokens(spelled) == tokens(digits)



@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("she chose him, which i think is cute", (False, False)),  # a relative clause asks nothing
        ("she chose him, which olympics did he win", (False, True)),
        ("she chose him, which he won?", (False, True)),  # a question mark still asks
    ],
)
def test_a_question_word_before_a_subject_opens_a_relative_clause(text: str, asking: tuple[bool, ...]) -> None:
    assert shipped_engine().matcher.analyzer.analyze(text).asking == asking


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("a friend and i were talking. how far behind was he?", (False, False, True)),  # English "a"
        ("a que edad gano el oro", (True,)),  # Spanish "a" before a question word still asks
    ],
)
def test_the_article_a_opens_no_question(text: str, asking: tuple[bool, ...]) -> None:
    assert shipped_engine().matcher.analyzer.analyze(text).asking == asking


@pytest.mark.parametrize(
    ("hedged", "plain"),
    [
        ("what city is he even from", "what city is he from"),
        ("where is he actually from", "where is he from"),
        ("when did he really hang up his shoes", "when did he hang up his shoes"),
    ],
)
def test_a_hedge_inside_an_expression_does_not_break_it(hedged: str, plain: str) -> None:
    assert tokens(hedged) == tokens(plain)


@pytest.mark.parametrize(
    "message",
    [
        "quick q before my exam lol — what year did he win in seoul",
        "quick q before my exam lol – what year did he win in seoul",
        "quick q before my exam lol -- what year did he win in seoul",
    ],
)
def test_dashes_end_a_clause(message: str) -> None:
    clauses = shipped_engine().matcher.analyzer.analyze(message).clauses
    assert len(clauses) == 2
    assert clauses[-1] == tokens("what year did he win in seoul")


@pytest.mark.parametrize(
    ("stretched", "plain"),
    [
        ("SOOO WHEN DID HE WIN GOLD", "so when did he win gold"),  # not typo-corrected to some other word
        ("whyyy did he stop", "why did he stop"),
        ("pleaseee tell me his time", "please tell me his time"),
        ("that was sooo goood", "that was so good"),
    ],
)
def test_stretched_words_read_as_their_base_word(stretched: str, plain: str) -> None:
    analysis = shipped_engine().matcher.analyzer.analyze(stretched)
    assert analysis.tokens == tokens(plain)
    assert analysis.asking == shipped_engine().matcher.analyzer.analyze(plain).asking


def analyze(text: str) -> Analysis:
    return shipped_engine().matcher.analyzer.analyze(text)


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        # a clause of thanks, greeting or apology that asks nothing names no topic
        ("Hello there. What year did he win gold? Many thanks in advance.", "what year did he win gold"),
        ("Sorry for the long post. Where is he from?", "where is he from"),
        ("Perdón por la molestia. ¿De dónde es?", "¿de dónde es?"),
        # a plea for help names nothing asked
        ("What year did he retire? Can anybody help me out?", "what year did he retire"),
        # a polite opening says how it is asked, not what
        ("Would you be so kind as to tell me his winning time?", "his winning time?"),
        ("Might you explain why he retired?", "why he retired?"),
        ("¿Sería usted tan amable de decirme cuándo se retiró?", "¿cuándo se retiró?"),
        ("¿Podría indicarme en qué año ganó el oro?", "¿en qué año ganó el oro?"),
    ],
)
def test_courtesy_names_no_topic(message: str, plain: str) -> None:
    assert analyze(message).tokens == tokens(plain)


@pytest.mark.parametrize(
    ("message", "asking"),
    [
        # a question embedded after a word of asking or knowing makes its clause ask
        ("My nephew asked me where he was born, and I had no idea.", (True,)),
        ("The teacher asked me who coached him in Cuenca.", (True,)),
        ("I wonder if someone might tell me how high he climbed.", (True,)),  # "how high": one expression
        # a complementiser brings a statement, not a question
        ("My uncle told me that when he won the crowd went wild.", (False,)),
        # a question with no word of its own ("what was it?") asks about the clause before it
        ("I read that he holds a record at the world championships. Can you remind me what it is?", (True,)),
    ],
)
def test_embedded_and_pronoun_questions_ask(message: str, asking: tuple[bool, ...]) -> None:
    assert analyze(message).asking == asking


def test_who_asks_is_context_not_topic() -> None:
    analysis = analyze("one of my coaches asked when he won gold")
    assert "coach" in analysis.soft  # the asker…
    assert "gold" not in analysis.soft  # …not what is asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("for my students i need to know who was the coach", "coach"),
        ("para mis alumnos necesito saber quien fue el entrenador", "coach"),
    ],
)
def test_the_word_after_a_word_of_knowing_is_asked_not_context(message: str, asked: str) -> None:
    analysis = analyze(message)
    assert "student" in analysis.soft or "alumn" in analysis.soft  # who asks: context
    assert asked not in analysis.soft  # the first word of what is asked is topic


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        ("Did Mr. Pérez win gold in Atlanta?", "did he win gold in atlanta"),  # a title's dot ends nothing
        ("When exactly did he officially retire?", "when did he retire"),
        ("When did he precisely retire?", "when did he retire"),  # an adverb of manner is no topic
        ("¿Cuándo se retiró oficialmente?", "¿cuándo se retiró?"),
    ],
)
def test_titles_and_adverbs_of_manner(message: str, plain: str) -> None:
    analysis = analyze(message)
    assert analysis.tokens == tokens(plain)
    assert len(analysis.clauses) == 1


def test_his_name_as_an_object_is_him() -> None:
    # "…the man who beat Pérez from…": an object, so no "he from" (where he is from)
    assert "hometown" not in analyze("how far behind was the man who beat Pérez from the lead").tokens
    assert "hometown" in analyze("where is Pérez from").tokens


@pytest.mark.parametrize(
    "clause",
    ["where did he place in sydney", "how many world titles did he win", "what did he do after he retired"],
)
def test_a_clause_opening_with_a_question_expression_asks(clause: str) -> None:
    # the question word is part of an expression joined into one concept, and still asks
    assert analyze(f"my cousin was talking about him, {clause}").asking == (False, True)


@pytest.mark.parametrize(
    ("chat", "plain"),
    [
        ("who was his og coach", "who was his original coach"),
        ("how far did he walk thru the mountains", "how far did he walk through the mountains"),
        ("ikr when did he retire", "i know right when did he retire"),  # one abbreviation, several words
        ("quien era su entrenador d chiquito", "quien era su entrenador de chiquito"),
        ("kien fue su entrenador", "quien fue su entrenador"),
        ("x cuantos segundos perdio", "por cuantos segundos perdio"),
    ],
)
def test_chat_abbreviations_read_as_their_words(chat: str, plain: str) -> None:
    assert tokens(chat) == tokens(plain)
    assert not analyze(chat).unknown - analyze(plain).unknown


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        ("how old was the athlete in atlanta", "how old was he in atlanta"),  # a definite noun for a person is him
        ("¿De dónde es el atleta?", "¿De dónde es?"),
        ("¿Qué distancia recorrió en dicha peregrinación?", "¿Qué distancia recorrió en la peregrinación?"),
        ("how long was the aforementioned pilgrimage", "how long was the pilgrimage"),
    ],
)
def test_references_name_nothing_new(message: str, plain: str) -> None:
    assert tokens(message) == tokens(plain)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("who was the athlete who beat him", "sport"),  # a relative clause: someone else
        ("¿qué ha dicho sobre su retiro?", "say"),  # after a perfect auxiliary: a verb
        ("¿cuál es el dicho sobre los famosos?", "say"),  # after an article: a noun (a saying)
        ("where was the sport's athlete from", "sport"),  # no article right before it: not him
    ],
)
def test_references_keep_what_is_someone_else_or_a_verb(message: str, kept: str) -> None:
    assert kept in tokens(message)


@pytest.mark.parametrize("vocative", ["bro", "dude", "guys", "oye bro", "pana"])
def test_a_vocative_before_the_question_word_keeps_it_asking(vocative: str) -> None:
    assert analyze(f"my cousin keeps talking about him, {vocative} what year did he win gold").asking == (False, True)


def test_an_emoji_standing_for_a_word_does_not_split_the_question() -> None:
    clauses = shipped_engine().matcher.analyzer.analyze("how many olympic 🏅 did he win").clauses
    assert len(clauses) == 1


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("what's the exact figure", True),  # a noun after an article: a thing asked of
        ("that was his idea", True),
        ("i can't figure out when he won", False),  # a verb of knowing: how one asks
        ("no idea when he won", False),
    ],
)
def test_a_word_of_knowing_after_an_article_is_a_noun(message: str, kept: bool) -> None:
    toks = tokens(message)
    assert any(t.startswith(("figur", "idea")) for t in toks) is kept


@pytest.mark.parametrize(
    ("typo", "plain"),
    [
        ("was he 4th in atens", "was he 4th in atenas"),  # a rare real word one edit from a form
        ("how many yeras was he banned", "how many years was he banned"),
    ],
)
def test_a_rare_real_word_one_edit_from_a_domain_form_is_that_form(typo: str, plain: str) -> None:
    assert tokens(typo) == tokens(plain)


@pytest.mark.parametrize(
    ("word", "not_this"),
    [
        ("peru", "pero"),  # the nearest word is a function word: kept
        ("anios", "retire"),  # one edit from forms of two concepts (años, adiós): kept for the context
        ("capital", "capitan"),  # common in general use: meant as said
    ],
)
def test_rare_real_words_are_not_forced_into_a_form(word: str, not_this: str) -> None:
    assert not_this not in tokens(f"what about {word}")


@pytest.mark.parametrize(
    "question", ["in which distance did he start", "at what age did he win gold", "in what year did he retire"]
)
def test_a_preposition_before_the_question_word_still_asks(question: str) -> None:
    assert analyze(f"sorry I am not good with computers. {question}").asking[-1] is True


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("los Juegos de Australia", "sydney"),  # each host city's country, in both languages
        ("the Games in Greece", "athens"),
        ("una ciudad española", "spain"),  # and the country's gentilic
        ("el campeonato coreano", "seoul"),
    ],
)
def test_a_host_country_names_its_games(text: str, token: str) -> None:
    assert token in shipped_engine().matcher.analyzer.analyze(text).tokens


@pytest.mark.parametrize("text", ["en toda su carrera", "every year of his career", "cada año de su carrera"])
def test_a_quantifier_names_nothing(text: str) -> None:
    analysis = shipped_engine().matcher.analyzer.analyze(text)
    assert not analysis.unknown


@pytest.mark.parametrize("text", ["is that accurate", "can you verify that", "¿es cierto?", "¿puedes comprobarlo?"])
def test_a_check_of_a_claim_names_nothing(text: str) -> None:
    """Whether a claim is so is how it is asked; what it claims is the topic."""
    assert shipped_engine().matcher.analyzer.analyze(text).tokens == ()


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("whos his coach", "q_who"),  # chat spellings of a question word and "is"
        ("wheres he from", "q_where"),
        ("as a lil kid", "boy"),  # one kid is him as a child; kids are children
        ("does he have kids of his own", "family"),  # his own family, which no fact tells
        ("¿está casado?", "family"),
        ("how many people live there", "population"),  # a place's size, which no fact tells
        ("¿fue ministro después de retirarse?", "politics"),
        ("¿cuál fue la mayor altura?", "altitude"),  # "mayor" is Spanish for greater here, no office
    ],
)
def test_chat_spellings_and_family_words(text: str, token: str) -> None:
    assert token in shipped_engine().matcher.analyzer.analyze(text).tokens


@pytest.mark.parametrize(
    "text", ["if it isn't too much trouble", "if you don't mind", "si no es molestia", "i seem to recall"]
)
def test_a_courtesy_formula_names_nothing(text: str) -> None:
    assert shipped_engine().matcher.analyzer.analyze(text).tokens == ()


def test_a_word_dropped_as_written_does_not_drop_its_stem() -> None:
    # "finally" is a form of no concept; "final", its stem, is a word of its own (his last race).
    assert "none" not in tokens("what was his time at the murcia final")
    assert "final" not in tokens("when did he finally retire")


@pytest.mark.parametrize(
    ("question", "plural"),
    [
        ("which years did he win medals", True),
        ("how many olympic podiums did he reach", True),  # any plural of a result's concept
        ("cuántos podios olímpicos tiene", True),
        ("what was his podium finish in beijing", False),
        ("how many olympics did he go to", False),  # games, not results
    ],
)
def test_results_asked_of_in_the_plural(question: str, plural: bool) -> None:
    assert shipped_engine().matcher.analyzer.analyze(question).plural is plural


@pytest.mark.parametrize(
    ("question", "victory"),
    [
        ("what was his first win outside south america", True),
        ("¿en qué año ganó su primera competencia fuera de sudamérica?", True),  # "what year" asks when
        ("what did he win at the 1990 junior worlds", False),  # what was won: any medal
        ("when did he first win a medal abroad", False),  # a medal named
        ("when did he first win bronze abroad", False),
        ("how long was the race he won in atlanta", False),  # the win names the event
        ("how did he do at the games after his win in atlanta", False),
    ],
)
def test_a_win_asked_of_as_a_first_place(question: str, victory: bool) -> None:
    assert shipped_engine().matcher.analyzer.analyze(question).victory is victory


@pytest.mark.parametrize(
    ("question", "unknown_measure"),
    [
        ("how hot was it during the atlanta race", True),  # a degree of a word no fact knows
        ("how often did he train", True),
        ("qué tan pesada era la medalla", True),
        ("how old was he in atlanta", False),  # measures with concepts of their own
        ("how far was the pilgrimage", False),
        ("how elite walkers build up, did he start with 20k?", False),  # "how" asks the manner here
    ],
)
def test_a_degree_of_a_word_no_fact_knows(question: str, unknown_measure: bool) -> None:
    assert shipped_engine().matcher.analyzer.analyze(question).unknown_measure is unknown_measure


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("What was it like when he walked into the stadium", False),  # "what … like when": a conjunction
        ("what did he do when he retired", False),
        ("when did he retire", True),
        ("what year and when did he retire", True),  # a clause of its own asks
        ("what i want to know is when he retired", False),  # embedded, noted apart (above)
    ],
)
def test_a_when_after_a_question_word_in_its_clause_joins(text: str, asks: bool) -> None:
    assert ("q_when" in tokens(text)) is asks


@pytest.mark.parametrize(
    ("text", "asks_a_time"),
    [
        ("he won three times", False),  # how often
        ("a 3-time world champion", False),
        ("wasn't he a 2-time world champ?", False),
        ("how long time was his career", False),  # how long, in a learner's words
        ("what place did he get both times?", False),  # occasions counted
        ("¿en qué puesto quedó ambas veces?", False),
        ("what was his time both times", True),  # the clock asked, the occasions after it
        ("what was his time in atlanta", True),
        ("what was his 20 km time", True),  # a distance is no count
        ("what time did he finish in 1996", True),
    ],
)
def test_time_after_a_count_or_a_span_asks_no_clock_time(text: str, asks_a_time: bool) -> None:
    assert ("q_time" in tokens(text)) is asks_a_time


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("When he was just starting out, how long were the races he entered?", True),  # says when
        ("when he won gold, how old was he?", True),
        ("when he retired?", False),  # alone it asks (a learner's "when did he retire?")
        ("when did he retire, and where did he go?", False),  # a question of its own
    ],
)
def test_a_when_clause_with_its_subject_beside_a_question_is_context(text: str, context: bool) -> None:
    analysis = shipped_engine().matcher.analyzer.analyze(text)
    assert "q_when" in analysis.tokens
    assert ("q_when" in analysis.soft) is context


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("seguro que ganó el oro en sídney", False),  # "sure": a word, not the Mexican walker
        ("estoy seguro de que fue en 1996", False),
        ("¿de dónde era bernardo segura?", True),
        ("el segura de méxico", True),
    ],
)
def test_a_name_that_is_also_a_word_is_not_read_from_the_words_stem(text: str, named: bool) -> None:
    assert ("segura" in tokens(text, "es")) is named
