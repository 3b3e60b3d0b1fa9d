"""Build bot/core/data/words-en.txt.gz and words-es.txt.gz: common words (folded), one per line.

The matcher only typo-corrects a word that is neither in the fact base nor a real word, so
"good" never becomes "gold" and "trio" never becomes "trip". The list is derived from the word
frequency dictionaries that ship with pyspellchecker (MIT licence); run this script to rebuild it:

    .venv/bin/pip install pyspellchecker && .venv/bin/python scripts/build_wordlist.py
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from pathlib import Path

from spellchecker import SpellChecker

PER_LANGUAGE = {"en": 60_000, "es": 100_000}
OUT = Path(__file__).resolve().parents[1] / "bot" / "core" / "data" / "words-{lang}.txt.gz"


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def main() -> None:
    for lang in ("en", "es"):
        frequency = SpellChecker(language=lang).word_frequency
        common = sorted(frequency.dictionary.items(), key=lambda kv: -kv[1])[: PER_LANGUAGE[lang]]
        words = {fold(w) for w, _ in common if re.fullmatch(r"[^\W\d_]{2,}", w)}
        out = Path(str(OUT).format(lang=lang))
        out.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(out, "wt", encoding="utf-8") as fh:
            fh.write("\n".join(sorted(words)) + "\n")
        print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main()
