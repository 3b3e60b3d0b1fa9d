"""The thesaurus: an unknown word read as a rarer word for a lexicon concept, which lets a fact
holding that concept explain it, never answer on it alone."""

import gzip
from pathlib import Path

import pytest

from bot.core.thesaurus import THESAURUS, base_forms, related_concepts
from tests.core.test_matcher import shipped_engine


@pytest.mark.parametrize(
    ("word", "bases"),
    [
        ("editions", ["editions", "edition"]),
        ("culminating", ["culminating", "culminat", "culminate"]),
        ("annum", ["annum"]),
    ],
)
def test_base_forms_start_with_the_word(word: str, bases: list[str]) -> None:
    found = list(base_forms(word))
    assert found[0] == word
    assert set(bases) <= set(found)


def test_the_first_related_lexicon_form_gives_the_concept(tmp_path: Path) -> None:
    table = tmp_path / "t.txt.gz"
    with gzip.open(table, "wt", encoding="utf-8") as fh:
        fh.write("annum year twelvemonth\npreceptor don teacher coach\nyear annum\nweasel animal\n")
    concepts = {"year": "years", "teacher": "coach", "coach": "coach"}
    found = related_concepts(concepts.get, table)
    assert found == {"annum": "years", "preceptor": "coach"}  # "year" is a form itself; "weasel" is nothing


def test_the_shipped_table_reads_rare_words_for_everyday_ones() -> None:
    assert THESAURUS.is_file()
    analyzer = shipped_engine().matcher.analyzer
    assert analyzer.analyze("what was the duration of his perambulation").related.get("perambul") == "walk"
    assert analyzer.analyze("who was his preceptor").related.get("preceptor") == "coach"  # a teacher


@pytest.mark.parametrize(
    "question",
    [
        "what is his height",  # height → altitude, which the pilgrimage holds: no topic matched
        "how much did he weigh",  # how a question asks ("how much") is never a related concept
    ],
)
def test_a_related_word_alone_answers_nothing(question: str) -> None:
    assert shipped_engine().matcher.match(question).status.value != "answered"


def test_a_related_word_lets_a_matched_fact_explain_it() -> None:
    matcher = shipped_engine().matcher
    plain = matcher.match("how long did his walk in atlanta take")
    rare = matcher.match("how long did his perambulation in atlanta take")
    assert plain.fact is not None and rare.fact is not None
    assert rare.fact.id == plain.fact.id
