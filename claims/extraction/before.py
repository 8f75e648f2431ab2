"""The words right before a figure (context.py reads the words after it): a verb taking it as
object ("killing 12"), a toll noun ("the death toll rose to 26", "put the toll at"), harm that
mixes the dead and the injured ("killed or wounded 30"), and words that make the number
something else (an age, money, a share, people sheltered).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extraction import lexicon as lx
from claims.extraction.flags import gate
from claims.extraction.numbers import words

_METRIC_BEFORE_ALT = lx.alternation(lx.METRIC_BEFORE)
_TOLL_ALT = lx.alternation(lx.TOLL_NOUNS)
# Starts with a prefix tree (no leading assertion) so the engine can scan for it in C.
# ("killed the other two guards": the article, and "other" or "remaining", may stand between)
_BEFORE_TAIL = (
    r"(?:\s+(?:now|only|just|all|a\s+total\s+of|an\s+estimated|some|the(?:\s+other|\s+remaining)?))?"
    r"\s*$"
)
# A verb taking the figure as object sits right before it: searched in the last 40 characters.
_BEFORE_VERB_RE = re.compile(rf"\b(?P<verb>{_METRIC_BEFORE_ALT}){_BEFORE_TAIL}", re.I)
_BEFORE_RE = re.compile(
    rf"(?:(?P<toll>{_TOLL_ALT}|number\s+of\s+(?:[a-z-]+\s+){{0,2}}?(?:dead|deaths|killed|"
    r"fatalities|injured|injuries|wounded|missing|displaced|detained|arrested|hostages))"
    # (or nothing: "Death toll nears 300" once its qualifier is read)
    r"\b(?:[^.;:]{0,170}?\s(?:to|at|of|from|reached|reach|hit|now|"
    r"stood\s+at|stands\s+at|is|was|be|as|near|nearing|nears|neared|approaching|(?P<over>exceed|surpass|top|pass|breach|cross)(?:ed|ped|es)?))?"
    # "Among the dead are two dock workers", "The toll, provided by the office, included five"
    r"|(?P<dead>dead|deceased|killed|victims|fatalities|toll(?:,[^,.;]{1,70},)?|detained|"
    r"detainees|arrested|injured|wounded)\s+(?:also\s+)?(?:were|are|included|"
    r"include|includes|numbered|comprised|comprise|consist\s+of|consisted\s+of|"
    r"there\s+were|there\s+are)"
    # a key-value line of an infobox or fact sheet: "Fatalities: 155", "Injured: 114"
    # (an infobox line may lose its colon: "Deaths 58")
    r"|^\s*(?P<label>fatalities|deaths|dead|killed|injuries|injured|wounded|missing|displaced|"
    r"arrested|detained|abducted|kidnapped)(?:\s*:|\s+(?=(?:at\s+least\s+)?$))"
    # "four more deaths were recorded, bringing the number to 27"
    r"|(?P<tollref0>(?:bringing|brings|brought|bring)\s+the\s+(?:total|number|figure|tally|count)"
    r"(?:\s+of\s+(?:dead|deaths|fatalities))?\s+to)"
    r"|(?P<tollref>(?:that|this|the)\s+(?:number|figure|tally|count))\s+(?:has\s+|had\s+)?"
    r"(?:since\s+|now\s+)?(?:rose|risen|climbed|increased|jumped|grown|grew|reached|stands\s+at|"
    r"stood\s+at)(?:\s+to)?"
    # "the real figure could be closer to 90", "the true number was 40"
    r"|(?P<tollref2>the\s+(?:real|true|actual|final|overall)\s+(?:number|figure|tally|count))\s+"
    r"(?:(?:could|may|might|would|will)\s+be|is|was)"
    r"|put\s+the\s+(?P<put>dead|(?:death\s+)?toll|number(?:\s+of\s+(?:[a-z]+\s+){0,2}?(?:dead|deaths|"
    r"killed|bodies|injured|wounded|missing|displaced))?)"
    r"(?:\s+[\w'.,-]+){0,4}?\s+at)"
    rf"{_BEFORE_TAIL}",
    re.I,
)
_BEFORE_GATE = (
    ":",
    "toll",
    "number",
    "dead",
    "killed",
    "victims",
    "fatalit",
    "figure",
    "tally",
    "count",
    "put the",
    "bring",
    # "Among those detained are 18 journalists": the verb's word and its copula only, since
    # "injured" and "wounded" stand near most figures
    "deceased",
    "detainees",
    "detained are",
    "detained were",
    "arrested are",
    "arrested were",
    "injured are",
    "injured were",
    "wounded are",
    "wounded were",
)
_BEFORE_GATE_RE = gate(_BEFORE_GATE)
_LABELS = frozenset(
    words(
        """fatalities deaths dead killed injuries injured wounded missing displaced arrested
        detained abducted kidnapped"""
    )
)

# Harm that is not split into killed and injured: one number for both is neither figure.
_HARM = (
    r"(?:kill(?:ed|ing|s)?|dead|died|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|hurt(?:ing)?|"
    r"maimed|missing)"
)
_MIXED_JOIN = r"\s*,?\s+(?:or|and|and/or)\s+(?:(?:\w+ly)\s+)?"
_MIXED_BEFORE_RE = re.compile(rf"\b(?P<a>{_HARM}){_MIXED_JOIN}$")
_MIXED_AFTER_RE = re.compile(rf"{_MIXED_JOIN}(?P<a>{_HARM})\b", re.I)
_CASUALTY_BEFORE_RE = re.compile(r"\bcasualty\s+$")


def _two_metrics(m: re.Match[str], other: str = "") -> bool:
    """Whether the harm word of ``m`` and ``other`` (or the verb right after ``m``) differ."""
    a = lx.metric_of(m.group("a"), lx.METRIC_AFTER) or lx.metric_of(m.group("a"), lx.METRIC_BEFORE)
    if not other:
        nxt = m.string[m.end() :].split(None, 1)
        other = nxt[0] if nxt else ""
    b = lx.metric_of(other, lx.METRIC_AFTER) or lx.metric_of(other, lx.METRIC_BEFORE)
    return bool(a and b and a != b)


@dataclass(slots=True)
class _Before:
    """What the words before a figure say about it (the parts of the match the code reads)."""

    verb: str = ""
    toll: str = ""
    dead: str = ""  # "the dead were", "those detained are": the metric's word
    tollref: bool = False
    put: str = ""
    over: bool = False
    mixed: bool = False  # "killed or wounded 30", "the casualty toll rose to 30"
    label: str = ""  # "Fatalities: 155"


def _before(lc: str, lc_low: str) -> _Before | None:
    if m := _BEFORE_VERB_RE.search(lc, max(0, len(lc) - 40)):
        mixed = _MIXED_BEFORE_RE.search(lc_low, max(0, m.start() - 40), m.start())
        return _Before(verb=m.group("verb"), mixed=mixed is not None and _two_metrics(mixed))
    # (a left context that is a label alone is read too: "Deaths 58", an infobox line
    # without its colon)
    if (
        _BEFORE_GATE_RE.search(lc_low) is not None
        or (len(lc_low) < 16 and lc_low.strip() in _LABELS)
    ) and (m := _BEFORE_RE.search(lc)):
        if m.start() < len(lc) - 45:
            # The nearest toll wins ("cut the toll ... and raised the number of wounded from
            # 30 to 51"); one further back counts when it is the only one ("The death toll
            # from [a long subject] has climbed to 64").
            m = (
                _BEFORE_RE.search(lc, len(lc) - 45)
                or _BEFORE_RE.search(lc, max(m.start() + 1, len(lc) - 90))
                or m
            )
        toll_at = m.start("toll")
        return _Before(
            toll=m.group("toll") or "",
            dead=m.group("dead") or "",
            tollref=bool(m.group("tollref") or m.group("tollref2") or m.group("tollref0")),
            put=m.group("put") or "",
            over=bool(m.group("over")),
            label=m.group("label") or "",
            mixed=(toll_at >= 0 and _CASUALTY_BEFORE_RE.search(lc_low, 0, toll_at) is not None)
            # "put the number of casualties at 150": the dead and the injured together
            or (m.group("put") is not None and "casualt" in m.group().lower()),
        )
    return None


# Words right before a number that make it something else: an age, money, a reference number,
# a share ("half of the 300"), people sheltered or evacuated rather than harmed. Looked up by
# the last words (a regex anchored at the end would be tried at every character before).
_NOT_BEFORE_WORDS = words(
    """aged ages no. number resolution article route highway page flight building unit psalm
    us$ shelter sheltering sheltered shelters host hosting hosted hosts housing housed houses
    accommodating accommodated accommodates employing employed employs evacuating evacuated
    evacuates rescuing rescued rescues"""
)
_AGES_LIST_RE = re.compile(
    r"\b(?:aged|ages(?:\s+of)?)\s+(?:between\s*$|(?:between\s+)?\d+(?:\s*,\s*\d+)*,?\s+"
    r"(?:and|or|to)\s*$)",
    re.I,
)
_SHARE_WORDS = words("half quarter third most some many all none majority percent cent")
_SHARE_DETERMINERS = words("the those these its their")


def _not_figure_before(lc: str) -> bool:
    tail = lc[-40:].rstrip()
    if tail.endswith(("$", "\u00a3", "\u20ac")):
        return True
    ws = tail.lower().split()
    if not ws:
        return False
    if ws[-1] in _NOT_BEFORE_WORDS or ws[-2:] == ["age", "of"] or ws[-3:] == ["of", "the", "year"]:
        return True
    if "age" in tail and _AGES_LIST_RE.search(tail) is not None:
        return True  # "two men, aged 22 and 24": the second age is no figure either
    # "half of the 300", "65% of the 2,000", "most of those 40"
    return (
        len(ws) >= 3
        and ws[-1] in _SHARE_DETERMINERS
        and ws[-2] == "of"
        and (ws[-3] in _SHARE_WORDS or ws[-3].endswith("%"))
    )
