"""Requests for any fact at all: "tell me something cool about him", "dime algo de él", "tl;dr?".

Such a message names no topic; it deserves a fact, not a decline. The matcher answers it with the
fact the base says most about (the one with the most phrasings), so the choice comes from the data.
"""

from __future__ import annotations

from bot.core.lazyre import lazy

__all__ = ["asks_for_any_fact"]

_ANY_RE = lazy(
    r"\b(?:(?:tell|give|share|show|teach) (?:me|us)|(?:got|know|have) (?:any|some)|i want|i'?d like|want to know)"
    r" (?:something|anything|a (?:fun |cool |random |interesting )?fact|some (?:fun |cool |random )?facts?"
    r"|(?:a|one) (?:fun|cool|random|interesting) (?:thing|fact))\b"
    r"|\b(?:fun|random|cool) facts?\b"
    r"|\b(?:tl ?;? ?dr|tldr|quick rundown|rundown|overview|in a nutshell|resumen|resumeme)\b"  # a summary: any fact
    r"|\b(?:dime|cuentame|cuentenme|dame|comparte|ensename|quiero saber) (?:algo|un dato|algun dato|una curiosidad)\b"
    r"|\b(?:dato|datos) (?:curioso|curiosos|interesante|interesantes|random)\b"
)


def asks_for_any_fact(folded: str) -> bool:
    """True for a request for any fact ("tell me something about him", "un dato curioso")."""
    return bool(_ANY_RE.search(folded))
