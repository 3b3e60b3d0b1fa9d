"""A second opinion on what a question is about: a linear model over word and character n-grams.

The matcher reads a question through its lexicon, which knows the words a curator wrote; a
stranger's wording it has never seen sinks an answerable question (declined), and a near miss
that reuses a fact's words can be answered. This model was fit on thousands of questions people
wrote in every style (our question sets, each item labelled with the fact that answers it, or
none), so it knows wordings no lexicon lists and the shape of the questions the article cannot
answer. It never answers alone: :mod:`bot.core.decision` combines it with the matcher's verdict.

Trained offline by ``scripts/train_ngrams.py`` (scikit-learn, a development tool only) and shipped
as ``data/ngrams.bin``; this module reads that file and scores with the standard library alone.
The features are made here, for training and for answering alike, so both see the same numbers.
"""

from __future__ import annotations

import math
import operator
from array import array
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from bot.core.cache import Ranks
from bot.core.facts import Fact
from bot.core.fold import fold
from bot.core.lazyre import lazy
from bot.core.record import Frozen

__all__ = ["NONE", "SEVERAL", "NgramModel", "features", "load_model", "model_path", "shipped_model"]

NONE = "none"  # the class of questions no fact answers
SEVERAL = "several"  # the class of questions two facts answer, or a value worked out from them
_WORD_RE = lazy(r"[^\W_]{2,}")  # words of two letters or more (one letter carries no topic)
_CHAR_SIZES = (3, 4, 5)
_MAGIC = b"perezbot-ngrams-1\n"
_WORDS_KEPT = 50_000  # words whose features are memoised before the memo starts afresh


def features(text: str) -> dict[str, float]:
    """The question's n-gram counts: ``w|word``, ``b|word|next`` (word pairs) and ``c|gram``
    (3–5 letters inside a word marked ``#word#``); folded, so accents and case do not count."""
    words = _WORD_RE.findall(fold(text))
    counts: Counter[str] = Counter()
    for i, word in enumerate(words):
        counts["w|" + word] += 1
        if i:
            counts[f"b|{words[i - 1]}|{word}"] += 1
        counts.update(_letter_runs(word))
    return dict(counts)


def _letter_runs(word: str) -> list[str]:
    """The ``c|gram`` features of one word, in order."""
    marked = f"#{word}#"
    return ["c|" + marked[start : start + size] for size in _CHAR_SIZES for start in range(len(marked) - size + 1)]


def weighted(counts: dict[str, float], index: Ranks, idf: array) -> dict[int, float]:
    """Known features as ``index → tf-idf``: a damped count (1 + log) times the feature's rarity,
    each block (words, characters) scaled to unit length so a long message weighs no more than a
    short one."""
    words: Counter[int] = Counter()
    letters: Counter[int] = Counter()
    for name, count in counts.items():
        i = index.get(name)
        if i is not None:
            (letters if name[0] == "c" else words)[i] += int(count)
    return _scaled(words, idf) | _scaled(letters, idf)


def _scaled(counts: Counter[int], idf: array) -> dict[int, float]:
    """One block of known features (``index → count``) as tf-idf of unit length."""
    log = math.log  # a count of one weighs its idf alone: (1 + log 1) × idf is idf exactly
    block = {i: idf[i] if count == 1 else (1.0 + log(count)) * idf[i] for i, count in counts.items()}
    norm = math.sqrt(sum(v * v for v in block.values()))
    return {i: v / norm for i, v in block.items()} if norm else {}


# A feature's weights for every class packed side by side in one integer, each in a lane of
# ``_LANE`` bits (offset to be non-negative): adding ``count × row`` adds to every class at once,
# in C, which a loop over the classes does in Python ten times slower. A feature's value is
# counted in units of 2**-24 (it is at most 1: each block of features is scaled to unit length),
# so no lane can overflow below 2**15 features — a message holds a few hundred.
_LANE = 56
_QUANTUM = 1 << 24
_OFFSET = 1 << 15  # the weights are 16-bit integers


def _packed(row: array) -> int:
    """One feature's weights for every class, as one integer of lanes."""
    return sum((weight + _OFFSET) << (_LANE * k) for k, weight in enumerate(row))


class NgramModel(Frozen):
    """A multinomial logistic model: per class a bias and a weight for every kept feature."""

    _fields = ("classes", "index", "idf", "weights", "scale", "bias")
    # Filled as questions come, never pickled: _rows, features' packed weights; _words, each
    # word's known features (its own, then its letter runs), the same in every question.
    __slots__ = (*_fields, "_rows", "_words")
    classes: tuple[str, ...]
    index: Ranks
    idf: array
    weights: array  # 16-bit integers, feature-major: weight of feature i for class k = weights[i * n + k] * scale
    scale: float
    bias: tuple[float, ...]
    _rows: dict[int, int]
    _words: dict[str, tuple[int | None, tuple[int, ...]]]

    def __init__(
        self, classes: tuple[str, ...], index: Ranks, idf: array, weights: array, scale: float, bias: tuple[float, ...]
    ) -> None:
        _set = object.__setattr__
        _set(self, "classes", classes)
        _set(self, "index", index)
        _set(self, "idf", idf)
        _set(self, "weights", weights)
        _set(self, "scale", scale)
        _set(self, "bias", bias)

    def _memo(self, name: str) -> dict[Any, Any]:
        """One of the memos filled as questions come (empty in a model just read or unpickled)."""
        try:
            memo: dict[Any, Any] = getattr(self, name)
        except AttributeError:
            memo = {}
            object.__setattr__(self, name, memo)
        return memo

    def _known_of(self, word: str) -> tuple[int | None, tuple[int, ...]]:
        """``word``'s own feature and its letter runs', those the model knows (memoised: a word's
        features never change, and looking up its twenty-odd runs is most of scoring a question)."""
        memo: dict[str, tuple[int | None, tuple[int, ...]]] = self._memo("_words")
        found = memo.get(word)
        if found is None:
            if len(memo) >= _WORDS_KEPT:
                memo.clear()
            get = self.index.get
            runs = tuple(i for run in _letter_runs(word) if (i := get(run)) is not None)
            found = memo[word] = (get("w|" + word), runs)
        return found

    def _vector(self, text: str) -> dict[int, float]:
        """``weighted(features(text))``, from each word's memoised features: the same numbers,
        summed in the same order."""
        words: Counter[int] = Counter()
        letters: Counter[int] = Counter()
        previous = ""
        for word in _WORD_RE.findall(fold(text)):
            own, runs = self._known_of(word)
            if own is not None:
                words[own] += 1
            if previous and (pair := self.index.get(f"b|{previous}|{word}")) is not None:
                words[pair] += 1
            letters.update(runs)
            previous = word
        return _scaled(words, self.idf) | _scaled(letters, self.idf)

    def probabilities(self, text: str) -> dict[str, float]:
        """Each class's probability for ``text`` (they sum to 1)."""
        n = len(self.classes)
        rows: dict[int, int] = self._memo("_rows")
        vector = self._vector(text)
        for i in [i for i in vector if i not in rows]:
            rows[i] = _packed(self.weights[i * n : i * n + n])
        units = [round(value * _QUANTUM) for value in vector.values()]
        packed = sum(map(operator.mul, units, map(rows.__getitem__, vector)))  # in C: no Python loop
        counted = sum(units)
        lane = (1 << _LANE) - 1
        sums = [(((packed >> (_LANE * k)) & lane) - _OFFSET * counted) / _QUANTUM for k in range(n)]
        scores = [b + self.scale * s for b, s in zip(self.bias, sums, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def knows(self, facts: Iterable[Fact]) -> bool:
        """Was the model fit with every one of ``facts`` (a fact added since is none of its classes)?"""
        return all(fact.id in self.classes for fact in facts)

    def known_share(self, text: str) -> float:
        """The share of the words of ``text`` the model has seen in questions (0 without words):
        it knows language, so its opinion of keyboard mashing or a made-up word means nothing."""
        words = _WORD_RE.findall(fold(text))
        return sum(self._known_of(w)[0] is not None for w in words) / len(words) if words else 0.0

    def best(self, text: str) -> tuple[str, float]:
        """The most probable class for ``text`` and its probability."""
        probabilities = self.probabilities(text)
        name = max(probabilities, key=probabilities.__getitem__)
        return name, probabilities[name]

    def dump(self, path: Path) -> None:
        """Write the model as :func:`load_model` reads it (the training script's output)."""
        import json  # only a build reads or writes the file: a cached start imports neither
        import zlib

        names = sorted(self.index, key=self.index.__getitem__)
        header = {"classes": list(self.classes), "bias": list(self.bias), "scale": self.scale, "features": len(names)}
        body = "\n".join(names).encode("utf-8") + b"\0" + self.idf.tobytes() + self.weights.tobytes()
        path.write_bytes(_MAGIC + json.dumps(header).encode("utf-8") + b"\n" + zlib.compress(body, 9))


def model_path() -> Path:
    """The shipped model, beside the matcher's other data files."""
    return Path(__file__).resolve().parent / "data" / "ngrams.bin"


def load_model(path: Path | None = None) -> NgramModel | None:
    """The model in ``path`` (the shipped one by default); None when there is none or it is
    unreadable — the matcher then decides alone, as it did before the model existed."""
    import json  # only a build reads the file: a cached start imports neither
    import zlib

    try:
        raw = (path or model_path()).read_bytes()
        if not raw.startswith(_MAGIC):
            return None
        head, _, packed = raw[len(_MAGIC) :].partition(b"\n")
        header = json.loads(head)
        names_blob, _, numbers = zlib.decompress(packed).partition(b"\0")
        names = names_blob.decode("utf-8").split("\n")
        classes = tuple(header["classes"])
        idf = array("f")
        idf.frombytes(numbers[: 4 * len(names)])
        weights = array("h")
        weights.frombytes(numbers[4 * len(names) :])
        if len(names) != header["features"] or len(weights) != len(names) * len(classes):
            return None
        index = Ranks(Ranks.pack({name: i for i, name in enumerate(names)}))
        return NgramModel(classes, index, idf, weights, float(header["scale"]), tuple(header["bias"]))
    except (OSError, ValueError, KeyError, zlib.error, UnicodeError):
        return None


@cache
def shipped_model() -> NgramModel | None:
    """The shipped model, read once per process: it never changes, so every engine built (each
    reload, each test's fact base) shares it instead of reading and indexing 1.4 MB again."""
    return load_model()
