"""Build ``bot/core/data/manner-en.txt.gz`` from a WordNet 3.0 ``dict`` directory.

Usage: ``python scripts/build_word_kinds.py WORDNET_DICT_DIR``

Lists the English words (of the shipped frequency list) whose commonest sense, by WordNet's tagged
sense counts, is no concrete thing: a verb, an adjective, an adverb, or an abstract noun (an act, an
attribute, a cognition, a time…). A question word of that kind no fact knows says how something is
asked ("articulate", "elapsed", "precise") more often than what: it weighs no more than a word of
middling frequency. A concrete noun (an artifact, a person, a place, food, money: "shoes",
"cathedral", "salary") keeps its full weight — a thing the article may not have.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "bot" / "core" / "data"
# Lexicographer files of concrete things: animal, artifact, body, food, group, location, object,
# person, plant, possession, substance.
THINGS = frozenset({5, 6, 8, 13, 14, 15, 17, 18, 20, 21, 27})
_WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")
HEADER = "# Words whose commonest sense is no concrete thing (WordNet 3.0, Princeton University; see WORDNET-LICENSE.txt).\n"


def main(root: Path) -> None:
    with gzip.open(DATA / "words-en.txt.gz", "rt", encoding="utf-8") as fh:
        common = set(fh.read().split())
    best: dict[str, tuple[int, int, int, int]] = {}  # lemma → (tag count, noun first, -sense number, lexfile)
    for line in (root / "index.sense").read_text(encoding="latin-1").splitlines():
        key, _offset, number, count = line.split()
        lemma, rest = key.split("%")
        if lemma not in common or not _WORD.match(lemma):
            continue
        ss_type, lexfile = rest.split(":")[:2]
        rank = (int(count), int(ss_type == "1"), -int(number), int(lexfile))
        if lemma not in best or rank[:3] > best[lemma][:3]:
            best[lemma] = rank
    manner = sorted(w for w, rank in best.items() if rank[3] not in THINGS)
    with gzip.open(DATA / "manner-en.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(HEADER + "\n".join(manner) + "\n")
    print(f"{len(manner)} of {len(best)} words")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
