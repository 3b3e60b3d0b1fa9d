"""The fact index: what each fact's phrasings, keywords and answer say, in canonical tokens.

Built once per fact base: per fact its vocabulary with each word's centrality, the idf of every
word, inverted indexes from words to facts and phrasings, the kinds of value a fact holds (medal,
nation, number…), whom a fact is about, and its answer's tokens (to confirm or correct a claim).
"""

from __future__ import annotations

import math
import re

from bot.core.claims import comparison_words
from bot.core.facts import LANGS, FactBase
from bot.core.fold import fold
from bot.core.lazyre import lazy
from bot.core.ngrams import shipped_model
from bot.core.numbers import is_year
from bot.core.text import ABOUT_HIM, Analyzer

__all__ = ["ANSWER_ONLY", "SUBJECT_SHARE", "FactIndex", "about_other", "answer_kinds", "is_year"]

SUBJECT_SHARE = 0.5  # share of a fact's phrasings naming someone for the fact to be about them
ANSWER_ONLY = 0.35  # centrality of a word found only in a fact's answer (not its phrasings)


def about_other(token: str) -> bool:
    """A marker that the question is about someone else ("Markov's time")."""
    return token.startswith("about_") and token != ABOUT_HIM


YEAR_IN_TEXT = lazy(r"\b(?:19|20)\d\d\b")  # a year written in an answer

# What a fact's answer can say, read from its text: a time, a year, a distance, his words, a place.
_ANSWER_KINDS = (
    ("time", lazy(r"\b\d+:\d\d(?::\d\d)?\b|\b\d+ (?:seconds?|minutes?|hours?)\b")),
    ("year", YEAR_IN_TEXT),
    # A date: a month named ("29 September 2008", "January 2015"), not a year alone.
    ("date", lazy(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")),
    ("distance", lazy(r"\b\d[\d,]* ?(?:km|m|kilomet\w+|metres|meters)\b")),
    ("days", lazy(r"\b(?:days?|weeks?|months?)\b", re.IGNORECASE)),
    ("quote", lazy(r"[“«\"]")),
    ("place", lazy(r"\b(?:in|at|from|to|near|outside|across|after)\s+(?:the\s+)?[A-Z]\w+")),
)


_PLACE_RE = lazy(r"\b(?:in|at|from|to|near|across)\s+(?:the\s+)?([A-Z]\w+)")


# A count written out ("another four years", "three World Championships"); "one" is too often no count.
_SPELLED_COUNT = lazy(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b", re.IGNORECASE)


def _holds_a_number(text: str) -> bool:
    """Does an answer state a number, in digits or spelled out?"""
    return any(ch.isdigit() for ch in text) or bool(_SPELLED_COUNT.search(text))


def answer_kinds(text: str) -> frozenset[str]:
    """The kinds of value ``text`` (an answer, English) holds: time, year, distance, place."""
    return frozenset(kind for kind, pattern in _ANSWER_KINDS if pattern.search(text))


# "the cathedral in Quito": a thing the text names only by what it is (a determiner, lowercase
# words, no capitalised name right after them); "his coach, Luis Chocho" names him. The last
# lowercase word before a function word is the thing ("the local coach who…" → coach).
_DETERMINED = lazy(r"\b(?:the|that|this|its|a|an)((?:\s+[a-z]+){1,2})\b(,?\s+\S+)?")
_FUNCTION = frozenset(
    "a an and as at by for from in into of on or over than that the to was were when where which who with".split()
)


def unnamed_things(text: str) -> set[str]:
    """Nouns of ``text`` it mentions only generically, never with a name (capitalised)."""
    generic: set[str] = set()
    named: set[str] = set()
    for found in _DETERMINED.finditer(text):
        words = found.group(1).split()
        after = (found.group(2) or "").strip(", ")
        if len(words) == 2 and words[1] in _FUNCTION:
            words, after = words[:1], words[1]
        word = words[-1]
        if len(word) >= 4 and word not in _FUNCTION:
            (named if after[:1].isupper() else generic).add(word)
    capitalised = {w.lower() for w in re.findall(r"\b[A-Z\u00c0-\u00de]\w+", text)}
    # "His coach was Luis Chocho", "the race, Murcia's final": named somewhere else in the text.
    named.update(re.findall(r"\b([a-z]{4,})(?:,|\s+(?:was|is|named|called))?\s+[A-Z]", text))
    return generic - named - capitalised


# "The ban led to calls to strip Borchin of the gold and give it to Pérez": what follows a call, a
# plan or a wish, to the end of its sentence, is not something that happened.
_PROPOSED = lazy(
    r"\b(?:calls? (?:for|to)|called (?:for|to)|plans? to|planned to|hoped to|hopes to|wants? to|"
    r"wanted to|asked to|should)\b([^.;:,]*?)(?=\bbut\b|[.;:,]|$)"
)


# A number and the word or two it counts ("two Olympic medals", "one gold", "five Olympic Games").
# A year counts nothing ("the 1996 Olympic gold").
_COUNTED_RE = lazy(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*)\s+([a-z]+(?:\s+[a-z]+)?)"
)


def proposed_text(text: str) -> tuple[str, str]:
    """(what ``text`` says was only called for, planned or wished, the rest)."""
    proposed = " ".join(m.group(1) for m in _PROPOSED.finditer(text))
    return proposed, _PROPOSED.sub(" ", text)


class FactIndex:
    """Everything about the fact base that does not depend on the question. Immutable once built."""

    def _tokens_of(self, word: str, lang: str) -> tuple[str, ...]:
        return self.analyzer.analyze(word, lang).tokens

    def _stated_kinds(self, text: str) -> frozenset[str]:
        """:func:`answer_kinds` of an answer, a place only when it names one."""
        kinds = answer_kinds(text)
        return kinds if "place" not in kinds or self._names_a_place(text) else kinds - {"place"}

    def _names_a_place(self, text: str) -> bool:
        """Does ``text`` say where, with a place's name after "in", "at", "from"…? The name must be a
        place the lexicon knows (an entity that is no person, no medal): "in January", "from
        Borchin" or "outside South America" (where it was not) say no place."""
        lexicon = self.facts.lexicon
        for found in _PLACE_RE.finditer(text):
            tokens = self._tokens_of(found.group(1), "en")
            if any(t in lexicon.entities and t not in lexicon.people and t not in lexicon.values for t in tokens):
                return True
            if any(lexicon.values.get(t) == "nation" for t in tokens):
                return True
        return False

    def __init__(self, facts: FactBase) -> None:
        self.facts = facts
        self.ngram_model = shipped_model()  # the second opinion (see bot.core.decision)
        lexicon = facts.lexicon
        vocabulary: list[str] = []
        for fact in facts:
            vocabulary.extend(fact.keywords)
            for lang in LANGS:
                vocabulary.extend(fact.questions.get(lang, ()))
                vocabulary.append(fact.answer.get(lang, ""))
                vocabulary.append(fact.title.get(lang, ""))
        self.analyzer = Analyzer(lexicon, vocabulary)
        self._strong = lexicon.entities | lexicon.intents
        self._intents = lexicon.intents
        self._entities = lexicon.entities
        self._topic = lexicon.topic
        self._declines = lexicon.decline
        self._concepts = frozenset(lexicon.concepts)
        self._vocab: list[frozenset[str]] = []
        self._centrality: list[dict[str, float]] = []
        self._answer_only: list[frozenset[str]] = []
        self._phrasings: list[str] = []  # canonical token strings, for rapidfuzz
        self._phrasing_sets: list[frozenset[str]] = []
        self._phrasing_owner: list[int] = []
        self._phrasing_text: list[tuple[str, str]] = []  # (lang, original), for autocomplete
        self._phrasing_text_owner: list[int] = []
        self._fact_phrasings: list[list[str]] = []
        for i, fact in enumerate(facts):
            counts: dict[str, int] = {}
            shapes: set[frozenset[str]] = set()
            n_phrasings = 0
            for lang in LANGS:
                for phrasing in fact.questions.get(lang, ()):
                    analysed = self.analyzer.analyze(phrasing, lang)
                    tokens = frozenset(analysed.tokens) | (analysed.subjects - {ABOUT_HIM})
                    n_phrasings += 1
                    for token in tokens:
                        counts[token] = counts.get(token, 0) + 1
                    self._phrasing_text.append((lang, phrasing))
                    self._phrasing_text_owner.append(i)
                    if tokens and tokens not in shapes:  # phrasings that analyse alike are scored once
                        shapes.add(tokens)
                        self._phrasings.append(" ".join(sorted(tokens)))
                        self._phrasing_sets.append(tokens)
                        self._phrasing_owner.append(i)
            self._fact_phrasings.append(
                [p for p, o in zip(self._phrasings, self._phrasing_owner, strict=True) if o == i]
            )
            central = {t: min(1.0, 2.5 * c / max(n_phrasings, 1)) for t, c in counts.items()}
            defining: set[str] = set()
            for keyword in (*fact.keywords, str(fact.year or "")):
                defining.update(self.analyzer.analyze(keyword, "en").tokens)
            for lang in LANGS:
                defining.update(self.analyzer.analyze(fact.title.get(lang, ""), lang).tokens)
            for token in defining:
                central[token] = max(central.get(token, 0.0), 0.8)
            answer_only: set[str] = set()
            for lang in LANGS:
                for token in self.analyzer.analyze(fact.answer.get(lang, ""), lang).tokens:
                    # An answer's wording never makes a fact answer "when", nor its numbers a question's.
                    if token not in lexicon.intents and not token[:1].isdigit() and token not in central:
                        central[token] = ANSWER_ONLY
                        answer_only.add(token)
            self._answer_only.append(frozenset(answer_only))
            self._centrality.append(central)
            self._vocab.append(frozenset(central))
        n = max(len(self._vocab), 1)
        df: dict[str, int] = {}
        for words in self._vocab:
            for token in words:
                df[token] = df.get(token, 0) + 1
        self._idf = {t: math.log(1 + n / d) for t, d in df.items()}
        # The kinds of value each fact's answer states ("in January", "from Borchin" name no place).
        self._said = [self._stated_kinds(f.answer.get("en", "")) for f in facts]
        # The years each fact's answer tells: one event, or a series of them.
        self._years_told = [frozenset(YEAR_IN_TEXT.findall(f.answer.get("en", ""))) for f in facts]
        self._medal_colours = frozenset(t for t, kind in lexicon.values.items() if kind == "medal")
        # The kinds of value each fact holds, numbers of its answer included.
        self._fact_kinds: list[frozenset[str]] = []
        for i, fact in enumerate(facts):
            kinds = {lexicon.values[t] for t in self._vocab[i] if t in lexicon.values}
            if _holds_a_number(fact.answer.get("en", "")):
                kinds.add("number")
            kinds.update(self._said[i])
            if "nation" in kinds:
                kinds.add("place")  # "Russia's Ilya Markov" says where he is from
            self._fact_kinds.append(frozenset(kinds))
        # A fact mostly about someone else (most phrasings name them) has them as its subject.
        self._subjects: list[frozenset[str]] = []
        for i in range(len(self._vocab)):
            sets = [t for t, o in zip(self._phrasing_sets, self._phrasing_owner, strict=True) if o == i]
            self._subjects.append(
                frozenset(p for p in lexicon.people if sum(p in t for t in sets) >= SUBJECT_SHARE * max(len(sets), 1))
            )
        self._fact_postings: dict[str, list[int]] = {}
        for i, words in enumerate(self._vocab):
            for token in words:
                self._fact_postings.setdefault(token, []).append(i)
        # summed in one fixed order: a set's order (and a float sum's last bit) varies with the hash seed
        self._phrasing_weight = [sum(self._idf[t] for t in sorted(tokens)) for tokens in self._phrasing_sets]
        self._postings: dict[str, list[int]] = {}
        for j, tokens in enumerate(self._phrasing_sets):
            for token in tokens:
                self._postings.setdefault(token, []).append(j)
        self._unnamed = [
            # English only: its capitals are the names (a translation may say "la ciudad natal" for "Cuenca").
            frozenset(t for w in unnamed_things(f.answer.get("en", "")) for t in self._tokens_of(w, "en"))
            for f in facts
        ]
        # Words the fact base writes with a capital mid-sentence: places, people, bodies ("Sydney").
        self._proper = (
            frozenset(
                t
                for f in facts
                for w in re.findall(r"(?<=[a-z,;] )[A-Z][a-z]+", f.answer.get("en", ""))
                for t in self._tokens_of(w, "en")
            )
            & self._entities
        )
        # The entities that are names (written with a capital somewhere in the answers): a place, a
        # person or a body a claim may get wrong — not "today" or "the weather".
        self._names = (
            frozenset(
                t
                for f in facts
                for lang in LANGS
                for w in re.findall(r"\b[A-Z\u00c0-\u00de][\w]+", f.answer.get(lang, ""))
                for t in self._tokens_of(w, lang)
            )
            & self._entities
        )
        # Of those, the places and bodies: a name that is no person, medal or nation (a claim's
        # kinds of value), where or by whom something happened ("Sydney", "Murcia", "Reuters").
        self._places = self._names - frozenset(self.facts.lexicon.values)
        self._fact_years = frozenset(f.year for f in facts if f.year is not None)
        # Words a fact's answer uses only for what was called for or planned, never as done: a
        # yes/no question whether it happened is not settled by the call ("was the gold given to him?").
        self._unrealised: list[frozenset[str]] = []
        for f in facts:
            proposed, rest = proposed_text(f.answer.get("en", ""))
            done = set(self._tokens_of(rest, "en"))
            self._unrealised.append(
                frozenset(
                    t  # the deed, not where or when it would be, nor him at large
                    for t in self._tokens_of(proposed, "en")
                    if t not in done and t not in self._entities and t not in self._topic and not t[:1].isdigit()
                )
            )
        # The year a fact's knowledge stops at ("as of January 2015"): it cannot say what came after.
        self._known_until = [
            max((int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", f.as_of or "")), default=None) for f in facts
        ]
        self._titles = {lang: [f.name(lang) for f in facts] for lang in LANGS}
        # The fact the base says most about: the answer to "tell me something about him".
        phrasings = [sum(len(f.questions.get(lang, ())) for lang in LANGS) for f in facts]
        self._profile = frozenset({"profile", "known_for"}) & self._concepts  # "about him" asks for him at large
        self._central_fact = max(range(len(phrasings)), key=lambda i: (phrasings[i], -i)) if phrasings else 0
        self._answer_tokens = [
            frozenset(t for lang in LANGS for t in self.analyzer.analyze(f.answer.get(lang, ""), lang).tokens)
            for f in facts
        ]
        # What each number in a fact's answer counts ("one gold", "five Olympic Games"): the tokens of
        # the word or two after it — "how many golds?" is asked of the fact that counts golds.
        self._counted = [
            frozenset(
                t
                for found in _COUNTED_RE.finditer(fold(f.answer.get("en", "")))
                for t in self.analyzer.analyze(found.group(1), "en").tokens
            )
            for f in facts
        ]
        # Every year the fact base names anywhere (a fact's year, its answer, its as-of date).
        self._mentioned_years = frozenset(
            {str(y) for y in self._fact_years}
            | {t for words in self._vocab for t in words if is_year(t)}
            | {t for words in self._answer_tokens for t in words if is_year(t)}
        )
        compare: set[str] = set()
        for word in comparison_words():
            for lang in LANGS:
                canonical, _ = self.analyzer._canonical(word, lang)
                if canonical is not None:
                    compare.add(canonical)
        self._compare = frozenset(compare) - self._strong
