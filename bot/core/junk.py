"""Junk is never a question: text with no word written in plain letters or digits.

Unicode compatibility forms (circled Ⓜ, parenthesised ⒁, fullwidth Ｍ, mathematical 𝖺) fold to
plain letters and digits, so an emoji-and-symbol string could otherwise read as "m 14" and meet a
fact. A question needs a run of at least two plain letters or digits: characters that are letters
or digits in their own right, not a compatibility form of one.
"""

from __future__ import annotations

import unicodedata

__all__ = ["has_words"]

MIN_RUN = 2


def _plain(ch: str) -> bool:
    """A letter or digit that is not a compatibility form (⒁, Ｍ, 𝖺, Ⓜ) of another."""
    if not (ch.isalpha() or ch.isdecimal()):
        return False
    return not unicodedata.decomposition(ch).startswith("<")


def has_words(text: str) -> bool:
    """True when ``text`` holds a run of ``MIN_RUN`` plain letters or digits."""
    run = 0
    for ch in text:
        if _plain(ch):
            run += 1
            if run >= MIN_RUN:
                return True
        elif not unicodedata.combining(ch):
            run = 0
    return False
