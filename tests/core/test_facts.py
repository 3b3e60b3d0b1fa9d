"""The fact loader: one test per kind of problem, each located as ``file:line``; and the shipped base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core.facts import LANGS, FactBaseError, Problem, check_facts, load_facts
from tests.coredata import SHIPPED_FACTS, fact_yaml, line_of, shipped_facts, write_fact_base


def problems_in(directory: Path) -> list[Problem]:
    base, problems = check_facts(directory)
    assert base is None, "a fact base with problems must not load"
    assert problems, "a rejected fact base must say why"
    return problems


def only_problem(directory: Path, file: str, contains: str) -> Problem:
    """The one problem whose message contains ``contains``, checked to be located in ``file``."""
    found = [p for p in problems_in(directory) if contains in p.message]
    assert len(found) == 1, [str(p) for p in problems_in(directory)]
    assert found[0].path.name == file
    return found[0]


# ---------------------------------------------------------------------------------------------- valid


def test_a_minimal_fact_base_loads(tmp_path: Path) -> None:
    base, problems = check_facts(write_fact_base(tmp_path))
    assert problems == []
    assert base is not None and len(base) == 1
    fact = base.get("sample-fact")
    assert fact is not None
    assert fact.title["es"] == "Un dato de ejemplo"
    assert fact.questions == {"en": ("when did he retire",), "es": ("cuándo se retiró",)}
    assert fact.citation.paragraph == 4 and fact.citation.label() == "¶4"
    assert fact.path == tmp_path / "facts.yaml" and fact.line == 1
    assert base.source.paragraphs == 10


def test_problem_prints_as_file_line_message(tmp_path: Path) -> None:
    assert str(Problem(tmp_path / "x.yaml", 7, "boom")) == f"{tmp_path / 'x.yaml'}:7: boom"


def test_load_facts_raises_listing_every_problem(tmp_path: Path) -> None:
    text = fact_yaml(extra="colour: red") + fact_yaml("other-fact", q_en="where is he from", q_es="de dónde es")
    text = text.replace("    es: Un dato de ejemplo\n", "", 1)
    directory = write_fact_base(tmp_path, {"facts.yaml": text})
    with pytest.raises(FactBaseError) as caught:
        load_facts(directory)
    problems = caught.value.problems
    assert len(problems) == 2
    for problem in problems:
        assert f"{directory / 'facts.yaml'}:{problem.line}: {problem.message}" in str(caught.value)


# ---------------------------------------------------------------------------------------------- YAML


def test_bad_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    text = fact_yaml().replace("keywords: [retired]", "keywords: [retired")
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "bad YAML")
    # The scanner notices the unclosed flow list where the next key begins.
    assert problem.line in (line_of(text, "keywords:"), line_of(text, "citation:"))


def test_bad_yaml_in_source_is_reported(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, source='title: "unclosed\nparagraphs: 10\n')
    assert any(p.path.name == "source.yaml" and "bad YAML" in p.message for p in problems_in(directory))


def test_a_fact_file_must_be_a_list(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, {"facts.yaml": "id: not-a-list\n"})
    only_problem(directory, "facts.yaml", "must be a list of facts")


# ---------------------------------------------------------------------------------------------- fields


def test_unknown_field(tmp_path: Path) -> None:
    text = fact_yaml(extra="colour: red")
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "unknown field 'colour'")
    assert problem.line == line_of(text, "colour: red")


def test_unknown_field_in_source(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, source="title: T\nparagraphs: 10\nauthor: someone\n")
    problem = only_problem(directory, "source.yaml", "unknown field 'author'")
    assert problem.line == 3


def test_duplicate_field(tmp_path: Path) -> None:
    text = fact_yaml(extra="tags: [a]\ntags: [b]")
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "duplicate field 'tags'")
    assert problem.line == line_of(text, "tags: [b]")


@pytest.mark.parametrize("field", ["id", "title", "answer", "questions", "citation"])
def test_missing_required_field(tmp_path: Path, field: str) -> None:
    lines = fact_yaml().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.lstrip("- ").startswith(f"{field}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1  # the field's nested lines
    text = "".join(lines[:start] + lines[end:]) if field != "id" else fact_yaml().replace("- id: sample-fact\n  ", "- ")
    problem = only_problem(
        write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", f"missing required field {field!r}"
    )
    assert problem.line == 1  # the fact itself


def test_bad_id(tmp_path: Path) -> None:
    text = fact_yaml("Not_An_Id")
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "id must be lowercase")
    assert problem.line == 1


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    first = fact_yaml("same-id")
    second = fact_yaml("other-fact", q_en="where is he from", q_es="de dónde es") + fact_yaml(
        "same-id", q_en="how old was he", q_es="cuántos años tenía"
    )
    directory = write_fact_base(tmp_path, {"a.yaml": first, "b.yaml": second})
    problem = only_problem(directory, "b.yaml", "duplicate id 'same-id'")
    assert problem.line == line_of(second, "- id: same-id")
    assert f"first at {directory / 'a.yaml'}:1" in problem.message


# ---------------------------------------------------------------------------------------------- Spanish


@pytest.mark.parametrize(
    ("field", "remove", "message"),
    [
        ("title", "    es: Un dato de ejemplo\n", "title is missing Spanish (es)"),
        ("answer", "    es: Se retiró el 29 de septiembre de 2008.\n", "answer is missing Spanish (es)"),
        ("questions", "    es:\n      - cuándo se retiró\n", "questions is missing Spanish (es) phrasings"),
    ],
)
def test_missing_spanish(tmp_path: Path, field: str, remove: str, message: str) -> None:
    text = fact_yaml()
    assert remove in text
    text = text.replace(remove, "")
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", message)
    # Located at the field (its key line or the first line of its value), never at line 1.
    assert line_of(text, f"{field}:") <= problem.line <= line_of(text, f"{field}:") + 1


def test_missing_english_answer(tmp_path: Path) -> None:
    text = fact_yaml().replace("    en: He retired on 29 September 2008.\n", "")
    only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "answer is missing English (en)")


def test_unknown_language(tmp_path: Path) -> None:
    text = fact_yaml().replace("es: Un dato de ejemplo", "es: Un dato de ejemplo\n    fr: Un fait")
    only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "unknown language 'fr'")


def test_empty_answer_text(tmp_path: Path) -> None:
    text = fact_yaml().replace("es: Se retiró el 29 de septiembre de 2008.", 'es: "  "')
    only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "answer.es must be non-empty text")


# ---------------------------------------------------------------------------------------------- citation


@pytest.mark.parametrize(
    ("citation", "message"),
    [
        ("{page: 4}", "citation must be {paragraph: N} or {caption: true}"),
        ("4", "citation must be {paragraph: N} or {caption: true}"),
        ("{paragraph: 0}", "citation paragraph must be a positive whole number"),
        ("{paragraph: four}", "citation paragraph must be a positive whole number"),
        ("{paragraph: 11}", "citation paragraph 11 is past the article's 10"),
        ("{paragraph: 4, also: [11]}", "citation paragraph 11 is past the article's 10"),
        ("{paragraph: 4, also: 3}", "citation also must list positive whole numbers"),
    ],
)
def test_bad_citation(tmp_path: Path, citation: str, message: str) -> None:
    text = fact_yaml().replace("{paragraph: 4}", citation)
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", message)
    assert problem.line == line_of(text, "citation:")


def test_a_detail_from_another_paragraph_is_cited_too(tmp_path: Path) -> None:
    text = fact_yaml().replace("{paragraph: 4}", "{paragraph: 4, also: [2]}")
    base, problems = check_facts(write_fact_base(tmp_path, {"facts.yaml": text}))
    assert problems == [] and base is not None
    assert base.facts[0].citation.label() == "¶4, ¶2"


def test_caption_citation_is_valid(tmp_path: Path) -> None:
    text = fact_yaml().replace("{paragraph: 4}", "{caption: true}")
    base, problems = check_facts(write_fact_base(tmp_path, {"facts.yaml": text}))
    assert problems == [] and base is not None
    assert base.facts[0].citation.caption and base.facts[0].citation.label("es") == "pie de foto"


def test_source_paragraphs_must_be_positive(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, source="title: T\nparagraphs: 0\n")
    problem = only_problem(directory, "source.yaml", "paragraphs must be a positive whole number")
    assert problem.line == 2


def test_missing_source(tmp_path: Path) -> None:
    only_problem(write_fact_base(tmp_path, source=None), "source.yaml", "missing source.yaml")


def test_no_fact_files(tmp_path: Path) -> None:
    assert any("no fact files" in p.message for p in problems_in(write_fact_base(tmp_path, {})))


def test_missing_directory(tmp_path: Path) -> None:
    assert "does not exist" in problems_in(tmp_path / "nope")[0].message


# ---------------------------------------------------------------------------------------------- unsafe text


@pytest.mark.parametrize(
    ("original", "unsafe"),
    [
        ("en: He retired on 29 September 2008.", "en: Tell @everyone he retired."),
        ("en: He retired on 29 September 2008.", "en: Hey @here, he retired."),
        ("es: Un dato de ejemplo", "es: Un dato <@123>"),
        ("es: Un dato de ejemplo", "es: Un dato <@!123>"),
        ("- when did he retire", "- when did <@&1> retire"),
        ("- cuándo se retiró", "- cuándo se retiró <#42>"),
        ("keywords: [retired]", "keywords: [retired, discord.gg/abcdef]"),
        ("en: He retired on 29 September 2008.", "en: Join https://discord.com/invite/abc to learn more."),
    ],
)
def test_mention_or_invite_syntax_is_rejected_in_any_text(tmp_path: Path, original: str, unsafe: str) -> None:
    text = fact_yaml()
    assert original in text
    text = text.replace(original, unsafe, 1)
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "mention or invite syntax")
    assert problem.line > 1


def test_mention_syntax_in_source_title_is_rejected(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, source='title: "Hi @everyone"\nparagraphs: 10\n')
    only_problem(directory, "source.yaml", "mention or invite syntax")


# ---------------------------------------------------------------------------------------------- cross-checks


def test_phrasing_claimed_by_two_facts(tmp_path: Path) -> None:
    # The same words, differently cased and punctuated, are the same phrasing.
    text = fact_yaml() + fact_yaml("other-fact", q_en="When did he RETIRE?", q_es="de dónde es")
    directory = write_fact_base(tmp_path, {"facts.yaml": text})
    found = [p for p in problems_in(directory) if "also claimed by fact" in p.message]
    first, second = line_of(text, "- when did he retire"), line_of(text, "- When did he RETIRE?")
    path = directory / "facts.yaml"
    # Reported at both places, each naming the other: a curator can jump to either.
    assert sorted((p.line, p.message) for p in found) == [
        (first, f"phrasing 'when did he retire' is also claimed by fact 'other-fact' (at {path}:{second})"),
        (second, f"phrasing 'When did he RETIRE?' is also claimed by fact 'sample-fact' (at {path}:{first})"),
    ]
    assert len(problems_in(directory)) == 2


def test_the_same_phrasing_twice_in_one_fact_is_not_a_conflict(tmp_path: Path) -> None:
    once = "      - when did he retire\n"
    text = fact_yaml().replace(once, once + "      - When did he retire?\n")
    assert check_facts(write_fact_base(tmp_path, {"facts.yaml": text}))[1] == []


# ---------------------------------------------------------------------------------------------- dates


def test_date_is_read(tmp_path: Path) -> None:
    base, _ = check_facts(write_fact_base(tmp_path, {"facts.yaml": fact_yaml(extra="date: 2008-09-29")}))
    assert base is not None
    assert base.facts[0].date == dt.date(2008, 9, 29) and base.facts[0].year == 2008


@pytest.mark.parametrize("value", ["29 September 2008", "2008-09-29 10:00:00", "2008", "[2008, 9, 29]"])
def test_bad_date(tmp_path: Path, value: str) -> None:
    text = fact_yaml(extra=f"date: {value}")
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "date must be YYYY-MM-DD")
    assert problem.line == line_of(text, "date:")


@pytest.mark.parametrize("value", ["2008-02-30", "2008-13-01"])
def test_impossible_date_is_reported_not_raised(tmp_path: Path, value: str) -> None:
    text = fact_yaml(extra=f"date: {value}")
    problems = check_facts(write_fact_base(tmp_path, {"facts.yaml": text}))[1]
    assert any(p.line == line_of(text, "date:") for p in problems)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("year: 1800", "year must be a year like 1996"),
        ("year: 2200", "year must be a year like 1996"),
        ("year: soon", "year must be a year like 1996"),
        ("year: true", "year must be a year like 1996"),
        ("date: 2008-09-29\nyear: 2007", "year 2007 disagrees with date 2008-09-29"),
    ],
)
def test_bad_year(tmp_path: Path, extra: str, message: str) -> None:
    text = fact_yaml(extra=extra)
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", message)
    assert problem.line == line_of(text, "year:")


# ---------------------------------------------------------------------------------------------- lexicon


def test_a_valid_lexicon_is_read(tmp_path: Path) -> None:
    lexicon = "concepts:\n  retire: [retire, quit, retiro]\nintents: [retire]\nstopwords:\n  en: [the]\n"
    base, problems = check_facts(write_fact_base(tmp_path, lexicon=lexicon))
    assert problems == [] and base is not None
    assert base.lexicon.concepts["retire"] == ("retire", "quit", "retiro")
    assert base.lexicon.intents == {"retire"} and "the" in base.lexicon.stopwords


@pytest.mark.parametrize(
    ("lexicon", "needle", "message"),
    [
        ("concepts:\n  Bad-Name: [x]\n", "Bad-Name", "concept name must be lowercase"),
        ("concepts:\n  retire: []\n", "retire", "needs a non-empty list of forms"),
        ("concepts: [retire, quit]\n", "concepts", "concepts must map a concept name"),
        ("concepts:\n  retire: [quit]\nentities: [nowhere]\n", "entities", "'nowhere', which is not a concept"),
        ("stopwords:\n  fr: [le]\n", "fr:", "stopwords must map en/es"),
        ("stopwords:\n  en: the\n", "en: the", "stopwords.en must be a list of words"),
        ("synonyms:\n  retire: [quit]\n", "synonyms", "unknown field 'synonyms' in lexicon"),
        ("concepts: {retire: [quit]\n", None, "bad YAML"),
    ],
)
def test_bad_lexicon(tmp_path: Path, lexicon: str, needle: str | None, message: str) -> None:
    problem = only_problem(write_fact_base(tmp_path, lexicon=lexicon), "lexicon.yaml", message)
    if needle is not None:
        assert problem.line == line_of(lexicon, needle)


# ---------------------------------------------------------------------------------------------- empty files


def test_empty_fact_file_is_a_problem(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, {"facts.yaml": fact_yaml(), "empty.yaml": ""})
    assert any(p.path.name == "empty.yaml" for p in check_facts(directory)[1])


def test_empty_source_is_a_located_problem(tmp_path: Path) -> None:
    base, problems = check_facts(write_fact_base(tmp_path, source=""))
    assert base is None
    assert any(p.path.name == "source.yaml" for p in problems)


# ---------------------------------------------------------------------------------------------- shipped


def test_shipped_facts_have_no_problems() -> None:
    base, problems = check_facts(SHIPPED_FACTS)
    assert [str(p) for p in problems] == []
    assert base is not None and len(base) >= 20


@pytest.mark.parametrize("fact", shipped_facts().facts, ids=lambda f: f.id)
def test_every_shipped_fact_is_bilingual_and_cited(fact) -> None:
    for lang in LANGS:
        assert fact.title.get(lang, "").strip(), f"{fact.id}: no {lang} title"
        assert fact.answer.get(lang, "").strip(), f"{fact.id}: no {lang} answer"
        assert fact.questions.get(lang), f"{fact.id}: no {lang} phrasings"
    citation = fact.citation
    assert citation.caption or 1 <= citation.paragraph <= shipped_facts().source.paragraphs


def test_shipped_ids_are_unique() -> None:
    ids = [f.id for f in shipped_facts()]
    assert len(ids) == len(set(ids))


def test_shipped_retirement_dates() -> None:
    facts = shipped_facts()
    retired, announced = facts.get("retirement-date"), facts.get("retirement-announcement")
    assert retired is not None and retired.date == dt.date(2008, 9, 29)
    assert announced is not None and announced.date == dt.date(2008, 9, 20)


# ---------------------------------------------------------------------------------------------- lint gaps

TODAY = dt.date(2026, 12, 3)


def test_a_future_date_is_reported_when_the_caller_gives_today(tmp_path: Path) -> None:
    text = fact_yaml(extra="date: 2208-09-29")
    text = text.replace("29 September 2008", "29 September 2208").replace("septiembre de 2008", "septiembre de 2208")
    directory = write_fact_base(tmp_path, {"facts.yaml": text})
    assert check_facts(directory)[1] == []  # no clock: no lint of dated facts
    (problem,) = check_facts(directory, today=TODAY)[1]
    assert problem.line == line_of(text, "date:")
    assert problem.message == "date 2208-09-29 is in the future (today is 2026-12-03): it would never be posted"


def test_a_future_year_is_reported(tmp_path: Path) -> None:
    text = fact_yaml(extra="year: 2031")
    (problem,) = check_facts(write_fact_base(tmp_path, {"facts.yaml": text}), today=TODAY)[1]
    assert problem.line == line_of(text, "year:") and "year 2031 is in the future" in problem.message


def test_a_date_the_answer_does_not_give_is_reported_once(tmp_path: Path) -> None:
    text = fact_yaml(extra="date: 2008-09-28")
    (problem,) = check_facts(write_fact_base(tmp_path, {"facts.yaml": text}), today=TODAY)[1]
    assert problem.line == line_of(text, "date:")
    assert problem.message == "date 2008-09-28 disagrees with the answer (en, es), which does not give it"


def test_a_typo_in_the_year_is_both_future_and_disagreeing(tmp_path: Path) -> None:
    text = fact_yaml(extra="date: 2208-09-29")  # the answer says 2008
    messages = [p.message for p in check_facts(write_fact_base(tmp_path, {"facts.yaml": text}), today=TODAY)[1]]
    assert len(messages) == 2 and "in the future" in messages[0] and "disagrees with the answer" in messages[1]


@pytest.mark.parametrize(
    ("en", "es"),
    [
        ("He retired on September 29, 2008.", "Se retiró el 29 de septiembre de 2008."),
        ("He retired on 29th September 2008.", "El 29 de Septiembre de 2008 se retiró."),
    ],
)
def test_other_ways_of_writing_the_date_agree(tmp_path: Path, en: str, es: str) -> None:
    text = fact_yaml(extra="date: 2008-09-29").replace("He retired on 29 September 2008.", en)
    text = text.replace("Se retiró el 29 de septiembre de 2008.", es)
    assert check_facts(write_fact_base(tmp_path, {"facts.yaml": text}), today=TODAY)[1] == []


def test_a_yml_file_is_reported_not_skipped(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path, {"facts.yaml": fact_yaml(), "more.yml": fact_yaml("more-fact")})
    problem = only_problem(directory, "more.yml", "not read")
    assert problem.line == 1 and "rename it to more.yaml" in problem.message


def test_a_citation_with_both_paragraph_and_caption_is_rejected(tmp_path: Path) -> None:
    text = fact_yaml().replace("{paragraph: 4}", "{paragraph: 6, caption: true}")
    problem = only_problem(write_fact_base(tmp_path, {"facts.yaml": text}), "facts.yaml", "not both")
    assert problem.line == line_of(text, "citation:")


def test_a_non_utf8_file_is_reported_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path)
    text = fact_yaml().replace("He retired", "P\xe9rez retired")
    (directory / "facts.yaml").write_bytes(text.encode("latin-1"))
    (problem,) = problems_in(directory)
    assert problem.line == line_of(text, "retired on")
    assert problem.message == "not UTF-8 text (byte 0xe9); save the file as UTF-8"


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    directory = write_fact_base(tmp_path)
    (directory / "facts.yaml").write_bytes(b"\xef\xbb\xbf" + fact_yaml().encode())
    assert check_facts(directory)[1] == []


@pytest.mark.parametrize("field", ["answer", "title", "questions"])
def test_a_missing_bilingual_field_is_one_message(tmp_path: Path, field: str) -> None:
    lines = fact_yaml().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"{field}:")
    end = start + 1
    while lines[end].startswith("    "):
        end += 1
    text = "".join(lines[:start] + lines[end:])
    problems = problems_in(write_fact_base(tmp_path, {"facts.yaml": text}))
    assert [p.message for p in problems] == [f"fact is missing required field {field!r}"]


def test_derived_is_read(tmp_path: Path) -> None:
    text = fact_yaml(extra="derived: the year, counted from 'two years later'")
    base, problems = check_facts(write_fact_base(tmp_path, {"facts.yaml": text}))
    assert problems == [] and base is not None
    assert base.facts[0].derived == "the year, counted from 'two years later'"
    assert check_facts(write_fact_base(tmp_path, {"facts.yaml": fact_yaml(extra="derived: ''")}))[1]


def test_check_directory_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("", encoding="utf-8")
    (problem,) = problems_in(tmp_path / "x.yaml")
    assert problem.message == "not a directory: give the directory that holds the fact files"


def test_shipped_facts_pass_the_dated_checks_today() -> None:
    assert check_facts(SHIPPED_FACTS, today=dt.date.today())[1] == []


# Words the article never uses for what it mentions: it names "the Russian Anti-Doping Agency",
# never its acronym. Facts say only what the article says, so no phrasing or keyword uses them
# (how a user may say it, acronym included, is the lexicon's business, not a fact's).
NOT_IN_THE_ARTICLE = ("rusada",)


def test_no_phrasing_or_keyword_uses_a_word_the_article_does_not() -> None:
    found = [
        (fact.id, text)
        for fact in load_facts()
        for text in (*fact.keywords, *(q for qs in fact.questions.values() for q in qs))
        for word in NOT_IN_THE_ARTICLE
        if word in text.casefold().split()
    ]
    assert found == []
