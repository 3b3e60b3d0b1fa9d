"""Words split apart or spelled by ear: "pay rez", "bay jing", "at lanta", "pill grim age".

Voice typing and guessing at a foreign name break one rare word into everyday ones, which typo
correction (one word at a time) can never mend. Adjacent words are joined when what they spell
together is one of the vocabulary's rare words, or sounds like one: the same consonant skeleton
and at most two edits away. Only rare words are targets — the names, places and event words of
the domain — so ordinary pairs ("any one", "in to") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Letters that sound alike in how English and Spanish speakers spell a name they heard.
# An English j is a Spanish y ("Yeferson"); a c before e or i is an s ("Pierce" for Perez).
_SOUNDS = (("ph", "f"), ("ck", "k"), ("ch", "x"), ("sh", "x"), ("qu", "k"), ("ce", "se"), ("ci", "si"),
           ("c", "k"), ("q", "k"), ("z", "s"), ("v", "b"), ("w", "u"), ("j", "y"), ("y", "i"), ("h", ""))
_VOWELS_RE = re.compile(r"[aeiou]+")
_REPEATS_RE = re.compile(r"(.)\1+")
_MAX_PARTS = 3
_MIN_RARE = 5  # letters: a rare word this short is spelled whole, never split
_RUNS_KEPT = 50_000  # runs of words read before the memo of them starts afresh
_MAX_EDITS = 2
_MIN_FORM = 6  # a vocabulary form this long may be rebuilt from its split parts
_NEAR_FORM = 9  # …and from this long, one letter off, when no part is a short word ("trainer as")
_NEAR_PART = 3
# Three of one letter in a row: no English or Spanish word has it, an emphatic or shouted one does.
_STRETCH_RE = re.compile(r"([a-z])\1{2,}")
_MAX_STRETCHES = 3  # each stretch is read as one letter or two: 2**3 readings at most


def unstretch(word: str, rank: Callable[[str], int | None]) -> str:
    """The word an elongated one stands for ("sooo" → so, "pleaseee" → please, "goood" → good):
    each run of three or more of a letter read as one or two of it, and of the readings that are
    words (``rank`` gives a word's frequency rank, None for no word) the most common; else every
    run as one letter. Emphasis is read before any typo correction, which would take "sooo" for
    some other four-letter word."""
    if _STRETCH_RE.search(word) is None:
        return word  # most words: no run of three to read
    runs = list(_STRETCH_RE.finditer(word))
    if len(runs) > _MAX_STRETCHES:
        return _STRETCH_RE.sub(r"\1", word)
    readings = []
    for mask in range(2 ** len(runs)):
        parts, at = [], 0
        for k, run in enumerate(runs):
            parts.append(word[at : run.start()] + run.group(1) * (1 + (mask >> k & 1)))
            at = run.end()
        readings.append("".join(parts) + word[at:])
    ranked = [(r, reading) for reading in readings if (r := rank(reading)) is not None]
    return min(ranked)[1] if ranked else readings[0]


# How a word is heard, vowels kept: the spellings of one sound in English and Latin-American
# Spanish merged (soft c and z as s, qu and hard c as k, ll and y, b and v, w and u, silent h), so
# that "kual"/"cual", "porke"/"porque", "iso"/"hizo", "medaya"/"medalla", "kwenka"/"cuenca" are one.
_HEARD = (("ph", "f"), ("ck", "k"), ("ch", "x"), ("sh", "x"), ("qu", "k"), ("ce", "se"), ("ci", "si"), ("c", "k"),
          ("q", "k"), ("z", "s"), ("v", "b"), ("ll", "y"), ("w", "u"), ("h", ""))  # fmt: skip


def heard_as(word: str) -> str:
    """``word`` as it sounds, vowels kept ("porque" → "porke", "hizo" → "iso", "medalla" → "medaya")."""
    for spelled, sound in _HEARD:
        word = word.replace(spelled, sound)
    return _REPEATS_RE.sub(r"\1", word)


def sound_key(word: str) -> str:
    """The word's consonant skeleton after merging letters that sound alike ("perez" → "prs",
    "payrez" → "prs", "bayjing" → "bjng")."""
    for spelled, sound in _SOUNDS:
        word = word.replace(spelled, sound)
    word = _REPEATS_RE.sub(r"\1", word)
    return word[:1] + _VOWELS_RE.sub("", word[1:])


class Respeller:
    """Joins runs of words that spell, or sound like, one rare word of the vocabulary."""

    def __init__(self, rare_words: Iterable[str], forms: Iterable[str] = ()) -> None:
        self._rare = frozenset(w for w in rare_words if len(w) >= _MIN_RARE and w.isalpha())
        # The vocabulary's own words, common or not ("kilometers", "hometown"): split by voice
        # typing ("kilo meters"), they are joined when spelled, or one letter off in a long word.
        self._forms_set = frozenset(w for w in forms if len(w) >= _MIN_FORM and w.isalpha())
        self._forms_by_start: dict[str, list[str]] = {}  # a split keeps the form's first letters
        for word in sorted(self._forms_set):
            self._forms_by_start.setdefault(word[:2], []).append(word)
        self._by_sound: dict[str, list[str]] = {}
        for word in sorted(self._rare):
            self._by_sound.setdefault(sound_key(word), []).append(word)
        self._runs: dict[tuple[str, ...], str | None] = {}  # see _run
        self._runs_read_with: Callable[[str], bool] | None = None

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the memo of runs read (and the word test it was read with)."""
        return {**self.__dict__, "_runs": {}, "_runs_read_with": None}

    def _spelled(self, joined: str, *, near: bool = True) -> str | None:
        """The rare word or vocabulary form ``joined`` spells, doubled letters aside ("pill grim
        age"), or one letter off when long ("kilos meters")."""
        if len(joined) < _MIN_RARE:
            return None  # shorter than any word it may spell (though it may sound like one: "pe rez")
        if joined in self._rare:
            return joined
        single = _REPEATS_RE.sub(r"\1", joined)
        if single in self._rare:
            return single
        if joined in self._forms_set:
            return joined
        choices = self._forms_by_start.get(joined[:2]) if near and len(joined) >= _NEAR_FORM else None
        if choices:
            found = process.extractOne(joined, choices, scorer=OSA.distance, score_cutoff=1, processor=None)
            if found is not None:
                return str(found[0])
        return None

    def _sounded(self, joined: str) -> str | None:
        """The rare word ``joined`` sounds like: the same skeleton, at most two edits away."""
        edits, word = min(((OSA.distance(joined, w), w) for w in self._by_sound.get(sound_key(joined), ())),
                          default=(_MAX_EDITS + 1, ""))  # fmt: skip
        return word if edits <= _MAX_EDITS else None

    def sounded(self, word: str) -> str | None:
        """The rare word one misheard word sounds like ("quenca" → cuenca), if any: typo
        correction keeps the first letter, which a name spelled by ear often changes."""
        return self._sounded(word) if len(word) >= 5 and word.isalpha() else None

    def join(self, words: list[str], is_word: Callable[[str], bool]) -> list[str]:
        """``words`` with each run of 2–3 plain words that spells a rare word replaced by it.
        A run that only sounds like one must hold a part that is no word at all (``is_word``):
        "pay rez", "bay jing" — while "a teen" (athen?) and "pack in" (pekin?) are meant as said."""
        if is_word != self._runs_read_with:  # the memo holds runs read with another word test
            self._runs.clear()
            self._runs_read_with = is_word
        out: list[str] = []
        plain = [len(w) > 1 and w.isalpha() for w in words]
        i = 0
        while i < len(words):
            for size in range(min(_MAX_PARTS, len(words) - i), 1, -1):
                if all(plain[i : i + size]) and (found := self._run(tuple(words[i : i + size]), is_word)) is not None:
                    out.append(found)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def _run(self, parts: tuple[str, ...], is_word: Callable[[str], bool]) -> str | None:
        """The rare word a run of plain words spells, or sounds like when one of them is no word.
        Memoised: every message tries each pair and triple of its words, and the everyday ones
        ("did he", "he win") come back in message after message."""
        if parts in self._runs:
            return self._runs[parts]
        joined = "".join(parts)
        found = self._spelled(joined, near=min(map(len, parts)) >= _NEAR_PART)
        if found is None and not all(is_word(p) for p in parts):
            found = self._sounded(joined)
        if found in parts:  # "perez s" is a possessive, not a split word
            found = None
        if len(self._runs) >= _RUNS_KEPT:
            self._runs.clear()
        self._runs[parts] = found
        return found


class Partners:
    """Two-word expressions of the vocabulary ("world championships", "jefferson perez"), used to
    mend a real word typed or heard in place of one half: autocorrect and voice typing put real
    words for the domain's ("whirled championships", "jefferson peter", "what yeah"), which typo
    correction, blind to real words, keeps. Beside the other half, a word one edit from the half
    it stands for — or two or three when it sounds alike — is read as that half."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._after: dict[str, set[str]] = {}  # first half → the second halves it may start
        self._before: dict[str, set[str]] = {}
        for first, second in pairs:
            if min(len(first), len(second)) >= 3 and first.isalpha() and second.isalpha():
                self._after.setdefault(first, set()).add(second)
                self._before.setdefault(second, set()).add(first)

    @staticmethod
    def _close(word: str, half: str) -> int | None:
        """How near ``word`` is to ``half``: its edits when near enough, else None."""
        if len(word) < 4:
            return None
        edits = OSA.distance(word, half, score_cutoff=3)
        if edits <= 1:
            return edits
        if edits <= (2 if max(len(word), len(half)) < 6 else 3) and sound_key(word) == sound_key(half):
            return edits  # "whirled" for world
        if edits <= 2 and len(word) >= 5 and word[:2] == half[:2]:
            return edits  # "peter" for perez: the start kept, the rest guessed
        return None

    def mend(self, words: list[str], may_change: Callable[[str], bool]) -> list[str]:
        """``words`` with each word that ``may_change`` and nearly completes an expression with
        its neighbour replaced by the half it stands for (the nearest, on a tie the first)."""
        out = list(words)
        for i, word in enumerate(words):
            if not may_change(word):
                continue
            halves: set[str] = set()
            if i:
                halves |= self._after.get(out[i - 1], set())
            if i + 1 < len(words):
                halves |= self._before.get(words[i + 1], set())
            near = [(edits, half) for half in halves if half != word and (edits := self._close(word, half)) is not None]
            if near:
                out[i] = min(near)[1]
        return out
