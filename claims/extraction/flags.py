"""What a figure's wording says about it: hedged, earlier, revised, cumulative; and stated zeros.

- hedged: "may have been killed", "potentially more than 100", "feared dead".
- revised_from_earlier / revised: the nearest marker before the figure in its clause wins
  ("initially put the toll at 14" -> earlier; "has since risen to 33", "bringing the toll to" ->
  revised; "from 19" after a rise -> earlier).
- cumulative: not this incident's own toll: a running or national total ("the war has killed
  more than 40,000", "since the start of the offensive", "so far this year", "in the war") or an
  earlier incident's toll ("last year", "in 2017", "a similar attack"), so it is kept apart.
- zeros: "no casualties were reported" is a figure of 0 (killed), "nobody was hurt" 0 (injured).

Every regex here is guarded by a substring test, because most figures carry none of this wording.
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx
from claims.extraction.numbers import trie_regex

_EARLIER_RE = re.compile(
    # "earlier" only about a statement or a toll ("earlier said", "the earlier toll"), not
    # about time ("Earlier, a bomb killed a shepherd"; "earlier in the day").
    r"\b(?:initial(?:ly)?|earlier\s+(?:said|reported|put|gave|estimated|announced|toll|figures?|"
    r"count|tally|reports?|statement)|previous(?:ly)?|original(?:ly)?|preliminary|"
    r"(?:up|down)\s+from|at\s+first|first\s+(?:reported|said|put|gave|estimated|counted|"
    r"announced|toll|figures?|count|tally|reports?)|"
    # past perfect reporting: "had said on Wednesday that only 26 ..." is the earlier statement
    r"had\s+(?:\w+\s+)?(?:said|reported|put|given|estimated|announced))\b"
    r"|\bfrom\s*$",
    re.I,
)

_REVISED_RE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|mounted|raised|revised|updated|"
    r"has\s+since|now\s+stands|new\s+toll|latest\s+toll|went\s+up|grew|soared|reached|rise\s+to|"
    r"bringing|brought|pushing|taking|raising|raised)\b",
    re.I,
)

_CUMULATIVE_RE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b|\bsince\s+(?:19|20)\d\d\b|"
    r"\bsince\s+(?:the\s+)?(?:war|conflict|uprising|insurgency|fighting|revolution|crisis)\b|"
    r"\b(?:war|conflict|uprising|insurgency|fighting|violence|crisis|revolution)\s*,?\s+(?:that\s+|"
    r"which\s+)?(?:has|had)\s+(?:so\s+far\s+|already\s+)?(?:killed|claimed|left)\b|"
    r"\b(?:in|during|throughout)\s+(?:the|this)\s+(?:[\w-]+\s+)?(?:war|conflict|insurgency|"
    r"uprising)\b|\bso\s+far\s+this\s+year\b|"
    r"\bthis\s+year\b|\bin\s+total\s+since\b|\bsince\s+(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b|\bover\s+the\s+(?:course\s+of\s+"
    r"the\s+)?(?:war|conflict|past\s+\w+\s+years)\b|\b(?:war|conflict)'s\s+(?:overall|total)\b",
    re.I,
)

_ZERO_RE = re.compile(
    r"\b(?:no|zero)\s+(?:(?!one\b)[a-z-]+\s+){0,2}?(?P<noun>casualties|deaths|fatalities|injuries|"
    r"victims|one|people|civilians|soldiers|officers|police|troops|staff|passengers|students|"
    r"children|employees|workers|guards|inmates|prisoners|residents|villagers|patients|"
    r"journalists|members|personnel|firefighters|rescuers|worshippers|pupils|"
    r"immediate\s+casualties|immediate\s+reports?\s+of\s+casualties|reports?\s+of\s+"
    r"(?:casualties|injuries|deaths))\b(?:\s+(?:were|was|had\s+been|have\s+been|has\s+been))?"
    r"(?:\s+(?:immediately\s+)?(?:reported|killed|hurt|injured|wounded|died|recorded))?"
    r"(?:\s+(?:or|and)\s+(?P<other>injured|hurt|wounded|killed))?"
    r"|\bnobody\s+(?:was\s+)?(?P<nb>killed|hurt|injured|wounded|died)",
    re.I,
)

_ZERO_KILLED = ("casualties", "deaths", "fatalities", "victims", "immediate", "report")

_HEDGE_STEMS = (
    "may ",
    "might ",
    "could ",
    "possib",
    "potential",
    "fear",
    "believ",
    "thought",
    "likely",
    "probab",
    "perhaps",
    "unconfirm",
    "suspect",
    "presum",
)

_EARLIER_STEMS = ("had ", "initial", "earlier", "previous", "first", "original", "prelim", "from")

_REVISED_STEMS = (
    "rais",
    "bring",
    "brought",
    "push",
    "taking",
    "rose",
    "risen",
    "rise",
    "rising",
    "climb",
    "increas",
    "jump",
    "mount",
    "raise",
    "revis",
    "updat",
    "since",
    "now",
    "new toll",
    "latest",
    "went up",
    "grew",
    "soar",
    "reach",
)

_CUMULATIVE_STEMS = (
    "war",
    "conflict",
    "insurgency",
    "uprising",
    "since",
    "so far",
    "this year",
    "over the",
    "'s overall",
    "'s total",
    "has killed",
    "had killed",
    "has claimed",
    "has left",
    "had claimed",
)

_BACKGROUND_STEMS = ("last year", "last month", "ago", "similar", "previous", " in 19", " in 20")

_BACKGROUND_RE = re.compile(
    r"\blast\s+(?:year|month)\b|\b(?:years?|months?)\s+ago\b|\bin\s+(?:19|20)\d\d\b|"
    r"\b(?:a\s+)?(?:similar|previous)\s+(?:attack|bombing|strike|raid|massacre|incident)\b",
    re.I,
)

_CLAUSE_END_RE = re.compile(r"[,;:]")


def gate(stems: tuple[str, ...]) -> re.Pattern[str]:
    """A compiled prefix-tree scan for any of ``stems`` (substrings of lower-cased text)."""
    return re.compile(trie_regex(stems))


# Compiled once: hashing the stem tuple on every call would cost more than the scan.
_HEDGE_GATE = gate(_HEDGE_STEMS)
_EARLIER_GATE = gate(_EARLIER_STEMS)
_REVISED_GATE = gate(_REVISED_STEMS)
_CUMULATIVE_GATE = gate(_CUMULATIVE_STEMS)
_BACKGROUND_GATE = gate(_BACKGROUND_STEMS)


def hedged(window: str) -> bool:
    return _HEDGE_GATE.search(window.lower()) is not None and bool(lx.HEDGE_RE.search(window))


def revision(before: str) -> tuple[bool, bool]:
    """(revised_from_earlier, revised) from the words before a figure in its clause."""
    before_low = before.lower()
    e = r = ()
    if _EARLIER_GATE.search(before_low) is not None:
        e = [m.end() for m in _EARLIER_RE.finditer(before)]
    if _REVISED_GATE.search(before_low) is not None:
        r = [m.end() for m in _REVISED_RE.finditer(before)]
    last_e, last_r = (e[-1] if e else -1), (r[-1] if r else -1)
    return last_e > last_r, last_r > last_e


def cumulative(s: str, start: int, figure_end: int, stop: int) -> bool:
    """Whether the clause around a figure (``start``..first punctuation after ``figure_end``,
    at most ``stop``) marks it as a total or an earlier incident's toll."""
    clause_end = _CLAUSE_END_RE.search(s, figure_end, stop)
    local = s[start : clause_end.start() if clause_end else stop]
    local_low = local.lower()
    return (
        _CUMULATIVE_GATE.search(local_low) is not None and bool(_CUMULATIVE_RE.search(local))
    ) or (_BACKGROUND_GATE.search(local_low) is not None and bool(_BACKGROUND_RE.search(local)))


def zeros(s: str) -> list[tuple[int, int, str, str]]:
    """Stated zeros as (start, end, text, metric)."""
    low = s.lower()
    if not ("no " in low or "nobody" in low or "zero" in low):
        return []
    out: list[tuple[int, int, str, str]] = []
    for m in _ZERO_RE.finditer(s):
        noun = (m.group("noun") or "").lower()
        verb = m.group(0).lower()
        if m.group("nb"):
            metrics = [lx.metric_of(m.group("nb"), lx.METRIC_AFTER) or "killed"]
        elif noun.startswith("injur"):
            metrics = ["injured"]
        elif noun.startswith(_ZERO_KILLED) or any(w in verb for w in ("killed", "died")):
            metrics = ["killed"]
        elif any(w in verb for w in ("hurt", "injured", "wounded")):
            metrics = ["injured"]
        else:
            continue  # "no people were ..." without a metric: not a figure
        if m.group("other"):
            metrics.append(lx.metric_of(m.group("other"), lx.METRIC_AFTER) or "injured")
        out.extend((m.start(), m.end(), m.group(), metric) for metric in dict.fromkeys(metrics))
    return out
