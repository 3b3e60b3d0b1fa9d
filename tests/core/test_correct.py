"""Word correction against a small vocabulary: typos mended, known and common words kept."""

import pytest

from bot.core.correct import DOUBLE, NEAR_KEY, SKELETON_CHANGED, SWAP, Corrector, spanish_infinitives, typo_cost


@pytest.fixture(scope="module")
def corrector() -> Corrector:
    concepts = {"world": "world", "gold": "gold", "athens": "athens"}
    ranks = {"the": 1, "world": 200, "gold": 1500}
    return Corrector(frozenset({*concepts, "the"}), concepts, ranks, frozenset(ranks), [], frozenset({"the"}))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("the wolrd gold", "the world gold"),  # a transposition
        ("athnes", "athens"),
        ("the gold", "the gold"),  # known words stay
        ("g0ld", "g0ld"),  # a word with a digit is never corrected
    ],
)
def test_spell(corrector: Corrector, words: str, expected: str) -> None:
    assert corrector.spell(words.split()) == expected.split()


@pytest.mark.parametrize(("typo", "word"), [("gld", "gold")])
def test_a_three_letter_non_word_missing_a_letter_of_one_domain_word_is_mended(typo: str, word: str) -> None:
    from tests.coredata import shipped_engine

    analyzer = shipped_engine().matcher.analyzer
    mended = analyzer.analyze(f"did he win {typo} in atlanta").tokens
    assert mended == analyzer.analyze(f"did he win {word} in atlanta").tokens



@pytest.mark.parametrize(
    ("typed", "likelier", "unlikelier"),
    [
        ("tiem", "time", "them"),  # a swapped pair before a far key
        ("atlnta", "atlanta", "atleta"),  # a dropped letter before a changed one that changes the sound
        ("wats", "whats", "wants"),  # the consonants kept
        ("wich", "which", "with"),
        ("wolrd", "world", "word"),  # a swap, though the other is only one edit too
        ("gols", "gold", "golf"),  # s is d's neighbour on the keyboard, not f's
        ("distence", "distance", "dustance"),  # a vowel for a vowel: spelled by ear
        ("contry", "country", "contra"),  # y is no vowel for an a
    ],
)
def test_typo_cost_orders_the_likelier_slip_first(typed: str, likelier: str, unlikelier: str) -> None:
    assert typo_cost(typed, likelier) < typo_cost(typed, unlikelier)


@pytest.mark.parametrize(
    ("typed", "meant", "cost"),
    [
        ("atllanta", "atlanta", DOUBLE),
        ("atlanta", "atlanta", 0.0),
        ("wolrd", "world", SWAP),
        ("gikd", "gold", NEAR_KEY + NEAR_KEY + SKELETON_CHANGED),  # two neighbours, one a consonant
    ],
)
def test_typo_cost_of_one_slip(typed: str, meant: str, cost: float) -> None:
    assert typo_cost(typed, meant) == pytest.approx(cost)


def test_a_typo_is_read_as_the_likeliest_slip_among_words_one_edit_away() -> None:
    concepts = {"time": "q_time", "atlanta": "atlanta", "atleta": "sport"}
    ranks = {"them": 96, "time": 97, "atleta": 4262, "atlanta": 29870}
    known = frozenset({*concepts, "them"})
    corrector = Corrector(known, concepts, ranks, frozenset(ranks), [], frozenset({"them"}))
    assert corrector.spell(["tiem", "atlnta"]) == ["time", "atlanta"]


@pytest.mark.parametrize("word", ["decirle", "preguntarles", "contandoselo", "buscarla"])
def test_a_spanish_verb_with_its_pronouns_attached_is_a_word(word: str) -> None:
    dictionary = frozenset({"decir", "preguntar", "contando", "buscar"})
    corrector = Corrector(frozenset({"desire", "decade"}), {}, {}, dictionary, [], frozenset())
    assert corrector.spell([word]) == [word]


@pytest.fixture(scope="module")
def short_words() -> Corrector:
    concepts = {"won": "win", "win": "win", "gold": "gold", "when": "q_when", "how": "q_how", "who": "q_who"}
    stop = frozenset({"was", "the", "and", "saw", "many", "what", "that", "most", "must", "now"})
    known = frozenset({*concepts, *stop})
    ranks = {"was": 17, "won": 853, "win": 636, "gold": 1500}  # the commonest words may be heard wrong
    return Corrector(known, concepts, ranks, frozenset(known), [], stop)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("wsa", "was"),  # two letters swapped, of any known word
        ("teh", "the"),
        ("nad", "and"),  # the swap may move the first letter
        ("hwo", "hwo"),  # how or who: no guess
        ("gld", "gold"),  # a letter dropped from a domain word
        ("wun", "win"),  # a vowel heard wrong in a domain word (win or won: one meaning)
        ("wim", "wim"),  # a neighbouring consonant key: as likely junk as a slip
        ("wxn", "wxn"),  # a far key: no slip of one letter
        ("zzq", "zzq"),
        ("mny", "many"),  # a vowel dropped, as in texting, of any known word
        ("wht", "what"),
        ("mst", "mst"),  # most or must: no guess
        ("wuz", "was"),  # spelled as it sounds: a vowel and a sound-alike letter changed
        ("waz", "was"),
        ("nwa", "nwa"),  # sounds like "now" only with letters swapped: no
    ],
)
def test_a_three_letter_non_word_is_read_only_as_a_plain_slip(short_words: Corrector, typed: str, meant: str) -> None:
    assert short_words.spell([typed]) == [meant]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sliver", "silver"),  # a rare real word, two letters swapped of a far more common domain word
        ("latitude", "latitude"),  # "altitude" is no more common: meant as typed
        ("sivler", "silver"),  # no word at all: corrected as any typo
        ("silver", "silver"),
        ("beet", "beat"),  # or sounds like it but for one vowel
        ("tame", "tame"),  # a real word this common is meant, though "time" is one vowel off
        ("bead", "bead"),  # two letters off "beat": no slip of one
    ],
)
def test_a_rare_real_word_is_read_as_the_common_domain_word_it_swaps_two_letters_of(typed: str, meant: str) -> None:
    concepts = {"silver": "silver", "altitude": "altitude", "beat": "beat", "time": "q_time"}
    ranks = {"silver": 1781, "sliver": 16042, "altitude": 7710, "latitude": 13270, "beat": 498, "beet": 16600}
    ranks |= {"time": 97, "tame": 6925, "bead": 17000}
    corrector = Corrector(frozenset(concepts), concepts, ranks, frozenset(ranks), [], frozenset())
    assert corrector.spell([typed]) == [meant]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("porke", "porque"), ("kual", "cual"), ("medaya", "medalla"), ("iso", "hizo"), ("kasa", "kasa")],
)
def test_a_word_spelled_by_ear_is_read_as_the_known_word_it_sounds_like(typed: str, meant: str) -> None:
    known = frozenset({"porque", "cual", "medalla", "hizo", "pero", "porte"})
    corrector = Corrector(known, {"medalla": "medal"}, {}, known, [], frozenset())
    assert corrector.spell([typed]) == [meant]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("ehat", "what"), ("rime", "time"), ("qhen", "when"), ("xkvq", "xkvq")],
)
def test_a_first_letter_missed_for_its_neighbour_key_is_read_as_meant(typed: str, meant: str) -> None:
    known = frozenset({"what", "time", "when"})
    corrector = Corrector(known, {}, {}, frozenset(), [], frozenset())
    assert corrector.spell([typed]) == [meant]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("hwo old was he", "how old was he"),  # "how old" is an expression of the vocabulary
        ("hwo won gold", "who won gold"),  # "who won" is
        ("hwo is he", "hwo is he"),  # neither reading makes one: no guess
    ],
)
def test_a_slip_two_words_fit_is_read_by_the_expression_it_makes_with_a_neighbour(words: str, expected: str) -> None:
    known = frozenset({"how", "who", "old", "won", "gold", "was", "he", "is"})
    phrases = [("how old", "q_age"), ("who won", "q_winner")]
    corrector = Corrector(known, {"gold": "gold"}, {}, known, phrases, frozenset({"how", "who", "was", "he", "is"}))
    assert corrector.spell(words.split()) == expected.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("le quito el oro", "le quitar el oro"),  # "le quitó": a verb, not the city
        ("se quito la medalla", "se quitar la medalla"),
        ("viajo a quito", "viajo a quito"),  # no pronoun before it: the city
        ("le gano en pekin", "le gano en pekin"),  # "ganar" means what "gano" does: left as written
    ],
)
def test_a_word_after_a_spanish_object_pronoun_is_read_as_its_verb(words: str, expected: str) -> None:
    concepts = {"quito": "quito", "quitar": "award", "gano": "win", "ganar": "win", "oro": "gold"}
    known = frozenset({*concepts, "le", "se", "el", "la", "a", "en", "viajo", "medalla", "pekin"})
    corrector = Corrector(known, concepts, {}, known, [], frozenset({"le", "se", "el", "la", "a", "en"}))
    assert corrector.spell(words.split()) == expected.split()


@pytest.mark.parametrize(
    ("word", "infinitive"),
    [
        ("caminaba", "caminar"),
        ("dicen", "decir"),  # a stem vowel changed
        ("dijeron", "decir"),  # an irregular preterite
        ("despedia", "despedir"),
        ("quieren", "querer"),
        ("puede", "poder"),
    ],
)
def testspanish_infinitives_of_a_spanish_verb_form(word: str, infinitive: str) -> None:
    assert infinitive in spanish_infinitives(word)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("caminaba", "caminar"),  # a verb form the lists lack, of a verb the vocabulary knows
        ("dijeron", "decir"),  # not "dinero", one letter off
        ("despedia", "despedir"),  # not "despedida"
        ("todas", "todas"),  # a plural of an everyday word is no rare word to read as "today"
        ("dinerro", "dinero"),  # a typo is still a typo
    ],
)
def test_a_spanish_verb_form_is_read_as_its_verb_not_as_a_typo(typed: str, meant: str) -> None:
    concepts = {"caminata": "walk", "dinero": "money", "despedida": "retire", "today": "today"}
    known = frozenset({*concepts, "caminar", "decir", "despedir"})
    ranks = {"toda": 300, "today": 200, "dinero": 100}
    corrector = Corrector(known, concepts, ranks, frozenset({*known, "toda"}), [], frozenset())
    assert corrector.spell([typed]) == [meant]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("anonce", "announce"),  # a doubled n typed once, a u dropped: two cheap slips
        ("menny", "many"),  # a vowel and a doubled letter: cheap enough for any known word
        ("mesis", "mesis"),  # a short domain word two slips away: no guess ("messi" is no "mes")
        ("anonze", "anonze"),  # a third slip: too far
    ],
)
def test_a_short_word_two_cheap_slips_from_a_long_domain_word_is_read_as_it(typed: str, meant: str) -> None:
    concepts = {"announce": "announce", "mes": "month"}
    corrector = Corrector(frozenset({*concepts, "many"}), concepts, {}, frozenset(), [], frozenset({"many"}))
    assert corrector.spell([typed]) == [meant]


@pytest.mark.parametrize(
    "words",
    [
        "them then than were where form from quite quiet",  # everyday English words stay as written
        "atleta todas cuentas tame latitude couch",  # real words one slip from a domain word
        "fue a quito",  # the city, no pronoun before it
        "messi carapaz kipchoge usain",  # names no vocabulary holds stay names
    ],
)
def test_the_shipped_corrector_leaves_everyday_words_and_names_as_written(words: str) -> None:
    from tests.coredata import shipped_engine

    corrector = shipped_engine().matcher.analyzer._corrector
    assert corrector.spell(words.split()) == words.split()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("wsa he yung wen he wun in atlnta", "was he young when he won in atlanta"),
        ("did borchin beet him in bejing at the olimpiks", "did borchin beat him in beijing at the olympics"),
        ("was it a sliver in beijign", "was it a silver in beijing"),
        ("waht tiem did he clock", "what time did he clock"),
        ("porke se retiro yeferson", "porque se retiro jefferson"),
        ("kual fue su medaya en pekin", "cual fue su medalla en pekin"),
        ("he did it in one hour twenty minutes", "he did it in 1:20"),
    ],
)
def test_the_shipped_analyzer_reads_typos_as_the_words_meant(typed: str, meant: str) -> None:
    from tests.coredata import shipped_engine

    analyzer = shipped_engine().matcher.analyzer
    assert analyzer.analyze(typed).tokens == analyzer.analyze(meant).tokens
