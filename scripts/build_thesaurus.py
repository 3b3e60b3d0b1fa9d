"""Build ``bot/core/data/thesaurus-en.txt.gz`` from a WordNet 3.0 ``dict`` directory.

Usage: ``python scripts/build_thesaurus.py WORDNET_DICT_DIR``

For each single-word English lemma: the other lemmas of its two commonest senses, then the lemmas
of what its commonest sense is a kind of (its hypernyms), commonest first, keeping only related
words in the shipped English frequency list (the lexicon's forms are everyday words). The
matcher reads an unknown word through it (:mod:`bot.core.thesaurus`). WordNet's licence is
shipped beside the table (``data/WORDNET-LICENSE.txt``).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "bot" / "core" / "data"
SYNONYM_SENSES = 2  # the senses whose synonyms are kept
HYPERNYM_SENSES = 1  # the senses whose "kind of" is kept
_WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")
_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def read_wordnet(root: Path) -> tuple[dict[tuple[str, str], tuple[list[str], list[tuple[str, str]]]], dict[str, list]]:
    """(synset → (lemmas, hypernym synsets)), (lemma → its synsets, commonest sense first)."""
    synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str]]]] = {}
    for path in sorted(root.glob("data.*")):
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue  # the licence header
            head = line.split(" | ")[0].split()
            offset, kind, count = head[0], head[2], int(head[3], 16)
            lemmas = [head[4 + 2 * i].lower() for i in range(count)]
            at = 4 + 2 * count
            hypernyms = [
                ("a" if head[at + 3 + 4 * j] == "s" else head[at + 3 + 4 * j], head[at + 2 + 4 * j])
                for j in range(int(head[at]))
                if head[at + 1 + 4 * j] in ("@", "@i")
            ]
            synsets[("a" if kind == "s" else kind, offset)] = (lemmas, hypernyms)
    senses: dict[str, list] = defaultdict(list)
    for name, pos in _POS.items():
        for line in (root / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            count, pointers = int(fields[2]), int(fields[3])
            senses[fields[0]].extend((pos, o) for o in fields[4 + pointers + 2 :][:count])
    return synsets, senses


def main(root: Path) -> None:
    with gzip.open(DATA / "words-en.txt.gz", "rt", encoding="utf-8") as fh:
        common = set(fh.read().split())
    synsets, senses = read_wordnet(root)
    lines = []
    for lemma in sorted(senses):
        if not _WORD.match(lemma):
            continue
        related: list[str] = []
        for k, key in enumerate(senses[lemma][: max(SYNONYM_SENSES, HYPERNYM_SENSES)]):
            lemmas, hypernyms = synsets[key]
            found = list(lemmas) if k < SYNONYM_SENSES else []
            if k < HYPERNYM_SENSES:
                for hypernym in hypernyms:
                    found += synsets[hypernym][0]
            for word in found:
                if word != lemma and word not in related and word in common and _WORD.match(word):
                    related.append(word)
        if related:
            lines.append(" ".join([lemma, *related]))
    with gzip.open(DATA / "thesaurus-en.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"{len(lines)} words")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
