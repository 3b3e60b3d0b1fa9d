"""The records text analysis deals in: ``Lexicon`` (what the analyzer knows of words, read from the
fact base) and ``Analysis`` (what it read in a text). Kept apart from the analyzer so that the
modules that only read an analysis (scoring, claims, small talk) need none of its machinery.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.record import Frozen

NO_CONCEPT = "none"  # lexicon concept whose forms are dropped like stop words


class Lexicon(Frozen):
    """The vocabulary knowledge the analyzer uses; read from ``lexicon.yaml`` of the fact base.

    ``concepts`` maps a canonical concept to its surface forms (words or phrases, EN and ES);
    ``stopwords`` are dropped; ``entities`` and ``intents`` name concepts that weigh more when a
    fact lacks them (a question about Beijing is not answered by an Atlanta fact); ``topic``
    concepts are about the subject at large ("the Ecuadorian walker") and never count against a fact.
    """

    _fields = (
        "concepts",
        "stopwords",
        "entities",
        "intents",
        "people",
        "topic",
        "values",
        "decline",
        "spanish_markers",
        "english_markers",
    )
    __slots__ = _fields
    concepts: Mapping[str, tuple[str, ...]]
    stopwords: frozenset[str]
    entities: frozenset[str]
    intents: frozenset[str]
    people: frozenset[str]
    topic: frozenset[str]
    values: Mapping[str, str]  # concept → kind of value (medal, nation…)
    decline: frozenset[str]  # concepts that make a message no question at all (injections)
    spanish_markers: frozenset[str]
    english_markers: frozenset[str]

    def __init__(
        self,
        concepts: Mapping[str, tuple[str, ...]] | None = None,
        stopwords: frozenset[str] = frozenset(),
        entities: frozenset[str] = frozenset(),
        intents: frozenset[str] = frozenset(),
        people: frozenset[str] = frozenset(),
        topic: frozenset[str] = frozenset(),
        values: Mapping[str, str] | None = None,
        decline: frozenset[str] = frozenset(),
        spanish_markers: frozenset[str] = frozenset(),
        english_markers: frozenset[str] = frozenset(),
    ) -> None:
        _set = object.__setattr__
        _set(self, "concepts", {} if concepts is None else concepts)
        _set(self, "stopwords", stopwords)
        _set(self, "entities", entities)
        _set(self, "intents", intents)
        _set(self, "people", people)
        _set(self, "topic", topic)
        _set(self, "values", {} if values is None else values)
        _set(self, "decline", decline)
        _set(self, "spanish_markers", spanish_markers)
        _set(self, "english_markers", english_markers)


class Analysis(Frozen):
    """The canonical tokens of a text and what kind each is."""

    _fields = (
        "tokens",
        "unknown",
        "lang",
        "unknown_pairs",
        "clauses",
        "asking",
        "subjects",
        "soft",
        "confirming",
        "ranks",
        "asks_name",
        "hypothetical",
        "embedded",
        "asides",
        "related",
        "manner",
        "plural",
        "victory",
        "unknown_measure",
    )
    __slots__ = _fields
    tokens: tuple[str, ...]
    unknown: frozenset[str]
    lang: str
    # Unknown words that name a new thing: two in a row ("prize money") or a capitalised one
    # mid-sentence ("the biggest city in Australia").
    unknown_pairs: frozenset[str]
    clauses: tuple[tuple[str, ...], ...]  # the tokens of each clause ("…, and where…")
    asking: tuple[bool, ...]  # per clause: does it ask something (question word, "?")
    # Whom the question is about: ``about_him`` ("did Pérez…") or ``about_markov`` ("Markov's time").
    subjects: frozenset[str]
    # Context words (from the clauses of a long message that do not ask): they help when a fact
    # has them, and cost little when it does not.
    soft: frozenset[str]
    confirming: bool  # "he won bronze in Beijing, right?" checks a claim
    # Token → the general-language frequency rank of the word it came from (absent: rare).
    ranks: Mapping[str, int]
    # "what's the cathedral called": a name is asked, not the thing — the tokens of what is to be
    # named ("cathedral"), or of the whole question when the phrase can't be told; () asks no name.
    asks_name: tuple[str, ...]
    hypothetical: bool  # "will / should he get the gold?": asks of a plan or a call, not a deed
    # Questions embedded mid-clause ("nobody could agree on when he hung it up", "what i want to
    # know is what year he won"): (token index where each starts, its question word's token, or ""
    # when the token there is itself one). Only the fallbacks for long messages read them.
    embedded: tuple[tuple[int, str], ...]
    # Per clause: is it the asker talking about themselves ("… i always forget", "my teacher wants
    # it")? Context for the question, never a second question to answer.
    asides: tuple[bool, ...]
    # Unknown token → the lexicon concept the thesaurus reads it as ("annum" → a year): a fact
    # holding that concept explains the word, though it is never a topic word matched.
    related: Mapping[str, str]
    # Unknown English tokens whose word is no concrete thing ("articulate", "precise"): how a
    # question is put, so a rare one weighs no more than a word of middling frequency.
    manner: frozenset[str]
    plural: bool  # it asks of results in the plural ("which years", "his medals", "sus títulos")
    # It asks of a win as a first place ("his first win abroad", "ganó su primera competencia"),
    # naming no medal and not asking what was won ("what did he win" takes any medal).
    victory: bool
    # "How hot was it", "how tall is he", "qué tan pesado…": a degree of a property no fact knows
    # the word for — a measure the article never gives.
    unknown_measure: bool

    def __init__(
        self,
        tokens: tuple[str, ...],
        unknown: frozenset[str],
        lang: str,
        unknown_pairs: frozenset[str] = frozenset(),
        clauses: tuple[tuple[str, ...], ...] = (),
        asking: tuple[bool, ...] = (),
        subjects: frozenset[str] = frozenset(),
        soft: frozenset[str] = frozenset(),
        confirming: bool = False,
        ranks: Mapping[str, int] | None = None,
        asks_name: tuple[str, ...] = (),
        hypothetical: bool = False,
        embedded: tuple[tuple[int, str], ...] = (),
        asides: tuple[bool, ...] = (),
        related: Mapping[str, str] | None = None,
        manner: frozenset[str] = frozenset(),
        plural: bool = False,
        victory: bool = False,
        unknown_measure: bool = False,
    ) -> None:
        # The per-clause flags always line up with the clauses, whatever a caller replaced: a
        # clause without a flag asks (as a lone clause does) and is no aside.
        n = len(clauses)
        asking = tuple(asking[:n]) + (True,) * (n - len(asking))
        asides = tuple(asides[:n]) + (False,) * (n - len(asides)) if asides else ()
        _set = object.__setattr__
        _set(self, "tokens", tokens)
        _set(self, "unknown", unknown)
        _set(self, "lang", lang)
        _set(self, "unknown_pairs", unknown_pairs)
        _set(self, "clauses", clauses)
        _set(self, "asking", asking)
        _set(self, "subjects", subjects)
        _set(self, "soft", soft)
        _set(self, "confirming", confirming)
        _set(self, "ranks", {} if ranks is None else ranks)
        _set(self, "asks_name", asks_name)
        _set(self, "hypothetical", hypothetical)
        _set(self, "embedded", embedded)
        _set(self, "asides", asides)
        _set(self, "related", {} if related is None else related)
        _set(self, "manner", manner)
        _set(self, "plural", plural)
        _set(self, "victory", victory)
        _set(self, "unknown_measure", unknown_measure)

    def part(self, tokens: tuple[str, ...], soft: frozenset[str] = frozenset()) -> Analysis:
        """The analysis of a part of this text (a clause, or the last few clauses)."""
        kept = frozenset(tokens)
        return Analysis(
            tokens,
            self.unknown & kept,
            self.lang,
            self.unknown_pairs & kept,
            (tokens,),
            (True,),
            self.subjects,
            soft | (self.soft & kept),  # who asks ("my teacher asked…") stays context in every part
            self.confirming,
            self.ranks,
            self.asks_name,
            self.hypothetical,
            related=self.related,
            manner=self.manner & kept,
            plural=self.plural,
            victory=self.victory,
            unknown_measure=self.unknown_measure,
        )
