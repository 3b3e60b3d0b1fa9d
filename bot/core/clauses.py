"""Reading a question's clauses as a whole, before its words become concepts: whether each clause
opens a question or is the asker's aside, and what kind of question the message is (checking a
claim, asking of a plan, asking a name). Kept from the analyzer's word loop: these read the
written words and whole text, never the canonical tokens.
"""

from __future__ import annotations

import re

from bot.core.lazyre import lazy
from bot.core.runon import ASIDE, ASKER, CARRIED
from bot.core.wordlists import tables

_TABLES = tables()
_CONJUNCTIONS = _TABLES.conjunctions  # words that join two questions in one message
_QUESTION_STARTERS = _TABLES.question_starters  # "…, so how old was he?" asks; "my dad is from Cuenca" doesn't
_LEAD_FILLER = _TABLES.lead_filler
_WH_WORDS = _TABLES.wh_words  # ask only at the start of a clause ("the race where he…" asks nothing)
_INDIRECT = _TABLES.indirect  # "…no one knows when he…": a question embedded after one of these
_QUESTION_WORDS = _TABLES.question_words  # "which", "what": a question, unless a subject follows
_SUBJECTS = _TABLES.subjects  # "which I think…", "where she…": the question word opened a relative clause
RELATIVE_OPENERS = _QUESTION_WORDS | _WH_WORDS  # a word that may open a relative clause ("which I think…")
_POLITE = _TABLES.polite  # "please", "could you": what may come before a request's verb
_ASKING = _TABLES.asking_words  # every word that opens a question, direct or embedded
_REQUESTS = _TABLES.requests  # "(kindly) state / indicate / confirm …": how a request asks, not what
# A question asking what something is called, English or Spanish (folded).
ASKS_NAME_RE = re.compile(r"\b(?:names?|named|called|nombres?|llama(?:ba|n)?|llamad[oa]s?)\b")
# What is to be named: "name (of) the X who…", "¿cómo se llama el X?" ("what was X called" keeps
# the whole question: what the name is of is less clear there).
_NAMED_AFTER_RE = lazy(
    r"\b(?:names?|nombre)\s+(?:of\s+|de\s+)?(?:the|his|that|this|a|an|el|la|los|las|su|del)\s+(\w+(?:\s+\w+){0,2})"
    r"|\bllama(?:ba|n)?\s+(?:el|la|los|las|su)\s+(\w+(?:\s+\w+){0,2})"
)
# Where the named phrase ends: "name the coach | who trained him", "the race | in Spain".
_PHRASE_END = frozenset(
    "who that which where whom when he his him in at of from did was is for to with de que quien donde en".split()
)
# A question about a plan, a call or what may come ("will he get…", "should he…", "¿le darán…?").
HYPOTHETICAL_RE = lazy(
    r"\b(?:will|would|should|could|might|may|shall|gonna|going to|ought|calls?|called|calling|plans?|planned|"
    r"wants?|wanted|hope[sd]?|deberia[n]?|debe[n]?|podria[n]?|van a|va a|ira[n]? a|\w+aran|"
    r"daran|dara|llamad[oa]s?|pedid[oa]s?|piden|pidieron|planea\w*)\b"
)
# A question that checks a claim: "…, right?", "didn't he?", "was his coach Segura?", "¿…, verdad?".
CONFIRMING_RE = re.compile(
    r"(?:\b(?:right|correct|true|no|yes|eh|innit|verdad|cierto|correcto|si o no|o no|no es asi)|"
    r"\b(?:didn'?t|wasn'?t|isn'?t|weren'?t|hasn'?t) (?:he|it|they|she))\W*$"
    r"|^\W*(?:so |and |but |wait |ok |)(?:did|was|is|were|has|had|didn'?t|wasn'?t|isn'?t)\b"
    # "¿ganó el oro en Pekín?": a Spanish question that opens with no question word asks yes or no.
    r"|^\W*¿\s*(?!(?:que|cual|cuales|cuando|donde|adonde|quien|quienes|como|cuanto|cuanta|cuantos|cuantas|por que|"
    r"porque|a que|en que|de que|para que|con quien|a quien|de quien|y|e)\b)\w"
    # "so his two medals were a gold in 1996 and a bronze in 2008?": a statement asked, no question word.
    r"|^(?!.*\b(?:what|whats|how|who|whos|when|where|which|why|whose|whom|que|cual|cuales|cuando|donde|adonde|"
    r"quien|quienes|como|cuanto|cuanta|cuantos|cuantas|por que)\b)[^?]*\w[^?]*\?\W*$"
)


def named_phrase(folded: str) -> str | None:
    """The words naming what a question asks the name of, or None when it cannot be told."""
    found = _NAMED_AFTER_RE.search(folded)
    if found is None:
        return None
    words = (found.group(1) or found.group(found.lastindex or 1) or "").split()
    kept: list[str] = []
    for word in words:
        if word in _PHRASE_END:
            break
        kept.append(word)
    return " ".join(kept) or None


def clause_leads(words: list[str]) -> tuple[list[bool], list[bool]]:
    """For each clause of ``words`` (split at ``|`` and conjunctions): does its first word, past
    filler, open a question ("so how far was…"), and not a relative clause ("which i think…")?
    And is it the asker's own statement ("i always forget", "my teacher wants it"; no "?")?"""
    opens: list[bool] = []
    asides: list[bool] = []
    lead: list[str] = []
    reason = False  # the clause follows a "because": the asker's reason
    for word in (*words, "|"):
        if word[:1] == "|" or word in _CONJUNCTIONS:
            first, second = [*lead, "", ""][:2]
            relative = first in RELATIVE_OPENERS and second in _SUBJECTS
            # "tell me when…", "dime cuándo…": a request to tell asks too
            telling = first in _INDIRECT and (second in _POLITE or second in _QUESTION_STARTERS)
            # "hasta qué altura llegó…", "since when…": a question word carrying its preposition
            carried = first in CARRIED and second in _ASKING
            opens.append((first in _QUESTION_STARTERS and not relative) or first in _REQUESTS or telling or carried)
            # "i always forget", "my teacher asked" are asides; "i'd like to know who…", "i need to
            # know his time" ask (a question word, or a word of knowing with what it asks after it)
            asks_within = any(w in _QUESTION_STARTERS for w in lead[1:]) or any(w in _INDIRECT for w in lead[:-1])
            asides.append(reason or (first in ASKER and word != "|q" and not asks_within))
            reason = word == ASIDE
            lead = []
        elif lead or word not in _LEAD_FILLER:
            lead.append(word)
    return opens, asides


# An exclamation asks nothing: "¡Qué crack Jefferson!", and after a question "… ? qué mala suerte",
# "qué chévere sería" (a Spanish "qué" and two words at most, no question mark of its own).
_EXCLAMATION_RE = lazy(r"¡[^!?¡¿]*!|(?<=\?)\s*qu[eé]\s+\S+(?:\s+\S+)?\s*[!.]*\s*$", re.IGNORECASE)


def without_exclamations(text: str) -> str:
    """``text`` without the exclamations around its question (itself, if nothing else is left)."""
    rest = _EXCLAMATION_RE.sub(" ", text)
    return rest if rest.strip(" ¿?¡!.,") else text
