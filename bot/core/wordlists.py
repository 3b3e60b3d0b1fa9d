"""General-language word data shipped in ``bot/core/data/``: common words with their frequency
rank, and the per-language word tables of the text analysis (numbers, chat spellings, …)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from bot.core.kept import kept
from bot.core.record import Frozen

__all__ = [
    "RARE_RANK",
    "Tables",
    "common_words",
    "tables",
    "word_classes",
    "word_ranks",
]

LANGS = ("en", "es")
_DATA = Path(__file__).with_name("data")
RARE_RANK = 100_000  # the rank of a word in neither list: rarer than any listed word


def word_classes(name: str) -> list[tuple[str, str, list[str]]]:
    """The lines of a plain-text word-class file in ``data/`` (``<lang> <class>: items…``; blank
    lines and ``#`` comments skipped) as (lang, class, items). Plain text, not YAML: these files are
    read on every cold start, and YAML 1.1 reads words like "no" and "on" as booleans."""
    found = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, _, items = line.partition(":")
        lang, kind = head.split()
        found.append((lang, kind, items.split()))
    return found


def _read_words(lang: str) -> list[str]:
    """The words of ``words-{lang}.txt.gz``, most frequent first (empty if the file is missing)."""
    import gzip  # only when the lists are read: never on a cached start

    try:
        with gzip.open(_DATA / f"words-{lang}.txt.gz", "rt", encoding="utf-8") as fh:
            return fh.read().split()
    except OSError:
        return []


@lru_cache(maxsize=3)
def common_words(lang: str | None = None) -> frozenset[str]:
    """Common English and/or Spanish words (folded): real words are never "typo-corrected"."""
    if lang is None:
        return common_words("en") | common_words("es")
    return frozenset(_read_words(lang))


@lru_cache(maxsize=1)
def word_ranks() -> dict[str, int]:
    """Each common word's frequency rank in general English or Spanish (1 = most frequent; the
    better of the two languages). The word lists are stored most frequent first."""
    ranks: dict[str, int] = {}
    for lang in LANGS:
        for rank, word in enumerate(_read_words(lang), 1):
            if rank < ranks.get(word, rank + 1):
                ranks[word] = rank
    return ranks


class Tables(Frozen):
    """The word tables of ``tables-en.yaml`` and ``tables-es.yaml``, both languages merged."""

    _fields = (
        "numbers",
        "spellings",
        "conjunctions",
        "question_starters",
        "lead_filler",
        "hedges",
        "wh_words",
        "indirect",
        "polite",
        "requests",
        "question_words",
        "subjects",
        "pleas",
        "courtesy",
        "asking_words",
        "determiners",
        "perfect",
        "him_nouns",
        "articles",
        "relatives",
        "prepositions",
        "noun_markers",
        "polite_links",
    )
    __slots__ = _fields
    numbers: Mapping[str, str]
    spellings: Mapping[str, str]
    conjunctions: frozenset[str]
    question_starters: frozenset[str]
    lead_filler: frozenset[str]
    hedges: frozenset[str]
    wh_words: frozenset[str]
    indirect: frozenset[str]  # words of knowing and telling that embed a question ("know when…")
    polite: frozenset[str]  # "please", "could you": before a request's verb
    requests: frozenset[str]  # "state", "indicate": the verb a request opens with
    question_words: frozenset[str]  # "which", "what": may open a relative clause instead of a question
    subjects: frozenset[str]  # subject pronouns: after a question word, a relative clause ("which i…")
    pleas: frozenset[str]  # "help", "ayuda": a request for help, which names nothing asked
    courtesy: frozenset[str]  # "thanks", "pardon", "hello": what a courtesy clause opens with
    asking_words: frozenset[str]  # every question word, direct or embedded ("who", "how", "cuánto")
    determiners: frozenset[str]  # "dicha", "aforementioned": point back at a thing, name nothing
    perfect: frozenset[str]  # "ha", "había": after them a determiner is a past participle
    him_nouns: frozenset[str]  # "the athlete", "el atleta": him, when nothing follows to say who else
    articles: frozenset[str]  # "the", "el": what makes such a noun a reference
    relatives: frozenset[str]  # "who", "que": after a noun, make it someone else
    prepositions: frozenset[str]  # "in", "for": after a courtesy, its continuation ("in advance")
    noun_markers: frozenset[str]  # "the", "his", "la", "sus": mark the noun after them, say nothing
    polite_links: frozenset[str]  # "if", "que": go on with a polite opening once one has begun

    def __init__(
        self,
        numbers: Mapping[str, str],
        spellings: Mapping[str, str],
        conjunctions: frozenset[str],
        question_starters: frozenset[str],
        lead_filler: frozenset[str],
        hedges: frozenset[str],
        wh_words: frozenset[str],
        indirect: frozenset[str] = frozenset(),
        polite: frozenset[str] = frozenset(),
        requests: frozenset[str] = frozenset(),
        question_words: frozenset[str] = frozenset(),
        subjects: frozenset[str] = frozenset(),
        pleas: frozenset[str] = frozenset(),
        courtesy: frozenset[str] = frozenset(),
        asking_words: frozenset[str] = frozenset(),
        determiners: frozenset[str] = frozenset(),
        perfect: frozenset[str] = frozenset(),
        him_nouns: frozenset[str] = frozenset(),
        articles: frozenset[str] = frozenset(),
        relatives: frozenset[str] = frozenset(),
        prepositions: frozenset[str] = frozenset(),
        noun_markers: frozenset[str] = frozenset(),
        polite_links: frozenset[str] = frozenset(),
    ) -> None:
        _set = object.__setattr__
        _set(self, "numbers", numbers)
        _set(self, "spellings", spellings)
        _set(self, "conjunctions", conjunctions)
        _set(self, "question_starters", question_starters)
        _set(self, "lead_filler", lead_filler)
        _set(self, "hedges", hedges)
        _set(self, "wh_words", wh_words)
        _set(self, "indirect", indirect)
        _set(self, "polite", polite)
        _set(self, "requests", requests)
        _set(self, "question_words", question_words)
        _set(self, "subjects", subjects)
        _set(self, "pleas", pleas)
        _set(self, "courtesy", courtesy)
        _set(self, "asking_words", asking_words)
        _set(self, "determiners", determiners)
        _set(self, "perfect", perfect)
        _set(self, "him_nouns", him_nouns)
        _set(self, "articles", articles)
        _set(self, "relatives", relatives)
        _set(self, "prepositions", prepositions)
        _set(self, "noun_markers", noun_markers)
        _set(self, "polite_links", polite_links)


@kept  # a cached start restores the tables with the engine: no YAML parser imported
def tables() -> Tables:
    import yaml  # only when the tables are built (see above)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10× faster to start
    merged: dict[str, dict[str, str] | set[str]] = {}
    for lang in LANGS:
        data = yaml.load((_DATA / f"tables-{lang}.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
        for key, value in data.items():
            if isinstance(value, dict):
                target = merged.setdefault(key, {})
                assert isinstance(target, dict)
                target.update({str(k): str(v) for k, v in value.items()})
            else:
                bucket = merged.setdefault(key, set())
                assert isinstance(bucket, set)
                bucket.update(str(v) for v in value)

    def words(key: str) -> frozenset[str]:
        value = merged.get(key, set())
        return frozenset(value) if isinstance(value, set) else frozenset()

    def mapping(key: str) -> dict[str, str]:
        value = merged.get(key, {})
        return dict(value) if isinstance(value, dict) else {}

    return Tables(
        numbers=mapping("numbers"),
        spellings=mapping("spellings"),
        conjunctions=words("conjunctions"),
        question_starters=words("question_starters"),
        lead_filler=words("lead_filler"),
        hedges=words("hedges"),
        wh_words=words("wh_words"),
        indirect=words("indirect"),
        polite=words("polite"),
        requests=words("requests"),
        question_words=words("question_words"),
        subjects=words("subjects"),
        pleas=words("pleas"),
        courtesy=words("courtesy"),
        asking_words=words("asking_words"),
        determiners=words("determiners"),
        perfect=words("perfect"),
        him_nouns=words("him_nouns"),
        articles=words("articles"),
        relatives=words("relatives"),
        prepositions=words("prepositions"),
        noun_markers=words("noun_markers"),
        polite_links=words("polite_links"),
    )
