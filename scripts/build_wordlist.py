"""Build bot/core/data/words-en.txt.gz and words-es.txt.gz: common words (folded), one per line,
most frequent first — the line number is the word's frequency rank in general language.

The matcher only typo-corrects a word that is neither in the fact base nor a real word, so
"good" never becomes "gold" and "trio" never becomes "trip"; and it weighs a word no fact knows by
its rank (an everyday word is filler, a rare one is a topic the article lacks). The list is derived from the word
frequency dictionaries that ship with pyspellchecker (MIT licence); run this script to rebuild it:

    .venv/bin/pip install pyspellchecker && .venv/bin/python scripts/build_wordlist.py
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from spellchecker import SpellChecker

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bot.core.fold import fold

PER_LANGUAGE = {"en": 60_000, "es": 100_000}
OUT = Path(__file__).resolve().parents[1] / "bot" / "core" / "data" / "words-{lang}.txt.gz"


def main() -> None:
    for lang in ("en", "es"):
        frequency = SpellChecker(language=lang).word_frequency
        common = sorted(frequency.dictionary.items(), key=lambda kv: -kv[1])[: PER_LANGUAGE[lang]]
        # Most frequent first; a folded word keeps the rank of its most frequent spelling.
        words = list(dict.fromkeys(fold(w) for w, _ in common if re.fullmatch(r"[^\W\d_]{2,}", w)))
        out = Path(str(OUT).format(lang=lang))
        out.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(out, "wt", encoding="utf-8") as fh:
            fh.write("\n".join(words) + "\n")
        print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main()
