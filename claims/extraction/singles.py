"""Figures written without a number: "a police officer was killed", "gunmen killed a shepherd",
"a woman and her child were killed" (two).

One person (or a pair named in the singular), exact; only people nouns in the singular count,
and only with a metric right there (after the noun with "was"/"has been", or a verb taking it
as object), so "a man of his word" or "a soldier said" are never figures.
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx
from claims.extraction.numbers import words

_MOD = lx.MODIFIER

# "A police officer was killed", "the blast killed a journalist": one person, written without a
# number. Only people nouns in the singular count, and only with a metric right there.
_SINGLE_HEADS = lx.alternation(
    words(
        """soldier civilian child woman man boy girl policeman policewoman officer journalist
        reporter photographer doctor nurse medic paramedic teacher student worker farmer
        shepherd fisherman passenger driver guard militant fighter rebel insurgent gunman pupil
        attacker person resident villager teenager baby infant toddler pilgrim worshipper
        trooper marine pilot peacekeeper contractor commander schoolboy schoolgirl bystander
        pedestrian shopper commuter protester demonstrator inmate prisoner detainee hostage
        refugee migrant tourist trader vendor firefighter volunteer employee instructor youth
        deputy cop assailant shooter
        passer-by passerby"""
    )
    | {"security guard", "police officer", "aid worker", "health worker", "member of parliament"}
)
# An age alone names one person too ("a 7-year-old and a 15-year-old were hurt").
_SINGLE_HEADS = rf"(?:{_SINGLE_HEADS}|\d{{1,3}}-year-old)"
SINGLE_HEADS = _SINGLE_HEADS  # also read by enumerations.py
_SINGLE_NP = rf"(?:a|an)\s+(?P<np>(?:\d+-year-old\s+)?(?:{_MOD}\s+){{0,2}}(?:{_SINGLE_HEADS}))\b"
# Matched at an "a"/"an" found by a plain scan, then at a metric verb: no pattern is tried at
# every character of the sentence.
_SINGLE_NP_METRIC_RE = re.compile(
    rf"{_SINGLE_NP}(?:\s+aged\s+[\w-]+)?"
    # "A seventh resident, Margaret Olds, 88, died": a name and an age in apposition
    r"(?:,\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}(?:,\s+\d{1,3})?,)?"
    r"\s+(?:(?:was|has\s+been|had\s+been|is|remains|"
    r"remained)\s+(?:also\s+|reportedly\s+|later\s+|fatally\s+|seriously\s+|critically\s+|"
    r"pronounced\s+|declared\s+|confirmed\s+|shot\s+and\s+|"
    r"badly\s+)?(?P<m>killed|shot\s+dead|died|dead|wounded|injured|hurt|abducted|kidnapped|"
    r"arrested|detained|missing|treated|taken\s+into\s+custody|in\s+(?:police\s+)?custody|in\s+(?:a\s+)?(?:critical|"
    r"serious)\s+condition|in\s+hospital)\b"
    # no auxiliary only for "died": "a soldier killed ..." is the soldier acting
    # ("A 29-year-old guard who died in the attack was named": the relative clause counts too)
    r"|(?:who\s+)?(?:later\s+)?(?P<died>died)\b)",
    re.I,
)
_SINGLE_VERB_NP_RE = re.compile(
    r"(?P<m>killed|killing|kills|wounded|wounding|injured|injuring|abducted|kidnapped|arrested|"
    rf"detained|shot\s+dead)\s+{_SINGLE_NP}",
    re.I,
)
_ARTICLE_RE = re.compile(r"\ban?\s", re.I)
# "a woman and her child were killed": two people, each named in the singular.
_KIN = lx.alternation(
    words(
        """child son daughter husband wife brother sister mother father baby grandson
        granddaughter grandmother grandfather nephew niece cousin uncle aunt friend colleague"""
    )
)
_PAIR_NP = (
    rf"(?P<np>(?:{_MOD}\s+){{0,2}}?(?:{_SINGLE_HEADS})\s+and\s+(?:(?:his|her|their)\s+"
    rf"(?:{_MOD}\s+)?(?:{_KIN}|{_SINGLE_HEADS})|(?:a|an)\s+(?:{_MOD}\s+)?(?:{_SINGLE_HEADS})))\b"
)
_PAIR_VERB_RE = re.compile(
    r"(?P<m>killed|killing|kills|wounded|wounding|injured|injuring|abducted|kidnapped|arrested|"
    rf"detained|shot\s+dead)\s+(?:a|an)\s+{_PAIR_NP}",
    re.I,
)
_PAIR_METRIC_RE = re.compile(
    rf"(?:a|an)\s+{_PAIR_NP}"
    r"\s+(?:were|have\s+been|had\s+been|are)\s+(?:also\s+|reportedly\s+|later\s+|both\s+|"
    r"fatally\s+|seriously\s+|critically\s+|badly\s+)?(?P<m>killed|shot\s+dead|died|dead|"
    r"wounded|injured|hurt|abducted|kidnapped|arrested|detained|missing)\b",
    re.I,
)


# "The driver was among the dead", "a nurse is among those killed": one person of a toll.
_AMONG_RE = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?P<np>(?:\d+-year-old\s+)?(?:{_MOD}\s+){{0,2}}"
    rf"(?:{_SINGLE_HEADS}|{_KIN}))\s+(?:was|is)\s+(?:also\s+|reportedly\s+)?among\s+(?:the|those)\s+"
    r"(?P<m>dead|killed|victims|injured|wounded|hurt|missing|detained|arrested)\b"
)
# "The gunman was later shot dead": the attacker's own death, one more killed (never in the
# victims' toll, so never counted twice). PERPETRATORS: the nouns, for a substring gate.
PERPETRATORS = ("gunman", "shooter", "attacker", "assailant", "bomber", "perpetrator")
_PERPETRATOR_RE = re.compile(
    r"\b[Tt]he\s+(?P<np>(?:lone\s+|suspected\s+|alleged\s+|suicide\s+)?(?:gunman|shooter|"
    r"attacker|assailant|bomber|perpetrator))\s+(?:(?:was|had\s+been|has\s+been)\s+"
    r"(?:also\s+|later\s+|eventually\s+|subsequently\s+|himself\s+|herself\s+)?"
    r"(?P<m>killed|shot\s+dead|shot\s+and\s+killed)|(?:also\s+|later\s+)?(?P<died>died))\b"
)
# "Two soldiers died and another was wounded": one more person, named by "another" alone.
_ANOTHER_RE = re.compile(
    rf"\b[Aa]nother\s+(?P<np>(?:(?:{_MOD}\s+)?(?:{_SINGLE_HEADS})\s+)?)(?:(?:was|is|has\s+been|"
    r"had\s+been)\s+(?:also\s+|later\s+|reportedly\s+|reported\s+|seriously\s+|critically\s+|"
    r"badly\s+)?(?P<m>killed|shot\s+dead|dead|wounded|injured|hurt|abducted|kidnapped|"
    r"missing|arrested|detained)|reported\s+(?P<r>missing|dead|killed)|(?P<died>died))\b"
)
_RELATIVE_RE = re.compile(r"\b(?:whose|who|which|that)\b", re.I)
_AMONG_METRICS = {"dead": "killed", "victims": "killed"}


_PERPETRATOR_GATE_RE = re.compile("|".join(PERPETRATORS))


def has_perpetrator(low: str) -> bool:
    """Whether the text names an attacker in the singular (one scan, for the gates)."""
    return _PERPETRATOR_GATE_RE.search(low) is not None


def find_singles(s: str) -> list[tuple[int, int, str, str, str, int, int]]:
    """(start, end, stated, metric, victims, extent, count) of each figure written without a
    number: one person, or two ("a woman and her child were killed")."""
    out = []
    pair_end = -1
    for a in _ARTICLE_RE.finditer(s):
        p = a.start()
        if p and (s[p - 1].isalnum() or s[p - 1] == "-"):
            continue
        if p < pair_end:
            continue  # the second person of a pair already read
        verb_at = s.rfind(" ", 0, max(0, p - 1)) + 1
        if (pm := _PAIR_METRIC_RE.match(s, p) or _PAIR_VERB_RE.match(s, verb_at)) is not None:
            word = " ".join(pm.group("m").lower().split())
            metric = lx.metric_of(word, lx.METRIC_AFTER) or lx.metric_of(word, lx.METRIC_BEFORE)
            if metric:
                np = " ".join(pm.group("np").split())
                out.append(
                    (
                        p,
                        pm.end("np"),
                        s[p : pm.end("np")],
                        metric,
                        np,
                        max(pm.end(), pm.end("np")),
                        2,
                    )
                )
                pair_end = pm.end("np")
                continue
        # "a soldier was killed" starts at the article; "killed a soldier" at the word before.
        m = _SINGLE_NP_METRIC_RE.match(s, p) or _SINGLE_VERB_NP_RE.match(
            s, s.rfind(" ", 0, max(0, p - 1)) + 1
        )
        if m is None:
            continue
        word = " ".join((m.group("m") or m.group("died")).lower().split())
        metric = lx.metric_of(word, lx.METRIC_AFTER) or lx.metric_of(word, lx.METRIC_BEFORE)
        if metric:
            out.append((p, m.end("np"), s[p : m.end("np")], metric, m.group("np"), m.end(), 1))
    if "he " in s and has_perpetrator(s) and (pm := _PERPETRATOR_RE.search(s)) is not None:
        np = pm.group("np")
        out.append((pm.start("np"), pm.end("np"), np, "killed", np, pm.end(), 1))
    if "nother " in s:
        for am in _ANOTHER_RE.finditer(s):
            word = " ".join((am.group("m") or am.group("r") or am.group("died")).lower().split())
            metric = lx.metric_of(word, lx.METRIC_AFTER) or lx.metric_of(word, lx.METRIC_BEFORE)
            if metric:
                np = am.group("np").strip() or "another"
                out.append((am.start(), am.start("np") + len(np), np, metric, np, am.end(), 1))
    if " among " in s:
        for m in _AMONG_RE.finditer(s):
            word = m.group("m").lower()
            metric = _AMONG_METRICS.get(word) or lx.metric_of(word, lx.METRIC_AFTER)
            if metric and not _RELATIVE_RE.search(m.group("np")):
                # "a farmer whose brother was among those killed" describes the speaker
                out.append((m.start(), m.end("np"), m.group(), metric, m.group("np"), m.end(), 1))
    return out
