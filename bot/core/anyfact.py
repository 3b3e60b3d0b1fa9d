"""Requests for any fact at all: "tell me something cool about him", "dime algo de él", "tl;dr?".

Such a message names no topic; it deserves a fact, not a decline. The matcher answers it with the
fact the base says most about (the one with the most phrasings), so the choice comes from the data.
"""

from __future__ import annotations

from bot.core.lazyre import lazy

__all__ = ["asks_for_any_fact", "without_request"]

_ANY_RE = lazy(
    r"\b(?:(?:tell|give|share|show|teach) (?:me|us)|(?:got|know|have) (?:any|some)|i want|i'?d like|want to know)"
    r" (?:(?:some|any)thing(?: (?!about|of|on|regarding|from|in)\w+)?"  # "something weird", not "something about"
    r"|(?:a|an|one|\d) (?:\w+ )?(?:fact|thing)s?|some (?:\w+ )?facts?)\b"
    r"|\b(?:fun|random|cool|interesting|surprising|weird) facts?\b"
    # A message opening with "anything interesting?", "algo curioso de él?": asked without a verb
    r"|^\W*(?:(?:so|ok|hey|and|y|oye)\W+)?(?:(?:any|some)thing|algo) (?:(?:else|mas) )?"
    r"(?:interesting|cool|fun|neat|surprising|weird|random|notable|interesante|curioso|chido|bacano)\b"
    r"|\b(?:tl ?;? ?dr|tldr|quick rundown|rundown|overview|in a nutshell|resumen|resumeme)\b"  # a summary: any fact
    r"|\b(?:dime|cuentame|cuentenme|dame|comparte|ensename|quiero saber) (?:algo|un dato|algun dato|una curiosidad)\b"
    r"|\b(?:dato|datos) (?:curioso|curiosos|interesante|interesantes|random)\b"
)


def asks_for_any_fact(folded: str) -> bool:
    """True for a request for any fact ("tell me something about him", "un dato curioso")."""
    return bool(_ANY_RE.search(folded))


def without_request(folded: str) -> str:
    """The message with its request for a fact taken out ("give me one fun fact about his
    retirement" → "about his retirement"): what is left names the topic, if any."""
    return _ANY_RE.sub(" ", folded)
