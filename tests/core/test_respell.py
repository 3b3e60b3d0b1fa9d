"""Split and misheard words are joined into the rare word they spell — and nothing else is."""

import pytest

from bot.core.respell import Partners, Respeller, heard_as, sound_key, unstretch
from tests.coredata import shipped_engine

RARE = ["pekin", "perez", "beijing", "borchin", "atlanta", "pilgrimage", "championships"]
WORDS = {
    "pay",
    "bay",
    "bore",
    "chin",
    "at",
    "pill",
    "grim",
    "age",
    "champion",
    "ships",
    "pero",
    "es",
    "any",
    "one",
    "pack",
    "in",
    "teen",
    "par",
    "is",
}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("pay rez won", "perez won"),  # sounds like it, one part not an everyday word
        ("in bay jing", "in beijing"),
        ("bore chin was banned", "bore chin was banned"),  # two real words: meant as said
        ("pack in", "pack in"),  # sounds like "pekin" but both are words
        ("bore chyn", "borchin"),
        ("at lanta 1996", "atlanta 1996"),  # spelled exactly
        ("the pill grim age", "the pilgrimage"),  # three parts
        ("world champion ships", "world championships"),  # everyday parts, but exact
        ("pero es verdad", "pero es verdad"),  # two everyday words that merely sound like perez
        ("any one of them", "any one of them"),  # joins only into rare words
        ("perez s medal", "perez s medal"),  # a possessive is not a split word
        ("at 1996", "at 1996"),  # numbers never join
        ("par is nice", "par is nice"),  # sounds alike ("prs") but three edits from perez
        ("bay", "bay"),
        ("", ""),
    ],
)
def test_join(words: str, expected: str) -> None:
    assert " ".join(Respeller(RARE).join(words.split(), WORDS.__contains__)) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("perez", "payrez"),
        ("perez", "peres"),
        ("beijing", "bayjing"),
        ("borchin", "borechin"),
        ("chocho", "shosho"),
        ("jefferson", "yeferson"),  # an English j written as a Spanish speaker hears it
        ("perez", "pierce"),  # a soft c is an s
    ],
)
def test_alike_sounds_share_a_key(a: str, b: str) -> None:
    assert sound_key(a) == sound_key(b)


@pytest.mark.parametrize(("a", "b"), [("beijing", "banging"), ("borchin", "bruchner")])
def test_different_sounds_differ(a: str, b: str) -> None:
    assert sound_key(a) != sound_key(b)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("in what year did pay rez take gold in at lanta", "atlanta-gold"),
        ("what was bore chyn banned for", "borchin-ban"),
        ("how far did pay rez walk on his pill grim age", "pilgrimage"),
    ],
)
def test_the_shipped_matcher_hears_split_names(question: str, fact_id: str) -> None:
    result, _reply = shipped_engine().ask(question)
    assert result.fact is not None and result.fact.id == fact_id


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kuenka", "cuenca"),  # spelled by ear: another first letter, the same sound
        ("borchyn", "borchin"),
        ("quenca", None),  # not in RARE below
        ("bay", None),  # too short to be a misheard name
        ("table", None),  # sounds like nothing rare
    ],
)
def test_one_misheard_word_is_the_rare_word_it_sounds_like(word: str, expected: str | None) -> None:
    respeller = Respeller([*RARE, "cuenca"] if word != "quenca" else RARE)
    assert respeller.sounded(word) == expected


def test_a_name_misspelled_by_ear_is_understood() -> None:
    analyzer = shipped_engine().matcher.analyzer
    assert "cuenca" in analyzer.analyze("what town did he grow up in, quenca?").tokens


def test_function_words_are_never_joined_into_one() -> None:
    """ "quien es" is two words ("who is"), not "quienes"; the Spanish "who is he" asks for him."""
    assert shipped_engine().matcher.analyzer.analyze("quien es jefferson perez").tokens == ("profile",)


RANKS = {
    "so": 30,
    "no": 40,
    "good": 90,
    "god": 900,
    "cool": 700,
    "col": 9000,
    "please": 300,
    "why": 120,
    "what": 20,
    "to": 5,
    "too": 80,
    "well": 60,
    "wel": 50000,
}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("sooo", "so"),  # one letter where the stretch was
        ("soooooo", "so"),
        ("goood", "good"),  # two letters: "good" is commoner than "god"
        ("cooool", "cool"),
        ("pleaseee", "please"),
        ("whyyy", "why"),
        ("whaaaat", "what"),
        ("welll", "well"),
        ("good", "good"),  # no stretch: as it stands
        ("zzzz", "z"),  # no reading is a word: every run as one letter
        ("wwwhhhaaattt", "what"),  # several stretches at once
        ("", ""),
    ],
)
def test_unstretch(word: str, expected: str) -> None:
    assert unstretch(word, RANKS.get) == expected


PAIRS = [("world", "championships"), ("jefferson", "perez"), ("gold", "medal"), ("host", "city")]
FIXED = {"the", "a", "his", "world"}  # words that mean what they say


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("whirled championships", "world championships"),  # sounds alike, three edits
        ("world championchips", "world championships"),  # one half exact, the other one edit off
        ("jefferson peter won", "jefferson perez won"),  # the start kept, two edits
        ("jefferson pierce retired", "jefferson perez retired"),  # heard alike: a soft c is an s
        ("gold metal", "gold medal"),
        ("the whirled", "the whirled"),  # no partner beside it: meant as said
        ("whirled series", "whirled series"),
        ("jefferson pasta", "jefferson pasta"),  # too far from the surname
        ("his world championships", "his world championships"),  # already the expression
        ("world cup", "world cup"),  # too short and too far
        ("host cite", "host city"),
    ],
)
def test_partners_mend_a_real_word_beside_its_other_half(words: str, expected: str) -> None:
    mended = Partners(PAIRS).mend(words.split(), lambda w: w not in FIXED)
    assert " ".join(mended) == expected


FORMS = ["kilometers", "hometown", "championships"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("kilo meters", "kilometers"),  # a vocabulary form split in two everyday words
        ("kilos meters", "kilometers"),  # one letter off in a long form
        ("his home town", "his hometown"),
        ("his trainer as a kid", "his trainer as a kid"),  # "traineras": a short part, no near match
        ("any one", "any one"),  # no form of the vocabulary
    ],
)
def test_join_rebuilds_split_vocabulary_forms(words: str, expected: str) -> None:
    joined = Respeller(RARE, [*FORMS, "trainers"]).join(words.split(), WORDS.__contains__)
    assert " ".join(joined) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("porke", "porque"),
        ("kual", "cual"),
        ("iso", "hizo"),
        ("medaya", "medalla"),
        ("fone", "phone"),
        ("sinco", "cinco"),
        ("kwenka", "cuenca"),  # w heard as u
    ],
)
def test_words_spelled_by_ear_are_heard_alike(a: str, b: str) -> None:
    assert heard_as(a) == heard_as(b)


@pytest.mark.parametrize(("a", "b"), [("casa", "cosa"), ("cual", "cal"), ("gold", "cold"), ("vino", "vina")])
def test_heard_as_keeps_the_vowels_and_the_letters_that_sound(a: str, b: str) -> None:
    assert heard_as(a) != heard_as(b)
