"""Text normalisation: the same analysis for questions and for the fact base's phrasings.

``fold`` strips case and accents; ``Analyzer.analyze`` turns text into canonical tokens:
contractions expanded, numbers and year shorthand normalised, multi-word expressions and
EN/ES synonyms mapped to one concept (``retire`` for quit/retiro/hang up his shoes…), stop
words dropped, the rest stemmed (Snowball, English or Spanish) and, when a word is unknown,
corrected to the closest known word (typo tolerance, rapidfuzz).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.fold import fold
from bot.core.lazyre import lazy
from bot.core.numbers import normalise_numbers
from bot.core.record import Frozen
from bot.core.respell import Partners, Respeller, unstretch
from bot.core.runon import ASKER, split_run_ons
from bot.core.spelled import spell_out
from bot.core.wordlists import RARE_RANK, common_words, tables, word_ranks

__all__ = [
    "ABOUT_HIM",
    "RARE_RANK",
    "Analysis",
    "Analyzer",
    "Lexicon",
    "common_words",
    "detect_language",
    "fold",
    "word_ranks",
]

_CONTRACTIONS = (
    (lazy(r"\b(can)'?t\b|\b(can)not\b"), r"can not"),
    (lazy(r"\bwon't\b"), "will not"),
    (lazy(r"\b(\w+)n't\b"), r"\1 not"),
    (lazy(r"\b(what|who|where|when|how|why|that|it|he|she|there|here)'s\b"), r"\1 is"),
    (lazy(r"\b(\w+)'re\b"), r"\1 are"),
    (lazy(r"\b(\w+)'ve\b"), r"\1 have"),
    (lazy(r"\b(\w+)'ll\b"), r"\1 will"),
    (lazy(r"\b(\w+)'d\b"), r"\1 would"),
    (lazy(r"\bi'm\b"), "i am"),
)
NO_CONCEPT = "none"  # lexicon concept whose forms are dropped like stop words
# The person every question is about: "is Jefferson Pérez from" reads as "is he from".
_FULL_NAME = ("jefferson", "perez")  # "Jefferson Peter": a first name calls for its surname
_HIM = {"jefferson": "he", "perez": "he", "jeff": "he", "perezs": "his", "jeffersons": "his", "peres": "he"}
# His name after one of these is an object ("the man who beat Pérez", "separated Pérez from the
# winner"): "him", so that it joins "beat him", never "he from".
_BEFORE_OBJECT = frozenset(
    "to from of with by against behind than over beat beats beating taught met told saw gave sent let"
    " made about for at ahead like".split()
)
_TITLES = frozenset("mr mister sr senor don jefferson".split())  # "Mr. Pérez": the title says nothing of the role
# A capitalised word that does not start a sentence: a name ("…in Australia", "…Bolt's time").
_NAME_RE = re.compile(r"(?<=[a-z0-9,]\s)[A-Z][a-z]{2,}\b")
# "did Pérez…", "was he…": a question whose subject is him (not the man who beat him).
ABOUT_HIM = "about_him"
_HIM_SUBJECT_RE = re.compile(
    r"\b(?:did|does|was|is|has|had|were|will|can|could|ever)\s+(?:jefferson\s+perez|jefferson|perez|he)\b"
    # "Pérez once tested positive": his name, then what he did.
    r"|\b(?:jefferson\s+perez|jefferson|perez)\s+(?:(?:once|ever|also|still|really|actually|never)\s+)?"
    r"(?:was|is|did|does|has|had|got|won|tested|failed|became|went|fue|era|es|gano|dio)\b"
)
# A question that checks a claim: "…, right?", "didn't he?", "was his coach Segura?", "¿…, verdad?".
# A question asking what something is called, English or Spanish (folded).
_ASKS_NAME_RE = re.compile(r"\b(?:names?|named|called|nombres?|llama(?:ba|n)?|llamad[oa]s?)\b")
# What is to be named: "name (of) the X who…", "¿cómo se llama el X?" ("what was X called" keeps
# the whole question: what the name is of is less clear there).
_NAMED_AFTER_RE = lazy(
    r"\b(?:names?|nombre)\s+(?:of\s+|de\s+)?(?:the|his|that|this|a|an|el|la|los|las|su|del)\s+(\w+(?:\s+\w+){0,2})"
    r"|\bllama(?:ba|n)?\s+(?:el|la|los|las|su)\s+(\w+(?:\s+\w+){0,2})"
)
# Where the named phrase ends: "name the coach | who trained him", "the race | in Spain".
_PHRASE_END = frozenset(
    "who that which where whom when he his him in at of from did was is for to with de que quien donde en".split()
)
# A question about a plan, a call or what may come ("will he get…", "should he…", "¿le darán…?").
_HYPOTHETICAL_RE = lazy(
    r"\b(?:will|would|should|could|might|may|shall|gonna|going to|ought|calls?|called|calling|plans?|planned|"
    r"wants?|wanted|hope[sd]?|deberia[n]?|debe[n]?|podria[n]?|van a|va a|ira[n]? a|\w+aran|"
    r"daran|dara|llamad[oa]s?|pedid[oa]s?|piden|pidieron|planea\w*)\b"
)
_CONFIRMING_RE = re.compile(
    r"(?:\b(?:right|correct|true|no|yes|eh|innit|verdad|cierto|correcto|si o no|o no|no es asi)|"
    r"\b(?:didn'?t|wasn'?t|isn'?t|weren'?t|hasn'?t) (?:he|it|they|she))\W*$"
    r"|^\W*(?:so |and |but |wait |ok |)(?:did|was|is|were|has|had|didn'?t|wasn'?t|isn'?t)\b"
    # "¿ganó el oro en Pekín?": a Spanish question that opens with no question word asks yes or no.
    r"|^\W*¿\s*(?!(?:que|cual|cuales|cuando|donde|adonde|quien|quienes|como|cuanto|cuanta|cuantos|cuantas|por que|"
    r"porque|a que|en que|de que|para que|con quien|a quien|de quien|y|e)\b)\w"
    # "so his two medals were a gold in 1996 and a bronze in 2008?": a statement asked, no question word.
    r"|^(?!.*\b(?:what|whats|how|who|whos|when|where|which|why|whose|whom|que|cual|cuales|cuando|donde|adonde|"
    r"quien|quienes|como|cuanto|cuanta|cuantos|cuantas|por que)\b)[^?]*\w[^?]*\?\W*$"
)
# Words after which a name is an object, not the subject of the verb that follows it.
_NOT_SUBJECT = frozenset(
    "behind to than by with from after against beat beats over of and or for ante contra detras de que a".split()
)
_OBJECT_PRONOUNS = frozenset({"it", "them", "lo", "la", "los", "las"})  # "hung it up", "lo dejó"
_TABLES = tables()
# Words after which a word of knowing is a noun ("the exact figure", "his idea").
_KNOWING_NOUNS = frozenset({"figure", "idea", "guess"})  # …and two words on ("the exact figure")
_DETERMINED = _TABLES.articles | frozenset("a an his her my your their our its su sus mi mis tu un una".split())
_NUMBER_WORDS = _TABLES.numbers
_SPELLINGS = _TABLES.spellings  # chat spellings of question words, fixed before anything else
_CONJUNCTIONS = _TABLES.conjunctions  # words that join two questions in one message
_QUESTION_STARTERS = _TABLES.question_starters  # "…, so how old was he?" asks; "my dad is from Cuenca" doesn't
_LEAD_FILLER = _TABLES.lead_filler
_WH_WORDS = _TABLES.wh_words  # ask only at the start of a clause ("the race where he…" asks nothing)
_INDIRECT = _TABLES.indirect  # "…no one knows when he…": a question embedded after one of these
_QUESTION_WORDS = _TABLES.question_words  # "which", "what": a question, unless a subject follows
_SUBJECTS = _TABLES.subjects  # "which I think…", "where she…": the question word opened a relative clause
_POLITE = _TABLES.polite  # "please", "could you": what may come before a request's verb
_REQUESTS = _TABLES.requests  # "(kindly) state / indicate / confirm …": how a request asks, not what
_PLEAS = _TABLES.pleas  # "could you help (me out)": a request for help, which says nothing of what
_COURTESY = _TABLES.courtesy  # "thank you so much", "pardon me for…": a clause opening so asks nothing
# Words that open a question, direct or embedded ("she asked me who…", "i wonder how old…").
_ASKING_WORDS = _TABLES.asking_words
# The tables' words are words: never typo-corrected into something else ("podría" is no "podio").
_TABLE_WORDS = (
    _CONJUNCTIONS | _QUESTION_STARTERS | _LEAD_FILLER | _WH_WORDS | _INDIRECT | _POLITE | _REQUESTS | _PLEAS
    | _COURTESY | _ASKING_WORDS | _TABLES.hedges
)
# A real word this rare in general use ("gould", "wold") is likelier a typo of a domain word
# one edit away ("gold", "world") than meant: it may be corrected.
_RARE_REAL_RANK = 20000
_RARE_TARGET_RANK = 5000  # words rarer than this in general use may be rebuilt from split words
_TOKEN_RE = re.compile(r"[a-z0-9]+(?::[0-9]+)*|§[a-z0-9_]+|\|q?")
_SPANISH_MARKS = re.compile(r"[¿¡ñáéíóú]")


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
    ) -> None:
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
        )


_STEMMERS = {"en": snowballstemmer.stemmer("english"), "es": snowballstemmer.stemmer("spanish")}


@lru_cache(maxsize=65536)
def _stem(word: str, lang: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    return _STEMMERS[lang].stemWord(word)


def detect_language(text: str, lexicon: Lexicon) -> str:
    """``es`` when the text reads as Spanish, else ``en``."""
    folded_words = re.findall(r"[a-z]+", fold(text))
    es = 2 * len(_SPANISH_MARKS.findall(text.casefold()))
    es += sum(1 for w in folded_words if w in lexicon.spanish_markers)
    en = sum(1 for w in folded_words if w in lexicon.english_markers)
    return "es" if es > en else "en"


_POSSESSIVE_RE = lazy(r"'s\b")
# A number spelled out before a unit ("twenty k", "five km", "veinte kilómetros").
_SPELLED_UNIT_RE = re.compile(
    r"\b("
    + "|".join(sorted((w for w, v in _NUMBER_WORDS.items() if v.isdigit()), key=len, reverse=True))
    + r")(\s?(?:k|km|kms|kilomet\w*|kilo\b|miles?|m|meters?|metres?|metros?)\b)"
)
# Punctuation and dashes end a clause: "quick q before my exam lol — what year…" (the preamble is
# then a clause of its own). Emoji do not: they often stand for a word ("how many 🏅 does…").
# The dot of a title or an abbreviation ("Mr. Pérez", "Sr. Pérez", "approx. 20 km") ends nothing.
_BOUNDARY_RE = re.compile(
    r"[,;!¿¡—–]|\s-+\s|:(?!\d)"
    r"|(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bst)(?<!\bsr)(?<!\bsra)(?<!\bjr)(?<!\bvs)(?<!\bapprox)"
    r"(?<!\bnum)(?<!\be\.g)(?<!\bi\.e)\.(?!\d)"
)


@lru_cache(maxsize=16)
def _expand(text: str) -> str:
    text = fold(text)
    if "'" in text or "cannot" in text:
        for pattern, repl in _CONTRACTIONS:
            text = pattern.sub(repl, text)
    text = spell_out(text)  # "nineteen ninety-six" → 1996, "two thousand eight" → 2008
    if _SPELLED_UNIT_RE.search(text):  # "twenty k walk" is "20 k walk": spelled, then normalised
        text = _SPELLED_UNIT_RE.sub(lambda m: _NUMBER_WORDS[m.group(1)] + m.group(2), text)
    text = normalise_numbers(text)
    if "'" in text:
        text = _POSSESSIVE_RE.sub(" ", text).replace("'", " ")
    text = text.replace("?", " |q ")  # a clause that ends in a question mark asks something
    return _BOUNDARY_RE.sub(" | ", text)  # clause boundaries


def _named_phrase(folded: str) -> str | None:
    """The words naming what a question asks the name of, or None when it cannot be told."""
    found = _NAMED_AFTER_RE.search(folded)
    if found is None:
        return None
    words = (found.group(1) or found.group(found.lastindex or 1) or "").split()
    kept: list[str] = []
    for word in words:
        if word in _PHRASE_END:
            break
        kept.append(word)
    return " ".join(kept) or None


def _clause_leads(words: list[str]) -> tuple[list[bool], list[bool]]:
    """For each clause of ``words`` (split at ``|`` and conjunctions): does its first word, past
    filler, open a question ("so how far was…"), and not a relative clause ("which i think…")?
    And is it the asker's own statement ("i always forget", "my teacher wants it"; no "?")?"""
    opens: list[bool] = []
    asides: list[bool] = []
    lead: list[str] = []
    for word in (*words, "|"):
        if word[:1] == "|" or word in _CONJUNCTIONS:
            first, second = [*lead, "", ""][:2]
            relative = first in _QUESTION_WORDS | _WH_WORDS and second in _SUBJECTS
            # "tell me when…", "dime cuándo…": a request to tell asks too
            telling = first in _INDIRECT and (second in _POLITE or second in _QUESTION_STARTERS)
            opens.append((first in _QUESTION_STARTERS and not relative) or first in _REQUESTS or telling)
            # "i always forget", "my teacher asked" are asides; "i'd like to know who…", "i need to
            # know his time" ask (a question word, or a word of knowing with what it asks after it)
            asks_within = any(w in _QUESTION_STARTERS for w in lead[1:]) or any(w in _INDIRECT for w in lead[:-1])
            asides.append(first in ASKER and word != "|q" and not asks_within)
            lead = []
        elif lead or word not in _LEAD_FILLER:
            lead.append(word)
    return opens, asides


class Analyzer:
    """Turns text into canonical tokens, with typo correction against a known vocabulary."""

    def __init__(
        self, lexicon: Lexicon, vocabulary: Iterable[str] = (), dictionary: frozenset[str] | None = None
    ) -> None:
        self.lexicon = lexicon
        self._canonical_cache: dict[tuple[str, str], tuple[str | None, bool]] = {}
        self._correction_cache: dict[str, str | None] = {}
        self._words = {lang: common_words(lang) for lang in ("en", "es")}  # needed while building only
        self._ranks = word_ranks()
        # Every common word has a rank: the rank table doubles as the dictionary (one copy to keep).
        self._dictionary: Collection[str] = self._ranks if dictionary is None else dictionary
        self._word_concept: dict[str, str] = {}
        self._stem_concept: dict[tuple[str, str], str] = {}
        phrases: list[tuple[str, str]] = []
        for concept, forms in lexicon.concepts.items():
            for form in forms:
                expanded = " ".join(_NUMBER_WORDS.get(w, w) for w in _TOKEN_RE.findall(_expand(form)) if w != "|")
                if " " in expanded:
                    phrases.append((expanded, concept))
                elif expanded:
                    self._word_concept.setdefault(expanded, concept)
                    for lang in self._languages_of(expanded):
                        self._stem_concept.setdefault((_stem(expanded, lang), lang), concept)
        # Phrases match on stems, so "stepping away", "grew up" and "going to bed" all count.
        self._phrase_stems: dict[tuple[str, ...], str] = {}
        for phrase, concept in phrases:
            for lg in ("en", "es"):
                self._phrase_stems.setdefault(tuple(_stem(w, lg) for w in phrase.split()), concept)
        self._phrase_lengths: dict[str, int] = {}  # first stem → the longest phrase it starts
        for key in self._phrase_stems:
            self._phrase_lengths[key[0]] = max(self._phrase_lengths.get(key[0], 0), len(key))
        # Hedges are stop words: passing over one inside an expression loses no topic.
        self._hedges = _TABLES.hedges & lexicon.stopwords
        self._stop_stems = frozenset(_stem(w, lg) for w in lexicon.stopwords for lg in ("en", "es") if len(w) > 3)
        people = "|".join(sorted(re.escape(p) for p in lexicon.people))
        # "Quito's altitude", "Markov's time": what a name's possessive asks is about that place or
        # person, not him (values — medal colours, nations — are no owners: "Russia's agency").
        owners = "|".join(
            sorted(re.escape(e) for e in lexicon.people | (lexicon.entities - set(lexicon.values)) if e.isalpha())
        )
        self._subject_re = (
            re.compile(
                rf"\b(?:(?P<a>{owners})'s?|(?:did|does|do|was|is|has|had|were|will|can|could|how old is|"
                rf"how old was|where is|where was|what did|what does|quedo|termino|llego|gano|fue|era|tenia|es)"
                rf"\s+(?:\w+\s+)?(?P<b>{people})"
                # "chocho was an olympian", "luis chocho also coached…": named, then what he did or was.
                # "who was faster, Markov or Segura?": a choice between two others is about them.
                rf"|(?P<d>{people})\s+(?:or|o)\s+(?:\w+\s+)?(?:{people})"
                rf"|(?P<c>{people})\s+(?:also\s+|ever\s+|still\s+|later\s+|too\s+)?"
                rf"(?:was|is|were|did|does|has|had|won|became|went|coached|trained|walked|raced|fue|era|es|gano))\b"
            )
            if people
            else None
        )
        known = set(self._word_concept) | set(lexicon.stopwords) | set(_NUMBER_WORDS) | set(_SPELLINGS)
        for phrase, _concept in phrases:
            known.update(phrase.split())
        for word in vocabulary:
            known.update(_TOKEN_RE.findall(_expand(word)))
        self._known = frozenset(w for w in known if not w.startswith("§"))
        # "takes" is no new word when "take" is known: an inflection of a known word is known.
        # (Not a stop word's: "doing" is no more known for "do" being one.)
        content = self._known - lexicon.stopwords - set(_NUMBER_WORDS)  # "nineties" is no "ninety"
        self._known_stems = {lg: frozenset(_stem(w, lg) for w in content) for lg in ("en", "es")}
        # The domain's rare words (names, places, events): what a split or misheard word may be.
        # Function words are no targets: "quien es" is two words, not "quienes".
        function = _QUESTION_STARTERS | _WH_WORDS | _CONJUNCTIONS | _LEAD_FILLER
        self._respeller = Respeller(
            (w for w in self._known if self._ranks.get(w, RARE_RANK) > _RARE_TARGET_RANK and w not in function),
            (w for w in self._word_concept if self._word_concept[w] != NO_CONCEPT and w not in function),
        )
        # Two-word expressions, his name among them: a real word beside one half may be the other.
        pairs = [phrase.split(" ") for phrase, _concept in phrases if phrase.count(" ") == 1]
        stop = lexicon.stopwords
        both_content = [(a, b) for a, b in pairs if a not in stop and b not in stop]
        self._partners = Partners([*both_content, _FULL_NAME])
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self._known - set(_SPELLINGS)):
            if len(word) >= 3 and word.isalpha():
                self._by_initial.setdefault(word[0], []).append(word)
        del self._words  # the per-language lists served _languages_of above; the ranks keep the words

    def _languages_of(self, word: str) -> tuple[str, ...]:
        """The languages a form may be inflected in: "valores" only in Spanish, so that an
        English word with the same stem ("valorant" → valor) is not taken for it."""
        en, es = word in self._words["en"], word in self._words["es"]
        if en == es:
            return ("en", "es")
        return ("en",) if en else ("es",)

    def _is_real(self, word: str) -> bool:
        """A common English or Spanish word, or an inflection of one: never "corrected"."""
        if word in self._dictionary:
            return True
        # Plurals the frequency list lacks ("premios", "carreras"): the singular is a word.
        return len(word) > 4 and word.endswith("s") and (word[:-1] in self._dictionary or word[:-2] in self._dictionary)

    def _is_word(self, word: str) -> bool:
        """A word as it stands: one the vocabulary knows, or a common English or Spanish word."""
        return word in self._known or self._is_real(word)

    @staticmethod
    def _him_by_noun(words: list[str]) -> list[str]:
        """ "the athlete", "el atleta" → he: a definite noun for a person, with no relative clause
        or origin after it to make it someone else ("the athlete who beat him"), is him."""
        out: list[str] = []
        for i, word in enumerate(words):
            if (
                word in _TABLES.him_nouns
                and out
                and out[-1] in _TABLES.articles
                and (i + 1 == len(words) or words[i + 1] not in _TABLES.relatives)
            ):
                out[-1] = "he"
                continue
            out.append(word)
        return out

    def _may_mend(self, word: str) -> bool:
        """A word that may stand for half of an expression: no form of the vocabulary (which
        means what it says), no word of the tables, no number."""
        fixed = word in self._word_concept or word in _TABLE_WORDS or word in _NUMBER_WORDS
        return word.isalpha() and not fixed

    def _word_rank(self, word: str) -> int | None:
        """A word's general-language frequency rank, None for no word at all; a word only the
        vocabulary knows (a name, "pleasee") after every listed word."""
        if not self._is_word(word):
            return None
        return self._ranks.get(word, RARE_RANK)

    def _correct(self, word: str) -> str | None:
        """The closest known word for an unknown one (same first letter, 1–2 edits; else a rare word
        it sounds like) — memoised."""
        if word not in self._correction_cache:
            if len(self._correction_cache) > 50_000:
                self._correction_cache.clear()
            self._correction_cache[word] = self._correct_uncached(word)
        return self._correction_cache[word]

    def _correct_rare(self, word: str) -> str | None:
        """A rare real word read as the domain's word one edit away ("atens" → athens' "atenas",
        "yeras" → years): only a form of the vocabulary's concepts, never a function word."""
        if len(word) < 4 or not word.isalpha():
            return None
        choices = self._by_initial.get(word[0]) or []
        near = process.extract(word, choices, scorer=OSA.distance, score_cutoff=1, processor=None, limit=8)
        concepts = self._word_concept
        forms = [(w, concepts[w]) for w, _d, _i in near if concepts.get(w, NO_CONCEPT) != NO_CONCEPT]
        if len({concept for _w, concept in forms}) != 1:
            return None  # none, or several concepts one edit away ("anios": años or adiós?)
        return forms[0][0]

    def _correct_uncached(self, word: str) -> str | None:
        if len(word) < 4 or not word.isalpha():
            return None
        choices = self._by_initial.get(word[0])
        limit = 1 if len(word) <= 6 else 2
        found = (
            process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, processor=None, limit=8)
            if choices
            else None
        )
        if not found:
            # A name spelled by ear may change its first letter ("quenca"): the rare word it sounds like.
            return self._respeller.sounded(word)
        # Fewest edits first; on a tie, a word of the same length ("wolrd" → world, not word).
        return min(found, key=lambda f: (f[1], abs(len(f[0]) - len(word)), f[0]))[0]

    def _canonical(self, word: str, lang: str) -> tuple[str | None, bool]:
        """(canonical token or None for a stop word, whether the word was unknown) — memoised."""
        key = (word, lang)
        found = self._canonical_cache.get(key)
        if found is None:
            if len(self._canonical_cache) > 50_000:
                self._canonical_cache.clear()
            found = self._canonical_cache[key] = self._canonical_uncached(word, lang)
        return found

    def _canonical_uncached(self, word: str, lang: str) -> tuple[str | None, bool]:
        if word.startswith("§"):
            return (None if word[1:] == NO_CONCEPT else word[1:]), False
        word = _NUMBER_WORDS.get(word, word)
        if word in self.lexicon.stopwords:
            return None, False
        if word in self._word_concept:
            concept = self._word_concept[word]
            return (None if concept == NO_CONCEPT else concept), False
        # An inflected stop word ("alrighty"); never a short word that is only a stop word's stem
        # ("pan" of "pana").
        if len(word) > 3 and _stem(word, lang) in self._stop_stems and word in self._dictionary:
            return None, False
        # Only the question's language: a Spanish stem of an English word is noise.
        stemmed = self._stem_concept.get((_stem(word, lang), lang))
        if stemmed:
            return stemmed, False
        stem = _stem(word, lang)
        if word in self._known or word.isdigit() or any(ch.isdigit() for ch in word):
            return stem, False
        if stem not in self._known_stems[lang] and self._is_adverb(word):
            return None, False  # "precisely", "oficialmente": how, not what; dropped like a hedge
        return stem, stem not in self._known_stems[lang]

    def _is_adverb(self, word: str) -> bool:
        """An adverb made from an everyday adjective ("precisely", "roughly", "oficialmente"):
        it says how something is said or done, never what is asked."""
        for suffix, bases in (("mente", ("",)), ("ily", ("y",)), ("ly", ("", "e"))):
            if word.endswith(suffix) and len(word) >= len(suffix) + 4:
                root = word[: -len(suffix)]
                if any(root + end in self._dictionary for end in bases):
                    return True
        return False

    def subjects_of(self, text: str) -> frozenset[str]:
        """Whom a question is about: "Markov's time", "did Segura win" → ``about_markov``;
        "did Pérez…", "was he…" → ``about_him``. A fact answers a question about someone else
        only if its own phrasings are about that person too."""
        folded = fold(text)
        found = {ABOUT_HIM} if _HIM_SUBJECT_RE.search(folded) else set()
        if self._subject_re is not None:
            for m in self._subject_re.finditer(folded):
                before = folded[: m.start()].split()[-1:]
                if m.group("c") and before and before[0] in _NOT_SUBJECT:
                    continue  # "how far behind Borchin was he": Borchin is no subject there
                found.add(f"about_{m.group('a') or m.group('b') or m.group('c') or m.group('d')}")
        return frozenset(found)

    def _join_phrases(self, words: list[str], lang: str) -> list[tuple[str, str]]:
        """Replace the longest known multi-word expressions by their concept (``§concept``):
        (token, the first word it was written with) — "where did he place" still opens with "where"."""
        out: list[tuple[str, str]] = []
        stems = [_stem(w, lang) for w in words]
        i = 0
        while i < len(words):
            longest = self._phrase_lengths.get(stems[i], 0)  # no phrase starts here: skip the search
            for length in range(min(longest, len(words) - i), 1, -1):
                concept = self._phrase_stems.get(tuple(stems[i : i + length]))
                if concept is not None and not any(w[:1] == "|" for w in words[i : i + length]):
                    out.append(("§" + concept, words[i]))
                    i += length
                    break
            else:
                hedged = self._hedged_phrase(words, stems, i, longest)
                if hedged is not None:  # "is he even from": a hedge inside the expression
                    out.append(("§" + hedged[0], words[i]))
                    i = hedged[1]
                    continue
                # "hung it up", "called it quits": a phrasal verb with its object in between.
                if longest and i + 2 < len(words) and words[i + 1] in _OBJECT_PRONOUNS:
                    for length in range(min(longest, len(words) - i - 1), 1, -1):
                        key = (stems[i], *stems[i + 2 : i + 1 + length])
                        concept = self._phrase_stems.get(key)
                        if concept is not None and not any(w[:1] == "|" for w in words[i : i + 1 + length]):
                            out.append(("§" + concept, words[i]))
                            i += 1 + length
                            break
                    else:
                        out.append((words[i], words[i]))
                        i += 1
                    continue
                out.append((words[i], words[i]))
                i += 1
        return out

    def _hedged_phrase(self, words: list[str], stems: list[str], i: int, longest: int) -> tuple[str, int] | None:
        """The longest expression starting at ``i`` once hedge words inside it are passed over
        ("what city is he even from", "¿de dónde es realmente?"): (concept, index after it)."""
        if not longest:
            return None
        kept: list[int] = [i]
        j = i + 1
        while j < len(words) and len(kept) < longest and words[j][:1] != "|":
            if words[j] not in self._hedges:
                kept.append(j)
            j += 1
        for length in range(len(kept), 1, -1):
            span = kept[:length]
            if span[-1] - span[0] + 1 == length:
                continue  # no hedge inside: the plain search already tried it
            concept = self._phrase_stems.get(tuple(stems[k] for k in span))
            if concept is not None:
                return concept, span[-1] + 1
        return None

    def _named(self, folded: str, lang: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """The tokens of what a question asks the name of ("name the coach who…" → coach)."""
        if not _ASKS_NAME_RE.search(folded):
            return ()
        phrase = _named_phrase(folded)
        if phrase is None:
            return tokens
        named = tuple(t for w in phrase.split() if (t := self._canonical(w, lang)[0]) is not None)
        return named or tokens

    def analyze(self, text: str, lang: str | None = None) -> Analysis:
        """Canonical tokens of ``text`` (in order, stop words removed)."""
        lang = lang or detect_language(text, self.lexicon)
        names = {fold(m) for m in _NAME_RE.findall(text)}
        words: list[str] = []
        plain = [unstretch(w, self._word_rank) for w in _TOKEN_RE.findall(_expand(text))]
        spelled: list[str] = []
        joined = self._respeller.join(plain, self._is_word)
        for word in [w for chat in joined for w in _SPELLINGS.get(chat, chat).split()]:  # "ikr": i know right
            if (
                word not in self._known
                and word not in _TABLE_WORDS
                and not any(ch.isdigit() for ch in word)
            ):
                if not self._is_real(word):
                    word = self._correct(word) or word
                elif self._ranks.get(word, RARE_RANK) > _RARE_REAL_RANK:
                    word = self._correct_rare(word) or word
            spelled.append(word)
        for word in self._partners.mend(spelled, self._may_mend):
            him = _HIM.get(word)
            if him == "he":
                before = next((w for w in reversed(words) if w not in _TITLES), "")
                if before in _BEFORE_OBJECT or before == "him" or (len(before) > 4 and before.endswith("ed")):
                    him = "him"
            words.append(him or _NUMBER_WORDS.get(word, word))
        words = [w for i, w in enumerate(words) if not (w in ("he", "him") and i and words[i - 1] == w)]
        words = self._him_by_noun(words)
        # "dicha peregrinación": a word pointing back at a thing named before names nothing itself.
        words = [
            w
            for i, w in enumerate(words)
            if not (
                w in _TABLES.determiners
                and i + 1 < len(words)
                and words[i + 1] not in self.lexicon.stopwords  # a noun follows: "el dicho sobre…" is a saying
                and not words[i + 1].startswith("|")
                and not (i and words[i - 1] in _TABLES.perfect)  # "ha dicho": a verb
            )
        ]
        tokens: list[str] = []
        unknown: set[str] = set()
        ranks: dict[str, int] = {}
        pairs: set[str] = set()
        clauses: list[tuple[str, ...]] = []
        asking: list[bool] = []
        embedded: list[tuple[int, str]] = []
        clause_from = raw = 0  # raw: the clause's index among all, empty ones included
        clause_started = previous_unknown = asks = indirect = plea = False
        opening = True  # still at the clause's polite opening ("could you please …")
        lead: list[str] = []  # the clause's first words, stop words included
        words = split_run_ons(words)
        opens, asides = _clause_leads(words)  # read before phrases hide "how" in "how far"
        aside: list[bool] = []
        # Who asks and how, before a word of asking or knowing ("one of the ladies asked what…",
        # "my teacher wants to know…", "i promised i would find out"): context, not topic.
        framing: set[int] = set()  # token positions
        asker = range(0)
        after_courtesy = False  # the clause before was a courtesy
        first_written: list[str] = []  # the clause's first word as written ("in" of "in advance")

        def close_clause(ends_with_question_mark: bool) -> None:
            """End the clause: a courtesy ("thank you so much", "please excuse the long message")
            or a plea for help that asks nothing else ("could you help me out?") names no topic
            and is dropped; a clause that asks with no word of its own ("what was it?") asks
            about the clause before it."""
            nonlocal clause_from, raw, after_courtesy
            opened = asks or opens[raw]
            asked = opened or ends_with_question_mark
            # "thanks | in advance", "sorry | for the long post": a courtesy goes on after a break
            opening_word = first_written[0] if first_written else ""
            continued = after_courtesy and opening_word in _TABLES.prepositions
            courtesy = ((bool(lead) and lead[0] in _COURTESY) or continued) and not opened
            after_courtesy = courtesy or (after_courtesy and not first_written)
            if courtesy or (plea and not embedded_here()):
                del tokens[clause_from:]
                framing.difference_update([i for i in framing if i >= clause_from])
                asked = False
            if len(tokens) > clause_from:
                clauses.append(tuple(tokens[clause_from:]))
                asking.append(asked)
                aside.append(asides[raw])
            elif opened and asking and not asking[-1]:
                asking[-1] = True  # "… a unique distinction. Would you remind me what it is?"
            clause_from = len(tokens)
            raw += 1

        def embedded_here() -> bool:
            return bool(embedded) and embedded[-1][0] >= clause_from

        previous = before = ""
        for word, written in self._join_phrases(words, lang):
            before2, before, previous = before, previous, written
            # "figure out", "no idea": how one asks; "the exact figure", "his idea": a thing asked of
            knowing = word in _INDIRECT and not (
                before in _DETERMINED or (word in _KNOWING_NOUNS and before2 in _DETERMINED)
            )
            if word[:1] == "|" or word in _CONJUNCTIONS:  # "|", "|q" (a "?"), "|r" (a run-on's question)
                close_clause(word == "|q")
                asks = indirect = plea = False
                first_written.clear()
                opening = True
                lead = []
                clause_started = previous_unknown = False
                continue
            if len(lead) == 1 and lead[0] in _QUESTION_WORDS | _WH_WORDS and word in _SUBJECTS:
                asks = False  # "…, which i think is lovely": a relative clause (a "?" still asks)
            if not lead and word not in _LEAD_FILLER:
                lead.append(word)
                first_written[:] = [written]
                # "so what was…" asks; "so i was…" does not; "where did he place" (one expression) asks
                asks = asks or word in _QUESTION_STARTERS or written in _QUESTION_STARTERS
                # "in what year…" (one expression naming what is asked)
                asks = asks or (word[:1] == "§" and word[1:] in self.lexicon.intents)
            elif len(lead) == 1:
                lead.append(word)
                # "in which distance…", "at what age…": a preposition carried before the question word
                asks = asks or (lead[0] in _TABLES.prepositions and (word in _ASKING_WORDS or written in _ASKING_WORDS))
            if opening:
                if word in _REQUESTS:  # "Please state the years…": a request, its verb no topic
                    asks = True
                    opening = False
                    continue
                if word in _PLEAS and len(lead) > 1:  # "could you help (me out)": asks for help, not what
                    plea = True
                    opening = False
                    continue
                opening = word in _POLITE or word in _LEAD_FILLER
                if opening and len(lead) > 0:
                    continue  # "would you be so kind as to…": how it is asked, no topic
            if indirect and (word in _ASKING_WORDS or written in _ASKING_WORDS):
                asks = True  # "she asked me who first taught him": the clause asks, indirectly
                framing.update(asker)
            if word in _WH_WORDS and clause_started:
                wh, _ = self._canonical(word, lang)  # kept out of the clause's tokens, but noted
                if indirect and wh is not None and wh in self.lexicon.intents:
                    embedded.append((len(tokens), wh))
                continue
            if indirect and word == "that" and not asks:
                indirect = False  # "she told me that when he retired…": a statement follows, no question
            if knowing and not indirect:
                indirect = True
                asker = range(clause_from, len(tokens) + 1)  # the word of asking too
            token, is_unknown = self._canonical(word, lang)
            if token is None or (knowing and token not in self.lexicon.concepts):
                continue  # "find out", "wonder": how one asks, never what
            if (
                indirect
                and token in self.lexicon.intents
                and len(tokens) > clause_from
                and tokens[-1] not in self.lexicon.intents
                and (not embedded or embedded[-1][0] != len(tokens))
            ):
                embedded.append((len(tokens), ""))  # "… is what year he won": asks from here
                asks = True
            clause_started = True
            if is_unknown and tokens and tokens[-1] in unknown and previous_unknown:
                pairs.update((tokens[-1], token))
            previous_unknown = is_unknown
            if is_unknown and word in names:
                pairs.add(token)
            tokens.append(token)
            if is_unknown:
                unknown.add(token)
            # Every word's general-language rank: a word no fact holds weighs by how common it is.
            rank = self._ranks.get(word, RARE_RANK)
            ranks[token] = min(rank, ranks.get(token, rank))
        close_clause(False)
        kept = frozenset(tokens)
        soft = {tokens[i] for i in framing if i < len(tokens)} - {t for i, t in enumerate(tokens) if i not in framing}
        unknown &= kept
        pairs &= kept
        return Analysis(
            tuple(tokens),
            frozenset(unknown),
            lang,
            frozenset(pairs),
            tuple(clauses),
            tuple(asking),
            self.subjects_of(text),
            frozenset(soft),
            bool(_CONFIRMING_RE.search(fold(text).strip())),
            ranks,
            self._named(fold(text), lang, tuple(tokens)),
            bool(_HYPOTHETICAL_RE.search(fold(text))),
            tuple(embedded),
            tuple(aside),
        )
