"""Text normalisation: the same analysis for questions and for the fact base's phrasings.

``fold`` strips case and accents; ``Analyzer.analyze`` turns text into canonical tokens:
contractions expanded, numbers and year shorthand normalised, multi-word expressions and
EN/ES synonyms mapped to one concept (``retire`` for quit/retiro/hang up his shoes…), stop
words dropped, the rest stemmed (Snowball, English or Spanish) and, when a word is unknown,
corrected to the closest known word (typo tolerance, rapidfuzz).

This module holds the ``Analyzer`` (the vocabulary it builds, the word loop that reads clauses);
its parts live in small modules: ``analysis`` (the records), ``expand`` (language, expansion,
stems), ``clauses`` (how each clause opens; what kind of question it is), ``subjects`` (whom a
question is about), ``phrases`` (multi-word expressions) and ``correct`` (word correction). The
names other modules import from here are re-exported.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from bot.core.analysis import NO_CONCEPT, Analysis, Lexicon
from bot.core.clauses import ASKS_NAME_RE, CONFIRMING_RE, HYPOTHETICAL_RE, RELATIVE_OPENERS, clause_leads, named_phrase
from bot.core.correct import Corrector
from bot.core.expand import TOKEN_RE, detect_language, expand, stem
from bot.core.fold import fold
from bot.core.irregular import irregular_base
from bot.core.numbers import is_small_number, is_year
from bot.core.phrases import Phrases
from bot.core.runon import split_run_ons
from bot.core.subjects import ABOUT_HIM, him_by_noun, him_of, subject_pattern, subjects_of
from bot.core.thesaurus import base_forms, is_manner_word, related_concepts
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

# A capitalised word that does not start a sentence: a name ("…in Australia", "…Bolt's time").
_NAME_RE = re.compile(r"(?<=[a-z0-9,]\s)[A-Z][a-z]{2,}\b")
_TABLES = tables()
# Results asked of in the plural ("which years", "his medals", "sus títulos"): all of a series.
_PLURAL_RESULTS = (
    "medals golds silvers titles years wins victories results medallas oros titulos anos victorias resultados".split()
)
_PLURAL_RESULTS_RE = re.compile(r"\b(?:" + "|".join(_PLURAL_RESULTS) + r")\b")
_PLURAL_WORD_RE = re.compile(r"\b[a-z]{3,}s\b")
_WORD_RE = re.compile(r"[a-z]+")  # a folded word, as names are respelled
# "What did he win", "qué medalla ganó", "how many did he take home": what was won is asked — any
# medal ("what year did he win…" asks when, of the win).
_WON_WHAT_RE = re.compile(
    r"\b(?:what|which|que|cual|cuales|how many|cuantos|cuantas)\b(?:\s+(?!(?:year|years|ano|anos|month|day|date|"
    r"time|city|country|place|ciudad|pais|lugar|fecha|mes|dia)\b)\w+)?\s+"
    r"(?:(?:did|does|has|had|have)\s+)?(?:(?:he|perez|jefferson|el)\s+)?"
    r"(?:win|won|get|got|take|took|bring|brought|gano|obtuvo|consiguio|llevo|se llevo)\b"
)
# "after his win in Georgia", "the race he won in Atlanta": a win naming the event, not asked of.
_WIN_AS_ANCHOR_RE = re.compile(
    r"\b(?:after|before|since|following|despues de|antes de|tras|luego de)\s+(?:(?:his|the|su|el|la)\s+)?"
    r"(?:win|victory|triumph|triunfo|victoria)\b"
    r"|\b(?:race|event|competition|games|one|title|carrera|prueba|competencia|juegos)\s+(?:(?:that|which|que)\s+)?"
    r"(?:(?:he|el)\s+)?(?:won|gano)\b"
)
# "¿Me puede decir quién ganó…?", "¿sabes cuándo se retiró?": a question word (written with its
# accent, as a question word is) inside a Spanish question that opens without one asks it, not yes or no.
_EMBEDDED_ES_RE = re.compile(
    r"^\W*¿[^?]*?\b(?:quién|quiénes|cuándo|dónde|adónde|cuál|cuáles|cuánto|cuánta|cuántos|cuántas|cómo|qué)\b"
)
# "How hot was it", "qué tan alto era": a degree asked, its word then a verb ("how elite walkers
# build up" asks how they do).
_HOW_RE = re.compile(
    r"\b(?:how|que tan|cuan)\s+([a-z]{3,})\s+(?:was|is|were|are|did|does|do|has|had|fue|era|es|estaba|son|eran)\b"
)
_WIN, _MEDAL = "win", "medal"  # the lexicon's concept of winning, and of a medal of any colour


def _renamed(folded: str, renamed: dict[str, str]) -> str:
    """``folded`` with each misspelt name as the corrector read it ("did bernado segurra get silver"
    is about Segura): whom a question is about does not hang on its spelling."""
    return _WORD_RE.sub(lambda m: renamed.get(m.group(0), m.group(0)), folded) if renamed else folded


def _singulars(word: str) -> tuple[str, ...]:
    """The singulars a plural in -s or -es may have ("oros" → oro, "campeones" → campeon)."""
    return (word[:-1], word[:-2]) if len(word) > 3 and word.endswith("s") else ()


# Words after which a word of knowing is a noun ("the exact figure", "his idea").
_KNOWING_NOUNS = frozenset({"figure", "idea", "guess"})  # …and two words on ("the exact figure")
_DETERMINED = _TABLES.articles | frozenset("a an his her my your their our its su sus mi mis tu un una".split())
_NUMBER_WORDS = _TABLES.numbers
_SPELLINGS = _TABLES.spellings  # chat spellings of question words, fixed before anything else
_CONJUNCTIONS = _TABLES.conjunctions  # words that join two questions in one message
_QUESTION_STARTERS = _TABLES.question_starters  # "…, so how old was he?" asks; "my dad is from Cuenca" doesn't
_LEAD_FILLER = _TABLES.lead_filler
_CLOCK_TIME = "q_time"  # the lexicon's concept for a race's time
_DURATION = "duration"  # …and for how long something lasted


def _counts_or_spans(token: str) -> bool:
    """Does ``token`` make a following "time" a count or a span ("3 times", "how long time")?"""
    return is_small_number(token) or token == _DURATION


# Words written before "times" that count occasions ("both times", "every time", "ambas veces"):
# stop words, so no token before it tells.
_OCCASIONS = frozenset("both all many several each every few other ambas ambos todas muchas varias cada otras".split())
_TIMES = frozenset({"time", "times", "vez", "veces"})


_WH_WORDS = _TABLES.wh_words  # ask only at the start of a clause ("the race where he…" asks nothing)
_INDIRECT = _TABLES.indirect  # "…no one knows when he…": a question embedded after one of these
_QUESTION_WORDS = _TABLES.question_words  # "which", "what": a question, unless a subject follows
_SUBJECTS = _TABLES.subjects  # "which I think…", "where she…": the question word opened a relative clause
_POLITE = _TABLES.polite  # "please", "could you": what may come before a request's verb
_REQUESTS = _TABLES.requests  # "(kindly) state / indicate / confirm …": how a request asks, not what
_PLEAS = _TABLES.pleas  # "could you help (me out)": a request for help, which says nothing of what
_COURTESY = _TABLES.courtesy  # "thank you so much", "pardon me for…": a clause opening so asks nothing
# A Spanish request verb in any tense or with its pronoun ("indicara", "infórmeme"): by stem.
_REQUEST_STEMS = frozenset(stem(w, "es") for w in _REQUESTS if len(w) >= 6 and len(stem(w, "es")) >= 4)


def is_request(word: str, lang: str) -> bool:
    """Is the word the verb of a request ("state", "indícame", "le agradecería que me dijera")?"""
    return word in _REQUESTS or (lang == "es" and len(word) >= 6 and stem(word, "es") in _REQUEST_STEMS)


# Words that open a question, direct or embedded ("she asked me who…", "i wonder how old…").
_ASKING_WORDS = _TABLES.asking_words


class Analyzer:
    """Turns text into canonical tokens, with typo correction against a known vocabulary."""

    def __init__(
        self, lexicon: Lexicon, vocabulary: Iterable[str] = (), dictionary: frozenset[str] | None = None
    ) -> None:
        self.lexicon = lexicon
        self._canonical_cache: dict[tuple[str, str], tuple[str | None, bool]] = {}
        self._words = {lang: common_words(lang) for lang in ("en", "es")}  # needed while building only
        self._ranks = word_ranks()
        # Every common word has a rank: the rank table doubles as the dictionary (one copy to keep).
        self._dictionary: Collection[str] = self._ranks if dictionary is None else dictionary
        self._word_concept: dict[str, str] = {}
        self._stem_concept: dict[tuple[str, str], str] = {}
        phrases: list[tuple[str, str]] = []
        for concept, forms in lexicon.concepts.items():
            for form in forms:
                expanded = " ".join(_NUMBER_WORDS.get(w, w) for w in TOKEN_RE.findall(expand(form)) if w != "|")
                if " " in expanded:
                    phrases.append((expanded, concept))
                elif expanded:
                    self._word_concept.setdefault(expanded, concept)
                    if concept == NO_CONCEPT:
                        continue  # dropped as written: its stem ("final" of "finally") may be a word of its own
                    if concept in lexicon.people and expanded in self._dictionary:
                        continue  # a name that is also a word ("Segura"): "seguro" is "sure", not him
                    for lang in self._languages_of(expanded):
                        self._stem_concept.setdefault((stem(expanded, lang), lang), concept)
        # Hedges are stop words: passing over one inside an expression loses no topic.
        self._phrases = Phrases(
            phrases, _TABLES.hedges & lexicon.stopwords, self._word_class, _TABLES.noun_markers, lexicon.stopwords
        )
        self._stop_stems = frozenset(stem(w, lg) for w in lexicon.stopwords for lg in ("en", "es") if len(w) > 3)
        self._subject_re = subject_pattern(lexicon)
        known = set(self._word_concept) | set(lexicon.stopwords) | set(_NUMBER_WORDS) | set(_SPELLINGS)
        for phrase, _concept in phrases:
            known.update(phrase.split())
        for word in vocabulary:
            known.update(TOKEN_RE.findall(expand(word)))
        self._known = frozenset(w for w in known if not w.startswith("§"))
        # "takes" is no new word when "take" is known: an inflection of a known word is known.
        # (Not a stop word's: "doing" is no more known for "do" being one.)
        content = self._known - lexicon.stopwords - set(_NUMBER_WORDS)  # "nineties" is no "ninety"
        self._known_stems = {lg: frozenset(stem(w, lg) for w in content) for lg in ("en", "es")}
        self._corrector = Corrector(
            self._known, self._word_concept, self._ranks, self._dictionary, phrases, lexicon.stopwords
        )
        # A word no fact knows may be a rarer word for a concept ("annum", "preceptor").
        self._related = related_concepts(self._word_concept.get)
        del self._words  # the per-language lists served _languages_of above; the ranks keep the words
        # The concepts of results asked in the plural ("medals", "wins"): any plural of one asks so too.
        self._result_concepts = frozenset(self._canonical(w, "en")[0] for w in _PLURAL_RESULTS) - {None}

    def _word_class(self, word: str, lang: str) -> str:
        """A word's class for matching expressions: "§concept" for a form of a lexicon concept
        (or its inflection), else its stem."""
        concept = self._word_concept.get(word) or self._stem_concept.get((stem(word, lang), lang))
        return "§" + concept if concept and concept != NO_CONCEPT else stem(word, lang)

    def rank_of(self, word: str) -> int:
        """A word's general-language frequency rank (RARE_RANK when no list holds it)."""
        return self._ranks.get(word, RARE_RANK)

    def mended(self, words: list[str]) -> list[str]:
        """``words`` as the corrector reads them (respelled, typos mended, stretched letters cut)."""
        return self._corrector.spell(words)

    def _related_concept(self, word: str, lang: str) -> str | None:
        """The concept an unknown English word is a rarer word for, through the thesaurus."""
        if lang != "en":
            return None
        for base in base_forms(word):
            concept = self._related.get(base)
            if concept is not None and concept != NO_CONCEPT and concept not in self.lexicon.intents:
                return concept  # a thing or a deed, never how a question asks ("weigh" is no "how much")
        return None

    def _languages_of(self, word: str) -> tuple[str, ...]:
        """The languages a form may be inflected in: "valores" only in Spanish, so that an
        English word with the same stem ("valorant" → valor) is not taken for it."""
        en, es = word in self._words["en"], word in self._words["es"]
        if en == es:
            return ("en", "es")
        return ("en",) if en else ("es",)

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
        if len(word) > 3 and stem(word, lang) in self._stop_stems and word in self._dictionary:
            return None, False
        # Only the question's language: a Spanish stem of an English word is noise.
        stemmed = self._stem_concept.get((stem(word, lang), lang))
        if stemmed:
            return stemmed, False
        # The plural of a short form the stemmer leaves whole ("oros", "platas" of "oro", "plata").
        for singular in _singulars(word):
            found = self._word_concept.get(singular)
            if found is not None and found != NO_CONCEPT:
                return found, False
        root = stem(word, lang)
        if word in self._known or word.isdigit() or any(ch.isdigit() for ch in word):
            return root, False
        base = irregular_base(word) if lang == "en" else None
        if base is not None:
            return self._canonical_uncached(base, lang)  # "withdrew" is read as "withdraw"
        if root not in self._known_stems[lang] and self._is_adverb(word):
            return None, False  # "precisely", "oficialmente": how, not what; dropped like a hedge
        return root, root not in self._known_stems[lang]

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
        return self.analyze(text).subjects

    def _named(self, folded: str, lang: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """The tokens of what a question asks the name of ("name the coach who…" → coach)."""
        if not ASKS_NAME_RE.search(folded):
            return ()
        phrase = named_phrase(folded)
        if phrase is None:
            return tokens
        named = tuple(t for w in phrase.split() if (t := self._canonical(w, lang)[0]) is not None)
        return named or tokens

    @staticmethod
    def _joins(lead: list[str], before: str) -> bool:
        """Has a question word opened the clause, a word or more back ("what was it like when…")?
        A wh-word after it joins a clause to the question; it asks nothing itself."""
        return len(lead) == 2 and lead[0] in _QUESTION_WORDS and before not in lead

    def _only_a_setting(self, lead: list[str], tokens: list[str]) -> bool:
        """Has the clause so far only set the scene ("in Athens 2004 who took the bronze?", "en
        Atenas, ¿quién…?"): a preposition, then places and years? A question word opens it then."""
        return (
            bool(lead and tokens)
            and lead[0] in _TABLES.prepositions
            and all(t in self.lexicon.entities or is_year(t) for t in tokens)
        )

    def analyze(self, text: str, lang: str | None = None) -> Analysis:
        """Canonical tokens of ``text`` (in order, stop words removed)."""
        lang = lang or detect_language(text, self.lexicon)
        names = {fold(m) for m in _NAME_RE.findall(text)}
        words: list[str] = []
        as_typed = TOKEN_RE.findall(expand(text))
        spelled = self._corrector.spell(as_typed)
        # Misspelt names, read as the corrector reads them: whom the question is about.
        renamed = (
            {w: m for w, m in zip(as_typed, spelled, strict=True) if m != w and m in self.lexicon.people}
            if len(spelled) == len(as_typed)
            else {}
        )
        for word in spelled:
            words.append(him_of(word, words) or _NUMBER_WORDS.get(word, word))
        words = [w for i, w in enumerate(words) if not (w in ("he", "him") and i and words[i - 1] == w)]
        words = him_by_noun(words)
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
        related: dict[str, str] = {}
        manner: set[str] = set()
        pairs: set[str] = set()
        clauses: list[tuple[str, ...]] = []
        asking: list[bool] = []
        embedded: list[tuple[int, str]] = []
        clause_from = raw = 0  # raw: the clause's index among all, empty ones included
        clause_started = previous_unknown = asks = indirect = plea = False
        opening = True  # still at the clause's polite opening ("could you please …")
        polite = False  # …and a polite word has begun it
        lead: list[str] = []  # the clause's first words, stop words included
        words = split_run_ons(words)
        opens, asides = clause_leads(words)  # read before phrases hide "how" in "how far"
        aside: list[bool] = []
        # Who asks and how, before a word of asking or knowing ("one of the ladies asked what…",
        # "my teacher wants to know…", "i promised i would find out"): context, not topic.
        framing: set[int] = set()  # token positions
        adverbial: list[tuple[int, int]] = []  # (token position, clause index) of "when he …" openings
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
        for word, written in self._phrases.join(words, lang):
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
                polite = False
                lead = []
                clause_started = previous_unknown = False
                continue
            if len(lead) == 1 and lead[0] in RELATIVE_OPENERS and word in _SUBJECTS:
                asks = False  # "…, which i think is lovely": a relative clause (a "?" still asks)
                if len(tokens) > clause_from and lead[0] in _WH_WORDS:
                    adverbial.append((len(tokens) - 1, len(clauses)))  # "when he was starting out, …"
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
                if is_request(word, lang):  # "Please state the years…": a request, its verb no topic
                    asks = True
                    opening = False
                    continue
                if word in _PLEAS and len(lead) > 1:  # "could you help (me out)": asks for help, not what
                    plea = True
                    opening = False
                    continue
                # "le agradecería que me…", "i would be most grateful if…": a link once politeness began
                linked = polite and word in _TABLES.polite_links
                polite = polite or word in _POLITE
                opening = word in _POLITE or word in _LEAD_FILLER or linked
                if opening and len(lead) > 0:
                    continue  # "would you be so kind as to…": how it is asked, no topic
            if indirect and (word in _ASKING_WORDS or written in _ASKING_WORDS):
                asks = True  # "she asked me who first taught him": the clause asks, indirectly
                framing.update(asker)
            # "what was it like when he walked in": a question word already asked, so this one joins
            if (
                word in _WH_WORDS
                and (clause_started or (not indirect and self._joins(lead, before)))
                and not self._only_a_setting(lead, tokens[clause_from:])
            ):
                wh, _ = self._canonical(word, lang)  # kept out of the clause's tokens, but noted
                if indirect and wh is not None and wh in self.lexicon.intents:
                    embedded.append((len(tokens), wh))
                continue
            if indirect and word == "that" and not asks:
                indirect = False  # "she told me that when he retired…": a statement follows, no question
            if knowing and not indirect:
                indirect = True
                asker = range(clause_from, len(tokens))  # the words before it (and itself, below)
            token, is_unknown = self._canonical(word, lang)
            if token == _CLOCK_TIME and (
                (len(tokens) > clause_from and _counts_or_spans(tokens[-1]))
                or (written in _TIMES and before in _OCCASIONS)
            ):
                continue  # "three times", "both times", "how long time": how often or how long
            if token is None or (knowing and token not in self.lexicon.concepts):
                previous_unknown = False  # "refresh my memory": a word between, no one name of two words
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
            manner_word = is_unknown and lang == "en" and is_manner_word(word)
            if (
                is_unknown
                and tokens
                and tokens[-1] in unknown
                and previous_unknown
                and not (manner_word and tokens[-1] in manner)
            ):
                pairs.update((tokens[-1], token))  # "prize money", "shoe size"; not "envisage pursuing"
            previous_unknown = is_unknown
            if is_unknown and word in names:
                pairs.add(token)
            tokens.append(token)
            if knowing and asker.stop == len(tokens) - 1:
                asker = range(asker.start, len(tokens))  # a word of knowing that names a concept
            if is_unknown:
                unknown.add(token)
                concept = self._related_concept(word, lang)
                if concept is not None:
                    related[token] = concept
                if manner_word:
                    manner.add(token)
            # Every word's general-language rank: a word no fact holds weighs by how common it is.
            rank = self._ranks.get(word, RARE_RANK)
            ranks[token] = min(rank, ranks.get(token, rank))
        close_clause(False)
        # "When he was just starting out, how long were his races?": a clause a "when" opens with
        # its subject (no question of its own) says when; another clause asks what — so its "when"
        # is context, not a year asked. Alone ("when he retired?") it still asks.
        for position, clause in adverbial:
            if any(asks for k, asks in enumerate(asking) if k != clause):
                framing.add(position)
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
            subjects_of(_renamed(fold(text), renamed), self._subject_re),
            frozenset(soft),
            bool(CONFIRMING_RE.search(fold(text).strip())) and not _EMBEDDED_ES_RE.search(text.casefold()),
            ranks,
            self._named(fold(text), lang, tuple(tokens)),
            bool(HYPOTHETICAL_RE.search(fold(text))),
            tuple(embedded),
            tuple(aside),
            related,
            frozenset(manner) & kept,
            self._asks_plural(fold(text), lang),
            self._asks_victory(fold(text), tokens),
            self._asks_unknown_measure(fold(text), lang, unknown),
        )

    def _asks_unknown_measure(self, folded: str, lang: str, unknown: set[str]) -> bool:
        """Does "how" ask the degree of a word no fact knows ("how hot", "how tall", "qué tan
        pesado")? Known measures ("how old", "how far", "how long") have concepts of their own."""
        # A word the thesaurus reads as a rarer word for a concept is known, as in any question.
        return any(
            self._canonical(word, lang)[0] in unknown and self._related_concept(word, lang) is None
            for word in _HOW_RE.findall(folded)
        )

    def _asks_victory(self, folded: str, tokens: list[str]) -> bool:
        """Is a win asked of as a first place ("his first win abroad", "¿ganó su primera
        competencia fuera?"): the word of winning with no medal named, not asking what was won?"""
        if _WIN not in tokens or _WON_WHAT_RE.search(folded) or _WIN_AS_ANCHOR_RE.search(folded):
            return False
        return not any(t == _MEDAL or self.lexicon.values.get(t) == _MEDAL for t in tokens)

    def _asks_plural(self, folded: str, lang: str) -> bool:
        """Are results asked of in the plural: the words listed, or any other plural of the same
        concepts ("podiums" as "medals", "triunfos" as "wins")?"""
        if _PLURAL_RESULTS_RE.search(folded):
            return True
        for word in _PLURAL_WORD_RE.findall(folded):
            concept = self._canonical(word, lang)[0]
            if concept in self._result_concepts and any(
                self._canonical(singular, lang)[0] == concept for singular in _singulars(word)
            ):
                return True
        return False
