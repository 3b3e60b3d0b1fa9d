"""Word correction: reading a word as the one its writer meant before it is looked up. Chat
spellings ("ikr"), stretched words ("pleasee"), split or joined words, typos of the vocabulary's
words ("wolrd"), words spelled by ear ("porke", "wuz"), rare real words a slip from a far more
common domain word ("sliver", "beet"), a real word standing for half of a known expression, and
Spanish verb forms the word lists lack ("dijeron"). Of the words a typo may stand for, the
likeliest slip wins (:func:`typo_cost`: keyboard neighbours, swaps, doubled letters, vowels and
sounds heard alike). Kept apart from the analyzer, which only reads corrected words.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.analysis import NO_CONCEPT
from bot.core.lazyre import lazy
from bot.core.respell import Partners, Respeller, heard_as, sound_key, unstretch
from bot.core.subjects import FULL_NAME
from bot.core.wordlists import RARE_RANK, tables

_TABLES = tables()
_NUMBER_WORDS = _TABLES.numbers
_SPELLINGS = _TABLES.spellings  # chat spellings of question words, fixed before anything else
_CONJUNCTIONS = _TABLES.conjunctions
_QUESTION_STARTERS = _TABLES.question_starters
_LEAD_FILLER = _TABLES.lead_filler
_WH_WORDS = _TABLES.wh_words
# The tables' words are words: never typo-corrected into something else ("podría" is no "podio").
_TABLE_WORDS = (
    _CONJUNCTIONS | _QUESTION_STARTERS | _LEAD_FILLER | _WH_WORDS | _TABLES.indirect | _TABLES.polite
    | _TABLES.requests | _TABLES.pleas | _TABLES.courtesy | _TABLES.asking_words | _TABLES.hedges
)
_RECENT_TEXTS = 16  # texts whose spelling is remembered before the memo starts afresh
# A real word this rare in general use ("gould", "wold") is likelier a typo of a domain word
# one edit away ("gold", "world") than meant: it may be corrected.
_RARE_REAL_RANK = 20000
# Two letters swapped are the commonest slip, one vowel the commonest spelling by ear: a less rare
# real word is read as a domain word it swaps two letters of ("sliver" → silver) or differs from in
# one vowel ("beet" → beat) when that word is far more common (a slip for a common word is likelier
# than the rare word meant: the noisy-channel view of the two frequencies).
_RARE_SWAPPED_RANK = 15000
_MORE_COMMON = 5
_RARE_TARGET_RANK = 5000  # words rarer than this in general use may be rebuilt from split words
# A Spanish infinitive or gerund with its pronouns written on ("decirle", "contándoselo" folded):
# a word whenever the verb form is.
_CLITIC_RE = lazy(r"([a-z]{2,}(?:ar|er|ir|ando|iendo))(?:se|me|te|nos|os)?(?:lo|la|los|las|le|les|me|te|se|nos)")
# Spanish object pronouns that stand only before a verb ("le quitó", "se retiró"); "lo" and "la"
# are left out, being articles too.
_CLITICS = frozenset({"le", "les", "se", "me", "te", "nos"})
SHORT = 3  # a word this short is mended only by a dropped letter of a domain word
# …or, spelled by ear, only into one of the commonest words: three letters are as often junk
# ("viw", "olh") as a word heard ("wun", "wuz"), unless the word is very likely to be meant.
_SHORT_TARGET_RANK = 1000

# How likely each slip of the fingers is, as the cost of one edit: a key's neighbour, a swapped
# pair, a doubled or dropped double letter are the commonest typos; a vowel for a vowel or a letter
# for one that sounds the same is how a word is spelled by ear; any other letter is a rarer slip.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = frozenset("aeiou")
_SOUND_ALIKE = frozenset(frozenset(p) for p in ("ck", "cs", "ks", "sz", "bv", "iy", "jy", "jg", "gh", "jh", "qk", "mn"))
SWAP, DOUBLE, NEAR_KEY, BY_EAR, GAP, OTHER_KEY = 0.7, 0.5, 0.8, 0.8, 1.0, 1.2
TWO_CHEAP_SLIPS = 1.5  # the most two slips may cost in a word too short to allow two edits
_TWO_SLIPS_FORM = 6  # …when they make a domain word this long
TWO_CHEAPEST_SLIPS = 1.3  # …or any word, when neither is a whole letter missing ("menny" → many)
SKELETON_CHANGED = 0.3  # a reading that keeps the typed word's consonants is the likelier one


def _neighbours() -> dict[str, frozenset[str]]:
    """Each letter's neighbouring keys on a QWERTY keyboard (rows staggered to the right)."""
    near: dict[str, set[str]] = {}
    for r, row in enumerate(_ROWS):
        for c, key in enumerate(row):
            around = {row[c - 1] if c else "", row[c + 1] if c + 1 < len(row) else ""}
            if r:
                around |= {_ROWS[r - 1][c], _ROWS[r - 1][c + 1]}
            if r + 1 < len(_ROWS):
                below = _ROWS[r + 1]
                around |= {below[c - 1] if 0 < c <= len(below) else "", below[c] if c < len(below) else ""}
            near[key] = around - {""}
    return {k: frozenset(v) for k, v in near.items()}


_NEAR_KEYS = _neighbours()


def _substitution(a: str, b: str) -> float:
    """The cost of typing ``a`` where ``b`` was meant."""
    if b in _NEAR_KEYS.get(a, ()):
        return NEAR_KEY
    if (a in _VOWELS and b in _VOWELS) or frozenset((a, b)) in _SOUND_ALIKE:
        return BY_EAR
    return OTHER_KEY


# The endings of Spanish verbs (folded), which the word lists, short of most conjugated forms,
# lack: a word a verb of the lists conjugates is a word ("dijeron" is no typo of "dinero").
_VERB_ENDINGS = tuple(
    sorted(
        {
            *"o as a amos ais an e es emos eis en imos is".split(),  # present
            *"aba abas abamos aban ia ias iamos ian".split(),  # imperfect
            *"e aste o amos asteis aron i iste io imos isteis ieron eron".split(),  # preterite
            *"ara aras aran iera ieras ieran ase iese".split(),  # past subjunctive
            *"are aras ara aremos aran ere eras era eremos eran ire iras ira iremos iran".split(),  # future
            *"aria arias arian eria erias erian iria irias irian".split(),  # conditional
            *"ando iendo yendo ado ada ados adas ido ida idos idas".split(),  # gerund, participle
        },
        key=len,
        reverse=True,
    )
)
# A stem's vowel as the infinitive has it: "mide" of medir, "puede" of poder, "quiere" of querer.
_STEM_VOWELS = (("i", "e"), ("ue", "o"), ("ie", "e"), ("u", "o"))
# The stems of the commonest irregular preterites: "dijeron" of decir, "hizo" of hacer, "tuvo" of tener.
_IRREGULAR_STEMS = {
    "dij": "dec", "dig": "dec", "hic": "hac", "hiz": "hac", "tuv": "ten", "estuv": "est", "pud": "pod",
    "pus": "pon", "quis": "quer", "vin": "ven", "traj": "tra", "anduv": "and", "sup": "sab",
}  # fmt: skip


def spanish_infinitives(word: str) -> set[str]:
    """The infinitives ``word`` may be a form of, read as a Spanish verb ("dijeron" → decir,
    "mide" → medir, "caminaba" → caminar); empty for a word too short to be one."""
    found: set[str] = set()
    for ending in _VERB_ENDINGS:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 2:
            continue
        if stem in _IRREGULAR_STEMS:
            found |= {_IRREGULAR_STEMS[stem] + end for end in ("ar", "er", "ir")}
            continue
        stems = {stem}
        for changed, original in _STEM_VOWELS:
            at = stem.rfind(changed)
            if at >= 0:
                stems.add(stem[:at] + original + stem[at + len(changed) :])
        found |= {s + end for s in stems for end in ("ar", "er", "ir")}
    return found


def _one_vowel_off(word: str, meant: str) -> bool:
    """Two words of one length that differ in one vowel only ("beet", "beat")."""
    changed = [(a, b) for a, b in zip(word, meant, strict=True) if a != b]
    return len(changed) == 1 and changed[0][0] in _VOWELS and changed[0][1] in _VOWELS


def _letter_for_letter(word: str, meant: str) -> bool:
    """Each letter of ``word`` is the one of ``meant`` in its place, or a cheap slip for it."""
    return all(a == b or _substitution(a, b) <= BY_EAR for a, b in zip(word, meant, strict=True))


def _vowel_dropped(word: str) -> set[str]:
    """``word`` with one of its vowels left out, each way ("many" → {"mny", "man"})."""
    return {word[:i] + word[i + 1 :] for i, ch in enumerate(word) if ch in _VOWELS}


def typo_cost(typed: str, meant: str) -> float:
    """How unlikely ``typed`` is as a slip for ``meant``: an edit distance whose edits cost what
    they are worth as typos (see the constants above), plus a little when the consonant skeleton
    changes. It orders the words a typo may stand for: "tiem" is a swapped "time" before a
    mistyped "them", "atlnta" a dropped letter of "atlanta" before a changed "atleta"."""
    n, m = len(typed), len(meant)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + GAP
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + GAP
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            a, b = typed[i - 1], meant[j - 1]
            # An extra or a missing letter costs less beside the same letter ("atllanta", "atlanta").
            extra = DOUBLE if i > 1 and typed[i - 2] == a else GAP
            missing = DOUBLE if j > 1 and meant[j - 2] == b else GAP
            same = 0.0 if a == b else _substitution(a, b)
            best = min(d[i - 1][j] + extra, d[i][j - 1] + missing, d[i - 1][j - 1] + same)
            if i > 1 and j > 1 and a == meant[j - 2] and typed[i - 2] == b:
                best = min(best, d[i - 2][j - 2] + SWAP)
            d[i][j] = best
    # The skeleton's letters, not their order: a swapped pair of consonants keeps the sound's parts.
    return d[n][m] + (SKELETON_CHANGED if sorted(sound_key(typed)) != sorted(sound_key(meant)) else 0.0)


class Corrector:
    """Corrects the words of a text against a known vocabulary and the general-language lists."""

    def __init__(
        self,
        known: frozenset[str],
        word_concept: Mapping[str, str],
        ranks: Mapping[str, int],
        dictionary: Collection[str],
        phrases: Iterable[tuple[str, str]],
        stopwords: frozenset[str],
    ) -> None:
        """``known``: the vocabulary's words; ``word_concept``: each one-word form's concept;
        ``ranks``: general-language frequency ranks; ``dictionary``: the common words; ``phrases``:
        (expanded phrase, concept) of the lexicon; ``stopwords``: the lexicon's stop words."""
        self._known = known
        self._word_concept = word_concept
        self._ranks = ranks
        self._dictionary = dictionary
        self._correction_cache: dict[str, str | None] = {}
        self._recent: dict[tuple[str, ...], tuple[str, ...]] = {}
        # The domain's rare words (names, places, events): what a split or misheard word may be.
        # Function words are no targets: "quien es" is two words, not "quienes".
        function = _QUESTION_STARTERS | _WH_WORDS | _CONJUNCTIONS | _LEAD_FILLER
        self._respeller = Respeller(
            (w for w in self._known if self._ranks.get(w, RARE_RANK) > _RARE_TARGET_RANK and w not in function),
            (w for w in self._word_concept if self._word_concept[w] != NO_CONCEPT and w not in function),
        )
        # Two-word expressions, his name among them: a real word beside one half may be the other.
        phrases = list(phrases)
        # The word pairs the vocabulary's expressions hold ("how old", "who won"): context for a slip.
        self._adjacent = {pair for phrase, _concept in phrases for pair in pairwise(phrase.split(" "))}
        pairs = [phrase.split(" ") for phrase, _concept in phrases if phrase.count(" ") == 1]
        stop = stopwords
        both_content = [(a, b) for a, b in pairs if a not in stop and b not in stop]
        self._partners = Partners([*both_content, FULL_NAME])
        self._by_initial: dict[str, list[str]] = {}
        self._by_length: dict[int, list[str]] = {}
        self._sounding: dict[str, list[str]] = {}  # the known words by how they sound
        for word in sorted(self._known - set(_SPELLINGS)):
            if len(word) >= 3 and word.isalpha():
                self._by_initial.setdefault(word[0], []).append(word)
                self._by_length.setdefault(len(word), []).append(word)
                self._sounding.setdefault(heard_as(word), []).append(word)

    def spell(self, words: list[str]) -> list[str]:
        """``words`` (of an expanded text) as meant: respelled, chat spellings spelled out,
        typos corrected, a word beside half of an expression read as its other half.

        Memoised for the last few texts: the matcher reads one message's words several times
        (its analysis, what the n-gram model is asked about, whether a question word shows)."""
        key = tuple(words)
        found = self._recent.get(key)
        if found is None:
            if len(self._recent) >= _RECENT_TEXTS:
                self._recent.clear()
            found = self._recent[key] = tuple(self._spell(words))
        return list(found)

    def _spell(self, words: list[str]) -> list[str]:
        plain = [unstretch(w, self._word_rank) for w in words]
        spelled: list[str] = []
        joined = self._respeller.join(plain, self._is_word)
        chatted = [w for chat in joined for w in _SPELLINGS.get(chat, chat).split()]  # "ikr": i know right
        for i, word in enumerate(chatted):
            if (
                word not in self._known
                and word not in _TABLE_WORDS
                and not any(ch.isdigit() for ch in word)
            ):
                if not self._is_real(word) and (verb := self._verb_of(word)):
                    word = verb
                elif not self._is_real(word):
                    before = spelled[-1] if spelled else ""
                    after = chatted[i + 1] if i + 1 < len(chatted) else ""
                    word = self._correct(word) or self._in_context(self._swapped(word), before, after) or word
                elif (rank := self._real_rank(word)) > _RARE_REAL_RANK:
                    word = self._correct_rare(word) or word
                elif rank > _RARE_SWAPPED_RANK:
                    word = self._correct_swapped(word) or word
            spelled.append(word)
        return self._after_clitics(self._partners.mend(spelled, self._may_mend))

    def _after_clitics(self, words: list[str]) -> list[str]:
        """``words`` with a word read as a verb where a Spanish object pronoun stands before it:
        "le quitó", folded to "le quito", is no city; when the word's infinitive is a form of the
        vocabulary with another meaning ("quitar"), that is what it says."""
        out = list(words)
        for i in range(1, len(words)):
            word = words[i]
            if words[i - 1] not in _CLITICS or word not in self._word_concept or word[-1] not in "aeo":
                continue
            verbs = [v for end in ("ar", "er", "ir") if (v := word[:-1] + end) in self._word_concept]
            if len(verbs) == 1 and self._word_concept[verbs[0]] != self._word_concept[word]:
                out[i] = verbs[0]
        return out

    def _real_rank(self, word: str) -> int:
        """A real word's frequency rank; for a plural the lists lack ("todas", "cuentas"), its
        singular's: an everyday word's plural is no rare word, to be read as a domain word."""
        if word in self._ranks or not word.endswith("s"):
            return self._ranks.get(word, RARE_RANK)
        bases = (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)
        return min((self._ranks[b] for b in bases if b in self._ranks), default=RARE_RANK)

    def _is_real(self, word: str) -> bool:
        """A common English or Spanish word, or an inflection of one: never "corrected"."""
        if word in self._dictionary:
            return True
        # Plurals the frequency list lacks ("premios", "carreras"): the singular is a word.
        if len(word) > 4 and word.endswith("s") and (word[:-1] in self._dictionary or word[:-2] in self._dictionary):
            return True
        return _CLITIC_RE.fullmatch(word) is not None and _CLITIC_RE.sub(r"\1", word) in self._dictionary

    def _verb_of(self, word: str) -> str | None:
        """The infinitive a Spanish verb form the lists lack conjugates, when the vocabulary knows
        it ("despedía" → despedir, "dijeron" → decir): read as it, not as a typo of some noun."""
        verbs = sorted(v for v in spanish_infinitives(word) if v in self._known)
        return verbs[0] if len(verbs) == 1 else None

    def _is_word(self, word: str) -> bool:
        """A word as it stands: one the vocabulary knows, or a common English or Spanish word."""
        return word in self._known or self._is_real(word)

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

    def _swapped(self, word: str) -> set[str]:
        """The known three-letter words ``word`` swaps two letters of."""
        if len(word) != SHORT:
            return set()
        letters = sorted(word)
        return {w for w in self._by_length.get(SHORT, ()) if sorted(w) == letters and OSA.distance(word, w) == 1}

    def _in_context(self, candidates: set[str], before: str, after: str) -> str | None:
        """Of the words a slip may stand for ("hwo": how or who), the one that forms an expression
        of the vocabulary with the word before or after it ("hwo old" → how old), if only one does."""
        fits = {w for w in candidates if (before, w) in self._adjacent or (w, after) in self._adjacent}
        return fits.pop() if len(fits) == 1 else None

    def _correct_short(self, word: str) -> str | None:
        """A three-letter non-word read as the one word it is a slip for: two letters swapped of any
        known word ("wsa" → was, "hwo" → how, "teh" → the), or its sound spelled another way ("iso" →
        hizo); else a domain word with one letter missing ("gld" → gold, "lng" → long) or one
        vowel heard wrong ("wun" → won) — only when the domain words that fit all mean one thing."""
        swapped = self._swapped(word)
        if swapped:
            return swapped.pop() if len(swapped) == 1 else None  # several: read in context
        heard = self._heard(word)
        if heard:
            return heard[0] if len(heard) == 1 else None
        choices = [w for w in self._by_initial.get(word[0]) or [] if len(w) in (SHORT, SHORT + 1)]
        near = process.extract(word, choices, scorer=OSA.distance, score_cutoff=1, processor=None, limit=None)
        concepts = self._word_concept
        fits = {
            w
            for w, _d, _i in near
            if concepts.get(w, NO_CONCEPT) != NO_CONCEPT and (len(w) > SHORT or self._heard_wrong(word, w))
        }
        # One word, or words heard alike that mean one thing ("wun": win or won); two spellings
        # of a name a letter was dropped from ("ila": ilia or ilya?) are a guess.
        heard_alike = all(len(w) == SHORT for w in fits) and len({concepts[w] for w in fits}) == 1
        if len(fits) == 1 or (fits and heard_alike):
            return min(fits, key=lambda w: (typo_cost(word, w), w))
        if fits:
            return None
        # Texting drops the vowels of any word, all of them ("mny" → many, "wht" → what).
        unvowelled = {w for w in self._by_length.get(SHORT + 1, ()) if word in _vowel_dropped(w)}
        if unvowelled and not set(word) & _VOWELS:
            return unvowelled.pop() if len(unvowelled) == 1 else None
        return self._spelled_by_sound(word)

    def _spelled_by_sound(self, word: str) -> str | None:
        """A three-letter word spelled as it sounds, a vowel changed and maybe a letter of the same
        sound ("wuz" → was): the one known word of its sound that cheap slips reach, letter for
        letter (no swap: "kno" is no "con")."""
        key = sound_key(word)
        costs = {
            w: typo_cost(word, w)
            for w in self._by_length.get(SHORT, ())
            if sound_key(w) == key
            and _letter_for_letter(word, w)
            and any(a != b and a in _VOWELS and b in _VOWELS for a, b in zip(word, w, strict=True))
        }
        best = sorted((cost, w) for w, cost in costs.items() if cost <= 2 * BY_EAR)
        if not best or (len(best) > 1 and best[1][0] == best[0][0]):
            return None
        return best[0][1]

    def _heard_wrong(self, word: str, meant: str) -> bool:
        """``word`` is ``meant``, one of the commonest words, with one vowel heard as another."""
        return self._ranks.get(meant, RARE_RANK) <= _SHORT_TARGET_RANK and self._one_slip(word, meant)

    @staticmethod
    def _one_slip(word: str, meant: str) -> bool:
        """``word`` is ``meant`` with one vowel heard as another ("wun" → won), the other letters
        in place. (Not a neighbouring key: three random letters are too often one key from a
        three-letter domain word.)"""
        changed = [(a, b) for a, b in zip(word, meant, strict=True) if a != b]
        return len(changed) == 1 and changed[0][0] in _VOWELS and changed[0][1] in _VOWELS

    def _correct_swapped(self, word: str) -> str | None:
        """A rare real word read as the one far more common domain word it swaps two letters of,
        or sounds like but for one vowel ("beet" → beat)."""
        if len(word) < 4 or not word.isalpha():
            return None
        letters, rank = sorted(word), self._ranks.get(word, RARE_RANK)
        concepts = self._word_concept
        fits = {
            w
            for w in self._by_initial.get(word[0]) or []
            if len(w) == len(word)
            and concepts.get(w, NO_CONCEPT) != NO_CONCEPT
            and self._ranks.get(w, RARE_RANK) * _MORE_COMMON <= rank
            and ((sorted(w) == letters and typo_cost(word, w) == SWAP) or _one_vowel_off(word, w))
        }
        return fits.pop() if len(fits) == 1 else None

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

    def _heard(self, word: str) -> list[str]:
        """The known words that sound just as ``word`` does, spelled another way ("kual" → cual)."""
        return [w for w in self._sounding.get(heard_as(word), ()) if w != word]

    def _first_key_missed(self, word: str) -> list[str]:
        """The known words ``word`` is, but for its first letter typed with the key beside theirs."""
        return [w for key in sorted(_NEAR_KEYS.get(word[0], ())) if (w := key + word[1:]) in self._known]

    def _correct_uncached(self, word: str) -> str | None:
        if len(word) == SHORT and word.isalpha():
            return self._correct_short(word)
        if len(word) < 4 or not word.isalpha():
            return None
        choices = self._by_initial.get(word[0])
        limit = 1 if len(word) <= 6 else 2
        found = (
            process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, processor=None, limit=8)
            if choices
            else []
        )
        # A word spelled by ear ("porke", "medaya") is as likely as a slip of one vowel.
        costs = {w: typo_cost(word, w) for w, _d, _i in found} | dict.fromkeys(self._heard(word), BY_EAR)
        if not costs and limit == 1:
            # A short word two slips from a long domain word, both cheap: a doubled letter typed
            # once and a letter dropped ("anonce" → announce), the consonants all kept.
            near = process.extract(word, choices or [], scorer=OSA.distance, score_cutoff=2, processor=None, limit=8)
            concepts = self._word_concept
            costs = {
                w: cost
                for w, _d, _i in near
                if (cost := typo_cost(word, w)) <= TWO_CHEAPEST_SLIPS
                or (cost <= TWO_CHEAP_SLIPS and len(w) >= _TWO_SLIPS_FORM and concepts.get(w, NO_CONCEPT) != NO_CONCEPT)
            }
        if not costs:
            # Nothing starts alike: the first key may have been missed for its neighbour ("ehat").
            costs = {w: typo_cost(word, w) for w in self._first_key_missed(word)}
        if not costs:
            # A name spelled by ear may change its first letter ("quenca"): the rare word it sounds like.
            return self._respeller.sounded(word)
        # The likeliest slip first; on a tie, a word of the same length ("wolrd" → world, not word).
        return min(costs, key=lambda w: (costs[w], abs(len(w) - len(word)), w))
