"""Logging: text or JSON lines on the given stream, one line per question, never the token."""

from __future__ import annotations

import io
import json
import logging

import pytest

from bot.logs import REDACTED, Redactor, log_question, setup_logging

TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"
OTHER_TOKEN = "NzkyNzE1NDU0MTk2MDg4ODQy.X-hvzA.Ovy4MCQywSkoMRRclStW4xAYK7I"


@pytest.fixture
def capture():
    """Install the perezbot handler on a buffer, and remove it afterwards."""
    root = logging.getLogger()
    saved_level = root.level
    installed: list[logging.Handler] = []

    def install(fmt: str = "text", level: str = "INFO", secrets=(TOKEN,)) -> io.StringIO:
        stream = io.StringIO()
        installed.append(setup_logging(level, fmt, stream=stream, secrets=secrets))
        return stream

    yield install
    for handler in installed:
        root.removeHandler(handler)
    root.setLevel(saved_level)
    logging.captureWarnings(False)


def test_text_format_is_one_readable_line(capture):
    stream = capture("text")
    logging.getLogger("perezbot.test").info("ready in %d ms", 55)
    line = stream.getvalue()
    assert line.endswith(" INFO    perezbot.test: ready in 55 ms\n")
    assert line[:20].count("-") == 2 and line[19] == "Z"  # 2026-11-26 15:30:00Z


def test_json_format_is_one_object_per_line_with_fields(capture):
    stream = capture("json")
    logging.getLogger("perezbot.test").warning("slow: %s", "gateway", extra={"shard": 1})
    logging.getLogger("perezbot.test").info("second")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["level"] == "WARNING" and first["logger"] == "perezbot.test"
    assert first["message"] == "slow: gateway" and first["shard"] == 1
    assert first["time"].endswith("Z")
    assert second["message"] == "second"


def test_level_is_respected_and_setup_is_idempotent(capture):
    capture("text", "WARNING")
    stream = capture("text", "WARNING")
    logging.getLogger("perezbot.test").info("hidden")
    logging.getLogger("perezbot.test").warning("shown")
    assert stream.getvalue().count("\n") == 1
    assert sum(h.get_name() == "perezbot" for h in logging.getLogger().handlers) == 1


def test_question_line_has_the_fields_and_no_words(capture):
    stream = capture("json")
    log_question("answered", fact_id="atlanta-gold", score=0.91234, latency=0.0031, shard=1, lang="es")
    (entry,) = (json.loads(line) for line in stream.getvalue().splitlines())
    assert entry["event"] == "question"
    assert {k: entry[k] for k in ("status", "fact_id", "score", "latency_ms", "shard", "lang")} == {
        "status": "answered",
        "fact_id": "atlanta-gold",
        "score": 0.912,
        "latency_ms": 3.1,
        "shard": 1,
        "lang": "es",
    }
    assert entry["message"] == "question answered fact=atlanta-gold score=0.912 latency_ms=3.1 shard=1 lang=es"


def test_question_line_in_text_for_a_miss_without_shard(capture):
    stream = capture("text")
    log_question("unknown", fact_id=None, score=0.0, latency=0.012, shard=None, lang="en")
    assert (
        stream.getvalue()
        .rstrip()
        .endswith("perezbot.questions: question unknown fact=- score=0.000 latency_ms=12.0 shard=- lang=en")
    )


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_token_never_appears_anywhere(capture, fmt):
    stream = capture(fmt)
    log = logging.getLogger("discord.client")
    log.info("token is %s", TOKEN)
    log.info(f"inline {TOKEN}")
    log.info("in a dict %r", {"Authorization": f"Bot {TOKEN}"})
    log.warning("extra", extra={"header": f"Bot {TOKEN}", "nested": {"t": [TOKEN]}})
    log.info("some other token-shaped thing %s", OTHER_TOKEN)
    try:
        raise RuntimeError(f"login failed for {TOKEN}")
    except RuntimeError:
        log.exception("failure")
    log.info("stack", stack_info=True, extra={"t": TOKEN})
    output = stream.getvalue()
    assert TOKEN not in output and OTHER_TOKEN not in output
    assert TOKEN[:24] not in output  # not even the id part
    assert output.count(REDACTED) >= 5
    assert "RuntimeError: login failed for [redacted]" in output


def test_redactor_ignores_short_secrets_and_plain_text():
    redact = Redactor([None, "", "abc", TOKEN])
    assert redact("abc facts 1996.07.26 v2.7.1") == "abc facts 1996.07.26 v2.7.1"
    assert redact(f"x{TOKEN}y") == f"x{REDACTED}y"


def test_warnings_are_captured(capture):
    import warnings

    stream = capture("text")
    with warnings.catch_warnings():
        warnings.simplefilter("always")  # whatever filters the test runner installed
        warnings.warn("deprecated thing", DeprecationWarning, stacklevel=1)
    assert "deprecated thing" in stream.getvalue()


def test_a_record_with_broken_arguments_is_kept_without_leaking():
    from bot.logs import RedactFilter, TextFormatter

    record = logging.makeLogRecord({"name": "x", "levelno": 40, "levelname": "ERROR", "msg": "bad %s %s"})
    record.args = (TOKEN,)
    assert RedactFilter(Redactor([TOKEN])).filter(record)
    text = TextFormatter().format(record)
    assert "bad %s %s (unformattable arguments)" in text and TOKEN not in text
