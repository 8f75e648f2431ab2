"""What the shape of a line says before its words are read: a transcript's speaker label
("SPOKESMAN RAMI HADDAD:", "QUESTION:"), a source before a colon, headline style ("Police: 22
dead"), a headline that opens with its speaker ("Rebels claim ..."), a sentence that only names
a speaker after a quote ("The statement said."), a communique's numbered point, the closing
marks of a sentence and an aside between dashes. Patterns and small tests only, for
extractor.py (between sentences) and sentence.py (within one).
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx

# A headline that opens with its speaker: "Rebels claim to have killed 40 troops".
_HEADLINE_CLAIM_RE = re.compile(
    r"(?P<np>[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}?)\s+(?:claims?|[Ss]ays|[Ss]aid)\b"
)
# A communique's numbered point ("1. ", "2) "), in its issuer's voice.
_NUMBERED_RE = re.compile(r"\d{1,2}[.)](?:\s|$)")
# A transcript's speaker label ("SPOKESMAN RAMI HADDAD:"), and the labels of those who ask.
_LABEL_RE = re.compile(r"(?P<label>[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,4}):\s")
_ASKERS = frozenset({"Q", "QUESTION", "REPORTER", "JOURNALIST", "INTERVIEWER", "MODERATOR", "HOST"})


# The marks that end a sentence: a line without one may be a label or a table's header.
_CLOSERS = frozenset('.!?"')
# A source before a colon, headline style: "Police: 9 dead", "Monitor: 17 fighters killed"
_SOURCE_PREFIX_RE = re.compile(r"(?P<np>[A-Z][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,5}):\s+(?=\S)")


def figure_follows(text: str, at: int) -> bool:
    """After "X:" in body text, a figure must follow at once ("Observatory: 48 rebels ..."),
    so that a label ("Background:") or a quote's speaker stays what it is."""
    return text[at : at + 1].isdigit()


def names_a_claimant(np: str) -> bool:
    """Whether a prefix names a body or a role that gives figures, not a place or a topic."""
    return not lx.CLAIMANT_HEADS.isdisjoint(w.lower() for w in np.split())


# A sentence that only names a speaker, after a quote: "The statement said."
_SAID_ONLY_RE = re.compile(
    r"[\"\u201d\s]*(?P<np>[A-Z][^.,;:\"()]{1,60}?)\s+(?:said|says|added|stated|wrote)\.$"
)
# A sentence closed by a pronoun's attribution (", he said."): the paragraph is that person's.
_PRONOUN_SAID_END_RE = re.compile(r",[\"\u201d]?\s+(?:he|she)\s+(?:said|added|says)\.$")
# An aside between dashes (_as_commas rewrites it between commas, at the same length).
_ASIDE_RE = re.compile(r" [\u2013\u2014-] ([^\u2013\u2014]{3,140}?) [\u2013\u2014-] ")


def _as_commas(m: re.Match[str]) -> str:
    return f",  {m.group(1)},  "


# "33 villagers (mostly farmers) died": a bracketed aside on the victims, read as one
# between commas (same length).
_PAREN_ASIDE_RE = re.compile(
    r"(?<=[a-z]) \(((?:mostly|mainly|largely|most|all|many|both|among\s+them|including)"
    r"\s[^()\d]{2,60})\) "
)


def _paren_as_commas(m: re.Match[str]) -> str:
    return f", {m.group(1)}, "
