"""``perezbot ask`` (human and ``--json -``) and ``perezbot chat``."""

from __future__ import annotations

import json

import pytest

from tests.cli.clirun import run

KEYS = {"question", "status", "fact_id", "answer", "reply", "lang", "confidence", "citation", "suggestions"}


def test_ask_human() -> None:
    got = run("ask", "when did he retire")
    assert got.status == 0 and got.err == ""
    assert "29 September 2008" in got.out and "¶4" in got.out


def test_ask_words_are_joined() -> None:
    assert "29 September 2008" in run("ask", "when", "did", "he", "retire").out


def test_ask_spanish_and_forced_language() -> None:
    assert "29 de septiembre de 2008" in run("ask", "¿cuándo se retiró?").out
    assert "29 de septiembre de 2008" in run("ask", "--lang", "es", "when did he retire").out


def test_ask_too_long_says_so() -> None:
    got = run("ask", "when did he retire " * 600)
    assert got.status == 0 and "too long" in got.out


def test_ask_without_a_question_is_a_usage_error() -> None:
    got = run("ask")
    assert got.status == 2 and "give a question" in got.err


def ask_json(*lines: str) -> list[dict]:
    got = run("ask", "--json", "-", stdin="".join(line + "\n" for line in lines))
    assert got.status == 0, got.err
    return [json.loads(line) for line in got.out.splitlines()]


def test_ask_json_one_object_per_line_with_every_key() -> None:
    records = ask_json("when did he retire", "is he married", "hola", "")
    assert len(records) == 4
    for record in records:
        assert set(record) >= KEYS
        assert record["status"] in {"answered", "ambiguous", "unknown", "smalltalk"}
        assert isinstance(record["reply"], str) and record["reply"]
        assert record["lang"] in {"en", "es"}
        assert isinstance(record["confidence"], int | float) and 0 <= record["confidence"] <= 1
        assert isinstance(record["suggestions"], list) and len(record["suggestions"]) <= 3
        for suggestion in record["suggestions"]:
            assert set(suggestion) == {"fact_id", "title", "confidence"}


def test_ask_json_answered() -> None:
    (record,) = ask_json("when did he retire")
    assert record["question"] == "when did he retire"
    assert record["status"] == "answered" and record["fact_id"] == "retirement-date"
    assert "29 September 2008" in record["answer"] and "29 September 2008" in record["reply"]
    assert record["lang"] == "en" and record["confidence"] > 0
    assert "¶4" in record["citation"]


def test_ask_json_unknown() -> None:
    (record,) = ask_json("is he married")
    assert record["status"] == "unknown"
    assert record["fact_id"] is None and record["answer"] is None and record["citation"] is None
    assert "don't know" in record["reply"]


@pytest.mark.parametrize(("question", "lang"), [("hi", "en"), ("gracias", "es")])
def test_ask_json_smalltalk(question: str, lang: str) -> None:
    (record,) = ask_json(question)
    assert record["status"] == "smalltalk" and record["lang"] == lang
    assert record["fact_id"] is None and record["answer"] is None


def test_ask_json_keeps_unicode_and_spanish() -> None:
    got = run("ask", "--json", "-", stdin="¿cuándo se retiró?\n")
    assert "retiró" in got.out  # not \u escapes
    record = json.loads(got.out)
    assert record["lang"] == "es" and "29 de septiembre de 2008" in record["answer"]


def test_ask_json_a_question_argument() -> None:
    got = run("ask", "--json", "when did he retire")
    assert json.loads(got.out)["fact_id"] == "retirement-date"


# ---------------------------------------------------------------------------------------------- chat


def test_chat_reads_stdin_until_eof() -> None:
    got = run("chat", stdin="when did he retire\n")
    assert got.status == 0 and "29 September 2008" in got.out


def test_chat_answers_each_line_and_skips_blank_ones() -> None:
    got = run("chat", stdin="hi\n\nwhen did he retire\n¿de dónde es?\n")
    assert got.status == 0
    assert "Hi!" in got.out and "29 September 2008" in got.out and "Cuenca" in got.out
    assert "perezbot —" not in got.out  # no banner when stdin is not a terminal


def test_chat_stops_at_quit() -> None:
    got = run("chat", stdin="quit\nwhen did he retire\n")
    assert got.status == 0 and got.out == ""


def test_chat_empty_stdin() -> None:
    assert run("chat").status == 0


def test_chat_bad_settings() -> None:
    got = run("chat", stdin="hi\n", env={"LOG_LEVEL": "LOUD"})
    assert got.status == 2 and "LOG_LEVEL" in got.err
