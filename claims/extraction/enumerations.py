"""Victims listed one group at a time, with one of them in the singular. A breakdown gives
each group its own figure, as EXTRACTION.md asks ("two women and a child were killed": 2
women, 1 child; "killed a police officer and two civilians": 1 and 2); persons named one by
one with their kin are one count ("a woman and her child were killed": 2), others are
each a figure ("a man and a boy were wounded": 1 and 1). "Including a baby and three
women" after a figure gives each group the figure's metric (``find_included``).

Each group is a number (a word or digits) or "a"/"an"/"one" before a people noun, the groups
joined by commas and a final "and"; the metric comes right after the list ("were killed") or
right before it ("killed ..."). Lists of plain counts ("19 patients and 11 staff") are left to
the figure coordination in ``figures.py``, which keeps each count with its own victims: a list
is read here only when a group is written in the singular, which no count covers.
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx
from claims.extraction.numbers import parse_number, words
from claims.extraction.singles import SINGLE_HEADS
from claims.extraction.victims import PERSON_HEADS

_MOD = lx.MODIFIER
_SMALL = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|[1-9][0-9]?"
)
_PLURAL_HEADS = lx.alternation(
    w
    for w in PERSON_HEADS
    if w.endswith(("s", "men", "children", "people", "police", "personnel", "staff"))
)
_KIN = (
    "mother|father|wife|husband|son|daughter|brother|sister|child|baby|grandmother|grandfather|"
    "uncle|aunt|nephew|niece|cousin"
)
_GROUP = (
    rf"(?:(?:a|an|one)\s+(?:{_MOD}\s+){{0,2}}?(?:{SINGLE_HEADS})"
    rf"|(?:his|her|their)\s+(?:{_KIN})"  # "three children and their mother"
    rf"|(?:(?:his|her|their)\s+)?(?:{_SMALL})\s+(?:{_MOD}\s+){{0,2}}?(?:{_PLURAL_HEADS}))\b"
)
_LIST = rf"(?P<list>{_GROUP}(?:\s*,\s*{_GROUP}){{0,4}}\s*,?\s+and\s+{_GROUP})"
_METRICS = (
    r"killed|shot\s+dead|died|dead|pronounced\s+dead|wounded|injured|hurt|abducted|kidnapped|"
    r"arrested|detained|missing"
)
_AFTER_RE = re.compile(
    rf"{_LIST}\s+(?:were|have\s+been|had\s+been|are)\s+(?:also\s+|all\s+|reportedly\s+|later\s+|"
    rf"both\s+|seriously\s+|critically\s+|fatally\s+)?(?P<m>{_METRICS})\b",
    re.I,
)
_BEFORE_RE = re.compile(
    r"\b(?P<m>(?:dead|deceased|victims|wounded|injured)\s+(?:also\s+)?(?:included|include|"
    r"includes|were|are)|killed|killing|kills|wounded|wounding|injured|injuring|abducted|"
    rf"kidnapped|arrested|detained|shot\s+dead)\s+{_LIST}",
    re.I,
)
# A list with a group in the singular next to its "and" ("two women and a child", "a police
# officer and two civilians"): a cheap scan in front of the list patterns, which start with an
# alternation the engine would try at every character.
_GATE_RE = re.compile(
    r"\band\s+(?:an?|one|his|her|their)\s|\b(?:an?|one)\s+(?:[\w-]+\s+){1,3}and\s", re.I
)
_GROUP_RE = re.compile(
    rf"(?:(?:his|her|their)\s+(?=\d|[a-z]+\s))?(?P<n>a|an|one|his|her|their|{_SMALL})\s*", re.I
)
_SINGULAR = words("a an one his her their")
_KIN_STARTS = frozenset(("his ", "her ", "thei"))
_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_AMONG_HEADS = frozenset(("dead", "deceased", "victims", "wounded", "injured"))


# One person singled out of a figure: "11 people were wounded, among them a nurse", "11
# deaths, including a 15-year-old boy" (a subset of one, with the figure's metric).
_ONE_OF_RE = re.compile(
    r"(?:,\s*|\s+)(?:including|among\s+them|among\s+whom)\s+(?P<np>(?:a|an)\s+"
    rf"(?:\d+-year-old\s+)?(?:{_MOD}\s+){{0,2}}?(?:{SINGLE_HEADS}))\b(?!\s+and\b|,\s)",
    re.I,
)


def find_singled_out(s: str) -> list[tuple[int, int, str]]:
    """(start, end, stated) of each person singled out of a figure ("among them a nurse")."""
    return [(m.start("np"), m.end("np"), m.group("np")) for m in _ONE_OF_RE.finditer(s)]


# A list of subsets after a figure: "16 people, including a baby and four men".
_INCLUDED_RE = re.compile(rf"(?:,\s*|\s+)(?:including|among\s+them|among\s+whom)\s+{_LIST}", re.I)


def find_included(s: str) -> list[tuple[int, int, str, str, int]]:
    """(start, end, stated, victims, count) of each group of a subset list with a group in the
    singular ("including a baby and four men": 1 baby, 4 men); the caller gives them
    the metric of the figure before. Never raises."""
    out = []
    for m in _INCLUDED_RE.finditer(s):
        listed = m.group("list")
        groups = _SPLIT_RE.split(listed)
        counts = []
        for g in groups:
            gm = _GROUP_RE.match(g)
            word = gm.group("n").lower() if gm else ""
            counts.append(1 if word in _SINGULAR else (parse_number(word) or 0) if word else 0)
        if 0 in counts or not any(g.split()[0].lower() in _SINGULAR for g in groups):
            continue
        at = m.start("list")
        for g, n in zip(groups, counts, strict=True):
            at = s.find(g, at)
            out.append((at, at + len(g), g, g.split(None, 1)[1], n))
            at += len(g)
    return out


def find_enumerations(s: str) -> list[tuple[int, int, str, str, str, int, int]]:
    """(start, end, stated, metric, victims, extent, count) of each list of victims with a
    group in the singular. Never raises; the caller checks for " and " first."""
    out = []
    taken = -1
    g = _GATE_RE.search(s)
    if g is None:
        return out
    lo = max(0, g.start() - 160)  # the list holds the "and" the gate found
    for m in [*_BEFORE_RE.finditer(s, lo), *_AFTER_RE.finditer(s, lo)]:
        start, end = m.span("list")
        if start < taken:
            continue
        listed = m.group("list")
        counts = []
        singular = False
        for g in _SPLIT_RE.split(listed):
            gm = _GROUP_RE.match(g)
            if gm is None:
                counts = []
                break
            word = gm.group("n").lower()
            if word in _SINGULAR:
                singular = True
                counts.append(1)
            else:
                counts.append(parse_number(word) or 0)
        if not singular or not counts or 0 in counts:
            continue
        word = " ".join(m.group("m").lower().split())
        metric = lx.metric_of(word, lx.METRIC_AFTER) or lx.metric_of(word, lx.METRIC_BEFORE)
        if word == "pronounced dead":
            metric = "killed"
        elif " " in word and not metric:
            # "the dead included a nurse and three traders", "the wounded were ..."
            head = word.split()[0]
            metric = (
                "killed"
                if head in ("dead", "deceased", "victims")
                else lx.metric_of(head, lx.METRIC_AFTER)
            )
        if not metric:
            continue
        taken = end
        groups = _SPLIT_RE.split(listed)
        if (
            (" " in word and word.split()[0] in _AMONG_HEADS)
            or max(counts) > 1
            or not any(g[:4].lower() in _KIN_STARTS for g in groups)
        ):
            # A breakdown: "killing 9 civilians and a police officer", "the dead included two
            # dock workers and a child", "a man and a boy were wounded" give each group its
            # own figure (11 civilians, 1 police officer). Persons named with their kin ("a
            # woman and her child") stay one count.
            at = start
            for g, n in zip(groups, counts, strict=True):
                at = s.find(g, at)
                out.append((at, at + len(g), g, metric, g.split(None, 1)[1], at + len(g), n))
                at += len(g)
            continue
        out.append((start, end, listed, metric, " ".join(listed.split()), m.end(), sum(counts)))
    out.sort()
    return out
